import type { Tx } from '../db/client.ts';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface SavedConversation {
  conversationId: string;
  kind: ConversationKind;
  aadObjectId?: string;
  teamId?: string;
  channelId?: string;
  /** The Bot Framework conversation reference, opaque to the domain. */
  reference: object;
}

export async function saveConversation(tx: Tx, c: SavedConversation): Promise<void> {
  const data = {
    kind: c.kind,
    aadObjectId: c.aadObjectId ?? null,
    teamId: c.teamId ?? null,
    channelId: c.channelId ?? null,
    reference: c.reference,
  };
  await tx.conversationRef.upsert({
    where: { conversationId: c.conversationId },
    create: { conversationId: c.conversationId, ...data },
    update: data,
  });
}

export async function findConversation(tx: Tx, conversationId: string): Promise<SavedConversation | undefined> {
  const row = await tx.conversationRef.findUnique({ where: { conversationId } });
  return row ? fromRow(row) : undefined;
}

/** The personal chat with this person, the most recently used if Teams gave them several. */
export async function findPersonalConversation(tx: Tx, aadObjectId: string): Promise<SavedConversation | undefined> {
  const row = await tx.conversationRef.findFirst({
    where: { kind: 'personal', aadObjectId },
    orderBy: { updatedAt: 'desc' },
  });
  return row ? fromRow(row) : undefined;
}

/** The most recently used conversation of any kind: where the bot last heard from Teams (service URL, tenant). */
export async function findLatestConversation(tx: Tx): Promise<SavedConversation | undefined> {
  const row = await tx.conversationRef.findFirst({ orderBy: { updatedAt: 'desc' } });
  return row ? fromRow(row) : undefined;
}

function fromRow(row: {
  conversationId: string;
  kind: ConversationKind;
  aadObjectId: string | null;
  teamId: string | null;
  channelId: string | null;
  reference: unknown;
}): SavedConversation {
  return {
    conversationId: row.conversationId,
    kind: row.kind,
    aadObjectId: row.aadObjectId ?? undefined,
    teamId: row.teamId ?? undefined,
    channelId: row.channelId ?? undefined,
    reference: row.reference as object,
  };
}
