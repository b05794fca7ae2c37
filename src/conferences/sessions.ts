import type { UseCaseDeps } from '../use-case.ts';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { invitedOrganisationIds } from '../access/case-access.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { isUniqueViolation, type Tx } from '../db/client.ts';
import { DomainError, ErrorCode, conflict } from '../errors.ts';
import { cancelJob, reviveJob } from '../jobs/job.repository.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { tell } from '../notify/queue.ts';
import type { AgendaMove, ConferenceNotification } from '../notify/conference-notifications.ts';
import { fieldErrors, isUuid, requiredText } from '../validation.ts';
import { listAgendaItems, takeOffAgenda, type AgendaItemRow } from './agenda.repository.ts';
import { agendaDueAt, agendaPostJob, ensureAgendaJob, rebook } from './planning.ts';
import { localParts, zonedToUtc } from './schedule.ts';
import {
  createExtraSession,
  findSessionBySubmission,
  findSessionById,
  setSessionStatus,
  updateSessionTime,
  type SessionView,
} from './session.repository.ts';
import { findTableById, lockTableForBooking, type TableView } from './table.repository.ts';

export const sessionTimeForm = z.object({
  date: requiredText('Kies een datum.', 10).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Kies een datum.')),
  time: requiredText('Vul een tijd in (uu:mm).', 5).pipe(
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Vul een tijd in als uu:mm, bijvoorbeeld 10:00.'),
  ),
});

export type SessionChangeResult =
  | { ok: true; session: SessionView; table: TableView; notifications: ConferenceNotification[] }
  | { ok: false; errors: Record<string, string> };

/** The people to tell about these items: their referrers and the members of the invited organisations. */
export async function recipientsOf(
  tx: Tx,
  items: AgendaItemRow[],
): Promise<{ aadObjectId: string; memberId: string; organisationId: string }[]> {
  if (!items.length) return [];
  const organisations = new Set(items.flatMap((i) => invitedOrganisationIds(i)));
  const referrers = new Set(items.map((i) => i.referrerMemberId));
  const members = await listActiveMembers(tx);
  return members
    .filter((m) => organisations.has(m.organisationId) || referrers.has(m.id))
    .map((m) => ({ aadObjectId: m.aadObjectId, memberId: m.id, organisationId: m.organisationId }));
}

/**
 * Cases added to an agenda that is already in the channel: their invited people get the personal message
 * that the others got at publication.
 */
export async function lateInvitations(tx: Tx, sessionId: string, caseIds: string[]): Promise<ConferenceNotification[]> {
  const session = await findSessionById(tx, sessionId);
  if (!session?.agendaPublishedAt || !caseIds.length) return [];
  const items = (await listAgendaItems(tx, [sessionId])).filter((i) => caseIds.includes(i.caseId));
  return (await recipientsOf(tx, items)).map((r) => ({
    kind: 'agendaPublished' as const,
    to: r.aadObjectId,
    sessionId,
  }));
}

/** Who among the recipients may hear about which items: the referrer of a case, or a member of an invited organisation. */
function itemsFor(recipient: { memberId: string; organisationId: string }, items: AgendaItemRow[]): AgendaItemRow[] {
  return items.filter(
    (i) => i.referrerMemberId === recipient.memberId || invitedOrganisationIds(i).includes(recipient.organisationId),
  );
}

async function loadForChange(tx: Tx, sessionId: string, now: Date) {
  const found = await findSessionById(tx, sessionId);
  if (!found) throw new DomainError(ErrorCode.NotFound, 'Session not found');
  // Agenda changes of one table take turns (see lockTableForBooking); read the session again under the lock.
  await lockTableForBooking(tx, found.tableId);
  const session = (await findSessionById(tx, sessionId))!;
  const table = await findTableById(tx, session.tableId);
  if (!table) throw new DomainError(ErrorCode.NotFound, 'Session not found');
  if (session.status === 'cancelled' || session.status === 'held')
    throw conflict('sessionClosed', 'Session can no longer change');
  if (session.startsAt.getTime() <= now.getTime()) throw conflict('sessionStarted', 'Session already began');
  return { session, table };
}

function parseTime(raw: unknown, table: TableView, now: Date): { startsAt: Date } | { errors: Record<string, string> } {
  const parsed = sessionTimeForm.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const startsAt = zonedToUtc(parsed.data.date, parsed.data.time, table.schedule.timeZone);
  if (Number.isNaN(startsAt.getTime())) return { errors: { date: 'Dat is geen geldige datum.' } };
  if (startsAt.getTime() <= now.getTime()) return { errors: { date: 'Kies een moment in de toekomst.' } };
  return { startsAt };
}

/** Moves one meeting; its agenda follows it, and everyone concerned is told. */
export async function moveSession(
  deps: UseCaseDeps,
  actor: Actor,
  sessionId: string,
  raw: unknown,
): Promise<SessionChangeResult> {
  assertCan(actor, 'agenda.manage');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { session, table } = await loadForChange(tx, sessionId, now);
    const time = parseTime(raw, table, now);
    if ('errors' in time) return { ok: false, errors: time.errors };
    await updateSessionTime(tx, session.id, time.startsAt, session.status === 'extra' ? 'extra' : 'moved');
    const moved = { ...session, startsAt: time.startsAt };
    if (!session.agendaPublishedAt) {
      await ensureAgendaJob(tx, table, moved);
      await reviveJob(
        tx,
        agendaPostJob,
        session.id,
        new Date(Math.max(now.getTime(), agendaDueAt(table, time.startsAt).getTime())),
      );
    }
    await recordAudit(tx, actor, {
      action: 'session.moved',
      recordType: 'session',
      recordId: session.id,
      purpose: 'casusoverleg',
    });
    const items = await listAgendaItems(tx, [session.id]);
    const notifications: ConferenceNotification[] = [
      { kind: 'agendaChanged', sessionId: session.id },
      ...(await recipientsOf(tx, items)).map((r) => ({
        kind: 'sessionMoved' as const,
        to: r.aadObjectId,
        sessionId: session.id,
        previousStartsAt: session.startsAt,
      })),
    ];
    return {
      ok: true,
      session: { ...moved, status: session.status === 'extra' ? 'extra' : 'moved' },
      table,
      notifications: await tell(tx, now, notifications),
    };
  });
}

/**
 * Cancels one meeting. Its cases go to the first later meeting with room; a case that finds none is
 * taken off the agenda (the procesmanager sees it under "toevoegen"). Everyone concerned is told.
 */
export async function cancelSession(deps: UseCaseDeps, actor: Actor, sessionId: string): Promise<SessionChangeResult> {
  assertCan(actor, 'agenda.manage');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { session, table } = await loadForChange(tx, sessionId, now);
    await setSessionStatus(tx, session.id, 'cancelled');
    await cancelJob(tx, agendaPostJob, session.id);
    const items = await listAgendaItems(tx, [session.id]);
    const rebooked = await rebook(tx, table, items, session, now);
    const movedIds = new Set(rebooked.map((m) => m.caseId));
    // A case that finds no meeting within the horizon is taken off (the procesmanager adds it by hand later).
    const stranded = items.filter((i) => !movedIds.has(i.caseId));
    for (const item of stranded) await takeOffAgenda(tx, item);
    const moves: AgendaMove[] = [...rebooked, ...stranded.map((i) => ({ caseId: i.caseId, reference: i.reference }))];
    await recordAudit(tx, actor, {
      action: 'session.cancelled',
      recordType: 'session',
      recordId: session.id,
      purpose: 'casusoverleg',
    });
    const notifications: ConferenceNotification[] = [
      { kind: 'agendaChanged', sessionId: session.id },
      ...[...new Set(rebooked.map((m) => m.toSessionId))].map((id) => ({
        kind: 'agendaChanged' as const,
        sessionId: id,
      })),
    ];
    for (const r of await recipientsOf(tx, items)) {
      const mine = new Set(itemsFor(r, items).map((i) => i.caseId));
      notifications.push({
        kind: 'casesRebooked',
        to: r.aadObjectId,
        fromSessionId: session.id,
        why: 'cancelled',
        moves: moves.filter((m) => mine.has(m.caseId)),
      });
    }
    if (stranded.length) {
      for (const pm of await listActiveMembers(tx, { role: 'processManager' })) {
        notifications.push({
          kind: 'casesRebooked',
          to: pm.aadObjectId,
          fromSessionId: session.id,
          why: 'cancelled',
          moves,
        });
      }
    }
    return {
      ok: true,
      session: { ...session, status: 'cancelled' },
      table,
      notifications: await tell(tx, now, notifications),
    };
  });
}

/**
 * An extra meeting outside the rhythm, with its own agenda post. The form's submission id makes it once: a repeated
 * click or a retried invoke, also at the same moment, answers with the meeting it added.
 */
export async function addExtraSession(
  deps: UseCaseDeps,
  actor: Actor,
  tableId: string,
  raw: unknown,
  submissionId?: string,
): Promise<SessionChangeResult> {
  assertCan(actor, 'agenda.manage');
  const now = deps.clock.now();
  const submission = submissionId && isUuid(submissionId) ? submissionId : undefined;
  const add = () =>
    deps.db.$transaction(async (tx): Promise<SessionChangeResult> => {
      const table = await findTableById(tx, tableId);
      if (!table || table.closedAt) throw new DomainError(ErrorCode.NotFound, 'Table not found');
      const added = submission && (await findSessionBySubmission(tx, table.id, submission));
      if (added) return { ok: true, session: added, table, notifications: [] };
      const time = parseTime(raw, table, now);
      if ('errors' in time) return { ok: false, errors: time.errors };
      const session = await createExtraSession(tx, table.id, time.startsAt, submission);
      await ensureAgendaJob(tx, table, session);
      await recordAudit(tx, actor, {
        action: 'session.added',
        recordType: 'session',
        recordId: session.id,
        purpose: 'casusoverleg',
      });
      return { ok: true, session, table, notifications: [] };
    });
  // Two copies at the same moment: the unique submission id lets one in; run again, the other finds its meeting.
  return add().catch((error: unknown) => {
    if (submission && isUniqueViolation(error)) return add();
    throw error;
  });
}

/** The local date and time of a session, to prefill the move form. */
export function sessionLocalTime(session: SessionView, table: TableView): { date: string; time: string } {
  return localParts(session.startsAt, table.schedule.timeZone);
}
