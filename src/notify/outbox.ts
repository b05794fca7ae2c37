import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { findMembersByAadObjectIds } from '../members/member.repository.ts';
import type { UseCaseDeps } from '../use-case.ts';
import type { Notification } from './notification.ts';
import { countUndelivered, listUndelivered, retryMessage, type OutboxRow } from './outbox.repository.ts';
import { backoffDelay, type RetryPolicy } from './retry.ts';
import { personWithOrganisation } from '../organisations/person-label.ts';

/** The notification a row holds, with its dates as dates again. */
export function notificationOf(row: Pick<OutboxRow, 'payload'>): Notification {
  const n = row.payload as Notification;
  return n.kind === 'sessionMoved' ? { ...n, previousStartsAt: new Date(n.previousStartsAt) } : n;
}

/** How many tries a message gets before it is given up (Company Communicator gives ten). */
export const maxDeliveryAttempts = 8;
/** Backoff between tries of one message: from half a minute to an hour, with jitter. */
export const outboxRetryPolicy: RetryPolicy = {
  attempts: maxDeliveryAttempts,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
};

/** Teams' answers that will not change by trying again: the person must act (install, unblock) first. */
const finalStatusCodes = new Set([400, 401, 403, 404, 413]);

export type DeliveryFailure = { status?: number; code?: string; retryAfterSeconds?: number };

/**
 * What happens to a message after a failed try. Throttling (412, 429), server errors and the network are passing
 * faults: try again later, honouring Retry-After. A final answer (not installed, blocked, not found, too big)
 * waits for the person: it is sent again when they next write to the bot.
 */
export function afterFailure(
  failure: DeliveryFailure,
  attempts: number,
  now: Date,
  random: () => number = Math.random,
): { state: 'failed'; error: string; waitsForPerson: boolean } | { retryAt: Date; error: string } {
  const error = failure.status ? String(failure.status) : (failure.code ?? 'NETWORK');
  if (failure.status && finalStatusCodes.has(failure.status))
    return { state: 'failed', error, waitsForPerson: failure.status === 403 || failure.status === 404 };
  if (attempts >= maxDeliveryAttempts) return { state: 'failed', error, waitsForPerson: false };
  const delay = backoffDelay(attempts - 1, outboxRetryPolicy, random, failure.retryAfterSeconds);
  return { retryAt: new Date(now.getTime() + delay), error };
}

export interface UndeliveredNotice {
  id: string;
  /** Who should have got it (their name), or that it is the channel card of a meeting. */
  to: string;
  kind: string;
  state: 'failed' | 'uncertain';
  since: Date;
  attempts: number;
  lastError?: string;
}

/** `meldingen`: what the bot could not deliver, to whom and since when. No content: the payload holds only ids. */
export async function listUndeliveredNotices(
  deps: UseCaseDeps,
  actor: Actor,
): Promise<{ notices: UndeliveredNotice[]; total: number }> {
  assertCan(actor, 'notices.manage');
  const [rows, total] = await Promise.all([listUndelivered(deps.db, 20), countUndelivered(deps.db)]);
  const people = await findMembersByAadObjectIds(
    deps.db,
    rows.filter((r) => r.target === 'person').map((r) => r.recipient),
  );
  const nameOf = new Map(people.map((p) => [p.aadObjectId, personWithOrganisation(p.displayName, p.organisationName)]));
  const notices = rows.map((r) => ({
    id: r.id,
    to: r.target === 'person' ? (nameOf.get(r.recipient) ?? 'een oud-lid') : 'het kanaal van een overleg',
    kind: r.kind,
    state: r.state as 'failed' | 'uncertain',
    since: r.createdAt,
    attempts: r.attempts,
    ...(r.lastError ? { lastError: r.lastError } : {}),
  }));
  return { notices, total };
}

/** "Opnieuw proberen": the procesmanager sends an undelivered message again. */
export async function retryNotice(deps: UseCaseDeps, actor: Actor, noticeId: string): Promise<boolean> {
  assertCan(actor, 'notices.manage');
  return deps.db.$transaction(async (tx) => {
    const retried = await retryMessage(tx, noticeId, deps.clock.now());
    if (!retried) throw new DomainError(ErrorCode.NotFound, 'No undelivered message with this id');
    await recordAudit(tx, actor, {
      action: 'notice.retried',
      recordType: 'outboxMessage',
      recordId: noticeId,
      purpose: 'casusoverleg',
    });
    return retried;
  });
}
