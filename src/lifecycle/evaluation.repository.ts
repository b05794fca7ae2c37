import type { Tx } from '../db/client.ts';
import type { GoalAnswer } from './lifecycle.types.ts';

export interface EvaluationView {
  organisationId: string;
  organisationName: string;
  member: { name: string };
  goalReached: GoalAnswer;
  cooperation: number;
  wentWell?: string;
  couldBeBetter?: string;
  at: Date;
}

/** The first answer of an organisation counts; a second returns false. */
export async function saveEvaluation(
  tx: Tx,
  input: {
    caseId: string;
    organisationId: string;
    memberId: string;
    goalReached: GoalAnswer;
    cooperation: number;
    wentWell?: string;
    couldBeBetter?: string;
    at: Date;
  },
): Promise<boolean> {
  const { at, ...data } = input;
  const { count } = await tx.evaluation.createMany({ data: [{ ...data, createdAt: at }], skipDuplicates: true });
  return count === 1;
}

export async function listEvaluations(tx: Tx, caseId: string): Promise<EvaluationView[]> {
  const rows = await tx.evaluation.findMany({
    where: { caseId },
    orderBy: { createdAt: 'asc' },
    select: {
      organisationId: true,
      goalReached: true,
      cooperation: true,
      wentWell: true,
      couldBeBetter: true,
      createdAt: true,
      organisation: { select: { name: true } },
      member: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    organisationId: r.organisationId,
    organisationName: r.organisation.name,
    member: { name: r.member.displayName },
    goalReached: r.goalReached,
    cooperation: r.cooperation,
    ...(r.wentWell ? { wentWell: r.wentWell } : {}),
    ...(r.couldBeBetter ? { couldBeBetter: r.couldBeBetter } : {}),
    at: r.createdAt,
  }));
}
