import pg from 'pg';
import type { Logger } from '../logger.ts';
import type { Db } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { pendingMigrations } from './readiness.ts';
import { databaseUnavailableCode } from './unavailable.ts';

/**
 * Casusbot's own advisory lock around migrating. Prisma's lock (72707369) gives up after a fixed 10 s, so instances
 * that migrate at once queue on this one first, as long as they are told to wait, and find nothing left to do.
 */
const migrationLockKey = 1_667_331_957;
const pollMs = 500;

export class SchemaNotReadyError extends Error {
  override name = 'SchemaNotReadyError';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Applies the migrations the database lacks, one instance at a time: waits up to `waitMs` for the lock, so three
 * instances (or `npm run migrate` twice) started together all succeed. Returns the names applied here.
 */
export async function migrateExclusively(
  databaseUrl: string,
  options: { waitMs: number; log: Logger; connectMs?: number },
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: options.connectMs ?? 5_000 });
  // A connection lost while waiting must not crash the process: the query that needed it fails instead.
  client.on('error', () => {});
  await client.connect();
  try {
    const deadline = Date.now() + options.waitMs;
    let logged = false;
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        migrationLockKey,
      ]);
      if (rows[0]?.locked) break;
      if (Date.now() >= deadline)
        throw new SchemaNotReadyError(
          `Een andere instantie past al ${Math.round(options.waitMs / 1000)} s migraties toe; gestopt met wachten.`,
        );
      if (!logged) options.log.info({ waitSeconds: options.waitMs / 1000 }, 'waiting for another instance to migrate');
      logged = true;
      await sleep(pollMs);
    }
    try {
      return await migrateDatabase(databaseUrl);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Waits, up to `waitMs`, until every migration in prisma/migrations is applied (by `npm run migrate` or another
 * instance), checking every half second; a database that does not answer yet counts as not current. Throws a
 * SchemaNotReadyError that says what to do when time is up.
 */
export async function waitForSchema(db: Db, options: { waitMs: number; log: Logger }): Promise<void> {
  const deadline = Date.now() + options.waitMs;
  let logged = false;
  let pending: string[] | undefined;
  let unreachable: string | undefined;
  for (;;) {
    try {
      pending = await pendingMigrations(db);
      unreachable = undefined;
      if (!pending.length) return;
    } catch (error) {
      unreachable = databaseUnavailableCode(error) ?? (error as Error)?.name ?? 'Error';
    }
    if (!logged)
      options.log.warn(
        { pendingMigrations: pending?.length, databaseError: unreachable, waitSeconds: options.waitMs / 1000 },
        'waiting for the database schema: run `npm run migrate` (or start one instance with MIGRATE_ON_START=true)',
      );
    logged = true;
    if (Date.now() >= deadline) break;
    await sleep(pollMs);
  }
  const seconds = Math.round(options.waitMs / 1000);
  throw new SchemaNotReadyError(
    unreachable
      ? `De database antwoordde niet binnen ${seconds} s (${unreachable}); controleer DATABASE_URL en de server.`
      : `Het databaseschema is niet bijgewerkt: ${pending?.length ?? '?'} migratie(s) ontbreken na ${seconds} s wachten. ` +
          'Voer eerst `npm run migrate` uit, of start met MIGRATE_ON_START=true.',
  );
}

/**
 * At start-up: migrate (the embedded database, or when MIGRATE_ON_START=true) and then make sure the schema is
 * current, waiting for it within `waitMs` otherwise.
 */
export async function prepareSchema(
  databaseUrl: string,
  db: Db,
  options: { migrate: boolean; waitMs: number; log: Logger },
): Promise<void> {
  if (options.migrate) {
    const applied = await migrateExclusively(databaseUrl, options);
    if (applied.length) options.log.info({ migrations: applied }, 'migrations applied');
  }
  await waitForSchema(db, options);
}
