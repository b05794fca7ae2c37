import type { Tx } from '../db/client.ts';

export interface StoredDownload {
  id: string;
  kind: string;
  fileName: string;
  content: Uint8Array;
  createdByAadObjectId: string;
  createdByOrganisationId: string;
}

/** The one document, when its time ran out (at `expiresAt` or later); a fetched one is gone already. */
export async function deleteDownloadIfExpired(tx: Tx, id: string, now: Date): Promise<boolean> {
  return (await tx.download.deleteMany({ where: { id, expiresAt: { lte: now } } })).count > 0;
}

export async function deleteExpiredDownloads(tx: Tx, now: Date): Promise<number> {
  return (await tx.download.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}

/** Stores a document to be fetched once before `expiresAt`; documents that expired unfetched go at the same time. */
export async function createDownload(
  tx: Tx,
  input: Omit<StoredDownload, 'id'> & { expiresAt: Date },
  now: Date,
): Promise<string> {
  await tx.download.deleteMany({ where: { expiresAt: { lt: now } } });
  const row = await tx.download.create({
    data: { ...input, content: Buffer.from(input.content) },
    select: { id: true },
  });
  return row.id;
}

/** Takes the document out, once: of two fetches at the same moment, one gets it. Expired ones are removed. */
export async function takeDownload(tx: Tx, id: string, now: Date): Promise<StoredDownload | undefined> {
  await tx.download.deleteMany({ where: { expiresAt: { lt: now } } });
  const rows = await tx.$queryRaw<
    {
      id: string;
      kind: string;
      fileName: string;
      content: Uint8Array;
      createdByAadObjectId: string;
      createdByOrganisationId: string;
    }[]
  >`
    DELETE FROM download WHERE id = ${id}::uuid AND "expiresAt" >= ${now}
    RETURNING id, kind, "fileName", content, "createdByAadObjectId", "createdByOrganisationId"`;
  return rows[0];
}
