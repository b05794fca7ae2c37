import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { migrationsDir } from '../../src/db/paths.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { recordAudit } from '../../src/audit/audit.repository.ts';
import { databaseUrl, useDatabase } from '../support/database.ts';

const db = useDatabase();

describe('migrations', () => {
  it('records every migration in _prisma_migrations, as prisma migrate deploy does', async () => {
    const onDisk = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it('when run again, then it applies nothing', async () => {
    expect(await migrateDatabase(databaseUrl())).toEqual([]);
  });
});

describe('audit log', () => {
  it('refuses to change or remove an event, even for the bot itself', async () => {
    await recordAudit(db, 'system', {
      action: 'member.seeded',
      recordType: 'member',
      recordId: 'x',
      purpose: 'demogegevens',
    });
    await expect(db.auditEvent.updateMany({ data: { purpose: 'anders' } })).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow();
    expect(await db.auditEvent.findMany()).toMatchObject([{ action: 'member.seeded', purpose: 'demogegevens' }]);
  });
});
