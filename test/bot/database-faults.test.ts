import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createAdapter } from '../../bot/teams/adapter.ts';
import { createHttpApp } from '../../bot/teams/server.ts';
import { startScheduler } from '../../bot/shared/scheduler.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { processManager } from '../support/bot.ts';
import { composeForTest } from '../support/compose.ts';
import { databaseUrl, useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';
import { startTcpProxy, type ProxyMode, type TcpProxy } from '../support/tcp-proxy.ts';

// The bot over HTTP, its database behind a TCP proxy that refuses, blackholes or cuts. Short timeouts, so each fault
// costs a few seconds: a statement gets 700 ms (a silent server is given up 1 s later), a connection 500 ms, and a
// scheduler round 1 s. The test's own client (`db`) goes around the proxy.
const db = useDatabase();
beforeEach(() => seedDemoData(db, [...demoMembers]));

const timeouts = { connectMs: 500, statementMs: 700, acquireMs: 500, transactionMs: 2_000 };
const teamsLimitMs = 15_000;
const probeLimitMs = 3_000;
let proxy: TcpProxy;
beforeAll(async () => (proxy = await startTcpProxy(databaseUrl())));
afterAll(() => proxy.close());

async function startBotBehindProxy() {
  const logs = capturingLogger('info');
  const botDb: Db = createDb(proxy.url, { embedded: inject('databaseKind') === 'pglite', timeouts });
  const adapter = createAdapter({ microsoftApp: undefined });
  const { app, jobs, clock, config } = composeForTest(botDb, {
    log: logs.log,
    clock: new FixedClock(new Date('2026-11-23T09:00:00Z')),
    adapter,
  });
  const scheduler = startScheduler({ db: botDb, clock, log: logs.log, runner: jobs, roundMs: 1_000 });
  await scheduler.idle();
  const server = createHttpApp({
    adapter,
    authenticated: false,
    app,
    db: botDb,
    log: logs.log,
    clock,
    linkSecret: config.links.secret,
    schedulerTickedAt: () => scheduler.lastTickAt(),
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    logs,
    scheduler,
    async stop() {
      await scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await botDb.$disconnect();
    },
  };
}

/** The procesmanager registers a member: one transaction with the member and its logbook event. */
function registerInvoke(aadObjectId: string, organisationId: string) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/teams/',
    from: { id: processManager.teamsUserId, aadObjectId: processManager.aadObjectId },
    recipient: { id: '28:casusbot' },
    conversation: { id: 'personal-pm', conversationType: 'personal', tenantId: 'tenant-zvh' },
    value: {
      trigger: 'manual',
      action: {
        type: 'Action.Execute',
        verb: 'member.register',
        data: { aadObjectId, displayName: 'Nieuwe Deelnemer', organisationId, role: 'participant' },
      },
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

async function invoke(base: string, activity: object): Promise<{ status: number; body: { value?: unknown } }> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return { status: res.status, body: (await res.json()) as { value?: unknown } };
}

async function probe(base: string, path: '/healthz' | '/readyz') {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const databaseMessage = /^De database antwoordt op dit moment niet\. Er is niets half opgeslagen/;

/** What the database holds of the registration: the member and its logbook event, both or neither. */
async function registered(aadObjectId: string) {
  const member = await db.member.findUnique({ where: { aadObjectId } });
  const events = member ? await db.auditEvent.count({ where: { recordId: member.id } }) : 0;
  return { members: member ? 1 : 0, events };
}

describe('when the database fails under a running bot', () => {
  it.each<ProxyMode>(['refuse', 'blackhole', 'cut'])(
    'when the link is %s, then a turn gets a Dutch answer within 15 s, /readyz names the database, and the bot recovers without a restart',
    async (mode) => {
      const bot = await startBotBehindProxy();
      const organisationId = (await db.organisation.findFirstOrThrow()).id;
      const aadObjectId = randomUUID();
      try {
        expect((await probe(bot.base, '/readyz')).status).toBe(200);
        await proxy.setMode(mode);

        const turn = await timed(() => invoke(bot.base, registerInvoke(aadObjectId, organisationId)));
        expect(turn.result.status).toBe(200);
        expect(String(turn.result.body.value)).toMatch(databaseMessage);
        expect(turn.ms).toBeLessThan(teamsLimitMs);

        const health = await timed(() => probe(bot.base, '/healthz'));
        expect(health.result.status).toBe(200);
        expect(health.ms).toBeLessThan(probeLimitMs);
        const ready = await timed(() => probe(bot.base, '/readyz'));
        expect(ready.result).toMatchObject({ status: 503, body: { database: 'unavailable' } });
        expect(ready.ms).toBeLessThan(probeLimitMs);

        // The scheduler's round ends (failed or let go at its bound) without counting as a finished round.
        // (test/db/scheduler.test.ts shows a round that hangs for good being let go.)
        const tickBefore = bot.scheduler.lastTickAt();
        bot.scheduler.wake();
        await bot.scheduler.idle();
        expect(bot.scheduler.lastTickAt()).toEqual(tickBefore);

        const failed = bot.logs.lines().filter((l) => l.msg === 'turn failed: the database did not answer');
        expect(failed).toHaveLength(1);
        expect(failed[0]).toMatchObject({ level: 50, activityType: 'invoke' });
        expect(String(failed[0]!.code)).toMatch(/^[A-Z0-9_]+$/i);
        expect(bot.logs.text()).not.toContain('Nieuwe Deelnemer');
        expect(await registered(aadObjectId)).toEqual({ members: 0, events: 0 });

        await proxy.setMode('pass');
        bot.scheduler.wake();
        await bot.scheduler.idle();
        expect(bot.scheduler.lastTickAt()!.getTime()).toBeGreaterThan(tickBefore!.getTime());
        expect(await probe(bot.base, '/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
        const again = await invoke(bot.base, registerInvoke(aadObjectId, organisationId));
        expect(JSON.stringify(again.body)).not.toMatch(/database antwoordt/);
        expect(await registered(aadObjectId)).toEqual({ members: 1, events: 1 });
      } finally {
        await proxy.setMode('pass');
        await bot.stop();
      }
    },
  );

  it('when the connection is cut as the transaction commits, then nothing of it is written, the turn says so, and a retry writes it once', async () => {
    const bot = await startBotBehindProxy();
    const organisationId = (await db.organisation.findFirstOrThrow()).id;
    const aadObjectId = randomUUID();
    try {
      const cut = proxy.cutOnce('COMMIT');
      const turn = await invoke(bot.base, registerInvoke(aadObjectId, organisationId));
      await cut;
      expect(String(turn.body.value)).toMatch(databaseMessage);
      expect(await registered(aadObjectId)).toEqual({ members: 0, events: 0 });

      await invoke(bot.base, registerInvoke(aadObjectId, organisationId));
      expect(await registered(aadObjectId)).toEqual({ members: 1, events: 1 });
    } finally {
      await bot.stop();
    }
  });
});
