import { afterAll, beforeEach, inject } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { emptyDatabase } from './empty-database.ts';

/** A client on the migrated test database, emptied before each test. */
export function useDatabase(): Db {
  const db = createDb(inject('databaseUrl'), { embedded: inject('databaseKind') === 'pglite', poolSize: 8 });
  beforeEach(() => emptyDatabase(db));
  afterAll(async () => {
    await db.$disconnect();
  });
  return db;
}
