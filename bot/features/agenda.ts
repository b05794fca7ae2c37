import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import {
  agendaPointerCard,
  draftAgendaCard,
  myAgendaCard,
  personalAgendaCard,
  MoveInput,
  type DraftAgendaView,
} from '../../cards/agenda.card.ts';
import type { AdaptiveCard } from '../../cards/adaptive.ts';
import { Command } from '../../cards/commands.ts';
import { formatSession } from '../../cards/labels.ts';
import { Verb } from '../../cards/verbs.ts';
import { canChair } from '../../src/access/case-access.ts';
import { can } from '../../src/access/policy.ts';
import {
  channelAgenda,
  editAgenda,
  myAgenda,
  personalAgenda,
  type AgendaEdit,
  type AgendaView,
} from '../../src/conferences/agenda.ts';
import { confirmAgendaPosted } from '../../src/conferences/publish-agenda.ts';
import { publishNow, type PublishNow } from '../../src/conferences/publish-now.ts';
import { agendaDraft, postAgendaNow } from '../../src/conferences/table-views.ts';
import type { JobOutcome } from '../../src/jobs/runner.ts';
import type { BotDeps } from '../deps.ts';
import { id, onVerb, optionalId, registerCommand, text } from '../teams/routes.ts';
import { actorOf, channelOf, conversationKind } from '../teams/turn-context.ts';

function publishNotice(outcome: JobOutcome | undefined): string {
  if (!outcome) return 'De agenda is al gepubliceerd, of wordt op dit moment geplaatst.';
  if ('retryAt' in outcome)
    return 'Plaatsen in het kanaal lukte nu niet; de bot probeert het over een paar minuten opnieuw.';
  if (outcome.state === 'done')
    return 'De agenda staat in het kanaal. De uitgenodigde deelnemers krijgen hun deel in een persoonlijke chat.';
  if (outcome.state === 'missed') return began;
  if (outcome.state === 'uncertain')
    return 'Het plaatsen is onderbroken. Kijk in het kanaal of de agenda er staat; je krijgt een kaart om het af te ronden.';
  return outcome.reason === 'NO_CHANNEL' ? noChannel : notActive;
}

const noChannel =
  'Deze tafel heeft nog geen kanaal. Typ in het kanaal "@Casusbot tafel koppelen" en publiceer daarna opnieuw.';
const began = 'Het overleg is al begonnen: de agenda is niet meer geplaatst.';
const notActive = 'Dit overleg gaat niet door; er is niets geplaatst.';

/** What "Nu publiceren" answers at once; the post itself follows in the background. */
const publishNowNotices: Record<Exclude<PublishNow['state'], 'changed'>, string | undefined> = {
  started: undefined, // the card itself shows "Bezig met publiceren"
  published: 'De agenda is al gepubliceerd.',
  posting: 'De agenda wordt op dit moment al geplaatst.',
  noChannel,
  began,
  notActive,
};

/** The procesmanager's draft card, with a notice or the changes found when publishing. */
type Draft = (
  context: TurnContext,
  sessionId: string,
  notice?: string,
  extra?: Pick<DraftAgendaView, 'changes'>,
) => Promise<AdaptiveCard>;

/** What a button of the draft asks: add a case, move an item (a step, or to a chosen place), or take it off. */
function agendaEditOf(
  data: { action: string; caseId?: string; itemId?: string } & Record<string, unknown>,
): AgendaEdit | undefined {
  if (data.action === 'add') return data.caseId ? { action: 'add', caseId: data.caseId } : undefined;
  if (data.action === 'move') {
    const itemId = data.itemId ?? optionalId.safeParse(data[MoveInput.item]).data;
    const place = Number(text.parse(data.place ?? data[MoveInput.place]));
    return itemId && place > 0 ? { action: 'move', itemId, place } : undefined;
  }
  if (!data.itemId) return undefined;
  return data.action === 'up' || data.action === 'down' || data.action === 'remove'
    ? { action: data.action, itemId: data.itemId }
    : undefined;
}

/** `agenda.*`: the coming agendas, the procesmanager's draft with publishing, and each person's own part. */
export function registerAgenda(app: Application<TurnState>, deps: BotDeps): void {
  const mine = async (context: TurnContext) => {
    const actor = actorOf(context);
    const chairing = (a: AgendaView) => canChair(actor, { chairMemberId: a.table.chairMemberId });
    const agendas = (await myAgenda(deps, actor)).map((a) => ({ ...a, chairing: chairing(a) }));
    return myAgendaCard(agendas, { manage: can(actor, 'agenda.manage') });
  };
  const draft: Draft = async (context, sessionId, notice, extra = {}) => {
    const actor = actorOf(context);
    const view = await agendaDraft(deps, actor, sessionId);
    const chairing = canChair(actor, { chairMemberId: view.agenda.table.chairMemberId });
    return draftAgendaCard({ ...view, notice, chairing, ...extra });
  };
  /** In the channel: a coming published agenda of its table (the first, or the one chosen), or where to look. */
  const inChannel = async (context: TurnContext, sessionId?: string) => {
    const found = await channelAgenda(deps, actorOf(context), channelOf(context.activity), sessionId);
    if (found?.agenda) {
      const nextUnpublished =
        found.next && !found.next.agendaPublishedAt && found.next.startsAt < found.agenda.session.startsAt
          ? found.next.startsAt
          : undefined;
      return agendaPointerCard(found.agenda, { published: found.published, nextUnpublished });
    }
    if (found?.next)
      return `De agenda van ${found.table.name} voor ${formatSession(found.next.startsAt, found.table.schedule.timeZone)} is nog niet gepubliceerd.`;
    return 'De agenda met jouw casussen zie je in een persoonlijke chat met mij: typ daar "agenda".';
  };

  registerCommand(app, Command.agenda, async (context) => {
    const kind = conversationKind(context.activity);
    if (kind === 'personal') return mine(context);
    // In a shared conversation only what the channel may show: the table's published agenda, or where to look.
    if (kind === 'channel') return inChannel(context);
    return 'De agenda met jouw casussen zie je in een persoonlijke chat met mij: typ daar "agenda".';
  });
  onVerb(app, Verb.agendaPointer, { sessionId: optionalId }, (context, { sessionId }) => inChannel(context, sessionId));
  onVerb(app, Verb.agendaList, {}, (context) => mine(context));
  const session = { sessionId: id };
  onVerb(app, Verb.agendaShow, session, (context, { sessionId }) => draft(context, sessionId));
  const edit = { ...session, action: text, caseId: optionalId, itemId: optionalId };
  onVerb(app, Verb.agendaEdit, edit, async (context, data) => {
    const change = agendaEditOf(data);
    if (!change)
      return draft(
        context,
        data.sessionId,
        data.action === 'move' ? 'Kies eerst een casus en een plaats.' : 'Kies eerst een casus.',
      );
    deps.deliver(await editAgenda(deps, actorOf(context), data.sessionId, change));
    return draft(context, data.sessionId);
  });
  registerPublishing(app, deps, draft);
  // "Mijn deel" on the channel card, and Teams' automatic refresh for invited participants: each person's own view.
  onVerb(app, Verb.agendaMine, session, async (context, { sessionId }) =>
    personalAgendaCard(await personalAgenda(deps, actorOf(context), sessionId)),
  );
}

/** Posting the agenda now, again after an interrupted post, or confirming that the interrupted post is there. */
function registerPublishing(app: Application<TurnState>, deps: BotDeps, draft: Draft): void {
  const session = { sessionId: id };
  onVerb(app, Verb.agendaPublish, { ...session, seen: text }, async (context, { sessionId, seen }) => {
    const result = await publishNow(deps, actorOf(context), sessionId, seen || undefined);
    deps.deliver(result.notifications);
    const changes = result.state === 'changed' ? { changes: result.changes } : {};
    const card = await draft(
      context,
      sessionId,
      result.state === 'changed' ? undefined : publishNowNotices[result.state],
      changes,
    );
    // The answer is ready before the post starts: the channel post and the messages follow in the background.
    if (result.state === 'started')
      deps.background.run('agenda post', async () => {
        const outcome = await result.run();
        deps.log.info({ sessionId, outcome: 'state' in outcome ? outcome.state : 'retry' }, 'agenda published now');
      });
    return card;
  });
  onVerb(app, Verb.agendaRepost, session, async (context, { sessionId }) => {
    const outcome = await postAgendaNow(deps, actorOf(context), sessionId, 'uncertain');
    return draft(context, sessionId, outcome ? publishNotice(outcome) : 'Dit is al afgehandeld.');
  });
  onVerb(app, Verb.agendaConfirmPosted, session, async (context, { sessionId }) => {
    const confirmed = await confirmAgendaPosted(deps, actorOf(context), sessionId);
    const notice = confirmed
      ? 'Genoteerd: de agenda staat in het kanaal. Wijzigingen kunnen die kaart niet meer bijwerken; zet ze zo nodig zelf in het kanaal.'
      : 'Dit is al afgehandeld.';
    return draft(context, sessionId, notice);
  });
}
