import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

// Backup and restore of the embedded database (PGlite in DATA_DIR/pglite): one gzipped tar of its data folder, as
// PGlite's own dumpDataDir() writes it and its loadDataDir option reads it. A PostgreSQL server has pg_dump.

/** Why a backup or restore did not run; the message tells the operator what to do (Dutch, as the config errors). */
export class BackupRefused extends Error {
  override name = 'BackupRefused';
}

export interface DatabaseSummary {
  /** Migrations recorded as applied in the database. */
  migrations: number;
  /** The newest of them: the release the database belongs to. */
  lastMigration: string | undefined;
}

/**
 * PGlite writes `postmaster.pid` into its data folder while it has the folder open and removes it when it closes.
 * PGlite takes no lock: a second process can open the same folder, and two of them writing it corrupt it. So this
 * file is the only sign that the bot (or a migration) is using the folder; after a crash it stays behind.
 */
export function embeddedDatabaseInUse(dataDir: string): boolean {
  return existsSync(join(dataDir, 'postmaster.pid'));
}

/** `20261205T093000Z`: UTC, sorts by date. */
const stamp = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** `backups/casusbot-20261205T093000Z.tar.gz`. */
export function defaultBackupFile(now: Date, folder = 'backups'): string {
  return join(folder, `casusbot-${stamp(now)}.tar.gz`);
}

async function summarise(db: PGlite): Promise<DatabaseSummary> {
  const { rows: table } = await db.query<{ exists: boolean }>(
    `SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS "exists"`,
  );
  if (!table[0]?.exists) return { migrations: 0, lastMigration: undefined };
  const { rows } = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return { migrations: rows.length, lastMigration: rows.at(-1)?.migration_name };
}

async function isEmptyFolder(dir: string): Promise<boolean> {
  return !existsSync(dir) || (await readdir(dir)).length === 0;
}

/**
 * Writes the embedded database in `dataDir` to `file` (a gzipped tar, readable only by its owner: it holds personal
 * data). Never writes to `dataDir`: the folder is copied first and the copy opened, so PGlite replays its log there,
 * checkpoints, and the backup is proven to open. Refuses while the folder is in use unless `force` (for a bot that
 * crashed and left its `postmaster.pid`), and refuses to overwrite an existing file.
 */
export async function backupEmbeddedDatabase(options: {
  dataDir: string;
  file: string;
  force?: boolean;
}): Promise<DatabaseSummary & { file: string; bytes: number }> {
  const { dataDir, file } = options;
  if (!existsSync(join(dataDir, 'PG_VERSION')))
    throw new BackupRefused(`Geen ingebedde database in ${dataDir}: controleer DATA_DIR.`);
  if (embeddedDatabaseInUse(dataDir) && !options.force)
    throw new BackupRefused(
      `De database in ${dataDir} is in gebruik (postmaster.pid): stop Casusbot eerst. ` +
        'Draait Casusbot niet (na een crash), gebruik dan --force.',
    );
  if (existsSync(file)) throw new BackupRefused(`${file} bestaat al; kies een andere naam.`);

  const scratch = await mkdtemp(join(tmpdir(), 'casusbot-backup-'));
  try {
    const copy = join(scratch, 'pglite');
    await cp(dataDir, copy, { recursive: true });
    await rm(join(copy, 'postmaster.pid'), { force: true });
    const db = await PGlite.create(copy);
    let tarball: Blob;
    let summary: DatabaseSummary;
    try {
      summary = await summarise(db);
      await db.exec('CHECKPOINT');
      tarball = await db.dumpDataDir('gzip');
    } finally {
      await db.close();
    }
    const bytes = new Uint8Array(await tarball.arrayBuffer());
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    // Written aside and renamed: an interrupted backup never looks like a complete one.
    const partial = `${file}.partial`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, file);
    return { ...summary, file, bytes: bytes.length };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Loads a backup of `backupEmbeddedDatabase` into `dataDir`, which must be absent or empty; with `force` a non-empty
 * folder is moved aside (`<dataDir>.before-restore-<time>`), never deleted. The backup is unpacked into a folder
 * beside `dataDir` and opened there first, so a bad file or an interruption leaves `dataDir` as it was.
 */
export async function restoreEmbeddedDatabase(options: {
  file: string;
  dataDir: string;
  force?: boolean;
  now?: Date;
}): Promise<DatabaseSummary & { dataDir: string; movedAside?: string }> {
  const { file, dataDir } = options;
  if (!existsSync(file)) throw new BackupRefused(`${file} bestaat niet.`);
  const occupied = !(await isEmptyFolder(dataDir));
  if (occupied && !options.force)
    throw new BackupRefused(
      embeddedDatabaseInUse(dataDir)
        ? `De database in ${dataDir} is in gebruik (postmaster.pid): stop Casusbot eerst.`
        : `${dataDir} is niet leeg: terugzetten gebeurt in een lege map. Met --force gaat de huidige map opzij.`,
    );

  const bytes = new Uint8Array(await readFile(file));
  const incoming = `${dataDir}.restoring-${process.pid}`;
  await rm(incoming, { recursive: true, force: true });
  await mkdir(dirname(dataDir), { recursive: true });
  let summary: DatabaseSummary;
  try {
    const db = await PGlite.create({
      dataDir: incoming,
      loadDataDir: new Blob([bytes], { type: isGzip(bytes) ? 'application/gzip' : 'application/x-tar' }),
    });
    try {
      summary = await summarise(db);
    } finally {
      await db.close();
    }
  } catch (error) {
    await rm(incoming, { recursive: true, force: true });
    throw new BackupRefused(
      `${basename(file)} is geen leesbare back-up van de ingebedde database (${(error as Error).message}).`,
    );
  }

  let movedAside: string | undefined;
  if (occupied) {
    movedAside = `${dataDir}.before-restore-${stamp(options.now ?? new Date())}`;
    await rename(dataDir, movedAside);
  } else if (existsSync(dataDir)) {
    await rm(dataDir, { recursive: true });
  }
  await rename(incoming, dataDir);
  return { ...summary, dataDir, ...(movedAside ? { movedAside } : {}) };
}

/** What to run instead on a PostgreSQL server: the commands, with the connection string left to the shell. */
export function serverBackupCommands(
  now: Date,
  restoreFile = 'backups/<back-up>.dump',
): { backup: string; restore: string } {
  const file = defaultBackupFile(now).replace(/\.tar\.gz$/, '.dump');
  return {
    backup: `pg_dump --format=custom --no-owner --file=${file} --dbname="$DATABASE_URL"`,
    restore: `pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${restoreFile}`,
  };
}
