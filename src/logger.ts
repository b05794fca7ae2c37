import { pino, type Logger } from 'pino';

import { currentTraceId } from './audit/trace.ts';

export type { Logger };

/**
 * Structured logs. Messages, card inputs and names never go in: log ids, codes and counts only.
 * The redact list is a safety net for fields that might slip in through an error object.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'casusbot' },
      // The trace of the turn or job a line belongs to: the same id as its logbook events.
      mixin: () => {
        const traceId = currentTraceId();
        return traceId ? { traceId } : {};
      },
      redact: {
        paths: [
          'text',
          '*.text',
          'name',
          '*.name',
          'displayName',
          '*.displayName',
          'value',
          '*.value',
          'data',
          '*.data',
        ],
        censor: '[verwijderd]',
      },
    },
    destination,
  );
}
