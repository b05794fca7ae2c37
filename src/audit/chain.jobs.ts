import { DateTime } from 'luxon';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { ensureJob } from '../jobs/job.repository.ts';
import type { JobHandler } from '../jobs/runner.ts';
import type { Logger } from '../logger.ts';
import { pruneLogbook, sealLogbook, sealBatchSize } from './chain.ts';

/** The logbook's settings (src/config.ts): how long its rows are kept, and how old a row must be to be sealed. */
export interface LogbookSettings {
  keptYears: number;
  sealMarginMs: number;
}

export const logbookSealJob = 'logbook.seal';

/** Batches one sealing job does before it leaves the rest to the next (well within a job's lease). */
const batchesPerJob = 50;

/** The next full hour (UTC): the same moment, and so the same job, for every instance. */
function nextHour(now: Date): Date {
  return DateTime.fromJSDate(now, { zone: 'utc' }).startOf('hour').plus({ hours: 1 }).toJSDate();
}

const ensureSeal = (db: Db, dueAt: Date) =>
  ensureJob(db, { kind: logbookSealJob, subjectId: dueAt.toISOString(), dueAt });

/**
 * Sealing as due work in the jobs table: each hour exactly one instance seals what is due, and plans the next hour
 * first (a failing run does not end the chain). A backlog beyond one job's batches continues in a job due at once.
 */
export function logbookSealHandler(deps: { db: Db; clock: Clock; log: Logger; logbook: LogbookSettings }): JobHandler {
  return {
    kind: logbookSealJob,
    async run() {
      await ensureSeal(deps.db, nextHour(deps.clock.now()));
      const sealed = await sealLogbook(deps.db, { marginMs: deps.logbook.sealMarginMs, maxBatches: batchesPerJob });
      if (sealed) deps.log.info({ sealed }, 'logbook sealed');
      if (sealed >= batchesPerJob * sealBatchSize) {
        const now = deps.clock.now();
        await ensureJob(deps.db, { kind: logbookSealJob, subjectId: `${now.toISOString()}:more`, dueAt: now });
      }
      return { state: 'done' };
    },
  };
}

/** At start-up: the sealing of this hour (instances that start in the same hour share it). */
export async function ensureLogbookSeal(db: Db, now: Date): Promise<void> {
  const hour = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('hour').toJSDate();
  await ensureJob(db, { kind: logbookSealJob, subjectId: `start-${hour.toISOString()}`, dueAt: now });
}

/**
 * The logbook's own retention (in the daily retention sweep): rows older than `keptYears` go, independent of the
 * cases they are about (they hold ids only). Returns how many went.
 */
export async function pruneOldLogbook(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  logbook: LogbookSettings;
}): Promise<number> {
  const before = DateTime.fromJSDate(deps.clock.now(), { zone: 'utc' }).minus({ years: deps.logbook.keptYears });
  const { count, throughId } = await pruneLogbook(deps.db, {
    before: before.toJSDate(),
    marginMs: deps.logbook.sealMarginMs,
    // Within the sweep's lease: a backlog (the first sweep after years) continues at the next sweep.
    maxBatches: batchesPerJob,
  });
  if (count) deps.log.info({ rows: count, throughId }, 'retention sweep: logbook rows pruned');
  return count;
}
