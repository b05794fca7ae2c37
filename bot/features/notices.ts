import type { Application, TurnState } from '@microsoft/teams-ai';
import { Command } from '../../cards/commands.ts';
import { noticesCard } from '../../cards/notices.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { listUndeliveredNotices, retryNotice } from '../../src/notify/outbox.ts';
import type { BotDeps } from '../deps.ts';
import { id, onVerb, registerCommand } from '../teams/routes.ts';
import { actorOf } from '../teams/turn-context.ts';

/** `meldingen` (`notice.*`): what the bot could not deliver, for the procesmanager, and trying it again. */
export function registerNotices(app: Application<TurnState>, deps: BotDeps): void {
  registerCommand(app, Command.notices, async (context) =>
    noticesCard(await listUndeliveredNotices(deps, actorOf(context)), deps.figuresTimeZone),
  );
  onVerb(app, Verb.noticeRetry, { noticeId: id }, async (context, { noticeId }) => {
    await retryNotice(deps, actorOf(context), noticeId);
    deps.outbox.wake();
    return noticesCard(
      await listUndeliveredNotices(deps, actorOf(context)),
      deps.figuresTimeZone,
      'Casusbot probeert het bericht opnieuw te versturen.',
    );
  });
}
