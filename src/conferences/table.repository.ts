import { Prisma } from '../../prisma/generated/client.ts';
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
type Row = Prisma.ConferenceTableGetPayload<{ include: typeof include }>;

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

/** Tables with their partners and chair in one statement (Prisma would send one per relation). */
async function queryTables(tx: Tx, where: Prisma.Sql): Promise<TableView[]> {
  const rows = await tx.$queryRaw<
    (Omit<Row, 'organisations' | 'chair'> & { organisationIds: string[]; chairId: string | null; chairName: string })[]
  >`
    SELECT t.id::text AS id, t.name, t."timeZone", t.weekday, t."startTime", t."anchorDate", t."intervalWeeks",
           t."sessionMinutes", t."minutesPerCase", t."agendaLeadHours", t."channelConversationId", t."closedAt",
           ch.id::text AS "chairId", ch."displayName" AS "chairName",
           ARRAY(SELECT o."organisationId"::text FROM table_organisation o WHERE o."tableId" = t.id) AS "organisationIds"
      FROM conference_table t
      LEFT JOIN member ch ON ch.id = t."chairMemberId"
     WHERE ${where}
     ORDER BY t.name`;
  return rows.map(({ organisationIds, chairId, chairName, ...t }) =>
    toView({
      ...t,
      organisations: organisationIds.map((organisationId) => ({ organisationId })),
      chair: chairId ? { id: chairId, displayName: chairName } : null,
    }),
  );
}

export async function listTables(tx: Tx, options: { includeClosed?: boolean } = {}): Promise<TableView[]> {
  return queryTables(tx, options.includeClosed ? Prisma.sql`TRUE` : Prisma.sql`t."closedAt" IS NULL`);
}

export async function findTableById(tx: Tx, id: string): Promise<TableView | undefined> {
  if (!isUuid(id)) return undefined;
  return (await queryTables(tx, Prisma.sql`t.id = ${id}::uuid`))[0];
}

export async function findTableByName(tx: Tx, name: string): Promise<TableView | undefined> {
  return (await queryTables(tx, Prisma.sql`t.name = ${name}`))[0];
}

export async function findTableByChannel(tx: Tx, channelConversationId: string): Promise<TableView | undefined> {
  return (
    await queryTables(tx, Prisma.sql`t."channelConversationId" = ${channelConversationId} AND t."closedAt" IS NULL`)
  )[0];
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
