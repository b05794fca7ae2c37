import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import type { JobOutcome, JobRunner } from '../jobs/runner.ts';
import { tell } from '../notify/queue.ts';
import type { Notification } from '../notify/notification.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { loadAgendas, settleOverflow } from './agenda.ts';
import type { AgendaReason } from './agenda.rules.ts';
import { addOverdueActionItems, agendaPostJob } from './planning.ts';
import { activeSessionStatuses, findSessionById } from './session.repository.ts';
import { findTableById, lockTableForBooking } from './table.repository.ts';

/** What the agenda is now, beside what the procesmanager saw on the draft. */
export interface AgendaChanges {
  added: { reference: string; reason: AgendaReason }[];
  /** Items that were on the draft and are not any more (taken off, or moved on because the agenda was full). */
  removed: number;
  reordered: boolean;
}

export type PublishNow =
  /** Claimed: `run` posts it (in the background); the messages follow from the outbox. */
  | { state: 'started'; run: () => Promise<JobOutcome>; notifications: Notification[] }
  /** The agenda differs from the draft the procesmanager saw: nothing is published; the draft shows the changes. */
  | { state: 'changed'; changes: AgendaChanges; notifications: Notification[] }
  | { state: 'published' | 'posting' | 'noChannel' | 'began' | 'notActive'; notifications: Notification[] };

/** The items of a draft as its card carries them: their ids in order (an empty draft too, unlike a missing one). */
export const draftFingerprint = (itemIds: readonly string[]) => `items:${itemIds.join(',')}`;
const itemsOf = (seen: string | undefined) =>
  seen?.startsWith('items:') ? seen.slice(6).split(',').filter(Boolean) : [];

/**
 * "Nu publiceren": only what the procesmanager approved is published. In one transaction the draft is brought to
 * what publishing would post (cases with overdue actions join it, what no longer fits moves on) and compared with
 * the draft they saw (`seen`, the item ids in order); when it differs, nothing is published and the changes are
 * returned to be shown. Otherwise the agenda post job is claimed in that same transaction and `run` posts it;
 * the invited people hear of it through the outbox. The turn waits on nothing in Teams.
 */
export async function publishNow(
  deps: UseCaseDeps & { jobs: JobRunner },
  actor: Actor,
  sessionId: string,
  seen: string | undefined,
): Promise<PublishNow> {
  assertCan(actor, 'agenda.manage');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const found = await findSessionById(tx, sessionId);
    if (!found) throw new DomainError(ErrorCode.NotFound, 'Session not found');
    await lockTableForBooking(tx, found.tableId);
    const table = (await findTableById(tx, found.tableId))!;
    const session = (await findSessionById(tx, sessionId))!;
    const none: Notification[] = [];
    if (session.agendaPublishedAt) return { state: 'published', notifications: none };
    if (!activeSessionStatuses.includes(session.status)) return { state: 'notActive', notifications: none };
    if (session.startsAt <= now) return { state: 'began', notifications: none };
    if (!table.channelConversationId) return { state: 'noChannel', notifications: none };
    await addOverdueActionItems(tx, table, session);
    const notifications = await tell(tx, now, await settleOverflow(tx, table, session.id, now));
    const [agenda] = await loadAgendas(tx, [session], [table]);
    const ids = agenda!.items.map((i) => i.id);
    if (draftFingerprint(ids) !== seen) {
      const before = itemsOf(seen);
      const added = agenda!.items.filter((i) => !before.includes(i.id));
      const kept = before.filter((id) => ids.includes(id));
      const changes: AgendaChanges = {
        added: added.map((i) => ({ reference: i.reference, reason: i.reason })),
        removed: before.length - kept.length,
        reordered: draftFingerprint(kept) !== draftFingerprint(ids.filter((id) => kept.includes(id))),
      };
      return { state: 'changed', changes, notifications };
    }
    const job = await deps.jobs.claimIn(tx, agendaPostJob, session.id, ['pending', 'failed']);
    if (!job) return { state: 'posting', notifications };
    return { state: 'started', run: () => deps.jobs.run(job), notifications };
  });
}
