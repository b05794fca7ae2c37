import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { suggestCommand, type BotCommand } from '../../cards/commands.ts';
import { unknownCommandCard } from '../../cards/help.card.ts';
import { staleButtonCard } from '../../cards/meeting.card.ts';
import { can } from '../../src/access/policy.ts';
import { send } from '../teams/routes.ts';
import { actorIfKnown, conversationKind, isCardAction, sendCardActionResponse } from '../teams/turn-context.ts';

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
  // What was typed matched no command: the closest one this person may use, as a question with its button.
  app.activity(ActivityTypes.Message, async (context) => {
    const actor = actorIfKnown(context);
    const shared = conversationKind(context.activity) !== 'personal';
    // Where everyone reads the answer: what every deelnemer may do there, as the help card lists it.
    const who = shared || !actor ? { role: 'participant' as const } : actor;
    const may = (c: BotCommand) =>
      (c.permission === undefined || can(who, c.permission)) && !(shared && c.personalOnly);
    await send(context, unknownCommandCard(suggestCommand(context.activity.text ?? '', may), { shared }));
  });
}
