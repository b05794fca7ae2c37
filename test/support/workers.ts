/**
 * The test run uses several workers, each with a database of its own, so test files run side by side without
 * emptying each other's tables. TEST_DATABASE_URL may name one server database or several (comma-separated):
 * one per worker. Without it every worker gets an embedded PGlite of its own, in a process of its own.
 */
export function serverDatabaseUrls(env: Record<string, string | undefined> = process.env): string[] {
  return (env.TEST_DATABASE_URL ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
}

/** How many test files run at once: one per server database, or TEST_WORKERS (default 2) on PGlite. */
export function testWorkers(env: Record<string, string | undefined> = process.env): number {
  const urls = serverDatabaseUrls(env);
  return urls.length || Math.max(1, Number(env.TEST_WORKERS ?? 2));
}

/** This worker's place among them (vitest numbers its workers from 1). */
export function workerIndex(env: Record<string, string | undefined> = process.env): number {
  return Math.max(0, Number(env.VITEST_POOL_ID ?? 1) - 1);
}

/** The server database of this worker, when the run is on a server. */
export function workerServerUrl(): string | undefined {
  const urls = serverDatabaseUrls();
  return urls.length ? urls[workerIndex() % urls.length] : undefined;
}
