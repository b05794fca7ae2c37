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

interface Round {
  /** Not stopping, and the round's time is not up: claim the next job. */
  inTime(): boolean;
  /** The round took too long and the scheduler moved on without it. */
  abandoned: boolean;
}

/**
 * Runs each round against its bound. A round past it is marked abandoned and left to finish on its own (its error, if
 * any, logged); `abandoned()` waits for those still running.
 */
function boundedRounds(log: Logger, roundMs: number, isStopped: () => boolean) {
  const stillRunning = new Set<Promise<void>>();
  return {
    async run(label: string, work: (round: Round) => Promise<void>): Promise<void> {
      const deadline = Date.now() + roundMs;
      const round: Round = { inTime: () => !isStopped() && Date.now() < deadline, abandoned: false };
      const task = work(round);
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), roundMs)));
      try {
        if ((await Promise.race([task, expired])) !== 'expired') return;
      } finally {
        clearTimeout(timer);
      }
      round.abandoned = true;
      log.error({ label, roundMs }, 'scheduler round abandoned: it took too long');
      const settled: Promise<void> = task
        .catch((error: unknown) => log.error({ label, errorType: (error as Error)?.name }, 'abandoned round failed'))
        .finally(() => stillRunning.delete(settled));
      stillRunning.add(settled);
    },
    abandoned: () => Promise.all([...stillRunning]).then(() => undefined),
  };
}

/** The longest a round may take unless told otherwise (SCHEDULER_ROUND_SECONDS). */
const defaultRoundMs = 60_000;

/**
 * Wakes the process for due work. The jobs table holds all state: node-schedule only sets the next
 * alarm, a sweep every minute is the safety net (a job another instance created), and the sessions a
 * year ahead are planned at start-up and every hour. Missed work is caught up at start-up.
 *
 * Every round is bounded (`roundMs`): it claims no new job after the bound, and a round still busy then (a
 * database that stopped answering) is abandoned and logged, so the next round can run. Claims are atomic in the
 * database, so an abandoned round that wakes up later cannot run a job twice. `lastTickAt` moves only when a round
 * finishes, so /readyz sees a scheduler that cannot get its work done.
 */
export function startScheduler(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  runner: JobRunner;
  /** The outbox: messages due again (after throttling, say) are delivered on the same alarm. */
  outbox?: Pick<Outbox, 'deliverDue' | 'nextDueAt'>;
  roundMs?: number;
}): Scheduler {
  const roundMs = deps.roundMs ?? defaultRoundMs;
  let alarm: schedule.Job | undefined;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  let lastTick: Date | undefined;
  const rounds = boundedRounds(deps.log, roundMs, () => stopped);

  const enqueue = (label: string, work: (round: Round) => Promise<void>) => {
    chain = chain
      .then(() => rounds.run(label, work))
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
    enqueue('run due jobs', async (round) => {
      if (stopped) return;
      const ran = await deps.runner.runDue({ continueWhile: () => round.inTime() });
      if (ran) deps.log.info({ ran, owner: deps.runner.owner }, 'due jobs run');
      if (round.abandoned || stopped) return;
      const delivered = (await deps.outbox?.deliverDue()) ?? 0;
      if (delivered) deps.log.info({ messages: delivered }, 'outbox messages tried');
      if (round.abandoned || stopped) return;
      // What was left for lack of time is due already: the alarm wakes the next round at once.
      await arm();
      lastTick = new Date();
    });
  const plan = () =>
    enqueue('plan sessions', async (round) => {
      const now = deps.clock.now();
      for (const table of await listTables(deps.db)) {
        if (!round.inTime()) return;
        await deps.db.$transaction((tx) => planSessions(tx, table, now));
      }
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
      await rounds.abandoned();
    },
  };
}
