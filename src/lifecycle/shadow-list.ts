import { DateTime } from 'luxon';
import type { Actor } from '../actor.ts';
import { canFollowCase } from '../access/case-access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findDiscussionFacts } from '../cases/case.repository.ts';
import type { Clock } from '../clock.ts';
import { addToAgenda, firstBookableFrom, planAndFindFirstFreeSession } from '../conferences/planning.ts';
import { isOnAgenda, takeOffComingAgendas } from '../conferences/agenda.repository.ts';
import { localParts, zonedToUtc } from '../conferences/schedule.ts';
import { lateInvitations } from '../conferences/sessions.ts';
import { findTableById, lockTableForBooking, type TableView } from '../conferences/table.repository.ts';
import type { Db, Tx } from '../db/client.ts';
import { DomainError, ErrorCode, conflict } from '../errors.ts';
import { cancelJob, ensureJob, reviveJob } from '../jobs/job.repository.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { tell } from '../notify/queue.ts';
import type { Notification } from '../notify/notification.ts';
import { findCaseState, leaveShadowList, lockCase, setShadowList, type CaseState } from './case-state.repository.ts';
import { withdrawOpenProposals } from './proposal.repository.ts';
import { addRegieUpdate } from './regie-update.repository.ts';
import { shadowListMonths } from './lifecycle.types.ts';

/** The job that brings a case back from the schaduwlijst; its subject is "<caseId>:<return date>". */
export const shadowReturnJob = 'case.shadowReturn';
const subjectOf = (caseId: string, returnDate: string) => `${caseId}:${returnDate}`;

/** Six months after it went on the list, as a date in the table's timezone. */
export function shadowReturnDate(at: Date, timeZone: string): string {
  return DateTime.fromISO(localParts(at, timeZone).date, { zone: 'UTC' })
    .plus({ months: shadowListMonths })
    .toISODate()!;
}

/** The job that brings a case back on its return date (in the table's timezone). */
export function shadowReturnJobFor(caseId: string, returnDate: string, timeZone: string) {
  return {
    kind: shadowReturnJob,
    subjectId: subjectOf(caseId, returnDate),
    dueAt: zonedToUtc(returnDate, '00:00', timeZone),
  };
}

/**
 * Puts a case on the schaduwlijst (by a decision, or by an approved proposal): it leaves the coming agendas,
 * and a job brings it back on its table's first meeting from the return date. Returns the sessions whose
 * channel card changed; undefined when the case was not under regie any more.
 */
export async function putOnShadowList(
  tx: Tx,
  c: CaseState,
  table: TableView,
  at: Date,
  by?: Pick<Actor, 'memberId' | 'organisationId'>,
): Promise<Notification[] | undefined> {
  const returnDate = shadowReturnDate(at, table.schedule.timeZone);
  if (!(await setShadowList(tx, c.id, at, returnDate, ['accepted']))) return undefined;
  const changed = await takeOffComingAgendas(tx, c.id, at);
  // A proposal still open (say, the regisseur's own for the schaduwlijst) is overtaken.
  await withdrawOpenProposals(tx, c.id, at);
  const job = shadowReturnJobFor(c.id, returnDate, table.schedule.timeZone);
  await ensureJob(tx, job);
  await reviveJob(tx, job.kind, job.subjectId, job.dueAt);
  await addRegieUpdate(tx, {
    caseId: c.id,
    kind: 'shadowList',
    at,
    ...(by ? { authorMemberId: by.memberId, organisationId: by.organisationId } : {}),
  });
  return changed.map((sessionId) => ({ kind: 'agendaChanged' as const, sessionId }));
}

/** Stops the automatic return (the case closed, or came back early). */
export async function cancelShadowReturn(tx: Tx, c: CaseState): Promise<void> {
  if (c.shadowReturnDate) await cancelJob(tx, shadowReturnJob, subjectOf(c.id, c.shadowReturnDate));
}

/** Books a case that leaves the schaduwlijst on the first meeting with room from `from`; undefined when none has room. */
async function bookReturn(tx: Tx, table: TableView, caseId: string, from: Date): Promise<Notification[] | undefined> {
  const session = table.closedAt ? undefined : await planAndFindFirstFreeSession(tx, table, from);
  if (!session) return undefined;
  if (!(await isOnAgenda(tx, session.id, caseId))) await addToAgenda(tx, session.id, caseId, 'returnFromShadowList');
  return [{ kind: 'agendaChanged', sessionId: session.id }, ...(await lateInvitations(tx, session.id, [caseId]))];
}

/** The regisseur and the procesmanagers hear that a case is back (or that it found no meeting). */
async function returnNotices(tx: Tx, c: CaseState, booked: boolean): Promise<Notification[]> {
  const processManagers = await listActiveMembers(tx, { role: 'processManager' });
  const director = c.directorMemberId
    ? (await listActiveMembers(tx)).find((m) => m.id === c.directorMemberId)
    : undefined;
  const to = new Set([
    ...(director ? [director.aadObjectId] : []),
    ...(booked ? [] : processManagers.map((m) => m.aadObjectId)),
  ]);
  return [...to].map((aad) => ({ kind: 'shadowListReturn' as const, to: aad, caseId: c.id, booked }));
}

/**
 * Six months on: the case comes back on the agenda of its table's first meeting from the return date (or, after
 * downtime, the first at least a day ahead), where the table decides to close or continue. Exactly once: the
 * case row is locked first (as every change of its phase does, before the table), and the job is marked done in
 * the transaction that books. A table without a meeting with room leaves the case on the list, tells the
 * procesmanagers once, and tries again the next day.
 */
export function shadowReturnHandler(deps: { db: Db; wake(): void }): JobHandler {
  return {
    kind: shadowReturnJob,
    async run(job, context) {
      const [caseId = '', returnDate] = job.subjectId.split(':');
      const result = await deps.db.$transaction(async (tx) => {
        await lockCase(tx, caseId);
        const c = await findCaseState(tx, caseId);
        if (!c || c.status !== 'shadowList' || c.shadowReturnDate !== returnDate) {
          await context.finishIn(tx);
          return { notifications: [] as Notification[], booked: true };
        }
        await lockTableForBooking(tx, c.tableId);
        const table = (await findTableById(tx, c.tableId))!;
        const from = new Date(Math.max(job.dueAt.getTime(), firstBookableFrom(context.now).getTime()));
        const booked = await bookReturn(tx, table, c.id, from);
        if (!booked) {
          // Told once, on the first try: keyed by the job, so a try that runs again tells nobody twice.
          const notices = job.attempts <= 1 ? await returnNotices(tx, c, false) : [];
          return {
            notifications: await tell(tx, context.now, notices, { dedupeKey: `job:${job.id}:noRoom` }),
            booked: false,
          };
        }
        await leaveShadowList(tx, c.id);
        await addRegieUpdate(tx, { caseId: c.id, kind: 'returned', at: context.now });
        await recordAudit(tx, 'system', {
          action: 'case.returnedFromShadowList',
          recordType: 'case',
          recordId: c.id,
          purpose: 'regie',
        });
        await context.finishIn(tx);
        const notices = await tell(tx, context.now, [...booked, ...(await returnNotices(tx, c, true))]);
        return { notifications: notices, booked: true };
      });
      if (result.notifications.length) deps.wake();
      return result.booked
        ? { state: 'done' }
        : { retryAt: new Date(context.now.getTime() + 24 * 3600_000), reason: 'noSessionWithRoom' };
    },
  };
}

/**
 * Anyone involved may pull a case back from the schaduwlijst before its six months are up: it comes on the
 * first meeting with room at least a day ahead, and the automatic return is cancelled.
 */
export async function pullBackFromShadowList(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  caseId: string,
  reason?: string,
): Promise<{ notifications: Notification[]; booked: boolean }> {
  const facts = await findDiscussionFacts(deps.db, caseId);
  if (!facts || !canFollowCase(actor, facts, facts))
    throw new DomainError(ErrorCode.NotFound, 'Case not found', { caseId });
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const c = await findCaseState(tx, caseId);
    if (!c) throw new DomainError(ErrorCode.NotFound, 'Case not found');
    if (c.status !== 'shadowList') throw conflict('notOnShadowList', 'Case is not on the shadow list');
    await lockTableForBooking(tx, c.tableId);
    const table = (await findTableById(tx, c.tableId))!;
    const booked = await bookReturn(tx, table, c.id, firstBookableFrom(now));
    if (!booked) throw conflict('noSessionWithRoom', 'No session with room');
    await leaveShadowList(tx, c.id);
    await cancelShadowReturn(tx, c);
    await withdrawOpenProposals(tx, c.id, now);
    await addRegieUpdate(tx, {
      caseId: c.id,
      kind: 'pulledBack',
      at: now,
      authorMemberId: actor.memberId,
      organisationId: actor.organisationId,
      ...(reason ? { text: reason } : {}),
    });
    await recordAudit(tx, actor, {
      action: 'case.pulledBackFromShadowList',
      recordType: 'case',
      recordId: c.id,
      purpose: 'regie',
    });
    const director =
      c.directorMemberId && c.directorMemberId !== actor.memberId ? await returnNotices(tx, c, true) : [];
    return { notifications: await tell(tx, now, [...booked, ...director]), booked: true };
  });
}
