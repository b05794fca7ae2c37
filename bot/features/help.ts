import type { Application, TurnState } from '@microsoft/teams-ai';
import { helpCard } from '../../cards/help.card.ts';
import { Command } from '../../cards/commands.ts';
import { identifyActor } from '../../src/members/identify-actor.ts';
import type { BotDeps } from '../deps.ts';
import { registerCommand, send } from '../teams/routes.ts';
import { actorOf, conversationKind } from '../teams/turn-context.ts';

/** `hulp`, and the welcome when the bot is added to a chat or team. */
export function registerHelp(app: Application<TurnState>, deps: BotDeps): void {
  registerCommand(app, Command.help, async (context) =>
    helpCard({ welcome: false, viewer: actorOf(context), shared: conversationKind(context.activity) !== 'personal' }),
  );

  // Welcome once, when the bot is added; not when other people join later.
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (!context.activity.membersAdded?.some((m) => m.id === botId)) return;
    // Install events skip the identify step's membership check: look the installer up, if they are a member.
    const aadObjectId = context.activity.from?.aadObjectId;
    const viewer = aadObjectId ? await identifyActor(deps.db, { aadObjectId }) : undefined;
    await send(context, helpCard({ welcome: true, viewer, shared: conversationKind(context.activity) !== 'personal' }));
  });
}
