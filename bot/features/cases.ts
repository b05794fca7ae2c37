import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { casesCard } from '../../cards/cases.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { listCasesFor } from '../../src/cases/view-cases.ts';
import { onCardAction } from '../teams/card-action.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf, inPersonalChat } from '../teams/turn-context.ts';

export function registerCases(app: Application<TurnState>, deps: BotDeps): void {
  const list = async (context: TurnContext) => casesCard(await listCasesFor(deps.db, actorOf(context)));
  app.message(/^\s*casussen\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'casussen'))) return;
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await list(context))] });
  });
  onCardAction(app, Verb.casesList, async (context) => list(context));
}
