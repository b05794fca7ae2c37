import { afterAll, beforeEach, inject } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';

/** A client on the migrated test database, emptied before each test (the audit trigger allows TRUNCATE). */
export function useDatabase(): Db {
  const db = createDb(inject('databaseUrl'), { embedded: inject('databaseKind') === 'pglite', poolSize: 8 });
  beforeEach(async () => {
    const tables = await db.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
    await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  });
  afterAll(async () => {
    await db.$disconnect();
  });
  return db;
}
