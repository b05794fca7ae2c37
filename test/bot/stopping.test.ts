import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startBot } from '../../bot/main.ts';
import { loadConfig } from '../../src/config.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { police } from '../support/bot.ts';
import { databaseUrl, useDatabase } from '../support/database.ts';
import { capturingLogger } from '../support/logs.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

// bot/main.ts's stop(), which SIGTERM calls: the database behind a proxy that can stall, so a turn is still waiting
// on it when the stop begins.
const db = useDatabase();
beforeEach(() => seedDemoData(db, [...demoMembers]));
let proxy: TcpProxy;
beforeAll(async () => (proxy = await startTcpProxy(databaseUrl())));
afterAll(() => proxy.close());

const poolSize = inject('databaseKind') === 'pglite' ? 1 : undefined;
const stopLimitMs = 10_000;

const hulp = {
  type: 'message',
  id: 'm1',
  text: 'hulp',
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/teams/',
  deliveryMode: 'expectReplies',
  from: { id: police.teamsUserId, aadObjectId: police.aadObjectId },
  recipient: { id: '28:casusbot' },
  conversation: { id: 'personal-1', conversationType: 'personal', tenantId: 'tenant-zvh' },
};

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never: ${what}`);
}

describe('stopping (SIGTERM)', () => {
  it('when a turn waits on the database as the bot stops, then the turn is answered, the job leases go back and the pool closes, within 10 s', async () => {
    const logs = capturingLogger('info');
    const config = loadConfig({ PORT: '0', DATABASE_URL: proxy.url, LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false' });
    const bot = await startBot(config, logs.log, { poolSize });
    const base = `http://127.0.0.1:${bot.port}`;
    // The scheduler's first round (the retention sweep due at start-up) shows which instance this is.
    await until(async () => (await fetch(`${base}/readyz`)).status === 200, 'ready');
    const owner = (await db.scheduledJob.findFirstOrThrow({ where: { state: 'done' } })).lockedBy!;
    const held = await db.scheduledJob.create({
      data: {
        kind: 'retention.sweep',
        subjectId: 'held-at-stop',
        dueAt: new Date('2026-11-23T08:00:00Z'),
        state: 'running',
        attempts: 1,
        lockedBy: owner,
        lockedUntil: new Date(Date.now() + 60_000),
      },
    });

    await proxy.setMode('stall');
    const answer = fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hulp),
    });
    await until(() => proxy.held() > 0, 'the turn waits on the database');
    const started = performance.now();
    const stopped = bot.stop().then(() => performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await proxy.setMode('pass');

    const res = await answer;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: { attachments?: unknown[] }[] };
    expect(body.activities.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/database antwoordt/);
    expect(await stopped).toBeLessThan(stopLimitMs);

    expect(await db.scheduledJob.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({
      state: 'pending',
      lockedBy: null,
      lastError: 'RELEASED_AT_STOP',
    });
    expect(logs.lines().find((l) => l.msg === 'Casusbot gestopt')).toMatchObject({
      finished: true,
      releasedJobs: 1,
      disconnected: true,
    });
    await until(() => proxy.open() === 0, 'the pool closed its connections');
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
