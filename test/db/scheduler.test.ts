import { beforeEach, describe, expect, it } from 'vitest';
import { composeForTest } from '../support/compose.ts';
import { startScheduler } from '../../bot/shared/scheduler.ts';
import { saveConversation } from '../../src/conversations/conversation-ref.repository.ts';
import { agendaPostJob } from '../../src/conferences/planning.ts';
import { listSessions } from '../../src/conferences/session.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { linkChannel } from '../../src/conferences/tables.ts';
import { findJob } from '../../src/jobs/job.repository.ts';
import type { JobRunner } from '../../src/jobs/runner.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock, RecordingNotifier } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-23T14:30:00Z')); // the bot starts after the lead time of Tuesday's meeting
let a: Actors;
beforeEach(async () => {
  a = await seedActors(db);
});

describe('the scheduler of a starting bot', () => {
  it('plans the sessions a year ahead and catches up on the agenda that fell due while it was down, without waiting for an alarm', async () => {
    const logs = capturingLogger();
    const notifier = new RecordingNotifier();
    const { jobs: runner, background } = composeForTest(db, { clock, log: logs.log, notifier });
    const table = (await listTables(db))[0]!;
    await saveConversation(db, { conversationId: 'channel-1', kind: 'channel', reference: {} });
    await linkChannel({ db, clock }, a.pm, table.id, 'channel-1');

    const scheduler = startScheduler({ db, clock, log: logs.log, runner });
    try {
      await scheduler.idle();
      await background.settled();
      const sessions = await listSessions(db, { tableIds: [table.id], from: clock.now() });
      expect(sessions.length).toBeGreaterThan(25);
      expect((await findJob(db, agendaPostJob, sessions[0]!.id))?.state).toBe('done');
      expect(notifier.inConversation('channel-1')).toHaveLength(1);
      expect((await findJob(db, agendaPostJob, sessions[1]!.id))?.state).toBe('pending');
    } finally {
      await scheduler.stop();
    }
    // Stopped: waking does nothing any more.
    scheduler.wake();
    await scheduler.idle();
    expect(notifier.inConversation('channel-1')).toHaveLength(1);
  });
});

describe('a scheduler round that hangs', () => {
  it('when a round does not end within its bound, then it is let go and logged, it does not count as a tick, and the next round runs', async () => {
    const logs = capturingLogger();
    let release: (ran: number) => void = () => {};
    const rounds: Promise<number>[] = [new Promise<number>((resolve) => (release = resolve)), Promise.resolve(0)];
    let calls = 0;
    const runner = {
      owner: 'instance-test',
      runDue: () => rounds[Math.min(calls++, 1)]!,
      nextDueAt: async () => undefined,
    } as unknown as JobRunner;
    const scheduler = startScheduler({ db, clock, log: logs.log, runner, roundMs: 200 });
    try {
      await scheduler.idle();
      // (Planning the sessions may be let go too on a busy machine: only the hanging round is asked about.)
      const abandoned = logs.lines().filter((l) => l.msg === 'scheduler round abandoned: it took too long');
      expect(abandoned.filter((l) => l.label === 'run due jobs')).toEqual([
        expect.objectContaining({ level: 50, roundMs: 200 }),
      ]);
      expect(scheduler.lastTickAt()).toBeUndefined();

      scheduler.wake();
      await scheduler.idle();
      // The next round ran (the minute's safety sweep may have run one more when the test crossed a minute).
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(scheduler.lastTickAt()).toBeInstanceOf(Date);
    } finally {
      release(0);
      await scheduler.stop();
    }
  });
});
