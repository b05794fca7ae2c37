// `npm run restore -- <file> [--force]`: a backup of `npm run backup` into the embedded database's folder
// (DATA_DIR/pglite), which must be empty or absent; --force moves a non-empty one aside (never deletes it). Stop
// Casusbot first. The backup is unpacked and opened beside the folder before anything there changes. A backup of an
// older release is fine: the bot applies the missing migrations when it starts. In the image: `node dist/scripts/restore.js`.
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { BackupRefused, restoreEmbeddedDatabase, serverBackupCommands } from '../src/db/embedded-backup.ts';
import { createLogger } from '../src/logger.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);
const args = process.argv.slice(2);
const force = args.includes('--force');
const unknownOption = args.find((a) => a.startsWith('-') && a !== '--force');
const [file] = args.filter((a) => a !== '--force');

if (unknownOption) {
  log.error({ option: unknownOption, usage: 'npm run restore -- <bestand> [--force]' }, 'unknown option');
  process.exit(1);
}
if (config.databaseUrl) {
  log.error(
    { command: serverBackupCommands(new Date(), file).restore },
    'DATABASE_URL is set: restore the PostgreSQL server with pg_restore (or its point-in-time restore), not with this script',
  );
  process.exit(1);
}
if (!file) {
  log.error({ usage: 'npm run restore -- <bestand> [--force]' }, 'restore needs the backup file');
  process.exit(1);
}
try {
  const restored = await restoreEmbeddedDatabase({
    file: resolve(file),
    dataDir: join(config.dataDir, 'pglite'),
    force,
  });
  log.info(restored, 'backup restored');
  process.exit(0);
} catch (error) {
  const refused = error instanceof BackupRefused;
  log.fatal(
    { errorType: (error as Error).name, reason: (error as Error).message },
    refused ? 'restore refused' : 'restore failed',
  );
  process.exit(1);
}
