import type { Actor } from '../actor.ts';
import type { Db } from '../db/client.ts';
import { releaseWaitingMessages } from '../notify/outbox.repository.ts';
import { findActiveMemberByAadObjectId, listActiveMembers, rememberTeamsUserId } from './member.repository.ts';

/** Maps a Teams user to a registered member, or undefined when they are not (or no longer) one. */
export async function identifyActor(
  db: Db,
  user: { aadObjectId?: string; teamsUserId?: string },
  /** The person wrote: what waited for them is due again (called only when something waited). */
  options: { now?: Date; onMessagesReleased?: (count: number) => void } = {},
): Promise<Actor | undefined> {
  if (!user.aadObjectId) return undefined;
  const member = await findActiveMemberByAadObjectId(db, user.aadObjectId);
  if (!member) return undefined;
  if (user.teamsUserId) await rememberTeamsUserId(db, member.aadObjectId, user.teamsUserId);
  if (member.messagesWaiting && options.now && options.onMessagesReleased)
    options.onMessagesReleased(await releaseWaitingMessages(db, member.aadObjectId, options.now));
  return {
    memberId: member.id,
    aadObjectId: member.aadObjectId,
    displayName: member.displayName,
    organisationId: member.organisationId,
    organisationName: member.organisationName,
    role: member.role,
  };
}

/** Names to tell a stranger whom to ask: the procesmanagers are the contact for non-members. */
export async function processManagerNames(db: Db): Promise<string[]> {
  return (await listActiveMembers(db, { role: 'processManager' })).map((m) => m.displayName);
}
