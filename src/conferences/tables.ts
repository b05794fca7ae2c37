import type { UseCaseDeps } from '../use-case.ts';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { assertCan } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { isUniqueViolation, type Db } from '../db/client.ts';
import { DomainError, ErrorCode, conflict } from '../errors.ts';
import { cancelJob, rescheduleJob, reviveJob } from '../jobs/job.repository.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { listPartners } from '../organisations/organisation.repository.ts';
import { fieldErrors, isUuid, requiredText } from '../validation.ts';
import { agendaDueAt, agendaPostJob, planSessions } from './planning.ts';
import { occurrencesBetween, scheduleProblems, type TableSchedule } from './schedule.ts';
import {
  activeSessionStatuses,
  countItems,
  listPlannedOccurrences,
  listSessions,
  setSessionStatus,
  type SessionView,
} from './session.repository.ts';
import {
  createTable,
  findTableById,
  findTableBySubmission,
  findTableByName,
  listTables,
  setTableChannel,
  setTableClosed,
  setTableMeeting,
  updateTable,
  type TableInput,
  type TableView,
} from './table.repository.ts';

const whole = (message: string, min: number, max: number) =>
  z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message);

/** The table form as the card sends it: every value is text. */
export const tableForm = z.object({
  name: requiredText('Geef de tafel een naam.', 100),
  organisationIds: requiredText('Kies de partners aan deze tafel.', 2_000).transform((v) =>
    v.split(',').filter(Boolean),
  ),
  chair: z.string().trim().optional(),
  timeZone: requiredText('Kies een tijdzone.', 60),
  weekday: whole('Kies een weekdag.', 1, 7),
  startTime: requiredText('Vul de begintijd in (uu:mm).', 5),
  anchorDate: requiredText('Vul de datum van een overleg in.', 10),
  intervalWeeks: whole('Kies om de 1 tot 12 weken.', 1, 12),
  sessionMinutes: whole('Een overleg duurt 15 tot 480 minuten.', 15, 480),
  minutesPerCase: whole('Per casus 5 tot 120 minuten.', 5, 120),
  agendaLeadHours: whole('De agenda gaat 1 tot 336 uur (twee weken) vooraf uit.', 1, 336),
});

export type SaveTableResult =
  { ok: true; table: TableView; created: boolean } | { ok: false; errors: Record<string, string> };

/** Validates the form against the partners, members and the calendar; errors keyed by field, in Dutch. */
async function parseTableForm(
  db: Db,
  raw: unknown,
  tableId?: string,
): Promise<{ input: TableInput } | { errors: Record<string, string> }> {
  const parsed = tableForm.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const f = parsed.data;
  const errors: Record<string, string> = {};
  const schedule: TableSchedule = {
    timeZone: f.timeZone,
    weekday: f.weekday,
    startTime: f.startTime,
    anchorDate: f.anchorDate,
    intervalWeeks: f.intervalWeeks,
    sessionMinutes: f.sessionMinutes,
    minutesPerCase: f.minutesPerCase,
  };
  Object.assign(errors, scheduleProblems(schedule));
  const partners = new Set((await listPartners(db)).map((p) => p.id));
  if (f.organisationIds.some((id) => !partners.has(id)))
    errors.organisationIds = 'Kies alleen convenantpartners uit de lijst.';
  let chairMemberId: string | undefined;
  if (f.chair && f.chair !== 'processManager') {
    const members = await listActiveMembers(db);
    if (!members.some((m) => m.id === f.chair)) errors.chair = 'Kies een voorzitter uit de lijst.';
    else chairMemberId = f.chair;
  }
  const sameName = await findTableByName(db, f.name);
  if (sameName && sameName.id !== tableId) errors.name = 'Er is al een tafel met deze naam.';
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      name: f.name,
      schedule,
      agendaLeadHours: f.agendaLeadHours,
      organisationIds: f.organisationIds,
      chairMemberId,
    },
  };
}

/**
 * Creates a table or changes one. A changed rhythm drops the planned meetings it no longer has (only
 * empty ones: a meeting with cases on its agenda stays, and the procesmanager moves or cancels it), and
 * plans the new ones; a changed lead time moves the agenda posts that have not gone out.
 */
export async function saveTable(
  deps: UseCaseDeps,
  actor: Actor,
  raw: unknown,
  tableId?: string,
  submissionId?: string,
): Promise<SaveTableResult> {
  assertCan(actor, 'tables.manage');
  const existing = tableId ? await findTableById(deps.db, tableId) : undefined;
  if (tableId && !existing) throw new DomainError(ErrorCode.NotFound, 'Table not found');
  // A new table's form sent again (a repeated click, a retried invoke): the table it made is the answer.
  const submission = !tableId && submissionId && isUuid(submissionId) ? submissionId : undefined;
  const made = submission && (await findTableBySubmission(deps.db, submission));
  if (made) return { ok: true, table: made, created: true };
  const parsed = await parseTableForm(deps.db, raw, tableId);
  if ('errors' in parsed) return { ok: false, errors: parsed.errors };
  const now = deps.clock.now();
  const save = () => writeTable(deps, actor, parsed.input, now, existing, submission);
  // Two copies at the same moment: the unique submission id (or name) lets one in; the other answers with its table.
  const table = await save().catch(async (error: unknown) => {
    const first = submission && isUniqueViolation(error) && (await findTableBySubmission(deps.db, submission));
    if (!first) throw error;
    return first;
  });
  return { ok: true, table, created: !existing };
}

async function writeTable(
  deps: UseCaseDeps,
  actor: Actor,
  input: TableInput,
  now: Date,
  existing: TableView | undefined,
  submissionId: string | undefined,
): Promise<TableView> {
  return deps.db.$transaction(async (tx) => {
    const table = existing ? await updateTable(tx, existing.id, input) : await createTable(tx, input, submissionId);
    if (existing) {
      const planned = await listPlannedOccurrences(tx, table.id, now);
      const horizonEnd = new Date(Math.max(now.getTime(), ...planned.map((s) => s.startsAt.getTime())) + 1);
      const keep = new Set(occurrencesBetween(table.schedule, now, horizonEnd).map((d) => d.getTime()));
      const counts = await countItems(
        tx,
        planned.map((s) => s.id),
      );
      for (const s of planned) {
        if (keep.has(s.startsAt.getTime()) || counts.get(s.id)) continue;
        await setSessionStatus(tx, s.id, 'cancelled');
        await cancelJob(tx, agendaPostJob, s.id);
      }
    }
    const coming = await planSessions(tx, table, now);
    // A changed lead time moves the agenda posts that have not gone out (new jobs got it already).
    if (existing)
      for (const s of coming)
        if (!s.agendaPublishedAt) await rescheduleJob(tx, agendaPostJob, s.id, agendaDueAt(table, s.startsAt));
    await recordAudit(tx, actor, {
      action: existing ? 'table.updated' : 'table.created',
      recordType: 'table',
      recordId: table.id,
      purpose: 'tafelbeheer',
    });
    return table;
  });
}

export interface TableOverview extends TableView {
  nextSession?: SessionView;
}

/** `tafels`: the open tables (and, for the procesmanager, the closed ones) with their next meeting. */
export async function listTableOverview(deps: UseCaseDeps, actor: Actor): Promise<TableOverview[]> {
  assertCan(actor, 'tables.list');
  const tables = await listTables(deps.db, { includeClosed: actor.role === 'processManager' });
  const visible =
    actor.role === 'processManager' ? tables : tables.filter((t) => t.organisationIds.includes(actor.organisationId));
  const upcoming = await listSessions(deps.db, {
    tableIds: visible.map((t) => t.id),
    from: deps.clock.now(),
    statuses: activeSessionStatuses,
  });
  return visible.map((t) => ({ ...t, nextSession: upcoming.find((s) => s.tableId === t.id) }));
}

/** Closes a table: it plans no more meetings; its history stays. Refused while cases are still on its agendas. */
export async function closeTable(deps: UseCaseDeps, actor: Actor, tableId: string): Promise<TableView> {
  assertCan(actor, 'tables.manage');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const table = await findTableById(tx, tableId);
    if (!table) throw new DomainError(ErrorCode.NotFound, 'Table not found');
    if (table.closedAt) return table;
    const coming = await listSessions(tx, { tableIds: [table.id], from: now, statuses: activeSessionStatuses });
    const counts = await countItems(
      tx,
      coming.map((s) => s.id),
    );
    if ([...counts.values()].some((n) => n > 0))
      throw conflict('tableHasAgenda', 'Table still has cases on coming agendas');
    for (const s of coming) {
      await setSessionStatus(tx, s.id, 'cancelled');
      await cancelJob(tx, agendaPostJob, s.id);
    }
    await setTableClosed(tx, table.id, now);
    await recordAudit(tx, actor, {
      action: 'table.closed',
      recordType: 'table',
      recordId: table.id,
      purpose: 'tafelbeheer',
    });
    return { ...table, closedAt: now };
  });
}

/**
 * `@Casusbot tafel koppelen` in a channel: the table's agenda goes to this channel from now on. Agenda
 * posts that failed for want of a channel, for meetings still to come, become due again. Typed in the chat of
 * the table's Teams meeting, that meeting is linked too: its start opens the session.
 */
export async function linkChannel(
  deps: UseCaseDeps,
  actor: Actor,
  tableId: string,
  conversationId: string,
  teamsMeetingId?: string,
): Promise<TableView> {
  assertCan(actor, 'tables.manage');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const table = await findTableById(tx, tableId);
    if (!table || table.closedAt) throw new DomainError(ErrorCode.NotFound, 'Table not found');
    await setTableChannel(tx, table.id, conversationId, teamsMeetingId);
    for (const s of await listSessions(tx, { tableIds: [table.id], from: now, statuses: activeSessionStatuses })) {
      if (!s.agendaPublishedAt)
        await reviveJob(
          tx,
          agendaPostJob,
          s.id,
          new Date(Math.max(now.getTime(), agendaDueAt(table, s.startsAt).getTime())),
        );
    }
    await recordAudit(tx, actor, {
      action: 'table.channelLinked',
      recordType: 'table',
      recordId: table.id,
      purpose: 'tafelbeheer',
    });
    return { ...table, channelConversationId: conversationId };
  });
}

/** `tafel koppelen` in the chat of a Teams meeting that is not in a channel: only the meeting is linked. */
export async function linkMeeting(
  deps: UseCaseDeps,
  actor: Actor,
  tableId: string,
  teamsMeetingId: string,
): Promise<TableView> {
  assertCan(actor, 'tables.manage');
  return deps.db.$transaction(async (tx) => {
    const table = await findTableById(tx, tableId);
    if (!table || table.closedAt) throw new DomainError(ErrorCode.NotFound, 'Table not found');
    await setTableMeeting(tx, table.id, teamsMeetingId);
    await recordAudit(tx, actor, {
      action: 'table.meetingLinked',
      recordType: 'table',
      recordId: table.id,
      purpose: 'tafelbeheer',
    });
    return table;
  });
}
