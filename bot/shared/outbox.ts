import { randomUUID } from 'node:crypto';
import { findSessionById } from '../../src/conferences/session.repository.ts';
import { DomainError } from '../../src/errors.ts';
import { afterFailure, notificationOf, type DeliveryFailure } from '../../src/notify/outbox.ts';
import {
  claimDueMessages,
  expireSendingMessages,
  finishMessage,
  markMessageSending,
  markMessagesWaiting,
  nextMessageDueAt,
  releaseMessageLeases,
  type OutboxRow,
} from '../../src/notify/outbox.repository.ts';
import type { OutgoingMessage } from '../../src/notify/notifier.ts';
import { retryAfterOf, statusCodeOf } from '../../src/notify/retry.ts';
import type { BotDeps, Outbox } from '../deps.ts';
import { channelCardFor, personalCardFor } from './notifications.ts';

export type OutboxDeps = Pick<BotDeps, 'db' | 'log' | 'clock' | 'notifier' | 'informWithinDays' | 'background'>;

const batchSize = 20;
const defaultLeaseMs = 2 * 60_000;

/** What Teams' answer (or the network's) says, without its text: the status, the error code, Retry-After. */
function failureOf(error: unknown): DeliveryFailure {
  const status = statusCodeOf(error);
  const code = (error as { code?: unknown })?.code;
  const retryAfterSeconds = retryAfterOf(error);
  return {
    ...(status !== undefined ? { status } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
}

/**
 * Delivers the outbox: every message the bot sends on its own, one row per recipient. Any number of instances
 * deliver side by side (each row is taken by one); a row handed to Teams by an instance that then died is
 * uncertain and never repeated by itself. A turn only wakes it: nobody waits on Teams for someone else's message.
 */
export class OutboxDelivery implements Outbox {
  readonly owner: string;
  private active = false;
  private again = false;

  constructor(
    private readonly deps: OutboxDeps,
    private readonly options: { owner?: string; leaseMs?: number; random?: () => number } = {},
  ) {
    this.owner = options.owner ?? `outbox-${randomUUID().slice(0, 8)}`;
  }

  /** Delivers what is due, in the background (after a turn queued messages); a wake during a round runs another. */
  wake(): void {
    if (this.active) {
      this.again = true;
      return;
    }
    this.active = true;
    this.deps.background.run('outbox', async () => {
      try {
        do {
          this.again = false;
          await this.deliverDue();
        } while (this.again);
      } finally {
        this.active = false;
      }
    });
  }

  nextDueAt(): Promise<Date | undefined> {
    return nextMessageDueAt(this.deps.db);
  }

  /** Stopping: what this instance took but did not send yet goes back at once, not after its lease. */
  releaseLeases(): Promise<number> {
    return releaseMessageLeases(this.deps.db, this.owner);
  }

  /** Delivers every message due now; returns how many were tried. */
  async deliverDue(): Promise<number> {
    const { db, clock, log } = this.deps;
    const expired = await expireSendingMessages(db, clock.now());
    if (expired) log.warn({ messages: expired }, 'outbox messages uncertain: the instance sending them stopped');
    let tried = 0;
    for (;;) {
      const now = clock.now();
      const rows = await claimDueMessages(db, now, this.owner, this.leaseUntil(now), batchSize);
      if (!rows.length) return tried;
      for (const row of rows) await this.deliverOne(row);
      tried += rows.length;
    }
  }

  private leaseUntil(now: Date): Date {
    return new Date(now.getTime() + (this.options.leaseMs ?? defaultLeaseMs));
  }

  private async deliverOne(row: OutboxRow): Promise<void> {
    const { db, clock, log } = this.deps;
    const logged = { outboxId: row.id, kind: row.kind, target: row.target };
    let send: (() => Promise<{ delivered: boolean }>) | undefined;
    try {
      send = await this.prepare(row);
    } catch (error) {
      // Building the card failed before anything reached Teams: the database, say. Try again later.
      const failure = error instanceof DomainError ? undefined : failureOf(error);
      if (!failure) {
        await finishMessage(db, row, this.owner, { state: 'dropped', error: (error as DomainError).code }, clock.now());
        return;
      }
      const outcome = afterFailure({ code: (error as Error)?.name ?? 'Error' }, row.attempts + 1, clock.now());
      await finishMessage(
        db,
        row,
        this.owner,
        'retryAt' in outcome ? { ...outcome, countAttempt: true } : outcome,
        clock.now(),
      );
      log.error({ ...logged, errorType: (error as Error)?.name }, 'outbox message could not be built');
      return;
    }
    if (!send) {
      await finishMessage(db, row, this.owner, { state: 'dropped' }, clock.now());
      return;
    }
    if (!(await markMessageSending(db, row, this.owner, clock.now(), this.leaseUntil(clock.now())))) return;
    try {
      const result = await send();
      if (result.delivered) {
        await finishMessage(db, row, this.owner, { state: 'sent' }, clock.now());
        return;
      }
      await finishMessage(db, row, this.owner, { state: 'failed', error: 'NO_CONVERSATION' }, clock.now());
      if (row.target === 'person') await markMessagesWaiting(db, row.recipient);
      log.warn({ ...logged, error: 'NO_CONVERSATION' }, 'outbox message waits: no chat with the recipient yet');
    } catch (error) {
      const failure = failureOf(error);
      const outcome = afterFailure(failure, row.attempts + 1, clock.now(), this.options.random);
      await finishMessage(db, row, this.owner, outcome, clock.now());
      if ('state' in outcome && outcome.waitsForPerson && row.target === 'person')
        await markMessagesWaiting(db, row.recipient);
      log.warn(
        { ...logged, attempt: row.attempts + 1, error: outcome.error, retry: 'retryAt' in outcome },
        'retryAt' in outcome ? 'outbox message not delivered: trying again later' : 'outbox message not delivered',
      );
    }
  }

  /** The message as its recipient gets it now, ready to send; undefined when there is nothing to send any more. */
  private async prepare(row: OutboxRow): Promise<(() => Promise<{ delivered: boolean }>) | undefined> {
    const n = notificationOf(row);
    const { notifier } = this.deps;
    if (n.kind === 'agendaChanged') {
      const post = (await findSessionById(this.deps.db, n.sessionId))?.post;
      if (!post) return undefined;
      const message: OutgoingMessage = { card: await channelCardFor(this.deps, n.sessionId) };
      return () => notifier.update(post.conversationId, post.activityId, message);
    }
    const card = await personalCardFor(this.deps, n);
    return card ? () => notifier.toPerson(n.to, { card }) : undefined;
  }
}
