import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { helpCard } from '../../cards/help.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { findActiveMemberByAadObjectId } from '../../src/members/member.repository.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf } from '../turn-context.ts';

export function registerHelp(app: Application<TurnState>, deps: BotDeps): void {
  const cardFor = async (context: TurnContext, welcome: boolean) => {
    const aad = context.activity.from?.aadObjectId;
    const member = aad ? await findActiveMemberByAadObjectId(deps.db, aad) : undefined;
    return helpCard({ welcome, viewer: member && { role: member.role, organisationName: member.organisationName } });
  };

  app.message(/^\s*(hulp|help|\?)\s*$/i, async (context) => {
    actorOf(context);
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await cardFor(context, false))] });
  });
  app.adaptiveCards.actionExecute(Verb.showHelp, async (context) => cardFor(context, false));

  // Welcome once, when the bot is added to a chat or team; not when other people join later.
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (!context.activity.membersAdded?.some((m) => m.id === botId)) return;
    await context.sendActivity({ type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(await cardFor(context, true))] });
  });
}
