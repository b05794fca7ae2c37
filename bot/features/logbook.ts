import { CardFactory } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { caseLogbookCard, unusualAccessCard } from '../../cards/logbook.card.ts';
import { caseLogbook, unusualAccess } from '../../src/audit/logbook.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf, inPersonalChat } from '../teams/turn-context.ts';

/** The procesmanager's view of the logbook: one case (`logboek ZVH-…`), or who stands out (`logboek`). */
export function registerLogbook(app: Application<TurnState>, deps: BotDeps): void {
  app.message(/^\s*logboek(\s+ZVH-\d{4}-\d{1,6})?\s*$/i, async (context) => {
    if (!(await inPersonalChat(context, 'logboek'))) return;
    const reference = /ZVH-\d{4}-\d{1,6}/i.exec(context.activity.text ?? '')?.[0].toUpperCase();
    const shown = reference
      ? caseLogbookCard(await caseLogbook(deps, actorOf(context), reference))
      : unusualAccessCard(await unusualAccess(deps, actorOf(context)));
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(shown)] });
  });
}
