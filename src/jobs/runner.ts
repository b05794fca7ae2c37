import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Db, Tx } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { withTrace } from '../audit/trace.ts';
import {
  claimDueJob,
  claimJobNow,
  expireLeases,
  finishJob,
  markSending,
  nextDueAt,
  releaseLeases,
  retryJobLater,
  type JobRow,
  type JobState,
} from './job.repository.ts';

export interface JobContext {
  now: Date;
  /** Call right before the outside effect (a post): a crash after this makes the job uncertain instead of repeated. */
  markSending(): Promise<void>;
  /** Marks the job done inside the transaction that records its effect, so the two cannot part. */
  finishIn(tx: Tx): Promise<void>;
}

export type JobOutcome =
  { state: 'done' } | { state: 'missed' | 'failed' | 'uncertain'; reason: string } | { retryAt: Date; reason: string };

/** A kind of due work. Handlers are plain objects registered by the composition root. */
export interface JobHandler {
  kind: string;
  run(job: JobRow, context: JobContext): Promise<JobOutcome>;
  /** A crash while sending: tell a person to check. */
  onUncertain?(job: JobRow): Promise<void>;
}

const maxAttempts = 5;
const defaultLeaseMs = 2 * 60_000;

/**
 * Runs due jobs from the jobs table. It keeps no state of its own: any number of instances may run
 * side by side on one PostgreSQL, and each job is claimed by exactly one.
 */
export class JobRunner {
  readonly owner: string;
  private readonly handlers: Map<string, JobHandler>;

  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      log: Logger;
      handlers: JobHandler[];
      owner?: string;
      leaseMs?: number;
    },
  ) {
    this.owner = deps.owner ?? `instance-${randomUUID().slice(0, 8)}`;
    this.handlers = new Map(deps.handlers.map((h) => [h.kind, h]));
  }

  private leaseUntil(now: Date): Date {
    return new Date(now.getTime() + (this.deps.leaseMs ?? defaultLeaseMs));
  }

  /**
   * Runs every job that is due now, one at a time; returns how many ran. `continueWhile` is asked before each claim:
   * a round that ran out of time, or an instance that is stopping, leaves the rest due for the next round.
   */
  async runDue(options: { continueWhile?: () => boolean } = {}): Promise<number> {
    for (const job of await expireLeases(this.deps.db, this.deps.clock.now())) {
      this.deps.log.warn(
        { jobId: job.id, kind: job.kind },
        'job uncertain: the instance running it stopped while sending',
      );
      await this.handlers.get(job.kind)?.onUncertain?.(job);
    }
    let ran = 0;
    while (options.continueWhile?.() ?? true) {
      const now = this.deps.clock.now();
      const job = await claimDueJob(this.deps.db, now, this.owner, this.leaseUntil(now));
      if (!job) return ran;
      await this.execute(job);
      ran++;
    }
    return ran;
  }

  /**
   * Gives back the jobs this instance claimed but has not started sending (it is stopping), so another instance can
   * run them at once instead of waiting for the lease to run out. A job already sending keeps its lease: if this
   * instance dies now, the lease runs out and the job becomes uncertain, as it should.
   */
  releaseLeases(): Promise<number> {
    return releaseLeases(this.deps.db, this.owner);
  }

  /** Runs one job at once if it is in one of `from` (a person asked); undefined when someone else has it. */
  async runNow(kind: string, subjectId: string, from: JobState[]): Promise<JobOutcome | undefined> {
    const now = this.deps.clock.now();
    const job = await claimJobNow(this.deps.db, kind, subjectId, from, now, this.owner, this.leaseUntil(now));
    return job ? this.execute(job) : undefined;
  }

  /**
   * Claims one job inside the caller's transaction (a person asked, and the turn checked what it will do in that
   * same transaction); `run` then runs it, typically in the background. Undefined when it is in none of `from`.
   */
  async claimIn(tx: Tx, kind: string, subjectId: string, from: JobState[]): Promise<JobRow | undefined> {
    const now = this.deps.clock.now();
    return claimJobNow(tx, kind, subjectId, from, now, this.owner, this.leaseUntil(now));
  }

  /** Runs a job this runner claimed (claimIn). */
  run(job: JobRow): Promise<JobOutcome> {
    return this.execute(job);
  }

  nextDueAt(): Promise<Date | undefined> {
    return nextDueAt(this.deps.db);
  }

  /** Each job runs in its own trace, like a bot turn. */
  private execute(job: JobRow): Promise<JobOutcome> {
    return withTrace(() => this.executeTraced(job));
  }

  private async executeTraced(job: JobRow): Promise<JobOutcome> {
    const { db, log, clock } = this.deps;
    const handler = this.handlers.get(job.kind);
    const now = clock.now();
    log.info({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job started');
    let outcome: JobOutcome;
    let sending = false;
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      outcome = await handler.run(job, {
        now,
        markSending: async () => {
          if (!(await markSending(db, job.id, this.owner, this.leaseUntil(clock.now()))))
            throw new Error('job lease lost before sending');
          sending = true;
        },
        finishIn: (tx) => finishJob(tx, job.id, this.owner, 'done', clock.now()),
      });
    } catch (error) {
      const reason = (error as Error)?.name ?? 'Error';
      // Failing after the point of no return (a timeout, say) may still have sent: never repeat it blindly.
      if (sending) outcome = { state: 'uncertain', reason };
      else
        outcome =
          job.attempts >= maxAttempts
            ? { state: 'failed', reason }
            : { retryAt: new Date(clock.now().getTime() + 2 ** job.attempts * 30_000), reason };
      log.error({ jobId: job.id, kind: job.kind, attempt: job.attempts, errorType: reason, sending }, 'job failed');
    }
    if ('retryAt' in outcome) await retryJobLater(db, job.id, this.owner, outcome.retryAt, outcome.reason);
    else
      await finishJob(
        db,
        job.id,
        this.owner,
        outcome.state,
        clock.now(),
        'reason' in outcome ? outcome.reason : undefined,
      );
    log.info({ jobId: job.id, kind: job.kind, outcome: 'retryAt' in outcome ? 'retry' : outcome.state }, 'job ended');
    if ('state' in outcome && outcome.state === 'uncertain') await handler?.onUncertain?.(job);
    return outcome;
  }
}
