import type { Tx } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { isUuid } from '../validation.ts';
import { scheduleProblems, type TableSchedule } from './schedule.ts';

export interface TableView {
  id: string;
  name: string;
  schedule: TableSchedule;
  organisationIds: string[];
}

const include = { organisations: { select: { organisationId: true } } } as const;

function toView(t: {
  id: string; name: string; timeZone: string; weekday: number; startTime: string; anchorDate: Date; intervalWeeks: number; capacity: number;
  organisations: { organisationId: string }[];
}): TableView {
  return {
    id: t.id,
    name: t.name,
    schedule: {
      timeZone: t.timeZone,
      weekday: t.weekday,
      startTime: t.startTime,
      anchorDate: t.anchorDate.toISOString().slice(0, 10),
      intervalWeeks: t.intervalWeeks,
      capacity: t.capacity,
    },
    organisationIds: t.organisations.map((o) => o.organisationId),
  };
}

export async function listTables(tx: Tx): Promise<TableView[]> {
  return (await tx.conferenceTable.findMany({ include, orderBy: { name: 'asc' } })).map(toView);
}

export async function findTableById(tx: Tx, id: string): Promise<TableView | undefined> {
  if (!isUuid(id)) return undefined;
  const t = await tx.conferenceTable.findUnique({ where: { id }, include });
  return t ? toView(t) : undefined;
}

/** Serialises bookings on one table within the calling transaction, so two accepts cannot overfill a meeting. */
export async function lockTableForBooking(tx: Tx, tableId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`table:${tableId}`}))`;
}

/** How many accepted cases each coming meeting of a table already has. */
export async function bookedSessions(tx: Tx, tableId: string, from: Date): Promise<Map<number, number>> {
  const rows = await tx.case.groupBy({
    by: ['firstSessionAt'],
    where: { tableId, status: 'accepted', firstSessionAt: { gte: from } },
    _count: { _all: true },
  });
  return new Map(rows.filter((r) => r.firstSessionAt).map((r) => [r.firstSessionAt!.getTime(), r._count._all]));
}

export async function ensureTable(
  tx: Tx,
  input: { name: string; schedule: TableSchedule; organisationIds: string[] },
): Promise<TableView> {
  const problems = scheduleProblems(input.schedule);
  if (problems.length) throw new DomainError(ErrorCode.Invalid, `Invalid schedule: ${problems.join(' ')}`);
  const data = {
    timeZone: input.schedule.timeZone,
    weekday: input.schedule.weekday,
    startTime: input.schedule.startTime,
    anchorDate: new Date(`${input.schedule.anchorDate}T00:00:00Z`),
    intervalWeeks: input.schedule.intervalWeeks,
    capacity: input.schedule.capacity,
  };
  const existing = await tx.conferenceTable.findUnique({ where: { name: input.name }, include });
  if (existing) return toView(existing);
  const created = await tx.conferenceTable.create({
    data: { name: input.name, ...data, organisations: { create: input.organisationIds.map((organisationId) => ({ organisationId })) } },
    include,
  });
  return toView(created);
}
