import type { Tx } from '../db/client.ts';
import type { CaseOutcome } from '../lifecycle/lifecycle.types.ts';
import { isUuid } from '../validation.ts';
import { buildCaseFact, type CaseFactSource } from './case-facts.ts';
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
        WHERE status = 'rejected' AND "decidedAt" <= ${cutoffs.rejectedBefore} ORDER BY "decidedAt" LIMIT ${take})
      UNION ALL
      (SELECT id, "updatedAt" AS at FROM case_record
        WHERE status = 'draft' AND "updatedAt" <= ${cutoffs.draftUpdatedBefore} ORDER BY "updatedAt" LIMIT ${take})
    ) due
    ORDER BY at, id
    LIMIT ${take}`;
  return rows.map((r) => r.id);
}

/** What the figures keep of a case, read in a handful of queries; undefined when the case is not there. */
export async function loadCaseFactSource(tx: Tx, caseId: string): Promise<CaseFactSource | undefined> {
  if (!isUuid(caseId)) return undefined;
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      status: true, submittedAt: true, decidedAt: true, closedAt: true, shadowListedAt: true, outcome: true, lifeDomains: true, chains: true,
      referrerOrganisationId: true, responsibleOrganisationId: true, tableId: true,
      table: { select: { timeZone: true } },
      firstSession: { select: { startsAt: true, status: true } },
      organisations: { select: { organisationId: true } },
      agendaItems: { where: { state: 'decided' }, select: { session: { select: { startsAt: true } } } },
      actions: { select: { state: true, dueDate: true, doneAt: true } },
      evaluations: { orderBy: { createdAt: 'asc' }, select: { organisationId: true, goalReached: true, cooperation: true } },
    },
  });
  if (!c) return undefined;
  return {
    status: c.status,
    ...(c.submittedAt ? { submittedAt: c.submittedAt } : {}),
    ...(c.decidedAt ? { decidedAt: c.decidedAt } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    ...(c.shadowListedAt ? { shadowListedAt: c.shadowListedAt } : {}),
    ...(c.outcome ? { outcome: c.outcome as CaseOutcome } : {}),
    lifeDomains: c.lifeDomains,
    chains: c.chains,
    referrerOrganisationId: c.referrerOrganisationId,
    ...(c.responsibleOrganisationId ? { responsibleOrganisationId: c.responsibleOrganisationId } : {}),
    involvedOrganisationIds: c.organisations.map((o) => o.organisationId),
    ...(c.tableId ? { tableId: c.tableId } : {}),
    ...(c.table ? { timeZone: c.table.timeZone } : {}),
    ...(c.firstSession ? { firstSession: { startsAt: c.firstSession.startsAt, status: c.firstSession.status } } : {}),
    decidedSessionStarts: c.agendaItems.map((i) => i.session.startsAt),
    actions: c.actions.map((a) => ({ state: a.state, dueDate: a.dueDate.toISOString().slice(0, 10), ...(a.doneAt ? { doneAt: a.doneAt } : {}) })),
    evaluations: c.evaluations,
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
    const source = await loadCaseFactSource(tx, caseId);
    const fact = buildCaseFact(source!, now);
    await tx.caseFact.create({ data: { ...fact, evaluationScores: fact.evaluationScores.map((e) => ({ ...e })) } });
  }
  if (row.reference) await tx.deletedCase.create({ data: { reference: row.reference, caseId, deletedAt: now } });
  const actionIds = (await tx.caseAction.findMany({ where: { caseId }, select: { id: true } })).map((a) => a.id);
  // Jobs about the case ("<caseId>" or "<caseId>:<date>", as the schaduwlijst return) or about one of its actions.
  await tx.scheduledJob.updateMany({
    where: { state: 'pending', OR: [{ subjectId: { in: [caseId, ...actionIds] } }, { subjectId: { startsWith: `${caseId}:` } }] },
    data: { state: 'cancelled' },
  });
  await tx.case.delete({ where: { id: caseId } });
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

export async function findDeletedCaseById(tx: Tx, caseId: string): Promise<DeletedCase | undefined> {
  if (!isUuid(caseId)) return undefined;
  const r = await tx.deletedCase.findUnique({ where: { caseId }, select: { reference: true, deletedAt: true } });
  return r ?? undefined;
}

/** The earliest moment a case still there becomes due for deletion; undefined when none ever will as things stand. */
export async function nextRetentionDueAt(tx: Tx, retention: Retention): Promise<Date | undefined> {
  const [closed, rejected, draft] = await Promise.all([
    tx.case.findFirst({ where: { status: 'closed', closedAt: { not: null } }, orderBy: { closedAt: 'asc' }, select: { closedAt: true } }),
    tx.case.findFirst({ where: { status: 'rejected', decidedAt: { not: null } }, orderBy: { decidedAt: 'asc' }, select: { decidedAt: true } }),
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
