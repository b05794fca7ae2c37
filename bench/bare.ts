// The framework's floor: a bare teams-ai Application, no database, that answers an Action.Execute with a fixed card
// and a message with a fixed line. The claim bench runs it in process (TestAdapter); the load bench over HTTP.
import { Application, TurnState } from '@microsoft/teams-ai';
import { MemoryStorage } from 'botbuilder';

/** What the bare bot answers to every Action.Execute (the text of a won claim, so both answers are alike). */
export const bareCardText = 'Je hebt deze actie opgepakt.';
/** What it answers to every message. */
export const bareMessageText = 'Kale teams-ai: bericht ontvangen.';

export function bareApplication(): Application<TurnState> {
  const fixedCard = {
    type: 'AdaptiveCard' as const,
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: bareCardText, wrap: true }],
  };
  const bare = new Application<TurnState>({
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  bare.adaptiveCards.actionExecute(/.*/, async () => fixedCard);
  bare.message(/.*/, async (context) => {
    await context.sendActivity(bareMessageText);
  });
  return bare;
}
