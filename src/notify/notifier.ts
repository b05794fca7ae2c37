/**
 * Everything the bot says without being asked (channel posts, personal reminders) goes through this.
 * Tests substitute a recording fake; the bot implements it with Bot Framework's proactive messaging.
 */
export interface OutgoingMessage {
  /** Dutch text; for channels it must hold no personal data. */
  text?: string;
  /** An Adaptive Card (JSON). */
  card?: object;
}

export type DeliveryResult = { delivered: true; activityId?: string } | { delivered: false; reason: 'no-conversation' };

export interface Notifier {
  /** A personal chat message to a member, by their Azure AD object id. */
  toPerson(aadObjectId: string, message: OutgoingMessage): Promise<DeliveryResult>;
  /** A post in a saved channel or group chat; a channel post starts a new thread. */
  toConversation(conversationId: string, message: OutgoingMessage): Promise<DeliveryResult>;
  /** Replaces a message the bot posted earlier (a card edited in place). */
  update(conversationId: string, activityId: string, message: OutgoingMessage): Promise<DeliveryResult>;
}
