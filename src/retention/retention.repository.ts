import { Prisma } from '../../prisma/generated/client.ts';
import type { Tx } from '../db/client.ts';
import type { CaseOutcome } from '../lifecycle/lifecycle.types.ts';
import { isUuid } from '../validation.ts';
import { lifeDomains } from '../referrals/referral.types.ts';
import {
  buildCaseFact,
  storedFact,
  type CaseFact,
  type CaseFactSource,
  type EvaluationScore,
} from '../figures/case-facts.ts';
import {
  dueKind,
  dueMoment,
  nextDueMoment,
  retentionCutoffs,
  type DeletionKind,
  type Retention,
  type RetentionCutoffs,
} from './retention.rules.ts';

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

/**
 * What the figures keep of cases: the cases with these ids (a deletion), or every case past its draft (the
 * figures' live part). Plain rows, one query per table, put together here: PGlite builds JSON slowly, and the
 * figures read thousands of cases. Of the leefgebieden only their names are read, never what was written there.
 */
async function queryFactSources(tx: Tx, which: { ids: string[] } | 'live'): Promise<CaseFactSource[]> {
  const where = which === 'live' ? Prisma.sql`c.status <> 'draft'` : Prisma.sql`c.id = ANY(${which.ids}::uuid[])`;
  // The children of every case at once (those of drafts are read and left), or of the cases asked for.
  const of = (column: string) =>
    which === 'live' ? Prisma.sql`TRUE` : Prisma.sql`${Prisma.raw(column)} = ANY(${which.ids}::uuid[])`;
  // Which leefgebieden a case names, as "housing,finances": a test per leefgebied is quicker than listing the keys.
  const domainNames = Prisma.raw(
    `concat_ws(',', ${lifeDomains.map((d) => `CASE WHEN c."lifeDomains" ? '${d}' THEN '${d}' END`).join(', ')})`,
  );
  type Id = { caseId: string };
  const [cases, organisations, discussions, present, actions, evaluations, shadowEvents] = await Promise.all([
    tx.$queryRaw<
      {
        id: string;
        status: string;
        submittedAt: Date | null;
        decidedAt: Date | null;
        closedAt: Date | null;
        shadowListedAt: Date | null;
        outcome: string | null;
        lifeDomains: string;
        chains: string[] | null;
        referrerOrganisationId: string;
        responsibleOrganisationId: string | null;
        tableId: string | null;
        timeZone: string | null;
        informedOn: Date | null;
        firstStartsAt: Date | null;
        firstStatus: string | null;
      }[]
    >`
      SELECT c.id::text AS id, c.status::text AS status, c."submittedAt", c."decidedAt", c."closedAt", c."shadowListedAt", c.outcome::text AS outcome,
             ${domainNames} AS "lifeDomains", c.chains, c."referrerOrganisationId"::text AS "referrerOrganisationId",
             c."responsibleOrganisationId"::text AS "responsibleOrganisationId", c."tableId"::text AS "tableId", t."timeZone", c."informedOn",
             s."startsAt" AS "firstStartsAt", s.status::text AS "firstStatus"
        FROM case_record c
        LEFT JOIN conference_table t ON t.id = c."tableId"
        LEFT JOIN conference_session s ON s.id = c."firstSessionId"
       WHERE ${where}`,
    tx.$queryRaw<(Id & { organisationId: string })[]>`
      SELECT "caseId"::text AS "caseId", "organisationId"::text AS "organisationId" FROM case_organisation WHERE ${of('"caseId"')}`,
    tx.$queryRaw<(Id & { itemId: string; startsAt: Date })[]>`
      SELECT i."caseId"::text AS "caseId", i.id::text AS "itemId", d."startsAt" FROM agenda_item i JOIN conference_session d ON d.id = i."sessionId"
       WHERE i.state = 'decided' AND ${of('i."caseId"')}`,
    tx.$queryRaw<{ itemId: string; organisationId: string }[]>`
      SELECT a."agendaItemId"::text AS "itemId", a."organisationId"::text AS "organisationId" FROM attendance a
       WHERE ${which === 'live' ? Prisma.sql`TRUE` : Prisma.sql`a."agendaItemId" IN (SELECT id FROM agenda_item WHERE "caseId" = ANY(${which.ids}::uuid[]))`}`,
    tx.$queryRaw<(Id & { state: string; dueDate: Date; doneAt: Date | null })[]>`
      SELECT "caseId"::text AS "caseId", state::text AS state, "dueDate", "doneAt" FROM case_action WHERE ${of('"caseId"')}`,
    tx.$queryRaw<(Id & EvaluationScore)[]>`
      SELECT "caseId"::text AS "caseId", "organisationId"::text AS "organisationId", "goalReached"::text AS "goalReached", cooperation
        FROM evaluation WHERE ${of('"caseId"')} ORDER BY "createdAt"`,
    tx.$queryRaw<(Id & { kind: string; at: Date })[]>`
      SELECT "caseId"::text AS "caseId", kind::text AS kind, "createdAt" AS at FROM regie_update
       WHERE kind IN ('shadowList', 'pulledBack', 'returned', 'closed') AND ${of('"caseId"')}`,
  ]);
  const byCase = <T extends Id>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.caseId, [...(map.get(r.caseId) ?? []), r]);
    return map;
  };
  const presentAt = new Map<string, string[]>();
  for (const p of present) presentAt.set(p.itemId, [...(presentAt.get(p.itemId) ?? []), p.organisationId]);
  const [orgsOf, discussionsOf, actionsOf, evaluationsOf, shadowOf] = [
    byCase(organisations),
    byCase(discussions),
    byCase(actions),
    byCase(evaluations),
    byCase(shadowEvents),
  ];
  return cases.map((c) => ({
    status: c.status,
    ...(c.submittedAt ? { submittedAt: c.submittedAt } : {}),
    ...(c.decidedAt ? { decidedAt: c.decidedAt } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    ...(c.shadowListedAt ? { shadowListedAt: c.shadowListedAt } : {}),
    ...(c.outcome ? { outcome: c.outcome as CaseOutcome } : {}),
    lifeDomains: c.lifeDomains ? c.lifeDomains.split(',') : [],
    chains: c.chains ?? [],
    referrerOrganisationId: c.referrerOrganisationId,
    ...(c.responsibleOrganisationId ? { responsibleOrganisationId: c.responsibleOrganisationId } : {}),
    involvedOrganisationIds: (orgsOf.get(c.id) ?? []).map((o) => o.organisationId),
    ...(c.tableId ? { tableId: c.tableId } : {}),
    ...(c.timeZone ? { timeZone: c.timeZone } : {}),
    ...(c.informedOn ? { informedOn: c.informedOn } : {}),
    ...(c.firstStartsAt ? { firstSession: { startsAt: c.firstStartsAt, status: c.firstStatus! } } : {}),
    discussions: (discussionsOf.get(c.id) ?? []).map((d) => ({
      startsAt: d.startsAt,
      presentOrganisationIds: presentAt.get(d.itemId) ?? [],
    })),
    actions: (actionsOf.get(c.id) ?? []).map((a) => ({
      state: a.state,
      dueDate: a.dueDate.toISOString().slice(0, 10),
      ...(a.doneAt ? { doneAt: a.doneAt } : {}),
    })),
    evaluations: (evaluationsOf.get(c.id) ?? []).map((e) => ({
      organisationId: e.organisationId,
      goalReached: e.goalReached,
      cooperation: e.cooperation,
    })),
    shadowEvents: (shadowOf.get(c.id) ?? []).map((e) => ({ kind: e.kind, at: e.at })),
  }));
}

/** What the figures keep of one case (it runs once per deleted case); undefined when the case is not there. */
export async function loadCaseFactSource(tx: Tx, caseId: string): Promise<CaseFactSource | undefined> {
  if (!isUuid(caseId)) return undefined;
  return (await queryFactSources(tx, { ids: [caseId] }))[0];
}

/**
 * Deletes fictional history at once (the demo, the benchmark), each case as of the moment it became due, leaving the
 * same facts (built by the same function) and tombstones as the sweep, and its audit event. The sweep itself
 * deletes one live case per transaction, checked under a lock.
 */
export async function deleteHistoryInBulk(tx: Tx, ids: string[], retention: Retention): Promise<number> {
  if (!ids.length) return 0;
  const sources = await queryFactSources(tx, { ids });
  const facts = sources.map((s) => {
    const dueAt =
      s.status === 'closed'
        ? dueMoment(s.closedAt!, { months: retention.closedCaseMonths })
        : dueMoment(s.decidedAt!, { months: retention.rejectedReferralMonths });
    return storedFact(buildCaseFact(s, dueAt, { dueAt }));
  });
  await tx.caseFact.createMany({ data: facts.map(toFactRow) });
  await tx.$executeRaw`
    INSERT INTO audit_event (action, "recordType", "recordId", "caseId", purpose, "traceId")
    SELECT CASE WHEN status = 'closed' THEN 'case.deleted' ELSE 'referral.deleted' END, 'case', id::text, id, 'verwijdering', NULL
      FROM case_record WHERE id = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`
    INSERT INTO deleted_case (reference, "caseId", "deletedAt")
    SELECT reference, id, CASE WHEN status = 'closed' THEN "closedAt" + make_interval(months => ${retention.closedCaseMonths}) ELSE "decidedAt" + make_interval(months => ${retention.rejectedReferralMonths}) END
      FROM case_record WHERE id = ANY(${ids}::uuid[]) AND reference IS NOT NULL`;
  return tx.$executeRaw`DELETE FROM case_record WHERE id = ANY(${ids}::uuid[])`;
}

/** The fact sources of every live case (past its draft), for the figures. */
export function loadLiveFactSources(tx: Tx): Promise<CaseFactSource[]> {
  return queryFactSources(tx, 'live');
}

/**
 * Deletes one case inside the caller's transaction, if it is still due: the row is locked first and checked
 * again (another instance may have deleted it, or it changed since it was listed). What stays: the
 * anonymous facts (not of a draft), the tombstone of its reference, and the audit trail the caller adds.
 * Its jobs still waiting are cancelled; the foreign keys remove everything else of the case with it.
 * Returns what was deleted, or undefined.
 */
export async function deleteCaseIfDue(
  tx: Tx,
  caseId: string,
  retention: Retention,
  now: Date,
): Promise<DeletionKind | undefined> {
  if (!isUuid(caseId)) return undefined;
  const [row] = await tx.$queryRaw<
    {
      id: string;
      status: string;
      reference: string | null;
      closedAt: Date | null;
      decidedAt: Date | null;
      updatedAt: Date;
    }[]
  >`
    SELECT id, status::text AS status, reference, "closedAt", "decidedAt", "updatedAt"
      FROM case_record WHERE id = ${caseId}::uuid FOR UPDATE`;
  if (!row) return undefined;
  const kind = dueKind(row, retentionCutoffs(retention, now));
  if (!kind) return undefined;
  if (kind !== 'draft') {
    const fact = storedFact(
      buildCaseFact((await loadCaseFactSource(tx, caseId))!, now, { dueAt: dueAtOf(row, kind, retention) }),
    );
    await tx.caseFact.createMany({ data: [toFactRow(fact)] });
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

/** The moment a case became due, from the moment its clock started. */
function dueAtOf(
  row: { closedAt: Date | null; decidedAt: Date | null },
  kind: 'case' | 'referral',
  retention: Retention,
): Date {
  return kind === 'case'
    ? dueMoment(row.closedAt!, { months: retention.closedCaseMonths })
    : dueMoment(row.decidedAt!, { months: retention.rejectedReferralMonths });
}

/** A fact as the case_fact table takes it. */
function toFactRow(fact: CaseFact) {
  // Plain JSON for Prisma's Json columns.
  const json = (rows: object[]) => rows.map((r) => ({ ...r }));
  return {
    ...fact,
    deletedMonth: fact.deletedMonth!,
    evaluationScores: json(fact.evaluationScores),
    shadowListSpells: json(fact.shadowListSpells),
    actionFacts: json(fact.actionFacts),
    attendance: json(fact.attendance),
  };
}

/** The anonymous facts of deleted cases that still count for figures from `fromMonth` on (deleted in or after it). */
export async function listCaseFacts(tx: Tx, fromMonth: string): Promise<CaseFact[]> {
  // One JSON document per row: the driver parses one value instead of a column each (thousands of rows for a year).
  const rows = await tx.$queryRaw<{ f: CaseFact }[]>`
    SELECT json_build_object(
      'kind', kind, 'intakeMonth', "intakeMonth", 'acceptedMonth', "acceptedMonth", 'firstDiscussionMonth', "firstDiscussionMonth",
      'closedMonth', "closedMonth", 'deletedMonth', "deletedMonth", 'screeningOutcome', "screeningOutcome", 'screenedMonth', "screenedMonth",
      'screeningWorkingDays', "screeningWorkingDays", 'daysToFirstDiscussion', "daysToFirstDiscussion", 'daysToClosure', "daysToClosure",
      'daysToInformed', "daysToInformed", 'lifeDomains', "lifeDomains", 'chains', chains, 'referrerOrganisationId', "referrerOrganisationId",
      'responsibleOrganisationId', "responsibleOrganisationId", 'involvedOrganisationIds', "involvedOrganisationIds", 'tableId', "tableId",
      'sessions', sessions, 'actions', actions, 'actionsDoneOnTime', "actionsDoneOnTime", 'wasOnShadowList', "wasOnShadowList",
      'shadowListSpells', "shadowListSpells", 'actionFacts', "actionFacts", 'attendance', attendance, 'outcome', outcome,
      'evaluationScores', "evaluationScores", 'deletedLateDays', "deletedLateDays") AS f
      FROM case_fact WHERE "deletedMonth" >= ${fromMonth}`;
  return rows.map((r) => r.f);
}

/** Intake months of deleted cases from `fromMonth` on, counted: the trend of aanmeldingen over several years. */
export async function countFactIntakesByMonth(tx: Tx, fromMonth: string): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<{ month: string; n: number }[]>`
    SELECT "intakeMonth" AS month, count(*)::int AS n FROM case_fact WHERE "intakeMonth" >= ${fromMonth} GROUP BY 1`;
  return new Map(rows.map((r) => [r.month, r.n]));
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
    tx.case.findFirst({
      where: { status: 'closed', closedAt: { not: null } },
      orderBy: { closedAt: 'asc' },
      select: { closedAt: true },
    }),
    tx.case.findFirst({
      where: { status: { in: ['rejected', 'infoRequested'] }, decidedAt: { not: null } },
      orderBy: { decidedAt: 'asc' },
      select: { decidedAt: true },
    }),
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
