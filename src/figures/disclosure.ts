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

/** What a reader who knows the rules can tell of a cell from its display alone. */
export function boundsOf(shown: Shown, rule: DisclosureRule): Bounds {
  if (shown.state === 'small') return { lo: 0, hi: rule.hideBelow - 1 };
  if (shown.state === 'suppressed') return { lo: rule.hideBelow, hi: Infinity };
  const half = Math.floor(rule.roundTo / 2);
  return { lo: Math.max(rule.hideBelow, shown.value - half), hi: shown.value + half };
}

/**
 * The bounds an attacker reaches for every cell: each equation bounds each of its cells by the others, until
 * nothing narrows any more.
 */
export function attackerBounds(
  system: CountSystem,
  shown: Record<string, Shown>,
  rule: DisclosureRule,
): Record<string, Bounds> {
  const bounds: Record<string, Bounds> = {};
  for (const id of Object.keys(system.values)) bounds[id] = boundsOf(shown[id]!, rule);
  const terms = system.equations.map((e) => [
    ...e.plus.map((id) => ({ id, sign: 1 })),
    ...e.minus.map((id) => ({ id, sign: -1 })),
  ]);
  for (let round = 0, changed = true; changed && round < 100; round++) {
    changed = false;
    for (const equation of terms) {
      for (const target of equation) {
        // sign_t * x_t = -Σ sign_i * x_i over the others.
        let lo = 0;
        let hi = 0;
        for (const term of equation) {
          if (term === target) continue;
          const b = bounds[term.id]!;
          if (term.sign > 0) {
            lo -= b.hi;
            hi -= b.lo;
          } else {
            lo += b.lo;
            hi += b.hi;
          }
        }
        const [from, to] = target.sign > 0 ? [lo, hi] : [-hi, -lo];
        const b = bounds[target.id]!;
        const next = { lo: Math.max(b.lo, Math.ceil(from)), hi: Math.min(b.hi, Math.floor(to)) };
        if (next.lo !== b.lo || next.hi !== b.hi) {
          bounds[target.id] = next;
          changed = true;
        }
      }
    }
  }
  return bounds;
}

/** Hidden cells an attacker pins down to one value. */
export function exposedCells(system: CountSystem, shown: Record<string, Shown>, rule: DisclosureRule): string[] {
  const bounds = attackerBounds(system, shown, rule);
  return Object.keys(system.values).filter((id) => shown[id]!.state !== 'shown' && bounds[id]!.lo >= bounds[id]!.hi);
}

/**
 * What a report may show of its counts. Primary: small counts hidden, the others rounded. Then, while an attacker
 * could still pin a hidden cell, the smallest shown cell that adds up with it is hidden as well.
 */
export function protect(system: CountSystem, mode: DisclosureMode): Record<string, Shown> {
  const rule = disclosureRules[mode];
  const shown: Record<string, Shown> = {};
  for (const [id, value] of Object.entries(system.values)) {
    shown[id] = value < rule.hideBelow ? { state: 'small' } : { state: 'shown', value: roundCount(value, rule) };
  }
  for (;;) {
    const exposed = new Set(exposedCells(system, shown, rule));
    if (!exposed.size) return shown;
    const candidates = new Set<string>();
    for (const e of system.equations) {
      const ids = [...e.plus, ...e.minus];
      if (ids.some((id) => exposed.has(id))) for (const id of ids) if (shown[id]!.state === 'shown') candidates.add(id);
    }
    const next = [...candidates].sort((a, b) => system.values[a]! - system.values[b]! || a.localeCompare(b))[0];
    // Cannot happen with true counts (everything around an exposed cell is hidden only if nothing pins it): stop safe.
    if (!next) {
      for (const id of exposed) shown[id] = { state: 'suppressed' };
      return shown;
    }
    shown[next] = { state: 'suppressed' };
  }
}

/** The text of a cell in a table: "12", "<5" (internal, small), "x" (hidden to protect another), "*" (public, hidden). */
export function formatShown(shown: Shown, mode: DisclosureMode): string {
  if (shown.state === 'shown') return String(shown.value);
  if (mode === 'public') return '*';
  return shown.state === 'small' ? '<5' : 'x';
}

/**
 * A percentage of a part in a whole, where the whole is split into the parts of one equation: only on a base of at
 * least 10, and only when every part is shown (a percentage of a hidden part would give it away). Public: to 5 points.
 */
export function percentage(part: number, base: number, parts: Shown[], mode: DisclosureMode): number | undefined {
  if (base < minimumBase || parts.some((p) => p.state !== 'shown')) return undefined;
  const exact = (100 * part) / base;
  return mode === 'public' ? Math.round(exact / 5) * 5 : Math.round(exact);
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
