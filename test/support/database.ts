import { afterAll, beforeEach, inject } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { emptyDatabase } from './empty-database.ts';
import { workerIndex } from './workers.ts';

/** This worker's migrated test database. */
export function databaseUrl(): string {
  const urls = inject('databaseUrls');
  return urls[workerIndex() % urls.length]!;
}

/** A client on the migrated test database of this worker, emptied before each test. */
export function useDatabase(): Db {
  const db = createDb(databaseUrl(), { embedded: inject('databaseKind') === 'pglite', poolSize: 8 });
  beforeEach(() => emptyDatabase(db));
  afterAll(async () => {
    await db.$disconnect();
  });
  return db;
}
