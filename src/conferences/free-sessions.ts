import type { Tx } from '../db/client.ts';
import { firstBookableFrom, firstFreeSession } from './planning.ts';
import { listTables, type TableView } from './table.repository.ts';

/** Every open table with the first meeting a newly accepted case would get, to choose from when accepting. */
export async function tablesWithFirstFreeSession(
  tx: Tx,
  now: Date,
): Promise<(TableView & { firstFreeSession?: Date })[]> {
  const tables = await listTables(tx);
  const result = [];
  for (const t of tables)
    result.push({ ...t, firstFreeSession: (await firstFreeSession(tx, t, firstBookableFrom(now)))?.startsAt });
  return result;
}
