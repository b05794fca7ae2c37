import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';

/** Who informs the person(s), and whether it happened. */
export interface InformingState {
  id: string;
  status: string;
  informerMemberId?: string;
  informedOn?: string;
  notInformedReason?: string;
  acceptedAt?: Date;
}

export async function findInforming(tx: Tx, caseId: string): Promise<InformingState | undefined> {
  if (!isUuid(caseId)) return undefined;
  const r = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      status: true,
      informerMemberId: true,
      informedOn: true,
      notInformedReason: true,
      decidedAt: true,
    },
  });
  if (!r) return undefined;
  return {
    id: r.id,
    status: r.status,
    ...(r.informerMemberId ? { informerMemberId: r.informerMemberId } : {}),
    ...(r.informedOn ? { informedOn: r.informedOn.toISOString().slice(0, 10) } : {}),
    ...(r.notInformedReason ? { notInformedReason: r.notInformedReason } : {}),
    ...(r.decidedAt ? { acceptedAt: r.decidedAt } : {}),
  };
}

export async function setInformer(tx: Tx, caseId: string, memberId: string): Promise<void> {
  await tx.case.update({ where: { id: caseId }, data: { informerMemberId: memberId } });
}

export async function setInformed(
  tx: Tx,
  caseId: string,
  input: { informedOn: string } | { reason: string },
): Promise<void> {
  await tx.case.update({
    where: { id: caseId },
    data:
      'informedOn' in input
        ? { informedOn: new Date(`${input.informedOn}T00:00:00Z`), notInformedReason: null }
        : { notInformedReason: input.reason },
  });
}

export interface InformingDue {
  id: string;
  reference: string;
  acceptedAt?: Date;
  informerName?: string;
  reason?: string;
}

/** Followed cases whose person is not informed yet: accepted before a moment, or with one informer. */
export async function listInformingDue(
  tx: Tx,
  where: { acceptedBefore?: Date; informerMemberId?: string },
): Promise<InformingDue[]> {
  const rows = await tx.case.findMany({
    where: {
      status: { in: ['accepted', 'shadowList'] },
      informedOn: null,
      ...(where.acceptedBefore ? { decidedAt: { lte: where.acceptedBefore } } : {}),
      ...(where.informerMemberId ? { informerMemberId: where.informerMemberId } : {}),
    },
    orderBy: { decidedAt: 'asc' },
    take: 26,
    select: {
      id: true,
      reference: true,
      decidedAt: true,
      notInformedReason: true,
      informer: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference ?? '',
    ...(r.decidedAt ? { acceptedAt: r.decidedAt } : {}),
    ...(r.informer ? { informerName: r.informer.displayName } : {}),
    ...(r.notInformedReason ? { reason: r.notInformedReason } : {}),
  }));
}
