import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  disclosureRules,
  formatShown,
  mean,
  median,
  percentage,
  protect,
  type CountSystem,
  type DisclosureMode,
  type Equation,
  type Shown,
} from '../../src/figures/disclosure.ts';

/**
 * The attacker of these tests does not reason in intervals, as `protect` does: it tries every combination of
 * values the display allows and keeps those that satisfy every equation. A hidden cell it finds only one value
 * for is recovered.
 */
function feasibleValues(
  system: CountSystem,
  shown: Record<string, Shown>,
  mode: DisclosureMode,
): Map<string, Set<number>> {
  const rule = disclosureRules[mode];
  const ids = Object.keys(system.values);
  const cap = 2 * Math.max(...Object.values(system.values), 0) + 12;
  const domains = new Map(
    ids.map((id) => {
      const b = boundsOf(shown[id]!, rule);
      const values: number[] = [];
      for (let v = b.lo; v <= Math.min(b.hi, cap); v++) values.push(v);
      return [id, values];
    }),
  );
  const hidden = ids.filter((id) => shown[id]!.state !== 'shown');
  const found = new Map(hidden.map((id) => [id, new Set<number>()]));
  const terms = system.equations.map((e) => [
    ...e.plus.map((id) => [id, 1] as const),
    ...e.minus.map((id) => [id, -1] as const),
  ]);
  const done = () => hidden.every((id) => found.get(id)!.size >= 2);

  const search = (assigned: Map<string, number>): void => {
    if (done()) return;
    // Forced values first: an equation with one open cell decides it.
    const local = new Map(assigned);
    for (let changed = true; changed;) {
      changed = false;
      for (const eq of terms) {
        const open = eq.filter(([id]) => !local.has(id));
        if (open.length === 1) {
          const [id, sign] = open[0]!;
          const rest = eq.reduce((s, [other, sg]) => (other === id ? s : s + sg * local.get(other)!), 0);
          const value = -rest * sign;
          if (!domains.get(id)!.includes(value)) return;
          local.set(id, value);
          changed = true;
        } else if (!open.length && eq.reduce((s, [id, sg]) => s + sg * local.get(id)!, 0) !== 0) return;
      }
    }
    const next = ids.filter((id) => !local.has(id)).sort((a, b) => domains.get(a)!.length - domains.get(b)!.length)[0];
    if (!next) {
      for (const id of hidden) found.get(id)!.add(local.get(id)!);
      return;
    }
    for (const v of domains.get(next)!) {
      search(new Map([...local, [next, v]]));
      if (done()) return;
    }
  };
  search(new Map());
  return found;
}

/** Cells with a true value, and the equations a report builds: rows with a total, and periods that follow on. */
const count = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 30 }));
const rowWithTotal = (prefix: string, cells: number[]): CountSystem => {
  const values: Record<string, number> = Object.fromEntries(cells.map((v, i) => [`${prefix}${i}`, v]));
  values[`${prefix}total`] = cells.reduce((a, b) => a + b, 0);
  return { values, equations: [{ plus: cells.map((_, i) => `${prefix}${i}`), minus: [`${prefix}total`] }] };
};
const systems = fc.oneof(
  // aanmeldingen per partner, with their total
  fc.array(count, { minLength: 1, maxLength: 5 }).map((cells) => rowWithTotal('p', cells)),
  // the same total split two ways: per partner and per screening outcome
  fc
    .tuple(fc.array(count, { minLength: 1, maxLength: 3 }), fc.array(count, { minLength: 1, maxLength: 3 }))
    .map(([a, b]): CountSystem => {
      const total = a.reduce((x, y) => x + y, 0);
      const rest = total - b.slice(0, -1).reduce((x, y) => x + y, 0);
      const split = rest >= 0 ? [...b.slice(0, -1), rest] : [total];
      const one = rowWithTotal('p', a);
      const values = { ...one.values, ...Object.fromEntries(split.map((v, i) => [`o${i}`, v])) };
      return { values, equations: [...one.equations, { plus: split.map((_, i) => `o${i}`), minus: ['ptotal'] }] };
    }),
  // open cases over two periods: start + in = out + end, this period's start is the previous period's end,
  // and each period's closures split by outcome
  fc.tuple(count, count, count, count, count, count).map(([start, in1, in2, outA, outB, splitA]): CountSystem => {
    const out1 = Math.min(outA, start + in1);
    const mid = start + in1 - out1;
    const out2 = Math.min(outB, mid + in2);
    const end = mid + in2 - out2;
    const a = Math.min(splitA, out2);
    const values = { start, in1, out1, mid, in2, out2, end, goal: a, other: out2 - a };
    const equations: Equation[] = [
      { plus: ['start', 'in1'], minus: ['out1', 'mid'] },
      { plus: ['mid', 'in2'], minus: ['out2', 'end'] },
      { plus: ['goal', 'other'], minus: ['out2'] },
    ];
    return { values, equations };
  }),
);

describe('disclosure control', () => {
  for (const mode of ['internal', 'public'] as const) {
    it(`${mode}: no hidden cell can be worked out from what is shown, by trying every combination`, () => {
      fc.assert(
        fc.property(systems, (system) => {
          const shown = protect(system, mode);
          const feasible = feasibleValues(system, shown, mode);
          for (const [id, values] of feasible) {
            expect(
              values.size,
              `${id} of ${JSON.stringify(system.values)} shown as ${JSON.stringify(shown)}`,
            ).toBeGreaterThanOrEqual(2);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('internal: counts below 5 show as "<5", everything else exactly', () => {
    fc.assert(
      fc.property(systems, (system) => {
        const shown = protect(system, 'internal');
        for (const [id, value] of Object.entries(system.values)) {
          const s = shown[id]!;
          if (value < 5) expect(formatShown(s, 'internal')).toBe('<5');
          if (s.state === 'shown') expect(s.value).toBe(value);
        }
      }),
    );
  });

  it('public: 0-7 never shown, every shown count a multiple of 5 within 2 of the truth', () => {
    fc.assert(
      fc.property(systems, (system) => {
        const shown = protect(system, 'public');
        for (const [id, value] of Object.entries(system.values)) {
          const s = shown[id]!;
          if (value <= 7) expect(s.state).not.toBe('shown');
          if (s.state === 'shown') {
            expect(s.value % 5).toBe(0);
            expect(s.value).toBeGreaterThanOrEqual(10);
            expect(Math.abs(s.value - value)).toBeLessThanOrEqual(2);
          }
        }
      }),
    );
  });

  it('a small cell beside a total gets a second cell hidden; where even that would give it away, the total goes too', () => {
    const shown = protect(rowWithTotal('p', [3, 12, 20]), 'internal');
    expect(shown).toEqual({
      p0: { state: 'small' },
      p1: { state: 'suppressed' },
      p2: { state: 'shown', value: 20 },
      ptotal: { state: 'shown', value: 35 },
    });
    // 0 and 5 add up to 5: with "<5" and "x" (at least 5) beside a total of 5 the small one must be 0.
    const tight = protect(rowWithTotal('p', [0, 5]), 'internal');
    expect(tight.ptotal!.state).not.toBe('shown');
    // Nothing small: nothing hidden.
    expect(Object.values(protect(rowWithTotal('p', [6, 12]), 'internal')).every((s) => s.state === 'shown')).toBe(true);
  });

  it('percentages only on a base of at least 10 and with every part shown; public to 5 points', () => {
    const shownParts: Shown[] = [
      { state: 'shown', value: 8 },
      { state: 'shown', value: 6 },
    ];
    expect(percentage(8, 14, shownParts, 'internal')).toBe(57);
    expect(percentage(8, 14, shownParts, 'public')).toBe(55);
    expect(percentage(6, 9, shownParts, 'internal')).toBeUndefined();
    expect(percentage(8, 11, [{ state: 'shown', value: 8 }, { state: 'small' }], 'internal')).toBeUndefined();
  });

  it('medians and means only on at least 10 values', () => {
    expect(median([5, 1, 9, 3, 7, 2, 8, 4, 6])).toBeUndefined();
    expect(median([5, 1, 9, 3, 7, 2, 8, 4, 6, 10])).toBe(6);
    expect(median([5, 1, 9, 3, 7, 2, 8, 4, 6, 10, 11])).toBe(6);
    expect(mean([4, 4, 4, 4, 4, 4, 4, 4, 4])).toBeUndefined();
    expect(mean([4, 4, 4, 4, 4, 3, 3, 3, 3, 3])).toBe(3.5);
  });
});
