import { afterAll, beforeEach, inject } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { emptyDatabase } from './empty-database.ts';
import { workerIndex } from './workers.ts';

/** This worker's migrated test database. */
export function databaseUrl(): string {
  const urls = inject('databaseUrls');
  return urls[workerIndex() % urls.length]!;
}

/**
 * A client on the migrated test database of this worker, emptied before each test. `onStatement` sees every statement
 * the client sends (BEGIN and COMMIT included), for tests that count them.
 */
export function useDatabase(options: { onStatement?: (sql: string) => void } = {}): Db {
  const db = createDb(databaseUrl(), {
    embedded: inject('databaseKind') === 'pglite',
    poolSize: 8,
    onStatement: options.onStatement,
  });
  beforeEach(() => emptyDatabase(db));
  afterAll(async () => {
    await db.$disconnect();
  });
  return db;
}

/**
 * Runs `body` with a client for a second bot instance on the same database. On PostgreSQL it has a connection pool of
 * its own, as a second instance would; the embedded PGlite serves one connection, so there the two share it
 * (`separate` is false) and whatever must run at the same time runs one after the other.
 */
export async function withSecondInstance<T>(db: Db, body: (other: Db, separate: boolean) => Promise<T>): Promise<T> {
  const separate = inject('databaseKind') === 'postgresql';
  const other = separate ? createDb(databaseUrl(), { poolSize: 4 }) : db;
  try {
    return await body(other, separate);
  } finally {
    if (separate) await other.$disconnect();
  }
}
