import { beforeEach, describe, expect, it } from 'vitest';
import { composeForTest } from '../support/compose.ts';
import { startScheduler } from '../../bot/shared/scheduler.ts';
import { saveConversation } from '../../src/conversations/conversation-ref.repository.ts';
import { agendaPostJob } from '../../src/conferences/planning.ts';
import { listSessions } from '../../src/conferences/session.repository.ts';
import { listTables } from '../../src/conferences/table.repository.ts';
import { linkChannel } from '../../src/conferences/tables.ts';
import { findJob } from '../../src/jobs/job.repository.ts';
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
