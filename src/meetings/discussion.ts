import type { UseCaseDeps } from '../use-case.ts';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import {
  canChair,
  canContribute,
  canSeeContribution,
  canSeeDiscussion,
  invitedOrganisationIds,
} from '../access/case-access.ts';
import { findUnsignedOccasional } from '../members/confidentiality.repository.ts';
import { listActionsOfCases, type ActionView } from '../actions/action.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCaseById, visibilityFacts } from '../cases/case.repository.ts';
import type { CaseRecord } from '../cases/case.types.ts';
import { findSessionById, type SessionView } from '../conferences/session.repository.ts';
import { findTableById, type TableView } from '../conferences/table.repository.ts';
import type { Db, Tx } from '../db/client.ts';
import { listDecisions, type DecisionView } from '../decisions/decision.repository.ts';
import { DomainError, ErrorCode, forbidden } from '../errors.ts';
import { lifeDomains } from '../referrals/referral.types.ts';
import { fieldErrors, isUuid, requiredText } from '../validation.ts';
import { findAgendaItemRef } from '../conferences/agenda.repository.ts';
import { hiddenWithConsent, type HiddenContribution } from './consent.ts';
import {
  addContributionRow,
  addInterventionRow,
  isSubmitted,
  asSeenBy,
  listContributions,
  listInterventions,
  recordAttendance,
  type ContributionView,
  type InterventionView,
} from './discussion.repository.ts';

export type ItemState = 'waiting' | 'active' | 'decided' | 'deferred';

/** One case on one meeting's agenda, as a person who may see it reads it in their own chat. */
export interface DiscussionView {
  agendaItemId: string;
  itemState: ItemState;
  session: SessionView;
  table: TableView;
  case: Pick<CaseRecord, 'id' | 'reference' | 'persons' | 'lifeDomains' | 'organisations'>;
  contributions: ContributionView[];
  /** Contributions the viewer may not see: that they exist, whose they are, and where the viewer's request for consent stands. */
  hiddenContributions: HiddenContribution[];
  interventions: InterventionView[];
  decisions: DecisionView[];
  actions: ActionView[];
  /** The actions agreed at the case's last meeting before this one that did not end done: not done (with reason), or still open. */
  unfinishedFromLastMeeting: ActionView[];
  chairing: boolean;
  mayContribute: boolean;
  /**
   * For whoever chairs only: the invited incidentele deelnemers who have not accepted the current
   * geheimhoudingsverklaring, by name (the channel card shows their number only).
   */
  unsignedInvited?: string[];
}

async function loadItem(db: Db, actor: Actor, agendaItemId: string) {
  const item = isUuid(agendaItemId) ? await findAgendaItemRef(db, agendaItemId) : undefined;
  const found = item && (await findCaseById(db, item.caseId));
  if (!item || !found) throw new DomainError(ErrorCode.NotFound, 'Agenda item not found or not visible');
  const session = (await findSessionById(db, item.sessionId))!;
  const table = (await findTableById(db, session.tableId))!;
  const facts = visibilityFacts(found);
  if (!canSeeDiscussion(actor, facts, { chairMemberId: table.chair?.memberId }))
    throw new DomainError(ErrorCode.NotFound, 'Agenda item not found or not visible', { caseId: found.id });
  const chairing = canChair(actor, { chairMemberId: table.chair?.memberId });
  // Attendance counts the invited organisations that took part in the meeting, not the chair's own, and not later.
  const inMeeting = Boolean(session.openedAt && !session.closedAt && item.state === 'active');
  const invited = inMeeting && canContribute(actor, facts, { chairing: false });
  return { item, found, session, table, chairing, invited, mayContribute: canContribute(actor, facts, { chairing }) };
}

/** Which case and meeting an agenda item is, for someone who may see its discussion; nothing is read or audited beyond that. */
export async function findDiscussion(
  deps: UseCaseDeps,
  actor: Actor,
  agendaItemId: string,
): Promise<{ caseId: string; sessionId: string }> {
  const { found, session } = await loadItem(deps.db, actor, agendaItemId);
  return { caseId: found.id, sessionId: session.id };
}

/** The live case card: Beeldvorming, Oordelen, Besluiten for one case, filtered for the viewer; the look is audited. */
export async function openDiscussion(deps: UseCaseDeps, actor: Actor, agendaItemId: string): Promise<DiscussionView> {
  const { item, found, session, table, chairing, mayContribute } = await loadItem(deps.db, actor, agendaItemId);
  const [contributions, interventions, decisions, actions, unsigned] = await Promise.all([
    listContributions(deps.db, found.id),
    listInterventions(deps.db, found.id),
    listDecisions(deps.db, found.id),
    listActionsOfCases(deps.db, [found.id]),
    chairing
      ? findUnsignedOccasional(deps.db, { organisationIds: invitedOrganisationIds(visibilityFacts(found)) })
      : [],
  ]);
  const visible = contributions.filter((c) =>
    canSeeContribution(actor, { ...c, organisationId: c.organisation.id }, { chairing }),
  );
  await recordAudit(deps.db, actor, {
    action: 'case.viewed',
    recordType: 'case',
    recordId: found.id,
    purpose: 'casusoverleg',
  });
  return {
    agendaItemId: item.id,
    itemState: item.state,
    session,
    table,
    case: {
      id: found.id,
      reference: found.reference,
      persons: found.persons,
      lifeDomains: found.lifeDomains,
      organisations: found.organisations,
    },
    contributions: visible.map((c) => asSeenBy(actor.organisationId, c)),
    hiddenContributions: await hiddenWithConsent(
      deps.db,
      actor,
      contributions.filter((c) => !visible.includes(c)),
    ),
    interventions,
    decisions,
    actions,
    unfinishedFromLastMeeting: unfinishedFromLastMeeting(decisions, actions, item.id, session.startsAt),
    chairing,
    mayContribute,
    ...(unsigned.length ? { unsignedInvited: unsigned.map((m) => m.displayName) } : {}),
  };
}

/**
 * The actions of the case's last meeting before this one (the newest decision taken at another agenda item, before this
 * meeting began) that did not end done: closed as not done with their reason, or still open or taken on.
 */
export function unfinishedFromLastMeeting(
  decisions: DecisionView[],
  actions: ActionView[],
  agendaItemId: string,
  startsAt: Date,
): ActionView[] {
  const earlier = decisions.filter(
    (d) => d.agendaItemId && d.agendaItemId !== agendaItemId && d.createdAt.getTime() < startsAt.getTime(),
  );
  const last = earlier.reduce<DecisionView | undefined>(
    (newest, d) => (!newest || d.createdAt > newest.createdAt ? d : newest),
    undefined,
  );
  if (!last) return [];
  const ids = new Set(earlier.filter((d) => d.agendaItemId === last.agendaItemId).map((d) => d.id));
  return actions.filter(
    (x) => ids.has(x.decisionId) && (x.state === 'notDone' || x.state === 'open' || x.state === 'claimed'),
  );
}

export const contributionForm = z.object({
  text: requiredText('Schrijf wat jouw organisatie weet.', 2_000),
  // Blank is "no leefgebied"; anything else must be one from the list (a forged value gets a Dutch message).
  lifeDomain: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(lifeDomains, { message: 'Kies een leefgebied uit de lijst, of geen.' }).optional(),
  ),
  sensitive: z.enum(['true', 'false']).optional(),
});
export const interventionForm = z.object({
  description: requiredText('Beschrijf de interventie.', 1_000),
  organisationId: requiredText('Kies de organisatie die hem kan uitvoeren.', 100),
});

export type AddResult = { ok: true; added: boolean } | { ok: false; errors: Record<string, string> };

/**
 * Beeldvorming: a participant adds what their organisation knows. It is stored with the organisation and the
 * author (the organisation keeps control over it) and counts as that organisation's attendance.
 */
export async function addContribution(
  deps: UseCaseDeps,
  actor: Actor,
  agendaItemId: string,
  raw: Record<string, unknown>,
  submissionId?: string,
): Promise<AddResult> {
  const { item, found, invited, mayContribute } = await loadItem(deps.db, actor, agendaItemId);
  if (!mayContribute) throw forbidden('discussion.contribute', 'Organisation not invited to this case');
  const parsed = contributionForm.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const added = await once(deps.db, submissionId, 'contribution', async (tx) => {
    await addContributionRow(tx, {
      caseId: found.id,
      agendaItemId: item.id,
      organisationId: actor.organisationId,
      authorMemberId: actor.memberId,
      lifeDomain: parsed.data.lifeDomain,
      text: parsed.data.text,
      sensitive: parsed.data.sensitive === 'true',
      submissionId,
    });
    if (invited) await recordAttendance(tx, item.id, actor.organisationId);
    await recordAudit(tx, actor, {
      action: 'contribution.added',
      recordType: 'case',
      recordId: found.id,
      purpose: 'casusoverleg',
    });
  });
  return { ok: true, added };
}

/** Oordelen: a possible intervention and the invited organisation that could carry it out. */
export async function addIntervention(
  deps: UseCaseDeps,
  actor: Actor,
  agendaItemId: string,
  raw: Record<string, unknown>,
  submissionId?: string,
): Promise<AddResult> {
  const { item, found, invited, mayContribute } = await loadItem(deps.db, actor, agendaItemId);
  if (!mayContribute) throw forbidden('discussion.contribute', 'Organisation not invited to this case');
  const parsed = interventionForm.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const organisations = new Set([
    ...found.organisations.map((o) => o.id),
    ...(found.responsibleOrganisation ? [found.responsibleOrganisation.id] : []),
  ]);
  if (!organisations.has(parsed.data.organisationId))
    return { ok: false, errors: { organisationId: 'Kies een organisatie die bij de casus betrokken is.' } };
  const added = await once(deps.db, submissionId, 'intervention', async (tx) => {
    await addInterventionRow(tx, {
      caseId: found.id,
      agendaItemId: item.id,
      organisationId: parsed.data.organisationId,
      authorMemberId: actor.memberId,
      description: parsed.data.description,
      submissionId,
    });
    if (invited) await recordAttendance(tx, item.id, actor.organisationId);
    await recordAudit(tx, actor, {
      action: 'intervention.added',
      recordType: 'case',
      recordId: found.id,
      purpose: 'casusoverleg',
    });
  });
  return { ok: true, added };
}

/** Runs `work` once per submission id: a repeated click or a retried invoke finds the row and adds nothing. */
async function once(
  db: Db,
  submissionId: string | undefined,
  table: 'contribution' | 'intervention',
  work: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  if (submissionId && !isUuid(submissionId)) submissionId = undefined;
  if (submissionId) {
    if (await isSubmitted(db, table, submissionId)) return false;
  }
  try {
    await db.$transaction(work);
    return true;
  } catch (error) {
    // Two copies of one click at the same moment: the unique submission id lets one in.
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}
