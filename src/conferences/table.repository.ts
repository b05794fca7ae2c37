import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';
import type { TableSchedule } from './schedule.ts';

export interface TableView {
  id: string;
  name: string;
  schedule: TableSchedule;
  agendaLeadHours: number;
  organisationIds: string[];
  chair?: { memberId: string; name: string };
  channelConversationId?: string;
  closedAt?: Date;
}

export interface TableInput {
  name: string;
  schedule: TableSchedule;
  agendaLeadHours: number;
  organisationIds: string[];
  chairMemberId?: string;
}

const include = {
  organisations: { select: { organisationId: true } },
  chair: { select: { id: true, displayName: true } },
} as const;
type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;
const loadRow = (tx: Tx, id: string) => tx.conferenceTable.findUnique({ where: { id }, include });

function toView(t: Row): TableView {
  return {
    id: t.id,
    name: t.name,
    schedule: {
      timeZone: t.timeZone,
      weekday: t.weekday,
      startTime: t.startTime,
      anchorDate: t.anchorDate.toISOString().slice(0, 10),
      intervalWeeks: t.intervalWeeks,
      sessionMinutes: t.sessionMinutes,
      minutesPerCase: t.minutesPerCase,
    },
    agendaLeadHours: t.agendaLeadHours,
    organisationIds: t.organisations.map((o) => o.organisationId),
    ...(t.chair ? { chair: { memberId: t.chair.id, name: t.chair.displayName } } : {}),
    ...(t.channelConversationId ? { channelConversationId: t.channelConversationId } : {}),
    ...(t.closedAt ? { closedAt: t.closedAt } : {}),
  };
}

function columns(input: TableInput) {
  const s = input.schedule;
  return {
    name: input.name,
    timeZone: s.timeZone,
    weekday: s.weekday,
    startTime: s.startTime,
    anchorDate: new Date(`${s.anchorDate}T00:00:00Z`),
    intervalWeeks: s.intervalWeeks,
    sessionMinutes: s.sessionMinutes,
    minutesPerCase: s.minutesPerCase,
    agendaLeadHours: input.agendaLeadHours,
    chairMemberId: input.chairMemberId ?? null,
  };
}

export async function listTables(tx: Tx, options: { includeClosed?: boolean } = {}): Promise<TableView[]> {
  const rows = await tx.conferenceTable.findMany({
    where: options.includeClosed ? {} : { closedAt: null },
    include,
    orderBy: { name: 'asc' },
  });
  return rows.map(toView);
}

export async function findTableById(tx: Tx, id: string): Promise<TableView | undefined> {
  if (!isUuid(id)) return undefined;
  const t = await loadRow(tx, id);
  return t ? toView(t) : undefined;
}

export async function findTableByName(tx: Tx, name: string): Promise<TableView | undefined> {
  const t = await tx.conferenceTable.findUnique({ where: { name }, include });
  return t ? toView(t) : undefined;
}

export async function findTableByChannel(tx: Tx, channelConversationId: string): Promise<TableView | undefined> {
  const t = await tx.conferenceTable.findFirst({ where: { channelConversationId, closedAt: null }, include });
  return t ? toView(t) : undefined;
}

/**
 * Serialises changes to one table's agendas within the calling transaction (bookings, edits, the meeting's
 * moves, decisions), so positions, capacity and item states are read and written as one.
 */
export async function lockTableForBooking(tx: Tx, tableId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`table:${tableId}`}))`;
}

/** The table a form created, by the form's submission id. */
export async function findTableBySubmission(tx: Tx, submissionId: string): Promise<TableView | undefined> {
  const t = await tx.conferenceTable.findUnique({ where: { submissionId }, select: { id: true } });
  return t ? findTableById(tx, t.id) : undefined;
}

export async function createTable(tx: Tx, input: TableInput, submissionId?: string): Promise<TableView> {
  const created = await tx.conferenceTable.create({
    data: {
      ...columns(input),
      ...(submissionId ? { submissionId } : {}),
      organisations: { create: input.organisationIds.map((organisationId) => ({ organisationId })) },
    },
    include,
  });
  return toView(created);
}

export async function updateTable(tx: Tx, id: string, input: TableInput): Promise<TableView> {
  await tx.tableOrganisation.deleteMany({ where: { tableId: id } });
  const updated = await tx.conferenceTable.update({
    where: { id },
    data: {
      ...columns(input),
      organisations: { create: input.organisationIds.map((organisationId) => ({ organisationId })) },
    },
    include,
  });
  return toView(updated);
}

export async function setTableClosed(tx: Tx, id: string, closedAt: Date): Promise<void> {
  await tx.conferenceTable.update({ where: { id }, data: { closedAt } });
}

export async function setTableChannel(
  tx: Tx,
  id: string,
  channelConversationId: string,
  teamsMeetingId?: string,
): Promise<void> {
  if (teamsMeetingId) await setTableMeeting(tx, id, teamsMeetingId);
  await tx.conferenceTable.update({ where: { id }, data: { channelConversationId } });
}

export async function setTableMeeting(tx: Tx, id: string, teamsMeetingId: string): Promise<void> {
  // A meeting belongs to one table: linking it here unlinks it elsewhere.
  await tx.conferenceTable.updateMany({ where: { teamsMeetingId, id: { not: id } }, data: { teamsMeetingId: null } });
  await tx.conferenceTable.update({ where: { id }, data: { teamsMeetingId } });
}

export async function findTableByMeeting(tx: Tx, teamsMeetingId: string): Promise<TableView | undefined> {
  const t = await tx.conferenceTable.findFirst({ where: { teamsMeetingId, closedAt: null }, include });
  return t ? toView(t) : undefined;
}
