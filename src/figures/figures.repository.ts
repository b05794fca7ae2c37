import type { Tx } from '../db/client.ts';

/** Months of the meetings that were held from `fromMonth` on, with their table. */
export async function listHeldSessions(tx: Tx, fromMonth: string): Promise<{ month: string; tableId: string }[]> {
  return tx.$queryRaw<{ month: string; tableId: string }[]>`
    SELECT to_char("startsAt" AT TIME ZONE 'UTC', 'YYYY-MM') AS month, "tableId"::text AS "tableId"
      FROM conference_session
     WHERE status = 'held' AND "startsAt" >= ${new Date(`${fromMonth}-01T00:00:00Z`)}`;
}

/** The channel where the stuurgroep reads its figures. */
export async function findSteeringGroupChannel(tx: Tx): Promise<string | undefined> {
  return (await tx.steeringGroupChannel.findUnique({ where: { id: 'network' }, select: { conversationId: true } }))
    ?.conversationId;
}

export async function setSteeringGroupChannel(
  tx: Tx,
  conversationId: string,
  linkedByMemberId: string,
  at: Date,
): Promise<void> {
  await tx.steeringGroupChannel.upsert({
    where: { id: 'network' },
    create: { id: 'network', conversationId, linkedByMemberId, linkedAt: at },
    update: { conversationId, linkedByMemberId, linkedAt: at },
  });
}
