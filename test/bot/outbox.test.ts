import { fork } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { TestAdapter, type Activity } from '../../bot/teams/testing.ts';
import { createAdapter } from '../../bot/teams/adapter.ts';
import { BotNotifier } from '../../bot/teams/proactive.ts';
import { withTrace } from '../../src/audit/trace.ts';
import { saveConversation } from '../../src/conversations/conversation-ref.repository.ts';
import { maxDeliveryAttempts } from '../../src/notify/outbox.ts';
import { queueNotifications } from '../../src/notify/queue.ts';
import { claimDueMessages } from '../../src/notify/outbox.repository.ts';
import type { Notification } from '../../src/notify/notification.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { composeForTest } from '../support/compose.ts';
import { databaseUrl, useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { startFakeConnector } from '../support/fake-connector.ts';
import { capturingLogger } from '../support/logs.ts';
import { textOf } from '../support/bot.ts';
import { agendaPostJob } from '../../src/conferences/planning.ts';
import { findJob } from '../../src/jobs/job.repository.ts';
import { ensureRetentionSweep } from '../../src/retention/delete-due.ts';
import { planSessions } from '../../src/conferences/planning.ts';
import { listTables } from '../../src/conferences/table.repository.ts';

const db = useDatabase();
const [pm, police] = demoMembers;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));

beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => connector.stop());

/** One bot instance: the real BotNotifier on botbuilder's real CloudAdapter, talking HTTP to the fake connector. */
function instance(owner: string) {
  const adapter = createAdapter({ microsoftApp: undefined });
  const logs = capturingLogger();
  const notifier = new BotNotifier({
    db,
    log: logs.log,
    continueConversation: (reference, logic) => adapter.continueConversationAsync('', reference, logic),
    createConversation: (serviceUrl, parameters, logic) =>
      adapter.createConversationAsync('', 'msteams', serviceUrl, undefined as unknown as string, parameters, logic),
  });
  const composed = composeForTest(db, { clock, notifier, log: logs.log, owner });
  return { ...composed, logs };
}

const rows = () => db.outboxMessage.findMany({ orderBy: { createdAt: 'asc' } });

/** A bot instance in a process of its own (test/support/outbox-process.ts), at this test's clock; SIGKILL ends it. */
async function botProcess(owner: string) {
  const child = fork('test/support/outbox-process.ts', [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: databaseUrl(), DATABASE_KIND: inject('databaseKind'), OWNER: owner },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise((resolve) => child.once('message', resolve));
  child.send({ now: clock.now().toISOString() });
  return child;
}

/** What a use case does: queue in the outbox (here on its own), then the bot wakes delivery. */
async function tellThrough(bot: ReturnType<typeof instance>, told: Notification[]): Promise<void> {
  await queueNotifications(db, told, clock.now());
  bot.deps.deliver(told);
}
const personalRef = (aadObjectId: string, conversationId: string) => ({
  conversationId,
  kind: 'personal' as const,
  aadObjectId,
  reference: {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: conversationId, tenantId: 'tenant-zvh' },
    bot: { id: '28:bot' },
    user: { id: `29:${aadObjectId}` },
  },
});
/** A notification whose card needs nothing but the recipient: a problem with an agenda the pm may see. */
async function agendaProblemFor(to: string): Promise<Notification> {
  const session = await db.conferenceSession.findFirstOrThrow();
  return { kind: 'agendaProblem', to, sessionId: session.id, problem: 'noChannel' };
}

beforeEach(async () => {
  connector.reset();
  clock.set(new Date('2026-11-23T09:00:00Z'));
  await seedDemoData(db, [...demoMembers]);
  for (const table of await listTables(db)) await db.$transaction((tx) => planSessions(tx, table, clock.now()));
  await saveConversation(db, personalRef(pm.aadObjectId, 'a:pm'));
});

describe('the outbox: nothing lost, nothing twice, no turn waiting on Teams', () => {
  it('429 with Retry-After: one HTTP try, the next at the time Teams asked for, and it arrives once', async () => {
    const bot = instance('one');
    connector.script({ kind: 'status', status: 429, retryAfter: 7 });
    await tellThrough(bot, [await agendaProblemFor(pm.aadObjectId)]);
    await bot.background.settled();
    const [waiting] = await rows();
    expect(waiting).toMatchObject({ state: 'retrying', attempts: 1, lastError: '429' });
    expect(waiting!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(7_000);
    expect(connector.requests).toHaveLength(1);
    clock.set(new Date(clock.now().getTime() + 6_000));
    expect(await bot.outbox.deliverDue()).toBe(0);
    clock.set(new Date(clock.now().getTime() + 1_000));
    expect(await bot.outbox.deliverDue()).toBe(1);
    expect(connector.created).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it("500 every time: botbuilder's own retry is off (one request per try), backoff grows, it ends as failed and shows in meldingen", async () => {
    const bot = instance('one');
    connector.script(...Array.from({ length: maxDeliveryAttempts }, () => ({ kind: 'status' as const, status: 500 })));
    await tellThrough(bot, [await agendaProblemFor(pm.aadObjectId)]);
    await bot.background.settled();
    const delays: number[] = [];
    for (let attempt = 2; attempt <= maxDeliveryAttempts; attempt++) {
      const row = (await rows())[0]!;
      delays.push(row.nextAttemptAt.getTime() - clock.now().getTime());
      clock.set(row.nextAttemptAt);
      await bot.outbox.deliverDue();
    }
    expect(connector.requests).toHaveLength(maxDeliveryAttempts);
    expect(connector.created).toHaveLength(0);
    expect(delays[3]!).toBeGreaterThan(delays[0]!);
    expect((await rows())[0]).toMatchObject({ state: 'failed', lastError: '500', attempts: maxDeliveryAttempts });
    expect(bot.logs.lines().some((l) => JSON.stringify(l).includes('Probleem'))).toBe(false);
  });

  it('a refused connection is a passing fault: tried again later, delivered once when Teams is back', async () => {
    const bot = instance('one');
    connector.script({ kind: 'drop' });
    await tellThrough(bot, [await agendaProblemFor(pm.aadObjectId)]);
    await bot.background.settled();
    expect((await rows())[0]).toMatchObject({ state: 'retrying', attempts: 1 });
    clock.set((await rows())[0]!.nextAttemptAt);
    await bot.outbox.deliverDue();
    expect(connector.created).toHaveLength(1);
    expect((await rows())[0]!.state).toBe('sent');
  });

  it('403 (app not installed, or blocked): not retried; the message waits and arrives when the person next writes', async () => {
    const bot = instance('one');
    await saveConversation(db, personalRef(police.aadObjectId, 'a:police'));
    connector.script({ kind: 'status', status: 403, code: 'BotNotInConversationRoster' });
    await tellThrough(bot, [{ ...(await agendaProblemFor(pm.aadObjectId)), to: police.aadObjectId } as Notification]);
    await bot.background.settled();
    const failed = (await rows()).find((r) => r.recipient === police.aadObjectId)!;
    expect(failed).toMatchObject({ state: 'failed', lastError: '403', attempts: 1 });
    expect((await db.member.findFirstOrThrow({ where: { aadObjectId: police.aadObjectId } })).messagesWaiting).toBe(
      true,
    );
    clock.set(new Date(clock.now().getTime() + 24 * 3600_000));
    expect(await bot.outbox.deliverDue()).toBe(0);
    expect(connector.requests).toHaveLength(1);

    // The police officer writes to the bot: what waited goes out, once.
    const adapter = new TestAdapter(async (context) => {
      await withTrace(() => bot.app.run(context));
    });
    await adapter.processActivity({
      type: 'message',
      text: 'hulp',
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: `29:${police.aadObjectId}`, aadObjectId: police.aadObjectId, name: police.displayName },
      recipient: { id: '28:bot', name: 'Casusbot' },
      conversation: {
        id: 'a:police',
        conversationType: 'personal',
        tenantId: 'tenant-zvh',
      } as Activity['conversation'],
      channelData: { tenant: { id: 'tenant-zvh' } },
    });
    await bot.background.settled();
    expect(connector.created).toHaveLength(1);
    expect((await rows()).find((r) => r.recipient === police.aadObjectId)!.state).toBe('sent');
    expect((await db.member.findFirstOrThrow({ where: { aadObjectId: police.aadObjectId } })).messagesWaiting).toBe(
      false,
    );
  });

  it('meldingen shows the procesmanager what did not arrive (kind, to whom, since when; no content) and Opnieuw proberen sends it', async () => {
    const bot = instance('one');
    await saveConversation(db, personalRef(police.aadObjectId, 'a:police'));
    connector.script({ kind: 'status', status: 404, code: 'ConversationNotFound' });
    await tellThrough(bot, [{ ...(await agendaProblemFor(pm.aadObjectId)), to: police.aadObjectId } as Notification]);
    await bot.background.settled();
    const adapter = new TestAdapter(async (context) => {
      await withTrace(() => bot.app.run(context));
    });
    adapter.onTurnError = bot.onTurnError;
    const personal = {
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: `29:${pm.aadObjectId}`, aadObjectId: pm.aadObjectId, name: pm.displayName },
      recipient: { id: '28:bot', name: 'Casusbot' },
      conversation: { id: 'a:pm', conversationType: 'personal', tenantId: 'tenant-zvh' } as Activity['conversation'],
      channelData: { tenant: { id: 'tenant-zvh' } },
    };
    await adapter.processActivity({ ...personal, type: 'message', text: 'meldingen' });
    const shown = textOf(adapter.activeQueue.splice(0));
    expect(shown).toContain('probleem met de agenda voor');
    expect(shown).toContain(police.displayName);
    expect(shown).toContain('nog geen chat');
    const id = (await rows())[0]!.id;
    connector.reset();
    await adapter.processActivity({
      ...personal,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'notice.retry', data: { verb: 'notice.retry', noticeId: id } } },
    });
    await bot.background.settled();
    expect(connector.created).toHaveLength(1);
    expect((await rows())[0]!.state).toBe('sent');

    // Someone other than the procesmanager is refused.
    await adapter.processActivity({
      ...personal,
      from: { id: `29:${police.aadObjectId}`, aadObjectId: police.aadObjectId, name: police.displayName },
      conversation: {
        id: 'a:police',
        conversationType: 'personal',
        tenantId: 'tenant-zvh',
      } as Activity['conversation'],
      type: 'message',
      text: 'meldingen',
    });
    expect(textOf(adapter.activeQueue.splice(0))).toContain('Alleen de procesmanager ziet welke berichten');
  });

  it('two instances deliver 40 messages side by side: each arrives exactly once', async () => {
    const one = instance('one');
    const two = instance('two');
    const n = await agendaProblemFor(pm.aadObjectId);
    await tellThrough(
      one,
      Array.from({ length: 40 }, () => n),
    );
    await Promise.all([one.outbox.deliverDue(), two.outbox.deliverDue(), one.background.settled()]);
    expect(connector.created).toHaveLength(40);
    expect((await rows()).every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('an instance in a process of its own killed (SIGKILL) while Teams holds its message: the other instance never sends that one again (uncertain, listed in meldingen) and sends the rest once', async () => {
    const recipients = demoMembers.slice(0, 5);
    for (const [i, m] of recipients.entries()) await saveConversation(db, personalRef(m.aadObjectId, `a:kill-${i}`));
    const n = await agendaProblemFor(pm.aadObjectId);
    await queueNotifications(
      db,
      recipients.map((m) => ({ ...n, to: m.aadObjectId }) as Notification),
      clock.now(),
    );
    connector.script({ kind: 'hang' });
    // The dying instance is a process of its own; the other is this one.
    const dying = await botProcess('dying');
    const other = instance('other');
    try {
      dying.send({ deliver: true });
      for (let i = 0; i < 250 && connector.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(connector.requests).toHaveLength(1);
      // The dying process took the whole batch: one is with Teams, the rest are leased to it.
      expect((await rows()).map((r) => r.state).sort()).toEqual([
        'pending',
        'pending',
        'pending',
        'pending',
        'sending',
      ]);
      dying.kill('SIGKILL');
      await new Promise((resolve) => dying.once('exit', resolve));
      // While its lease runs, nothing of it is taken again.
      expect(await other.outbox.deliverDue()).toBe(0);
      expect(connector.requests).toHaveLength(1);
      clock.set(new Date(clock.now().getTime() + 31_000));
      expect(await other.outbox.deliverDue()).toBe(4);
      expect(connector.requests).toHaveLength(5);
      const paths = connector.requests.map((r) => r.path);
      expect(new Set(paths).size).toBe(5); // each conversation once: the held message was not sent again
      const after = await rows();
      expect(after.filter((r) => r.state === 'sent')).toHaveLength(4);
      expect(after.filter((r) => r.state === 'uncertain')).toEqual([
        expect.objectContaining({ lastError: 'CRASHED_WHILE_SENDING', attempts: 1 }),
      ]);
      // The uncertain one is the message the killed process had handed to Teams.
      const held = recipients.findIndex((m) => m.aadObjectId === after.find((r) => r.state === 'uncertain')!.recipient);
      expect(connector.requests[0]!.path).toContain(encodeURIComponent(`a:kill-${held}`));
    } finally {
      if (dying.exitCode === null && dying.signalCode === null) dying.kill('SIGKILL');
    }
  });

  it('a channel post that Teams created and then answered 502: posted once, never again; the job is uncertain and the procesmanager told', async () => {
    const bot = instance('one');
    const session = await db.conferenceSession.findFirstOrThrow({ orderBy: { startsAt: 'asc' } });
    await db.conferenceTable.update({ where: { id: session.tableId }, data: { channelConversationId: '19:overleg' } });
    await saveConversation(db, {
      conversationId: '19:overleg',
      kind: 'channel',
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: '19:overleg', tenantId: 'tenant-zvh' },
        bot: { id: '28:bot' },
      },
    });
    connector.script({ kind: 'createdThen502' });
    await bot.jobs.runNow(agendaPostJob, session.id, ['pending']);
    await bot.background.settled();
    const channelPosts = connector.created.filter(
      (r) => r.path.includes('19%3Aoverleg') || r.path.includes('19:overleg'),
    );
    expect(channelPosts).toHaveLength(1);
    expect((await findJob(db, agendaPostJob, session.id))?.state).toBe('uncertain');
    expect(await rows()).toMatchObject([{ kind: 'agendaProblem', recipient: pm.aadObjectId, state: 'sent' }]);
  });

  it('delivered messages are kept a week for meldingen, then the retention sweep removes them; undelivered ones stay', async () => {
    const bot = instance('one');
    const n = await agendaProblemFor(pm.aadObjectId);
    await tellThrough(bot, [n, n]);
    await bot.background.settled();
    const [kept, gone] = await rows();
    await db.outboxMessage.update({ where: { id: kept!.id }, data: { state: 'failed', lastError: '403' } });
    clock.set(new Date(clock.now().getTime() + 8 * 24 * 3600_000));
    await ensureRetentionSweep(db, clock.now());
    await bot.jobs.runDue();
    const left = await db.outboxMessage.findMany({ where: { id: { in: [kept!.id, gone!.id] } } });
    expect(left.map((r) => r.id)).toEqual([kept!.id]);
  });

  it('stopping gives back what an instance took but did not send yet: another instance sends it at once, once', async () => {
    const one = instance('one');
    const two = instance('two');
    await queueNotifications(db, [await agendaProblemFor(pm.aadObjectId)], clock.now());
    await claimDueMessages(db, clock.now(), 'one', new Date(clock.now().getTime() + 120_000), 10);
    expect(await two.outbox.deliverDue()).toBe(0);
    expect(await one.outbox.releaseLeases()).toBe(1);
    expect(await two.outbox.deliverDue()).toBe(1);
    expect(connector.created).toHaveLength(1);
  });
});
