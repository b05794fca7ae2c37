import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'pglite' | 'postgresql';
  }
}

/**
 * One database for the db and bot tests, migrated once with the real migrations: a real PostgreSQL
 * server when TEST_DATABASE_URL is set (its tables are emptied: use a database for tests only),
 * otherwise an in-memory PGlite.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | undefined;
  const url = process.env.TEST_DATABASE_URL || (embedded = await startEmbeddedPostgres()).url;
  await migrateDatabase(url);
  project.provide('databaseUrl', url);
  project.provide('databaseKind', embedded ? 'pglite' : 'postgresql');
  console.log(`db tests run on ${embedded ? 'embedded PGlite' : 'PostgreSQL server (TEST_DATABASE_URL)'}`);
  return async () => {
    await embedded?.stop();
  };
}
