import type { Tx } from '../db/client.ts';
import type { CaseStatus } from '../referrals/referral.types.ts';
import type { AgendaReason } from './agenda.rules.ts';

/** An agenda item with the facts of its case that decide who is invited (no personal data). */
export interface AgendaItemRow {
  id: string;
  status: CaseStatus;
  sessionId: string;
  caseId: string;
  reference: string;
  reason: AgendaReason;
  position: number;
  state: 'waiting' | 'active' | 'decided' | 'deferred';
  referrerMemberId: string;
  referrerOrganisationId: string;
  responsibleOrganisationId?: string;
  involvedOrganisationIds: string[];
}

/** The items of several sessions in one statement (whatever their number), in agenda order. */
export async function listAgendaItems(tx: Tx, sessionIds: string[]): Promise<AgendaItemRow[]> {
  if (!sessionIds.length) return [];
  const rows = await tx.$queryRaw<
    (Omit<AgendaItemRow, 'reference' | 'responsibleOrganisationId'> & {
      reference: string | null;
      responsibleOrganisationId: string | null;
    })[]
  >`
    SELECT i.id::text AS id, i."sessionId"::text AS "sessionId", i."caseId"::text AS "caseId", i.reason::text AS reason,
           i.position, i.state::text AS state, c.reference, c.status::text AS status,
           c."referrerMemberId"::text AS "referrerMemberId", c."referrerOrganisationId"::text AS "referrerOrganisationId",
           c."responsibleOrganisationId"::text AS "responsibleOrganisationId",
           ARRAY(SELECT o."organisationId"::text FROM case_organisation o WHERE o."caseId" = c.id) AS "involvedOrganisationIds"
      FROM agenda_item i
      JOIN case_record c ON c.id = i."caseId"
     WHERE i."sessionId" = ANY(${sessionIds}::uuid[])
     ORDER BY i.position, i."createdAt"`;
  return rows.map(({ reference, responsibleOrganisationId, ...r }) => ({
    ...r,
    reference: reference ?? '',
    ...(responsibleOrganisationId ? { responsibleOrganisationId } : {}),
  }));
}

export async function addAgendaItem(
  tx: Tx,
  item: { sessionId: string; caseId: string; reason: AgendaReason; position: number },
): Promise<void> {
  await tx.agendaItem.create({ data: item });
}

export async function setPositions(tx: Tx, positions: { id: string; position: number }[]): Promise<void> {
  for (const p of positions) await tx.agendaItem.update({ where: { id: p.id }, data: { position: p.position } });
}

export async function moveItemToSession(tx: Tx, id: string, sessionId: string, position: number): Promise<void> {
  await tx.agendaItem.update({ where: { id }, data: { sessionId, position } });
}

/** Accepted cases of a table that are on no agenda from `from` on: what the procesmanager can add. */
export async function listUnscheduledCases(
  tx: Tx,
  tableId: string,
  from: Date,
): Promise<{ id: string; reference: string }[]> {
  const rows = await tx.case.findMany({
    where: { tableId, status: 'accepted', agendaItems: { none: { session: { startsAt: { gte: from } } } } },
    select: { id: true, reference: true },
    orderBy: { reference: 'asc' },
    take: 50,
  });
  return rows.map((r) => ({ id: r.id, reference: r.reference ?? '' }));
}

export async function setFirstSession(tx: Tx, caseId: string, sessionId: string): Promise<void> {
  await tx.case.update({ where: { id: caseId }, data: { firstSessionId: sessionId } });
}

/** A case added by hand that was never discussed gets this as its first discussion. */
export async function setFirstSessionIfNone(tx: Tx, caseId: string, sessionId: string): Promise<void> {
  await tx.case.updateMany({ where: { id: caseId, firstSessionId: null }, data: { firstSessionId: sessionId } });
}

/** Takes an item off its agenda; a case whose first discussion was that meeting has none planned any more. */
export async function takeOffAgenda(tx: Tx, item: Pick<AgendaItemRow, 'id' | 'caseId' | 'sessionId'>): Promise<void> {
  await tx.agendaItem.delete({ where: { id: item.id } });
  await tx.case.updateMany({
    where: { id: item.caseId, firstSessionId: item.sessionId },
    data: { firstSessionId: null },
  });
}

/** Cases of a table with an unfinished action due before `before` that are not on this session's agenda yet. */
export async function listCasesWithOverdueActions(
  tx: Tx,
  tableId: string,
  before: Date,
  sessionId: string,
): Promise<string[]> {
  const rows = await tx.case.findMany({
    where: {
      tableId,
      status: 'accepted',
      actions: { some: { state: { in: ['open', 'claimed'] }, dueDate: { lt: before } } },
      agendaItems: { none: { sessionId } },
    },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export type ItemState = AgendaItemRow['state'];

export async function findAgendaItemRef(
  tx: Tx,
  id: string,
): Promise<{ id: string; sessionId: string; caseId: string; state: ItemState } | undefined> {
  return (
    (await tx.agendaItem.findUnique({
      where: { id },
      select: { id: true, sessionId: true, caseId: true, state: true },
    })) ?? undefined
  );
}

/** Moves an item to another state during the meeting; `from` guards against a stale click. */
export async function setItemState(
  tx: Tx,
  id: string,
  to: ItemState,
  at: Date | null,
  from?: ItemState[],
): Promise<boolean> {
  const times = to === 'active' ? { startedAt: at } : to === 'waiting' ? { startedAt: null } : { endedAt: at };
  const { count } = await tx.agendaItem.updateMany({
    where: { id, ...(from ? { state: { in: from } } : {}) },
    data: { state: to, ...times },
  });
  return count === 1;
}

export async function isOnAgenda(tx: Tx, sessionId: string, caseId: string): Promise<boolean> {
  return (await tx.agendaItem.count({ where: { sessionId, caseId } })) > 0;
}

/** Takes a case off the agendas of meetings that have not begun (it closed, or it went on the schaduwlijst). */
export async function takeOffComingAgendas(tx: Tx, caseId: string, now: Date): Promise<string[]> {
  const items = await tx.agendaItem.findMany({
    where: { caseId, state: 'waiting', session: { startsAt: { gt: now }, openedAt: null } },
    select: { id: true, sessionId: true },
  });
  if (items.length) await tx.agendaItem.deleteMany({ where: { id: { in: items.map((i) => i.id) } } });
  return [...new Set(items.map((i) => i.sessionId))];
}
