import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { serverDatabaseUrls, testWorkers } from './workers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One database per test worker, migrated once with the real migrations. */
    databaseUrls: string[];
    databaseKind: 'pglite' | 'postgresql';
  }
}

function startPgliteServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/pglite-server.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`PGlite server exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('READY ')) resolve({ url: line.slice(6), child });
    });
  });
}

/**
 * The databases of the db and bot tests: the server databases of TEST_DATABASE_URL (their tables are emptied:
 * use databases for tests only), or an in-memory PGlite per worker, each in its own process.
 */
export default async function setup(project: TestProject) {
  const servers = serverDatabaseUrls();
  const pglites = servers.length ? [] : await Promise.all(Array.from({ length: testWorkers() }, startPgliteServer));
  const urls = servers.length ? servers : pglites.map((p) => p.url);
  for (const url of servers) await migrateDatabase(url);
  project.provide('databaseUrls', urls);
  project.provide('databaseKind', servers.length ? 'postgresql' : 'pglite');
  console.log(
    `db tests run on ${servers.length ? `${servers.length} PostgreSQL database(s) (TEST_DATABASE_URL)` : `${urls.length} embedded PGlite(s)`}, one per worker`,
  );
  return async () => {
    for (const p of pglites) {
      p.child.removeAllListeners('exit');
      p.child.stdin?.end();
      await new Promise((resolve) => p.child.once('exit', resolve));
    }
  };
}
