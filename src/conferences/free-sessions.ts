import type { Tx } from '../db/client.ts';
import { firstBookableFrom, planAndFindFirstFreeSession } from './planning.ts';
import { listTables, type TableView } from './table.repository.ts';

/**
 * Every open table with the first meeting a newly accepted case would get, to choose from when accepting. Writes:
 * each table's sessions are planned a year ahead on the way (planSessions), as finding a free one needs them.
 */
export async function planAndListTablesWithFirstFreeSession(
  tx: Tx,
  now: Date,
): Promise<(TableView & { firstFreeSession?: Date })[]> {
  const tables = await listTables(tx);
  const result = [];
  for (const t of tables)
    result.push({
      ...t,
      firstFreeSession: (await planAndFindFirstFreeSession(tx, t, firstBookableFrom(now)))?.startsAt,
    });
  return result;
}
