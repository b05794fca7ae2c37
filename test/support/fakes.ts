import type { DeliveryResult, Notifier, OutgoingMessage } from '../../src/notify/notifier.ts';
import type { Clock } from '../../src/clock.ts';

/** Records what the bot would post without being asked. */
export class RecordingNotifier implements Notifier {
  readonly sent: { to: { person: string } | { conversation: string }; message: OutgoingMessage; activityId: string }[] =
    [];
  readonly updates: { conversationId: string; activityId: string; message: OutgoingMessage }[] = [];
  private nextId = 1;
  private held: Promise<void> | undefined;
  /** Teams being slow: from now on every personal message waits until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    return () => {
      this.held = undefined;
      release();
    };
  }
  async toPerson(aadObjectId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    if (this.held) await this.held;
    const activityId = `activity-${this.nextId++}`;
    this.sent.push({ to: { person: aadObjectId }, message, activityId });
    return { delivered: true, activityId };
  }
  async toConversation(conversationId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    const activityId = `activity-${this.nextId++}`;
    this.sent.push({ to: { conversation: conversationId }, message, activityId });
    return { delivered: true, activityId };
  }
  async update(conversationId: string, activityId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    this.updates.push({ conversationId, activityId, message });
    return { delivered: true, activityId };
  }
  /** Posts in a channel or group chat. */
  inConversation(conversationId: string): OutgoingMessage[] {
    return this.sent
      .filter((s) => 'conversation' in s.to && s.to.conversation === conversationId)
      .map((s) => s.message);
  }
  to(aadObjectId: string): OutgoingMessage[] {
    return this.sent.filter((s) => 'person' in s.to && s.to.person === aadObjectId).map((s) => s.message);
  }
}

export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = date;
  }
}
