import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/figures/figures.rules.ts';
import { buildLedger, ledgerCell, ledgerFigures } from '../../src/figures/ledger.ts';
import { periodChoices } from '../../src/figures/periods.ts';
import { twoYearsOfFacts } from '../support/figure-facts.ts';

const choices = periodChoices(new Date('2026-12-15T12:00:00Z'), 'Europe/Amsterdam');
const ledgerOf = (facts: Parameters<typeof computeFigures>[0]['facts']) => {
  const intakesByMonth = new Map<string, number>();
  for (const f of facts)
    if (f.intakeMonth) intakesByMonth.set(f.intakeMonth, (intakesByMonth.get(f.intakeMonth) ?? 0) + 1);
  return buildLedger({ facts, heldSessions: [], intakesByMonth, informWithinDays: 14, choices });
};

describe('the disclosure ledger', () => {
  it('the public form never shows a cell the internal form hides, and shows only multiples of 5 of at least 10', () => {
    fc.assert(
      fc.property(twoYearsOfFacts, (facts) => {
        const ledger = ledgerOf(facts);
        const internal = ledger.pattern('internal');
        const pub = ledger.pattern('public');
        for (const [id, value] of Object.entries(ledger.system.values)) {
          if (internal[id]!.state !== 'shown') expect(pub[id]!.state, id).not.toBe('shown');
          const p = pub[id]!;
          if (p.state === 'shown') {
            expect(p.value % 5).toBe(0);
            expect(p.value).toBeGreaterThanOrEqual(10);
            expect(Math.abs(p.value - value)).toBeLessThanOrEqual(2);
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('every report reads the same cell as the ledger: a period beside the one before agrees with that period itself', () => {
    fc.assert(
      fc.property(twoYearsOfFacts, (facts) => {
        const ledger = ledgerOf(facts);
        for (const period of choices) {
          const figures = ledgerFigures(ledger, period, 'internal');
          const cell = ledgerCell(period);
          for (const [id, value] of Object.entries(figures.system.values)) {
            expect(ledger.system.values[cell(id)], `${id} of ${JSON.stringify(period)}`).toBe(value);
            expect(figures.shown[id]).toEqual(ledger.pattern('internal')[cell(id)]);
          }
        }
        // Every equation, within and between periods, holds on the true counts.
        const v = ledger.system.values;
        for (const e of ledger.system.equations) {
          const sum = (ids: string[]) => ids.reduce((n, id) => n + v[id]!, 0);
          expect(sum(e.plus), JSON.stringify(e)).toBe(sum(e.minus));
        }
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it('small partners fold into "other" in every period alike', () => {
    fc.assert(
      fc.property(twoYearsOfFacts, (facts) => {
        const ledger = ledgerOf(facts);
        const rowsOf = (i: number) =>
          ledgerFigures(ledger, choices[i]!, 'internal')
            .sections.find((s) => s.key === 'intake')!
            .rows.map((r) => r.key);
        for (let i = 1; i < choices.length; i++) expect(rowsOf(i)).toEqual(rowsOf(0));
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
