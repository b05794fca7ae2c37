import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';
import type { CaseOutcome, ProposalKind } from './lifecycle.types.ts';

export interface ProposalView {
  id: string;
  caseId: string;
  kind: ProposalKind;
  outcome?: CaseOutcome;
  note?: string;
  proposedBy: { memberId: string; aadObjectId: string; name: string };
  approved?: boolean;
  decidedBy?: { name: string };
  decidedAt?: Date;
  createdAt: Date;
}

const proposalSelect = {
  id: true,
  caseId: true,
  kind: true,
  outcome: true,
  note: true,
  approved: true,
  decidedAt: true,
  createdAt: true,
  proposedBy: { select: { id: true, aadObjectId: true, displayName: true } },
  decidedBy: { select: { displayName: true } },
} as const;

function toProposal(r: {
  id: string;
  caseId: string;
  kind: ProposalKind;
  outcome: CaseOutcome | null;
  note: string | null;
  approved: boolean | null;
  decidedAt: Date | null;
  createdAt: Date;
  proposedBy: { id: string; aadObjectId: string; displayName: string };
  decidedBy: { displayName: string } | null;
}): ProposalView {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    ...(r.outcome ? { outcome: r.outcome } : {}),
    ...(r.note ? { note: r.note } : {}),
    proposedBy: { memberId: r.proposedBy.id, aadObjectId: r.proposedBy.aadObjectId, name: r.proposedBy.displayName },
    ...(r.approved !== null ? { approved: r.approved } : {}),
    ...(r.decidedBy ? { decidedBy: { name: r.decidedBy.displayName } } : {}),
    ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
    createdAt: r.createdAt,
  };
}

/** Creates the proposal unless one is open for the case already (a partial unique index keeps it to one). */
export async function createProposal(
  tx: Tx,
  input: { caseId: string; kind: ProposalKind; outcome?: CaseOutcome; note?: string; proposedByMemberId: string },
): Promise<string | undefined> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO case_proposal (id, "caseId", kind, outcome, note, "proposedByMemberId")
    VALUES (gen_random_uuid(), ${input.caseId}::uuid, ${input.kind}::"ProposalKind", ${input.outcome ?? null}::"CaseOutcome", ${input.note ?? null}, ${input.proposedByMemberId}::uuid)
    ON CONFLICT ("caseId") WHERE "decidedAt" IS NULL DO NOTHING
    RETURNING id`;
  return rows[0]?.id;
}

export async function findProposal(tx: Tx, id: string): Promise<ProposalView | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await tx.caseProposal.findUnique({ where: { id }, select: proposalSelect });
  return r ? toProposal(r) : undefined;
}

export async function findOpenProposal(tx: Tx, caseId: string): Promise<ProposalView | undefined> {
  const r = await tx.caseProposal.findFirst({ where: { caseId, decidedAt: null }, select: proposalSelect });
  return r ? toProposal(r) : undefined;
}

/** Of two procesmanagers deciding at once, exactly one gets true. */
export async function decideProposalIfOpen(
  tx: Tx,
  id: string,
  input: { approved: boolean; decidedByMemberId: string; at: Date },
): Promise<boolean> {
  const { count } = await tx.caseProposal.updateMany({
    where: { id, decidedAt: null },
    data: { approved: input.approved, decidedByMemberId: input.decidedByMemberId, decidedAt: input.at },
  });
  return count === 1;
}

/** A proposal overtaken by events (the case was closed or pulled back some other way). */
export async function withdrawOpenProposals(tx: Tx, caseId: string, at: Date): Promise<void> {
  await tx.caseProposal.updateMany({ where: { caseId, decidedAt: null }, data: { decidedAt: at } });
}
