import { readdir } from 'node:fs/promises';
import type { Db } from './client.ts';
import { migrationsDir } from './paths.ts';

/** The migrations in prisma/migrations that the database has not recorded as applied (all of them on an empty one). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const expected = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists`;
  if (!table?.exists) return expected;
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.migration_name));
  return expected.filter((name) => !applied.has(name));
}

/** Whether every migration in prisma/migrations is recorded as applied (as `prisma migrate deploy` records them). */
export async function migrationsApplied(db: Db): Promise<boolean> {
  return (await pendingMigrations(db)).length === 0;
}
