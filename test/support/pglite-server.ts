// One embedded PGlite for one test worker, in a process of its own (PGlite computes on the thread that runs
// it: two in one process would take turns). Migrated once; prints "READY <url>"; stops when its parent goes.
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

const embedded = await startEmbeddedPostgres();
await migrateDatabase(embedded.url);
process.stdout.write(`READY ${embedded.url}\n`);
const stop = () => void embedded.stop().finally(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
