import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '../../cards/adaptive.ts';
import { sendCardActionResponse } from './turn-context.ts';

export type CardActionHandler<TData> = (context: TurnContext, data: TData) => Promise<AdaptiveCard | string>;

/**
 * Registers an Action.Execute verb whose answer replaces the card for the person who clicked only.
 * The handler's card goes out as our own invoke response: teams-ai would otherwise switch a verb whose
 * card has `refresh` to "replace for all" for good, editing the shared message on every (automatic)
 * refresh, which Teams answers with more refreshes (TOOLCHAIN.md). Shared messages are edited only
 * where their shared content changed, by the feature that changed it.
 */
export function onCardAction<TData = Record<string, unknown>>(
  app: Application<TurnState>,
  verb: string,
  handler: CardActionHandler<TData>,
): void {
  app.adaptiveCards.actionExecute<TData>(verb, async (context, _state, data) => {
    const result = await handler(context, data);
    await sendCardActionResponse(context, typeof result === 'string' ? { message: result } : { card: result });
    return result;
  });
}
