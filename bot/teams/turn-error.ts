import { randomUUID } from 'node:crypto';
import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/adaptive.ts';
import { unavailableCard } from '../../cards/pushed.card.ts';
import { DomainError, ErrorCode, type DomainErrorDetails } from '../../src/errors.ts';
import { databaseUnavailableCode } from '../../src/db/unavailable.ts';
import type { Logger } from '../../src/logger.ts';
import { databaseUnavailableMessage, userMessageFor } from './error-messages.ts';
import { isCardAction, sendCardActionResponse } from './turn-context.ts';

/**
 * The last stop for a turn that threw. The user reads a short Dutch answer; the log gets a
 * correlation id and the error's kind and stack, never the message text or card inputs.
 * Use cases write in transactions, so a failed turn leaves nothing half-written. A database that does not answer
 * (refused, timed out, connection lost) is logged by its code alone and told as such: try again in a minute.
 */
export function createTurnErrorHandler(
  log: Logger,
  options: {
    onRefused?(context: TurnContext, error: DomainError): Promise<void>;
    /** A card to answer a refusal with instead of its message (the geheimhoudingsverklaring to accept). */
    cardForRefusal?(context: TurnContext, error: DomainError): Promise<AdaptiveCard | undefined>;
  } = {},
) {
  return async function onTurnError(context: TurnContext, error: Error): Promise<void> {
    const correlationId = randomUUID();
    const kind = { correlationId, activityType: context.activity.type, activityName: context.activity.name };
    let reply: string;
    let card: AdaptiveCard | undefined;
    const databaseCode = error instanceof DomainError ? undefined : databaseUnavailableCode(error);
    if (databaseCode) {
      // The database did not answer in time: its timeouts end the turn well within Teams' 15 seconds.
      log.error({ ...kind, code: databaseCode }, 'turn failed: the database did not answer');
      reply = databaseUnavailableMessage;
    } else if (error instanceof DomainError) {
      log.info({ ...kind, code: error.code, details: loggableDetails(error.details) }, 'turn refused');
      reply = userMessageFor(error);
      await options
        .onRefused?.(context, error)
        .catch((logError: unknown) =>
          log.error({ correlationId, errorType: (logError as Error)?.name }, 'could not log the refusal'),
        );
      card = await options.cardForRefusal?.(context, error).catch(() => undefined);
    } else {
      log.error({ ...kind, errorType: error?.name, stack: stackWithoutMessage(error) }, 'turn failed');
      reply = `Sorry, er ging iets mis. Er is niets half opgeslagen; probeer het opnieuw. Blijft het misgaan, noem dan code ${correlationId.slice(0, 8)} aan de procesmanager.`;
    }
    try {
      if (card && isCardAction(context.activity)) await sendCardActionResponse(context, { card });
      else if (card && context.activity.type === ActivityTypes.Message)
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      else if (isCardAction(context.activity))
        await sendCardActionResponse(
          context,
          goneOnRefresh(context, error) ? { card: unavailableCard() } : { message: reply },
        );
      else if (context.activity.type !== ActivityTypes.Invoke) await context.sendActivity(reply);
    } catch (sendError) {
      log.error({ correlationId, errorType: (sendError as Error)?.name }, 'could not send the error reply');
    }
  };
}

/**
 * Teams refreshes a card by itself as it is seen (`trigger: 'automatic'`). When what it showed is gone or no longer
 * for this person, the card becomes one that says so: a message answer would leave the old card, content and all,
 * in place. A click hears the usual Dutch message.
 */
function goneOnRefresh(context: TurnContext, error: Error): boolean {
  const trigger = (context.activity.value as { trigger?: string } | undefined)?.trigger;
  return (
    trigger === 'automatic' &&
    error instanceof DomainError &&
    (error.code === ErrorCode.NotFound || error.code === ErrorCode.Forbidden)
  );
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Details whose text the code sets itself: a permission, a conflict's reason, the name of the field that was wrong. */
const codeKeys = new Set(['permission', 'reason', 'field']);

/**
 * What of a refusal's details reaches the log: numbers, flags, the code's own words, and ids of the form the bot
 * issues. Any other text may have come from a card or a message (a name typed where an id belongs) and is left out.
 */
export function loggableDetails(details: DomainErrorDetails): Record<string, string | number | boolean> {
  const kept: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined) continue;
    if (typeof value !== 'string' || codeKeys.has(key) || uuid.test(value)) kept[key] = value;
    else kept[key] = '(omitted)';
  }
  return kept;
}

/** Stack frames only: an error's first line may quote data (a SQL value, a card input). */
function stackWithoutMessage(error: Error | undefined): string | undefined {
  return error?.stack?.split('\n').slice(1).join('\n');
}
