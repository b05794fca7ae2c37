import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';

export type ActionState = 'open' | 'claimed' | 'done' | 'cancelled';

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
  doneAt?: Date;
}

const select = {
  id: true,
  caseId: true,
  decisionId: true,
  description: true,
  dueDate: true,
  state: true,
  claimedAt: true,
  result: true,
  doneAt: true,
  case: { select: { reference: true } },
  organisation: { select: { id: true, name: true } },
  claimedBy: { select: { id: true, displayName: true } },
} as const;

type Row = {
  id: string;
  caseId: string;
  decisionId: string;
  description: string;
  dueDate: Date;
  state: ActionState;
  claimedAt: Date | null;
  result: string | null;
  doneAt: Date | null;
  case: { reference: string | null };
  organisation: { id: string; name: string };
  claimedBy: { id: string; displayName: string } | null;
};

function toView(r: Row): ActionView {
  return {
    id: r.id,
    caseId: r.caseId,
    reference: r.case.reference ?? '',
    decisionId: r.decisionId,
    description: r.description,
    organisation: r.organisation,
    dueDate: r.dueDate.toISOString().slice(0, 10),
    state: r.state,
    ...(r.claimedBy ? { claimedBy: { memberId: r.claimedBy.id, name: r.claimedBy.displayName } } : {}),
    ...(r.claimedAt ? { claimedAt: r.claimedAt } : {}),
    ...(r.result ? { result: r.result } : {}),
    ...(r.doneAt ? { doneAt: r.doneAt } : {}),
  };
}

export async function findActionById(tx: Tx, id: string): Promise<ActionView | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await tx.caseAction.findUnique({ where: { id }, select });
  return r ? toView(r) : undefined;
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

/** `mijn acties`: what this person has, and what their organisation has that nobody took yet. */
export async function listOpenActionsFor(
  tx: Tx,
  member: { memberId: string; organisationId: string },
): Promise<ActionView[]> {
  const rows = await tx.caseAction.findMany({
    where: {
      OR: [
        { state: 'claimed', claimedByMemberId: member.memberId },
        { state: 'open', organisationId: member.organisationId },
      ],
    },
    select,
    orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
    take: 50,
  });
  return rows.map(toView);
}

export async function listActionsOfCases(tx: Tx, caseIds: string[]): Promise<ActionView[]> {
  if (!caseIds.length) return [];
  const rows = await tx.caseAction.findMany({
    where: { caseId: { in: caseIds } },
    select,
    orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map(toView);
}

/** Unfinished actions past due in the cases this member directs now. */
export async function listOverdueActionsDirectedBy(tx: Tx, memberId: string, today: Date): Promise<ActionView[]> {
  const rows = await tx.caseAction.findMany({
    where: { state: { in: ['open', 'claimed'] }, dueDate: { lt: today }, case: { directorMemberId: memberId } },
    select,
    orderBy: { dueDate: 'asc' },
    take: 50,
  });
  return rows.map(toView);
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

export async function listTakeHomeIds(tx: Tx, actionId: string): Promise<string[]> {
  return (await tx.actionContribution.findMany({ where: { actionId }, select: { contributionId: true } })).map(
    (r) => r.contributionId,
  );
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
