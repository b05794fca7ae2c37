import { z } from 'zod';
import type { Actor } from '../actor.ts';
import {
  canReadConsentRequest,
  canSeeContribution,
  canSeeDiscussion,
  speaksForContribution,
} from '../access/case-access.ts';
import { listContributions } from './discussion.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findDiscussionFacts } from '../cases/case.repository.ts';
import type { Clock } from '../clock.ts';
import type { Db, Tx } from '../db/client.ts';
import { DomainError, ErrorCode, conflict, forbidden } from '../errors.ts';
import { listActiveMembers } from '../members/member.repository.ts';
import { speakersFor } from '../members/member.types.ts';
import { tell } from '../notify/queue.ts';
import type { Notification } from '../notify/notification.ts';
import { fieldErrors } from '../validation.ts';
import {
  answerIfRequested,
  consentStates,
  findConsent,
  findContributionOwner,
  upsertRequest,
  withdrawIfGranted,
  type ConsentState,
  type ConsentView,
} from './consent.repository.ts';
import type { ContributionView } from './discussion.repository.ts';

/** A contribution the viewer may not read: whose it is, and where their organisation's request for consent stands. */
export interface HiddenContribution {
  contributionId: string;
  organisation: string;
  sensitive: boolean;
  consent?: { id: string; state: ConsentState };
  /** The goal changed: its organisation re-assesses it, or withdrew it (so a consent given before does not show it). */
  reassessment?: 'pending' | 'withdrawn';
}

export async function hiddenWithConsent(
  db: Db,
  actor: Actor,
  hidden: ContributionView[],
): Promise<HiddenContribution[]> {
  const states = await consentStates(
    db,
    hidden.map((c) => c.id),
    actor.organisationId,
  );
  return hidden.map((c) => ({
    contributionId: c.id,
    organisation: c.organisation.name,
    sensitive: c.sensitive,
    ...(states.get(c.id) ? { consent: states.get(c.id)! } : {}),
    ...(c.reassessment === 'pending' || c.reassessment === 'withdrawn' ? { reassessment: c.reassessment } : {}),
  }));
}

/**
 * "Mee naar huis" at the decision: for each contribution an action's organisation needs (and did not make itself),
 * consent is asked on that organisation's behalf, in the decision's transaction.
 */
export async function askForTakeHome(
  tx: Tx,
  requests: { contributionId: string; organisationId: string }[],
  requestedByMemberId: string,
  at: Date,
): Promise<Notification[]> {
  const notifications: Notification[] = [];
  for (const r of requests) {
    const owner = await findContributionOwner(tx, r.contributionId);
    if (!owner || owner.withdrawn || owner.organisationId === r.organisationId) continue;
    const { id, asked } = await upsertRequest(tx, { ...r, requestedByMemberId, at });
    if (!asked) continue;
    await recordAudit(tx, 'system', {
      action: 'consent.requested',
      recordType: 'contribution',
      recordId: r.contributionId,
      caseId: owner.caseId,
      purpose: 'toestemming',
    });
    notifications.push(
      ...(await answerers(tx, owner)).map((to) => ({ kind: 'consentRequested' as const, to, consentId: id })),
    );
  }
  return notifications;
}

/** Who answers for a contribution: its author and the contactpersonen of its organisation (or all its members if it has none). */
async function answerers(db: Tx, owner: { organisationId: string; authorMemberId: string }): Promise<string[]> {
  const own = await listActiveMembers(db, { organisationId: owner.organisationId });
  const contacts = own.filter((m) => m.role === 'contactPerson' || m.id === owner.authorMemberId);
  return (contacts.length ? contacts : own).map((m) => m.aadObjectId);
}

/**
 * A participant of another invited organisation asks to use a contribution outside the meeting it was given in.
 * Its organisation's answerers get a card; asking again after a refusal or a withdrawal opens a new request.
 */
export async function requestConsent(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  contributionId: string,
): Promise<{ consentId: string; notifications: Notification[] }> {
  const owner = await findContributionOwner(deps.db, contributionId);
  const facts = owner && (await findDiscussionFacts(deps.db, owner.caseId));
  if (!owner || !facts || !canSeeDiscussion(actor, facts, facts))
    throw new DomainError(ErrorCode.NotFound, 'Contribution not found', { ...(owner ? { caseId: owner.caseId } : {}) });
  if (speaksForContribution(actor, owner)) throw conflict('ownContribution', 'Own contribution');
  if (owner.withdrawn) throw conflict('contributionWithdrawn', 'Withdrawn contribution');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { id, asked } = await upsertRequest(tx, {
      contributionId,
      organisationId: actor.organisationId,
      requestedByMemberId: actor.memberId,
      at: now,
    });
    if (!asked) return { consentId: id, notifications: [] };
    await recordAudit(tx, actor, {
      action: 'consent.requested',
      recordType: 'contribution',
      recordId: contributionId,
      caseId: owner.caseId,
      purpose: 'toestemming',
    });
    const to = await answerers(tx, owner);
    return {
      consentId: id,
      notifications: await tell(
        tx,
        now,
        to.map((aad) => ({ kind: 'consentRequested' as const, to: aad, consentId: id })),
      ),
    };
  });
}

/** The request as its contributor's organisation (to answer or withdraw) or the asking organisation (to see the answer) reads it. */
export async function openConsent(
  deps: { db: Db },
  actor: Actor,
  consentId: string,
  options: { audit?: boolean } = {},
): Promise<{ consent: ConsentView; mayAnswer: boolean }> {
  const consent = await findConsent(deps.db, consentId);
  if (
    !consent ||
    !canReadConsentRequest(actor, {
      contributionOrganisationId: consent.contribution.organisationId,
      requestingOrganisationId: consent.organisation.id,
    })
  )
    throw new DomainError(ErrorCode.NotFound, 'Consent not found');
  const owns = speaksForContribution(actor, consent.contribution);
  // The asking organisation reads the content only where the one rule allows it (consent, and no re-assessment open or withdrawn).
  const live = owns
    ? undefined
    : (await listContributions(deps.db, consent.caseId)).find((c) => c.id === consent.contributionId);
  const visible =
    owns ||
    Boolean(live && canSeeContribution(actor, { ...live, organisationId: live.organisation.id }, { chairing: false }));
  if (options.audit !== false && visible)
    await recordAudit(deps.db, actor, {
      action: 'consent.viewed',
      recordType: 'contribution',
      recordId: consent.contributionId,
      caseId: consent.caseId,
      purpose: 'toestemming',
    });
  // Consent given, but the content is not shown: the goal changed and its organisation re-assesses or withdrew it.
  const reassessment =
    !visible && (live?.reassessment === 'pending' || live?.reassessment === 'withdrawn')
      ? live.reassessment
      : undefined;
  return {
    consent: visible
      ? consent
      : { ...consent, contribution: { ...consent.contribution, text: '', ...(reassessment ? { reassessment } : {}) } },
    mayAnswer: owns,
  };
}

const answerForm = z.object({
  answer: z.enum(['yes', 'no', 'yesWithCondition'], { message: 'Kies een antwoord.' }),
  condition: z.string().trim().max(500, 'Maximaal 500 tekens.').optional(),
});

export type ConsentAnswerResult =
  { ok: true; changed: boolean; notifications: Notification[] } | { ok: false; errors: Record<string, string> };

/** A member of the contributing organisation answers: yes, no, or yes with a condition; stored with who and when. */
export async function answerConsent(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  consentId: string,
  values: Record<string, string | undefined>,
): Promise<ConsentAnswerResult> {
  const { consent, mayAnswer } = await openConsent(deps, actor, consentId, { audit: false });
  if (!mayAnswer) throw forbidden('consent.answer', 'Only the contributing organisation answers');
  const parsed = answerForm.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  if (parsed.data.answer === 'yesWithCondition' && !parsed.data.condition)
    return { ok: false, errors: { condition: 'Schrijf de voorwaarde.' } };
  const state =
    parsed.data.answer === 'yes' ? 'granted' : parsed.data.answer === 'no' ? 'refused' : 'grantedWithCondition';
  const notifications = await deps.db.$transaction(async (tx) => {
    const done = await answerIfRequested(tx, consentId, {
      state,
      ...(state === 'grantedWithCondition' ? { condition: parsed.data.condition! } : {}),
      answeredByMemberId: actor.memberId,
      at: deps.clock.now(),
    });
    if (!done) return undefined;
    await recordAudit(tx, actor, {
      action: `consent.${state}`,
      recordType: 'contribution',
      recordId: consent.contributionId,
      caseId: consent.caseId,
      purpose: 'toestemming',
    });
    return tell(tx, deps.clock.now(), await askers(tx, consent));
  });
  return { ok: true, changed: notifications !== undefined, notifications: notifications ?? [] };
}

/**
 * Who hears the answer: the one who asked, if of the asking organisation; when the chair asked on its behalf
 * ("mee naar huis"), that organisation's contactpersonen (or its members).
 */
async function askers(db: Tx, consent: ConsentView): Promise<Notification[]> {
  if (consent.requestedBy.organisationId === consent.organisation.id)
    return [{ kind: 'consentAnswered', to: consent.requestedBy.aadObjectId, consentId: consent.id }];
  return speakersFor(await listActiveMembers(db, { organisationId: consent.organisation.id }), [
    consent.organisation.id,
  ]).map((to) => ({ kind: 'consentAnswered' as const, to, consentId: consent.id }));
}

/** Consent can be withdrawn at any time: the contribution is hidden again at once. */
export async function withdrawConsent(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  consentId: string,
): Promise<{ changed: boolean; notifications: Notification[] }> {
  const { consent, mayAnswer } = await openConsent(deps, actor, consentId, { audit: false });
  if (!mayAnswer) throw forbidden('consent.answer', 'Only the contributing organisation withdraws');
  const notifications = await deps.db.$transaction(async (tx) => {
    const done = await withdrawIfGranted(tx, consentId, { answeredByMemberId: actor.memberId, at: deps.clock.now() });
    if (!done) return undefined;
    await recordAudit(tx, actor, {
      action: 'consent.withdrawn',
      recordType: 'contribution',
      recordId: consent.contributionId,
      caseId: consent.caseId,
      purpose: 'toestemming',
    });
    return tell(tx, deps.clock.now(), await askers(tx, consent));
  });
  return { changed: notifications !== undefined, notifications: notifications ?? [] };
}
