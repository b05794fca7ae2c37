import { ActivityTypes } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';

/** Registered last: a message no feature understood. */
export function registerFallback(app: Application<TurnState>): void {
  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity('Dat begrijp ik niet. Typ **hulp** voor een overzicht van wat ik kan.');
  });
}
