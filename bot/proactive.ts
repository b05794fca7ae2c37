import { CardFactory, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import { findConversation, findPersonalConversation } from '../src/conversations/conversation-ref.repository.ts';
import type { Db } from '../src/db/client.ts';
import type { Logger } from '../src/logger.ts';
import type { DeliveryResult, Notifier, OutgoingMessage } from '../src/notify/notifier.ts';
import { withRetry, type RetryPolicy } from '../src/notify/retry.ts';

export type ContinueConversation = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

export function toActivity(message: OutgoingMessage): Partial<Activity> {
  return {
    type: 'message',
    ...(message.text ? { text: message.text } : {}),
    ...(message.card ? { attachments: [CardFactory.adaptiveCard(message.card)] } : {}),
  };
}

/** Posts through Bot Framework's proactive messaging, retrying Teams' throttling with backoff. */
export class BotNotifier implements Notifier {
  constructor(
    private readonly deps: {
      db: Db;
      log: Logger;
      continueConversation: ContinueConversation;
      retry?: { policy?: RetryPolicy; sleep?: (ms: number) => Promise<void> };
    },
  ) {}

  async toPerson(aadObjectId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    const conversation = await findPersonalConversation(this.deps.db, aadObjectId);
    return conversation ? this.send(conversation.reference, message) : this.undeliverable('personal');
  }

  async toConversation(conversationId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    const conversation = await findConversation(this.deps.db, conversationId);
    return conversation ? this.send(conversation.reference, message) : this.undeliverable('conversation');
  }

  private undeliverable(target: string): DeliveryResult {
    this.deps.log.warn({ target }, 'no saved conversation to post to');
    return { delivered: false, reason: 'no-conversation' };
  }

  private async send(reference: object, message: OutgoingMessage): Promise<DeliveryResult> {
    let activityId: string | undefined;
    let failure: unknown;
    await this.deps.continueConversation(reference as Partial<ConversationReference>, async (context) => {
      // Caught here so the adapter's turn-error handler does not answer a proactive post with an apology.
      try {
        const response = await withRetry(() => context.sendActivity(toActivity(message)), {
          ...this.deps.retry,
          onRetry: (status, attempt, delayMs) => this.deps.log.warn({ status, attempt, delayMs }, 'Teams asked to slow down: retrying'),
        });
        activityId = response?.id;
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
    return { delivered: true, activityId };
  }
}
