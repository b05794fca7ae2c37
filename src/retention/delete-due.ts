import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { pruneOldLogbook, type LogbookSettings } from '../audit/chain.jobs.ts';
import { recordAudits } from '../audit/audit.repository.ts';
import type { Clock } from '../clock.ts';
import type { Db, Tx } from '../db/client.ts';
import { ensureJob } from '../jobs/job.repository.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { purgeFinishedMessages } from '../notify/outbox.repository.ts';
import type { Logger } from '../logger.ts';
import { deleteCasesIfDue, listDueForDeletion, nextRetentionDueAt } from './retention.repository.ts';
import { deleteExpiredDownloads } from '../privacy/download.repository.ts';
import {
  deleteRegistrationRequestsBefore,
  registrationRequestKeptDays,
} from '../members/registration-request.repository.ts';
import { retentionCutoffs, type DeletionKind, type Retention } from './retention.rules.ts';

export interface RetentionDeps {
  db: Db;
  clock: Clock;
  log: Logger;
}

export interface DeletionCounts {
  case: number;
  referral: number;
  draft: number;
  /** Due cases whose deletion failed; they are tried again by the next sweep. */
  failed: number;
  batches: number;
  /** Stopped at `maxMs` while due cases may be left. */
  unfinished: boolean;
}

const auditAction: Record<DeletionKind, string> = {
  case: 'case.deleted',
  referral: 'referral.deleted',
  draft: 'draft.deleted',
};

/** How many due cases one transaction deletes: a few statements for the whole batch, and a short transaction. */
export const deletionBatchSize = 200;

/**
 * Deletes every case whose retention period has passed. The due ids are listed in batches; each batch is deleted
 * in one transaction with its audit events, in a fixed number of statements, so each case goes whole or not at
 * all and no transaction grows with the backlog. A batch that fails is retried one case per transaction, so one
 * case that cannot be deleted does not keep the others. Several instances may sweep at once: the row locks and
 * the re-check in deleteCasesIfDue let exactly one of them delete a case. Stops when a batch holds nothing it has
 * not tried, or, with `maxMs`, once that much (real) time has passed, after at least one batch.
 */
export async function deleteDueCases(
  deps: RetentionDeps,
  retention: Retention,
  options: { batchSize?: number; maxMs?: number; onProgress?(deleted: number): void } = {},
): Promise<DeletionCounts> {
  const batchSize = options.batchSize ?? deletionBatchSize;
  const started = performance.now();
  const counts: DeletionCounts = { case: 0, referral: 0, draft: 0, failed: 0, batches: 0, unfinished: false };
  const tried = new Set<string>();
  for (;;) {
    const ids = (await listDueForDeletion(deps.db, retentionCutoffs(retention, deps.clock.now()), batchSize)).filter(
      (id) => !tried.has(id),
    );
    if (!ids.length) break;
    counts.batches++;
    for (const id of ids) tried.add(id);
    await deleteBatch(deps, ids, retention, counts);
    options.onProgress?.(counts.case + counts.referral + counts.draft);
    if (options.maxMs !== undefined && performance.now() - started >= options.maxMs) {
      counts.unfinished = true;
      break;
    }
  }
  const { batches, unfinished, ...deleted } = counts;
  if (batches) deps.log.info({ ...deleted, batches, unfinished }, 'retention sweep: cases deleted');
  return counts;
}

/** One batch in one transaction; if that fails, each of its cases in a transaction of its own. */
async function deleteBatch(deps: RetentionDeps, ids: string[], retention: Retention, counts: DeletionCounts) {
  const deleteInTransaction = (caseIds: string[]) =>
    deps.db.$transaction(async (tx) => deleteAudited(tx, caseIds, retention, deps.clock.now()));
  try {
    for (const kind of (await deleteInTransaction(ids)).values()) counts[kind]++;
    return;
  } catch (error) {
    deps.log.warn(
      { cases: ids.length, errorType: (error as Error)?.name ?? 'Error' },
      'retention batch failed: deleting its cases one by one',
    );
  }
  for (const caseId of ids) {
    try {
      const kind = (await deleteInTransaction([caseId])).get(caseId);
      if (kind) counts[kind]++;
    } catch (error) {
      counts.failed++;
      deps.log.error({ caseId, errorType: (error as Error)?.name ?? 'Error' }, 'case deletion failed');
    }
  }
}

/** Deletes the cases still due, with one audit event each, in the caller's transaction. */
async function deleteAudited(
  tx: Tx,
  caseIds: string[],
  retention: Retention,
  now: Date,
): Promise<Map<string, DeletionKind>> {
  const deleted = await deleteCasesIfDue(tx, caseIds, retention, now);
  await recordAudits(
    tx,
    'system',
    [...deleted].map(([caseId, kind]) => ({
      action: auditAction[kind],
      recordType: 'case',
      recordId: caseId,
      purpose: 'verwijdering' as const,
    })),
  );
  return deleted;
}

export const retentionSweepJob = 'retention.sweep';

/** When the sweep comes back at the latest: the next midnight (UTC), the same moment for every instance. */
function nextDailySweep(now: Date): Date {
  return DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day').plus({ days: 1 }).toJSDate();
}

/** A case still due after a sweep (its deletion failed): tried again after this long, not at once. */
const retryAfterMs = 15 * 60_000;

/**
 * How long one sweep job deletes before it hands over to a fresh one: well within the shortest job lease
 * (JOB_LEASE_SECONDS is at least 30), so a long backlog is never taken for a dead instance's job.
 */
const sweepMs = 20_000;

/** How long a delivered outbox message (ids only) is kept. */
const outboxKeepMs = 7 * 24 * 3600_000;

const ensureSweep = (db: Db, dueAt: Date) =>
  ensureJob(db, { kind: retentionSweepJob, subjectId: dueAt.toISOString(), dueAt });

/**
 * The sweep as due work in the jobs table: exactly one instance runs each sweep, and a sweep that came due
 * while the bot was down runs when it is back. Each sweep plans the next: on the moment the next case becomes
 * due, and at least daily. The daily one is planned first, so a sweep that fails does not end the chain; the
 * subject is the due moment, so instances that plan the same moment plan one job. A backlog larger than one
 * sweep's time continues in a sweep due at once.
 */
export function retentionSweepHandler(
  deps: RetentionDeps & { retention: Retention; logbook?: LogbookSettings; sweepMs?: number; batchSize?: number },
): JobHandler {
  return {
    kind: retentionSweepJob,
    async run() {
      const daily = nextDailySweep(deps.clock.now());
      await ensureSweep(deps.db, daily);
      // Documents behind a link (an inzage) that nobody fetched go when their ten minutes are over.
      await deleteExpiredDownloads(deps.db, deps.clock.now());
      // Outbox rows that were delivered (or had nothing left to send) are kept a week for `meldingen`, then go.
      await purgeFinishedMessages(deps.db, new Date(deps.clock.now().getTime() - outboxKeepMs));
      await deleteStaleRegistrationRequests(deps);
      // The logbook's own retention: independent of the cases (its rows hold ids only); the chain stays verifiable.
      if (deps.logbook) await pruneOldLogbook({ ...deps, logbook: deps.logbook });
      const result = await deleteDueCases(deps, deps.retention, {
        maxMs: deps.sweepMs ?? sweepMs,
        ...(deps.batchSize ? { batchSize: deps.batchSize } : {}),
      });
      const now = deps.clock.now();
      // Continued at once only while it makes progress: a case that keeps failing waits for the retry below.
      if (result.unfinished && result.case + result.referral + result.draft > 0) {
        await ensureJob(deps.db, {
          kind: retentionSweepJob,
          subjectId: `${now.toISOString()}:more-${randomUUID().slice(0, 8)}`,
          dueAt: now,
        });
        return { state: 'done' };
      }
      const due = await nextRetentionDueAt(deps.db, deps.retention);
      if (due && due < daily) await ensureSweep(deps.db, due > now ? due : new Date(now.getTime() + retryAfterMs));
      return { state: 'done' };
    },
  };
}

/**
 * At start-up: a sweep due now, to catch up on what came due while the bot was down. Every start gets one;
 * instances that start in the same minute (a deployment of several) share it.
 */
export async function ensureRetentionSweep(db: Db, now: Date): Promise<void> {
  const minute = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('minute').toISO({ suppressMilliseconds: true });
  await ensureJob(db, { kind: retentionSweepJob, subjectId: `start-${minute}`, dueAt: now });
}

/** Registration requests go 30 days after they were made (the Teams name of a non-member); the logbook keeps the id. */
export async function deleteStaleRegistrationRequests(deps: RetentionDeps): Promise<number> {
  const before = DateTime.fromJSDate(deps.clock.now()).minus({ days: registrationRequestKeptDays }).toJSDate();
  const ids = await deps.db.$transaction(async (tx) => {
    const deleted = await deleteRegistrationRequestsBefore(tx, before);
    await recordAudits(
      tx,
      'system',
      deleted.map((recordId) => ({
        action: 'registration.deleted',
        recordType: 'registrationRequest',
        recordId,
        purpose: 'verwijdering',
      })),
    );
    return deleted;
  });
  if (ids.length) deps.log.info({ requests: ids.length }, 'retention sweep: registration requests deleted');
  return ids.length;
}
