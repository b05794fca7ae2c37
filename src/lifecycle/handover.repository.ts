import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';

export type HandoverChoice = 'include' | 'keepBack' | 'contactDirectly';
export type HandoverConsent = 'requested' | 'granted' | 'refused';

export interface HandoverView {
  id: string;
  caseId: string;
  reference: string;
  targetName: string;
  targetTableId?: string;
  necessity: string;
  purpose: string;
  registeringOrganisation: { id: string; name: string };
  informer?: { memberId: string; name: string };
  createdByMemberId: string;
  createdAt: Date;
  completedAt?: Date;
  items: {
    contributionId: string;
    organisation: { id: string; name: string };
    text: string;
    sensitive: boolean;
    choice: HandoverChoice;
    consent?: HandoverConsent;
  }[];
}

export async function createHandover(
  tx: Tx,
  input: {
    caseId: string;
    targetTableId?: string;
    targetName: string;
    necessity: string;
    purpose: string;
    registeringOrganisationId: string;
    informerMemberId?: string;
    createdByMemberId: string;
    at: Date;
    submissionId?: string;
    items: { contributionId: string; choice: HandoverChoice; consent?: HandoverConsent }[];
  },
): Promise<string> {
  const { items, at, ...data } = input;
  const row = await tx.handover.create({
    data: { ...data, createdAt: at, items: { create: items } },
    select: { id: true },
  });
  return row.id;
}

/** The handover a checklist card started, by the card's submission id (of this case only). */
export async function findHandoverBySubmission(
  tx: Tx,
  submissionId: string,
  caseId: string,
): Promise<{ id: string; asked: boolean } | undefined> {
  const h = await tx.handover.findFirst({
    where: { submissionId, caseId },
    select: { id: true, items: { where: { consent: { not: null } }, select: { contributionId: true }, take: 1 } },
  });
  return h ? { id: h.id, asked: h.items.length > 0 } : undefined;
}

export async function findHandover(tx: Tx, id: string): Promise<HandoverView | undefined> {
  if (!isUuid(id)) return undefined;
  const h = await tx.handover.findUnique({
    where: { id },
    include: {
      case: { select: { reference: true } },
      items: {
        include: {
          contribution: { select: { text: true, sensitive: true, organisation: { select: { id: true, name: true } } } },
        },
        orderBy: { contribution: { createdAt: 'asc' } },
      },
    },
  });
  if (!h) return undefined;
  const [organisation, informer] = await Promise.all([
    tx.organisation.findUniqueOrThrow({ where: { id: h.registeringOrganisationId }, select: { id: true, name: true } }),
    h.informerMemberId
      ? tx.member.findUnique({ where: { id: h.informerMemberId }, select: { id: true, displayName: true } })
      : undefined,
  ]);
  return {
    id: h.id,
    caseId: h.caseId,
    reference: h.case.reference ?? '',
    targetName: h.targetName,
    ...(h.targetTableId ? { targetTableId: h.targetTableId } : {}),
    necessity: h.necessity,
    purpose: h.purpose,
    registeringOrganisation: organisation,
    ...(informer ? { informer: { memberId: informer.id, name: informer.displayName } } : {}),
    createdByMemberId: h.createdByMemberId,
    createdAt: h.createdAt,
    ...(h.completedAt ? { completedAt: h.completedAt } : {}),
    items: h.items.map((i) => ({
      contributionId: i.contributionId,
      organisation: i.contribution.organisation,
      text: i.contribution.text,
      sensitive: i.contribution.sensitive,
      choice: i.choice,
      ...(i.consent ? { consent: i.consent as HandoverConsent } : {}),
    })),
  };
}

/** The contributor answers for one item, once. */
export async function answerHandoverItem(
  tx: Tx,
  handoverId: string,
  contributionId: string,
  input: { granted: boolean; memberId: string; at: Date },
): Promise<boolean> {
  const { count } = await tx.handoverItem.updateMany({
    where: { handoverId, contributionId, consent: 'requested', handover: { completedAt: null } },
    data: { consent: input.granted ? 'granted' : 'refused', answeredByMemberId: input.memberId, answeredAt: input.at },
  });
  return count === 1;
}

export async function completeHandoverIfOpen(tx: Tx, id: string, at: Date): Promise<boolean> {
  const { count } = await tx.handover.updateMany({
    where: { id, completedAt: null, items: { none: { consent: 'requested' } } },
    data: { completedAt: at },
  });
  return count === 1;
}

export async function listCaseContributions(
  tx: Tx,
  caseId: string,
): Promise<{ id: string; organisationId: string; sensitive: boolean }[]> {
  return tx.contribution.findMany({
    where: { caseId, NOT: { reassessment: 'withdrawn' } },
    select: { id: true, organisationId: true, sensitive: true },
    orderBy: { createdAt: 'asc' },
  });
}
