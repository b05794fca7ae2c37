import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatReference } from '../../src/cases/reference.ts';
import { ensureJob } from '../../src/jobs/job.repository.ts';
import { deleteDueCases, deletionBatchSize } from '../../src/retention/delete-due.ts';
import { defaultRetention } from '../../src/retention/retention.rules.ts';
import { seedActors, type Actors } from '../support/actors.ts';
import { useDatabase } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';

const sent: string[] = [];
const db = useDatabase({ onStatement: (sql) => sent.push(sql) });
const now = new Date('2028-02-01T10:00:00Z');
const clock = new FixedClock(now);
let a: Actors;

beforeEach(async () => {
  a = await seedActors(db);
});

/**
 * `count` closed cases as the lifecycle leaves them, written at once: two persons each (with a name and a BSN only
 * they have), two involved partners, a regie update naming the person, and a job still waiting for the case. Closed
 * on 15 January 2027 (`due`), or a month ago (not due).
 */
async function closedCases(count: number, options: { due: boolean; first?: number }) {
  const first = options.first ?? 0;
  const closedAt = options.due ? new Date('2027-01-15T15:00:00Z') : new Date('2028-01-01T15:00:00Z');
  const cases = Array.from({ length: count }, (_, k) => ({
    id: randomUUID(),
    reference: formatReference(2026, first + k + 1),
    status: 'closed' as const,
    referrerMemberId: a.police.memberId,
    referrerOrganisationId: a.police.organisationId,
    responsibleOrganisationId: a.police.organisationId,
    form: { p1_name: `Zefanja Batch ${first + k}` },
    lifeDomains: { housing: `Zefanja Batch ${first + k} verliest haar huis` },
    chains: ['care'],
    submittedAt: new Date('2026-07-01T09:00:00Z'),
    decidedAt: new Date('2026-07-03T09:00:00Z'),
    closedAt,
    outcome: 'goalReached' as const,
    closureNote: `Zefanja Batch ${first + k} woont weer zelfstandig`,
  }));
  await db.case.createMany({ data: cases });
  await db.casePerson.createMany({
    data: cases.flatMap((c, k) =>
      [1, 2].map((position) => ({
        caseId: c.id,
        position,
        name: `Zefanja Batch ${first + k}-${position}`,
        birthDate: new Date('1990-04-12T00:00:00Z'),
        address: 'Kaya Batch 1',
        bsn: String(900_000_000 + (first + k) * 10 + position),
      })),
    ),
  });
  await db.caseOrganisation.createMany({
    data: cases.flatMap((c) =>
      [a.police.organisationId, a.youthCareContact.organisationId].map((o) => ({ caseId: c.id, organisationId: o })),
    ),
  });
  await db.regieUpdate.createMany({
    data: cases.map((c, k) => ({
      caseId: c.id,
      kind: 'progress' as const,
      text: `Zefanja Batch ${first + k} betaalt af`,
    })),
  });
  for (const c of cases)
    await ensureJob(db, { kind: 'test.later', subjectId: c.id, dueAt: new Date('2030-01-01T00:00:00Z') });
  return cases;
}

/** What is left anywhere of the persons and cases with these ids. */
async function traces(ids: string[]) {
  const [cases, persons, organisations, updates, named] = await Promise.all([
    db.case.count({ where: { id: { in: ids } } }),
    db.casePerson.count({ where: { caseId: { in: ids } } }),
    db.caseOrganisation.count({ where: { caseId: { in: ids } } }),
    db.regieUpdate.count({ where: { caseId: { in: ids } } }),
    db.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT count(*) FROM case_person WHERE name LIKE 'Zefanja Batch%' AND "caseId" = ANY(${ids}::uuid[]))
            + (SELECT count(*) FROM case_fact WHERE "lifeDomains"::text LIKE '%Zefanja%')
            + (SELECT count(*) FROM audit_event WHERE "recordId" LIKE '%Zefanja%'))::int AS n`,
  ]);
  return { cases, persons, organisations, updates, named: named[0]!.n };
}

describe('retention deletes due cases in batches: one transaction and a fixed number of statements per batch', () => {
  it(`300 due cases among 310 go in two batches of at most ${deletionBatchSize}, each case whole, with its facts, tombstone, audit event and cancelled job`, async () => {
    const due = (await closedCases(300, { due: true })).map((c) => c.id);
    const kept = (await closedCases(10, { due: false, first: 300 })).map((c) => c.id);
    sent.splice(0);
    const result = await deleteDueCases({ db, clock, log: capturingLogger().log }, defaultRetention);
    const statements = sent.splice(0);
    expect(result).toEqual({ case: 300, referral: 0, draft: 0, failed: 0, batches: 2, unfinished: false });
    // Per batch: BEGIN, lock and re-check, fact sources, facts, tombstones, jobs, delete, audit, COMMIT; and three
    // listings of due ids (the last finds none left).
    expect(statements.filter((s) => s === 'BEGIN')).toHaveLength(2);
    expect(statements.filter((s) => s === 'COMMIT')).toHaveLength(2);
    expect(statements.length).toBeLessThanOrEqual(2 * 9 + 3);

    expect(await traces(due)).toEqual({ cases: 0, persons: 0, organisations: 0, updates: 0, named: 0 });
    expect(await db.caseFact.count()).toBe(300);
    expect(await db.deletedCase.count({ where: { caseId: { in: due } } })).toBe(300);
    const audits = await db.auditEvent.findMany({ where: { action: 'case.deleted' } });
    expect(new Set(audits.map((e) => e.recordId))).toEqual(new Set(due));
    expect(
      audits.every((e) => e.actorAadObjectId === null && e.caseId === e.recordId && e.purpose === 'verwijdering'),
    ).toBe(true);
    expect(await db.scheduledJob.count({ where: { kind: 'test.later', state: 'cancelled' } })).toBe(300);
    // The cases not yet due are untouched.
    expect(await traces(kept)).toEqual({ cases: 10, persons: 20, organisations: 20, updates: 10, named: 20 });
    expect(await db.scheduledJob.count({ where: { kind: 'test.later', state: 'pending' } })).toBe(10);
  });

  it('a batch that fails is deleted one case per transaction: the bad case stays whole, the others go', async () => {
    const cases = await closedCases(5, { due: true });
    const bad = cases[2]!;
    // Its reference is taken already, so its tombstone cannot be written: the batch fails on it.
    await db.deletedCase.create({ data: { reference: bad.reference, caseId: randomUUID(), deletedAt: now } });
    const logs = capturingLogger();
    sent.splice(0);
    const result = await deleteDueCases({ db, clock, log: logs.log }, defaultRetention);
    const statements = sent.splice(0);
    expect(result).toEqual({ case: 4, referral: 0, draft: 0, failed: 1, batches: 1, unfinished: false });
    // The batch, then each of its five cases alone.
    expect(statements.filter((s) => s === 'BEGIN')).toHaveLength(6);
    expect(statements.filter((s) => s === 'COMMIT')).toHaveLength(4);

    const others = cases.filter((c) => c !== bad).map((c) => c.id);
    expect(await traces(others)).toEqual({ cases: 0, persons: 0, organisations: 0, updates: 0, named: 0 });
    expect(await traces([bad.id])).toEqual({ cases: 1, persons: 2, organisations: 2, updates: 1, named: 2 });
    expect(await db.caseFact.count()).toBe(4);
    expect((await db.auditEvent.findMany({ where: { action: 'case.deleted' } })).map((e) => e.recordId).sort()).toEqual(
      others.sort(),
    );
    expect(logs.lines().map((l) => l.msg)).toEqual(
      expect.arrayContaining(['retention batch failed: deleting its cases one by one', 'case deletion failed']),
    );
    expect(logs.text()).not.toContain('Zefanja');
  });
});
