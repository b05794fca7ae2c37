// `npm run backup -- [file] [--force]`: the embedded database (DATA_DIR/pglite) to one file, by default
// backups/casusbot-<UTC time>.tar.gz. Stop Casusbot first: the backup refuses a data folder in use (--force only after
// a crash left postmaster.pid behind). With DATABASE_URL it does nothing and prints the pg_dump command to use.
// In the image: `node dist/scripts/backup.js`. Restore with `npm run restore`.
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.ts';
import {
  BackupRefused,
  backupEmbeddedDatabase,
  defaultBackupFile,
  serverBackupCommands,
} from '../src/db/embedded-backup.ts';
import { createLogger } from '../src/logger.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);
const args = process.argv.slice(2);
const force = args.includes('--force');
const unknownOption = args.find((a) => a.startsWith('-') && a !== '--force');
const [file = defaultBackupFile(new Date())] = args.filter((a) => a !== '--force');

if (unknownOption) {
  log.error({ option: unknownOption, usage: 'npm run backup -- [bestand] [--force]' }, 'unknown option');
  process.exit(1);
}
if (config.databaseUrl) {
  log.error(
    { command: serverBackupCommands(new Date()).backup },
    'DATABASE_URL is set: back up the PostgreSQL server with pg_dump (and its point-in-time restore), not with this script',
  );
  process.exit(1);
}
try {
  const backup = await backupEmbeddedDatabase({ dataDir: join(config.dataDir, 'pglite'), file: resolve(file), force });
  log.info(backup, 'backup written');
  process.exit(0);
} catch (error) {
  const refused = error instanceof BackupRefused;
  log.fatal(
    { errorType: (error as Error).name, reason: (error as Error).message },
    refused ? 'backup refused' : 'backup failed',
  );
  process.exit(1);
}
