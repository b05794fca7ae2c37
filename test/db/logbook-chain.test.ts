import { describe, expect, it } from 'vitest';
import { listAuditEvents, recordAudit, recordAudits } from '../../src/audit/audit.repository.ts';
import { logbookSealHandler, logbookSealJob, pruneOldLogbook } from '../../src/audit/chain.jobs.ts';
import { pruneLogbook, sealLogbook, verifyLogbook } from '../../src/audit/chain.ts';
import type { Db } from '../../src/db/client.ts';
import { ensureJob, listJobs } from '../../src/jobs/job.repository.ts';
import { JobRunner } from '../../src/jobs/runner.ts';
import { useDatabase, withSecondInstance } from '../support/database.ts';
import { FixedClock } from '../support/fakes.ts';
import { capturingLogger } from '../support/logs.ts';

const db = useDatabase();

/** `n` events, as the bot writes them. */
async function events(n: number, action = 'case.viewed'): Promise<void> {
  await recordAudits(
    db,
    { aadObjectId: 'aad-ruben', organisationId: '00000000-0000-4000-8000-000000000001' },
    Array.from({ length: n }, (_, i) => ({
      action,
      recordType: 'case',
      recordId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      purpose: 'regie' as const,
    })),
  );
}

/** What someone with the table owner's rights can do (the trigger stops the bot, not them): in one transaction. */
async function tamper(database: Db, sql: string): Promise<void> {
  await database.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete');
    await tx.$executeRawUnsafe(sql);
    await tx.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete');
  });
}

const ids = async () => (await listAuditEvents(db)).map((e) => e.id);

describe('the logbook chain', () => {
  it('seals rows in id order, in batches, each linked to the one before; the chain verifies intact', async () => {
    await events(25);
    expect(await sealLogbook(db, { marginMs: 0, batchSize: 10 })).toBe(25);
    const rows = await db.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(rows[0]!.prevHash).toBe('');
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(25);
    expect(await verifyLogbook(db, { batchSize: 7 })).toEqual({ checked: 25, unsealed: 0 });
    // Sealing again changes nothing; the trigger still refuses any other change.
    expect(await sealLogbook(db, { marginMs: 0 })).toBe(0);
    await expect(db.auditEvent.updateMany({ data: { purpose: 'anders' } })).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow();
  });

  it('two instances sealing at once take turns on the chain state: every row sealed once, the chain intact', async () => {
    await events(30);
    const sealed = await withSecondInstance(db, (other) =>
      Promise.all([
        sealLogbook(db, { marginMs: 0, batchSize: 4 }),
        sealLogbook(other, { marginMs: 0, batchSize: 4 }),
        events(5),
      ]),
    );
    expect(sealed[0] + sealed[1]).toBeGreaterThanOrEqual(30);
    await sealLogbook(db, { marginMs: 0 });
    expect(await verifyLogbook(db)).toEqual({ checked: 35, unsealed: 0 });
  });

  it('leaves rows younger than the margin unsealed, and counts them as not yet sealed', async () => {
    await events(3);
    expect(await sealLogbook(db, { marginMs: 60_000 })).toBe(0);
    expect(await verifyLogbook(db)).toEqual({ checked: 0, unsealed: 3 });
    await tamper(db, `UPDATE audit_event SET at = at - interval '2 minutes' WHERE id <= 2`);
    await events(1);
    expect(await sealLogbook(db, { marginMs: 60_000 })).toBe(2);
    expect(await verifyLogbook(db)).toEqual({ checked: 2, unsealed: 2 });
  });

  it('a sealed row changed with SQL is found: its number and time, nothing of its content', async () => {
    await events(12);
    await sealLogbook(db, { marginMs: 0 });
    const target = (await ids())[6]!;
    await tamper(db, `UPDATE audit_event SET "actorAadObjectId" = 'aad-someone-else' WHERE id = ${target}`);
    const verdict = await verifyLogbook(db, { batchSize: 5 });
    expect(verdict.firstBreak).toMatchObject({ id: target, kind: 'changed' });
    expect(verdict.firstBreak!.at).toBeInstanceOf(Date);
    expect(verdict.checked).toBe(6);
  });

  it('a sealed row deleted with SQL is found at the row after it; removed rows at the end and a removed first row too', async () => {
    await events(10);
    await sealLogbook(db, { marginMs: 0 });
    const all = await ids();
    await tamper(db, `DELETE FROM audit_event WHERE id = ${all[4]}`);
    expect((await verifyLogbook(db)).firstBreak).toMatchObject({ id: all[5], kind: 'link' });

    await db.$executeRawUnsafe('TRUNCATE audit_event, audit_chain RESTART IDENTITY');
    await events(10);
    await sealLogbook(db, { marginMs: 0 });
    await tamper(db, `DELETE FROM audit_event WHERE id >= ${all[8]}`);
    expect((await verifyLogbook(db)).firstBreak).toMatchObject({ id: all[7], kind: 'end' });

    await db.$executeRawUnsafe('TRUNCATE audit_event, audit_chain RESTART IDENTITY');
    await events(10);
    await sealLogbook(db, { marginMs: 0 });
    await tamper(db, `DELETE FROM audit_event WHERE id = ${all[0]}`);
    expect((await verifyLogbook(db)).firstBreak).toMatchObject({ id: all[1], kind: 'link' });
  });

  it('a hash wiped or rewritten to cover a change is found too', async () => {
    await events(6);
    await sealLogbook(db, { marginMs: 0 });
    const all = await ids();
    await tamper(db, `UPDATE audit_event SET hash = NULL, "prevHash" = NULL WHERE id = ${all[2]}`);
    expect((await verifyLogbook(db)).firstBreak).toMatchObject({ id: all[2], kind: 'unsealed' });
    // Restored, then the row changed and its own hash recomputed: the next row's link no longer fits.
    await db.$executeRawUnsafe('TRUNCATE audit_event, audit_chain RESTART IDENTITY');
    await events(6);
    await sealLogbook(db, { marginMs: 0 });
    const { createHash } = await import('node:crypto');
    const forged = createHash('sha256').update('x').digest('hex');
    await tamper(db, `UPDATE audit_event SET action = 'case.closed', hash = '${forged}' WHERE id = ${all[2]}`);
    expect((await verifyLogbook(db)).firstBreak).toMatchObject({ id: all[2], kind: 'changed' });
  });

  it('pruning old rows keeps the chain verifiable: the first kept row links to the anchor; the pruning is an event', async () => {
    await events(8, 'old.event');
    await tamper(db, `UPDATE audit_event SET at = at - interval '6 years'`);
    await events(4);
    const pruned = await pruneLogbook(db, {
      before: new Date(Date.now() - 5 * 365 * 86_400_000),
      marginMs: 0,
      batchSize: 3,
    });
    expect(pruned.count).toBe(8);
    const left = await listAuditEvents(db);
    expect(left.map((e) => e.action)).toEqual([...Array(4).fill('case.viewed'), 'logbook.pruned']);
    expect(left.at(-1)).toMatchObject({
      actorAadObjectId: null,
      recordType: 'logbook',
      recordId: `${pruned.throughId}:8`,
      purpose: 'verwijdering',
    });
    expect(pruned.throughId).toBe('8');
    await sealLogbook(db, { marginMs: 0 });
    expect(await verifyLogbook(db)).toEqual({ checked: 5, unsealed: 0 });
    // Without the pruning's own transaction setting, deleting stays refused.
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow();
    // A kept row removed after the pruning is still found.
    await tamper(db, `DELETE FROM audit_event WHERE id = 9`);
    expect((await verifyLogbook(db)).firstBreak).toMatchObject({ id: '10', kind: 'link' });
  });

  it('the retention sweep prunes by the configured years; unsealed and young rows stay', async () => {
    await events(3, 'old.event');
    await tamper(db, `UPDATE audit_event SET at = at - interval '3 years'`);
    await events(2);
    const logs = capturingLogger();
    const clock = new FixedClock(new Date());
    const settings = { keptYears: 5, sealMarginMs: 0 };
    expect(await pruneOldLogbook({ db, clock, log: logs.log, logbook: settings })).toBe(0);
    expect(await pruneOldLogbook({ db, clock, log: logs.log, logbook: { ...settings, keptYears: 2 } })).toBe(3);
    expect(logs.lines().some((l) => l.msg === 'retention sweep: logbook rows pruned' && l.rows === 3)).toBe(true);
    expect(await verifyLogbook(db)).toMatchObject({ unsealed: 1 });
    expect((await verifyLogbook(db)).firstBreak).toBeUndefined();
  });

  it('the sealing job runs once per due moment, seals what is due, and plans the next hour', async () => {
    await recordAudit(db, 'system', { action: 'x.y', recordType: 'logbook', purpose: 'logboek' });
    const clock = new FixedClock(new Date('2026-12-06T10:15:00Z'));
    const logs = capturingLogger();
    const handler = logbookSealHandler({ db, clock, log: logs.log, logbook: { keptYears: 5, sealMarginMs: 0 } });
    await ensureJob(db, { kind: logbookSealJob, subjectId: 'now', dueAt: clock.now() });
    const runners = ['a', 'b'].map((owner) => new JobRunner({ db, clock, log: logs.log, handlers: [handler], owner }));
    expect((await Promise.all(runners.map((r) => r.runDue()))).reduce((a, b) => a + b)).toBe(1);
    expect(await verifyLogbook(db)).toEqual({ checked: 1, unsealed: 0 });
    expect((await listJobs(db, { kind: logbookSealJob, state: 'pending' })).map((j) => j.dueAt)).toEqual([
      new Date('2026-12-06T11:00:00Z'),
    ]);
  });
});
