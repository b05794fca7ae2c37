import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { closestCommand } from '../../cards/commands.ts';
import { staleButtonCard } from '../../cards/meeting.card.ts';
import { isCardAction, sendCardActionResponse } from '../teams/turn-context.ts';

/** Registered last: a message no feature understood, and a button whose verb no feature knows. */
export function registerFallback(app: Application<TurnState>): void {
  // teams-ai answers an unknown verb with HTTP 501, which Teams shows as an error: say what to do instead.
  app.addRoute(
    async (context) => isCardAction(context.activity),
    async (context) => {
      await sendCardActionResponse(context, { card: staleButtonCard() });
    },
    true,
  );
  // Any other invoke no feature knows (botbuilder would answer 501): a 200 with a Dutch line where Teams shows one.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke,
    async (context) => {
      await sendCardActionResponse(context, { message: 'Dat kan ik (nog) niet. Typ "hulp" voor wat ik wel kan.' });
    },
    true,
  );
  app.activity(ActivityTypes.Message, async (context) => {
    const closest = closestCommand(context.activity.text ?? '');
    const suggestion = closest ? ` Bedoel je "${closest.title}"?` : '';
    await context.sendActivity(`Dat begrijp ik niet.${suggestion} Typ **hulp** voor een overzicht van wat ik kan.`);
  });
}
