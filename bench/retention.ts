// The retention benchmark of issue 9: 10,000 closed cases, of which 1,000 were closed more than a year ago,
// and deleteDueCases as the sweep runs it. Reports the total time, the time per deleted case, the number of
// batches, how much memory grew, and (from the database itself) the most cases one transaction deleted: one batch
// (issue 18), each case with its own audit row.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { formatReference } from '../src/cases/reference.ts';
import type { Clock } from '../src/clock.ts';
import type { Db } from '../src/db/client.ts';
import { createLogger } from '../src/logger.ts';
import { deleteDueCases, deletionBatchSize } from '../src/retention/delete-due.ts';
import { listDueForDeletion } from '../src/retention/retention.repository.ts';
import { defaultRetention, retentionCutoffs } from '../src/retention/retention.rules.ts';
import { time } from './timing.ts';

const total = Number(process.env.BENCH_RETENTION_CASES ?? 10_000);
const due = Math.round(total / 10);
const chunk = 1_000;
const batchSize = deletionBatchSize;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Closed cases as the lifecycle leaves them, written with createMany: a reference (of a year no other part of
 * the bench uses), the structured copy, two persons, two involved partners and a regie update. The first
 * `due` were closed 13 to 24 months ago, the rest within the last year.
 */
async function seedClosedCases(db: Db, now: Date) {
  const referrer = await db.member.findFirstOrThrow({
    where: { role: 'participant' },
    select: { id: true, organisationId: true },
  });
  const partners = await db.organisation.findMany({ where: { kind: 'partner' }, select: { id: true } });
  const year = DateTime.fromJSDate(now, { zone: 'utc' }).year - 5;
  const at = (monthsAgo: number, i: number) =>
    DateTime.fromJSDate(now, { zone: 'utc' }).minus({ months: monthsAgo, minutes: i }).toJSDate();
  for (let start = 0; start < total; start += chunk) {
    const cases = Array.from({ length: Math.min(chunk, total - start) }, (_, k) => {
      const i = start + k;
      const closedAt = i < due ? at(13 + (i % 12), i) : at(i % 11, i);
      return {
        id: randomUUID(),
        reference: formatReference(year, i + 1),
        status: 'closed' as const,
        referrerMemberId: referrer.id,
        referrerOrganisationId: referrer.organisationId,
        responsibleOrganisationId: referrer.organisationId,
        form: {},
        lifeDomains: { housing: 'Huurachterstand', finances: 'Schulden' },
        chains: ['care', 'justice'],
        submittedAt: DateTime.fromJSDate(closedAt).minus({ months: 6 }).toJSDate(),
        decidedAt: DateTime.fromJSDate(closedAt).minus({ months: 6 }).plus({ days: 3 }).toJSDate(),
        closedAt,
        outcome: 'goalReached' as const,
        closureNote: `Afgesloten ${i}`,
      };
    });
    await db.case.createMany({ data: cases });
    await db.casePerson.createMany({
      data: cases.flatMap((c, k) =>
        [1, 2].map((position) => ({
          caseId: c.id,
          position,
          name: `Persoon R${start + k}-${position}`,
          birthDate: new Date('1990-04-12T00:00:00Z'),
          address: 'Kaya 1',
          bsn: null,
        })),
      ),
    });
    await db.caseOrganisation.createMany({
      data: cases.flatMap((c, k) =>
        [0, 5].map((step) => ({ caseId: c.id, organisationId: partners[(start + k + step) % partners.length]!.id })),
      ),
    });
    await db.regieUpdate.createMany({
      data: cases.map((c) => ({ caseId: c.id, kind: 'progress' as const, text: 'Voortgang' })),
    });
    process.stdout.write('.');
  }
}

/** The most cases one transaction deleted: the rows a transaction writes share its xmin. */
async function maxCasesPerTransaction(db: Db): Promise<{ facts: number; audits: number }> {
  const [facts] = await db.$queryRaw<
    { n: number | null }[]
  >`SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM case_fact GROUP BY xmin::text) x`;
  const [audits] = await db.$queryRaw<{ n: number | null }[]>`
    SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM audit_event WHERE action = 'case.deleted' GROUP BY xmin::text) x`;
  return { facts: facts?.n ?? 0, audits: audits?.n ?? 0 };
}

export async function measureRetention(db: Db, options: { clock: Clock } = { clock: { now: () => new Date() } }) {
  const now = options.clock.now();
  process.stdout.write(`  ${total} afgesloten casussen vullen, waarvan ${due} langer dan een jaar geleden`);
  await seedClosedCases(db, now);
  process.stdout.write('\n');
  const factsBefore = await db.caseFact.count();
  const cutoffs = retentionCutoffs(defaultRetention, now);
  await time(`eerste ${batchSize} te verwijderen casussen opzoeken (index)`, 20, () =>
    listDueForDeletion(db, cutoffs, batchSize),
  );

  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 20);
  const start = performance.now();
  const result = await deleteDueCases({ db, clock: options.clock, log: createLogger('silent') }, defaultRetention, {
    onProgress: sample,
  });
  const ms = performance.now() - start;
  clearInterval(sampler);
  sample();

  // What stays on the heap afterwards (a leak would show here); a forced collection when node runs with --expose-gc.
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  const deleted = result.case + result.referral + result.draft;
  const left = await db.case.count({ where: { status: 'closed' } });
  const perTransaction = await maxCasesPerTransaction(db);
  console.log(
    `  ${deleted} casussen verwijderd in ${ms.toFixed(0)} ms: ${(ms / Math.max(deleted, 1)).toFixed(2)} ms per casus, ${result.batches} batches van hoogstens ${batchSize}${result.failed ? `, ${result.failed} mislukt` : ''} (doel op een PostgreSQL-server: 1.000 in minder dan 2 s)`,
  );
  console.log(
    `  over: ${left} afgesloten casussen (verwacht ${total - due}), ${(await db.caseFact.count()) - factsBefore} anonieme feitenrijen, ${await db.deletedCase.count()} verwijderde kenmerken`,
  );
  console.log(
    `  geheugen tijdens het verwijderen: RSS +${mb(peakRss - baseline.rss)} (piek ${mb(peakRss)}), heap piek +${mb(peakHeap - baseline.heapUsed)}${(globalThis as { gc?: unknown }).gc ? `, na afloop (na gc) ${after.heapUsed >= baseline.heapUsed ? '+' : ''}${mb(after.heapUsed - baseline.heapUsed)}` : ''}`,
  );
  const whole = perTransaction.facts <= batchSize && perTransaction.audits === perTransaction.facts;
  console.log(
    `  grootste transactie verwijderde ${perTransaction.facts} casussen (${perTransaction.audits} auditregels) — ${whole ? `hoogstens één batch van ${batchSize} per transactie, elke casus met zijn auditregel` : 'LET OP: meer dan één batch, of auditregels die niet kloppen'}`,
  );
  if (deleted !== due || left !== total - due)
    console.log(`  LET OP: verwacht ${due} verwijderd en ${total - due} over`);
  return { deleteCase: ms / Math.max(deleted, 1), deleteAllDue: ms };
}
