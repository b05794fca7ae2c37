import { ActivityTypes, CardFactory } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { helpCard } from '../../cards/help.card.ts';
import { findActiveMemberByAadObjectId } from '../../src/members/member.repository.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf, conversationKind } from '../teams/turn-context.ts';

export function registerHelp(app: Application<TurnState>, deps: BotDeps): void {
  app.message(/^\s*(hulp|help|\?)\s*$/i, async (context) => {
    const shared = conversationKind(context.activity) !== 'personal';
    await context.sendActivity({
      attachments: [CardFactory.adaptiveCard(helpCard({ welcome: false, viewer: actorOf(context), shared }))],
    });
  });

  // Welcome once, when the bot is added to a chat or team; not when other people join later.
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (!context.activity.membersAdded?.some((m) => m.id === botId)) return;
    // Install events skip the identify step's membership check: look the installer up, if they are a member.
    const aad = context.activity.from?.aadObjectId;
    const viewer = aad ? await findActiveMemberByAadObjectId(deps.db, aad) : undefined;
    const shared = conversationKind(context.activity) !== 'personal';
    await context.sendActivity({
      type: ActivityTypes.Message,
      attachments: [CardFactory.adaptiveCard(helpCard({ welcome: true, viewer, shared }))],
    });
  });
}
