// `npm run migrate`: applies the migrations the database lacks, once, as a deploy step before the instances start
// (they wait for it; see README "Migrations"). On DATABASE_URL, or on the embedded database in DATA_DIR. Two runs at
// once are safe: the second waits for the first (MIGRATION_WAIT_SECONDS) and finds nothing left to do.
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateExclusively } from '../src/db/schema-at-start.ts';
import { createLogger } from '../src/logger.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);
const database = config.databaseUrl
  ? { url: config.databaseUrl, stop: async () => {} }
  : await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'pglite') });
try {
  const applied = await migrateExclusively(database.url, {
    waitMs: config.database.migrationWaitMs,
    connectMs: config.database.timeouts.connectMs,
    log,
  });
  log.info(
    { migrations: applied, embedded: !config.databaseUrl },
    applied.length ? 'migrations applied' : 'schema current',
  );
  await database.stop();
  process.exit(0);
} catch (error) {
  log.fatal({ errorType: (error as Error).name, reason: (error as Error).message }, 'migrations failed');
  await database.stop();
  process.exit(1);
}
