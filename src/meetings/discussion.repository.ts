import type { Tx } from '../db/client.ts';

export interface ContributionView {
  id: string;
  agendaItemId?: string;
  organisation: { id: string; name: string };
  author: { memberId: string; name: string };
  lifeDomain?: string;
  text: string;
  sensitive: boolean;
  createdAt: Date;
  /** The meeting it was given in is under way now: the invited see it there without consent. */
  inOpenSession: boolean;
  /** Organisations its contributor allowed to use it (granted, with or without a condition, and not withdrawn). */
  consentedOrganisationIds: string[];
  /** After a change of goal: waiting for its organisation's answer, or withdrawn by it. */
  reassessment?: 'pending' | 'kept' | 'withdrawn';
  /** "Ja, onder voorwaarde": per consented organisation, the condition it uses the contribution under. */
  conditions?: Record<string, string>;
  /** For one viewer (see `asSeenBy`): the condition their organisation may use it under. */
  condition?: string;
}

/**
 * A contribution as a viewer of this organisation reads it: with the condition of its consent, if it was given
 * "onder voorwaarde", so the condition travels with the content on every card that shows it.
 */
export function asSeenBy(organisationId: string, c: ContributionView): ContributionView {
  const condition = c.organisation.id === organisationId ? undefined : c.conditions?.[organisationId];
  return condition ? { ...c, condition } : c;
}

export interface InterventionView {
  id: string;
  organisation: { id: string; name: string };
  author: { memberId: string; name: string };
  description: string;
  createdAt: Date;
}

const people = {
  organisation: { select: { id: true, name: true } },
  author: { select: { id: true, displayName: true } },
} as const;

export async function listContributions(tx: Tx, caseId: string): Promise<ContributionView[]> {
  const rows = await tx.contribution.findMany({
    where: { caseId },
    include: {
      ...people,
      agendaItem: { select: { session: { select: { openedAt: true, closedAt: true } } } },
      consents: {
        where: { state: { in: ['granted', 'grantedWithCondition'] } },
        select: { organisationId: true, condition: true },
      },
    },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({
    inOpenSession: Boolean(r.agendaItem?.session.openedAt && !r.agendaItem.session.closedAt),
    ...(r.reassessment ? { reassessment: r.reassessment } : {}),
    consentedOrganisationIds: r.consents.map((c) => c.organisationId),
    conditions: Object.fromEntries(r.consents.flatMap((c) => (c.condition ? [[c.organisationId, c.condition]] : []))),
    id: r.id,
    ...(r.agendaItemId ? { agendaItemId: r.agendaItemId } : {}),
    organisation: r.organisation,
    author: { memberId: r.author.id, name: r.author.displayName },
    ...(r.lifeDomain ? { lifeDomain: r.lifeDomain } : {}),
    text: r.text,
    sensitive: r.sensitive,
    createdAt: r.createdAt,
  }));
}

export async function listInterventions(tx: Tx, caseId: string): Promise<InterventionView[]> {
  const rows = await tx.intervention.findMany({ where: { caseId }, include: people, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => ({
    id: r.id,
    organisation: r.organisation,
    author: { memberId: r.author.id, name: r.author.displayName },
    description: r.description,
    createdAt: r.createdAt,
  }));
}

export async function addContributionRow(
  tx: Tx,
  c: {
    caseId: string;
    agendaItemId?: string;
    organisationId: string;
    authorMemberId: string;
    lifeDomain?: string;
    text: string;
    sensitive: boolean;
    submissionId?: string;
  },
): Promise<void> {
  await tx.contribution.create({
    data: { ...c, agendaItemId: c.agendaItemId ?? null, lifeDomain: c.lifeDomain ?? null },
  });
}

export async function addInterventionRow(
  tx: Tx,
  i: {
    caseId: string;
    agendaItemId?: string;
    organisationId: string;
    authorMemberId: string;
    description: string;
    submissionId?: string;
  },
): Promise<void> {
  await tx.intervention.create({ data: { ...i, agendaItemId: i.agendaItemId ?? null } });
}

/** An organisation took part in the discussion of an item; recording it twice changes nothing. */
export async function recordAttendance(tx: Tx, agendaItemId: string, organisationId: string): Promise<void> {
  await tx.attendance.createMany({ data: [{ agendaItemId, organisationId }], skipDuplicates: true });
}

export async function listAttendance(
  tx: Tx,
  agendaItemIds: string[],
): Promise<{ agendaItemId: string; organisationId: string }[]> {
  if (!agendaItemIds.length) return [];
  return tx.attendance.findMany({
    where: { agendaItemId: { in: agendaItemIds } },
    select: { agendaItemId: true, organisationId: true },
  });
}

/** Whether a contribution or intervention of this card submission is stored already. */
export async function isSubmitted(
  tx: Tx,
  kind: 'contribution' | 'intervention',
  submissionId: string,
): Promise<boolean> {
  const count =
    kind === 'contribution'
      ? await tx.contribution.count({ where: { submissionId } })
      : await tx.intervention.count({ where: { submissionId } });
  return count > 0;
}
