import { channelAgendaCard } from '../../cards/agenda.card.ts';
import { liveSessionCard, sessionSummaryCard } from '../../cards/meeting.card.ts';
import { pushedCard, type PushedMeeting, type PushedNotice, type PushedTopic } from '../../cards/pushed.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { sessionSummary } from '../../src/meetings/run-session.ts';
import { agendaSeenBy, invitedTeamsUserIds, publicAgenda, type AgendaView } from '../../src/conferences/agenda.ts';
import { unsignedInvited } from '../../src/members/confidentiality.ts';
import { identifyActor } from '../../src/members/identify-actor.ts';
import type { Notification } from '../../src/notify/notification.ts';
import { subjectOf, type SubjectKind } from '../../src/notify/subject.repository.ts';
import type { BotDeps } from '../deps.ts';

type Deps = Pick<BotDeps, 'db' | 'clock' | 'informWithinDays'>;

/** The channel card of a session as everyone at the table sees it: the agenda, the live meeting, or its summary. */
export async function channelCardFor(deps: Pick<BotDeps, 'db'>, sessionId: string) {
  const agenda = await publicAgenda(deps.db, sessionId);
  if (agenda.session.closedAt) return sessionSummaryCard(agenda, await sessionSummary(deps.db, sessionId));
  if (agenda.session.openedAt) {
    // A number only: the channel card names nobody. Whoever chairs reads the names on their own case card.
    const invited = [...new Set(agenda.items.flatMap((i) => i.invitedOrganisations.map((o) => o.id)))];
    return liveSessionCard(agenda, { unsignedCount: (await unsignedInvited(deps, invited)).length });
  }
  return channelAgendaCard(agenda, await invitedTeamsUserIds(deps.db, agenda));
}

type Personal = Exclude<Notification, { kind: 'agendaChanged' }>;
type AboutCase = { topic: PushedTopic; subject: SubjectKind; id: string; verb: Verb; idKey: string };

/** A notification about one case: its topic, the record it names, and the verb that opens that record. */
function aboutCase(n: Personal): AboutCase | undefined {
  const on = (...[topic, subject, id, verb, idKey]: [PushedTopic, SubjectKind, string, Verb, string]) =>
    ({ topic, subject, id, verb, idKey }) satisfies AboutCase;
  switch (n.kind) {
    case 'screeningRequested':
      return on(
        n.resubmitted ? 'screeningResubmitted' : 'screeningRequested',
        'case',
        n.caseId,
        Verb.screeningShow,
        'caseId',
      );
    case 'referralAccepted':
    case 'referralRejected':
    case 'informationRequested':
      return on(n.kind, 'case', n.caseId, Verb.referralShow, 'caseId');
    case 'actionAssigned':
    case 'actionReassigned':
      return on(n.kind, 'action', n.actionId, Verb.actionShow, 'actionId');
    case 'actionReminder':
      return on(
        n.when === 'before' ? 'actionDueTomorrow' : 'actionOverdue',
        'action',
        n.actionId,
        Verb.actionShow,
        'actionId',
      );
    case 'discussionStarted':
      return on(n.kind, 'agendaItem', n.agendaItemId, Verb.discussionOpen, 'agendaItemId');
    case 'directorChanged':
      return on(n.role === 'new' ? 'directorNew' : 'directorOld', 'case', n.caseId, Verb.caseOverview, 'caseId');
    case 'proposalMade':
    case 'proposalDecided':
      return on(n.kind, 'proposal', n.proposalId, Verb.proposalShow, 'proposalId');
    case 'evaluationRequested':
      return on(
        n.reminder ? 'evaluationReminder' : 'evaluationRequested',
        'case',
        n.caseId,
        Verb.caseOverview,
        'caseId',
      );
    case 'shadowListReturn':
      return on(n.booked ? 'shadowListReturned' : 'shadowListUnbooked', 'case', n.caseId, Verb.caseOverview, 'caseId');
    case 'informerNamed':
    case 'informingReminder':
      return on(n.kind, 'case', n.caseId, Verb.caseOverview, 'caseId');
    case 'consentRequested':
    case 'consentAnswered':
      return on(n.kind, 'consent', n.consentId, Verb.consentShow, 'consentId');
    case 'reassessmentRequested':
      return on(n.kind, 'case', n.caseId, Verb.reassessmentList, 'caseId');
    case 'handoverConsentRequested':
    case 'handoverReady':
      return on(n.kind, 'handover', n.handoverId, Verb.handoverShow, 'handoverId');
    default:
      return undefined;
  }
}

const meetingOf = (a: AgendaView): PushedMeeting => ({
  table: a.table.name,
  startsAt: a.session.startsAt,
  timeZone: a.table.timeZone,
});

/** A notification about a meeting: its time and the recipient's own references (need-to-know applies to those). */
async function aboutMeeting(deps: Deps, n: Personal): Promise<PushedNotice | undefined> {
  const viewer = await identifyActor(deps.db, { aadObjectId: n.to });
  if (!viewer) return undefined;
  const seen = (sessionId: string) => agendaSeenBy(deps, viewer, sessionId);
  const mine = (a: AgendaView) => ({ verb: Verb.agendaMine, ids: { sessionId: a.session.id } });
  switch (n.kind) {
    case 'agendaPublished':
    case 'sessionMoved': {
      const a = await seen(n.sessionId);
      const references = a.items.map((i) => ({ reference: i.reference }));
      const movedFrom = n.kind === 'sessionMoved' ? n.previousStartsAt : undefined;
      return { topic: n.kind, meeting: meetingOf(a), movedFrom, references, open: mine(a), refreshes: false };
    }
    case 'casesRebooked': {
      const a = await seen(n.fromSessionId);
      const references = await Promise.all(
        n.moves.map(async (m) => ({
          reference: m.reference,
          to: m.toSessionId ? (await seen(m.toSessionId)).session.startsAt : ('unplanned' as const),
        })),
      );
      const topic = n.why === 'cancelled' ? 'sessionCancelled' : 'agendaFull';
      return { topic, meeting: meetingOf(a), references, open: mine(a), refreshes: false };
    }
    case 'agendaProblem': {
      const a = await seen(n.sessionId);
      const ids = { sessionId: a.session.id };
      const topics = { missed: 'agendaMissed', uncertain: 'agendaUncertain', noChannel: 'agendaNoChannel' } as const;
      const more =
        n.problem === 'uncertain'
          ? [
              { title: 'Staat er niet: opnieuw plaatsen', verb: Verb.agendaRepost, ids },
              { title: 'Staat er al', verb: Verb.agendaConfirmPosted, ids },
            ]
          : [];
      return {
        topic: topics[n.problem],
        meeting: meetingOf(a),
        open: { verb: Verb.agendaShow, ids },
        refreshes: false,
        more,
      };
    }
    case 'sessionClosed': {
      const a = await seen(n.sessionId);
      return {
        topic: n.kind,
        meeting: meetingOf(a),
        open: { verb: Verb.sessionMinutes, ids: { sessionId: a.session.id } },
        refreshes: true,
      };
    }
    default:
      return undefined;
  }
}

/**
 * The card a notification becomes for its recipient, built when it is sent: a pushed card (cards/pushed.card.ts)
 * with the case's reference, what happened, and a button that opens the content, need-to-know checked then.
 * Undefined when there is nothing to send any more (the case was deleted, the person left).
 */
export async function personalCardFor(deps: Deps, n: Personal): Promise<object | undefined> {
  if (n.kind === 'registrationRequested')
    // Nothing of who asked: the name is on the form the procesmanager opens.
    return pushedCard({
      topic: 'registrationRequested',
      open: { verb: Verb.memberRequestOpen, ids: { requestId: n.requestId } },
      refreshes: false,
    });
  const about = aboutCase(n);
  if (!about) {
    const notice = await aboutMeeting(deps, n);
    return notice && pushedCard(notice);
  }
  const subject = await subjectOf(deps.db, about.subject, about.id);
  if (!subject) return undefined;
  return pushedCard({
    topic: about.topic,
    reference: subject.reference,
    open: { verb: about.verb, ids: { [about.idKey]: about.id } },
    refreshes: true,
  });
}
