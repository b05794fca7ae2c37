import type { UseCaseDeps } from '../use-case.ts';
import type { Actor } from '../actor.ts';
import { canChair, canSeeAgendaItem, invitedOrganisationIds, worksOnCases } from '../access/case-access.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit, recordAudits } from '../audit/audit.repository.ts';
import type { Tx } from '../db/client.ts';
import { DomainError, ErrorCode, conflict } from '../errors.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { tell } from '../notify/queue.ts';
import type { ConferenceNotification } from '../notify/conference-notifications.ts';
import { listOrganisations } from '../organisations/organisation.repository.ts';
import { findCaseGlances, type CaseGlance } from '../cases/case.repository.ts';
import {
  listAgendaItems,
  listUnscheduledCases,
  setPositions,
  setFirstSessionIfNone,
  takeOffAgenda,
  type AgendaItemRow,
} from './agenda.repository.ts';
import { composeAgenda, moveItem, moveItemTo, type AgendaReason, type Slot } from './agenda.rules.ts';
import { addToAgenda, rebook } from './planning.ts';
import { lateInvitations } from './sessions.ts';
import { capacityOf } from './schedule.ts';
import { activeSessionStatuses, findSessionById, listSessions, type SessionView } from './session.repository.ts';
import {
  findTableByChannel,
  findTableById,
  listTables,
  lockTableForBooking,
  type TableView,
} from './table.repository.ts';

export interface AgendaItemView {
  id: string;
  caseId: string;
  reference: string;
  reason: AgendaReason;
  /** During and after the meeting: wacht, bezig, besloten, doorgeschoven. */
  state: AgendaItemRow['state'];
  slot?: Slot;
  invitedOrganisations: { id: string; name: string }[];
  /** Only in a personal view, for an item the viewer may see. */
  glance?: CaseGlance;
}

/** One session's agenda as the channel may show it: references, times and organisations, no personal data. */
export interface AgendaView {
  session: SessionView;
  table: {
    id: string;
    name: string;
    timeZone: string;
    minutesPerCase: number;
    capacity: number;
    chairMemberId?: string;
    channelLinked: boolean;
  };
  items: AgendaItemView[];
  /** Items beyond capacity (before they are moved on). */
  overflow: AgendaItemView[];
}

/** Loads agendas for any number of sessions in a fixed number of queries (the items may be loaded already). */
export async function loadAgendas(
  tx: Tx,
  sessions: SessionView[],
  tables: TableView[],
  loaded?: AgendaItemRow[],
): Promise<AgendaView[]> {
  const [items, organisations] = await Promise.all([
    loaded ??
      listAgendaItems(
        tx,
        sessions.map((s) => s.id),
      ),
    listOrganisations(tx),
  ]);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const bySession = new Map<string, AgendaItemRow[]>();
  for (const i of items) {
    const list = bySession.get(i.sessionId);
    if (list) list.push(i);
    else bySession.set(i.sessionId, [i]);
  }
  return sessions.map((session) => {
    const table = tables.find((t) => t.id === session.tableId)!;
    const view = (i: AgendaItemRow): AgendaItemView => ({
      id: i.id,
      caseId: i.caseId,
      reference: i.reference,
      reason: i.reason,
      state: i.state,
      invitedOrganisations: invitedOrganisationIds(i)
        .flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []))
        .sort((x, y) => x.name.localeCompare(y.name, 'nl')),
    });
    const composed = composeAgenda(bySession.get(session.id) ?? [], {
      startsAt: session.startsAt,
      minutesPerCase: table.schedule.minutesPerCase,
      capacity: capacityOf(table.schedule),
    });
    return {
      session,
      table: {
        id: table.id,
        name: table.name,
        timeZone: table.schedule.timeZone,
        minutesPerCase: table.schedule.minutesPerCase,
        capacity: capacityOf(table.schedule),
        chairMemberId: table.chair?.memberId,
        channelLinked: Boolean(table.channelConversationId),
      },
      items: composed.items.map((i) => ({ ...view(i), slot: i.slot })),
      overflow: composed.overflow.map(view),
    };
  });
}

async function loadOne(
  tx: Tx,
  sessionId: string,
): Promise<{ agenda: AgendaView; table: TableView; rows: AgendaItemRow[] }> {
  const session = await findSessionById(tx, sessionId);
  const table = session && (await findTableById(tx, session.tableId));
  if (!session || !table) throw new DomainError(ErrorCode.NotFound, 'Session not found');
  const rows = await listAgendaItems(tx, [session.id]);
  const [agenda] = await loadAgendas(tx, [session], [table], rows);
  return { agenda: agenda!, table, rows };
}

/** The public agenda of a session (for the channel card). */
export async function publicAgenda(tx: Tx, sessionId: string): Promise<AgendaView> {
  return (await loadOne(tx, sessionId)).agenda;
}

/** A session's agenda, for someone at its table only (anyone else hears it does not exist). */
export async function agendaAtTable(
  deps: UseCaseDeps,
  actor: Actor,
  sessionId: string,
): Promise<{ agenda: AgendaView; table: TableView; rows: AgendaItemRow[] }> {
  assertCan(actor, 'agenda.view');
  const loaded = await loadOne(deps.db, sessionId);
  if (!sitsAt(actor, loaded.table)) throw new DomainError(ErrorCode.NotFound, 'Session not found for this person');
  return loaded;
}

/**
 * A person's own view of an agenda: for the items they may see (need-to-know, access/), a glance at the
 * case, and each such look audited; the rest exactly as the channel shows it.
 */
export async function personalAgenda(
  deps: UseCaseDeps,
  actor: Actor,
  sessionId: string,
): Promise<AgendaView & { visibleCount: number; chairing: boolean }> {
  const loaded = await agendaAtTable(deps, actor, sessionId);
  const { table, rows } = loaded;
  // Before publication, only their own items.
  const mayManage = actor.role === 'processManager' || table.chair?.memberId === actor.memberId;
  const agenda =
    loaded.agenda.session.agendaPublishedAt || mayManage
      ? loaded.agenda
      : onlyVisible(loaded.agenda, rows, actor, table);
  const visible = rows
    .filter((r) => canSeeAgendaItem(actor, r, { chairMemberId: table.chair?.memberId }))
    .map((r) => r.caseId);
  const glances = await findCaseGlances(deps.db, visible);
  if (visible.length) {
    await recordAudits(
      deps.db,
      actor,
      visible.map((caseId) => ({
        action: 'agenda.itemViewed',
        recordType: 'case',
        recordId: caseId,
        purpose: 'casusoverleg',
      })),
    );
  }
  const withGlance = (i: AgendaItemView) => (glances.has(i.caseId) ? { ...i, glance: glances.get(i.caseId)! } : i);
  return {
    ...agenda,
    items: agenda.items.map(withGlance),
    overflow: agenda.overflow.map(withGlance),
    visibleCount: visible.length,
    // The chair keeps "Overleg starten" in this view too.
    chairing: canChair(actor, { chairMemberId: table.chair?.memberId }),
  };
}

/**
 * `agenda`: the coming sessions of the tables the person's organisation sits at, with only the items
 * their organisation is invited to. The procesmanager sees every table's next sessions in full.
 */
export async function myAgenda(
  deps: UseCaseDeps,
  actor: Actor,
  options: { sessionsPerTable?: number } = {},
): Promise<AgendaView[]> {
  assertCan(actor, 'agenda.view');
  const pm = actor.role === 'processManager';
  const tables = (await listTables(deps.db)).filter((t) => sitsAt(actor, t));
  const sessions = await listSessions(deps.db, {
    tableIds: tables.map((t) => t.id),
    from: deps.clock.now(),
    statuses: activeSessionStatuses,
  });
  const perTable = options.sessionsPerTable ?? 2;
  const chosen = tables.flatMap((t) => sessions.filter((s) => s.tableId === t.id).slice(0, perTable));
  const items = await listAgendaItems(
    deps.db,
    chosen.map((s) => s.id),
  );
  const agendas = await loadAgendas(deps.db, chosen, tables, items);
  if (pm) return agendas;
  const rows = new Map(items.map((r) => [r.id, r]));
  const mine = (a: AgendaView) => (i: AgendaItemView) =>
    canSeeAgendaItem(actor, rows.get(i.id)!, { chairMemberId: a.table.chairMemberId });
  return agendas.map((a) => ({ ...a, items: a.items.filter(mine(a)), overflow: a.overflow.filter(mine(a)) }));
}

/** Accepted cases of the table that are on no coming agenda: what the procesmanager can add. */
export async function addableCases(deps: UseCaseDeps, actor: Actor, sessionId: string) {
  assertCan(actor, 'agenda.manage');
  const session = await findSessionById(deps.db, sessionId);
  if (!session) throw new DomainError(ErrorCode.NotFound, 'Session not found');
  return listUnscheduledCases(deps.db, session.tableId, deps.clock.now());
}

export type AgendaEdit =
  | { action: 'up' | 'down' | 'remove'; itemId: string }
  | { action: 'move'; itemId: string; place: number }
  | { action: 'add'; caseId: string };

/**
 * The procesmanager edits a draft (or published) agenda. A full agenda passes its last items on to the
 * next session, and the procesmanager is told. A published card is edited in place (all queued in the outbox in
 * the edit's transaction).
 */
export async function editAgenda(
  deps: UseCaseDeps,
  actor: Actor,
  sessionId: string,
  edit: AgendaEdit,
): Promise<ConferenceNotification[]> {
  assertCan(actor, 'agenda.manage');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const session = await findSessionById(tx, sessionId);
    if (!session) throw new DomainError(ErrorCode.NotFound, 'Session not found');
    // Agenda changes of one table take turns, so positions and capacity are read and written as one.
    await lockTableForBooking(tx, session.tableId);
    const { agenda, table, rows } = await loadOne(tx, sessionId);
    if (!activeSessionStatuses.includes(agenda.session.status))
      throw conflict('sessionClosed', 'Agenda can no longer change');
    if (agenda.session.startsAt <= now) throw conflict('sessionStarted', 'Session already began');
    const late: ConferenceNotification[] = [];
    if (edit.action === 'add') {
      const addable = await listUnscheduledCases(tx, table.id, now);
      if (!addable.some((c) => c.id === edit.caseId)) throw new DomainError(ErrorCode.NotFound, 'Case not addable');
      await addToAgenda(tx, sessionId, edit.caseId, 'backOnAgenda');
      await setFirstSessionIfNone(tx, edit.caseId, sessionId);
      late.push(...(await lateInvitations(tx, sessionId, [edit.caseId])));
    } else {
      const item = rows.find((r) => r.id === edit.itemId);
      // A stale card (someone else just changed the agenda): nothing to do, the fresh agenda is shown.
      if (!item) return tell(tx, now, [{ kind: 'agendaChanged', sessionId }]);
      if (edit.action === 'remove') await takeOffAgenda(tx, item);
      else if (edit.action === 'move') await setPositions(tx, moveItemTo(rows, item.id, edit.place));
      else await setPositions(tx, moveItem(rows, item.id, edit.action));
    }
    await recordAudit(tx, actor, {
      action: `agenda.${edit.action}`,
      recordType: 'session',
      recordId: sessionId,
      purpose: 'casusoverleg',
    });
    return tell(tx, now, [
      { kind: 'agendaChanged', sessionId },
      ...late,
      ...(await settleOverflow(tx, table, sessionId, now)),
    ]);
  });
}

/** Moves what no longer fits on a session's agenda to the next session with room; the procesmanagers hear of it. */
export async function settleOverflow(
  tx: Tx,
  table: TableView,
  sessionId: string,
  now: Date,
): Promise<ConferenceNotification[]> {
  const session = (await findSessionById(tx, sessionId))!;
  const rows = await listAgendaItems(tx, [sessionId]);
  const { overflow } = composeAgenda(rows, {
    startsAt: session.startsAt,
    minutesPerCase: table.schedule.minutesPerCase,
    capacity: capacityOf(table.schedule),
  });
  if (!overflow.length) return [];
  const moves = await rebook(tx, table, overflow, session, now);
  await recordAudit(tx, 'system', {
    action: 'agenda.overflowMoved',
    recordType: 'session',
    recordId: sessionId,
    purpose: 'casusoverleg',
  });
  const pms = await listActiveMembers(tx, { role: 'processManager' });
  const targets = [...new Set(moves.map((m) => m.toSessionId))];
  const late = [];
  for (const id of targets)
    late.push(
      ...(await lateInvitations(
        tx,
        id,
        moves.filter((m) => m.toSessionId === id).map((m) => m.caseId),
      )),
    );
  return [
    ...targets.map((id) => ({ kind: 'agendaChanged' as const, sessionId: id })),
    ...late,
    ...pms.map((pm) => ({
      kind: 'casesRebooked' as const,
      to: pm.aadObjectId,
      fromSessionId: sessionId,
      why: 'overflow' as const,
      moves,
    })),
  ];
}

/** Whether a person is at a table: the procesmanager, its chair, or a member of one of its partners. */
function sitsAt(actor: Actor, table: TableView): boolean {
  if (!worksOnCases(actor)) return false;
  return (
    actor.role === 'processManager' ||
    table.chair?.memberId === actor.memberId ||
    table.organisationIds.includes(actor.organisationId)
  );
}

function onlyVisible(agenda: AgendaView, rows: AgendaItemRow[], actor: Actor, table: TableView): AgendaView {
  const ids = new Set(
    rows.filter((r) => canSeeAgendaItem(actor, r, { chairMemberId: table.chair?.memberId })).map((r) => r.id),
  );
  return {
    ...agenda,
    items: agenda.items.filter((i) => ids.has(i.id)),
    overflow: agenda.overflow.filter((i) => ids.has(i.id)),
  };
}

/** A session's agenda with only the items this person may see (for their personal messages). */
export async function agendaSeenBy(deps: UseCaseDeps, actor: Actor, sessionId: string): Promise<AgendaView> {
  const { agenda, table, rows } = await loadOne(deps.db, sessionId);
  return onlyVisible(agenda, rows, actor, table);
}

/** Teams user ids of the people invited to an agenda's items: Teams refreshes the channel card for them. */
export async function invitedTeamsUserIds(tx: Tx, agenda: AgendaView): Promise<string[]> {
  const organisations = new Set(agenda.items.flatMap((i) => i.invitedOrganisations.map((o) => o.id)));
  const members = (await listActiveMembers(tx)).filter((m) => m.teamsUserId);
  // Teams refreshes for at most 60: the invited participants first, then the chair and the procesmanagers.
  const invited = members.filter((m) => organisations.has(m.organisationId));
  const leading = members.filter(
    (m) => !organisations.has(m.organisationId) && (m.role === 'processManager' || m.id === agenda.table.chairMemberId),
  );
  return [...invited, ...leading].map((m) => m.teamsUserId!);
}

/**
 * `@Casusbot agenda` in a table's channel: a coming meeting's agenda as the channel may show it, once it is published
 * (the first published one, or the one chosen), with the other coming published ones to choose from; `next` is the
 * next meeting, published or not. Undefined when no table uses this channel.
 */
export async function channelAgenda(
  deps: UseCaseDeps,
  actor: Actor,
  conversationId: string,
  sessionId?: string,
): Promise<{ agenda?: AgendaView; next?: SessionView; published: SessionView[]; table: TableView } | undefined> {
  assertCan(actor, 'agenda.view');
  const table = await findTableByChannel(deps.db, conversationId);
  if (!table) return undefined;
  const coming = await listSessions(
    deps.db,
    { tableIds: [table.id], from: deps.clock.now(), statuses: activeSessionStatuses },
    maxComingShown,
  );
  // Any coming agenda that is published may be shown here: the one asked for, or else the first.
  const published = coming.filter((s) => s.agendaPublishedAt);
  const chosen = published.find((s) => s.id === sessionId) ?? published[0];
  const agenda = chosen && (await loadAgendas(deps.db, [chosen], [table]))[0];
  return { table, next: coming[0], published, agenda };
}

/** How many coming meetings of a table the channel can choose from. */
const maxComingShown = 8;
