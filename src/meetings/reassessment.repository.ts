import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';

/** The goal changed: every contribution of the case not withdrawn before waits for its organisation again. */
export async function markForReassessment(tx: Tx, caseId: string, decisionId: string): Promise<string[]> {
  const rows = await tx.contribution.findMany({
    where: { caseId, OR: [{ reassessment: null }, { reassessment: { not: 'withdrawn' } }] },
    select: { id: true, organisationId: true },
  });
  if (rows.length) {
    await tx.contribution.updateMany({
      // The condition again in the update: a withdrawal committed in between stays a withdrawal.
      where: {
        id: { in: rows.map((r) => r.id) },
        OR: [{ reassessment: null }, { reassessment: { not: 'withdrawn' } }],
      },
      data: {
        reassessment: 'pending',
        reassessmentDecisionId: decisionId,
        reassessedByMemberId: null,
        reassessedAt: null,
      },
    });
  }
  return [...new Set(rows.map((r) => r.organisationId))];
}

export async function answerReassessment(
  tx: Tx,
  contributionId: string,
  input: { keep: boolean; memberId: string; at: Date },
): Promise<boolean> {
  if (!isUuid(contributionId)) return false;
  const { count } = await tx.contribution.updateMany({
    where: { id: contributionId, reassessment: 'pending' },
    data: {
      reassessment: input.keep ? 'kept' : 'withdrawn',
      reassessedByMemberId: input.memberId,
      reassessedAt: input.at,
    },
  });
  return count === 1;
}

export interface PendingReassessment {
  contributionId: string;
  caseId: string;
  reference: string;
  organisation: { id: string; name: string };
  text: string;
  createdAt: Date;
}

/** Open re-assessments: of one organisation (to answer), or all (the procesmanager's overview), oldest first. */
export async function listPendingReassessments(
  tx: Tx,
  where: { organisationId?: string; caseId?: string },
): Promise<PendingReassessment[]> {
  const rows = await tx.contribution.findMany({
    where: {
      reassessment: 'pending',
      ...(where.organisationId ? { organisationId: where.organisationId } : {}),
      ...(where.caseId ? { caseId: where.caseId } : {}),
    },
    orderBy: { createdAt: 'asc' },
    take: 26,
    select: {
      id: true,
      caseId: true,
      text: true,
      createdAt: true,
      organisation: { select: { id: true, name: true } },
      case: { select: { reference: true } },
    },
  });
  return rows.map((r) => ({
    contributionId: r.id,
    caseId: r.caseId,
    reference: r.case.reference ?? '',
    organisation: r.organisation,
    text: r.text,
    createdAt: r.createdAt,
  }));
}

export async function findContributionReassessment(
  tx: Tx,
  contributionId: string,
): Promise<{ caseId: string; organisationId: string; reassessment: string | null } | undefined> {
  if (!isUuid(contributionId)) return undefined;
  return (
    (await tx.contribution.findUnique({
      where: { id: contributionId },
      select: { caseId: true, organisationId: true, reassessment: true },
    })) ?? undefined
  );
}
