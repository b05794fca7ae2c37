import { agendaNoticeCard, agendaProblemCard, channelAgendaCard } from '../../cards/agenda.card.ts';
import { referralOutcomeCard } from '../../cards/cases.card.ts';
import {
  actionCard,
  discussionCard,
  liveSessionCard,
  minutesCard,
  sessionSummaryCard,
} from '../../cards/meeting.card.ts';
import { sessionMinutes } from '../../src/meetings/minutes.ts';
import { openAction } from '../../src/actions/actions.ts';
import { openDiscussion } from '../../src/meetings/discussion.ts';
import { sessionSummary } from '../../src/meetings/run-session.ts';
import { findCaseById } from '../../src/cases/case.repository.ts';
import { agendaSeenBy, invitedTeamsUserIds, publicAgenda } from '../../src/conferences/agenda.ts';
import { identifyActor } from '../../src/members/identify-actor.ts';
import type { Notification } from '../../src/notify/notification.ts';
import type { LifecycleNotification } from '../../src/notify/lifecycle-notifications.ts';
import type { Actor } from '../../src/actor.ts';
import { caseOverview as overviewFor, openProposal } from '../../src/lifecycle/regie.ts';
import { consentCard } from '../../cards/consent.card.ts';
import { reassessmentCard } from '../../cards/reassessment.card.ts';
import { handoverCard } from '../../cards/handover.card.ts';
import { openHandover } from '../../src/lifecycle/handover.ts';
import { pendingReassessments } from '../../src/meetings/reassessment.ts';
import { openConsent } from '../../src/meetings/consent.ts';
import { caseOverviewCard, evaluationRequestCard, proposalCard, regieNoticeCard } from '../../cards/lifecycle.card.ts';
import type { BotDeps } from '../deps.ts';
import { screeningCardFor } from './screening-view.ts';

type Deps = Pick<BotDeps, 'db' | 'clock' | 'informWithinDays'>;
const lifecycleKinds = new Set<Notification['kind']>([
  'directorChanged',
  'proposalMade',
  'proposalDecided',
  'evaluationRequested',
  'shadowListReturn',
  'informerNamed',
  'informingReminder',
  'consentRequested',
  'consentAnswered',
  'reassessmentRequested',
  'handoverConsentRequested',
  'handoverReady',
]);

/** The channel card of a session as everyone at the table sees it: the agenda, the live meeting, or its summary. */
export async function channelCardFor(deps: Pick<BotDeps, 'db'>, sessionId: string) {
  const agenda = await publicAgenda(deps.db, sessionId);
  if (agenda.session.closedAt) return sessionSummaryCard(agenda, await sessionSummary(deps.db, sessionId));
  if (agenda.session.openedAt) return liveSessionCard(agenda);
  return channelAgendaCard(agenda, await invitedTeamsUserIds(deps.db, agenda));
}

type CaseNotice = Extract<
  Notification,
  { kind: 'screeningRequested' | 'referralAccepted' | 'referralRejected' | 'informationRequested' }
>;
const caseNoticeKinds = new Set<Notification['kind']>([
  'screeningRequested',
  'referralAccepted',
  'referralRejected',
  'informationRequested',
]);
const isCaseNotice = (n: Notification): n is CaseNotice => caseNoticeKinds.has(n.kind);

/**
 * A personal card about a followed case, built by the use case that shows it to this recipient (need-to-know
 * applies). A card pushed unasked carries the reference, not the person's name: it stays in the chat after the
 * case is deleted.
 */
async function lifecycleCard(deps: Deps, viewer: Actor, n: LifecycleNotification) {
  const caseOverview = async (d: Deps, a: Actor, caseId: string) => {
    const v = await overviewFor(d, a, caseId);
    return { ...v, case: { ...v.case, firstPersonName: undefined } };
  };
  switch (n.kind) {
    case 'directorChanged': {
      const v = await caseOverview(deps, viewer, n.caseId);
      return n.role === 'new'
        ? caseOverviewCard(v, { text: 'Je bent nu casusregisseur van deze casus.' })
        : regieNoticeCard(
            n.caseId,
            v.case.reference,
            `Je bent niet langer casusregisseur van ${v.case.reference}; ${v.case.director?.name ?? 'een ander'} neemt het over.`,
            'Warning',
          );
    }
    case 'proposalMade': {
      const { proposal, reference, timeZone } = await openProposal(deps, viewer, n.proposalId);
      return proposalCard(proposal, reference, 'manager', undefined, timeZone);
    }
    case 'proposalDecided': {
      const { proposal, reference, timeZone } = await openProposal(deps, viewer, n.proposalId);
      return proposalCard(proposal, reference, 'proposer', undefined, timeZone);
    }
    case 'evaluationRequested': {
      const v = await caseOverview(deps, viewer, n.caseId);
      if (!v.may.evaluate) return undefined;
      return evaluationRequestCard(
        { caseId: v.case.id, reference: v.case.reference, manager: false, status: v.case.status, candidates: [] },
        n.reminder,
      );
    }
    // Pushed unasked, these cards carry no contribution text: it would stay in the chat after a withdrawal or
    // deletion. "Vernieuwen" shows it to whoever may read it then.
    case 'consentRequested': {
      const { consent, mayAnswer } = await openConsent(deps, viewer, n.consentId, { audit: false });
      return consentCard(
        { ...consent, contribution: { ...consent.contribution, text: '' } },
        mayAnswer,
        'Er wordt toestemming gevraagd voor inbreng van jouw organisatie.',
      );
    }
    case 'consentAnswered': {
      const { consent, mayAnswer } = await openConsent(deps, viewer, n.consentId, { audit: false });
      return consentCard(
        { ...consent, contribution: { ...consent.contribution, text: '' } },
        mayAnswer,
        'Er is gereageerd op je vraag om toestemming. Kies "Vernieuwen" om te zien wat je nu mag lezen.',
      );
    }
    case 'handoverConsentRequested': {
      const { handover, role } = await openHandover(deps, viewer, n.handoverId);
      return handoverCard(
        handover,
        role,
        'Bij een overdracht zou inbreng van jouw organisatie meegaan. Mag dat? Kies "Vernieuwen" om de inbreng te lezen.',
        { contentHidden: true },
      );
    }
    case 'handoverReady': {
      const { handover, role } = await openHandover(deps, viewer, n.handoverId);
      return handoverCard(handover, role, 'Jouw organisatie meldt deze casus aan bij de andere tafel.', {
        contentHidden: true,
      });
    }
    case 'reassessmentRequested': {
      const pending = await pendingReassessments(deps, viewer, n.caseId);
      return reassessmentCard(
        { ...pending, items: pending.items.map((i) => ({ ...i, text: '' })) },
        'Het doel van een casus is veranderd. Kies "Vernieuwen" om jullie inbreng te lezen en te beoordelen.',
      );
    }
    case 'informerNamed':
      return caseOverviewCard(await caseOverview(deps, viewer, n.caseId), {
        text: 'In het overleg is afgesproken dat jij de betrokkene informeert over de bespreking. Leg vast wanneer dat is gebeurd.',
      });
    case 'informingReminder':
      return caseOverviewCard(await caseOverview(deps, viewer, n.caseId), {
        text: 'Herinnering: de termijn om de betrokkene te informeren is verstreken. Leg vast wanneer dat is gebeurd, of waarom nog niet.',
        color: 'Attention',
      });
    case 'shadowListReturn': {
      const v = await caseOverview(deps, viewer, n.caseId);
      return n.booked
        ? caseOverviewCard(v, {
            text: 'Deze casus is terug van de schaduwlijst en staat weer op de agenda: de tafel besluit of hij kan worden afgesloten.',
          })
        : caseOverviewCard(v, {
            text: 'Deze casus moest terug van de schaduwlijst, maar er is geen overleg met ruimte (of de tafel is gesloten). Casusbot probeert het elke dag opnieuw; zodra er ruimte is kun je hem ook zelf terughalen.',
            color: 'Attention',
          });
    }
  }
}

/** A personal card about a session, built for its recipient: only the items they may see. */
async function personalCard(deps: Deps, n: Exclude<Notification, { kind: 'agendaChanged' } | CaseNotice>) {
  const viewer = await identifyActor(deps.db, { aadObjectId: n.to });
  if (!viewer) return undefined;
  const seen = (sessionId: string) => agendaSeenBy(deps, viewer, sessionId);
  if (lifecycleKinds.has(n.kind)) return lifecycleCard(deps, viewer, n as LifecycleNotification);
  switch (n.kind) {
    case 'sessionClosed':
      return minutesCard(await sessionMinutes(deps, viewer, n.sessionId));
    case 'discussionStarted':
      return discussionCard(await openDiscussion(deps, viewer, n.agendaItemId), 'Deze casus wordt nu besproken.');
    case 'actionAssigned':
      return actionCard(
        await openAction(deps, viewer, n.actionId),
        'Er is een actie voor jouw organisatie afgesproken.',
      );
    case 'actionReassigned':
      return actionCard(await openAction(deps, viewer, n.actionId), 'Deze actie is aan jou toegewezen.');
    case 'actionReminder':
      return actionCard(
        await openAction(deps, viewer, n.actionId),
        n.when === 'before'
          ? 'Herinnering: deze actie moet morgen klaar zijn.'
          : 'Deze actie had gisteren klaar moeten zijn en staat nog open.',
      );
    case 'agendaProblem':
      return agendaProblemCard(await seen(n.sessionId), n.problem);
    case 'agendaPublished':
      return agendaNoticeCard(await seen(n.sessionId), { kind: 'published' });
    case 'sessionMoved':
      return agendaNoticeCard(await seen(n.sessionId), { kind: 'moved', previousStartsAt: n.previousStartsAt });
    case 'casesRebooked': {
      const moves = await Promise.all(
        n.moves.map(async (m) => ({
          reference: m.reference,
          to: m.toSessionId ? await seen(m.toSessionId) : undefined,
        })),
      );
      return agendaNoticeCard(await seen(n.fromSessionId), { kind: 'rebooked', why: n.why, moves });
    }
  }
}

/**
 * The card a notification becomes for its recipient, built when it is sent (need-to-know checked then);
 * undefined when there is nothing to send any more (the case was deleted, the person left).
 */
export async function personalCardFor(
  deps: Deps,
  n: Exclude<Notification, { kind: 'agendaChanged' }>,
): Promise<object | undefined> {
  if (!isCaseNotice(n)) return personalCard(deps, n);
  const found = await findCaseById(deps.db, n.caseId);
  if (!found) return undefined;
  return n.kind === 'screeningRequested' ? screeningCardFor(deps, { case: found }) : referralOutcomeCard(found);
}
