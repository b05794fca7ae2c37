import schedule from 'node-schedule';
import type { Clock } from '../../src/clock.ts';
import type { Db } from '../../src/db/client.ts';
import type { JobRunner } from '../../src/jobs/runner.ts';
import type { Logger } from '../../src/logger.ts';
import type { Outbox } from '../deps.ts';
import { planSessions } from '../../src/conferences/planning.ts';
import { listTables } from '../../src/conferences/table.repository.ts';

export interface Scheduler {
  /** Run due work now and re-arm (after a change that may have made something due sooner). */
  wake(): void;
  /** When the scheduler last finished a round of due work: a readiness check sees a stalled scheduler. */
  lastTickAt(): Date | undefined;
  /** Resolves when the work queued so far is done (the catch-up at start-up, say). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Wakes the process for due work. The jobs table holds all state: node-schedule only sets the next
 * alarm, a sweep every minute is the safety net (a job another instance created), and the sessions a
 * year ahead are planned at start-up and every hour. Missed work is caught up at start-up.
 */
export function startScheduler(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  runner: JobRunner;
  /** The outbox: messages due again (after throttling, say) are delivered on the same alarm. */
  outbox?: Pick<Outbox, 'deliverDue' | 'nextDueAt'>;
}): Scheduler {
  let alarm: schedule.Job | undefined;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  let lastTick: Date | undefined;

  const enqueue = (label: string, work: () => Promise<void>) => {
    chain = chain
      .then(work)
      .catch((error: unknown) => deps.log.error({ label, errorType: (error as Error)?.name }, 'scheduler work failed'));
  };
  const arm = async () => {
    alarm?.cancel();
    const dues = await Promise.all([deps.runner.nextDueAt(), deps.outbox?.nextDueAt()]);
    const next = dues.filter((d): d is Date => d !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
    if (!next || stopped) return;
    // node-schedule ignores a date in the past: due work runs on the next tick instead.
    alarm = schedule.scheduleJob(new Date(Math.max(next.getTime(), Date.now() + 50)), () => wake());
  };
  const wake = () =>
    enqueue('run due jobs', async () => {
      if (stopped) return;
      const ran = await deps.runner.runDue();
      if (ran) deps.log.info({ ran, owner: deps.runner.owner }, 'due jobs run');
      const delivered = (await deps.outbox?.deliverDue()) ?? 0;
      if (delivered) deps.log.info({ messages: delivered }, 'outbox messages tried');
      await arm();
      lastTick = new Date();
    });
  const plan = () =>
    enqueue('plan sessions', async () => {
      const now = deps.clock.now();
      for (const table of await listTables(deps.db)) await deps.db.$transaction((tx) => planSessions(tx, table, now));
    });

  const sweep = schedule.scheduleJob('* * * * *', () => wake());
  const hourly = schedule.scheduleJob('17 * * * *', () => plan());
  plan();
  wake();

  return {
    wake,
    lastTickAt: () => lastTick,
    idle: () => chain,
    async stop() {
      stopped = true;
      sweep?.cancel();
      hourly?.cancel();
      alarm?.cancel();
      await chain;
    },
  };
}
