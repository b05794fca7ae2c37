import {
  CardFactory,
  TurnContext,
  type Activity,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import {
  findConversation,
  findLatestConversation,
  findPersonalConversation,
  saveConversation,
} from '../../src/conversations/conversation-ref.repository.ts';
import { findActiveMemberByAadObjectId } from '../../src/members/member.repository.ts';
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/logger.ts';
import type { DeliveryResult, Notifier, OutgoingMessage } from '../../src/notify/notifier.ts';
import { throttlingStatusCodes, withRetry, type RetryPolicy } from '../../src/notify/retry.ts';

type Logic = (context: TurnContext) => Promise<void>;
export type ContinueConversation = (reference: Partial<ConversationReference>, logic: Logic) => Promise<void>;
export type CreateConversation = (
  serviceUrl: string,
  parameters: ConversationParameters,
  logic: Logic,
) => Promise<void>;

/** One try: the outbox keeps the message and tries again later. */
const noRetry: ReadonlySet<number> = new Set();

export function toActivity(message: OutgoingMessage): Partial<Activity> {
  return {
    type: 'message',
    ...(message.text ? { text: message.text } : {}),
    ...(message.card ? { attachments: [CardFactory.adaptiveCard(message.card)] } : {}),
  };
}

/**
 * botbuilder's HTTP client retries 5xx answers and network errors by itself, underneath any rule of ours: a 502
 * that came after Teams created a post would post it again. Every proactive call here gets exactly one HTTP try;
 * the outbox (and, for a channel post, the throttling rule below) decides what is tried again.
 */
function withoutSdkRetry(context: TurnContext): void {
  const key = (context.adapter as { ConnectorClientKey?: symbol } | undefined)?.ConnectorClientKey;
  type Connector = { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } };
  const connector = key ? context.turnState.get<Connector | undefined>(key) : undefined;
  connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

/**
 * Posts through Bot Framework's proactive messaging, one HTTP try per call: the outbox retries personal messages
 * and card updates; a channel post is repeated only after an answer that says Teams did not take it (412, 429).
 */
export class BotNotifier implements Notifier {
  constructor(
    private readonly deps: {
      db: Db;
      log: Logger;
      continueConversation: ContinueConversation;
      /** Opens a personal chat with someone the bot has not chatted with yet (Teams allows it within the tenant). */
      createConversation?: CreateConversation;
      retry?: { policy?: RetryPolicy; sleep?: (ms: number) => Promise<void> };
    },
  ) {}

  async toPerson(aadObjectId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    const conversation = await findPersonalConversation(this.deps.db, aadObjectId);
    return conversation
      ? this.send(conversation.reference, message, noRetry)
      : this.startPersonalChat(aadObjectId, message);
  }

  /** A member who never opened a chat with the bot: start one, remember it, and post there. */
  private async startPersonalChat(aadObjectId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    const member = await findActiveMemberByAadObjectId(this.deps.db, aadObjectId);
    const anchor = await findLatestConversation(this.deps.db);
    const known = anchor?.reference as Partial<ConversationReference> | undefined;
    if (!this.deps.createConversation || !member?.teamsUserId || !known?.serviceUrl || !known.bot)
      return this.undeliverable('personal');
    const tenantId = known.conversation?.tenantId;
    const parameters = {
      isGroup: false,
      bot: known.bot,
      members: [{ id: member.teamsUserId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    return this.deliver(
      (logic) => this.deps.createConversation!(known.serviceUrl!, parameters, logic),
      message,
      async (context) => {
        const reference = TurnContext.getConversationReference(context.activity);
        await saveConversation(this.deps.db, {
          conversationId: reference.conversation!.id,
          kind: 'personal',
          aadObjectId,
          reference,
        });
      },
      noRetry,
    );
  }

  async toConversation(conversationId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    const conversation = await findConversation(this.deps.db, conversationId);
    // Seen by everyone there: never risk posting it twice.
    return conversation
      ? this.send(conversation.reference, message, throttlingStatusCodes)
      : this.undeliverable('conversation');
  }

  async update(conversationId: string, activityId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    const conversation = await findConversation(this.deps.db, conversationId);
    if (!conversation) return this.undeliverable('conversation');
    let failure: Error | undefined;
    await this.deps.continueConversation(conversation.reference, async (context) => {
      try {
        withoutSdkRetry(context);
        await context.updateActivity({ ...toActivity(message), id: activityId });
      } catch (error) {
        failure = error instanceof Error ? error : new Error('delivery failed');
      }
    });
    if (failure) throw failure;
    return { delivered: true, activityId };
  }

  private retryOptions(retryOn?: ReadonlySet<number>) {
    return {
      ...this.deps.retry,
      ...(retryOn ? { retryOn } : {}),
      onRetry: (status: number, attempt: number, delayMs: number) =>
        this.deps.log.warn({ status, attempt, delayMs }, 'Teams asked to slow down: retrying'),
    };
  }

  private undeliverable(target: string): DeliveryResult {
    this.deps.log.warn({ target }, 'no saved conversation to post to');
    return { delivered: false, reason: 'no-conversation' };
  }

  private send(reference: object, message: OutgoingMessage, retryOn?: ReadonlySet<number>): Promise<DeliveryResult> {
    return this.deliver((logic) => this.deps.continueConversation(reference, logic), message, undefined, retryOn);
  }

  private async deliver(
    open: (logic: Logic) => Promise<void>,
    message: OutgoingMessage,
    before?: Logic,
    retryOn?: ReadonlySet<number>,
  ): Promise<DeliveryResult> {
    let activityId: string | undefined;
    let failure: Error | undefined;
    await open(async (context) => {
      // Caught here so the adapter's turn-error handler does not answer a proactive post with an apology.
      try {
        withoutSdkRetry(context);
        await before?.(context);
        const response = await withRetry(() => context.sendActivity(toActivity(message)), this.retryOptions(retryOn));
        activityId = response?.id;
      } catch (error) {
        failure = error instanceof Error ? error : new Error('delivery failed');
      }
    });
    if (failure) throw failure;
    return { delivered: true, activityId };
  }
}
