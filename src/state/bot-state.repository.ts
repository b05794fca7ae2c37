import type { Db } from '../db/client.ts';
import { DomainError, ErrorCode } from '../errors.ts';

export interface StoredState {
  data: Record<string, unknown>;
  etag: string;
}

export async function readStates(db: Db, keys: string[]): Promise<Map<string, StoredState>> {
  const rows = await db.botState.findMany({ where: { key: { in: keys } } });
  return new Map(rows.map((r) => [r.key, { data: r.data as Record<string, unknown>, etag: String(r.etag) }]));
}

/**
 * Optimistic concurrency: a write that names an etag succeeds only if the stored row still has it
 * (a conditional UPDATE, so two bot instances cannot both win); '*' or no etag writes regardless.
 */
export async function writeState(
  db: Db,
  key: string,
  data: Record<string, unknown>,
  etag: string | undefined,
): Promise<string> {
  const json = data as object;
  if (etag === undefined || etag === '*') {
    const row = await db.botState.upsert({
      where: { key },
      create: { key, data: json },
      update: { data: json, etag: { increment: 1 } },
    });
    return String(row.etag);
  }
  const expected = Number(etag);
  const { count } = Number.isInteger(expected)
    ? await db.botState.updateMany({ where: { key, etag: expected }, data: { data: json, etag: { increment: 1 } } })
    : { count: 0 };
  if (count === 1) return String(expected + 1);
  // Like botbuilder's MemoryStorage: an etag for a key that is not stored yet is a first write.
  // Of two first writes racing, the primary key lets exactly one create the row.
  const created = await db.botState.createMany({ data: [{ key, data: json }], skipDuplicates: true });
  if (created.count === 1) return '1';
  throw new DomainError(ErrorCode.Conflict, 'Stored state changed since it was read');
}

export async function deleteStates(db: Db, keys: string[]): Promise<void> {
  await db.botState.deleteMany({ where: { key: { in: keys } } });
}
