import type { Actor } from '../actor.ts';
import { saveConversation, type SavedConversation } from '../conversations/conversation-ref.repository.ts';
import { conversationNeedsSaving } from '../conversations/conversation.rules.ts';
import type { Db } from '../db/client.ts';
import { releaseWaitingMessages } from '../notify/outbox.repository.ts';
import { listActiveMembers, rememberTeamsUserId } from './member.repository.ts';
import type { MemberView } from './member.types.ts';
import { findTurnIdentity } from './turn-identity.repository.ts';

export interface IdentifyOptions {
  now?: Date;
  /** The person wrote: what waited for them is due again (called only when something waited). */
  onMessagesReleased?: (count: number) => void;
  /** The turn came from another tenant than the network's: a guest, who signs the geheimhoudingsverklaring too. */
  guest?: boolean;
}

/** Maps a Teams user to a registered member, or undefined when they are not (or no longer) one. */
export async function identifyActor(
  db: Db,
  user: { aadObjectId?: string; teamsUserId?: string },
  options: IdentifyOptions = {},
): Promise<Actor | undefined> {
  return identifyTurn(db, { user }, options);
}

/**
 * The start of a turn: remembers where the bot can post later (the conversation) and who the writer is in Teams,
 * and maps them to a member. One statement when nothing changed: it reads what is stored and writes only what
 * differs from it, so a repeat turn writes nothing.
 */
export async function identifyTurn(
  db: Db,
  turn: { user?: { aadObjectId?: string; teamsUserId?: string }; conversation?: SavedConversation },
  options: IdentifyOptions = {},
): Promise<Actor | undefined> {
  const aadObjectId = turn.user?.aadObjectId;
  const { member, conversation } = await findTurnIdentity(db, {
    ...(aadObjectId ? { aadObjectId } : {}),
    ...(turn.conversation ? { conversationId: turn.conversation.conversationId } : {}),
  });
  if (turn.conversation && conversationNeedsSaving(conversation, turn.conversation))
    await saveConversation(db, turn.conversation);
  if (!member) return undefined;
  const teamsUserId = turn.user?.teamsUserId;
  if (teamsUserId && member.teamsUserId !== teamsUserId) await rememberTeamsUserId(db, member.aadObjectId, teamsUserId);
  if (member.messagesWaiting && options.now && options.onMessagesReleased)
    options.onMessagesReleased(await releaseWaitingMessages(db, member.aadObjectId, options.now));
  return actorOf(member, options.guest ?? false);
}

/**
 * An incidentele deelnemer or a guest who has not accepted the current geheimhoudingsverklaring is marked as
 * such: the case-content rules in access/case-access.ts read the mark.
 */
function actorOf(member: MemberView, guest: boolean): Actor {
  const mustSign = member.occasional || guest;
  return {
    memberId: member.id,
    aadObjectId: member.aadObjectId,
    displayName: member.displayName,
    organisationId: member.organisationId,
    organisationName: member.organisationName,
    role: member.role,
    ...(mustSign && !member.acceptedConfidentiality ? { confidentialityPending: true as const } : {}),
  };
}

/** Names to tell a stranger whom to ask: the procesmanagers are the contact for non-members. */
export async function processManagerNames(db: Db): Promise<string[]> {
  return (await listActiveMembers(db, { role: 'processManager' })).map((m) => m.displayName);
}
