import type { Tx } from '../db/client.ts';
import type { MemberRole, MemberView } from './member.types.ts';

const withOrganisation = { organisation: { select: { name: true } } } as const;

function toView(m: {
  id: string;
  aadObjectId: string;
  teamsUserId: string | null;
  displayName: string;
  role: MemberRole;
  organisationId: string;
  organisation: { name: string };
  messagesWaiting?: boolean;
  occasional?: boolean;
}): MemberView {
  return {
    id: m.id,
    aadObjectId: m.aadObjectId,
    ...(m.teamsUserId ? { teamsUserId: m.teamsUserId } : {}),
    displayName: m.displayName,
    role: m.role,
    organisationId: m.organisationId,
    organisationName: m.organisation.name,
    ...(m.messagesWaiting ? { messagesWaiting: true as const } : {}),
    ...(m.occasional ? { occasional: true as const } : {}),
  };
}

export async function findActiveMemberByAadObjectId(tx: Tx, aadObjectId: string): Promise<MemberView | undefined> {
  const m = await tx.member.findFirst({ where: { aadObjectId, active: true }, include: withOrganisation });
  return m ? toView(m) : undefined;
}

/** Members by their Entra id, also those no longer active: the logbook names who it was then. */
export async function findMembersByAadObjectIds(tx: Tx, aadObjectIds: string[]): Promise<MemberView[]> {
  if (!aadObjectIds.length) return [];
  const rows = await tx.member.findMany({ where: { aadObjectId: { in: aadObjectIds } }, include: withOrganisation });
  return rows.map(toView);
}

/**
 * The active members who work on cases: everyone a case, an action or a question can be sent to, chosen from
 * or named in. A stuurgroeplid is never among them (they see figures only), unless asked for by role or with
 * `includeSteeringGroup` (the member list, the figures' recipients).
 */
export async function listActiveMembers(
  tx: Tx,
  where: { role?: MemberRole; organisationId?: string; includeSteeringGroup?: boolean } = {},
): Promise<MemberView[]> {
  const { includeSteeringGroup, ...filter } = where;
  const rows = await tx.member.findMany({
    where: {
      active: true,
      ...filter,
      ...(filter.role || includeSteeringGroup ? {} : { role: { not: 'steeringGroupMember' as const } }),
    },
    include: withOrganisation,
    orderBy: [{ organisation: { name: 'asc' } }, { displayName: 'asc' }],
  });
  return rows.map(toView);
}

export async function upsertMember(
  tx: Tx,
  input: {
    aadObjectId: string;
    displayName: string;
    organisationId: string;
    role: MemberRole;
    phone?: string;
    email?: string;
    occasional?: boolean;
  },
): Promise<{ member: MemberView; created: boolean }> {
  const existing = await tx.member.findUnique({ where: { aadObjectId: input.aadObjectId }, select: { id: true } });
  const m = await tx.member.upsert({
    where: { aadObjectId: input.aadObjectId },
    create: input,
    update: { ...input, active: true },
    include: withOrganisation,
  });
  return { member: toView(m), created: !existing };
}

/** Teams' per-bot user id (29:...) is only learned from the user's own activities. */
export async function rememberTeamsUserId(tx: Tx, aadObjectId: string, teamsUserId: string): Promise<void> {
  // (Written out because SQL's NOT (x = y) is not true when x is NULL.)
  await tx.member.updateMany({
    where: { aadObjectId, OR: [{ teamsUserId: null }, { teamsUserId: { not: teamsUserId } }] },
    data: { teamsUserId },
  });
}

/** A member's own work phone and e-mail, as far as they are known: they pre-fill forms the member fills in. */
export async function findMemberContact(tx: Tx, memberId: string): Promise<{ phone?: string; email?: string }> {
  const m = await tx.member.findUnique({ where: { id: memberId }, select: { phone: true, email: true } });
  return { ...(m?.phone ? { phone: m.phone } : {}), ...(m?.email ? { email: m.email } : {}) };
}
