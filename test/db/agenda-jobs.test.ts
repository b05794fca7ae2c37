import { beforeEach, describe, expect, it } from 'vitest';
import { TurnContext, type Activity } from '../../bot/teams/testing.ts';
import { composeForTest } from '../support/compose.ts';
import { BotNotifier } from '../../bot/teams/proactive.ts';
import { saveConversation } from '../../src/conversations/conversation-ref.repository.ts';
import type { Db } from '../../src/db/client.ts';
import { editAgenda, publicAgenda } from '../../src/conferences/agenda.ts';
import { agendaPostJob } from '../../src/conferences/planning.ts';
import { findSessionById } from '../../src/conferences/session.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { linkChannel } from '../../src/conferences/tables.ts';
import { claimDueJob, findJob, markSending } from '../../src/jobs/job.repository.ts';
import { submitReferral } from '../../src/referrals/submit-referral.ts';
import { decideScreening } from '../../src/screening/decide-screening.ts';
import type { Notifier } from '../../src/notify/notifier.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase, withSecondInstance } from '../support/database.ts';
import { FixedClock, RecordingNotifier } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';
import { validReferralData } from '../support/referral.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
const channel = '19:casusoverleg@thread.tacv2';
let a: Actors;
let sessionId: string;
beforeEach(async () => {
  clock.set(new Date('2026-11-23T09:00:00Z'));
  a = await seedActors(db);
  const result = await submitReferral({ db, clock }, a.police, {
    data: validReferralData([a.orgs['Korps Politie CN']!, a.orgs['Jeugdzorg CN']!]),
  });
  if (!result.ok) throw new Error('invalid');
  const decided = await decideScreening({ db, clock, informWithinDays: 14 }, a.pm, result.caseId, {
    decision: 'accept',
    tableId: (await listTables(db))[0]!.id,
  });
  if (!decided.ok) throw new Error('not accepted');
  sessionId = decided.case.firstSessionId!; // Tuesday 24 November 14:00 UTC; the agenda is due 24 hours before
  await saveConversation(db, {
    conversationId: channel,
    kind: 'channel',
    reference: { conversation: { id: channel }, serviceUrl: 'https://smba.example/' },
  });
  // What the intake and screening told is set aside: these tests look at what the agenda job sends.
  await db.outboxMessage.deleteMany();
});

/** One bot instance's scheduler, as main.ts composes it, with its own database client when given one. */
function instance(options: { notifier?: Notifier; db?: Db; owner?: string } = {}) {
  const logs = capturingLogger();
  const notifier = (options.notifier ?? new RecordingNotifier()) as RecordingNotifier;
  const {
    jobs: runner,
    background,
    deps,
  } = composeForTest(options.db ?? db, {
    clock,
    log: logs.log,
    notifier,
    owner: options.owner,
  });
  return {
    runner,
    notifier,
    logs,
    run: async () => {
      const n = await runner.runDue();
      await background.settled();
      return n;
    },
    /** What a use case told (queued in its transaction): waits until the outbox delivered it. */
    deliver: async (told: Parameters<typeof deps.deliver>[0]) => {
      deps.deliver(told);
      await background.settled();
    },
  };
}
const linkTable = async () => linkChannel({ db, clock }, a.pm, (await listTables(db))[0]!.id, channel);
const posts = (n: RecordingNotifier) => n.inConversation(channel);

describe('the agenda goes to the channel at the lead time, exactly once', () => {
  it('before the lead time nothing is posted; at it the agenda is posted once, however often the runner runs', async () => {
    await linkTable();
    const bot = instance();
    clock.set(new Date('2026-11-23T13:59:00Z'));
    await bot.run();
    expect(posts(bot.notifier)).toHaveLength(0);
    clock.set(new Date('2026-11-23T14:00:00Z'));
    expect(await bot.run()).toBe(1);
    await bot.run();
    expect(posts(bot.notifier)).toHaveLength(1);
    expect(await findSessionById(db, sessionId)).toMatchObject({
      agendaPublishedAt: new Date('2026-11-23T14:00:00Z'),
      post: { conversationId: channel, activityId: 'activity-1' },
    });
    // Each invited person hears of their own items once; an uninvited organisation does not.
    expect(bot.notifier.to(a.policeColleague.aadObjectId)).toHaveLength(1);
    expect(bot.notifier.to(a.youthCareContact.aadObjectId)).toHaveLength(1);
    expect(bot.notifier.to(a.krusada.aadObjectId)).toHaveLength(0);
    // Logged by job id, without personal data.
    expect(bot.logs.lines().some((l) => l.msg === 'agenda posted to the channel' && l.jobId)).toBe(true);
    expect(bot.logs.text()).not.toMatch(/Jan Fictief|ZVH-2026|Casusoverleg Bonaire/);
  });

  it('two bot instances on one database post it exactly once', async () => {
    await linkTable();
    await withSecondInstance(db, async (other) => {
      const shared = new RecordingNotifier();
      const one = instance({ notifier: shared, owner: 'instance-a' });
      const two = instance({ notifier: shared, db: other, owner: 'instance-b' });
      clock.set(new Date('2026-11-23T14:00:00Z'));
      const ran = await Promise.all([one.run(), two.run(), one.run(), two.run()]);
      expect(ran.reduce((x, y) => x + y, 0)).toBe(1);
      expect(posts(shared)).toHaveLength(1);
      expect((await findJob(db, agendaPostJob, sessionId))?.state).toBe('done');
    });
  });

  it('after downtime the missed post goes out at start-up if the meeting has not begun', async () => {
    await linkTable();
    clock.set(new Date('2026-11-24T13:00:00Z')); // the bot was down from before the lead time until an hour before the meeting
    const bot = instance();
    await bot.run();
    expect(posts(bot.notifier)).toHaveLength(1);
  });

  it('when the meeting has begun it is marked missed and the procesmanagers are told', async () => {
    await linkTable();
    clock.set(new Date('2026-11-24T14:05:00Z'));
    const bot = instance();
    await bot.run();
    expect(posts(bot.notifier)).toHaveLength(0);
    expect((await findJob(db, agendaPostJob, sessionId))?.state).toBe('missed');
    expect(JSON.stringify(bot.notifier.to(a.pm.aadObjectId))).toContain('al begonnen');
    expect(bot.notifier.to(a.pm2.aadObjectId)).toHaveLength(1);
  });

  it('without a channel the procesmanagers are told; linking one makes the post due again', async () => {
    const bot = instance();
    clock.set(new Date('2026-11-23T14:00:00Z'));
    await bot.run();
    expect(await findJob(db, agendaPostJob, sessionId)).toMatchObject({ state: 'failed', lastError: 'NO_CHANNEL' });
    expect(JSON.stringify(bot.notifier.to(a.pm.aadObjectId))).toContain('tafel koppelen');
    await linkTable();
    await bot.run();
    expect(posts(bot.notifier)).toHaveLength(1);
  });

  it('an instance that died before sending: its lease runs out and another posts once', async () => {
    await linkTable();
    clock.set(new Date('2026-11-23T14:00:00Z'));
    expect(await claimDueJob(db, clock.now(), 'died', new Date('2026-11-23T14:02:00Z'))).toBeDefined();
    const bot = instance();
    await bot.run();
    expect(posts(bot.notifier)).toHaveLength(0); // still leased to the dead instance
    clock.set(new Date('2026-11-23T14:03:00Z'));
    await bot.run();
    expect(posts(bot.notifier)).toHaveLength(1);
  });

  it('an instance that died while sending: no blind second post; the procesmanager checks and posts again, or confirms', async () => {
    await linkTable();
    clock.set(new Date('2026-11-23T14:00:00Z'));
    const job = (await claimDueJob(db, clock.now(), 'died', new Date('2026-11-23T14:02:00Z')))!;
    expect(await markSending(db, job.id, 'died', new Date('2026-11-23T14:02:00Z'))).toBe(true);
    clock.set(new Date('2026-11-23T14:03:00Z'));
    const bot = instance();
    await bot.run();
    expect(posts(bot.notifier)).toHaveLength(0);
    expect((await findJob(db, agendaPostJob, sessionId))?.state).toBe('uncertain');
    const [card] = bot.notifier.to(a.pm.aadObjectId);
    expect(JSON.stringify(card)).toContain('Kijk in het kanaal of de agenda er staat');
    await bot.run();
    expect(posts(bot.notifier)).toHaveLength(0);
    // "Staat er niet: opnieuw plaatsen"
    await bot.runner.runNow(agendaPostJob, sessionId, ['uncertain']);
    expect(posts(bot.notifier)).toHaveLength(1);
    expect(await bot.runner.runNow(agendaPostJob, sessionId, ['uncertain'])).toBeUndefined();
  });

  it('a post that fails after the point of no return (a timeout) is not retried blindly either', async () => {
    await linkTable();
    const failing: RecordingNotifier = Object.assign(new RecordingNotifier(), {
      toConversation: async () => {
        throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
      },
    });
    const bot = instance({ notifier: failing });
    clock.set(new Date('2026-11-23T14:00:00Z'));
    await bot.run();
    expect((await findJob(db, agendaPostJob, sessionId))?.state).toBe('uncertain');
    expect(failing.to(a.pm.aadObjectId)).toHaveLength(1);
  });
});

describe('after publication', () => {
  it('later changes edit the posted card in place and never post a second one', async () => {
    await linkTable();
    const bot = instance();
    clock.set(new Date('2026-11-23T14:00:00Z'));
    await bot.run();
    const [item] = (await publicAgenda(db, sessionId)).items;
    const notifications = await editAgenda({ db, clock }, a.pm, sessionId, { action: 'remove', itemId: item!.id });
    await bot.deliver(notifications);
    expect(posts(bot.notifier)).toHaveLength(1);
    expect(bot.notifier.updates).toHaveLength(1);
    expect(bot.notifier.updates[0]).toMatchObject({ conversationId: channel, activityId: 'activity-1' });
    expect(JSON.stringify(bot.notifier.updates[0]!.message)).toContain('Er staan geen casussen op de agenda');
  });

  it('a case accepted onto an agenda that is already out: the card is edited and its invited people get their message', async () => {
    await linkTable();
    const bot = instance();
    clock.set(new Date('2026-11-23T14:00:00Z'));
    await bot.run();
    clock.set(new Date('2026-11-22T09:00:00Z')); // screening still at least a day ahead of the meeting
    const result = await submitReferral({ db, clock }, a.mentalHealth, {
      data: validReferralData([a.orgs['Mental Health Caribbean']!]),
    });
    if (!result.ok) throw new Error('invalid');
    const decided = await decideScreening({ db, clock, informWithinDays: 14 }, a.pm, result.caseId, {
      decision: 'accept',
      tableId: (await listTables(db))[0]!.id,
    });
    expect(decided.ok && decided.case.firstSessionId).toBe(sessionId);
    const notifications = decided.ok ? decided.notifications : [];
    expect(notifications).toContainEqual({ kind: 'agendaChanged', sessionId });
    expect(notifications).toContainEqual({ kind: 'agendaPublished', to: a.mentalHealth.aadObjectId, sessionId });
    expect(notifications.filter((n) => n.kind === 'agendaPublished').map((n) => 'to' in n && n.to)).not.toContain(
      a.krusada.aadObjectId,
    );
  });

  it('a slow instance whose lease ran out while sending still records its post; the job is not left uncertain', async () => {
    await linkTable();
    clock.set(new Date('2026-11-23T14:00:00Z'));
    const job = (await claimDueJob(db, clock.now(), 'slow', new Date('2026-11-23T14:02:00Z')))!;
    await markSending(db, job.id, 'slow', new Date('2026-11-23T14:02:00Z'));
    // The slow instance posts and records it, but only after its lease ran out and another instance looked.
    await db.conferenceSession.update({
      where: { id: sessionId },
      data: { agendaPublishedAt: clock.now(), agendaConversationId: channel, agendaActivityId: 'posted-slowly' },
    });
    clock.set(new Date('2026-11-23T14:05:00Z'));
    const other = instance();
    await other.run();
    expect((await findJob(db, agendaPostJob, sessionId))?.state).toBe('done');
    expect(other.notifier.to(a.pm.aadObjectId)).toHaveLength(0);
    expect(posts(other.notifier)).toHaveLength(0);
    expect((await findSessionById(db, sessionId))?.post?.activityId).toBe('posted-slowly');
  });

  it('the JSON the Teams connector receives for the channel holds no names, birth dates, BSN, addresses or problem texts', async () => {
    await linkTable();
    const sent: Partial<Activity>[] = [];
    const logs = capturingLogger();
    const notifier = new BotNotifier({
      db,
      log: logs.log,
      continueConversation: async (_ref, logic) => {
        const context = {
          activity: {},
          sendActivity: async (activity: Partial<Activity>) => {
            sent.push(activity);
            return { id: 'posted-1' };
          },
        };
        await logic(context as unknown as TurnContext);
      },
    });
    const bot = instance({ notifier });
    clock.set(new Date('2026-11-23T14:00:00Z'));
    await bot.run();
    const json = JSON.stringify(sent[0]);
    expect(json).toContain('Agenda Casusoverleg Bonaire');
    expect(json).toMatch(/ZVH-2026-0001/);
    for (const personal of [
      'Jan Fictief',
      'Mira Fictief',
      '12-04-1990',
      '1990-04-12',
      '111222333',
      'Kaya Fictief',
      'huisuitzetting',
      'Schulden',
      'ruzie',
      'dochter',
    ]) {
      expect(json).not.toContain(personal);
    }
    expect((await findSessionById(db, sessionId))?.post?.activityId).toBe('posted-1');
  });
});
