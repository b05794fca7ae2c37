import type { Tx } from '../db/client.ts';
import { isUuid } from '../validation.ts';

export type ConsentState = 'requested' | 'granted' | 'grantedWithCondition' | 'refused' | 'withdrawn';

export interface ConsentView {
  id: string;
  contributionId: string;
  caseId: string;
  /** The organisation that asks to use it. */
  organisation: { id: string; name: string };
  /** Who asked: a member of the asking organisation, or the chair on its behalf ("mee naar huis"). */
  requestedBy: { memberId: string; name: string; aadObjectId: string; organisationId: string };
  state: ConsentState;
  condition?: string;
  answeredBy?: { name: string };
  answeredAt?: Date;
  /** The earlier steps, oldest first (asking again keeps who answered before): the current one is not in it. */
  history: { state: ConsentState; condition?: string; by: string; at: Date }[];
  contribution: {
    organisationId: string;
    organisationName: string;
    authorMemberId: string;
    text: string;
    sensitive: boolean;
    createdAt: Date;
    /** Set when the text is withheld because the goal changed: re-assessed by its organisation, or withdrawn by it. */
    reassessment?: 'pending' | 'withdrawn';
  };
}

const select = {
  id: true,
  contributionId: true,
  organisationId: true,
  state: true,
  condition: true,
  answeredAt: true,
  requestedByMemberId: true,
  answeredByMemberId: true,
  contribution: {
    select: {
      caseId: true,
      organisationId: true,
      authorMemberId: true,
      text: true,
      sensitive: true,
      createdAt: true,
      organisation: { select: { name: true } },
    },
  },
} as const;

export async function findConsent(tx: Tx, id: string): Promise<ConsentView | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await tx.contributionConsent.findUnique({
    where: { id },
    select: { ...select, history: { orderBy: [{ at: 'asc' }, { id: 'asc' }], take: 50 } },
  });
  if (!r) return undefined;
  const [organisation, members, historyMembers] = await Promise.all([
    tx.organisation.findUniqueOrThrow({ where: { id: r.organisationId }, select: { id: true, name: true } }),
    tx.member.findMany({
      where: { id: { in: [r.requestedByMemberId, ...(r.answeredByMemberId ? [r.answeredByMemberId] : [])] } },
      select: { id: true, displayName: true, aadObjectId: true, organisationId: true },
    }),
    tx.member.findMany({
      where: { id: { in: [...new Set(r.history.map((h) => h.memberId))] } },
      select: { id: true, displayName: true },
    }),
  ]);
  const historyNames = new Map(historyMembers.map((m) => [m.id, m.displayName]));
  // The last step is the consent as it stands (shown as its state); the steps before it are its history.
  const earlier = r.history.slice(0, -1);
  const requester = members.find((m) => m.id === r.requestedByMemberId)!;
  const answerer = r.answeredByMemberId ? members.find((m) => m.id === r.answeredByMemberId) : undefined;
  return {
    id: r.id,
    contributionId: r.contributionId,
    caseId: r.contribution.caseId,
    organisation,
    requestedBy: {
      memberId: requester.id,
      name: requester.displayName,
      aadObjectId: requester.aadObjectId,
      organisationId: requester.organisationId,
    },
    state: r.state,
    ...(r.condition ? { condition: r.condition } : {}),
    ...(answerer ? { answeredBy: { name: answerer.displayName } } : {}),
    ...(r.answeredAt ? { answeredAt: r.answeredAt } : {}),
    history: earlier.map((h) => ({
      state: h.state,
      ...(h.condition ? { condition: h.condition } : {}),
      by: historyNames.get(h.memberId) ?? 'onbekend lid',
      at: h.at,
    })),
    contribution: {
      organisationId: r.contribution.organisationId,
      organisationName: r.contribution.organisation.name,
      authorMemberId: r.contribution.authorMemberId,
      text: r.contribution.text,
      sensitive: r.contribution.sensitive,
      createdAt: r.contribution.createdAt,
    },
  };
}

/** A contribution's owner and case, to check a request against. */
export async function findContributionOwner(
  tx: Tx,
  id: string,
): Promise<
  { id: string; caseId: string; organisationId: string; authorMemberId: string; withdrawn: boolean } | undefined
> {
  if (!isUuid(id)) return undefined;
  const r = await tx.contribution.findUnique({
    where: { id },
    select: { id: true, caseId: true, organisationId: true, authorMemberId: true, reassessment: true },
  });
  return r
    ? {
        id: r.id,
        caseId: r.caseId,
        organisationId: r.organisationId,
        authorMemberId: r.authorMemberId,
        withdrawn: r.reassessment === 'withdrawn',
      }
    : undefined;
}

/** Asks (again): a new request, or a refused or withdrawn one asked anew. Returns the request and whether it is open now. */
export async function upsertRequest(
  tx: Tx,
  input: { contributionId: string; organisationId: string; requestedByMemberId: string; at: Date },
): Promise<{ id: string; asked: boolean }> {
  const created = await tx.contributionConsent.createMany({
    data: [
      {
        contributionId: input.contributionId,
        organisationId: input.organisationId,
        requestedByMemberId: input.requestedByMemberId,
        createdAt: input.at,
      },
    ],
    skipDuplicates: true,
  });
  const again = await tx.contributionConsent.updateMany({
    where: {
      contributionId: input.contributionId,
      organisationId: input.organisationId,
      state: { in: ['refused', 'withdrawn'] },
    },
    data: {
      state: 'requested',
      requestedByMemberId: input.requestedByMemberId,
      condition: null,
      answeredByMemberId: null,
      answeredAt: null,
      createdAt: input.at,
    },
  });
  const row = await tx.contributionConsent.findUniqueOrThrow({
    where: {
      contributionId_organisationId: { contributionId: input.contributionId, organisationId: input.organisationId },
    },
    select: { id: true },
  });
  const asked = created.count === 1 || again.count === 1;
  if (asked) await appendHistory(tx, row.id, { state: 'requested', memberId: input.requestedByMemberId, at: input.at });
  return { id: row.id, asked };
}

/** One step of a consent's history; never changed afterwards. */
async function appendHistory(
  tx: Tx,
  consentId: string,
  step: { state: ConsentState; condition?: string; memberId: string; at: Date },
): Promise<void> {
  await tx.consentAnswer.create({
    data: { consentId, state: step.state, condition: step.condition ?? null, memberId: step.memberId, at: step.at },
  });
}

/** Answers an open request, once: of two answers at the same moment, one counts. */
export async function answerIfRequested(
  tx: Tx,
  id: string,
  input: {
    state: 'granted' | 'grantedWithCondition' | 'refused';
    condition?: string;
    answeredByMemberId: string;
    at: Date;
  },
): Promise<boolean> {
  const { count } = await tx.contributionConsent.updateMany({
    where: { id, state: 'requested' },
    data: {
      state: input.state,
      condition: input.condition ?? null,
      answeredByMemberId: input.answeredByMemberId,
      answeredAt: input.at,
    },
  });
  if (count === 1)
    await appendHistory(tx, id, {
      state: input.state,
      ...(input.condition ? { condition: input.condition } : {}),
      memberId: input.answeredByMemberId,
      at: input.at,
    });
  return count === 1;
}

export async function withdrawIfGranted(
  tx: Tx,
  id: string,
  input: { answeredByMemberId: string; at: Date },
): Promise<boolean> {
  const { count } = await tx.contributionConsent.updateMany({
    where: { id, state: { in: ['granted', 'grantedWithCondition'] } },
    data: { state: 'withdrawn', answeredByMemberId: input.answeredByMemberId, answeredAt: input.at },
  });
  if (count === 1)
    await appendHistory(tx, id, { state: 'withdrawn', memberId: input.answeredByMemberId, at: input.at });
  return count === 1;
}

/** Where this organisation's requests for these contributions stand. */
export async function consentStates(
  tx: Tx,
  contributionIds: string[],
  organisationId: string,
): Promise<Map<string, { id: string; state: ConsentState }>> {
  if (!contributionIds.length) return new Map();
  const rows = await tx.contributionConsent.findMany({
    where: { contributionId: { in: contributionIds }, organisationId },
    select: { id: true, contributionId: true, state: true },
  });
  return new Map(rows.map((r) => [r.contributionId, { id: r.id, state: r.state }]));
}
