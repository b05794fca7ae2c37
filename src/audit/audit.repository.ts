import type { Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import type { ProcessingActivity } from './processing-activities.ts';
import { currentTraceId } from './trace.ts';

/**
 * What happened to which record, by whom, for what purpose. Deliberately no free-text field:
 * an audit row must never carry personal data, so it can outlive the case it describes.
 */
export interface AuditEntry {
  action: string;
  recordType: string;
  recordId?: string;
  /** The processing activity, from the register. */
  purpose: ProcessingActivity;
  /** The case the record belongs to; for a record of type case, the record itself. */
  caseId?: string;
  outcome?: 'ok' | 'refused';
}

/** One logbook row: the entry, the trace of the turn or job it happened in, and its case. */
function row(entry: AuditEntry) {
  const { caseId, ...rest } = entry;
  return {
    ...rest,
    caseId: caseId ?? (entry.recordType === 'case' ? entry.recordId : undefined),
    traceId: currentTraceId() ?? null,
  };
}

/** Call inside the transaction that makes the change, so the change and its audit row land together. */
export async function recordAudit(
  tx: Tx,
  actor: Pick<Actor, 'aadObjectId' | 'organisationId'> | 'system',
  entry: AuditEntry,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      ...row(entry),
      actorAadObjectId: actor === 'system' ? null : actor.aadObjectId,
      actorOrganisationId: actor === 'system' ? null : actor.organisationId,
    },
  });
}

/** Several events of one actor at once, in one statement (a person looking at a whole agenda, a batch of deletions). */
export async function recordAudits(
  tx: Tx,
  actor: Pick<Actor, 'aadObjectId' | 'organisationId'> | 'system',
  entries: AuditEntry[],
): Promise<void> {
  if (!entries.length) return;
  await tx.auditEvent.createMany({
    data: entries.map((e) => ({
      ...row(e),
      actorAadObjectId: actor === 'system' ? null : actor.aadObjectId,
      actorOrganisationId: actor === 'system' ? null : actor.organisationId,
    })),
  });
}

export interface AuditEventView {
  /** The event's place in the logbook (its sequence number): the cursor a page of the logbook turns on. */
  id: string;
  action: string;
  recordType: string;
  recordId?: string;
  purpose: string;
  caseId?: string;
  outcome: string;
  traceId?: string;
  at: Date;
  actorAadObjectId: string | null;
  actorOrganisationId: string | null;
}

/** Who and which activities occur in a case's logbook: the choices of its filters. One statement. */
export async function auditFacets(
  tx: Tx,
  caseId: string,
): Promise<{ actorAadObjectId: string | null; actorOrganisationId: string | null; purpose: string }[]> {
  return tx.$queryRaw<{ actorAadObjectId: string | null; actorOrganisationId: string | null; purpose: string }[]>`
    SELECT DISTINCT "actorAadObjectId", "actorOrganisationId"::text AS "actorOrganisationId", purpose
      FROM audit_event
     WHERE "caseId" = ${caseId}::uuid
     LIMIT 500`;
}

export interface AccessSummaryRow {
  actorAadObjectId: string;
  /** Distinct cases this person read or changed. */
  cases: number;
  refused: number;
}

/**
 * Who touched unusually many cases, or was refused unusually often, since a moment: the procesmanager's
 * look at the logbook as a whole. One query over the (actor, at) index.
 */
export async function accessSummary(
  tx: Tx,
  since: Date,
  thresholds: { cases: number; refused: number },
): Promise<AccessSummaryRow[]> {
  const rows = await tx.$queryRaw<{ aad: string; cases: bigint; refused: bigint }[]>`
    SELECT "actorAadObjectId" AS aad,
           count(DISTINCT "caseId") FILTER (WHERE outcome = 'ok') AS cases,
           count(*) FILTER (WHERE outcome = 'refused') AS refused
      FROM audit_event
     WHERE at >= ${since} AND "actorAadObjectId" IS NOT NULL
     GROUP BY "actorAadObjectId"
    HAVING count(DISTINCT "caseId") FILTER (WHERE outcome = 'ok') >= ${thresholds.cases}
        OR count(*) FILTER (WHERE outcome = 'refused') >= ${thresholds.refused}
     ORDER BY refused DESC, cases DESC
     LIMIT 20`;
  return rows.map((r) => ({ actorAadObjectId: r.aad, cases: Number(r.cases), refused: Number(r.refused) }));
}

export interface AuditEventFilter {
  recordType?: string;
  recordId?: string;
  caseId?: string;
  actorOrganisationId?: string;
  /** null: the system's own events. */
  actorAadObjectId?: string | null;
  purpose?: string;
}

/**
 * Events in logbook order (oldest first, or newest first), optionally only those before or after an event (the
 * cursor of a page). One statement, over the (caseId, id) index for a case's logbook.
 */
export async function listAuditEvents(
  tx: Tx,
  where: AuditEventFilter = {},
  options: { newestFirst?: boolean; take?: number; beforeId?: string; afterId?: string } = {},
): Promise<AuditEventView[]> {
  const cursor = (value: string | undefined) => (value && /^\d{1,19}$/.test(value) ? BigInt(value) : undefined);
  const before = cursor(options.beforeId);
  const after = cursor(options.afterId);
  const rows = await tx.auditEvent.findMany({
    where: {
      ...where,
      ...(before !== undefined || after !== undefined
        ? { id: { ...(before !== undefined ? { lt: before } : {}), ...(after !== undefined ? { gt: after } : {}) } }
        : {}),
    },
    orderBy: { id: options.newestFirst ? 'desc' : 'asc' },
    ...(options.take ? { take: options.take } : {}),
  });
  return rows.map(eventView);
}

export interface EmployeeActivityRow {
  caseId: string | null;
  purpose: string;
  action: string;
  outcome: string;
  count: number;
  first: Date;
  last: Date;
}

/**
 * What one person read and changed in a period, per case, processing activity, action and outcome, the most recent
 * first: one statement over the (actor, at) index, at most `limit` groups.
 */
export async function employeeActivity(
  tx: Tx,
  actorAadObjectId: string,
  since: Date,
  limit: number,
): Promise<EmployeeActivityRow[]> {
  const rows = await tx.$queryRaw<(Omit<EmployeeActivityRow, 'count'> & { count: bigint })[]>`
    SELECT "caseId"::text AS "caseId", purpose, action, outcome, count(*) AS count, min(at) AS first, max(at) AS last
      FROM audit_event
     WHERE "actorAadObjectId" = ${actorAadObjectId} AND at >= ${since}
     GROUP BY "caseId", purpose, action, outcome
     ORDER BY max(at) DESC
     LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** A case's references by id, also of cases whose data were deleted (the reference is kept). One statement. */
export async function referencesOf(tx: Tx, caseIds: string[]): Promise<Map<string, string>> {
  if (!caseIds.length) return new Map();
  const rows = await tx.$queryRaw<{ id: string; reference: string }[]>`
    SELECT id::text AS id, reference FROM case_record WHERE id = ANY(${caseIds}::uuid[]) AND reference IS NOT NULL
    UNION ALL
    SELECT "caseId"::text, reference FROM deleted_case WHERE "caseId" = ANY(${caseIds}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.reference]));
}

/**
 * The events of one person since a moment, or of one case, oldest first, for an export: at most `limit` (one more
 * tells the caller there were more). One statement over the (actor, at) or (caseId, id) index.
 */
export async function auditEventsForExport(
  tx: Tx,
  where: { actorAadObjectId: string; since: Date } | { caseId: string },
  limit: number,
): Promise<AuditEventView[]> {
  const rows = await tx.auditEvent.findMany({
    where:
      'caseId' in where
        ? { caseId: where.caseId }
        : { actorAadObjectId: where.actorAadObjectId, at: { gte: where.since } },
    orderBy: { id: 'asc' },
    take: limit + 1,
  });
  return rows.map(eventView);
}

type AuditRow = Awaited<ReturnType<Tx['auditEvent']['findMany']>>[number];

/** A stored row as the logbook reads it: its number as a string, absent fields left out. */
function eventView(r: AuditRow): AuditEventView {
  return {
    id: r.id.toString(),
    ...(r.caseId ? { caseId: r.caseId } : {}),
    ...(r.traceId ? { traceId: r.traceId } : {}),
    outcome: r.outcome,
    at: r.at,
    actorAadObjectId: r.actorAadObjectId,
    actorOrganisationId: r.actorOrganisationId,
    action: r.action,
    recordType: r.recordType,
    recordId: r.recordId ?? undefined,
    purpose: r.purpose,
  };
}
