import { readFile } from 'node:fs/promises';
import { loadMigrations, noFilters, withSchemaEngine } from './schema-engine.ts';
import { migrationsDir, schemaPath } from './paths.ts';

/**
 * Applies prisma/migrations that the database lacks and records them in `_prisma_migrations`,
 * exactly as `prisma migrate deploy` would, so either tool can take over.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const schema = await readFile(schemaPath, 'utf8');
  return withSchemaEngine({ databaseUrl, schema }, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await loadMigrations(migrationsDir),
      filters: noFilters,
    });
    return appliedMigrationNames;
  });
}
