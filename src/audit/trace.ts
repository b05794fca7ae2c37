import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/**
 * The trace id of the work under way: one per bot turn or job, carried through every await (and the background
 * work a turn starts), so each logbook event and log line of one click shares it.
 */
const traces = new AsyncLocalStorage<string>();

/** A W3C-style trace id: 32 hex characters. */
export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

export function withTrace<T>(fn: () => Promise<T>, traceId: string = newTraceId()): Promise<T> {
  return traces.run(traceId, fn);
}

export function currentTraceId(): string | undefined {
  return traces.getStore();
}
