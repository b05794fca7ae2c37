import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { DomainError } from '../../src/errors.ts';
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
  options: { onRefused?(context: TurnContext, error: DomainError): Promise<void> } = {},
) {
  return async function onTurnError(context: TurnContext, error: Error): Promise<void> {
    const correlationId = randomUUID();
    const kind = { correlationId, activityType: context.activity.type, activityName: context.activity.name };
    let reply: string;
    const databaseCode = error instanceof DomainError ? undefined : databaseUnavailableCode(error);
    if (databaseCode) {
      // The database did not answer in time: its timeouts end the turn well within Teams' 15 seconds.
      log.error({ ...kind, code: databaseCode }, 'turn failed: the database did not answer');
      reply = databaseUnavailableMessage;
    } else if (error instanceof DomainError) {
      log.info({ ...kind, code: error.code, details: error.details }, 'turn refused');
      reply = userMessageFor(error);
      await options
        .onRefused?.(context, error)
        .catch((logError: unknown) =>
          log.error({ correlationId, errorType: (logError as Error)?.name }, 'could not log the refusal'),
        );
    } else {
      log.error({ ...kind, errorType: error?.name, stack: stackWithoutMessage(error) }, 'turn failed');
      reply = `Sorry, er ging iets mis. Er is niets half opgeslagen; probeer het opnieuw. Blijft het misgaan, noem dan code ${correlationId.slice(0, 8)} aan de procesmanager.`;
    }
    try {
      if (isCardAction(context.activity)) await sendCardActionResponse(context, { message: reply });
      else if (context.activity.type !== ActivityTypes.Invoke) await context.sendActivity(reply);
    } catch (sendError) {
      log.error({ correlationId, errorType: (sendError as Error)?.name }, 'could not send the error reply');
    }
  };
}

/** Stack frames only: an error's first line may quote data (a SQL value, a card input). */
function stackWithoutMessage(error: Error | undefined): string | undefined {
  return error?.stack?.split('\n').slice(1).join('\n');
}
