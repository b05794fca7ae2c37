import { Prisma } from '../../prisma/generated/client.ts';
import type { Tx } from '../db/client.ts';
import type { CaseOutcome } from '../lifecycle/lifecycle.types.ts';
import { isUuid } from '../validation.ts';
import { lifeDomains } from '../referrals/referral.types.ts';
import type { ActionCloseReason } from '../actions/action.repository.ts';
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

type FactSourceRow = {
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
  involvedOrganisationIds: string[] | null;
  /** Per discussion (an agenda item decided on): when, and the organisations present, as "id,id". */
  discussionStarts: Date[] | null;
  discussionPresent: string[] | null;
  actionStates: string[] | null;
  actionDueDates: Date[] | null;
  actionDoneAts: (Date | null)[] | null;
  /** Only the reason code of an action not done: never its explanation. */
  actionCloseReasons: (string | null)[] | null;
  evaluationOrganisationIds: string[] | null;
  evaluationGoals: string[] | null;
  evaluationCooperation: number[] | null;
  shadowKinds: string[] | null;
  shadowAts: Date[] | null;
  repeatReferral: boolean;
};

/**
 * What the figures keep of cases: the cases with these ids (a deletion), or every case past its draft (the
 * figures' live part). One statement: the children of each table are aggregated per case into arrays of plain
 * values (PGlite builds JSON slowly, and the figures read thousands of cases), and joined to their case. Of the
 * leefgebieden only their names are read, never what was written there.
 */
async function queryFactSources(
  tx: Tx,
  which: { ids: string[] } | 'live',
): Promise<{ caseId: string; source: CaseFactSource }[]> {
  const where = which === 'live' ? Prisma.sql`c.status <> 'draft'` : Prisma.sql`c.id = ANY(${which.ids}::uuid[])`;
  // The children of every case at once (those of drafts are read and left), or of the cases asked for.
  const of = (column: string) =>
    which === 'live' ? Prisma.sql`TRUE` : Prisma.sql`${Prisma.raw(column)} = ANY(${which.ids}::uuid[])`;
  // Which leefgebieden a case names, as "housing,finances": a test per leefgebied is quicker than listing the keys.
  const domainNames = Prisma.raw(
    `concat_ws(',', ${lifeDomains.map((d) => `CASE WHEN c."lifeDomains" ? '${d}' THEN '${d}' END`).join(', ')})`,
  );
  const rows = await tx.$queryRaw<FactSourceRow[]>`
    SELECT c.id::text AS id, c.status::text AS status, c."submittedAt", c."decidedAt", c."closedAt", c."shadowListedAt",
           c.outcome::text AS outcome, ${domainNames} AS "lifeDomains", c.chains,
           c."referrerOrganisationId"::text AS "referrerOrganisationId",
           c."responsibleOrganisationId"::text AS "responsibleOrganisationId", c."tableId"::text AS "tableId",
           t."timeZone", c."informedOn", s."startsAt" AS "firstStartsAt", s.status::text AS "firstStatus",
           o.ids AS "involvedOrganisationIds", d.starts AS "discussionStarts", d.present AS "discussionPresent",
           a.states AS "actionStates", a.dues AS "actionDueDates", a.dones AS "actionDoneAts", a.reasons AS "actionCloseReasons",
           e.organisations AS "evaluationOrganisationIds", e.goals AS "evaluationGoals", e.cooperation AS "evaluationCooperation",
           r.kinds AS "shadowKinds", r.ats AS "shadowAts", c."repeatReferral"
      FROM case_record c
      LEFT JOIN conference_table t ON t.id = c."tableId"
      LEFT JOIN conference_session s ON s.id = c."firstSessionId"
      LEFT JOIN (SELECT "caseId", array_agg("organisationId"::text) AS ids
                   FROM case_organisation WHERE ${of('"caseId"')} GROUP BY "caseId") o ON o."caseId" = c.id
      LEFT JOIN (SELECT i."caseId", array_agg(x."startsAt") AS starts, array_agg(coalesce(p.ids, '')) AS present
                   FROM agenda_item i
                   JOIN conference_session x ON x.id = i."sessionId"
                   LEFT JOIN (SELECT "agendaItemId", string_agg("organisationId"::text, ',') AS ids FROM attendance
                               WHERE ${which === 'live' ? Prisma.sql`TRUE` : Prisma.sql`"agendaItemId" IN (SELECT id FROM agenda_item WHERE "caseId" = ANY(${which.ids}::uuid[]))`}
                               GROUP BY "agendaItemId") p ON p."agendaItemId" = i.id
                  WHERE i.state = 'decided' AND ${of('i."caseId"')} GROUP BY i."caseId") d ON d."caseId" = c.id
      LEFT JOIN (SELECT "caseId", array_agg(state::text) AS states, array_agg("dueDate") AS dues, array_agg("doneAt") AS dones,
                        array_agg("closeReason"::text) AS reasons
                   FROM case_action WHERE ${of('"caseId"')} GROUP BY "caseId") a ON a."caseId" = c.id
      LEFT JOIN (SELECT "caseId", array_agg("organisationId"::text ORDER BY "createdAt") AS organisations,
                        array_agg("goalReached"::text ORDER BY "createdAt") AS goals,
                        array_agg(cooperation ORDER BY "createdAt") AS cooperation
                   FROM evaluation WHERE ${of('"caseId"')} GROUP BY "caseId") e ON e."caseId" = c.id
      LEFT JOIN (SELECT "caseId", array_agg(kind::text) AS kinds, array_agg("createdAt") AS ats
                   FROM regie_update WHERE kind IN ('shadowList', 'pulledBack', 'returned', 'closed') AND ${of('"caseId"')}
                  GROUP BY "caseId") r ON r."caseId" = c.id
     WHERE ${where}`;
  return rows.map((r) => ({ caseId: r.id, source: toFactSource(r) }));
}

function toFactSource(c: FactSourceRow): CaseFactSource {
  const [starts, present] = [c.discussionStarts ?? [], c.discussionPresent ?? []];
  const [states, dues, dones] = [c.actionStates ?? [], c.actionDueDates ?? [], c.actionDoneAts ?? []];
  const reasons = c.actionCloseReasons ?? [];
  const [evaluators, goals, cooperation] = [
    c.evaluationOrganisationIds ?? [],
    c.evaluationGoals ?? [],
    c.evaluationCooperation ?? [],
  ];
  const [kinds, ats] = [c.shadowKinds ?? [], c.shadowAts ?? []];
  return {
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
    involvedOrganisationIds: c.involvedOrganisationIds ?? [],
    ...(c.tableId ? { tableId: c.tableId } : {}),
    ...(c.timeZone ? { timeZone: c.timeZone } : {}),
    ...(c.informedOn ? { informedOn: c.informedOn } : {}),
    ...(c.firstStartsAt ? { firstSession: { startsAt: c.firstStartsAt, status: c.firstStatus! } } : {}),
    discussions: starts.map((startsAt, i) => ({
      startsAt,
      presentOrganisationIds: present[i] ? present[i].split(',') : [],
    })),
    actions: states.map((state, i) => ({
      state,
      dueDate: dues[i]!.toISOString().slice(0, 10),
      ...(dones[i] ? { doneAt: dones[i] } : {}),
      ...(reasons[i] ? { closeReason: reasons[i] as ActionCloseReason } : {}),
    })),
    evaluations: evaluators.map((organisationId, i) => ({
      organisationId,
      goalReached: goals[i] as EvaluationScore['goalReached'],
      cooperation: cooperation[i]!,
    })),
    shadowEvents: kinds.map((kind, i) => ({ kind, at: ats[i]! })),
    repeatReferral: c.repeatReferral,
  };
}

/**
 * Deletes fictional history at once (the demo, the benchmark), each case as of the moment it became due, leaving the
 * same facts (built by the same function) and tombstones as the sweep, and its audit event. The sweep itself
 * deletes live cases with deleteCasesIfDue, checked under a lock.
 */
export async function deleteHistoryInBulk(tx: Tx, ids: string[], retention: Retention): Promise<number> {
  if (!ids.length) return 0;
  const sources = (await queryFactSources(tx, { ids })).map((r) => r.source);
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
export async function loadLiveFactSources(tx: Tx): Promise<CaseFactSource[]> {
  return (await queryFactSources(tx, 'live')).map((r) => r.source);
}

/**
 * Deletes these cases inside the caller's transaction, those still due: their rows are locked first (in id order, so
 * two instances never wait on each other in a circle) and checked again (another instance may have deleted one, or
 * it changed since it was listed). What stays: the anonymous facts (not of a draft), the tombstone of the
 * reference, and the audit trail the caller adds. Jobs still waiting for a case are cancelled; the foreign keys
 * remove everything else of it. A fixed number of statements, whatever the number of cases. Returns what was
 * deleted, by case id.
 */
export async function deleteCasesIfDue(
  tx: Tx,
  caseIds: string[],
  retention: Retention,
  now: Date,
): Promise<Map<string, DeletionKind>> {
  const ids = caseIds.filter(isUuid);
  if (!ids.length) return new Map();
  const rows = await tx.$queryRaw<
    {
      id: string;
      status: string;
      reference: string | null;
      closedAt: Date | null;
      decidedAt: Date | null;
      updatedAt: Date;
    }[]
  >`
    SELECT id::text AS id, status::text AS status, reference, "closedAt", "decidedAt", "updatedAt"
      FROM case_record WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  const cutoffs = retentionCutoffs(retention, now);
  const due = rows.flatMap((row) => {
    const kind = dueKind(row, cutoffs);
    return kind ? [{ row, kind }] : [];
  });
  if (!due.length) return new Map();
  const dueIds = due.map((d) => d.row.id);
  const kept = new Map(due.filter((d) => d.kind !== 'draft').map((d) => [d.row.id, d]));
  const sources = kept.size ? await queryFactSources(tx, { ids: [...kept.keys()] }) : [];
  if (sources.length)
    await tx.caseFact.createMany({
      data: sources.map(({ caseId, source }) => {
        const { row, kind } = kept.get(caseId)!;
        return toFactRow(
          storedFact(buildCaseFact(source, now, { dueAt: dueAtOf(row, kind as 'case' | 'referral', retention) })),
        );
      }),
    });
  // Who may still hear that the reference existed: the organisations that were involved (referrer, responsible,
  // invited); to anyone else the tombstone says nothing (issue 19: silent tombstones).
  const involved = new Map(
    sources.map(({ caseId, source }) => [
      caseId,
      [
        ...new Set([
          source.referrerOrganisationId,
          ...(source.responsibleOrganisationId ? [source.responsibleOrganisationId] : []),
          ...source.involvedOrganisationIds,
        ]),
      ].filter((id): id is string => typeof id === 'string'),
    ]),
  );
  const tombstones = due.flatMap(({ row }) =>
    row.reference
      ? [{ reference: row.reference, caseId: row.id, deletedAt: now, organisationIds: involved.get(row.id) ?? [] }]
      : [],
  );
  if (tombstones.length) await tx.deletedCase.createMany({ data: tombstones });
  // Jobs about a case ("<caseId>", or "<caseId>:<date>" as the schaduwlijst return) or about one of its actions.
  await tx.$executeRaw`
    UPDATE scheduled_job SET state = 'cancelled', "updatedAt" = ${now}
     WHERE state = 'pending'
       AND (split_part("subjectId", ':', 1) = ANY(${dueIds}::text[])
            OR "subjectId" IN (SELECT id::text FROM case_action WHERE "caseId" = ANY(${dueIds}::uuid[])))`;
  await tx.$executeRaw`DELETE FROM case_record WHERE id = ANY(${dueIds}::uuid[])`;
  return new Map(due.map((d) => [d.row.id, d.kind]));
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

export interface DeletedCase {
  reference: string;
  deletedAt: Date;
  /** The organisations that were involved: only they (and the procesmanager) learn that it existed. */
  organisationIds?: string[];
}

/** The tombstone of a deleted case: its reference, when it was deleted, and who was involved; nothing else. */
export async function findDeletedCase(tx: Tx, reference: string): Promise<DeletedCase | undefined> {
  const r = await tx.deletedCase.findUnique({
    where: { reference },
    select: { reference: true, deletedAt: true, organisationIds: true },
  });
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
