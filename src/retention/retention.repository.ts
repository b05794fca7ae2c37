import type { Tx } from '../db/client.ts';
import type { CaseOutcome } from '../lifecycle/lifecycle.types.ts';
import { isUuid } from '../validation.ts';
import { buildCaseFact, type CaseFactSource, type EvaluationScore } from './case-facts.ts';
import { dueKind, nextDueMoment, type DeletionKind, type Retention, type RetentionCutoffs } from './retention.rules.ts';

/**
 * Ids of the cases due for deletion, oldest first, at most `limit`: closed before the cutoff, rejected
 * before it, drafts untouched since it. Each branch walks its (status, moment) index.
 */
export async function listDueForDeletion(tx: Tx, cutoffs: RetentionCutoffs, limit: number): Promise<string[]> {
  const take = Math.max(1, Math.floor(limit));
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      (SELECT id, "closedAt" AS at FROM case_record
        WHERE status = 'closed' AND "closedAt" <= ${cutoffs.closedBefore} ORDER BY "closedAt" LIMIT ${take})
      UNION ALL
      (SELECT id, "decidedAt" AS at FROM case_record
        WHERE status IN ('rejected', 'infoRequested') AND "decidedAt" <= ${cutoffs.rejectedBefore} ORDER BY "decidedAt" LIMIT ${take})
      UNION ALL
      (SELECT id, "updatedAt" AS at FROM case_record
        WHERE status = 'draft' AND "updatedAt" <= ${cutoffs.draftUpdatedBefore} ORDER BY "updatedAt" LIMIT ${take})
    ) due
    ORDER BY at, id
    LIMIT ${take}`;
  return rows.map((r) => r.id);
}

type FactRow = {
  status: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  closedAt: Date | null;
  shadowListedAt: Date | null;
  outcome: string | null;
  lifeDomains: unknown;
  chains: string[] | null;
  referrerOrganisationId: string;
  responsibleOrganisationId: string | null;
  tableId: string | null;
  timeZone: string | null;
  firstSession: { startsAt: string; status: string } | null;
  involvedOrganisationIds: string[] | null;
  decidedSessionStarts: string[] | null;
  actions: { state: string; dueDate: string; doneAt: string | null }[] | null;
  evaluations: EvaluationScore[] | null;
};

/**
 * What the figures keep of a case, in one query (it runs once per deleted case, so round trips count);
 * undefined when the case is not there.
 */
export async function loadCaseFactSource(tx: Tx, caseId: string): Promise<CaseFactSource | undefined> {
  if (!isUuid(caseId)) return undefined;
  const [c] = await tx.$queryRaw<FactRow[]>`
    SELECT c.status::text AS status, c."submittedAt", c."decidedAt", c."closedAt", c."shadowListedAt", c.outcome::text AS outcome,
           c."lifeDomains", c.chains, c."referrerOrganisationId"::text AS "referrerOrganisationId",
           c."responsibleOrganisationId"::text AS "responsibleOrganisationId", c."tableId"::text AS "tableId", t."timeZone",
           CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('startsAt', s."startsAt", 'status', s.status) END AS "firstSession",
           (SELECT json_agg(o."organisationId") FROM case_organisation o WHERE o."caseId" = c.id) AS "involvedOrganisationIds",
           (SELECT json_agg(d."startsAt") FROM agenda_item i JOIN conference_session d ON d.id = i."sessionId"
             WHERE i."caseId" = c.id AND i.state = 'decided') AS "decidedSessionStarts",
           (SELECT json_agg(json_build_object('state', a.state, 'dueDate', a."dueDate", 'doneAt', a."doneAt")) FROM case_action a
             WHERE a."caseId" = c.id) AS actions,
           (SELECT json_agg(json_build_object('organisationId', e."organisationId", 'goalReached', e."goalReached", 'cooperation', e.cooperation) ORDER BY e."createdAt")
              FROM evaluation e WHERE e."caseId" = c.id) AS evaluations
      FROM case_record c
      LEFT JOIN conference_table t ON t.id = c."tableId"
      LEFT JOIN conference_session s ON s.id = c."firstSessionId"
     WHERE c.id = ${caseId}::uuid`;
  if (!c) return undefined;
  const date = (v: string) => new Date(v);
  return {
    status: c.status,
    ...(c.submittedAt ? { submittedAt: c.submittedAt } : {}),
    ...(c.decidedAt ? { decidedAt: c.decidedAt } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    ...(c.shadowListedAt ? { shadowListedAt: c.shadowListedAt } : {}),
    ...(c.outcome ? { outcome: c.outcome as CaseOutcome } : {}),
    lifeDomains: c.lifeDomains,
    chains: c.chains ?? [],
    referrerOrganisationId: c.referrerOrganisationId,
    ...(c.responsibleOrganisationId ? { responsibleOrganisationId: c.responsibleOrganisationId } : {}),
    involvedOrganisationIds: c.involvedOrganisationIds ?? [],
    ...(c.tableId ? { tableId: c.tableId } : {}),
    ...(c.timeZone ? { timeZone: c.timeZone } : {}),
    ...(c.firstSession ? { firstSession: { startsAt: date(c.firstSession.startsAt), status: c.firstSession.status } } : {}),
    decidedSessionStarts: (c.decidedSessionStarts ?? []).map(date),
    actions: (c.actions ?? []).map((a) => ({ state: a.state, dueDate: a.dueDate, ...(a.doneAt ? { doneAt: date(a.doneAt) } : {}) })),
    evaluations: c.evaluations ?? [],
  };
}

/**
 * Deletes one case inside the caller's transaction, if it is still due: the row is locked first and checked
 * again (another instance may have deleted it, or it changed since it was listed). What stays: the
 * anonymous facts (not of a draft), the tombstone of its reference, and the audit trail the caller adds.
 * Its jobs still waiting are cancelled; the foreign keys remove everything else of the case with it.
 * Returns what was deleted, or undefined.
 */
export async function deleteCaseIfDue(tx: Tx, caseId: string, cutoffs: RetentionCutoffs, now: Date): Promise<DeletionKind | undefined> {
  if (!isUuid(caseId)) return undefined;
  const [row] = await tx.$queryRaw<{ id: string; status: string; reference: string | null; closedAt: Date | null; decidedAt: Date | null; updatedAt: Date }[]>`
    SELECT id, status::text AS status, reference, "closedAt", "decidedAt", "updatedAt"
      FROM case_record WHERE id = ${caseId}::uuid FOR UPDATE`;
  if (!row) return undefined;
  const kind = dueKind(row, cutoffs);
  if (!kind) return undefined;
  if (kind !== 'draft') {
    const fact = buildCaseFact((await loadCaseFactSource(tx, caseId))!, now);
    await tx.caseFact.createMany({ data: [{ ...fact, evaluationScores: fact.evaluationScores.map((e) => ({ ...e })) }] });
  }
  if (row.reference) await tx.deletedCase.createMany({ data: [{ reference: row.reference, caseId, deletedAt: now }] });
  // Jobs about the case ("<caseId>", or "<caseId>:<date>" as the schaduwlijst return) or about one of its actions.
  await tx.$executeRaw`
    UPDATE scheduled_job SET state = 'cancelled', "updatedAt" = ${now}
     WHERE state = 'pending'
       AND ("subjectId" = ${caseId} OR "subjectId" LIKE ${`${caseId}:%`}
            OR "subjectId" IN (SELECT id::text FROM case_action WHERE "caseId" = ${caseId}::uuid))`;
  await tx.$executeRaw`DELETE FROM case_record WHERE id = ${caseId}::uuid`;
  return kind;
}

export interface DeletedCase {
  reference: string;
  deletedAt: Date;
}

/** The tombstone of a deleted case: its reference and when it was deleted, nothing else. */
export async function findDeletedCase(tx: Tx, reference: string): Promise<DeletedCase | undefined> {
  const r = await tx.deletedCase.findUnique({ where: { reference }, select: { reference: true, deletedAt: true } });
  return r ?? undefined;
}

/** The case id behind a deleted reference: its logbook stays readable after the deletion. */
export async function findDeletedCaseId(tx: Tx, reference: string): Promise<string | undefined> {
  return (await tx.deletedCase.findUnique({ where: { reference }, select: { caseId: true } }))?.caseId;
}

export async function findDeletedCaseById(tx: Tx, caseId: string): Promise<DeletedCase | undefined> {
  if (!isUuid(caseId)) return undefined;
  const r = await tx.deletedCase.findUnique({ where: { caseId }, select: { reference: true, deletedAt: true } });
  return r ?? undefined;
}

/** The earliest moment a case still there becomes due for deletion; undefined when none ever will as things stand. */
export async function nextRetentionDueAt(tx: Tx, retention: Retention): Promise<Date | undefined> {
  const [closed, rejected, draft] = await Promise.all([
    tx.case.findFirst({ where: { status: 'closed', closedAt: { not: null } }, orderBy: { closedAt: 'asc' }, select: { closedAt: true } }),
    tx.case.findFirst({ where: { status: { in: ['rejected', 'infoRequested'] }, decidedAt: { not: null } }, orderBy: { decidedAt: 'asc' }, select: { decidedAt: true } }),
    tx.case.findFirst({ where: { status: 'draft' }, orderBy: { updatedAt: 'asc' }, select: { updatedAt: true } }),
  ]);
  return nextDueMoment(
    {
      ...(closed?.closedAt ? { closedAt: closed.closedAt } : {}),
      ...(rejected?.decidedAt ? { rejectedDecidedAt: rejected.decidedAt } : {}),
      ...(draft ? { draftUpdatedAt: draft.updatedAt } : {}),
    },
    retention,
  );
}
