import { Prisma } from '../../prisma/generated/client.ts';
import type { Tx } from '../db/client.ts';
import type { CaseVisibilityFacts } from '../access/case-access.ts';
import type { CaseStatus } from '../referrals/referral.types.ts';
import { isUuid } from '../validation.ts';

export type ActionState = 'open' | 'claimed' | 'done' | 'cancelled' | 'notDone';

/** Why an action ended without being done: niet gelukt, omstandigheden gewijzigd, niet gedaan. */
export const actionCloseReasons = ['failed', 'changed', 'skipped'] as const;
export type ActionCloseReason = (typeof actionCloseReasons)[number];

export interface ActionView {
  id: string;
  caseId: string;
  reference: string;
  decisionId: string;
  description: string;
  organisation: { id: string; name: string };
  dueDate: string; // YYYY-MM-DD
  state: ActionState;
  claimedBy?: { memberId: string; name: string };
  claimedAt?: Date;
  result?: string;
  /** When it ended: done, or not done. */
  doneAt?: Date;
  /** Not done: why, and the short explanation (case content, shown only with the action). */
  closeReason?: ActionCloseReason;
  closeExplanation?: string;
}

type Row = {
  id: string;
  caseId: string;
  reference: string | null;
  decisionId: string;
  description: string;
  organisationId: string;
  organisationName: string;
  dueDate: string;
  state: ActionState;
  claimedById: string | null;
  claimedByName: string | null;
  claimedAt: Date | null;
  result: string | null;
  doneAt: Date | null;
  closeReason: ActionCloseReason | null;
  closeExplanation: string | null;
};

function toView(r: Row): ActionView {
  return {
    id: r.id,
    caseId: r.caseId,
    reference: r.reference ?? '',
    decisionId: r.decisionId,
    description: r.description,
    organisation: { id: r.organisationId, name: r.organisationName },
    dueDate: r.dueDate,
    state: r.state,
    ...(r.claimedById ? { claimedBy: { memberId: r.claimedById, name: r.claimedByName! } } : {}),
    ...(r.claimedAt ? { claimedAt: r.claimedAt } : {}),
    ...(r.result ? { result: r.result } : {}),
    ...(r.doneAt ? { doneAt: r.doneAt } : {}),
    ...(r.closeReason ? { closeReason: r.closeReason } : {}),
    ...(r.closeExplanation ? { closeExplanation: r.closeExplanation } : {}),
  };
}

/** The columns of an ActionView (`a` the action, `c` its case, `o` its organisation, `m` who has it). */
const actionColumns = Prisma.sql`
  a.id::text AS id, a."caseId"::text AS "caseId", c.reference, a."decisionId"::text AS "decisionId", a.description,
  o.id::text AS "organisationId", o.name AS "organisationName", to_char(a."dueDate", 'YYYY-MM-DD') AS "dueDate",
  a.state::text AS state, m.id::text AS "claimedById", m."displayName" AS "claimedByName", a."claimedAt", a.result,
  a."doneAt", a."closeReason"::text AS "closeReason", a."closeExplanation"`;
const actionJoins = Prisma.sql`
  case_action a
  JOIN case_record c ON c.id = a."caseId"
  JOIN organisation o ON o.id = a."organisationId"
  LEFT JOIN member m ON m.id = a."claimedByMemberId"`;

/** Actions with their case's reference, organisation and holder, in one statement. */
async function queryActions(tx: Tx, where: Prisma.Sql, limit?: number): Promise<ActionView[]> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT ${actionColumns} FROM ${actionJoins}
     WHERE ${where}
     ORDER BY a."dueDate", a."createdAt"
     ${limit ? Prisma.sql`LIMIT ${limit}` : Prisma.empty}`;
  return rows.map(toView);
}

/** An action with what decides who sees it and what they may do with it. */
export interface ActionInCase {
  action: ActionView;
  /** Who may see the discussion of its case: its organisations and its table's chair. */
  facts: CaseVisibilityFacts & { chairMemberId?: string };
  /** The casusregisseur now. */
  directorId?: string;
  /** "Mee naar huis": the contributions marked for it. */
  takeHomeIds: string[];
  /** The persons of its case, in order; who may read which part is decided by the access rules. */
  persons: { name: string; relation?: string; address: string }[];
  /** The casusregisseur as contact person. */
  director?: { name: string; organisation: string; phone?: string; email?: string };
  /** The meeting whose decision made the action, in its table's timezone. */
  meeting?: { tableName: string; timeZone: string; startsAt: Date };
  /** The timezone its times are shown in: its case's table's. */
  timeZone: string;
}

type InCaseRow = Row & {
  caseStatus: CaseStatus;
  referrerMemberId: string;
  referrerOrganisationId: string;
  responsibleOrganisationId: string | null;
  involvedOrganisationIds: string[];
  chairMemberId: string | null;
  directorId: string | null;
  takeHomeIds: string[];
  persons: { name: string; relation: string | null; address: string }[] | null;
  directorName: string | null;
  directorOrganisation: string | null;
  directorPhone: string | null;
  directorEmail: string | null;
  meetingTable: string | null;
  meetingTimeZone: string | null;
  meetingStartsAt: Date | null;
  timeZone: string | null;
};

function inCase(r: InCaseRow): ActionInCase {
  return {
    action: toView(r),
    facts: {
      status: r.caseStatus,
      referrerMemberId: r.referrerMemberId,
      referrerOrganisationId: r.referrerOrganisationId,
      responsibleOrganisationId: r.responsibleOrganisationId,
      involvedOrganisationIds: r.involvedOrganisationIds,
      ...(r.chairMemberId ? { chairMemberId: r.chairMemberId } : {}),
    },
    ...(r.directorId ? { directorId: r.directorId } : {}),
    takeHomeIds: r.takeHomeIds,
    timeZone: r.timeZone ?? r.meetingTimeZone ?? 'UTC',
    persons: (r.persons ?? []).map((p) => ({
      name: p.name,
      address: p.address,
      ...(p.relation ? { relation: p.relation } : {}),
    })),
    ...(r.directorName
      ? {
          director: {
            name: r.directorName,
            organisation: r.directorOrganisation ?? '',
            ...(r.directorPhone ? { phone: r.directorPhone } : {}),
            ...(r.directorEmail ? { email: r.directorEmail } : {}),
          },
        }
      : {}),
    ...(r.meetingTable && r.meetingStartsAt
      ? { meeting: { tableName: r.meetingTable, timeZone: r.meetingTimeZone!, startsAt: r.meetingStartsAt } }
      : {}),
  };
}

/** One action with its case's access facts, regisseur and take-home marks: one statement. */
export async function findActionInCase(tx: Tx, id: string): Promise<ActionInCase | undefined> {
  if (!isUuid(id)) return undefined;
  const [r] = await tx.$queryRaw<InCaseRow[]>`
    SELECT ${actionColumns}, c.status::text AS "caseStatus", c."referrerMemberId"::text AS "referrerMemberId",
           c."referrerOrganisationId"::text AS "referrerOrganisationId",
           c."responsibleOrganisationId"::text AS "responsibleOrganisationId",
           ARRAY(SELECT x."organisationId"::text FROM case_organisation x WHERE x."caseId" = c.id) AS "involvedOrganisationIds",
           t."chairMemberId"::text AS "chairMemberId", c."directorMemberId"::text AS "directorId",
           ARRAY(SELECT h."contributionId"::text FROM action_contribution h WHERE h."actionId" = a.id) AS "takeHomeIds",
           (SELECT json_agg(json_build_object('name', p.name, 'relation', p.relation, 'address', p.address)
                            ORDER BY p.position)
              FROM case_person p WHERE p."caseId" = c.id) AS persons,
           dm."displayName" AS "directorName", dmo.name AS "directorOrganisation", dm.phone AS "directorPhone",
           dm.email AS "directorEmail", mt.name AS "meetingTable", mt."timeZone" AS "meetingTimeZone",
           ms."startsAt" AS "meetingStartsAt", t."timeZone" AS "timeZone"
      FROM ${actionJoins}
      LEFT JOIN conference_table t ON t.id = c."tableId"
      LEFT JOIN member dm ON dm.id = c."directorMemberId"
      LEFT JOIN organisation dmo ON dmo.id = dm."organisationId"
      LEFT JOIN decision d ON d.id = a."decisionId"
      LEFT JOIN agenda_item ai ON ai.id = d."agendaItemId"
      LEFT JOIN conference_session ms ON ms.id = ai."sessionId"
      LEFT JOIN conference_table mt ON mt.id = ms."tableId"
     WHERE a.id = ${id}::uuid`;
  return r ? inCase(r) : undefined;
}

export async function findActionById(tx: Tx, id: string): Promise<ActionView | undefined> {
  if (!isUuid(id)) return undefined;
  return (await queryActions(tx, Prisma.sql`a.id = ${id}::uuid`))[0];
}

export async function createActions(
  tx: Tx,
  caseId: string,
  decisionId: string,
  actions: { description: string; organisationId: string; dueDate: string }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const a of actions) {
    const created = await tx.caseAction.create({
      data: {
        caseId,
        decisionId,
        description: a.description,
        organisationId: a.organisationId,
        dueDate: new Date(`${a.dueDate}T00:00:00Z`),
      },
      select: { id: true },
    });
    ids.push(created.id);
  }
  return ids;
}

/** Takes an open action for a member of its organisation: of many at once, exactly one gets true. */
export async function claimIfOpen(
  tx: Tx,
  id: string,
  member: { memberId: string; organisationId: string },
  at: Date,
): Promise<boolean> {
  const { count } = await tx.caseAction.updateMany({
    where: { id, state: 'open', organisationId: member.organisationId },
    data: { state: 'claimed', claimedByMemberId: member.memberId, claimedAt: at },
  });
  return count === 1;
}

/** Marks done, only by the one who has it. */
export async function completeIfClaimedBy(
  tx: Tx,
  id: string,
  memberId: string,
  result: string,
  at: Date,
): Promise<boolean> {
  const { count } = await tx.caseAction.updateMany({
    where: { id, state: 'claimed', claimedByMemberId: memberId },
    data: { state: 'done', result, doneAt: at },
  });
  return count === 1;
}

/**
 * Ends an unfinished action without it being done, with a reason: by the one who holds it (`holderMemberId`), or,
 * when that is not required, whoever the caller allowed (the regisseur, the procesmanager). Of many at once exactly one
 * gets true; a repeat finds it closed.
 */
export async function closeNotDoneIfUnfinished(
  tx: Tx,
  id: string,
  close: { reason: ActionCloseReason; explanation: string; holderMemberId?: string },
  at: Date,
): Promise<boolean> {
  const { count } = await tx.caseAction.updateMany({
    where: close.holderMemberId
      ? { id, state: 'claimed', claimedByMemberId: close.holderMemberId }
      : { id, state: { in: ['open', 'claimed'] } },
    data: { state: 'notDone', closeReason: close.reason, closeExplanation: close.explanation, doneAt: at },
  });
  return count === 1;
}

/** Gives the action back to its organisation, only by the one who has it. */
export async function handBackIfClaimedBy(tx: Tx, id: string, memberId: string): Promise<boolean> {
  const { count } = await tx.caseAction.updateMany({
    where: { id, state: 'claimed', claimedByMemberId: memberId },
    data: { state: 'open', claimedByMemberId: null, claimedAt: null },
  });
  return count === 1;
}

/** Gives an unfinished action to someone of its organisation. */
export async function reassignIfNotDone(
  tx: Tx,
  id: string,
  to: { memberId: string; organisationId: string },
  at: Date,
): Promise<boolean> {
  const { count } = await tx.caseAction.updateMany({
    // Not to the one who has it already: a repeated click changes (and tells) nothing.
    where: {
      id,
      state: { in: ['open', 'claimed'] },
      organisationId: to.organisationId,
      NOT: { state: 'claimed', claimedByMemberId: to.memberId },
    },
    data: { state: 'claimed', claimedByMemberId: to.memberId, claimedAt: at },
  });
  return count === 1;
}

/** An action for `mijn acties`: with its case's regisseur and "today" where its table meets. */
export interface ActionForList extends ActionView {
  directorMemberId?: string;
  /** The date now in the timezone of the case's table (the network's for a case without a table), YYYY-MM-DD. */
  today: string;
}

/**
 * `mijn acties` in one statement: what this member holds, what their organisation has that nobody took yet, and
 * the unfinished actions past due (in the table's timezone) in the cases they direct now. The sections are
 * decided by myActionsSection (access/case-access.ts); this only narrows the rows to those that can fit one.
 */
export async function listActionsForMember(
  tx: Tx,
  member: { memberId: string; organisationId: string },
  now: Date,
  networkTimeZone: string,
): Promise<ActionForList[]> {
  const today = Prisma.sql`(${now}::timestamptz AT TIME ZONE coalesce(t."timeZone", ${networkTimeZone}))::date`;
  const rows = await tx.$queryRaw<(Row & { directorMemberId: string | null; today: string })[]>`
    SELECT ${actionColumns}, c."directorMemberId"::text AS "directorMemberId",
           to_char(${today}, 'YYYY-MM-DD') AS today
      FROM ${actionJoins}
      LEFT JOIN conference_table t ON t.id = c."tableId"
     WHERE (a.state = 'claimed' AND a."claimedByMemberId" = ${member.memberId}::uuid)
        OR (a.state = 'open' AND a."organisationId" = ${member.organisationId}::uuid)
        OR (a.state IN ('open', 'claimed') AND c."directorMemberId" = ${member.memberId}::uuid AND a."dueDate" < ${today})
     ORDER BY a."dueDate", a."createdAt"
     LIMIT 150`;
  return rows.map((r) => ({
    ...toView(r),
    ...(r.directorMemberId ? { directorMemberId: r.directorMemberId } : {}),
    today: r.today,
  }));
}

export async function listActionsOfCases(tx: Tx, caseIds: string[]): Promise<ActionView[]> {
  if (!caseIds.length) return [];
  return queryActions(tx, Prisma.sql`a."caseId" = ANY(${caseIds}::uuid[])`);
}

/** How many actions the decisions taken on these agenda items agreed. */
export async function countActionsOfItems(tx: Tx, agendaItemIds: string[]): Promise<number> {
  return tx.caseAction.count({ where: { decision: { agendaItemId: { in: agendaItemIds } } } });
}

/** A corrected decision's unfinished actions stop: the correction names the actions that count now. */
export async function cancelOpenActionsOf(tx: Tx, decisionId: string): Promise<string[]> {
  const rows = await tx.caseAction.findMany({
    where: { decisionId, state: { in: ['open', 'claimed'] } },
    select: { id: true },
  });
  await tx.caseAction.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { state: 'cancelled' } });
  return rows.map((r) => r.id);
}

/** "Mee naar huis": the contributions an action's organisation needs. */
export async function linkTakeHome(tx: Tx, rows: { actionId: string; contributionId: string }[]): Promise<void> {
  if (rows.length) await tx.actionContribution.createMany({ data: rows, skipDuplicates: true });
}

/** Unfinished actions stop when a case closes; returns their ids, so their reminders can be cancelled too. */
export async function cancelOpenActionsOfCase(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx.caseAction.findMany({
    where: { caseId, state: { in: ['open', 'claimed'] } },
    select: { id: true },
  });
  if (rows.length)
    await tx.caseAction.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { state: 'cancelled' } });
  return rows.map((r) => r.id);
}
