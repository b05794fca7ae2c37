import { isDeepStrictEqual } from 'node:util';
import type { SavedConversation } from './conversation-ref.repository.ts';

/**
 * Whether a turn's conversation must be written: it is new, something of it changed, or (a personal chat) it is
 * not the one most recently stored for that person, which is where messages to them go. Compared with what the
 * database holds in this turn, never with a copy in memory, so a second instance's write is never missed; two
 * instances deciding at once both write, which is harmless.
 */
export function conversationNeedsSaving(
  stored: (SavedConversation & { latestPersonalId?: string }) | undefined,
  next: SavedConversation,
): boolean {
  if (!stored) return true;
  if (next.kind === 'personal' && stored.latestPersonalId !== next.conversationId) return true;
  return !isDeepStrictEqual(comparable(stored), comparable(next));
}

/** As the database gives it back: JSON without undefined members (jsonb keeps no key order; the comparison ignores it). */
function comparable(c: SavedConversation) {
  return {
    kind: c.kind,
    aadObjectId: c.aadObjectId ?? null,
    teamId: c.teamId ?? null,
    channelId: c.channelId ?? null,
    reference: JSON.parse(JSON.stringify(c.reference)) as unknown,
  };
}
