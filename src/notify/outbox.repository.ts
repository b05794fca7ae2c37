import type { Prisma } from '../../prisma/generated/client.ts';
import type { Tx } from '../db/client.ts';

export type OutboxState = 'pending' | 'retrying' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'dropped';
export type OutboxTarget = 'person' | 'channelCard';

export interface NewOutboxMessage {
  target: OutboxTarget;
  recipient: string;
  kind: string;
  payload: Prisma.InputJsonValue;
  dedupeKey?: string;
}

export interface OutboxRow {
  id: string;
  target: OutboxTarget;
  recipient: string;
  kind: string;
  payload: unknown;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
}

/** Queues messages in the caller's transaction; one with a dedupe key already queued is left out. */
export async function insertOutboxMessages(tx: Tx, messages: NewOutboxMessage[], now: Date): Promise<void> {
  if (!messages.length) return;
  await tx.outboxMessage.createMany({
    data: messages.map((m) => ({
      ...m,
      dedupeKey: m.dedupeKey ?? null,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })),
    skipDuplicates: true,
  });
}

/**
 * Takes up to `limit` due messages for this instance, atomically: SKIP LOCKED lets two instances take different
 * messages at once, never the same one. A message taken but not yet handed to Teams by an instance that died is
 * taken again once its lease ran out.
 */
export async function claimDueMessages(
  tx: Tx,
  now: Date,
  owner: string,
  leaseUntil: Date,
  limit: number,
): Promise<OutboxRow[]> {
  return tx.$queryRaw<OutboxRow[]>`
    UPDATE outbox_message
       SET "lockedBy" = ${owner}, "lockedUntil" = ${leaseUntil}, "updatedAt" = ${now}
     WHERE id IN (SELECT id FROM outbox_message
                   WHERE state IN ('pending', 'retrying') AND "nextAttemptAt" <= ${now}
                     AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
                   ORDER BY "nextAttemptAt", "createdAt" LIMIT ${limit}
                   FOR UPDATE SKIP LOCKED)
    RETURNING id, target, recipient, kind, payload, state::text AS state, attempts, "nextAttemptAt", "lastError", "createdAt"`;
}

/**
 * The point of no return: handed to Teams from here. The dedupe key is freed, so a change made meanwhile queues a
 * fresh update of a channel card instead of being swallowed by the one under way.
 */
export async function markMessageSending(
  tx: Tx,
  row: Pick<OutboxRow, 'id' | 'target'>,
  owner: string,
  now: Date,
  leaseUntil: Date,
): Promise<boolean> {
  // A fresh lease: a slow but live instance must not be taken for a dead one while it sends.
  const { count } = await tx.outboxMessage.updateMany({
    where: { id: row.id, lockedBy: owner, state: { in: ['pending', 'retrying'] } },
    data: {
      state: 'sending',
      lockedUntil: leaseUntil,
      attempts: { increment: 1 },
      updatedAt: now,
      ...(row.target === 'channelCard' ? { dedupeKey: null } : {}),
    },
  });
  return count === 1;
}

export async function finishMessage(
  tx: Tx,
  row: Pick<OutboxRow, 'id' | 'target'>,
  owner: string,
  outcome:
    | { state: 'sent' | 'failed' | 'uncertain' | 'dropped'; error?: string }
    | { retryAt: Date; error: string; countAttempt?: boolean },
  now: Date,
): Promise<void> {
  const data =
    'retryAt' in outcome
      ? {
          state: 'retrying' as const,
          nextAttemptAt: outcome.retryAt,
          lastError: outcome.error,
          // A try that failed before reaching Teams (building the card) counts too, or it would never end.
          ...(outcome.countAttempt ? { attempts: { increment: 1 } } : {}),
        }
      : {
          state: outcome.state,
          lastError: outcome.error ?? null,
          ...(outcome.state === 'sent' ? { sentAt: now } : {}),
        };
  const done = !('retryAt' in outcome);
  await tx.outboxMessage.updateMany({
    where: { id: row.id, lockedBy: owner },
    data: {
      ...data,
      lockedBy: null,
      lockedUntil: null,
      updatedAt: now,
      // A channel card that ended frees its place: the next change queues a fresh update.
      ...(done && row.target === 'channelCard' ? { dedupeKey: null } : {}),
    },
  });
}

/**
 * Messages an instance handed to Teams and then stopped answering for (it died): nobody knows whether they
 * arrived, so they are not sent again by themselves. Returns how many.
 */
export async function expireSendingMessages(tx: Tx, now: Date): Promise<number> {
  return tx.$executeRaw`
    UPDATE outbox_message SET state = 'uncertain', "lockedBy" = NULL, "lockedUntil" = NULL,
           "lastError" = 'CRASHED_WHILE_SENDING', "updatedAt" = ${now}
     WHERE state = 'sending' AND "lockedUntil" < ${now}`;
}

/** Stopping: messages this instance took but did not hand to Teams yet are free for another at once. */
export async function releaseMessageLeases(tx: Tx, owner: string): Promise<number> {
  const { count } = await tx.outboxMessage.updateMany({
    where: { lockedBy: owner, state: { in: ['pending', 'retrying'] } },
    data: { lockedBy: null, lockedUntil: null },
  });
  return count;
}

/** When the next message is due: the scheduler sleeps until then. */
export async function nextMessageDueAt(tx: Tx): Promise<Date | undefined> {
  const r = await tx.outboxMessage.findFirst({
    where: { state: { in: ['pending', 'retrying'] } },
    orderBy: { nextAttemptAt: 'asc' },
    select: { nextAttemptAt: true },
  });
  return r?.nextAttemptAt;
}

/** Marks that messages wait for this person until they next write to the bot. */
export async function markMessagesWaiting(tx: Tx, aadObjectId: string): Promise<void> {
  await tx.member.updateMany({ where: { aadObjectId, messagesWaiting: false }, data: { messagesWaiting: true } });
}

/**
 * The person wrote to the bot: what could not reach them (not installed, blocked, no chat yet) is due again.
 * Returns how many messages are due again.
 */
export async function releaseWaitingMessages(tx: Tx, aadObjectId: string, now: Date): Promise<number> {
  await tx.member.updateMany({ where: { aadObjectId }, data: { messagesWaiting: false } });
  const { count } = await tx.outboxMessage.updateMany({
    where: { target: 'person', recipient: aadObjectId, state: 'failed' },
    data: { state: 'pending', nextAttemptAt: now, attempts: 0, updatedAt: now },
  });
  return count;
}

/** What could not be delivered (failed or uncertain), oldest first: for the procesmanager, without content. */
export async function listUndelivered(tx: Tx, limit: number): Promise<OutboxRow[]> {
  const rows = await tx.outboxMessage.findMany({
    where: { state: { in: ['failed', 'uncertain'] } },
    orderBy: { createdAt: 'asc' },
    take: limit,
  });
  return rows.map((r) => ({ ...r, target: r.target as OutboxTarget }));
}

export async function countUndelivered(tx: Tx): Promise<number> {
  return tx.outboxMessage.count({ where: { state: { in: ['failed', 'uncertain'] } } });
}

/** "Opnieuw proberen": a failed or uncertain message is due again, with fresh tries. */
export async function retryMessage(tx: Tx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.outboxMessage.updateMany({
    where: { id, state: { in: ['failed', 'uncertain'] } },
    data: { state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, updatedAt: now },
  });
  return count === 1;
}

/** Delivered or dropped messages older than `before` are of no use any more. */
export async function purgeFinishedMessages(tx: Tx, before: Date): Promise<number> {
  const { count } = await tx.outboxMessage.deleteMany({
    where: { state: { in: ['sent', 'dropped'] }, updatedAt: { lt: before } },
  });
  return count;
}
