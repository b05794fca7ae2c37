import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { agendaPointerCard, draftAgendaCard, myAgendaCard, personalAgendaCard } from '../../cards/agenda.card.ts';
import { formatSession } from '../../cards/labels.ts';
import { Verb } from '../../cards/verbs.ts';
import { assertCan, can } from '../../src/access/policy.ts';
import {
  addableCases,
  channelAgenda,
  editAgenda,
  myAgenda,
  personalAgenda,
  publicAgenda,
  type AgendaEdit,
} from '../../src/conferences/agenda.ts';
import { agendaPostJob } from '../../src/conferences/planning.ts';
import { confirmAgendaPosted } from '../../src/conferences/publish-agenda.ts';
import { findJob } from '../../src/jobs/job.repository.ts';
import type { JobOutcome } from '../../src/jobs/runner.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { deliverNotifications } from '../shared/notifications.ts';
import { actorOf, conversationKind } from '../teams/turn-context.ts';

type Data = Record<string, unknown>;
const text = (data: Data, key: string) => (typeof data[key] === 'string' ? data[key] : '');

function publishNotice(outcome: JobOutcome | undefined): string {
  if (!outcome) return 'De agenda is al gepubliceerd, of wordt op dit moment geplaatst.';
  if ('retryAt' in outcome)
    return 'Plaatsen in het kanaal lukte nu niet; de bot probeert het over een paar minuten opnieuw.';
  if (outcome.state === 'done')
    return 'De agenda staat in het kanaal. De uitgenodigde deelnemers krijgen hun deel in een persoonlijke chat.';
  if (outcome.state === 'missed') return 'Het overleg is al begonnen: de agenda is niet meer geplaatst.';
  if (outcome.state === 'uncertain')
    return 'Het plaatsen is onderbroken. Kijk in het kanaal of de agenda er staat; je krijgt een kaart om het af te ronden.';
  return outcome.reason === 'NO_CHANNEL'
    ? 'Deze tafel heeft nog geen kanaal. Typ in het kanaal "@Casusbot tafel koppelen" en publiceer daarna opnieuw.'
    : 'Dit overleg gaat niet door; er is niets geplaatst.';
}

export function registerAgenda(app: Application<TurnState>, deps: BotDeps): void {
  const mine = async (context: TurnContext) => {
    const actor = actorOf(context);
    return myAgendaCard(await myAgenda(deps, actor), { manage: can(actor, 'agenda.manage') });
  };
  const draft = async (context: TurnContext, sessionId: string, notice?: string) => {
    const actor = actorOf(context);
    assertCan(actor, 'agenda.manage');
    const postUncertain = (await findJob(deps.db, agendaPostJob, sessionId))?.state === 'uncertain';
    return draftAgendaCard({
      agenda: await publicAgenda(deps.db, sessionId),
      addable: await addableCases(deps, actor, sessionId),
      notice,
      postUncertain,
    });
  };

  app.message(/^\s*agenda\s*$/i, async (context) => {
    const kind = conversationKind(context.activity);
    if (kind === 'personal') {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await mine(context))] });
      return;
    }
    // In a shared conversation only what the channel may show: the table's published agenda, or where to look.
    const found =
      kind === 'channel'
        ? await channelAgenda(deps, actorOf(context), context.activity.conversation.id.split(';')[0]!)
        : undefined;
    if (found?.agenda) {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(agendaPointerCard(found.agenda))] });
    } else if (found?.next) {
      await context.sendActivity(
        `De agenda van ${found.table.name} voor ${formatSession(found.next.startsAt, found.table.schedule.timeZone)} is nog niet gepubliceerd.`,
      );
    } else {
      await context.sendActivity(
        'De agenda met jouw casussen zie je in een persoonlijke chat met mij: typ daar "agenda".',
      );
    }
  });
  onCardAction(app, Verb.agendaList, async (context) => mine(context));
  onCardAction<Data>(app, Verb.agendaShow, async (context, data) => draft(context, text(data, 'sessionId')));

  onCardAction<Data>(app, Verb.agendaEdit, async (context, data) => {
    const sessionId = text(data, 'sessionId');
    const action = text(data, 'action');
    const edit: AgendaEdit | undefined =
      action === 'add'
        ? { action, caseId: text(data, 'caseId') }
        : action === 'up' || action === 'down' || action === 'remove'
          ? { action, itemId: text(data, 'itemId') }
          : undefined;
    if (!edit || (edit.action === 'add' && !edit.caseId)) return draft(context, sessionId, 'Kies eerst een casus.');
    const notifications = await editAgenda(deps, actorOf(context), sessionId, edit);
    deps.background.run('agenda notifications', () => deliverNotifications(deps, notifications));
    return draft(context, sessionId);
  });

  onCardAction<Data>(app, Verb.agendaPublish, async (context, data) => {
    const sessionId = text(data, 'sessionId');
    assertCan(actorOf(context), 'agenda.manage');
    const outcome = await deps.jobs.runNow(agendaPostJob, sessionId, ['pending', 'failed']);
    return draft(context, sessionId, publishNotice(outcome));
  });
  onCardAction<Data>(app, Verb.agendaRepost, async (context, data) => {
    const sessionId = text(data, 'sessionId');
    assertCan(actorOf(context), 'agenda.manage');
    const outcome = await deps.jobs.runNow(agendaPostJob, sessionId, ['uncertain']);
    return draft(context, sessionId, outcome ? publishNotice(outcome) : 'Dit is al afgehandeld.');
  });
  onCardAction<Data>(app, Verb.agendaConfirmPosted, async (context, data) => {
    const sessionId = text(data, 'sessionId');
    const confirmed = await confirmAgendaPosted(deps, actorOf(context), sessionId);
    return draft(
      context,
      sessionId,
      confirmed
        ? 'Genoteerd: de agenda staat in het kanaal. Wijzigingen kunnen die kaart niet meer bijwerken; zet ze zo nodig zelf in het kanaal.'
        : 'Dit is al afgehandeld.',
    );
  });

  // "Mijn deel" on the channel card, and Teams' automatic refresh for invited participants: each person's own view.
  onCardAction<Data>(app, Verb.agendaMine, async (context, data) =>
    personalAgendaCard(await personalAgenda(deps, actorOf(context), text(data, 'sessionId'))),
  );
}
