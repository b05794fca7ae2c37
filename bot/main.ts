// First: defers the parts of teams-ai Casusbot does not use (bot/lazy-dependencies.ts), before anything loads it.
import './lazy-dependencies.ts';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { loadConfig, type Config } from '../src/config.ts';
import { systemClock, type Clock } from '../src/clock.ts';
import { createDb } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { prepareSchema } from '../src/db/schema-at-start.ts';
import { createLogger, type Logger } from '../src/logger.ts';
import { demoMembers } from '../src/organisations/demo-partners.ts';
import { ensureFirstProcessManager, seedDemoData } from '../src/organisations/seed.ts';
import { ensureLogbookSeal } from '../src/audit/chain.jobs.ts';
import { ensureRetentionSweep } from '../src/retention/delete-due.ts';
import { ensureQuarterlyFiguresJob } from '../src/figures/figures.ts';
import { composeBot } from './compose.ts';
import { createAdapter } from './teams/adapter.ts';
import { BotNotifier } from './teams/proactive.ts';
import { teamsRoster } from './teams/roster.ts';
import { startScheduler, type Scheduler } from './shared/scheduler.ts';
import { createHttpApp } from './teams/server.ts';

export interface RunningBot {
  port: number;
  databaseUrl: string;
  /**
   * Stops within 10 s whatever happens: no new turns; turns, jobs and background work in flight get 7 s to finish;
   * then the leases of jobs this instance still holds go back, and the pool closes.
   */
  stop(): Promise<void>;
}

/** stop(): how long work in flight may take, each step after it, and all of it. */
const stopGraceMs = 7_000;
const stopStepMs = 1_000;
const stopLimitMs = 9_500;

/** Waits for `work` at most `ms`; false when time ran out (the work goes on, unwatched). */
function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}

/**
 * Stops within 10 s: no new connections, and kept-alive ones close as they fall idle; the requests, scheduler round and
 * background work under way get stopGraceMs; then the leases go back, the pool closes, and the embedded database
 * gets what time is left (it writes its files as it closes).
 */
async function stopBot(parts: {
  server: Server;
  scheduler: Scheduler;
  background: { settled(): Promise<void> };
  jobs: { releaseLeases(): Promise<number> };
  outbox: { releaseLeases(): Promise<number> };
  db: { $disconnect(): Promise<void> };
  database: { stop(): Promise<void> };
  log: Logger;
}): Promise<void> {
  const { server, scheduler, background, jobs, outbox, db, database, log } = parts;
  const deadline = Date.now() + stopLimitMs;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const inFlight = Promise.all([closed, scheduler.stop()]).then(() => background.settled());
  const finished = await within(inFlight, stopGraceMs);
  clearInterval(idle);
  server.closeAllConnections();
  let releasedJobs: number | undefined;
  const released = await within(
    Promise.all([jobs.releaseLeases(), outbox.releaseLeases()]).then(([n]) => (releasedJobs = n)),
    stopStepMs,
  );
  const disconnected = await within(db.$disconnect(), stopStepMs);
  const databaseStopped = await within(database.stop(), Math.max(stopStepMs, deadline - Date.now()));
  log.info({ finished, released, releasedJobs, disconnected, databaseStopped }, 'Casusbot gestopt');
}

/**
 * The production start: database, schema (migrated here for the embedded database or with MIGRATE_ON_START,
 * otherwise waited for within MIGRATION_WAIT_SECONDS), seed data, the Teams adapter and sender, the bot as composeBot
 * builds it, scheduler, HTTP. `clock` is
 * for tests that must not depend on the day they run (the end-to-end suite); production uses the system clock.
 * `poolSize` is for tests that point DATABASE_URL at a PGlite socket server, which takes one connection at a time.
 */
export async function startBot(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  options: { clock?: Clock; poolSize?: number } = {},
): Promise<RunningBot> {
  const database = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'pglite') });
  log.info(
    { embedded: !config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir },
    'database ready',
  );

  const db = config.databaseUrl
    ? createDb(database.url, { timeouts: config.database.timeouts, poolSize: options.poolSize })
    : createDb(database.url, { embedded: true });
  const { migrateOnStart: migrate, migrationWaitMs: waitMs } = config.database;
  await prepareSchema(database.url, db, { migrate, waitMs, log }).catch(async (error: unknown) => {
    await db.$disconnect();
    await database.stop();
    throw error;
  });
  const clock = options.clock ?? systemClock;
  if (config.seedDemoData) await seedDemoData(db, [...demoMembers]);
  if (config.seedDemoHistory) {
    // Two years of fictional history for the demo: loaded only when a demo database gets it.
    const { seedDemoHistory } = await import('../src/demo/history.ts');
    await seedDemoHistory({ db, log, retention: config.retention }, clock.now());
  }
  if (config.firstProcessManager) await ensureFirstProcessManager(db, config.firstProcessManager);

  const adapter = createAdapter(config);
  const botAppId = config.microsoftApp?.id ?? '';
  const notifier = new BotNotifier({
    db,
    log,
    continueConversation: (ref, logic) => adapter.continueConversationAsync(botAppId, ref, logic),
    // No audience: the connector then uses Bot Framework's default scope.
    createConversation: (serviceUrl, parameters, logic) =>
      adapter.createConversationAsync(
        botAppId,
        'msteams',
        serviceUrl,
        undefined as unknown as string,
        parameters,
        logic,
      ),
  });
  const { app, jobs, outbox, background } = composeBot(
    config,
    { db, log, clock, notifier, roster: teamsRoster(log) },
    { adapter },
  );
  if (!config.microsoftApp) {
    log.warn(
      'Lokale modus: geen MicrosoftAppId ingesteld, dus berichten worden NIET geauthenticeerd. Alleen voor de Agents Playground op deze machine.',
    );
  }

  const authenticated = Boolean(config.microsoftApp);
  // The scheduler starts once the server listens; until its first round /readyz says so.
  const started: { scheduler?: Scheduler } = {};
  const schedulerTickedAt = () => started.scheduler?.lastTickAt();
  const linkSecret = config.links.secret;
  const http = createHttpApp({ adapter, authenticated, app, db, log, clock, linkSecret, schedulerTickedAt });
  const server: Server = await new Promise((resolve, reject) => {
    // Express 5 hands a listen error (port in use) to the callback.
    const s = http.listen(config.port, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const port = (server.address() as { port: number }).port;
  log.info({ port }, 'Casusbot luistert op /api/messages');
  // Deletion on time: a sweep at start-up catches up on what came due while the bot was down.
  await ensureRetentionSweep(db, clock.now());
  // Tamper evidence: the logbook's rows are sealed hourly, the first at start-up.
  await ensureLogbookSeal(db, clock.now());
  // The figures of the quarter we are in go to the stuurgroep after it ends.
  await ensureQuarterlyFiguresJob(db, clock.now(), config.figuresTimeZone);
  // After the server listens: a catch-up post at start-up may already need Teams.
  const scheduler = startScheduler({ db, clock, log, runner: jobs, outbox, roundMs: config.schedulerRoundMs });
  started.scheduler = scheduler;

  return {
    port,
    databaseUrl: database.url,
    stop: () => stopBot({ server, scheduler, background, jobs, outbox, db, database, log }),
  };
}

const isEntryPoint = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const bot = await startBot(config, log).catch((error: Error) => {
    log.fatal({ errorType: error.name, reason: error.message }, 'Casusbot kon niet starten');
    process.exit(1);
  });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // stop() keeps to its own 10 s; this is the last resort should something in it hang regardless.
      setTimeout(() => process.exit(1), 10_500).unref();
      void bot.stop().then(() => process.exit(0));
    });
  }
}
