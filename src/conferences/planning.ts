import type { Tx } from '../db/client.ts';
import { ensureJob, ensureJobs, rescheduleJob } from '../jobs/job.repository.ts';
import type { AgendaMove } from '../notify/conference-notifications.ts';
import {
  addAgendaItem,
  listAgendaItems,
  listCasesWithOverdueActions,
  moveItemToSession,
  setFirstSession,
  setPositions,
  type AgendaItemRow,
} from './agenda.repository.ts';
import { placeArrival, type AgendaReason } from './agenda.rules.ts';
import { capacityOf, days, hours, minimumLeadHours, occurrencesBetween, sessionHorizonDays } from './schedule.ts';
import {
  activeSessionStatuses,
  countItems,
  ensureSessionRows,
  listSessions,
  type SessionView,
} from './session.repository.ts';
import type { TableView } from './table.repository.ts';

/** The job that posts a session's agenda to the channel. */
export const agendaPostJob = 'agenda.post';
export const agendaDueAt = (table: Pick<TableView, 'agendaLeadHours'>, startsAt: Date) =>
  new Date(startsAt.getTime() - hours(table.agendaLeadHours));

/**
 * Keeps a table's sessions as rows a year ahead, each with its agenda-post job; returns the coming ones. Idempotent, so every
 * instance may run it at start-up and hourly; moved and cancelled occurrences are not planned again.
 */
export async function planSessions(tx: Tx, table: TableView, now: Date): Promise<SessionView[]> {
  if (table.closedAt) return [];
  await ensureSessionRows(
    tx,
    table.id,
    occurrencesBetween(table.schedule, now, new Date(now.getTime() + days(sessionHorizonDays))),
  );
  const sessions = await listSessions(tx, { tableIds: [table.id], from: now, statuses: activeSessionStatuses });
  await ensureJobs(
    tx,
    sessions
      .filter((s) => !s.agendaPublishedAt)
      .map((s) => ({ kind: agendaPostJob, subjectId: s.id, dueAt: agendaDueAt(table, s.startsAt) })),
  );
  return sessions;
}

export async function ensureAgendaJob(tx: Tx, table: TableView, session: SessionView): Promise<void> {
  await ensureJob(tx, { kind: agendaPostJob, subjectId: session.id, dueAt: agendaDueAt(table, session.startsAt) });
  await rescheduleJob(tx, agendaPostJob, session.id, agendaDueAt(table, session.startsAt));
}

/**
 * The first session from `from` on whose agenda still has room, skipping `except`. Writes: the table's sessions
 * (and their agenda-post jobs) are planned first, from `from` on (planSessions).
 */
export async function planAndFindFirstFreeSession(
  tx: Tx,
  table: TableView,
  from: Date,
  except?: string,
): Promise<SessionView | undefined> {
  await planSessions(tx, table, from);
  const sessions = (await listSessions(tx, { tableIds: [table.id], from, statuses: activeSessionStatuses })).filter(
    (s) => s.id !== except,
  );
  const counts = await countItems(
    tx,
    sessions.map((s) => s.id),
  );
  const capacity = capacityOf(table.schedule);
  return sessions.find((s) => (counts.get(s.id) ?? 0) < capacity);
}

/** A newly accepted case is first discussed at the first free session at least a day ahead. */
export function firstBookableFrom(now: Date): Date {
  return new Date(now.getTime() + hours(minimumLeadHours));
}

/** Puts a case on a session's agenda, after the items whose reason comes first. */
export async function addToAgenda(tx: Tx, sessionId: string, caseId: string, reason: AgendaReason): Promise<void> {
  await addAgendaItem(tx, { sessionId, caseId, reason, position: await makeRoom(tx, sessionId, reason) });
  if (reason === 'newCase') await setFirstSession(tx, caseId, sessionId);
}

/** Moves the items behind an arrival one place down; returns the arrival's position. */
async function makeRoom(tx: Tx, sessionId: string, reason: AgendaReason): Promise<number> {
  const { position, shifted } = placeArrival(await listAgendaItems(tx, [sessionId]), reason);
  await setPositions(tx, shifted);
  return position;
}

/**
 * Moves items off a session (cancelled, or over capacity) to the first later session with room.
 * Returns where each went; an item that finds no session within the horizon stays unscheduled.
 */
export async function rebook(
  tx: Tx,
  table: TableView,
  items: AgendaItemRow[],
  after: SessionView,
  now: Date,
): Promise<Required<AgendaMove>[]> {
  const from = new Date(Math.max(after.startsAt.getTime() + 1, firstBookableFrom(now).getTime()));
  const moves: Required<AgendaMove>[] = [];
  for (const item of items) {
    const target = await planAndFindFirstFreeSession(tx, table, from, after.id);
    if (!target) continue;
    await moveItemToSession(tx, item.id, target.id, await makeRoom(tx, target.id, item.reason));
    if (item.reason === 'newCase') await setFirstSession(tx, item.caseId, target.id);
    moves.push({ caseId: item.caseId, reference: item.reference, toSessionId: target.id });
  }
  return moves;
}

/** Open actions carry forward: a case with an action past due by the meeting comes on its agenda, as "overdue actions". */
export async function addOverdueActionItems(tx: Tx, table: TableView, session: SessionView): Promise<string[]> {
  const caseIds = await listCasesWithOverdueActions(tx, table.id, session.startsAt, session.id);
  for (const caseId of caseIds) await addToAgenda(tx, session.id, caseId, 'overdueActions');
  return caseIds;
}
