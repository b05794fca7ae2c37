import type { Actor } from '../actor.ts';
import { assertEmployeeLogbookAllowed, employeeLogbookScope } from '../access/logbook-access.ts';
import { assertCan } from '../access/policy.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';
import { findCaseIdByReference, findCaseTimeZone } from '../lifecycle/case-state.repository.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { findDeletedCaseId } from '../retention/retention.repository.ts';
import { isUuid } from '../validation.ts';
import { auditEventsForExport, employeeActivity, recordAudit, referencesOf } from './audit.repository.ts';
import { sealLogbook, verifyLogbook, type ChainVerdict } from './chain.ts';
import type { LogbookSettings } from './chain.jobs.ts';
import { resolveEntries, type LogbookEntry } from './logbook.ts';
import { isProcessingActivity, processingActivities } from './processing-activities.ts';

/** The periods a person's logbook can show, in days; 30 unless chosen. */
export const logbookPeriods = [7, 30, 90, 365] as const;
export const defaultLogbookDays = 30;

export interface Employee {
  memberId: string;
  name: string;
  organisationName: string;
}

export interface EmployeeLogbookGroup {
  /** The case's reference; absent for what belongs to no case (the member list, the figures, a logbook). */
  reference?: string;
  rows: { activity: string; action: string; outcome: string; count: number; first: Date; last: Date }[];
}

export interface EmployeeLogbook {
  employee: Employee;
  days: number;
  since: Date;
  /** The network's timezone: every time is shown in it. */
  timeZone: string;
  /** Per case, the most recent first. */
  groups: EmployeeLogbookGroup[];
  /** More groups than shown: the export holds every event. */
  truncated: boolean;
}

export interface LogbookDeps {
  db: Db;
  clock: Clock;
  /** The network's timezone. */
  timeZone: string;
}

/** Groups (case, activity, action, outcome) on the card at most. */
const maxGroups = 200;

const days = (value: number | undefined) =>
  logbookPeriods.includes(value as (typeof logbookPeriods)[number]) ? value! : defaultLogbookDays;

/**
 * The employee, if the actor may read their logbook (refused, and so logged, otherwise), with the identity their
 * events carry and the period asked for: `days` back from now (30 unless one of the choices).
 */
async function employeePeriod(
  deps: Pick<LogbookDeps, 'db' | 'clock'>,
  actor: Actor,
  memberId: string,
  asked: number | undefined,
): Promise<{ employee: Employee; aadObjectId: string; period: number; since: Date }> {
  assertCan(actor, 'logbook.viewEmployee');
  const member = isUuid(memberId)
    ? await deps.db.member.findUnique({
        where: { id: memberId },
        include: { organisation: { select: { name: true } } },
      })
    : null;
  if (!member) throw new DomainError(ErrorCode.NotFound, 'No such member');
  assertEmployeeLogbookAllowed(actor, member);
  const period = days(asked);
  return {
    employee: { memberId: member.id, name: member.displayName, organisationName: member.organisation.name },
    aadObjectId: member.aadObjectId,
    period,
    since: new Date(deps.clock.now().getTime() - period * 86_400_000),
  };
}

/** The members whose logbook the actor may read, to choose from: everyone for the procesmanager, else their own. */
export async function employeeChoices(deps: { db: Db }, actor: Actor): Promise<Employee[]> {
  assertCan(actor, 'logbook.viewEmployee');
  const members = await listActiveMembers(deps.db, { ...employeeLogbookScope(actor), includeSteeringGroup: true });
  return members.map((m) => ({ memberId: m.id, name: m.displayName, organisationName: m.organisationName }));
}

/**
 * The member a mention names (`logboek @Ruben Croes`): by the Teams user id the mention carries, else by the name,
 * among the active members. Undefined when none or several fit (the card then offers the choice).
 */
export async function memberByMention(
  deps: { db: Db },
  actor: Actor,
  mention: { teamsUserId?: string; name: string },
): Promise<string | undefined> {
  assertCan(actor, 'logbook.viewEmployee');
  const name = mention.name.trim().slice(0, 200);
  const found = await deps.db.member.findMany({
    where: {
      active: true,
      OR: [
        ...(mention.teamsUserId ? [{ teamsUserId: mention.teamsUserId }] : []),
        ...(name ? [{ displayName: { equals: name, mode: 'insensitive' as const } }] : []),
      ],
    },
    select: { id: true, teamsUserId: true },
    take: 5,
  });
  const byId = found.find((m) => mention.teamsUserId && m.teamsUserId === mention.teamsUserId);
  return byId?.id ?? (found.length === 1 ? found[0]!.id : undefined);
}

/**
 * `logboek @naam`: what one person read and changed in a period (30 days unless chosen), per case and processing
 * activity, the most recent first. The procesmanager for anyone, a contactpersoon for their own organisation's
 * staff (src/access/logbook-access.ts). Reading it is logged too.
 */
export async function employeeLogbook(
  deps: LogbookDeps,
  actor: Actor,
  input: { memberId: string; days?: number },
): Promise<EmployeeLogbook> {
  const { employee, aadObjectId: aad, period, since } = await employeePeriod(deps, actor, input.memberId, input.days);
  const rows = await employeeActivity(deps.db, aad, since, maxGroups + 1);
  const references = await referencesOf(deps.db, [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))]);
  await recordAudit(deps.db, actor, {
    action: 'logbook.employeeViewed',
    recordType: 'member',
    recordId: employee.memberId,
    purpose: 'logboek',
  });
  const groups = new Map<string, EmployeeLogbookGroup>();
  for (const r of rows.slice(0, maxGroups)) {
    const key = r.caseId ?? '';
    const reference = r.caseId ? references.get(r.caseId) : undefined;
    const group = groups.get(key) ?? { ...(reference ? { reference } : {}), rows: [] };
    group.rows.push({
      activity: isProcessingActivity(r.purpose) ? processingActivities[r.purpose].name : r.purpose,
      action: r.action,
      outcome: r.outcome,
      count: r.count,
      first: r.first,
      last: r.last,
    });
    groups.set(key, group);
  }
  return {
    employee,
    days: period,
    since,
    timeZone: deps.timeZone,
    groups: [...groups.values()],
    truncated: rows.length > maxGroups,
  };
}

export interface LogbookExport {
  /** What the file is of: `Ruben Croes (Korps Politie CN), laatste 30 dagen`, or a case's reference. */
  title: string;
  fileName: string;
  timeZone: string;
  entries: (LogbookEntry & { reference?: string })[];
  /** More events than the file holds. */
  truncated: boolean;
}

/** Events in one export at most. */
export const maxExportRows = 20_000;

export type LogbookExportQuery =
  { kind: 'employee'; memberId: string; days?: number } | { kind: 'case'; reference: string };

/**
 * Every event of one person in a period, or of one case, for a CSV; the same rules as the view (a person's: the
 * procesmanager, or a contactpersoon for their own staff; a case's: the procesmanager). Exporting is logged.
 */
export async function logbookExport(
  deps: LogbookDeps,
  actor: Actor,
  query: LogbookExportQuery,
): Promise<LogbookExport> {
  if (query.kind === 'case') return caseExport(deps, actor, query.reference);
  const { employee, aadObjectId: aad, period, since } = await employeePeriod(deps, actor, query.memberId, query.days);
  const events = await auditEventsForExport(deps.db, { actorAadObjectId: aad, since }, maxExportRows);
  const kept = events.slice(0, maxExportRows);
  const [entries, references] = await Promise.all([
    resolveEntries(deps.db, kept),
    referencesOf(deps.db, [...new Set(kept.flatMap((e) => (e.caseId ? [e.caseId] : [])))]),
  ]);
  await recordAudit(deps.db, actor, {
    action: 'logbook.exported',
    recordType: 'member',
    recordId: employee.memberId,
    purpose: 'logboek',
  });
  return {
    title: `${employee.name} (${employee.organisationName}), laatste ${period} dagen`,
    fileName: `logboek-medewerker-${period}-dagen.csv`,
    timeZone: deps.timeZone,
    entries: entries.map((e, i) => {
      const caseId = kept[i]!.caseId;
      const reference = caseId ? references.get(caseId) : undefined;
      return { ...e, ...(reference ? { reference } : {}) };
    }),
    truncated: events.length > maxExportRows,
  };
}

async function caseExport(deps: LogbookDeps, actor: Actor, reference: string): Promise<LogbookExport> {
  assertCan(actor, 'logbook.view');
  const caseId = (await findCaseIdByReference(deps.db, reference)) ?? (await findDeletedCaseId(deps.db, reference));
  if (!caseId) throw new DomainError(ErrorCode.NotFound, 'No such reference');
  const [events, tableZone] = await Promise.all([
    auditEventsForExport(deps.db, { caseId }, maxExportRows),
    findCaseTimeZone(deps.db, caseId),
  ]);
  const kept = events.slice(0, maxExportRows);
  const entries = await resolveEntries(deps.db, kept);
  await recordAudit(deps.db, actor, {
    action: 'logbook.exported',
    recordType: 'case',
    recordId: caseId,
    purpose: 'logboek',
  });
  return {
    title: reference,
    fileName: `logboek-${reference}.csv`,
    timeZone: tableZone ?? deps.timeZone,
    entries: entries.map((e) => ({ ...e, reference })),
    truncated: events.length > maxExportRows,
  };
}

export interface LogbookCheck extends ChainVerdict {
  /** Rows sealed by this check (what was due). */
  sealedNow: number;
  timeZone: string;
}

/**
 * `logboek controleren`: seals what is due, then walks the whole chain. Says where it first breaks (a row's number
 * and time, never its content), or that it is intact, with how many rows were checked and how many are not sealed
 * yet. The check itself is logged, with its outcome (intact, or the row that breaks).
 */
export async function checkLogbook(
  deps: { db: Db; timeZone: string; logbook: LogbookSettings },
  actor: Actor,
): Promise<LogbookCheck> {
  assertCan(actor, 'logbook.view');
  // A bounded share, so the turn stays short; a backlog beyond it is the hourly job's.
  const sealedNow = await sealLogbook(deps.db, { marginMs: deps.logbook.sealMarginMs, maxBatches: 20 });
  const verdict = await verifyLogbook(deps.db);
  await recordAudit(deps.db, actor, {
    action: 'logbook.verified',
    recordType: 'logbook',
    recordId: verdict.firstBreak ? `${verdict.firstBreak.kind}:${verdict.firstBreak.id}` : 'intact',
    purpose: 'logboek',
  });
  return { ...verdict, sealedNow, timeZone: deps.timeZone };
}
