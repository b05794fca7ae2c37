import type { Tx } from '../db/client.ts';
import { firstFreeSession } from './schedule.ts';
import { bookedSessions, listTables, type TableView } from './table.repository.ts';

/** The first meeting of this table that can still take a case, judged by what is booked now. */
export async function findFirstFreeSession(tx: Tx, table: TableView, now: Date): Promise<Date | undefined> {
  const booked = await bookedSessions(tx, table.id, now);
  return firstFreeSession(table.schedule, now, (s) => booked.get(s.getTime()) ?? 0);
}

/** Every table with its first free meeting, to choose from when accepting a case. */
export async function tablesWithFirstFreeSession(tx: Tx, now: Date): Promise<(TableView & { firstFreeSession?: Date })[]> {
  const tables = await listTables(tx);
  return Promise.all(tables.map(async (t) => ({ ...t, firstFreeSession: await findFirstFreeSession(tx, t, now) })));
}
