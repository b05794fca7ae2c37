import type { CaseOutcome } from '../lifecycle/lifecycle.types.ts';
import { caseOutcomes, goalAnswers } from '../lifecycle/lifecycle.types.ts';
import type { LiveCaseFact } from '../retention/case-facts.ts';
import {
  mean,
  median,
  minimumBase,
  percentage,
  protect,
  type CountSystem,
  type DisclosureMode,
  type Equation,
  type Shown,
} from './disclosure.ts';
import { inPeriod, periodKey, periodMonths, previousPeriod, type Period } from './periods.ts';

/**
 * The kengetallen of docs/domain.md#figures, counted from anonymous facts only: those kept of deleted cases and
 * the same facts built from live cases. So a period's figures stay what they were when its cases are deleted a
 * year later.
 * Every count is a cell of one system, with the equations between them, for disclosure control.
 */
export interface FiguresInput {
  /** Facts of deleted cases (daysSinceAcceptance null) and of live ones. */
  facts: readonly FigureFact[];
  /** Months of the meetings held, per table: meetings are no persons, so these are shown as they are. */
  heldSessions: readonly { month: string; tableId: string }[];
  /** Aanmeldingen per intake month, for the trend over earlier periods. */
  intakesByMonth: ReadonlyMap<string, number>;
  period: Period;
  /** How many periods the trend shows, this one included. */
  trendLength: number;
  informWithinDays: number;
}

export type FigureFact = Omit<LiveCaseFact, 'daysSinceAcceptance'> & { daysSinceAcceptance?: number | null };

export const screeningCategories = ['accepted', 'rejected', 'info', 'open'] as const;
export type ScreeningCategory = (typeof screeningCategories)[number];

export type SectionKey =
  | 'intake'
  | 'lifeDomains'
  | 'screening'
  | 'throughput'
  | 'stock'
  | 'shadowList'
  | 'outcomes'
  | 'actions'
  | 'informed'
  | 'attendance'
  | 'evaluations'
  | 'deletion';

/** One line of a table: the cell of the previous period and of this one. */
export interface FigureRow {
  /** What the line counts: an organisation id, a leefgebied, an outcome, or a fixed key such as "total". */
  key: string;
  previous: string;
  current: string;
  /** A total line (bold in the card). */
  total?: boolean;
}

export type StatKey =
  | 'normWithin'
  | 'screeningDays'
  | 'daysToFirstDiscussion'
  | 'daysToClosure'
  | 'actionsOnTime'
  | 'informedInTime'
  | 'deletedOnTime'
  | 'cooperation'
  | 'attendance';

export interface PercentageSpec {
  part: string;
  parts: string[];
  base: string;
}

export type FigureStat =
  | { key: StatKey; kind: 'percentage'; subject?: string; previous: PercentageSpec; current: PercentageSpec }
  | { key: StatKey; kind: 'median' | 'mean'; previous: number[]; current: number[] };

export interface FigureSection {
  key: SectionKey;
  rows: FigureRow[];
  stats: FigureStat[];
}

export interface ComputedFigures {
  period: Period;
  previous: Period;
  system: CountSystem;
  sections: FigureSection[];
  sessionsHeld: {
    previous: number;
    current: number;
    perTable: { tableId: string; previous: number; current: number }[];
  };
  /** The aanmeldingen of the trend's periods: the cell holding each (this and the previous period share theirs with the table). */
  trend: { period: Period; cell: string }[];
}

/** "On time" for a deletion: the sweep runs daily, so within a day of the due moment. */
export const deletionGraceDays = 1;

type Which = 'prev' | 'cur';

class SystemBuilder {
  readonly values: Record<string, number> = {};
  readonly equations: Equation[] = [];
  cell(id: string, value: number): string {
    this.values[id] = value;
    return id;
  }
  /** Σ parts = total. */
  sum(parts: string[], total: string): void {
    this.equations.push({ plus: parts, minus: [total] });
  }
  flow(plus: string[], minus: string[]): void {
    this.equations.push({ plus, minus });
  }
}

const countOf = <T>(items: readonly T[], test: (item: T) => boolean) =>
  items.reduce((n, i) => (test(i) ? n + 1 : n), 0);

export function computeFigures(input: FiguresInput): ComputedFigures {
  const periods: Record<Which, Period> = { cur: input.period, prev: previousPeriod(input.period) };
  const b = new SystemBuilder();
  const sections: FigureSection[] = [];
  const rows = (ids: (w: Which) => string, key: string, total = false): FigureRow => ({
    key,
    previous: ids('prev'),
    current: ids('cur'),
    ...(total ? { total } : {}),
  });
  const both = <T>(f: (w: Which, p: Period) => T): Record<Which, T> => ({
    prev: f('prev', periods.prev),
    cur: f('cur', periods.cur),
  });
  const facts = input.facts;

  // Aanmeldingen: per referring partner, adding up to the total; per leefgebied (a case can have several: no total).
  const intake = both((w, p) => facts.filter((f) => inPeriod(f.intakeMonth, p)));
  const referrers = [
    ...new Set([...intake.prev, ...intake.cur].map((f) => f.referrerOrganisationId ?? 'unknown')),
  ].sort();
  for (const w of ['prev', 'cur'] as const) {
    b.cell(`${w}.intake`, intake[w].length);
    b.sum(
      referrers.map((o) =>
        b.cell(
          `${w}.intake.org.${o}`,
          countOf(intake[w], (f) => (f.referrerOrganisationId ?? 'unknown') === o),
        ),
      ),
      `${w}.intake`,
    );
  }
  sections.push({
    key: 'intake',
    rows: [...referrers.map((o) => rows((w) => `${w}.intake.org.${o}`, o)), rows((w) => `${w}.intake`, 'total', true)],
    stats: [],
  });

  const domains = [...new Set([...intake.prev, ...intake.cur].flatMap((f) => f.lifeDomains))].sort();
  for (const w of ['prev', 'cur'] as const)
    for (const d of domains)
      b.cell(
        `${w}.domain.${d}`,
        countOf(intake[w], (f) => f.lifeDomains.includes(d)),
      );
  sections.push({ key: 'lifeDomains', rows: domains.map((d) => rows((w) => `${w}.domain.${d}`, d)), stats: [] });

  // Screening of the aanmeldingen of the period, and the 5-working-day norm.
  const category = (f: FigureFact): ScreeningCategory =>
    f.screeningOutcome === 'accepted'
      ? 'accepted'
      : f.screeningOutcome === 'rejected'
        ? 'rejected'
        : f.screeningOutcome === 'withdrawn'
          ? 'info'
          : 'open';
  // decided + open = aanmeldingen; the decided ones split by outcome, and by the norm.
  const decided = both((w) => intake[w].filter((f) => category(f) !== 'open'));
  for (const w of ['prev', 'cur'] as const) {
    b.cell(`${w}.norm.base`, decided[w].length);
    b.sum(
      [
        `${w}.norm.base`,
        b.cell(
          `${w}.screen.open`,
          countOf(intake[w], (f) => category(f) === 'open'),
        ),
      ],
      `${w}.intake`,
    );
    b.sum(
      (['accepted', 'rejected', 'info'] as const).map((c) =>
        b.cell(
          `${w}.screen.${c}`,
          countOf(decided[w], (f) => category(f) === c),
        ),
      ),
      `${w}.norm.base`,
    );
    const within = (f: FigureFact) => (f.screeningWorkingDays ?? Infinity) <= 5;
    b.sum(
      [
        b.cell(`${w}.norm.within`, countOf(decided[w], within)),
        b.cell(
          `${w}.norm.over`,
          countOf(decided[w], (f) => !within(f)),
        ),
      ],
      `${w}.norm.base`,
    );
  }
  const normSpec = (w: Which): PercentageSpec => ({
    part: `${w}.norm.within`,
    parts: [`${w}.norm.within`, `${w}.norm.over`],
    base: `${w}.norm.base`,
  });
  sections.push({
    key: 'screening',
    rows: [
      ...screeningCategories.map((c) => rows((w) => `${w}.screen.${c}`, c)),
      rows((w) => `${w}.norm.base`, 'decided'),
    ],
    stats: [
      { key: 'normWithin', kind: 'percentage', previous: normSpec('prev'), current: normSpec('cur') },
      {
        key: 'screeningDays',
        kind: 'median',
        previous: decided.prev.flatMap((f) => (f.screeningWorkingDays === null ? [] : [f.screeningWorkingDays])),
        current: decided.cur.flatMap((f) => (f.screeningWorkingDays === null ? [] : [f.screeningWorkingDays])),
      },
    ],
  });

  // Open cases as a stock: start + in = out + end; this period starts where the previous one ended.
  const accepted = facts.filter((f) => f.acceptedMonth);
  const openAt = (lastMonthBefore: string) =>
    countOf(
      accepted,
      (f) => f.acceptedMonth! <= lastMonthBefore && (!f.closedMonth || f.closedMonth > lastMonthBefore),
    );
  const monthBefore = (m: string) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  };
  const stockIds = {
    prev: { start: 'prev.stock.start', end: 'prev.stock.end' },
    cur: { start: 'prev.stock.end', end: 'cur.stock.end' },
  };
  b.cell('prev.stock.start', openAt(monthBefore(periodMonths(periods.prev).from)));
  b.cell('prev.stock.end', openAt(periodMonths(periods.prev).to));
  b.cell('cur.stock.end', openAt(periodMonths(periods.cur).to));
  const closed = both((w, p) => accepted.filter((f) => inPeriod(f.closedMonth, p)));
  const acceptedIn = both((w, p) => accepted.filter((f) => inPeriod(f.acceptedMonth, p)));
  for (const w of ['prev', 'cur'] as const) {
    b.cell(`${w}.stock.in`, acceptedIn[w].length);
    b.cell(`${w}.stock.out`, closed[w].length);
    b.flow([stockIds[w].start, `${w}.stock.in`], [`${w}.stock.out`, stockIds[w].end]);
  }
  sections.push({
    key: 'stock',
    rows: [
      rows((w) => stockIds[w].start, 'start'),
      rows((w) => `${w}.stock.in`, 'in'),
      rows((w) => `${w}.stock.out`, 'out'),
      rows((w) => stockIds[w].end, 'end', true),
    ],
    stats: [],
  });

  // Throughput: aanmelding to first discussion, and to closure (medians only).
  const discussed = both((w, p) =>
    facts.filter((f) => inPeriod(f.firstDiscussionMonth, p) && f.daysToFirstDiscussion !== null),
  );
  for (const w of ['prev', 'cur'] as const) b.cell(`${w}.firstDiscussion`, discussed[w].length);
  sections.push({
    key: 'throughput',
    rows: [rows((w) => `${w}.firstDiscussion`, 'firstDiscussion'), rows((w) => `${w}.stock.out`, 'closed')],
    stats: [
      {
        key: 'daysToFirstDiscussion',
        kind: 'median',
        previous: discussed.prev.map((f) => f.daysToFirstDiscussion!),
        current: discussed.cur.map((f) => f.daysToFirstDiscussion!),
      },
      {
        key: 'daysToClosure',
        kind: 'median',
        previous: closed.prev.flatMap((f) => (f.daysToClosure === null ? [] : [f.daysToClosure])),
        current: closed.cur.flatMap((f) => (f.daysToClosure === null ? [] : [f.daysToClosure])),
      },
    ],
  });

  // The schaduwlijst: on it at the start, put on, taken off, on it at the end.
  const spells = accepted.flatMap((f) => f.shadowListSpells);
  const onListAfter = (m: string) => countOf(spells, (s) => s.from <= m && (s.to === null || s.to > m));
  const shadowIds = {
    prev: { start: 'prev.shadow.start', end: 'prev.shadow.end' },
    cur: { start: 'prev.shadow.end', end: 'cur.shadow.end' },
  };
  b.cell('prev.shadow.start', onListAfter(monthBefore(periodMonths(periods.prev).from)));
  b.cell('prev.shadow.end', onListAfter(periodMonths(periods.prev).to));
  b.cell('cur.shadow.end', onListAfter(periodMonths(periods.cur).to));
  for (const w of ['prev', 'cur'] as const) {
    const p = periods[w];
    b.cell(
      `${w}.shadow.placed`,
      countOf(spells, (s) => inPeriod(s.from, p)),
    );
    b.cell(
      `${w}.shadow.left`,
      countOf(spells, (s) => inPeriod(s.to, p)),
    );
    b.flow([shadowIds[w].start, `${w}.shadow.placed`], [`${w}.shadow.left`, shadowIds[w].end]);
  }
  sections.push({
    key: 'shadowList',
    rows: [
      rows((w) => `${w}.shadow.placed`, 'placed'),
      rows((w) => `${w}.shadow.left`, 'left'),
      rows((w) => shadowIds[w].end, 'end', true),
    ],
    stats: [],
  });

  // Outcomes at closure, adding up to the cases closed.
  const outcomeOf = (f: FigureFact): CaseOutcome => f.outcome ?? 'other';
  for (const w of ['prev', 'cur'] as const)
    b.sum(
      caseOutcomes.map((o) =>
        b.cell(
          `${w}.outcome.${o}`,
          countOf(closed[w], (f) => outcomeOf(f) === o),
        ),
      ),
      `${w}.stock.out`,
    );
  sections.push({
    key: 'outcomes',
    rows: [
      ...caseOutcomes.map((o) => rows((w) => `${w}.outcome.${o}`, o)),
      rows((w) => `${w}.stock.out`, 'total', true),
    ],
    stats: [],
  });

  // Actions due in the period: done by their due day, not (late), or the day is still to come.
  const actions = both((w, p) => facts.flatMap((f) => f.actionFacts).filter((a) => inPeriod(a.dueMonth, p)));
  for (const w of ['prev', 'cur'] as const) {
    const list = actions[w];
    b.cell(`${w}.actions.due`, list.length);
    b.sum(
      [
        b.cell(
          `${w}.actions.onTime`,
          countOf(list, (a) => a.onTime),
        ),
        b.cell(
          `${w}.actions.late`,
          countOf(list, (a) => !a.onTime && !a.pending),
        ),
        b.cell(
          `${w}.actions.pending`,
          countOf(list, (a) => !a.onTime && Boolean(a.pending)),
        ),
      ],
      `${w}.actions.due`,
    );
  }
  const actionSpec = (w: Which): PercentageSpec => ({
    part: `${w}.actions.onTime`,
    parts: [`${w}.actions.onTime`, `${w}.actions.late`, `${w}.actions.pending`],
    base: `${w}.actions.due`,
  });
  sections.push({
    key: 'actions',
    rows: ['onTime', 'late', 'pending']
      .map((k) => rows((w) => `${w}.actions.${k}`, k))
      .concat(rows((w) => `${w}.actions.due`, 'total', true)),
    stats: [{ key: 'actionsOnTime', kind: 'percentage', previous: actionSpec('prev'), current: actionSpec('cur') }],
  });

  // Persons informed in time, of the cases accepted in the period (INFORM_WITHIN_DAYS).
  const informing = (f: FigureFact): 'inTime' | 'late' | 'pending' => {
    if (f.daysToInformed !== null) return f.daysToInformed <= input.informWithinDays ? 'inTime' : 'late';
    return f.daysSinceAcceptance !== null &&
      f.daysSinceAcceptance !== undefined &&
      f.daysSinceAcceptance <= input.informWithinDays
      ? 'pending'
      : 'late';
  };
  for (const w of ['prev', 'cur'] as const) {
    b.sum(
      (['inTime', 'late', 'pending'] as const).map((k) =>
        b.cell(
          `${w}.inform.${k}`,
          countOf(acceptedIn[w], (f) => informing(f) === k),
        ),
      ),
      `${w}.stock.in`,
    );
  }
  const informSpec = (w: Which): PercentageSpec => ({
    part: `${w}.inform.inTime`,
    parts: [`${w}.inform.inTime`, `${w}.inform.late`, `${w}.inform.pending`],
    base: `${w}.stock.in`,
  });
  sections.push({
    key: 'informed',
    rows: ['inTime', 'late', 'pending']
      .map((k) => rows((w) => `${w}.inform.${k}`, k))
      .concat(rows((w) => `${w}.stock.in`, 'total', true)),
    stats: [{ key: 'informedInTime', kind: 'percentage', previous: informSpec('prev'), current: informSpec('cur') }],
  });

  // Attendance per partner: at how many of the discussions it was invited to it took part.
  const attendance = both((w, p) => facts.flatMap((f) => f.attendance).filter((a) => inPeriod(a.month, p)));
  const attending = [...new Set([...attendance.prev, ...attendance.cur].map((a) => a.organisationId))].sort();
  for (const w of ['prev', 'cur'] as const) {
    for (const o of attending) {
      const mine = attendance[w].filter((a) => a.organisationId === o);
      const invited = mine.reduce((n, a) => n + a.invited, 0);
      const present = mine.reduce((n, a) => n + a.present, 0);
      b.sum(
        [b.cell(`${w}.att.${o}.present`, present), b.cell(`${w}.att.${o}.absent`, invited - present)],
        b.cell(`${w}.att.${o}.invited`, invited),
      );
    }
  }
  const attSpec = (w: Which, o: string): PercentageSpec => ({
    part: `${w}.att.${o}.present`,
    parts: [`${w}.att.${o}.present`, `${w}.att.${o}.absent`],
    base: `${w}.att.${o}.invited`,
  });
  sections.push({
    key: 'attendance',
    rows: attending.map((o) => rows((w) => `${w}.att.${o}.present`, o)),
    stats: attending.map((o) => ({
      key: 'attendance' as const,
      kind: 'percentage' as const,
      subject: o,
      previous: attSpec('prev', o),
      current: attSpec('cur', o),
    })),
  });

  // Evaluations of the cases closed in the period.
  const scores = both((w) => closed[w].flatMap((f) => f.evaluationScores));
  for (const w of ['prev', 'cur'] as const) {
    b.cell(`${w}.eval.answers`, scores[w].length);
    b.sum(
      goalAnswers.map((g) =>
        b.cell(
          `${w}.eval.${g}`,
          countOf(scores[w], (s) => s.goalReached === g),
        ),
      ),
      `${w}.eval.answers`,
    );
  }
  sections.push({
    key: 'evaluations',
    rows: [
      ...goalAnswers.map((g) => rows((w) => `${w}.eval.${g}`, g)),
      rows((w) => `${w}.eval.answers`, 'total', true),
    ],
    stats: [
      {
        key: 'cooperation',
        kind: 'mean',
        previous: scores.prev.map((s) => s.cooperation),
        current: scores.cur.map((s) => s.cooperation),
      },
    ],
  });

  // Data deleted in the period, and whether on time.
  const deleted = both((w, p) => facts.filter((f) => inPeriod(f.deletedMonth, p)));
  for (const w of ['prev', 'cur'] as const) {
    b.cell(`${w}.deleted`, deleted[w].length);
    b.sum(
      [
        b.cell(
          `${w}.deleted.onTime`,
          countOf(deleted[w], (f) => (f.deletedLateDays ?? 0) <= deletionGraceDays),
        ),
        b.cell(
          `${w}.deleted.late`,
          countOf(deleted[w], (f) => (f.deletedLateDays ?? 0) > deletionGraceDays),
        ),
      ],
      `${w}.deleted`,
    );
  }
  const deletedSpec = (w: Which): PercentageSpec => ({
    part: `${w}.deleted.onTime`,
    parts: [`${w}.deleted.onTime`, `${w}.deleted.late`],
    base: `${w}.deleted`,
  });
  sections.push({
    key: 'deletion',
    rows: [
      rows((w) => `${w}.deleted.onTime`, 'onTime'),
      rows((w) => `${w}.deleted.late`, 'late'),
      rows((w) => `${w}.deleted`, 'total', true),
    ],
    stats: [{ key: 'deletedOnTime', kind: 'percentage', previous: deletedSpec('prev'), current: deletedSpec('cur') }],
  });

  // Meetings held: not about persons.
  const held = both((w, p) => input.heldSessions.filter((s) => inPeriod(s.month, p)));
  const tables = [...new Set(input.heldSessions.map((s) => s.tableId))].sort();

  // The trend of aanmeldingen: earlier periods get their own cells; the last two are the table's.
  const trendPeriods: { period: Period; cell: string }[] = [];
  let p: Period = input.period;
  for (let i = 0; i < input.trendLength; i++, p = previousPeriod(p)) {
    const cell =
      i === 0
        ? 'cur.intake'
        : i === 1
          ? 'prev.intake'
          : b.cell(`trend.${periodKey(p)}`, intakesIn(input.intakesByMonth, p));
    trendPeriods.unshift({ period: p, cell });
  }

  return {
    period: periods.cur,
    previous: periods.prev,
    system: { values: b.values, equations: b.equations },
    sections,
    sessionsHeld: {
      previous: held.prev.length,
      current: held.cur.length,
      perTable: tables.map((tableId) => ({
        tableId,
        previous: countOf(held.prev, (s) => s.tableId === tableId),
        current: countOf(held.cur, (s) => s.tableId === tableId),
      })),
    },
    trend: trendPeriods,
  };
}

function intakesIn(byMonth: ReadonlyMap<string, number>, p: Period): number {
  let n = 0;
  for (const [month, count] of byMonth) if (inPeriod(month, p)) n += count;
  return n;
}

/** A statistic as a reader gets it: a number, or why not (too few, or a part hidden). */
export type StatValue = { value: number } | { withheld: 'base' | 'hidden' };

export interface DisclosedFigures extends ComputedFigures {
  mode: DisclosureMode;
  shown: Record<string, Shown>;
  /** Per section, per stat: the previous and current value. */
  stats: Record<
    SectionKey,
    { key: StatKey; kind: FigureStat['kind']; subject?: string; previous: StatValue; current: StatValue }[]
  >;
}

/** The figures as the stuurgroep (internal) or the jaarverslag (public) may read them. */
export function discloseFigures(computed: ComputedFigures, mode: DisclosureMode): DisclosedFigures {
  const shown = protect(computed.system, mode);
  const value = (spec: PercentageSpec): StatValue => {
    const base = computed.system.values[spec.base]!;
    if (base < minimumBase) return { withheld: 'base' };
    const pct = percentage(
      computed.system.values[spec.part]!,
      base,
      spec.parts.map((id) => shown[id]!),
      mode,
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
