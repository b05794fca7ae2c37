import { mean, median, minimumBase, percentage, protect, type DisclosureMode, type Shown } from './disclosure.ts';
import {
  actionsSection,
  attendanceSection,
  deletionSection,
  evaluationsSection,
  informedSection,
  intakeSection,
  lifeDomainsSection,
  outcomesSection,
  repeatsSection,
  screeningSection,
  shadowListSection,
  stockSection,
  throughputSection,
} from './figures.sections.ts';
import { countOf, FigureContext, type SystemBuilder } from './figures.system.ts';
import type { ComputedFigures, DisclosedFigures, FiguresInput, PercentageSpec, StatValue } from './figures.types.ts';
import { inPeriod, nextPeriod, periodKey, periodsUpTo, previousPeriod, type Period } from './periods.ts';

// What the figures are (input, sections, cells, statistics): importers keep reading them from here.
export * from './figures.types.ts';
export { deletionGraceDays } from './figures.sections.ts';

/**
 * The kengetallen (docs/domain.md#figures), counted from anonymous facts only (the types in figures.types.ts), section by
 * section (figures.sections.ts), into one system of cells and equations for disclosure control.
 */
export function computeFigures(input: FiguresInput): ComputedFigures {
  const ctx = new FigureContext(input);
  const sections = [
    intakeSection(ctx),
    lifeDomainsSection(ctx),
    repeatsSection(ctx),
    screeningSection(ctx),
    stockSection(ctx),
    throughputSection(ctx),
    shadowListSection(ctx),
    outcomesSection(ctx),
    actionsSection(ctx),
    informedSection(ctx),
    attendanceSection(ctx),
    evaluationsSection(ctx),
    deletionSection(ctx),
  ];
  const trend = trendCells(ctx.b, input);
  return {
    period: ctx.periods.cur,
    previous: ctx.periods.prev,
    system: ctx.b.system(),
    sections,
    sessionsHeld: sessionsHeld(ctx),
    trend,
  };
}

/** Meetings held, in total and per table: not about persons, so no cells. */
function sessionsHeld(ctx: FigureContext): ComputedFigures['sessionsHeld'] {
  const all = ctx.input.heldSessions;
  const held = ctx.both((_, p) => all.filter((s) => inPeriod(s.month, p)));
  const tables = [...new Set(all.map((s) => s.tableId))].sort();
  return {
    previous: held.prev.length,
    current: held.cur.length,
    perTable: tables.map((tableId) => ({
      tableId,
      previous: countOf(held.prev, (s) => s.tableId === tableId),
      current: countOf(held.cur, (s) => s.tableId === tableId),
    })),
  };
}

/**
 * The trend of aanmeldingen: `trendLength` periods up to the one shown, then on to the running one (this quarter, or
 * this year), which is marked. Earlier and later periods get their own cells; the shown one and the one before are
 * the table's.
 */
function trendCells(b: SystemBuilder, input: FiguresInput): ComputedFigures['trend'] {
  const shown = periodKey(input.period);
  const before = periodKey(previousPeriod(input.period));
  const running = input.running && (input.period.kind === 'year' ? runningYear(input.running) : input.running);
  const periods = periodsUpTo(input.period, input.trendLength);
  if (running && periodKey(running) > shown)
    for (let p = input.period; periodKey(p) < periodKey(running);) periods.push((p = nextPeriod(p)));
  return periods.map((p) => {
    const key = periodKey(p);
    const cell =
      key === shown
        ? 'cur.intake'
        : key === before
          ? 'prev.intake'
          : b.cell(`trend.${key}`, intakesIn(input.intakesByMonth, p));
    return running && periodKey(running) === key ? { period: p, cell, running: true } : { period: p, cell };
  });
}

const runningYear = (quarter: Period): Period => ({ kind: 'year', year: quarter.year });

function intakesIn(byMonth: ReadonlyMap<string, number>, p: Period): number {
  let n = 0;
  for (const [month, count] of byMonth) if (inPeriod(month, p)) n += count;
  return n;
}

/**
 * The figures as the stuurgroep (internal) or the jaarverslag (public) may read them: with the ledger's pattern
 * (ledger.ts, what the bot shows), or protected on their own (one report alone, for tests of the rules).
 */
export function discloseFigures(
  computed: ComputedFigures,
  mode: DisclosureMode,
  shown: Record<string, Shown> = protect(computed.system, mode),
): DisclosedFigures {
  const value = (spec: PercentageSpec): StatValue => {
    const base = computed.system.values[spec.base]!;
    if (base < minimumBase) return { withheld: 'base' };
    const pct = percentage(
      computed.system.values[spec.part]!,
      base,
      spec.parts.map((id) => shown[id]!),
      mode,
      { part: shown[spec.part]!, base: shown[spec.base]! },
    );
    return pct === undefined ? { withheld: 'hidden' } : { value: pct };
  };
  const statistic = (values: number[], kind: 'median' | 'mean'): StatValue => {
    const v = kind === 'median' ? median(values) : mean(values);
    return v === undefined ? { withheld: 'base' } : { value: v };
  };
  const stats = Object.fromEntries(
    computed.sections.map((s) => [
      s.key,
      s.stats.map((st) => ({
        key: st.key,
        kind: st.kind,
        ...(st.kind === 'percentage' && st.subject ? { subject: st.subject } : {}),
        previous: st.kind === 'percentage' ? value(st.previous) : statistic(st.previous, st.kind),
        current: st.kind === 'percentage' ? value(st.current) : statistic(st.current, st.kind),
      })),
    ]),
  ) as DisclosedFigures['stats'];
  return { ...computed, mode, shown, stats };
}
