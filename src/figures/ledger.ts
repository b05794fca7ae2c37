import {
  disclosureRules,
  protect,
  type CountSystem,
  type DisclosureMode,
  type Equation,
  type Shown,
} from './disclosure.ts';
import { computeFigures, discloseFigures } from './figures.rules.ts';
import { otherRow, type DisclosedFigures, type FigureFact, type FiguresInput, type RowKeys } from './figures.types.ts';
import { inPeriod, periodKey, periodMonths, periodsUpTo, previousPeriod, type Period } from './periods.ts';

/**
 * The disclosure ledger (issue 19, part 2; docs/domain.md#figures): one suppression pattern for every figure a
 * stuurgroeplid can request together. A stuurgroeplid opens every quarter and every year, each beside the one
 * before and with its trend, and takes the public form of each; so suppression checked within one report is not
 * enough: a year minus three quarters gives the fourth, a trend point gives a total the card hides.
 *
 * So the ledger computes the figures of every period in its scope at once, as cells of ONE system named by period
 * ("2026-Q3.intake", "2026.stock.end"), with the equations of each report and those between reports: a year is the
 * sum of its quarters (every count but a stock level), a year ends where its fourth quarter ends, a period starts
 * where the one before ended, and a trend point is that period's total (the same cell). It decides one pattern
 * for all of them (`protect`), and every report (quarter and year cards, the trend, the CSV and PDF, the quarterly
 * post) reads its cells from it. The public pattern starts from the internal one, so it never shows a cell the
 * stuurgroep's own card hides.
 *
 * Recoding before hiding: partners and leefgebieden that are not at least 5 in every completed quarter since the
 * first fact fold into "overige", the same set in every period, so that their rows do not force totals and
 * percentages out.
 */

/** How many periods the trend of aanmeldingen shows: two years of quarters, or five years. */
export const trendLength = (p: Period) => (p.kind === 'quarter' ? 8 : 5);

export interface LedgerInput {
  /** Every retained fact (of deleted cases and live ones) that can count in the scope. */
  facts: readonly FigureFact[];
  heldSessions: FiguresInput['heldSessions'];
  /** Aanmeldingen per intake month, for the trend's earliest periods. */
  intakesByMonth: ReadonlyMap<string, number>;
  informWithinDays: number;
  /** What the stuurgroep can choose now (periodChoices): the running quarter first. */
  choices: readonly Period[];
}

export interface LedgerScope {
  /** Periods whose every figure is a cell: all quarters and years of the four years up to this one. */
  full: Period[];
  /** Periods only the trend reaches: their aanmeldingen (the three years before). */
  intakeOnly: Period[];
  /** The first month whose facts the scope needs, and the first month of intakes. */
  factsFrom: string;
  intakesFrom: string;
}

const yearWithQuarters = (year: number): Period[] => [
  { kind: 'year', year },
  ...([1, 2, 3, 4] as const).map((quarter): Period => ({ kind: 'quarter', year, quarter })),
];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The periods of the ledger for a running year: every choice (this year and the two before, the last eight
 * quarters), the one before each, and every trend point, with all the quarters of each year they touch, so that
 * no year minus its shown quarters gives an unshown one away.
 */
export function ledgerScope(year: number): LedgerScope {
  return {
    full: range(year - 3, year).flatMap(yearWithQuarters),
    intakeOnly: range(year - 6, year - 4).flatMap(yearWithQuarters),
    factsFrom: `${year - 4}-01`,
    intakesFrom: `${year - 6}-01`,
  };
}

/** The cell id of a period's own figures, for the ids of one report ("prev.x", "cur.x", "trend.2026-Q1"). */
export function ledgerCell(period: Period): (id: string) => string {
  const prev = previousPeriod(period);
  return (id) => {
    // A period starts where the one before ended: the start of the previous period is the end of the one before it.
    const start = /^prev\.(stock|shadow)\.start$/.exec(id);
    if (start) return `${periodKey(previousPeriod(prev))}.${start[1]}.end`;
    if (id.startsWith('prev.')) return `${periodKey(prev)}.${id.slice(5)}`;
    if (id.startsWith('cur.')) return `${periodKey(period)}.${id.slice(4)}`;
    if (id.startsWith('trend.')) return `${id.slice(6)}.intake`;
    return id;
  };
}

/** Cells that are a stock at a moment (a year's is its fourth quarter's), not a count over the period. */
const levels = new Set(['stock.end', 'shadow.end']);

/**
 * What hiding a cell costs: cells of periods nobody can request are hidden first, then parts, then the headline
 * parts of the percentages (so that a percentage can be shown), then totals; the published totals (the
 * aanmeldingen of a period) last of all. The running quarter and year are not over: their cells go a little before
 * the same cells of a finished period.
 */
function costOf(published: Set<string>, running: readonly string[]): (id: string) => number {
  const totals = /\.(norm\.base|stock\.(in|out|end)|actions\.due|deleted|eval\.answers|shadow\.end)$/;
  const headline =
    /\.(repeat\.yes|screen\.accepted|norm\.within|actions\.onTime|inform\.inTime|deleted\.onTime|att\..+\.present)$/;
  const percentageParts = /\.(repeat\.(yes|no)|norm\.(within|over)|actions\.\w+|inform\.\w+|deleted\.\w+|att\..+)$/;
  return (id) => {
    const period = id.slice(0, id.indexOf('.'));
    if (!published.has(period) && !(id.endsWith('.intake') && published.has(`trend:${period}`))) return -1;
    const early = running.includes(period) ? 0.25 : 0;
    if (id.endsWith('.intake')) return 3 - early;
    if (totals.test(id)) return 2 - early;
    if (headline.test(id)) return 1.5 - early;
    return (percentageParts.test(id) ? 1 : 0) - early;
  };
}

/**
 * The cells shown however small (internal form): the aanmeldingen of every period, which put no person at risk on
 * their own; and what they fix: a cell equal to a published one (a table with a single row), and the parts of a
 * published zero (a period without aanmeldingen has none of anything that counts them).
 */
export function publishedCells(system: CountSystem): Set<string> {
  const published = new Set(Object.keys(system.values).filter((id) => id.endsWith('.intake')));
  const zero = (id: string) => published.has(id) && system.values[id] === 0;
  for (let grown = true; grown;) {
    grown = false;
    for (const e of system.equations) {
      const [one, others] =
        e.minus.length === 1 && (e.plus.length === 1 || zero(e.minus[0]!))
          ? [e.minus[0]!, e.plus]
          : e.plus.length === 1 && (e.minus.length === 1 || zero(e.plus[0]!))
            ? [e.plus[0]!, e.minus]
            : [undefined, []];
      if (one === undefined) continue;
      const cells = [one, ...others];
      if (!cells.some((id) => published.has(id)) || cells.every((id) => published.has(id))) continue;
      // One cell against one: publishing either publishes both. A published zero: its parts are zero as well.
      if (others.length > 1 && !zero(one)) continue;
      for (const id of cells) published.add(id);
      grown = true;
    }
  }
  return published;
}

/** The minimum a partner or leefgebied needs in every completed quarter to keep a row of its own. */
export const ownRowMinimum = disclosureRules.internal.hideBelow;

/**
 * Recoding: the keys that are at least `ownRowMinimum` in every completed quarter since the first aanmelding;
 * every other one folds into "overige", in every period alike. The running quarter does not count (it is small
 * on its first day); its small cells are hidden as usual.
 */
export function ownRows(facts: readonly FigureFact[], quarters: readonly Period[]): RowKeys {
  const first = facts.reduce<string | undefined>(
    (m, f) => (f.intakeMonth && (!m || f.intakeMonth < m) ? f.intakeMonth : m),
    undefined,
  );
  const counted = first ? quarters.filter((q) => periodMonths(q).to >= first) : [];
  // The keys kept, then "other" if anything folded into it.
  const keep = (count: (q: Period, key: string) => number, keys: Iterable<string>) => {
    const all = [...new Set(keys)].sort();
    const own = counted.length ? all.filter((k) => counted.every((q) => count(q, k) >= ownRowMinimum)) : [];
    return own.length < all.length ? [...own, otherRow] : own;
  };
  const inQuarter = (q: Period) => facts.filter((f) => inPeriod(f.intakeMonth, q));
  return {
    referrers: keep(
      (q, k) => inQuarter(q).filter((f) => (f.referrerOrganisationId ?? 'unknown') === k).length,
      facts.map((f) => f.referrerOrganisationId ?? 'unknown'),
    ),
    lifeDomains: keep(
      (q, k) => inQuarter(q).filter((f) => f.lifeDomains.includes(k)).length,
      facts.flatMap((f) => f.lifeDomains),
    ),
    attending: keep(
      (q, k) =>
        facts
          .flatMap((f) => f.attendance)
          .filter((a) => a.organisationId === k && inPeriod(a.month, q))
          .reduce((n, a) => n + a.invited, 0),
      facts.flatMap((f) => f.attendance.map((a) => a.organisationId)),
    ),
  };
}

export interface Ledger {
  input: LedgerInput;
  scope: LedgerScope;
  rows: RowKeys;
  system: CountSystem;
  /** The pattern of each form; the public one is made when first asked for. */
  pattern(mode: DisclosureMode): Record<string, Shown>;
}

function intakesIn(byMonth: ReadonlyMap<string, number>, p: Period): number {
  let n = 0;
  for (const [month, count] of byMonth) if (inPeriod(month, p)) n += count;
  return n;
}

/** Computes every figure in scope as one system and decides its patterns. */
export function buildLedger(input: LedgerInput): Ledger {
  const running = input.choices[0]!;
  const scope = ledgerScope(running.year);
  const completed = scope.full.filter((p) => p.kind === 'quarter' && periodMonths(p).to < periodMonths(running).from);
  const rows = ownRows(input.facts, completed);
  const base = {
    facts: input.facts,
    heldSessions: input.heldSessions,
    intakesByMonth: input.intakesByMonth,
    informWithinDays: input.informWithinDays,
    rows,
  };
  const values: Record<string, number> = {};
  const equations = new Map<string, Equation>();
  const equation = (e: Equation) => {
    const key = `${[...e.plus].sort().join('+')}=${[...e.minus].sort().join('+')}`;
    if (!equations.has(key)) equations.set(key, e);
  };
  for (const period of scope.full) {
    const computed = computeFigures({ ...base, period, trendLength: 1 });
    const cell = ledgerCell(period);
    for (const [id, value] of Object.entries(computed.system.values)) values[cell(id)] = value;
    for (const e of computed.system.equations) equation({ plus: e.plus.map(cell), minus: e.minus.map(cell) });
  }
  for (const period of scope.intakeOnly) {
    const id = `${periodKey(period)}.intake`;
    if (!(id in values)) values[id] = intakesIn(input.intakesByMonth, period);
  }
  // A year is the sum of its quarters; a year's stock at the end is its fourth quarter's.
  for (const year of [...scope.intakeOnly, ...scope.full].filter((p) => p.kind === 'year')) {
    const prefix = `${year.year}.`;
    for (const id of Object.keys(values).filter((i) => i.startsWith(prefix))) {
      const suffix = id.slice(prefix.length);
      if (levels.has(suffix)) {
        if (`${year.year}-Q4.${suffix}` in values) equation({ plus: [`${year.year}-Q4.${suffix}`], minus: [id] });
        continue;
      }
      const quarters = [1, 2, 3, 4].map((q) => `${year.year}-Q${q}.${suffix}`);
      if (quarters.every((q) => q in values)) equation({ plus: quarters, minus: [id] });
    }
  }
  const system: CountSystem = { values, equations: [...equations.values()] };

  // What can be requested: every choice and the period before it in full; the trend points' totals.
  const published = new Set<string>();
  for (const choice of input.choices) {
    published.add(periodKey(choice)).add(periodKey(previousPeriod(choice)));
    for (const t of periodsUpTo(choice, trendLength(choice))) published.add(`trend:${periodKey(t)}`);
  }
  const cost = costOf(published, [periodKey(running), String(running.year)]);
  const publish = publishedCells(system);
  const internal = protect(system, 'internal', { cost, publish: (id) => publish.has(id) });
  let publicPattern: Record<string, Shown> | undefined;
  return {
    input,
    scope,
    rows,
    system,
    pattern: (mode) =>
      mode === 'internal' ? internal : (publicPattern ??= protect(system, 'public', { cost, within: internal })),
  };
}

/**
 * The figures of one period (a choice) as a report shows them, every cell read from the ledger's pattern: the
 * cells of the report keep their local ids ("cur.intake") and the trend its own, as the cards and documents expect.
 */
export function ledgerFigures(ledger: Ledger, period: Period, mode: DisclosureMode): DisclosedFigures {
  const { facts, heldSessions, intakesByMonth, informWithinDays } = ledger.input;
  const computed = computeFigures({
    facts,
    heldSessions,
    intakesByMonth,
    informWithinDays,
    rows: ledger.rows,
    period,
    trendLength: trendLength(period),
    running: ledger.input.choices[0],
  });
  const cell = ledgerCell(period);
  const pattern = ledger.pattern(mode);
  // A cell outside the ledger (a period out of its scope) is hidden, never shown unchecked.
  const hideBelow = disclosureRules[mode].hideBelow;
  const shown = Object.fromEntries(
    Object.entries(computed.system.values).map(([id, value]): [string, Shown] => [
      id,
      pattern[cell(id)] ?? (value < hideBelow ? { state: 'small' } : { state: 'suppressed' }),
    ]),
  );
  return discloseFigures(computed, mode, shown);
}
