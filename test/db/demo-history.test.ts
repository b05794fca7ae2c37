import { describe, expect, it } from 'vitest';
import { seedDemoHistory } from '../../src/demo/history.ts';
import { produceFigures } from '../../src/figures/figures.ts';
import { parsePeriod } from '../../src/figures/periods.ts';
import { demoMembers } from '../../src/organisations/demo-partners.ts';
import { seedDemoData } from '../../src/organisations/seed.ts';
import { dueKind, defaultRetention, retentionCutoffs } from '../../src/retention/retention.rules.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';

const db = useDatabase();

describe('the demo history (SEED_DEMO_DATA)', () => {
  it('two years of fictional cases through every stage, what passed its retention deleted on time, written once', async () => {
    const now = new Date('2026-11-25T12:00:00Z');
    await seedDemoData(db, [...demoMembers]);
    const written = await seedDemoHistory({ db, log: capturingLogger().log, retention: defaultRetention }, now);
    expect(written).toBeGreaterThan(150);
    expect(await seedDemoHistory({ db, log: capturingLogger().log, retention: defaultRetention }, now)).toBe(0);

    const statuses = Object.fromEntries(
      (await db.case.groupBy({ by: ['status'], _count: true })).map((g) => [g.status, g._count]),
    );
    for (const status of ['submitted', 'accepted', 'rejected', 'shadowList', 'closed'])
      expect(statuses[status] ?? 0, status).toBeGreaterThan(0);
    // Nothing live is past its retention period; what was, left anonymous facts and a tombstone, deleted on time.
    const cutoffs = retentionCutoffs(defaultRetention, now);
    const live = await db.case.findMany({ select: { status: true, closedAt: true, decidedAt: true, updatedAt: true } });
    expect(live.filter((c) => dueKind(c, cutoffs))).toEqual([]);
    const facts = await db.caseFact.findMany();
    expect(facts.length).toBeGreaterThan(30);
    expect(facts.every((f) => f.deletedLateDays === 0)).toBe(true);
    expect(await db.deletedCase.count()).toBe(facts.length);
    // Meetings held, coming agendas, the schaduwlijst with its return jobs, evaluations.
    expect(await db.conferenceSession.count({ where: { status: 'held' } })).toBeGreaterThan(40);
    expect(await db.agendaItem.count({ where: { state: 'waiting' } })).toBeGreaterThan(0);
    expect(await db.scheduledJob.count({ where: { kind: 'case.shadowReturn', state: 'pending' } })).toBe(
      statuses.shadowList,
    );
    expect(await db.evaluation.count()).toBeGreaterThan(0);
    // Every name is made up: none of the demo people's, none outside the fictional lists.
    const names = (await db.casePerson.findMany({ select: { name: true } })).map((p) => p.name);
    expect(names.every((n) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n))).toBe(true);
    expect(names.some((n) => demoMembers.some((m) => m.displayName === n))).toBe(false);

    // The figures of last quarter have something to show, from facts and live cases together.
    const view = await produceFigures(
      { db, clock: new FixedClock(now), informWithinDays: 14, timeZone: 'Europe/Amsterdam' },
      parsePeriod('2026-Q3')!,
      'internal',
    );
    const v = view.figures.system.values;
    expect(v['cur.intake']).toBeGreaterThan(10);
    expect(v['prev.intake']).toBeGreaterThan(10);
    expect(view.figures.sessionsHeld.current).toBeGreaterThan(4);
    expect(view.figures.trend.every((t) => v[t.cell]! > 0)).toBe(true);
    // Herhaalde aanmeldingen, marked as they came in: some kept in the facts of deleted cases, some counted now.
    expect(facts.some((f) => f.repeatReferral)).toBe(true);
    expect(v['cur.repeat.yes']).toBeGreaterThan(0);
    expect(v['cur.repeat.yes']).toBeLessThan(v['cur.intake']!);
  });
});
