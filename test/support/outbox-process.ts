// One more bot instance in a process of its own, for tests that kill it with SIGKILL: the production composition
// (composeBot) with the real BotNotifier on botbuilder's CloudAdapter, on the test database given by DATABASE_URL.
// The test drives it over IPC: `{ now: iso }` sets its clock, `{ deliver: true }` runs one outbox round as the
// scheduler would and answers `{ tried }`. It answers `{ ready: true }` once composed.
import { composeBot } from '../../bot/compose.ts';
import { createAdapter } from '../../bot/teams/adapter.ts';
import { BotNotifier } from '../../bot/teams/proactive.ts';
import { loadConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/client.ts';
import { createLogger } from '../../src/logger.ts';

const url = process.env.DATABASE_URL!;
const db = createDb(url, { embedded: process.env.DATABASE_KIND === 'pglite', poolSize: 2 });
let now = new Date();
const clock = { now: () => new Date(now) };
const log = createLogger('silent');
const config = loadConfig({ LOG_LEVEL: 'silent', JOB_LEASE_SECONDS: process.env.JOB_LEASE_SECONDS ?? '30' });
const adapter = createAdapter({ microsoftApp: undefined });
const notifier = new BotNotifier({
  db,
  log,
  continueConversation: (reference, logic) => adapter.continueConversationAsync('', reference, logic),
  createConversation: (serviceUrl, parameters, logic) =>
    adapter.createConversationAsync('', 'msteams', serviceUrl, undefined as unknown as string, parameters, logic),
});
const { outbox } = composeBot(
  config,
  { db, log, clock, notifier, roster: { membersOf: async () => [] } },
  { jobOwner: process.env.OWNER },
);

process.on('message', (message: { now?: string; deliver?: boolean }) => {
  if (message.now) now = new Date(message.now);
  if (message.deliver) void outbox.deliverDue().then((tried) => process.send!({ tried }));
});
process.send!({ ready: true });
