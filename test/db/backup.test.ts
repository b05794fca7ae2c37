import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import {
  BackupRefused,
  backupEmbeddedDatabase,
  embeddedDatabaseInUse,
  restoreEmbeddedDatabase,
} from '../../src/db/embedded-backup.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { migrationsDir } from '../../src/db/paths.ts';
import { pendingMigrations } from '../../src/db/readiness.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';

// npm run backup / npm run restore on the embedded database: a data folder of its own in a temporary folder, migrated
// with the real migrations, backed up, restored into a fresh folder and opened as the bot opens it.

let root: string;
let source: string;
let migrationCount: number;
let organisations: number;
let members: number;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'casusbot-backup-test-'));
  source = join(root, 'data', 'pglite');
  migrationCount = (await readdir(migrationsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).length;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function openAsTheBotDoes<T>(dataDir: string, read: (db: ReturnType<typeof createDb>) => Promise<T>) {
  const embedded = await startEmbeddedPostgres({ dataDir });
  const db = createDb(embedded.url, { embedded: true });
  try {
    return await read(db);
  } finally {
    await db.$disconnect();
    await embedded.stop();
  }
}

describe('backup and restore of the embedded database', () => {
  it('when the bot has stopped, then a backup restored into a fresh folder holds the same rows, fully migrated', async () => {
    const running = await startEmbeddedPostgres({ dataDir: source });
    const db = createDb(running.url, { embedded: true });
    await migrateDatabase(running.url);
    await seedDemoData(db, [...demoMembers]);
    organisations = await db.organisation.count();
    members = await db.member.count();
    // While the bot holds the folder, the backup refuses and leaves it alone.
    expect(embeddedDatabaseInUse(source)).toBe(true);
    const file = join(root, 'backups', 'casusbot.tar.gz');
    await expect(backupEmbeddedDatabase({ dataDir: source, file })).rejects.toThrow(/in gebruik.*stop Casusbot/);
    await db.$disconnect();
    await running.stop();
    expect(embeddedDatabaseInUse(source)).toBe(false);

    const backup = await backupEmbeddedDatabase({ dataDir: source, file });
    expect(backup).toMatchObject({ file, migrations: migrationCount });
    expect(statSync(file).size).toBe(backup.bytes);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(join(source, 'postmaster.pid'))).toBe(false);
    // A second backup never overwrites the first.
    await expect(backupEmbeddedDatabase({ dataDir: source, file })).rejects.toBeInstanceOf(BackupRefused);

    const target = join(root, 'restored', 'pglite');
    const restored = await restoreEmbeddedDatabase({ file, dataDir: target });
    expect(restored).toMatchObject({ dataDir: target, migrations: migrationCount });
    expect(restored.movedAside).toBeUndefined();
    const found = await openAsTheBotDoes(target, async (copy) => ({
      organisations: await copy.organisation.count(),
      members: await copy.member.count(),
      pending: await pendingMigrations(copy),
    }));
    expect(organisations).toBe(15);
    expect(members).toBeGreaterThan(0);
    expect(found).toEqual({ organisations, members, pending: [] });
    // PGlite's initdb and the migrations take most of it: about 10 s on two idle cores, more when they are shared.
  }, 120_000);

  it('when the data folder is not empty, then restore refuses, and with --force it moves the folder aside', async () => {
    const file = join(root, 'backups', 'casusbot.tar.gz');
    const target = join(root, 'restored', 'pglite');
    const before = await readdir(target);
    await expect(restoreEmbeddedDatabase({ file, dataDir: target })).rejects.toThrow(/niet leeg.*--force/);
    expect(await readdir(target)).toEqual(before);

    const now = new Date('2026-12-05T09:30:00Z');
    const forced = await restoreEmbeddedDatabase({ file, dataDir: target, force: true, now });
    expect(forced.movedAside).toBe(`${target}.before-restore-20261205T093000Z`);
    expect((await readdir(forced.movedAside!)).sort()).toEqual(before.sort());
    expect(await readdir(target)).toContain('PG_VERSION');
  });

  it('when the file is no backup, then restore refuses and the folder stays absent', async () => {
    const junk = join(root, 'junk.tar.gz');
    await writeFile(junk, 'geen back-up');
    const target = join(root, 'never', 'pglite');
    await mkdir(join(root, 'never'));
    await expect(restoreEmbeddedDatabase({ file: junk, dataDir: target })).rejects.toThrow(/geen leesbare back-up/);
    expect(await readdir(join(root, 'never'))).toEqual([]);
  });

  it('when DATABASE_URL is set, then npm run backup prints the pg_dump command and exits non-zero', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'postgresql://casusbot@127.0.0.1:1/casusbot' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    const line = JSON.parse(result.stdout.trim().split('\n')[0]!) as { msg: string; command: string };
    expect(line.msg).toMatch(/pg_dump/);
    expect(line.command).toMatch(/^pg_dump --format=custom .*--dbname="\$DATABASE_URL"$/);
    expect(result.stdout).not.toContain('127.0.0.1:1');
  });
});
