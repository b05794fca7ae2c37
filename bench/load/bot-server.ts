// Child process of the load bench: Casusbot as production starts it (startBot of bot/main.ts: migrations, HTTP edge,
// scheduler), without an app id (the edge is then unauthenticated, as for the Playground), on the database the parent
// filled (bench/load/fill.ts): BENCH_LOAD_DATABASE_URL, or the embedded PGlite in BENCH_LOAD_DATA_DIR when it is empty.
import { startBot } from '../../bot/main.ts';
import type { Clock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { loadBenchStart, serveForBench } from './process.ts';

/** The bench's day, moving on in real time so that the scheduler sees time pass. */
const startedAt = Date.now();
const clock: Clock = { now: () => new Date(loadBenchStart.getTime() + Date.now() - startedAt) };

await serveForBench(async () => {
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: process.env.BENCH_LOAD_DATABASE_URL ?? '',
    DATA_DIR: process.env.BENCH_LOAD_DATA_DIR ?? './data-bench',
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    SEED_DEMO_HISTORY: 'false',
  });
  const bot = await startBot(config, createLogger(config.logLevel), { clock });
  return { port: bot.port, data: undefined, stop: () => bot.stop() };
});
