import type { Tx } from '../db/client.ts';

export type JobState = 'pending' | 'running' | 'sending' | 'done' | 'failed' | 'missed' | 'uncertain' | 'cancelled';

export interface JobRow {
  id: string;
  kind: string;
  subjectId: string;
  dueAt: Date;
  state: JobState;
  attempts: number;
  lastError?: string;
}

const toRow = (r: {
  id: string;
  kind: string;
  subjectId: string;
  dueAt: Date;
  state: JobState;
  attempts: number;
  lastError: string | null;
}): JobRow => ({
  id: r.id,
  kind: r.kind,
  subjectId: r.subjectId,
  dueAt: r.dueAt,
  state: r.state,
  attempts: r.attempts,
  ...(r.lastError ? { lastError: r.lastError } : {}),
});

/** Creates the job once; a second call (another instance, a restart) changes nothing. */
export async function ensureJob(tx: Tx, job: { kind: string; subjectId: string; dueAt: Date }): Promise<void> {
  await tx.scheduledJob.createMany({ data: [job], skipDuplicates: true });
}

/** Creates the jobs that do not exist yet, in one statement. */
export async function ensureJobs(tx: Tx, jobs: { kind: string; subjectId: string; dueAt: Date }[]): Promise<void> {
  if (jobs.length) await tx.scheduledJob.createMany({ data: jobs, skipDuplicates: true });
}

/** Moves a job that has not run yet. */
export async function rescheduleJob(tx: Tx, kind: string, subjectId: string, dueAt: Date): Promise<void> {
  await tx.scheduledJob.updateMany({ where: { kind, subjectId, state: 'pending' }, data: { dueAt } });
}

/** Makes a job that ended without doing its work due again (not one that is done or under way). */
export async function reviveJob(tx: Tx, kind: string, subjectId: string, dueAt: Date): Promise<void> {
  await tx.scheduledJob.updateMany({
    where: { kind, subjectId, state: { in: ['cancelled', 'failed', 'missed'] } },
    data: { state: 'pending', dueAt, lockedBy: null, lockedUntil: null, lastError: null, finishedAt: null },
  });
}

export async function cancelJob(tx: Tx, kind: string, subjectId: string): Promise<void> {
  await tx.scheduledJob.updateMany({
    where: { kind, subjectId, state: { in: ['pending', 'failed', 'missed', 'uncertain'] } },
    data: { state: 'cancelled' },
  });
}

export async function findJob(tx: Tx, kind: string, subjectId: string): Promise<JobRow | undefined> {
  const r = await tx.scheduledJob.findUnique({ where: { kind_subjectId: { kind, subjectId } } });
  return r ? toRow(r) : undefined;
}

/**
 * Claims the most overdue job, atomically: the row lock with SKIP LOCKED lets two instances claim
 * different jobs at once, never the same one.
 */
export async function claimDueJob(tx: Tx, now: Date, owner: string, leaseUntil: Date): Promise<JobRow | undefined> {
  const rows = await tx.$queryRaw<JobRow[]>`
    UPDATE scheduled_job
       SET state = 'running', "lockedBy" = ${owner}, "lockedUntil" = ${leaseUntil}, attempts = attempts + 1, "updatedAt" = ${now}
     WHERE id = (SELECT id FROM scheduled_job
                  WHERE state = 'pending' AND "dueAt" <= ${now}
                  ORDER BY "dueAt" LIMIT 1
                  FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, "subjectId", "dueAt", state, attempts`;
  return rows[0];
}

/** Claims one job now, whatever its due time (a person asked for it), if it is in one of `from`. */
export async function claimJobNow(
  tx: Tx,
  kind: string,
  subjectId: string,
  from: JobState[],
  now: Date,
  owner: string,
  leaseUntil: Date,
): Promise<JobRow | undefined> {
  const { count } = await tx.scheduledJob.updateMany({
    where: { kind, subjectId, state: { in: from } },
    data: { state: 'running', lockedBy: owner, lockedUntil: leaseUntil, attempts: { increment: 1 } },
  });
  return count === 1 ? findJob(tx, kind, subjectId) : undefined;
}

/** The point of no return: from here a crash leaves it unknown whether the work was done. */
export async function markSending(tx: Tx, id: string, owner: string, leaseUntil: Date): Promise<boolean> {
  // A fresh lease: a slow but live instance must not be taken for a dead one while it sends.
  const { count } = await tx.scheduledJob.updateMany({
    where: { id, lockedBy: owner, state: 'running' },
    data: { state: 'sending', lockedUntil: leaseUntil },
  });
  return count === 1;
}

export async function finishJob(
  tx: Tx,
  id: string,
  owner: string,
  state: 'done' | 'failed' | 'missed' | 'uncertain',
  now: Date,
  error?: string,
): Promise<void> {
  await tx.scheduledJob.updateMany({
    where: { id, lockedBy: owner, state: { in: ['running', 'sending'] } },
    data: { state, finishedAt: now, lockedUntil: null, lastError: error ?? null },
  });
}

export async function retryJobLater(tx: Tx, id: string, owner: string, dueAt: Date, error: string): Promise<void> {
  await tx.scheduledJob.updateMany({
    where: { id, lockedBy: owner, state: 'running' },
    data: { state: 'pending', dueAt, lockedBy: null, lockedUntil: null, lastError: error },
  });
}

/** Resolves an uncertain job by hand: a person checked the channel and saw the work was done. */
export async function confirmUncertainJob(tx: Tx, kind: string, subjectId: string, now: Date): Promise<boolean> {
  const { count } = await tx.scheduledJob.updateMany({
    where: { kind, subjectId, state: 'uncertain' },
    data: { state: 'done', finishedAt: now, lastError: 'CONFIRMED_BY_HAND' },
  });
  return count === 1;
}

/**
 * Leases that ran out belong to an instance that died. Before the point of no return the job simply
 * runs again; after it, nobody knows whether the message went out, so a person must look.
 * Returns the jobs that became uncertain.
 */
export async function expireLeases(tx: Tx, now: Date): Promise<JobRow[]> {
  await tx.scheduledJob.updateMany({
    where: { state: 'running', lockedUntil: { lt: now } },
    data: { state: 'pending', lockedBy: null, lockedUntil: null, lastError: 'LEASE_EXPIRED' },
  });
  const rows = await tx.$queryRaw<JobRow[]>`
    UPDATE scheduled_job SET state = 'uncertain', "lockedUntil" = NULL, "lastError" = 'CRASHED_WHILE_SENDING', "updatedAt" = ${now}
     WHERE state = 'sending' AND "lockedUntil" < ${now}
    RETURNING id, kind, "subjectId", "dueAt", state, attempts`;
  return rows;
}

/** The running (not yet sending) jobs of `owner` are due again for any instance, at their own time; returns how many. */
export async function releaseLeases(tx: Tx, owner: string): Promise<number> {
  const { count } = await tx.scheduledJob.updateMany({
    where: { lockedBy: owner, state: 'running' },
    data: { state: 'pending', lockedBy: null, lockedUntil: null, lastError: 'RELEASED_AT_STOP' },
  });
  return count;
}

/** When the next pending job is due: the scheduler sleeps until then. */
export async function nextDueAt(tx: Tx): Promise<Date | undefined> {
  const r = await tx.scheduledJob.findFirst({
    where: { state: 'pending' },
    orderBy: { dueAt: 'asc' },
    select: { dueAt: true },
  });
  return r?.dueAt;
}

export async function listJobs(
  tx: Tx,
  where: { kind?: string; subjectId?: string; state?: JobState } = {},
): Promise<JobRow[]> {
  return (await tx.scheduledJob.findMany({ where, orderBy: { dueAt: 'asc' } })).map(toRow);
}
