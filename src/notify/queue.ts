import type { Tx } from '../db/client.ts';
import type { Notification } from './notification.ts';
import { insertOutboxMessages, type NewOutboxMessage } from './outbox.repository.ts';

/**
 * Queues what a use case tells people in the outbox, inside the transaction of the change that causes it: the
 * change and its messages land together or not at all. One row per recipient; a channel card waits in the outbox
 * at most once (it is rendered when sent, so one update shows every change before it). `dedupeKey` makes a repeat
 * of the same work (a job that runs again) queue nothing twice.
 */
export async function queueNotifications(
  tx: Tx,
  notifications: readonly Notification[],
  now: Date,
  options: { dedupeKey?: string } = {},
): Promise<void> {
  const rows = notifications.map((n, index): NewOutboxMessage => {
    const payload = JSON.parse(JSON.stringify(n)) as NewOutboxMessage['payload'];
    if (n.kind === 'agendaChanged')
      return { target: 'channelCard', recipient: n.sessionId, kind: n.kind, payload, dedupeKey: `card:${n.sessionId}` };
    const dedupeKey = options.dedupeKey ? `${options.dedupeKey}:${index}` : undefined;
    return { target: 'person', recipient: n.to, kind: n.kind, payload, ...(dedupeKey ? { dedupeKey } : {}) };
  });
  await insertOutboxMessages(tx, rows, now);
}

/**
 * A use case's way to tell people: queues them in its transaction (see queueNotifications) and returns them, so
 * the result can say what was told. The bot only wakes the outbox afterwards.
 */
export async function tell<T extends Notification>(
  tx: Tx,
  now: Date,
  notifications: T[],
  options: { dedupeKey?: string } = {},
): Promise<T[]> {
  await queueNotifications(tx, notifications, now, options);
  return notifications;
}
