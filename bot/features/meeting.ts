import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { formValuesOf } from '../../cards/form.ts';
import {
  actionCard,
  decisionFormCard,
  discussionCard,
  meetingEndedCard,
  minutesCard,
  myActionsCard,
} from '../../cards/meeting.card.ts';
import { sessionMinutes } from '../../src/meetings/minutes.ts';
import { Verb } from '../../cards/verbs.ts';
import {
  claimAction,
  completeAction,
  handBackAction,
  markTakeHome,
  myActions,
  openAction,
  reassignAction,
} from '../../src/actions/actions.ts';
import { localParts } from '../../src/conferences/schedule.ts';
import { findTableByChannel, findTableByMeeting } from '../../src/conferences/table.repository.ts';
import { loadDecisionContext, recordDecision } from '../../src/decisions/record-decision.ts';
import { addContribution, addIntervention, findDiscussion, openDiscussion } from '../../src/meetings/discussion.ts';
import {
  advanceSession,
  closeSession,
  currentSession,
  openSession,
  type SessionStep,
} from '../../src/meetings/run-session.ts';
import type { Notification } from '../../src/notify/notification.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { deliverNotifications } from '../shared/notifications.ts';
import { actorOf, conversationKind, inPersonalChat } from '../teams/turn-context.ts';

type Data = Record<string, unknown>;
const text = (data: Data, key: string) => (typeof data[key] === 'string' ? data[key] : '');

export function registerMeeting(app: Application<TurnState>, deps: BotDeps): void {
  const tell = (notifications: Notification[]) =>
    deps.background.run('meeting notifications', () => deliverNotifications(deps, notifications));
  const discussion = async (context: TurnContext, agendaItemId: string, notice?: string) =>
    discussionCard(await openDiscussion(deps, actorOf(context), agendaItemId), notice);
  const stepped = (step: SessionStep, done: string) => {
    tell(step.notifications);
    return step.changed ? done : 'Dat is al gebeurd: de kaart in het kanaal toont de actuele stand.';
  };

  // The chair runs the meeting from the channel card; the answer goes to the chair only, the card is edited for all.
  onCardAction<Data>(app, Verb.sessionOpen, async (context, data) =>
    stepped(
      await openSession(deps, actorOf(context), text(data, 'sessionId')),
      'Het overleg is geopend. De deelnemers krijgen de eerste casus in hun chat.',
    ),
  );
  onCardAction<Data>(app, Verb.sessionNext, async (context, data) =>
    stepped(
      await advanceSession(deps, actorOf(context), text(data, 'sessionId'), 'next', text(data, 'itemId')),
      'Door naar de volgende casus.',
    ),
  );
  onCardAction<Data>(app, Verb.sessionSkip, async (context, data) =>
    stepped(
      await advanceSession(deps, actorOf(context), text(data, 'sessionId'), 'skip', text(data, 'itemId')),
      'De casus is doorgeschoven naar het volgende overleg.',
    ),
  );
  onCardAction<Data>(app, Verb.sessionClose, async (context, data) =>
    stepped(await closeSession(deps, actorOf(context), text(data, 'sessionId')), 'Het overleg is gesloten.'),
  );

  // `@Casusbot overleg starten` in the table's channel: the meeting of today (or the next one) opens.
  app.message(/^\s*overleg starten\s*$/i, async (context) => {
    if (conversationKind(context.activity) !== 'channel') {
      await context.sendActivity(
        'Start het overleg in het kanaal van de tafel: "@Casusbot overleg starten", of met de knop op de agenda.',
      );
      return;
    }
    const table = await findTableByChannel(deps.db, context.activity.conversation.id.split(';')[0]!);
    const session = table && (await currentSession(deps.db, table.id, deps.clock.now()));
    if (!session) {
      await context.sendActivity(
        table
          ? `Er is vandaag geen overleg van ${table.name}. Een overleg op een andere dag open je met "Overleg starten" op de agenda in dit kanaal.`
          : 'Aan dit kanaal is geen overlegtafel gekoppeld. De procesmanager koppelt er een met "@Casusbot tafel koppelen".',
      );
      return;
    }
    const step = await openSession(deps, actorOf(context), session.id);
    await context.sendActivity(
      stepped(
        step,
        'Het overleg is geopend. De kaart hierboven volgt het overleg; de deelnemers krijgen de casus in hun chat.',
      ),
    );
  });

  // The table's Teams meeting (linked with "tafel koppelen" in its chat): its start opens the session, its end
  // offers the chair to close it. Teams sends these only with the RSC permissions in the manifest.
  const meetingTable = (context: TurnContext) => {
    const id = (context.activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id;
    return id ? findTableByMeeting(deps.db, id) : Promise.resolve(undefined);
  };
  app.meetings.start(async (context) => {
    const table = await meetingTable(context);
    const session = table && (await currentSession(deps.db, table.id, deps.clock.now()));
    if (!table || !session) return;
    const step = await openSession(deps, 'system', session.id);
    deps.log.info({ sessionId: session.id, opened: step.changed }, 'Teams meeting started');
    tell(step.notifications);
  });
  app.meetings.end(async (context) => {
    const table = await meetingTable(context);
    const session = table && (await currentSession(deps.db, table.id, deps.clock.now()));
    if (!table || !session?.openedAt || session.closedAt) return;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(meetingEndedCard(table.name, session.id))] });
  });

  onCardAction<Data>(app, Verb.sessionMinutes, async (context, data) =>
    minutesCard(await sessionMinutes(deps, actorOf(context), text(data, 'sessionId'))),
  );
  onCardAction<Data>(app, Verb.discussionOpen, async (context, data) =>
    discussion(context, text(data, 'agendaItemId')),
  );
  onCardAction<Data>(app, Verb.contributionAdd, async (context, data) => {
    const agendaItemId = text(data, 'agendaItemId');
    const result = await addContribution(
      deps,
      actorOf(context),
      agendaItemId,
      formValuesOf(data),
      text(data, 'submissionId'),
    );
    return discussion(
      context,
      agendaItemId,
      result.ok ? (result.added ? 'Je inbreng is opgeslagen.' : undefined) : Object.values(result.errors).join(' '),
    );
  });
  onCardAction<Data>(app, Verb.interventionAdd, async (context, data) => {
    const agendaItemId = text(data, 'agendaItemId');
    const result = await addIntervention(
      deps,
      actorOf(context),
      agendaItemId,
      formValuesOf(data),
      text(data, 'submissionId'),
    );
    return discussion(
      context,
      agendaItemId,
      result.ok ? (result.added ? 'De interventie is opgeslagen.' : undefined) : Object.values(result.errors).join(' '),
    );
  });

  const decisionForm = async (
    context: TurnContext,
    agendaItemId: string,
    values: Record<string, string | undefined> = {},
    errors?: Record<string, string>,
  ) => {
    const actor = actorOf(context);
    const view = await openDiscussion(deps, actor, agendaItemId);
    const loaded = await loadDecisionContext(deps.db, actor, view.case.id, deps.clock.now());
    const names = new Map(
      [
        ...view.case.organisations,
        ...(loaded.case.responsibleOrganisation ? [loaded.case.responsibleOrganisation] : []),
      ].map((o) => [o.id, o.name]),
    );
    return decisionFormCard({
      agendaItemId,
      reference: view.case.reference ?? '',
      // A correction is of the decision taken on this agenda item; a later meeting takes a new decision.
      current: view.decisions.find((d) => d.agendaItemId === agendaItemId && !d.supersededById),
      candidates: loaded.candidates.map((m) => ({
        id: m.id,
        name: m.displayName,
        organisationName: m.organisationName,
      })),
      organisations: loaded.invited.map((id) => ({ id, name: names.get(id)! })),
      present: [
        ...new Set(view.contributions.filter((c) => c.agendaItemId === agendaItemId).map((c) => c.organisation.id)),
      ].filter((id) => loaded.invited.includes(id)),
      values,
      errors,
    });
  };
  onCardAction<Data>(app, Verb.decisionForm, async (context, data) =>
    decisionForm(context, text(data, 'agendaItemId')),
  );
  onCardAction<Data>(app, Verb.decisionRecord, async (context, data) => {
    const agendaItemId = text(data, 'agendaItemId');
    const item = await findDiscussion(deps, actorOf(context), agendaItemId);
    const values = formValuesOf(data);
    const result = await recordDecision(deps, actorOf(context), {
      caseId: item.caseId,
      agendaItemId,
      supersedesId: text(data, 'supersedesId') || undefined,
      values,
      submissionId: text(data, 'submissionId'),
    });
    if (!result.ok && 'errors' in result) return decisionForm(context, agendaItemId, values, result.errors);
    if (!result.ok)
      return discussion(
        context,
        agendaItemId,
        'Iemand anders heeft intussen al een besluit vastgelegd of gecorrigeerd. Hieronder staat het besluit dat nu geldt.',
      );
    deps.log.info({ decisionId: result.decisionId }, 'decision recorded');
    tell([{ kind: 'agendaChanged', sessionId: item.sessionId }, ...result.notifications]);
    return discussion(
      context,
      agendaItemId,
      'Het besluit is vastgelegd. De organisaties met een actie krijgen bericht.',
    );
  });

  const action = async (context: TurnContext, actionId: string, notice?: string) =>
    actionCard(await openAction(deps, actorOf(context), actionId), notice);
  onCardAction<Data>(app, Verb.actionShow, async (context, data) => action(context, text(data, 'actionId')));
  onCardAction<Data>(app, Verb.actionClaim, async (context, data) => {
    const result = await claimAction(deps, actorOf(context), text(data, 'actionId'));
    if (result.changed) deps.log.info({ actionId: result.view.action.id }, 'action claimed');
    return actionCard(
      result.view,
      result.changed ? 'Je hebt deze actie opgepakt.' : result.view.mine ? undefined : 'Iemand anders was je voor.',
    );
  });
  onCardAction<Data>(app, Verb.actionComplete, async (context, data) => {
    const result = await completeAction(deps, actorOf(context), text(data, 'actionId'), formValuesOf(data));
    if ('errors' in result) return action(context, text(data, 'actionId'), Object.values(result.errors).join(' '));
    return actionCard(result.view, result.changed ? 'Gemeld als klaar.' : undefined);
  });
  onCardAction<Data>(app, Verb.actionHandBack, async (context, data) => {
    const result = await handBackAction(deps, actorOf(context), text(data, 'actionId'));
    tell(result.notifications);
    return actionCard(result.view, result.changed ? "Teruggegeven: je collega's kunnen hem oppakken." : undefined);
  });
  onCardAction<Data>(app, Verb.actionReassign, async (context, data) => {
    const result = await reassignAction(deps, actorOf(context), text(data, 'actionId'), text(data, 'memberId'));
    tell(result.notifications);
    return actionCard(
      result.view,
      result.changed ? `Toegewezen aan ${result.view.action.claimedBy?.name}.` : undefined,
    );
  });
  onCardAction<Data>(app, Verb.actionTakeHome, async (context, data) => {
    const ids = text(data, 'takeHome')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const result = await markTakeHome(deps, actorOf(context), text(data, 'actionId'), ids);
    tell(result.notifications);
    return actionCard(
      result.view,
      result.changed
        ? 'De inbrengers is om toestemming gevraagd; de uitvoerder ziet de inbreng zodra zij instemmen.'
        : undefined,
    );
  });

  const mine = async (context: TurnContext) => {
    const actor = actorOf(context);
    return myActionsCard(await myActions(deps, actor), localParts(deps.clock.now(), 'UTC').date);
  };
  app.message(/^\s*mijn acties\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'mijn acties'))) return;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await mine(context))] });
  });
  onCardAction(app, Verb.actionsMine, async (context) => mine(context));
}
