import type { Tx } from '../db/client.ts';
import type { ConversationKind, SavedConversation } from '../conversations/conversation-ref.repository.ts';
import type { MemberRole, MemberView } from './member.types.ts';

export interface TurnIdentity {
  /** The active member with this Entra id, with their organisation. */
  member?: MemberView;
  /** What is stored of the turn's conversation, and the personal chat stored last for this person. */
  conversation?: SavedConversation & { latestPersonalId?: string };
}

type Row = {
  memberId: string | null;
  aadObjectId: string | null;
  teamsUserId: string | null;
  displayName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  role: MemberRole | null;
  messagesWaiting: boolean | null;
  occasional: boolean | null;
  acceptedConfidentiality: boolean | null;
  conversationId: string | null;
  kind: ConversationKind | null;
  conversationAadObjectId: string | null;
  teamId: string | null;
  channelId: string | null;
  reference: object | null;
  latestPersonalId: string | null;
};

/**
 * Who writes and what is stored of where they write, in one statement: the first read of every turn. Either may
 * be absent (a stranger, a conversation the bot has not seen).
 */
export async function findTurnIdentity(
  tx: Tx,
  turn: { aadObjectId?: string; conversationId?: string },
): Promise<TurnIdentity> {
  const aad = turn.aadObjectId ?? null;
  const [r] = await tx.$queryRaw<Row[]>`
    SELECT m.id::text AS "memberId", m."aadObjectId", m."teamsUserId", m."displayName",
           m."organisationId"::text AS "organisationId", o.name AS "organisationName", m.role::text AS role,
           m."messagesWaiting", m.occasional,
           EXISTS (SELECT 1 FROM confidentiality_acceptance a
                    WHERE a."memberId" = m.id
                      AND a."statementId" = (SELECT s.id FROM confidentiality_statement s
                                              ORDER BY s.version DESC LIMIT 1)) AS "acceptedConfidentiality",
           c."conversationId", c.kind::text AS kind, c."aadObjectId" AS "conversationAadObjectId", c."teamId",
           c."channelId", c.reference,
           (SELECT p."conversationId" FROM conversation_ref p
             WHERE p.kind = 'personal' AND p."aadObjectId" = ${aad}::text
             ORDER BY p."updatedAt" DESC LIMIT 1) AS "latestPersonalId"
      FROM (SELECT 1) AS turn
      LEFT JOIN member m ON m."aadObjectId" = ${aad}::text AND m.active
      LEFT JOIN organisation o ON o.id = m."organisationId"
      LEFT JOIN conversation_ref c ON c."conversationId" = ${turn.conversationId ?? null}::text`;
  return { ...memberOf(r!), ...conversationOf(r!) };
}

function memberOf(r: Row): Pick<TurnIdentity, 'member'> {
  if (!r.memberId) return {};
  return {
    member: {
      id: r.memberId,
      aadObjectId: r.aadObjectId!,
      ...(r.teamsUserId ? { teamsUserId: r.teamsUserId } : {}),
      displayName: r.displayName!,
      role: r.role!,
      organisationId: r.organisationId!,
      organisationName: r.organisationName!,
      ...(r.messagesWaiting ? { messagesWaiting: true as const } : {}),
      ...(r.occasional ? { occasional: true as const } : {}),
      ...(r.acceptedConfidentiality ? { acceptedConfidentiality: true as const } : {}),
    },
  };
}

function conversationOf(r: Row): Pick<TurnIdentity, 'conversation'> {
  if (!r.conversationId) return {};
  return {
    conversation: {
      conversationId: r.conversationId,
      kind: r.kind!,
      ...(r.conversationAadObjectId ? { aadObjectId: r.conversationAadObjectId } : {}),
      ...(r.teamId ? { teamId: r.teamId } : {}),
      ...(r.channelId ? { channelId: r.channelId } : {}),
      reference: r.reference ?? {},
      ...(r.latestPersonalId ? { latestPersonalId: r.latestPersonalId } : {}),
    },
  };
}
