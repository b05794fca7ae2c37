import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startBot, type RunningBot } from '../../bot/main.ts';
import { loadConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { migrationsDir } from '../../src/db/paths.ts';
import { pendingMigrations } from '../../src/db/readiness.ts';
import { databaseUrl } from '../support/database.ts';
import { capturingLogger } from '../support/logs.ts';

// Start-up on a PostgreSQL database shared by several instances. The "empty database" is this worker's test
// database with its schema dropped; afterAll migrates it again for the files that follow. On PostgreSQL the
// instances start at the same moment; the embedded PGlite is one session that takes one connection at a time (its
// advisory locks cannot keep two of its connections apart), so there they start one after the other.
const url = databaseUrl();
const together = inject('databaseKind') === 'postgresql';
const poolSize = together ? undefined : 1;

afterAll(() => migrateDatabase(url));

async function emptySchema(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
}

const configWith = (env: Record<string, string>) =>
  loadConfig({ PORT: '0', DATABASE_URL: url, LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', ...env });

/** Starts `count` instances, at once on PostgreSQL; each answers /healthz and is stopped again. */
async function startInstances(count: number, env: Record<string, string>) {
  const logs = Array.from({ length: count }, () => capturingLogger('info'));
  const start = async (i: number): Promise<number> => {
    const bot: RunningBot = await startBot(configWith(env), logs[i]!.log, { poolSize });
    try {
      return (await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status;
    } finally {
      await bot.stop();
    }
  };
  const statuses: number[] = [];
  if (together) statuses.push(...(await Promise.all(logs.map((_, i) => start(i)))));
  else for (let i = 0; i < count; i++) statuses.push(await start(i));
  return { statuses, logs };
}

/** `npm run migrate`, as a deploy step runs it. */
function runMigrate(): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  return new Promise((resolve) =>
    child.once('exit', (code) =>
      resolve({
        code,
        lines: output
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      }),
    ),
  );
}

async function appliedMigrations(): Promise<string[]> {
  const db = createDb(url, { poolSize: 1 });
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(await pendingMigrations(db)).toEqual([]);
    return rows.map((r) => r.migration_name);
  } finally {
    await db.$disconnect();
  }
}

const onDisk = async () =>
  (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe('starting on a PostgreSQL server (DATABASE_URL)', () => {
  it('when the schema is not migrated, then the instance waits MIGRATION_WAIT_SECONDS and stops with a message saying what to do', async () => {
    await emptySchema();
    const logs = capturingLogger('info');
    await expect(startBot(configWith({ MIGRATION_WAIT_SECONDS: '1' }), logs.log, { poolSize })).rejects.toThrow(
      /migratie\(s\) ontbreken na 1 s wachten\. Voer eerst `npm run migrate` uit, of start met MIGRATE_ON_START=true/,
    );
    const waiting = logs.lines().filter((l) => String(l.msg).startsWith('waiting for the database schema'));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ level: 40, pendingMigrations: (await onDisk()).length, waitSeconds: 1 });
  });

  it('when three instances start together with MIGRATE_ON_START=true on an empty database, then all come up and the migrations are applied once', async () => {
    await emptySchema();
    const { statuses, logs } = await startInstances(3, { MIGRATE_ON_START: 'true', MIGRATION_WAIT_SECONDS: '60' });
    expect(statuses).toEqual([200, 200, 200]);
    const applying = logs.filter((l) => l.lines().some((line) => line.msg === 'migrations applied'));
    expect(applying).toHaveLength(1);
    expect(await appliedMigrations()).toEqual(await onDisk());
  });

  it('when `npm run migrate` runs as three instances start on an empty database, then they wait for it and all come up', async () => {
    await emptySchema();
    // On PGlite the migration comes first: its one session cannot serve the migration and the waiting instances.
    const migrating = runMigrate();
    if (!together) expect((await migrating).code).toBe(0);
    const { statuses, logs } = await startInstances(3, { MIGRATION_WAIT_SECONDS: '60' });
    const migrated = await migrating;
    expect(migrated.code).toBe(0);
    expect(migrated.lines.find((l) => l.msg === 'migrations applied')?.migrations).toEqual(await onDisk());
    expect(statuses).toEqual([200, 200, 200]);
    // Nobody but `npm run migrate` touched the schema.
    expect(logs.filter((l) => l.lines().some((line) => line.msg === 'migrations applied'))).toHaveLength(0);
    expect(await appliedMigrations()).toEqual(await onDisk());
  });
});
