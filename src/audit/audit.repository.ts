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

export async function listAuditEvents(
  tx: Tx,
  where: { recordType?: string; recordId?: string; caseId?: string } = {},
  options: { newestFirst?: boolean; take?: number } = {},
): Promise<AuditEventView[]> {
  const rows = await tx.auditEvent.findMany({
    where,
    orderBy: { id: options.newestFirst ? 'desc' : 'asc' },
    ...(options.take ? { take: options.take } : {}),
  });
  return rows.map((r) => ({
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
  }));
}
