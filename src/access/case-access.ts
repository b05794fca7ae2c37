import type { Actor } from '../actor.ts';
import { can } from './policy.ts';
import { ErrorCode } from '../errors.ts';
import { acceptedStatuses, type CaseStatus } from '../referrals/referral.types.ts';

/**
 * Need-to-know for cases, in one place. A person sees:
 * - their own aanmeldingen, drafts included (drafts are seen by nobody else);
 * - as procesmanager: every submitted case (they screen them and are the contact for non-partners);
 * - as contactpersoon: the aanmeldingen of their own organisation, also before acceptance;
 * - once a case is accepted: the cases their organisation is involved in or responsible for.
 * The repository turns `caseScope` into a query filter; `canSeeCase` decides for one loaded case.
 * Both follow the same rules, and a database test checks that they agree.
 */
export interface CaseScope {
  /** Sees no case at all (a stuurgroeplid). */
  none: boolean;
  memberId: string;
  organisationId: string;
  allSubmitted: boolean;
  ownOrganisationsReferrals: boolean;
  acceptedStatuses: readonly CaseStatus[];
}

/**
 * Whether someone works on cases at all. Every rule below that could let a person see or touch case data asks
 * this first, so a role without case work (the stuurgroeplid) is refused by each of them, whatever its organisation.
 */
export function worksOnCases(actor: Pick<Actor, 'role'>): boolean {
  return can(actor, 'cases.work');
}

export function caseScope(actor: Actor): CaseScope {
  return {
    none: !worksOnCases(actor),
    memberId: actor.memberId,
    organisationId: actor.organisationId,
    allSubmitted: actor.role === 'processManager',
    ownOrganisationsReferrals: actor.role === 'contactPerson',
    acceptedStatuses,
  };
}

/**
 * The geheimhoudingsverklaring: an incidentele deelnemer, or a guest from another tenant, who has not accepted its
 * current version sees references only (the case list, the agenda as the channel shows it), and no case content.
 * This is the one place that decides it: every rule below that shows or touches case content asks
 * readsCaseContent, so every verb built on them (case card, beeldvorming, action card, verslag, agenda items,
 * mijn acties, regie, consent, handover) refuses them. `caseScope` (which references one may list) does not.
 */
export function withholdsCaseContent(actor: Pick<Actor, 'confidentialityPending'>): boolean {
  return actor.confidentialityPending === true;
}

/** Works on cases and may read their content now: the gate of every case-content rule. */
export function readsCaseContent(actor: Pick<Actor, 'role' | 'confidentialityPending'>): boolean {
  return worksOnCases(actor) && !withholdsCaseContent(actor);
}

/**
 * A refusal (not found, forbidden) met by someone whose case content is withheld for the geheimhoudingsverklaring:
 * they are shown the statement to accept instead of the refusal. Whether the case exists stays untold: the answer
 * is the same for every reference or id.
 */
export function refusedForConfidentiality(
  actor: Pick<Actor, 'confidentialityPending'>,
  error: { code: string },
): boolean {
  return withholdsCaseContent(actor) && (error.code === ErrorCode.NotFound || error.code === ErrorCode.Forbidden);
}

export interface CaseVisibilityFacts {
  status: CaseStatus;
  referrerMemberId: string;
  referrerOrganisationId: string;
  responsibleOrganisationId: string | null;
  involvedOrganisationIds: readonly string[];
}

export function canSeeCase(actor: Actor, c: CaseVisibilityFacts): boolean {
  const scope = caseScope(actor);
  if (scope.none || withholdsCaseContent(actor)) return false;
  if (c.referrerMemberId === scope.memberId) return true;
  if (c.status === 'draft') return false;
  if (scope.allSubmitted) return true;
  if (scope.ownOrganisationsReferrals && c.referrerOrganisationId === scope.organisationId) return true;
  return (
    scope.acceptedStatuses.includes(c.status) &&
    (c.responsibleOrganisationId === scope.organisationId || c.involvedOrganisationIds.includes(scope.organisationId))
  );
}

/** The facts of a case that decide who is invited to discuss it: a case's visibility facts will do. */
export interface AgendaItemFacts {
  status: CaseStatus;
  referrerMemberId: string;
  referrerOrganisationId: string;
  responsibleOrganisationId?: string | null;
  involvedOrganisationIds: readonly string[];
}

/** The organisations invited to discuss a case: those involved in it and the one it is processed for. */
export function invitedOrganisationIds(item: AgendaItemFacts): string[] {
  return [
    ...new Set([
      ...item.involvedOrganisationIds,
      ...(item.responsibleOrganisationId ? [item.responsibleOrganisationId] : []),
    ]),
  ];
}

/**
 * Who sees more of an agenda item than the channel shows (reference, time, organisations): whoever may see
 * the case itself under canSeeCase, and the table's chair, who leads its discussion.
 */
export function canSeeAgendaItem(actor: Actor, item: AgendaItemFacts, table: { chairMemberId?: string }): boolean {
  if (!readsCaseContent(actor)) return false;
  if (table.chairMemberId === actor.memberId) return true;
  return canSeeCase(actor, {
    status: item.status,
    referrerMemberId: item.referrerMemberId,
    referrerOrganisationId: item.referrerOrganisationId,
    responsibleOrganisationId: item.responsibleOrganisationId ?? null,
    involvedOrganisationIds: item.involvedOrganisationIds,
  });
}

/** Who chairs a table's meetings: its named voorzitter, or, when it has none, the procesmanager. */
export function canChair(
  actor: Pick<Actor, 'memberId' | 'role' | 'confidentialityPending'>,
  table: { chairMemberId?: string },
): boolean {
  if (!readsCaseContent(actor)) return false;
  return table.chairMemberId ? table.chairMemberId === actor.memberId : actor.role === 'processManager';
}

/**
 * Who sees what is said and decided about a case in the overleg (its case card, actions, verslag): the
 * organisations invited to discuss it, and whoever chairs. Narrower than canSeeCase: a referrer whose
 * organisation is not at the discussion knows of the case, not of the discussion.
 */
export function canSeeDiscussion(actor: Actor, item: AgendaItemFacts, table: { chairMemberId?: string }): boolean {
  return (
    canChair(actor, table) || (readsCaseContent(actor) && invitedOrganisationIds(item).includes(actor.organisationId))
  );
}

/** Who may take an action on: a member of the organisation that owns it. */
export function canClaimAction(
  actor: Pick<Actor, 'organisationId' | 'role' | 'confidentialityPending'>,
  action: { organisationId: string },
): boolean {
  return readsCaseContent(actor) && actor.organisationId === action.organisationId;
}

/**
 * Who reads the address of the persons on an action's card: the organisation that holds the action (it goes to
 * the door) and the procesmanager, who registered it. The others at the table see the names in the discussion,
 * not where the family lives.
 */
export function canSeeActionAddress(
  actor: Pick<Actor, 'organisationId' | 'role' | 'confidentialityPending'>,
  action: { organisationId: string },
): boolean {
  return canClaimAction(actor, action) || (readsCaseContent(actor) && actor.role === 'processManager');
}

/** The sections of `mijn acties`, in order: an action is listed in the first that fits. */
export type MyActionsSection = 'mine' | 'unclaimed' | 'overdueDirected';

/**
 * Where an action belongs in this person's `mijn acties`, or nowhere: the ones they hold; the ones their own
 * organisation owns that nobody took yet (not another organisation's); and the overdue ones in the cases they
 * direct now (not the cases someone else directs, not even for the procesmanager: that list is personal).
 */
export function myActionsSection(
  actor: Pick<Actor, 'memberId' | 'organisationId' | 'role' | 'confidentialityPending'>,
  a: { state: string; claimedByMemberId?: string; organisationId: string; directorMemberId?: string; overdue: boolean },
): MyActionsSection | undefined {
  if (!readsCaseContent(actor)) return undefined;
  if (a.state === 'claimed' && a.claimedByMemberId === actor.memberId) return 'mine';
  if (a.state === 'open' && canClaimAction(actor, a)) return 'unclaimed';
  const unfinished = a.state === 'open' || a.state === 'claimed';
  if (unfinished && a.overdue && a.directorMemberId === actor.memberId) return 'overdueDirected';
  return undefined;
}

/** Who may give an action to someone else: the procesmanager, or the casusregisseur of its case. */
export function canReassignAction(
  actor: Pick<Actor, 'memberId' | 'role' | 'confidentialityPending'>,
  c: { directorMemberId?: string },
): boolean {
  if (!readsCaseContent(actor)) return false;
  return actor.role === 'processManager' || c.directorMemberId === actor.memberId;
}

/**
 * A contribution belongs to the organisation that made it (zeggenschap). Its own organisation and whoever chairs
 * the discussion always see it. The other invited organisations see it during the meeting it was given in,
 * unless it is sensitive; outside that meeting only with its contributor's consent for their organisation
 * (which also opens a sensitive one). Without consent they see that it exists and whose it is. When the goal of
 * the case changes, it is hidden from them until its organisation keeps it for the new goal.
 */
export function canSeeContribution(
  actor: Pick<Actor, 'organisationId' | 'role' | 'confidentialityPending'>,
  contribution: {
    organisationId: string;
    sensitive: boolean;
    inOpenSession: boolean;
    consentedOrganisationIds: readonly string[];
    reassessment?: 'pending' | 'kept' | 'withdrawn';
  },
  context: { chairing: boolean },
): boolean {
  if (!readsCaseContent(actor)) return false;
  if (contribution.organisationId === actor.organisationId || context.chairing) return true;
  // The goal changed: until its organisation keeps it for the new goal, and after it withdrew it, nobody else sees it.
  if (contribution.reassessment === 'pending' || contribution.reassessment === 'withdrawn') return false;
  if (contribution.consentedOrganisationIds.includes(actor.organisationId)) return true;
  return !contribution.sensitive && contribution.inOpenSession;
}

/** Who contributes to the discussion of a case: a member of an organisation invited to it, or its chair. */
export function canContribute(
  actor: Pick<Actor, 'organisationId' | 'role' | 'confidentialityPending'>,
  item: AgendaItemFacts,
  context: { chairing: boolean },
): boolean {
  if (!readsCaseContent(actor)) return false;
  return context.chairing || invitedOrganisationIds(item).includes(actor.organisationId);
}

/**
 * Who follows a case up between meetings (regie buttons: back on the agenda, progress, proposals): its
 * casusregisseur, and the procesmanager, who runs the network.
 */
export function canDirect(
  actor: Pick<Actor, 'memberId' | 'role' | 'confidentialityPending'>,
  c: { directorMemberId?: string },
): boolean {
  if (!readsCaseContent(actor)) return false;
  return actor.role === 'processManager' || (c.directorMemberId !== undefined && c.directorMemberId === actor.memberId);
}

/**
 * Who follows a case after its decision (its card, regie updates, schaduwlijst, evaluations): the organisations
 * invited to discuss it and whoever chairs, as for the discussion, and the procesmanager, who runs the network
 * also at a table with its own voorzitter.
 */
export function canFollowCase(actor: Actor, item: AgendaItemFacts, table: { chairMemberId?: string }): boolean {
  if (!readsCaseContent(actor)) return false;
  return actor.role === 'processManager' || canSeeDiscussion(actor, item, table);
}

/** What the procesmanager alone does with a followed case: change its regisseur, approve proposals, remind evaluations. */
export function canManageCase(actor: Pick<Actor, 'role'>): boolean {
  // (The procesmanager's role, which works on cases by definition.)
  return actor.role === 'processManager';
}

/**
 * Who learns that a deleted case existed ("verwijderd op …"): the organisations that were involved in it, and the
 * procesmanager. Anyone else hears what a reference that never existed gets.
 */
export function knewDeletedCase(
  actor: Pick<Actor, 'organisationId' | 'role'>,
  deleted: { organisationIds?: readonly string[] },
): boolean {
  if (!worksOnCases(actor)) return false;
  return canManageCase(actor) || (deleted.organisationIds ?? []).includes(actor.organisationId);
}

/**
 * Evaluation answers of a closed case: the procesmanager reads them all; an involved organisation reads
 * only its own. Nobody else, not even another involved organisation.
 */
export function canSeeEvaluation(
  actor: Pick<Actor, 'role' | 'organisationId'>,
  evaluation: { organisationId: string },
): boolean {
  if (!readsCaseContent(actor)) return false;
  return actor.role === 'processManager' || evaluation.organisationId === actor.organisationId;
}

/** Zeggenschap: only the organisation that made a contribution answers for it (consent, handover, re-assessment). */
export function speaksForContribution(
  actor: Pick<Actor, 'organisationId' | 'role' | 'confidentialityPending'>,
  contribution: { organisationId: string },
): boolean {
  return readsCaseContent(actor) && actor.organisationId === contribution.organisationId;
}

/** A request for consent is read by the contributing organisation (to answer) and the asking one (to see the answer). */
export function canReadConsentRequest(
  actor: Pick<Actor, 'organisationId' | 'role' | 'confidentialityPending'>,
  request: { contributionOrganisationId: string; requestingOrganisationId: string },
): boolean {
  if (!readsCaseContent(actor)) return false;
  return (
    actor.organisationId === request.contributionOrganisationId ||
    actor.organisationId === request.requestingOrganisationId
  );
}

/**
 * Who closes an unfinished action as "niet uitgevoerd" (with a reason): the one who holds it, the casusregisseur of its
 * case, or the procesmanager. Nobody else, not a colleague of the holder; a done, cancelled or closed action no more.
 */
export function canCloseActionNotDone(
  actor: Pick<Actor, 'memberId' | 'role' | 'confidentialityPending'>,
  a: { state: string; claimedByMemberId?: string; directorMemberId?: string },
): boolean {
  if (!readsCaseContent(actor) || (a.state !== 'open' && a.state !== 'claimed')) return false;
  return (a.state === 'claimed' && a.claimedByMemberId === actor.memberId) || canReassignAction(actor, a);
}

/** Who marks "mee naar huis" on an action: whoever chairs, the casusregisseur, or the procesmanager. */
export function canMarkTakeHome(
  actor: Pick<Actor, 'memberId' | 'role' | 'confidentialityPending'>,
  c: { chairing: boolean; directorMemberId?: string },
): boolean {
  return c.chairing || canReassignAction(actor, c);
}

/** Who records that the person was informed: the one agreed to do it, or the procesmanager. */
export function canRecordInforming(
  actor: Pick<Actor, 'memberId' | 'role' | 'confidentialityPending'>,
  c: { informerMemberId?: string },
): boolean {
  if (!readsCaseContent(actor)) return false;
  return actor.role === 'processManager' || (c.informerMemberId !== undefined && c.informerMemberId === actor.memberId);
}

/**
 * What a person is to a handover: the one who prepared it and the procesmanager see all of it; the registering
 * partner, once it is complete, what goes along; a contributing organisation its own items; anyone else nothing.
 */
export function handoverRole(
  actor: Pick<Actor, 'memberId' | 'role' | 'organisationId' | 'confidentialityPending'>,
  h: {
    createdByMemberId: string;
    completed: boolean;
    registeringOrganisationId: string;
    includedOrganisationIds: readonly string[];
  },
): 'manager' | 'receiver' | 'contributor' | undefined {
  if (!readsCaseContent(actor)) return undefined;
  if (actor.role === 'processManager' || h.createdByMemberId === actor.memberId) return 'manager';
  if (h.completed && h.registeringOrganisationId === actor.organisationId) return 'receiver';
  if (h.includedOrganisationIds.includes(actor.organisationId)) return 'contributor';
  return undefined;
}
