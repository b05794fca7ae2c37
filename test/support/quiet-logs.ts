import { afterEach } from 'vitest';
import type { Logger } from '../../src/logger.ts';
import { capturingLogger } from './logs.ts';

/**
 * Logs of a bot a test starts itself (the end-to-end stage), kept out of the test output: a file that registers
 * this setup gets them printed after a test that failed, and only then.
 */
const sinks: ReturnType<typeof capturingLogger>[] = [];
const printed = new WeakMap<object, number>();

/** A logger whose lines appear in the test output only when a test fails. */
export function quietLogger(level = 'warn'): Logger {
  const logs = capturingLogger(level);
  sinks.push(logs);
  return logs.log;
}

export function printLogsOnFailure(): void {
  afterEach((context) => {
    for (const sink of sinks) {
      const lines = sink.text().split('\n').filter(Boolean);
      const from = printed.get(sink) ?? 0;
      printed.set(sink, lines.length);
      if (context.task.result?.state === 'fail' && lines.length > from)
        console.log(`Logs of the bot during "${context.task.name}":\n${lines.slice(from).join('\n')}`);
    }
  });
}
