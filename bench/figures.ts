// The figures benchmark of issue 11: five years of a large ZVH (about 2,200 aanmeldingen a year), of which the
// cases past their retention period are anonymous facts and the rest live, and the figures of a quarter and of a
// year as `cijfers` computes them (facts + live cases, disclosure control). Beside it the demo's two years of
// 90 a year, so the report gives a ratio measured in the same run. Target: under one second on PGlite.
import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/client.ts';
import { seedDemoHistory } from '../src/demo/history.ts';
import { produceFigures } from '../src/figures/figures.ts';
import { lastCompletedQuarter } from '../src/figures/periods.ts';
import { createLogger } from '../src/logger.ts';
import { demoMembers } from '../src/organisations/demo-partners.ts';
import { seedDemoData } from '../src/organisations/seed.ts';
import { defaultRetention } from '../src/retention/retention.rules.ts';
import { emptyDatabase } from '../test/support/empty-database.ts';
import { time } from './timing.ts';

const perYear = Number(process.env.BENCH_FIGURES_PER_YEAR ?? 2200);
const years = 5;
const zone = 'Europe/Amsterdam';

async function history(db: Db, now: Date, options: { perYear: number; years: number }) {
  await emptyDatabase(db);
  await seedDemoData(db, [...demoMembers]);
  const started = performance.now();
  const cases = await seedDemoHistory({ db, log: createLogger('silent'), retention: defaultRetention }, now, options);
  const [facts, live] = await Promise.all([db.caseFact.count(), db.case.count()]);
  console.log(
    `  ${cases} aanmeldingen over ${options.years} jaar geschreven in ${((performance.now() - started) / 1000).toFixed(1)} s: ${facts} anonieme feitenrijen, ${live} levende casussen`,
  );
}

export async function measureFigures(db: Db, clock: { now(): Date }) {
  const now = clock.now();
  const deps = { db, clock, informWithinDays: 14, timeZone: zone };
  const quarter = lastCompletedQuarter(now, zone);
  const year = { kind: 'year' as const, year: quarter.year - 1 };

  await history(db, now, { perYear: 90, years: 2 });
  const small = await time('cijfers kwartaal, demo (2 jaar, 90 per jaar)', 10, () =>
    produceFigures(deps, quarter, 'internal'),
  );

  await history(db, now, { perYear, years });
  const heapBefore = process.memoryUsage().heapUsed;
  const quarterMs = await time(`cijfers kwartaal, ${years} jaar, ${perYear} per jaar`, 10, () =>
    produceFigures(deps, quarter, 'internal'),
  );
  const yearMs = await time(`cijfers jaar, ${years} jaar, ${perYear} per jaar`, 10, () =>
    produceFigures(deps, year, 'internal'),
  );
  const publicMs = await time(`cijfers jaar, openbaar (afronden), ${years} jaar`, 10, () =>
    produceFigures(deps, year, 'public'),
  );
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const worst = Math.max(quarterMs, yearMs, publicMs);
  console.log(
    `  verhouding groot/demo (kwartaal): ${(quarterMs / small).toFixed(1)}x; heap erbij ${heap.toFixed(1)} MB`,
  );
  console.log(`  onder 1 seconde: ${worst < 1000 ? 'ja' : 'nee'} (${worst.toFixed(0)} ms)`);
  return { figuresQuarter: quarterMs, figuresYear: yearMs };
}
