import { beforeEach, describe, expect, it } from 'vitest';
import { offerDownload } from '../../src/privacy/downloads.ts';
import { ensureRetentionSweep, retentionSweepJob } from '../../src/retention/delete-due.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { composeForTest } from '../support/compose.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';

const db = useDatabase();
const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
let a: Actors;
beforeEach(async () => {
  clock.set(new Date('2026-11-23T09:00:00Z'));
  a = await seedActors(db);
});

const sweeps = () => db.scheduledJob.count({ where: { kind: retentionSweepJob, subjectId: { startsWith: 'start-' } } });

describe('on time, every time (issue 19, part 5)', () => {
  it('every start sweeps, also a restart later the same day; instances starting in the same minute share one sweep', async () => {
    await ensureRetentionSweep(db, new Date('2026-11-23T09:00:05Z'));
    await ensureRetentionSweep(db, new Date('2026-11-23T09:00:40Z')); // a second instance of the same deployment
    expect(await sweeps()).toBe(1);
    await ensureRetentionSweep(db, new Date('2026-11-23T11:30:00Z')); // a restart, same day
    expect(await sweeps()).toBe(2);
  });

  it('an inzage document nobody fetched is removed at its expiry, without waiting for a sweep', async () => {
    const { jobs } = composeForTest(db, { clock });
    const deps = { db, clock, linkSecret: 'x'.repeat(32), publicUrl: 'https://bot.example' };
    const { expiresAt } = await offerDownload(deps, a.pm, {
      kind: 'inzage',
      fileName: 'inzage.pdf',
      content: new Uint8Array([1, 2, 3]),
    });
    clock.set(new Date(expiresAt.getTime() - 1));
    await jobs.runDue();
    expect(await db.download.count()).toBe(1);
    clock.set(expiresAt);
    await jobs.runDue();
    expect(await db.download.count()).toBe(0);
  });
});
