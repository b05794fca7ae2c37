import type { CountSystem, Equation } from './disclosure.ts';
import {
  otherRow,
  type FigureFact,
  type FigureRow,
  type FigureStat,
  type FiguresInput,
  type PercentageSpec,
  type StatKey,
} from './figures.types.ts';
import { inPeriod, periodMonths, previousPeriod, type Period } from './periods.ts';

/** The two periods of every table: the previous one and the one asked for. */
export type Which = 'prev' | 'cur';

export const countOf = <T>(items: readonly T[], test: (item: T) => boolean) =>
  items.reduce((n, i) => (test(i) ? n + 1 : n), 0);

/** The cells (true counts by id) of one report and the equations between them, built in the order of the report. */
export class SystemBuilder {
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
  /** A cell `${prefix}.${key}` per key, counting the items of that key; together they add up to `total`. */
  tally<T>(prefix: string, keys: readonly string[], items: readonly T[], keyOf: (item: T) => string, total: string) {
    const counts = new Map<string, number>();
    for (const item of items) {
      const key = keyOf(item);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    this.sum(
      keys.map((k) => this.cell(`${prefix}.${k}`, counts.get(k) ?? 0)),
      total,
    );
  }
  system(): CountSystem {
    return { values: this.values, equations: this.equations };
  }
}

/** The facts the sections share, per period. */
export interface SharedFacts {
  /** The aanmeldingen of the period. */
  intake: Record<Which, FigureFact[]>;
  /** Every fact of an accepted case. */
  accepted: FigureFact[];
  /** The cases accepted in the period. */
  acceptedIn: Record<Which, FigureFact[]>;
  /** The accepted cases closed in the period. */
  closed: Record<Which, FigureFact[]>;
}

/** What every section builds on: the input, the two periods, the facts they share, and the system they add cells to. */
export class FigureContext {
  readonly periods: Record<Which, Period>;
  readonly b = new SystemBuilder();
  readonly shared: SharedFacts;

  constructor(readonly input: FiguresInput) {
    this.periods = { prev: previousPeriod(input.period), cur: input.period };
    const accepted = input.facts.filter((f) => f.acceptedMonth);
    this.shared = {
      intake: this.both((_, p) => input.facts.filter((f) => inPeriod(f.intakeMonth, p))),
      accepted,
      acceptedIn: this.both((_, p) => accepted.filter((f) => inPeriod(f.acceptedMonth, p))),
      closed: this.both((_, p) => accepted.filter((f) => inPeriod(f.closedMonth, p))),
    };
  }

  get facts(): readonly FigureFact[] {
    return this.input.facts;
  }

  /** `f` for the previous and then the current period. */
  both<T>(f: (w: Which, p: Period) => T): Record<Which, T> {
    return { prev: f('prev', this.periods.prev), cur: f('cur', this.periods.cur) };
  }

  /** `f` for the previous and then the current period, for what it adds to the system. */
  each(f: (w: Which, p: Period) => void): void {
    f('prev', this.periods.prev);
    f('cur', this.periods.cur);
  }
}

/** One line of a table: the cell of each period. */
export function row(ids: (w: Which) => string, key: string, total = false): FigureRow {
  return { key, previous: ids('prev'), current: ids('cur'), ...(total ? { total } : {}) };
}

/** The share of the first of `parts` in `base`, in each period. */
export function percentageStat(
  key: StatKey,
  parts: (w: Which) => string[],
  base: (w: Which) => string,
  subject?: string,
): FigureStat {
  const spec = (w: Which): PercentageSpec => ({ part: parts(w)[0]!, parts: parts(w), base: base(w) });
  return {
    key,
    kind: 'percentage',
    ...(subject === undefined ? {} : { subject }),
    previous: spec('prev'),
    current: spec('cur'),
  };
}

/** A median or mean of the values of each period. */
export function averageStat(key: StatKey, kind: 'median' | 'mean', values: Record<Which, number[]>): FigureStat {
  return { key, kind, previous: values.prev, current: values.cur };
}

/** A key as the table shows it: its own row if the ledger keeps one, else folded into "other". */
export const recode = (named: readonly string[] | undefined) => (key: string) =>
  !named || named.includes(key) ? key : otherRow;

/** The rows of a table: the ledger's (its own keys, then "other" if anything folds), or every key seen in the two periods. */
export const rowKeys = (named: readonly string[] | undefined, seen: Iterable<string>) =>
  named ? [...named] : [...new Set(seen)].sort();

const monthBefore = (m: string) => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
};

export type Flow = [name: string, count: (w: Which, p: Period) => number];

/**
 * A stock over the two periods: start + in = out + end, and this period starts where the previous one ended.
 * `levelAfter` counts the stock at the end of a month. Returns the cells of each period's start and end.
 */
export function stockAndFlow(
  ctx: FigureContext,
  name: string,
  levelAfter: (month: string) => number,
  [inName, inflow]: Flow,
  [outName, outflow]: Flow,
) {
  const { b, periods } = ctx;
  const ids = {
    prev: { start: `prev.${name}.start`, end: `prev.${name}.end` },
    cur: { start: `prev.${name}.end`, end: `cur.${name}.end` },
  };
  b.cell(ids.prev.start, levelAfter(monthBefore(periodMonths(periods.prev).from)));
  b.cell(ids.prev.end, levelAfter(periodMonths(periods.prev).to));
  b.cell(ids.cur.end, levelAfter(periodMonths(periods.cur).to));
  ctx.each((w, p) => {
    b.cell(`${w}.${name}.${inName}`, inflow(w, p));
    b.cell(`${w}.${name}.${outName}`, outflow(w, p));
    b.flow([ids[w].start, `${w}.${name}.${inName}`], [`${w}.${name}.${outName}`, ids[w].end]);
  });
  return ids;
}
