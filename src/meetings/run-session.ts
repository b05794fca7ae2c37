import type { UseCaseDeps } from '../use-case.ts';
import type { Actor } from '../actor.ts';
import { canChair } from '../access/case-access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { isOnAgenda, listAgendaItems, setItemState, type AgendaItemRow } from '../conferences/agenda.repository.ts';
import { countActionsOfItems } from '../actions/action.repository.ts';
import { countDecisionsOfItem } from '../decisions/decision.repository.ts';
import { addOverdueActionItems, addToAgenda, planAndFindFirstFreeSession } from '../conferences/planning.ts';
import {
  activeSessionStatuses,
  findSessionById,
  listSessions,
  markHeld,
  markOpened,
  type SessionView,
} from '../conferences/session.repository.ts';
import { lateInvitations, recipientsOf } from '../conferences/sessions.ts';
import { findTableById, lockTableForBooking, type TableView } from '../conferences/table.repository.ts';
import type { Tx } from '../db/client.ts';
import { DomainError, ErrorCode, conflict, forbidden } from '../errors.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { tell } from '../notify/queue.ts';
import type { Notification } from '../notify/notification.ts';

export type SessionStep = { changed: boolean; notifications: Notification[] };

/** `system`: the table's Teams meeting started (its start opens the session, as the chair would). */
async function loadForChair(
  tx: Tx,
  actor: Actor | 'system',
  sessionId: string,
): Promise<{ session: SessionView; table: TableView }> {
  const found = await findSessionById(tx, sessionId);
  if (!found) throw new DomainError(ErrorCode.NotFound, 'Session not found');
  await lockTableForBooking(tx, found.tableId);
  const session = (await findSessionById(tx, sessionId))!;
  const table = (await findTableById(tx, session.tableId))!;
  if (actor !== 'system') assertChairs(actor, table);
  return { session, table };
}

/** The chair's controls (open, next, defer, close, and the close's preview) are refused to anyone else. */
export function assertChairs(actor: Actor, table: Pick<TableView, 'chair'>): void {
  if (!canChair(actor, { chairMemberId: table.chair?.memberId }))
    throw forbidden('sessions.run', 'Only the chair runs the meeting');
}

/** Whoever chairs the table's meetings: its named voorzitter, or the procesmanagers. */
async function chairsOf(tx: Tx, table: TableView) {
  return table.chair
    ? (await listActiveMembers(tx)).filter((m) => m.id === table.chair!.memberId)
    : listActiveMembers(tx, { role: 'processManager' });
}

/** The invited participants of an item, and whoever chairs, get its live case card in their own chat. */
async function announce(tx: Tx, table: TableView, item: AgendaItemRow | undefined): Promise<Notification[]> {
  if (!item) return [];
  const chairs = await chairsOf(tx, table);
  const to = new Set([
    ...(await recipientsOf(tx, [item])).map((r) => r.aadObjectId),
    ...chairs.map((m) => m.aadObjectId),
  ]);
  return [...to].map((aad) => ({ kind: 'discussionStarted' as const, to: aad, agendaItemId: item.id }));
}

async function activateNext(
  tx: Tx,
  items: AgendaItemRow[],
  after: number,
  now: Date,
): Promise<AgendaItemRow | undefined> {
  const next = items
    .filter((i) => i.state === 'waiting')
    .sort((x, y) => (x.position > after ? 0 : 1) - (y.position > after ? 0 : 1) || x.position - y.position)[0];
  if (!next) return undefined;
  await setItemState(tx, next.id, 'active', now);
  return next;
}

/**
 * The chair opens the meeting (from the agenda card, `overleg starten` in the channel, or when the Teams
 * meeting starts): the channel card becomes the live card, and the first case starts. Opening twice changes nothing.
 */
export async function openSession(deps: UseCaseDeps, actor: Actor | 'system', sessionId: string): Promise<SessionStep> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { session, table } = await loadForChair(tx, actor, sessionId);
    if (!activeSessionStatuses.includes(session.status) || session.closedAt)
      throw conflict('sessionClosed', 'Session is not open for discussion');
    if (!(await markOpened(tx, session.id, now))) return { changed: false, notifications: [] };
    const first = await activateNext(tx, await listAgendaItems(tx, [session.id]), 0, now);
    await recordAudit(tx, actor, {
      action: 'session.opened',
      recordType: 'session',
      recordId: session.id,
      purpose: 'casusoverleg',
    });
    return {
      changed: true,
      notifications: await tell(tx, now, [
        { kind: 'agendaChanged', sessionId: session.id },
        ...(await announce(tx, table, first)),
      ]),
    };
  });
}

/**
 * The session of a table that is on now: it starts or started within 12 hours of `now`. A Teams meeting or an
 * `overleg starten` two weeks early opens nothing; the chair can still open a session early from its agenda card.
 */
export async function currentSession(tx: Tx, tableId: string, now: Date): Promise<SessionView | undefined> {
  const window = 12 * 60 * 60 * 1000;
  const [session] = await listSessions(
    tx,
    {
      tableIds: [tableId],
      from: new Date(now.getTime() - window),
      to: new Date(now.getTime() + window),
      statuses: activeSessionStatuses,
    },
    1,
  );
  return session;
}

/**
 * The chair moves on. `next`: the current case ends (decided if it has a decision, otherwise it waits to be
 * taken up again) and the next waiting one starts. `skip`: the current case goes to the next meeting with
 * room. The button names the case it was shown for, so a second click (or a stale card) does nothing.
 */
export async function advanceSession(
  deps: UseCaseDeps,
  actor: Actor,
  sessionId: string,
  mode: 'next' | 'skip',
  shownItemId: string,
): Promise<SessionStep> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { session, table } = await loadForChair(tx, actor, sessionId);
    if (!session.openedAt || session.closedAt) return { changed: false, notifications: [] };
    const items = await listAgendaItems(tx, [session.id]);
    const active = items.find((i) => i.state === 'active');
    // The case on screen: the active one, or the one just decided (a decision ends its discussion).
    const current = active ?? items.find((i) => i.id === shownItemId && i.state === 'decided');
    if (!current || current.id !== shownItemId) return { changed: false, notifications: [] };
    if (mode === 'skip' && current.state !== 'active') return { changed: false, notifications: [] };
    // "Next" on the last undiscussed case: it stays on, nothing would take its place.
    if (
      mode === 'next' &&
      current.state === 'active' &&
      !items.some((i) => i.state === 'waiting' && i.id !== current.id)
    )
      return { changed: false, notifications: [] };
    const notifications: Notification[] = [{ kind: 'agendaChanged', sessionId: session.id }];
    if (mode === 'skip') notifications.push(...(await defer(tx, table, session, current, now)));
    else if (current.state === 'active') await setItemState(tx, current.id, 'waiting', null, ['active']);
    const next = await activateNext(
      tx,
      items.filter((i) => i.id !== current.id),
      current.position,
      now,
    );
    await recordAudit(tx, actor, {
      action: mode === 'skip' ? 'session.itemDeferred' : 'session.itemEnded',
      recordType: 'session',
      recordId: session.id,
      purpose: 'casusoverleg',
    });
    notifications.push(...(await announce(tx, table, next)));
    return { changed: true, notifications: await tell(tx, now, notifications) };
  });
}

/** An item that was not discussed goes to the first later meeting with room; here it shows as doorgeschoven. */
async function defer(
  tx: Tx,
  table: TableView,
  session: SessionView,
  item: AgendaItemRow,
  now: Date,
): Promise<Notification[]> {
  if (!(await setItemState(tx, item.id, 'deferred', now, ['waiting', 'active']))) return [];
  const target = await planAndFindFirstFreeSession(
    tx,
    table,
    new Date(Math.max(session.startsAt.getTime(), now.getTime()) + 1),
    session.id,
  );
  if (!target || (await isOnAgenda(tx, target.id, item.caseId))) return [];
  await addToAgenda(tx, target.id, item.caseId, item.reason);
  return [{ kind: 'agendaChanged', sessionId: target.id }, ...(await lateInvitations(tx, target.id, [item.caseId]))];
}

export interface SessionSummary {
  discussed: number;
  actions: number;
  deferred: number;
}

/**
 * The chair closes the meeting: what was not discussed goes to the next meeting, the session is held, and
 * the channel card ends as a summary without personal data.
 */
export async function closeSession(deps: UseCaseDeps, actor: Actor, sessionId: string): Promise<SessionStep> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { session, table } = await loadForChair(tx, actor, sessionId);
    if (session.closedAt) return { changed: false, notifications: [] };
    if (!session.openedAt) throw conflict('sessionNotOpened', 'Session was not opened');
    const notifications: Notification[] = [{ kind: 'agendaChanged', sessionId: session.id }];
    for (const item of await listAgendaItems(tx, [session.id])) {
      if (item.state === 'decided' || item.state === 'deferred') continue;
      if (await countDecisionsOfItem(tx, item.id))
        await setItemState(tx, item.id, 'decided', now, ['waiting', 'active']);
      else notifications.push(...(await defer(tx, table, session, item, now)));
    }
    await markHeld(tx, session.id, now);
    const everyone = await listAgendaItems(tx, [session.id]);
    const chairs = await chairsOf(tx, table);
    const to = new Set([
      ...(await recipientsOf(tx, everyone)).map((r) => r.aadObjectId),
      ...chairs.map((m) => m.aadObjectId),
    ]);
    notifications.push(...[...to].map((aad) => ({ kind: 'sessionClosed' as const, to: aad, sessionId: session.id })));
    const [next] = await listSessions(
      tx,
      { tableIds: [table.id], from: new Date(now.getTime() + 1), statuses: activeSessionStatuses },
      1,
    );
    if (next && (await addOverdueActionItems(tx, table, next)).length)
      notifications.push({ kind: 'agendaChanged', sessionId: next.id });
    await recordAudit(tx, actor, {
      action: 'session.closed',
      recordType: 'session',
      recordId: session.id,
      purpose: 'casusoverleg',
    });
    return { changed: true, notifications: await tell(tx, now, notifications) };
  });
}

/** "7 casussen besproken, 12 acties, 2 doorgeschoven": counts only. */
export async function sessionSummary(tx: Tx, sessionId: string): Promise<SessionSummary> {
  const items = await listAgendaItems(tx, [sessionId]);
  const actions = await countActionsOfItems(
    tx,
    items.map((i) => i.id),
  );
  return {
    discussed: items.filter((i) => i.state === 'decided').length,
    actions,
    deferred: items.filter((i) => i.state === 'deferred').length,
  };
}
