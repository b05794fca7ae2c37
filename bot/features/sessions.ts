import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { Command } from '../../cards/commands.ts';
import { formValuesOf } from '../../cards/form.ts';
import { closeConfirmCard, meetingEndedCard, minutesCard } from '../../cards/meeting.card.ts';
import { moveInputIds } from '../../cards/tables.card.ts';
import { Verb } from '../../cards/verbs.ts';
import {
  addExtraSession,
  cancelSession,
  moveSession,
  type SessionChangeResult,
} from '../../src/conferences/sessions.ts';
import { chairedSession, closePreview } from '../../src/meetings/close-preview.ts';
import { sessionMinutes } from '../../src/meetings/minutes.ts';
import { advanceSession, closeSession, openSession, type SessionStep } from '../../src/meetings/run-session.ts';
import { sessionOfChannel, sessionOfMeeting } from '../../src/meetings/session-lookup.ts';
import type { BotDeps } from '../deps.ts';
import { channelCardFor } from '../shared/notifications.ts';
import { sessionListCard } from '../shared/session-list.ts';
import { id, onVerb, optionalId, registerCommand, send, text } from '../teams/routes.ts';
import { actorOf, channelOf, conversationKind, teamsChannelData } from '../teams/turn-context.ts';

const already = 'Dat is al gebeurd: de kaart in het kanaal toont de actuele stand.';

/** What the chair reads after a step: what happened, or that it had happened already (the others are told). */
async function steppedNotice(deps: BotDeps, step: SessionStep, done: string): Promise<string> {
  deps.deliver(step.notifications);
  return step.changed ? done : already;
}

/** `session.*`: planning a table's meetings, and running one from the channel card (or from Teams). */
export function registerSessions(app: Application<TurnState>, deps: BotDeps): void {
  registerPlanning(app, deps);
  registerChairing(app, deps);
  registerMeetingEvents(app, deps);
}

/** The chair opens the meeting, moves through its cases and closes it, from the channel card. */
function registerChairing(app: Application<TurnState>, deps: BotDeps): void {
  const stepped = (step: SessionStep, done: string) => steppedNotice(deps, step, done);
  // The chair runs the meeting from the channel card; the answer goes to the chair only, the card is edited for all.
  const session = { sessionId: id };
  const item = { ...session, itemId: optionalId };
  onVerb(app, Verb.sessionOpen, session, async (context, { sessionId }) =>
    stepped(
      await openSession(deps, actorOf(context), sessionId),
      'Het overleg is geopend. De deelnemers krijgen de eerste casus in hun chat.',
    ),
  );
  onVerb(app, Verb.sessionNext, item, async (context, { sessionId, itemId }) =>
    stepped(
      await advanceSession(deps, actorOf(context), sessionId, 'next', itemId ?? ''),
      'Door naar de volgende casus.',
    ),
  );
  onVerb(app, Verb.sessionSkip, item, async (context, { sessionId, itemId }) =>
    stepped(
      await advanceSession(deps, actorOf(context), sessionId, 'skip', itemId ?? ''),
      'De casus is doorgeschoven naar het volgende overleg.',
    ),
  );
  // "Overleg sluiten" asks first, with what will happen; only "Ja, overleg sluiten" (session.close) closes.
  onVerb(app, Verb.sessionCloseAsk, session, async (context, { sessionId }) =>
    closeConfirmCard(await closePreview(deps, actorOf(context), sessionId)),
  );
  // "Terug naar het overleg": the meeting's card as the channel shows it (nothing personal on it).
  onVerb(app, Verb.sessionShow, session, async (context, { sessionId }) => {
    await chairedSession(deps, actorOf(context), sessionId);
    return channelCardFor(deps, sessionId);
  });
  onVerb(app, Verb.sessionClose, session, async (context, { sessionId }) =>
    stepped(await closeSession(deps, actorOf(context), sessionId), 'Het overleg is gesloten.'),
  );
  onVerb(app, Verb.sessionMinutes, session, async (context, { sessionId }) =>
    minutesCard(await sessionMinutes(deps, actorOf(context), sessionId)),
  );
}

/** The procesmanager moves, cancels and adds meetings of a table. */
function registerPlanning(app: Application<TurnState>, deps: BotDeps): void {
  /**
   * After a change: tell people in the background, show the fresh list at once. A refused change comes back with
   * the typed values and the messages at the inputs they came from (`ids`).
   */
  const changed = async (
    context: TurnContext,
    data: { tableId: string } & Record<string, unknown>,
    result: SessionChangeResult,
    notice: string,
    ids = { date: 'date', time: 'time' },
  ) => {
    if (!result.ok) {
      const at = (key: string) => ids[key as keyof typeof ids] ?? key;
      const errors = Object.fromEntries(Object.entries(result.errors).map(([key, message]) => [at(key), message]));
      return sessionListCard(deps, context, data.tableId, { errors, values: formValuesOf(data) });
    }
    deps.log.info({ sessionId: result.session.id, status: result.session.status }, 'session changed');
    deps.deliver(result.notifications);
    return sessionListCard(deps, context, data.tableId, { notice });
  };
  const planned = { sessionId: id, tableId: id };
  onVerb(app, Verb.sessionMove, planned, async (context, data) => {
    // Each session's move inputs have their own ids: the inputs of all show cards on a card share one id space.
    const ids = moveInputIds(data.sessionId);
    const when = { date: text.parse(data[ids.date]), time: text.parse(data[ids.time]) };
    const result = await moveSession(deps, actorOf(context), data.sessionId, when);
    return changed(context, data, result, 'Het overleg is verplaatst; de betrokkenen krijgen bericht.', ids);
  });
  onVerb(app, Verb.sessionCancel, planned, async (context, data) => {
    const result = await cancelSession(deps, actorOf(context), data.sessionId);
    const notice = 'Het overleg is geannuleerd; de casussen zijn doorgeschoven en de betrokkenen krijgen bericht.';
    return changed(context, data, result, notice);
  });
  onVerb(app, Verb.sessionAdd, { tableId: id, submissionId: text }, async (context, data) => {
    const result = await addExtraSession(deps, actorOf(context), data.tableId, formValuesOf(data), data.submissionId);
    return changed(context, data, result, 'Het extra overleg is toegevoegd.');
  });
}

/**
 * Starting from Teams: `@Casusbot overleg starten` in the table's channel; and the table's Teams meeting (linked with
 * "tafel koppelen" in its chat), whose start opens the session and whose end offers the chair to close it. Teams
 * sends those events only with the RSC permissions in the manifest.
 */
function registerMeetingEvents(app: Application<TurnState>, deps: BotDeps): void {
  // `@Casusbot overleg starten` in the table's channel: the meeting of today opens.
  registerCommand(app, Command.startSession, async (context) => {
    if (conversationKind(context.activity) !== 'channel')
      return 'Start het overleg in het kanaal van de tafel: "@Casusbot overleg starten", of met de knop op de agenda.';
    const { table, session: today } = await sessionOfChannel(deps, channelOf(context.activity));
    if (!today)
      return table
        ? `Er is vandaag geen overleg van ${table.name}. Een overleg op een andere dag open je met "Overleg starten" op de agenda in dit kanaal.`
        : 'Aan dit kanaal is geen overlegtafel gekoppeld. De procesmanager koppelt er een met "@Casusbot tafel koppelen".';
    const step = await openSession(deps, actorOf(context), today.id);
    return steppedNotice(
      deps,
      step,
      'Het overleg is geopend. De kaart hierboven volgt het overleg; de deelnemers krijgen de casus in hun chat.',
    );
  });
  const today = (context: TurnContext) => {
    const meetingId = teamsChannelData(context.activity).meeting?.id;
    return meetingId ? sessionOfMeeting(deps, meetingId) : Promise.resolve({ table: undefined, session: undefined });
  };
  app.meetings.start(async (context) => {
    const { session } = await today(context);
    if (!session) return;
    const step = await openSession(deps, 'system', session.id);
    deps.log.info({ sessionId: session.id, opened: step.changed }, 'Teams meeting started');
    deps.deliver(step.notifications);
  });
  app.meetings.end(async (context) => {
    const { table, session } = await today(context);
    if (!table || !session?.openedAt || session.closedAt) return;
    await send(context, meetingEndedCard(table.name, session.id));
  });
}
