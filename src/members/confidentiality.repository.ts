import type { Tx } from '../db/client.ts';

export interface StatementView {
  id: string;
  version: number;
  text: string;
  createdAt: Date;
}

const statementFields = { id: true, version: true, text: true, createdAt: true } as const;

/** The geheimhoudingsverklaring in force: its newest version, or none when the procesmanager set none yet. */
export async function findCurrentStatement(tx: Tx): Promise<StatementView | undefined> {
  return (
    (await tx.confidentialityStatement.findFirst({ orderBy: { version: 'desc' }, select: statementFields })) ??
    undefined
  );
}

/** A new version: the one after the newest. Old versions stay, with who accepted them. */
export async function insertStatementVersion(
  tx: Tx,
  input: { text: string; createdByMemberId: string; createdAt: Date },
): Promise<StatementView> {
  const newest = await tx.confidentialityStatement.findFirst({
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  return tx.confidentialityStatement.create({
    data: { ...input, version: (newest?.version ?? 0) + 1 },
    select: statementFields,
  });
}

/** Records that a member accepted a version; a second click records nothing. Returns whether it was new. */
export async function insertAcceptance(
  tx: Tx,
  input: { memberId: string; statementId: string; acceptedAt: Date },
): Promise<{ id: string; created: boolean }> {
  const existing = await tx.confidentialityAcceptance.findUnique({
    where: { memberId_statementId: { memberId: input.memberId, statementId: input.statementId } },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const created = await tx.confidentialityAcceptance.create({ data: input, select: { id: true } });
  return { id: created.id, created: true };
}

/**
 * Of the members of these organisations, the active incidentele deelnemers who have not accepted the current
 * version (all of them while there is none yet), by name. One statement: it runs on the live meeting's turns.
 */
export async function findUnsignedOccasional(
  tx: Tx,
  where: { organisationIds: readonly string[] },
): Promise<{ memberId: string; displayName: string }[]> {
  if (!where.organisationIds.length) return [];
  return tx.$queryRaw<{ memberId: string; displayName: string }[]>`
    SELECT m.id::text AS "memberId", m."displayName"
      FROM member m
     WHERE m.active AND m.occasional AND m."organisationId"::text = ANY(${[...where.organisationIds]}::text[])
       AND NOT EXISTS (SELECT 1 FROM confidentiality_acceptance a
                        WHERE a."memberId" = m.id
                          AND a."statementId" = (SELECT s.id FROM confidentiality_statement s
                                                  ORDER BY s.version DESC LIMIT 1))
     ORDER BY m."displayName"`;
}
