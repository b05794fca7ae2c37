import type { Tx } from '../db/client.ts';
import type { DecisionInput, NextStep } from './decision.rules.ts';

export interface DecisionView {
  id: string;
  caseId: string;
  agendaItemId?: string;
  goal: string;
  plan: string;
  director: { memberId: string; name: string };
  nextStep: NextStep;
  nextDate?: string;
  supersedesId?: string;
  supersededById?: string;
  correctionReason?: string;
  decidedBy: { memberId: string; name: string };
  createdAt: Date;
}

const select = {
  id: true,
  caseId: true,
  agendaItemId: true,
  goal: true,
  plan: true,
  nextStep: true,
  nextDate: true,
  supersedesId: true,
  correctionReason: true,
  createdAt: true,
  director: { select: { id: true, displayName: true } },
  decidedBy: { select: { id: true, displayName: true } },
  supersededBy: { select: { id: true } },
} as const;

type Row = {
  id: string;
  caseId: string;
  agendaItemId: string | null;
  goal: string;
  plan: string;
  nextStep: NextStep;
  nextDate: Date | null;
  supersedesId: string | null;
  correctionReason: string | null;
  createdAt: Date;
  director: { id: string; displayName: string };
  decidedBy: { id: string; displayName: string };
  supersededBy: { id: string } | null;
};

function toView(r: Row): DecisionView {
  return {
    id: r.id,
    caseId: r.caseId,
    ...(r.agendaItemId ? { agendaItemId: r.agendaItemId } : {}),
    goal: r.goal,
    plan: r.plan,
    director: { memberId: r.director.id, name: r.director.displayName },
    nextStep: r.nextStep,
    ...(r.nextDate ? { nextDate: r.nextDate.toISOString().slice(0, 10) } : {}),
    ...(r.supersedesId ? { supersedesId: r.supersedesId } : {}),
    ...(r.supersededBy ? { supersededById: r.supersededBy.id } : {}),
    ...(r.correctionReason ? { correctionReason: r.correctionReason } : {}),
    decidedBy: { memberId: r.decidedBy.id, name: r.decidedBy.displayName },
    createdAt: r.createdAt,
  };
}

/** Every decision of a case, oldest first, the superseded ones included (they stay visible). */
export async function listDecisions(tx: Tx, caseId: string): Promise<DecisionView[]> {
  return (await tx.decision.findMany({ where: { caseId }, select, orderBy: { createdAt: 'asc' } })).map(toView);
}

/** The decision in force: the newest that nothing supersedes. */
export async function findCurrentDecision(tx: Tx, caseId: string): Promise<DecisionView | undefined> {
  const r = await tx.decision.findFirst({
    where: { caseId, supersededBy: null },
    select,
    orderBy: { createdAt: 'desc' },
  });
  return r ? toView(r) : undefined;
}

export async function createDecision(
  tx: Tx,
  input: DecisionInput & {
    caseId: string;
    agendaItemId?: string;
    decidedByMemberId: string;
    supersedesId?: string;
    submissionId?: string;
    decidedAt: Date;
  },
): Promise<string> {
  const created = await tx.decision.create({
    data: {
      caseId: input.caseId,
      agendaItemId: input.agendaItemId ?? null,
      goal: input.goal,
      plan: input.plan,
      directorMemberId: input.directorMemberId,
      nextStep: input.nextStep,
      nextDate: input.nextDate ? new Date(`${input.nextDate}T00:00:00Z`) : null,
      supersedesId: input.supersedesId ?? null,
      correctionReason: input.correctionReason ?? null,
      decidedByMemberId: input.decidedByMemberId,
      submissionId: input.submissionId ?? null,
      createdAt: input.decidedAt,
    },
    select: { id: true },
  });
  return created.id;
}

/** Serialises corrections of one decision: of two at once, one supersedes it and the other finds it superseded. */
export async function lockDecision(tx: Tx, decisionId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM decision WHERE id = ${decisionId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

export async function isSuperseded(tx: Tx, decisionId: string): Promise<boolean> {
  return (await tx.decision.count({ where: { supersedesId: decisionId } })) > 0;
}

export async function findDecisionBySubmission(tx: Tx, submissionId: string): Promise<string | undefined> {
  return (await tx.decision.findUnique({ where: { submissionId }, select: { id: true } }))?.id;
}

/** The casusregisseur now: named by the decision in force, or since changed by the procesmanager. */
export async function findCurrentDirectorId(tx: Tx, caseId: string): Promise<string | undefined> {
  const r = await tx.case.findUnique({ where: { id: caseId }, select: { directorMemberId: true } });
  return r?.directorMemberId ?? undefined;
}

export async function countDecisionsOfItem(tx: Tx, agendaItemId: string): Promise<number> {
  return tx.decision.count({ where: { agendaItemId } });
}

/** Which of these agenda items have a decision. */
export async function itemsWithDecision(tx: Tx, agendaItemIds: string[]): Promise<Set<string>> {
  if (!agendaItemIds.length) return new Set();
  const rows = await tx.decision.findMany({
    where: { agendaItemId: { in: agendaItemIds } },
    select: { agendaItemId: true },
    distinct: ['agendaItemId'],
  });
  return new Set(rows.flatMap((r) => (r.agendaItemId ? [r.agendaItemId] : [])));
}
