import type { Tx } from '../db/client.ts';
import type { CaseState } from './case-state.repository.ts';

/** A followed case in a list: what a regisseur or the procesmanager reads at a glance. */
export interface FollowedCase {
  id: string;
  reference: string;
  status: CaseState['status'];
  table: { id: string; name: string; timeZone: string };
  goal?: string;
  directorName?: string;
  openActions: number;
  overdueActions: number;
  nextSessionAt?: Date;
  shadowReturnDate?: string;
  shadowListedAt?: Date;
}

/** Cases in a phase, optionally only those one member directs, with their counts, in two queries. */
export async function listFollowedCases(
  tx: Tx,
  where: {
    directorMemberId?: string;
    ids?: string[];
    statuses: CaseState['status'][];
    today: Date;
    now: Date;
    take?: number;
  },
): Promise<FollowedCase[]> {
  const rows = await tx.case.findMany({
    where: {
      status: { in: where.statuses },
      tableId: { not: null },
      ...(where.directorMemberId ? { directorMemberId: where.directorMemberId } : {}),
      ...(where.ids ? { id: { in: where.ids } } : {}),
    },
    orderBy: [{ shadowReturnDate: 'asc' }, { reference: 'asc' }],
    take: where.take ?? 30,
    select: {
      id: true,
      reference: true,
      status: true,
      shadowReturnDate: true,
      shadowListedAt: true,
      table: { select: { id: true, name: true, timeZone: true } },
      director: { select: { displayName: true } },
      decisions: { where: { supersededBy: null }, orderBy: { createdAt: 'desc' }, take: 1, select: { goal: true } },
      agendaItems: {
        where: { session: { startsAt: { gte: where.now } }, state: 'waiting' },
        orderBy: { session: { startsAt: 'asc' } },
        take: 1,
        select: { session: { select: { startsAt: true } } },
      },
    },
  });
  const { open, late } = await countOpenActions(
    tx,
    rows.map((r) => r.id),
    where.today,
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference ?? '',
    status: r.status as CaseState['status'],
    table: r.table!,
    ...(r.decisions[0] ? { goal: r.decisions[0].goal } : {}),
    ...(r.director ? { directorName: r.director.displayName } : {}),
    openActions: open.get(r.id) ?? 0,
    overdueActions: late.get(r.id) ?? 0,
    ...(r.agendaItems[0] ? { nextSessionAt: r.agendaItems[0].session.startsAt } : {}),
    ...(r.shadowReturnDate ? { shadowReturnDate: r.shadowReturnDate.toISOString().slice(0, 10) } : {}),
    ...(r.shadowListedAt ? { shadowListedAt: r.shadowListedAt } : {}),
  }));
}

/** Per case: its actions still open, and those of them past their due date. */
async function countOpenActions(tx: Tx, ids: string[], today: Date) {
  const counts = ids.length
    ? await tx.caseAction.groupBy({
        by: ['caseId'],
        where: { caseId: { in: ids }, state: { in: ['open', 'claimed'] } },
        _count: { _all: true },
      })
    : [];
  const overdue = ids.length
    ? await tx.caseAction.groupBy({
        by: ['caseId'],
        where: { caseId: { in: ids }, state: { in: ['open', 'claimed'] }, dueDate: { lt: today } },
        _count: { _all: true },
      })
    : [];
  return {
    open: new Map(counts.map((c) => [c.caseId, c._count._all])),
    late: new Map(overdue.map((c) => [c.caseId, c._count._all])),
  };
}
