import type { Actor } from '../actor.ts';
import { listAgendaItems } from '../conferences/agenda.repository.ts';
import { capacityOf } from '../conferences/schedule.ts';
import { activeSessionStatuses, countItems, findSessionById, listSessions } from '../conferences/session.repository.ts';
import { findTableById } from '../conferences/table.repository.ts';
import { itemsWithDecision } from '../decisions/decision.repository.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import type { UseCaseDeps } from '../use-case.ts';
import { assertChairs } from './run-session.ts';

export interface ClosePreview {
  sessionId: string;
  tableName: string;
  timeZone: string;
  /** Already closed (a second click on an old card): nothing to confirm. */
  closed: boolean;
  opened: boolean;
  /** Cases decided, or with a decision: they end as besloten. */
  decided: number;
  /** Cases without a decision: they move to the next meeting with room. */
  deferred: number;
  /** Where they go: the first later meeting of the table with room, and how many fit there. */
  next?: { startsAt: Date; room: number };
}

/** A session the actor chairs (read only): the chair's own controls check this first. */
export async function chairedSession(deps: Pick<UseCaseDeps, 'db'>, actor: Actor, sessionId: string) {
  const session = await findSessionById(deps.db, sessionId);
  const table = session && (await findTableById(deps.db, session.tableId));
  if (!session || !table) throw new DomainError(ErrorCode.NotFound, 'Session not found');
  assertChairs(actor, table);
  return { session, table };
}

/**
 * What closing the meeting would do, counted from the data, for the chair to confirm first: how many cases end
 * decided, how many move on and to which meeting. Reads only; the close itself is closeSession.
 */
export async function closePreview(deps: UseCaseDeps, actor: Actor, sessionId: string): Promise<ClosePreview> {
  const { session, table } = await chairedSession(deps, actor, sessionId);
  const items = await listAgendaItems(deps.db, [session.id]);
  const open = items.filter((i) => i.state !== 'decided' && i.state !== 'deferred');
  const withDecision = await itemsWithDecision(
    deps.db,
    open.map((i) => i.id),
  );
  const deferred = open.filter((i) => !withDecision.has(i.id)).length;
  const from = new Date(Math.max(session.startsAt.getTime(), deps.clock.now().getTime()) + 1);
  const later = (
    await listSessions(deps.db, { tableIds: [table.id], from, statuses: activeSessionStatuses }, 10)
  ).filter((s) => s.id !== session.id);
  const counts = await countItems(
    deps.db,
    later.map((s) => s.id),
  );
  const capacity = capacityOf(table.schedule);
  const free = later.find((s) => (counts.get(s.id) ?? 0) < capacity);
  return {
    sessionId: session.id,
    tableName: table.name,
    timeZone: table.schedule.timeZone,
    closed: Boolean(session.closedAt),
    opened: Boolean(session.openedAt),
    decided: items.filter((i) => i.state === 'decided').length + open.length - deferred,
    deferred,
    next: free && { startsAt: free.startsAt, room: capacity - (counts.get(free.id) ?? 0) },
  };
}
