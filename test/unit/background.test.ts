import { describe, expect, it } from 'vitest';
import { BackgroundWork } from '../../bot/shared/background.ts';
import { capturingLogger } from '../support/logs.ts';

describe('BackgroundWork', () => {
  it('does not hold up the caller, and settled() waits for everything, also work started by work', async () => {
    const { log } = capturingLogger();
    const work = new BackgroundWork(log);
    const done: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    work.run('first', async () => {
      await gate;
      done.push('first');
      work.run('second', async () => void done.push('second'));
    });
    expect(done).toEqual([]);
    const settled = work.settled();
    release();
    await settled;
    expect(done).toEqual(['first', 'second']);
  });

  it('logs a failure by its kind only and carries on', async () => {
    const { log, lines } = capturingLogger();
    const work = new BackgroundWork(log);
    work.run('case notifications', async () => {
      throw new TypeError('Jan Fictief is not reachable');
    });
    await work.settled();
    expect(lines()).toMatchObject([
      { level: 50, label: 'case notifications', errorType: 'TypeError', msg: 'background work failed' },
    ]);
    expect(JSON.stringify(lines())).not.toContain('Jan');
  });
});
