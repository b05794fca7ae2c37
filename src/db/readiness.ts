import { readdir } from 'node:fs/promises';
import type { Db } from './client.ts';
import { migrationsDir } from './paths.ts';

/** Whether every migration in prisma/migrations is recorded as applied (as `prisma migrate deploy` records them). */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const expected = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.migration_name));
  return expected.every((name) => applied.has(name));
}
