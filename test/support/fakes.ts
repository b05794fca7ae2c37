import type { DeliveryResult, Notifier, OutgoingMessage } from '../../src/notify/notifier.ts';
import type { Clock } from '../../src/clock.ts';

/** Records what the bot would post without being asked. */
export class RecordingNotifier implements Notifier {
  readonly sent: { to: { person: string } | { conversation: string }; message: OutgoingMessage }[] = [];
  async toPerson(aadObjectId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    this.sent.push({ to: { person: aadObjectId }, message });
    return { delivered: true };
  }
  async toConversation(conversationId: string, message: OutgoingMessage): Promise<DeliveryResult> {
    this.sent.push({ to: { conversation: conversationId }, message });
    return { delivered: true };
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
