/**
 * Disclosure control for the figures (docs/domain.md#disclosure-of-small-numbers, after CBS practice), in one place:
 * - inside the stuurgroep (internal) a count below 5 shows as "<5";
 * - in anything public (the jaarverslag) counts 0-7 are hidden and the rest rounded to multiples of 5;
 * - a second cell is hidden where a hidden one could be worked out from a total, or from another figure it
 *   adds up with (start + in = out + end; this period's start is the previous period's end);
 * - percentages and medians only on a base of at least 10, and never a minimum or maximum of a duration.
 *
 * The counts of one report form a system: cells (true counts) and the equations that hold between them. An
 * attacker who knows the rules reads bounds from what is shown and narrows them through the equations; a hidden
 * cell must never come out as one value. `protect` hides cells until that holds, checking with the same
 * reasoning (interval propagation, exact for the tree-shaped systems the figures build); the property tests try
 * to recover hidden cells by brute force.
 */

export type DisclosureMode = 'internal' | 'public';

export interface DisclosureRule {
  /** Counts below this are hidden (primary suppression). */
  hideBelow: number;
  /** Shown counts are rounded to a multiple of this (1: exact). */
  roundTo: number;
}

export const disclosureRules: Record<DisclosureMode, DisclosureRule> = {
  internal: { hideBelow: 5, roundTo: 1 },
  public: { hideBelow: 8, roundTo: 5 },
};

/** Percentages, medians and means need at least this many cases under them. */
export const minimumBase = 10;

/** Σ plus = Σ minus, over cell ids. */
export interface Equation {
  plus: string[];
  minus: string[];
}

export interface CountSystem {
  /** True counts by cell id. */
  values: Record<string, number>;
  equations: Equation[];
}

/** What a reader gets of one cell: a (rounded) count, "small" (primary), or hidden to protect another cell. */
export type Shown = { state: 'shown'; value: number } | { state: 'small' } | { state: 'suppressed' };

export function roundCount(value: number, rule: DisclosureRule): number {
  return rule.roundTo === 1 ? value : Math.round(value / rule.roundTo) * rule.roundTo;
}

interface Bounds {
  lo: number;
  hi: number;
}

/**
 * What a reader who knows the rules can tell of a cell from its display alone. A shown count below the threshold is a
 * published total (ProtectOptions.publish): shown however small, so it can be as low as its rounding allows.
 */
export function boundsOf(shown: Shown, rule: DisclosureRule): Bounds {
  if (shown.state === 'small') return { lo: 0, hi: rule.hideBelow - 1 };
  if (shown.state === 'suppressed') return { lo: rule.hideBelow, hi: Infinity };
  const half = Math.floor(rule.roundTo / 2);
  const floor = shown.value < rule.hideBelow ? 0 : rule.hideBelow;
  return { lo: Math.max(floor, shown.value - half), hi: shown.value + half };
}

/** Σ sign·x = 0 over cell indexes. */
type Term = { i: number; sign: number };

/**
 * The attacker's reasoning over one system, prepared once (cell indexes, each equation's terms, the equations of
 * each cell) and run for any display: `protect` runs it every round on the same system.
 */
function boundsSolver(system: CountSystem): (shown: Record<string, Shown>, rule: DisclosureRule) => Bounds[] {
  const ids = Object.keys(system.values);
  const index = new Map(ids.map((id, i) => [id, i]));
  const equations: Term[][] = system.equations.map((e) => [
    ...e.plus.map((id) => ({ i: index.get(id)!, sign: 1 })),
    ...e.minus.map((id) => ({ i: index.get(id)!, sign: -1 })),
  ]);
  const of: number[][] = ids.map(() => []);
  equations.forEach((eq, n) => eq.forEach((t) => of[t.i]!.push(n)));
  return (shown, rule) => {
    const start = ids.map((id) => boundsOf(shown[id]!, rule));
    const lo = start.map((b) => b.lo);
    const hi = start.map((b) => b.hi);
    narrow(equations, of, lo, hi);
    return ids.map((_, i) => ({ lo: lo[i]!, hi: hi[i]! }));
  };
}

/** Narrows lo and hi through the equations until nothing changes (a worklist of the equations whose cells changed). */
function narrow(equations: Term[][], of: number[][], lo: number[], hi: number[]): void {
  const queue = equations.map((_, n) => n);
  const queued = equations.map(() => true);
  // A safety stop: with true counts behind the display the bounds always close in on them, so this is never reached.
  let budget = 200 * (equations.length + 1);
  for (let head = 0; head < queue.length && budget-- > 0; head++) {
    const n = queue[head]!;
    queued[n] = false;
    const eq = equations[n]!;
    // Σ sign·x = 0: the lowest and highest each term can add, finite parts and infinite ones counted apart.
    let minFinite = 0;
    let minInfinite = 0;
    let maxFinite = 0;
    let maxInfinite = 0;
    const low = (t: Term) => (t.sign > 0 ? lo[t.i]! : -hi[t.i]!);
    const high = (t: Term) => (t.sign > 0 ? hi[t.i]! : -lo[t.i]!);
    for (const t of eq) {
      const a = low(t);
      const b = high(t);
      if (Number.isFinite(a)) minFinite += a;
      else minInfinite++;
      if (Number.isFinite(b)) maxFinite += b;
      else maxInfinite++;
    }
    for (const t of eq) {
      const a = low(t);
      const b = high(t);
      // The others together add between othersMin and othersMax; sign·x = −(the others).
      const othersMin =
        minInfinite - (Number.isFinite(a) ? 0 : 1) > 0 ? -Infinity : minFinite - (Number.isFinite(a) ? a : 0);
      const othersMax =
        maxInfinite - (Number.isFinite(b) ? 0 : 1) > 0 ? Infinity : maxFinite - (Number.isFinite(b) ? b : 0);
      const [from, to] = t.sign > 0 ? [-othersMax, -othersMin] : [othersMin, othersMax];
      const nextLo = Math.max(lo[t.i]!, Math.ceil(from));
      const nextHi = Math.min(hi[t.i]!, Math.floor(to));
      if (nextLo !== lo[t.i] || nextHi !== hi[t.i]) {
        lo[t.i] = nextLo;
        hi[t.i] = nextHi;
        for (const m of of[t.i]!)
          if (m !== n && !queued[m]) {
            queued[m] = true;
            queue.push(m);
          }
      }
    }
  }
}

/**
 * The bounds an attacker reaches for every cell: each equation bounds each of its cells by the others, until
 * nothing narrows any more (a worklist of the equations whose cells changed; thousands of cells for the ledger).
 */
export function attackerBounds(
  system: CountSystem,
  shown: Record<string, Shown>,
  rule: DisclosureRule,
): Record<string, Bounds> {
  const bounds = boundsSolver(system)(shown, rule);
  return Object.fromEntries(Object.keys(system.values).map((id, i) => [id, bounds[i]!]));
}

/** Hidden cells an attacker pins down to one value. */
export function exposedCells(system: CountSystem, shown: Record<string, Shown>, rule: DisclosureRule): string[] {
  return exposedBy(system, boundsSolver(system))(shown, rule);
}

function exposedBy(system: CountSystem, solve: ReturnType<typeof boundsSolver>) {
  const ids = Object.keys(system.values);
  return (shown: Record<string, Shown>, rule: DisclosureRule) => {
    const bounds = solve(shown, rule);
    return ids.filter((id, i) => shown[id]!.state !== 'shown' && bounds[i]!.lo >= bounds[i]!.hi);
  };
}

export interface ProtectOptions {
  /**
   * What hiding a cell costs, beside its size: the cell with the lowest (cost, count) is hidden first. The ledger
   * makes totals and the bases of percentages dear, so that a part goes before its total.
   */
  cost?: (id: string) => number;
  /** A pattern this one may only add to: the public form starts from the internal one and never shows more. */
  within?: Record<string, Shown>;
  /**
   * Published totals (the aanmeldingen of a period: no small-cell risk on their own): shown however small, and hidden
   * only when nothing else can protect a cell (give them the highest cost). The attacker reads them like any count.
   */
  publish?: (id: string) => boolean;
}

/**
 * What a report may show of its counts. Primary: small counts hidden, the others rounded (and, with `within`,
 * whatever that pattern hides stays hidden). Then, while an attacker could still pin a hidden cell, for each such
 * cell the cheapest shown cell that adds up with it is hidden as well.
 */
export function protect(
  system: CountSystem,
  mode: DisclosureMode,
  options: ProtectOptions = {},
): Record<string, Shown> {
  const rule = disclosureRules[mode];
  // Costs are asked for in every comparison of every round: each cell's once.
  const costs = new Map<string, number>();
  const cost = (id: string) => {
    let c = costs.get(id);
    if (c === undefined) costs.set(id, (c = options.cost?.(id) ?? 0));
    return c;
  };
  const shown: Record<string, Shown> = {};
  const hidden = (value: number): Shown => (value < rule.hideBelow ? { state: 'small' } : { state: 'suppressed' });
  const small = (id: string, value: number) => value < rule.hideBelow && !options.publish?.(id);
  for (const [id, value] of Object.entries(system.values)) {
    shown[id] =
      small(id, value) || (options.within && options.within[id]?.state !== 'shown')
        ? hidden(value)
        : { state: 'shown', value: roundCount(value, rule) };
  }
  const equationsOf = new Map<string, number[]>();
  system.equations.forEach((e, n) => {
    for (const id of [...e.plus, ...e.minus]) {
      const of = equationsOf.get(id);
      if (of) of.push(n);
      else equationsOf.set(id, [n]);
    }
  });
  const order = (a: string, b: string) =>
    cost(a) - cost(b) || system.values[a]! - system.values[b]! || a.localeCompare(b);
  const search: SecondarySearch = {
    system,
    shown,
    equationsOf,
    order,
    publish: (id) => options.publish?.(id) ?? false,
  };
  const exposedIn = exposedBy(system, boundsSolver(system));
  for (;;) {
    const exposed = exposedIn(shown, rule).sort();
    if (!exposed.length) return shown;
    // A published total (or a cell it fixes) is hidden only when nothing else can protect a cell this round.
    const picked = pickSecondary(search, exposed, false);
    const chosen = picked.size ? picked : pickSecondary(search, exposed, true);
    if (!chosen.size) {
      // Cannot happen with true counts (everything around an exposed cell is hidden only if nothing pins it):
      // stop safe, without claiming a small cell is large.
      for (const id of exposed) shown[id] = hidden(system.values[id]!);
      return shown;
    }
    for (const id of chosen) shown[id] = hidden(system.values[id]!);
  }
}

interface SecondarySearch {
  system: CountSystem;
  shown: Record<string, Shown>;
  equationsOf: Map<string, number[]>;
  order: (a: string, b: string) => number;
  publish: (id: string) => boolean;
}

/**
 * One round of secondary suppression: for each exposed cell the cheapest shown cell that adds up with it, else the
 * nearest one further on, through hidden cells (one that pins a hidden neighbour). Published cells only with
 * `published` (then the cheapest one beside the cell). One new hidden cell per equation and round.
 */
function pickSecondary(search: SecondarySearch, exposed: string[], published: boolean): Set<string> {
  const { system, shown, equationsOf, order, publish } = search;
  const picked = new Set<string>();
  const pickedIn = new Set<number>();
  const cellsOf = (ids: string[]) =>
    ids
      .flatMap((id) => equationsOf.get(id) ?? [])
      .flatMap((n) => [...system.equations[n]!.plus, ...system.equations[n]!.minus]);
  const candidatesIn = (cells: string[]) =>
    cells.filter((c) => shown[c]!.state === 'shown' && !picked.has(c)).sort(order);
  for (const id of exposed) {
    if ((equationsOf.get(id) ?? []).some((n) => pickedIn.has(n))) continue;
    const unpublished = (cells: string[]) => candidatesIn(cells).find((c) => !publish(c));
    let next = unpublished(cellsOf([id]));
    for (let seen = new Set([id]), ring = [id]; next === undefined && ring.length;) {
      ring = [...new Set(cellsOf(ring).filter((c) => !seen.has(c) && shown[c]!.state !== 'shown'))];
      for (const c of ring) seen.add(c);
      next = unpublished(cellsOf(ring));
    }
    if (published) next ??= candidatesIn(cellsOf([id]))[0];
    if (next === undefined) continue;
    picked.add(next);
    for (const n of equationsOf.get(next) ?? []) pickedIn.add(n);
  }
  return picked;
}

/** The text of a cell in a table: "12", "<5" (internal, small), "x" (hidden to protect another), "*" (public, hidden). */
export function formatShown(shown: Shown, mode: DisclosureMode): string {
  if (shown.state === 'shown') return String(shown.value);
  if (mode === 'public') return '*';
  return shown.state === 'small' ? '<5' : 'x';
}

/**
 * A percentage of a part in a whole, where the whole is split into the parts of one equation: only on a base of at
 * least 10. With every part shown, of the true counts; else only when the part and the base are both shown, and
 * then of what is shown (so it tells nothing the two counts do not: a percentage of a hidden part would give it
 * away). Public: to 5 points.
 */
export function percentage(
  part: number,
  base: number,
  parts: Shown[],
  mode: DisclosureMode,
  shown?: { part: Shown; base: Shown },
): number | undefined {
  if (base < minimumBase) return undefined;
  const points = (exact: number) => (mode === 'public' ? Math.round(exact / 5) * 5 : Math.round(exact));
  if (parts.every((p) => p.state === 'shown')) return points((100 * part) / base);
  if (shown?.part.state !== 'shown' || shown.base.state !== 'shown' || shown.base.value <= 0) return undefined;
  return points((100 * shown.part.value) / shown.base.value);
}

/** The median of a duration (whole days), only on at least 10 values. Never a minimum or a maximum. */
export function median(values: readonly number[]): number | undefined {
  if (values.length < minimumBase) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? Math.round((sorted[mid - 1]! + sorted[mid]!) / 2) : sorted[Math.floor(mid)]!;
}

/** A mean score (one decimal), only on at least 10 values. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length < minimumBase) return undefined;
  return Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10;
}
