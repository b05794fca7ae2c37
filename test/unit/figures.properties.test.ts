import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFigures, type FigureFact } from '../../src/figures/figures.rules.ts';
import { parsePeriod } from '../../src/figures/periods.ts';
import { caseOutcomes, goalAnswers } from '../../src/lifecycle/lifecycle.types.ts';

/** Months around 2026-Q3 and the quarter before it, so facts fall before, in and after both periods. */
const month = fc.constantFrom('2025-12', '2026-01', '2026-03', '2026-04', '2026-06', '2026-07', '2026-09', '2026-10');
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const organisation = fc.constantFrom('org-a', 'org-b', 'org-c');
const days = orNull(fc.nat({ max: 40 }));

const anyFact = fc.record({
  kind: fc.constantFrom('case' as const, 'referral' as const),
  intakeMonth: orNull(month),
  acceptedMonth: orNull(month),
  firstDiscussionMonth: orNull(month),
  closedMonth: orNull(month),
  deletedMonth: orNull(month),
  screeningOutcome: fc.constantFrom('accepted' as const, 'rejected' as const, 'withdrawn' as const, null),
  screenedMonth: orNull(month),
  screeningWorkingDays: days,
  daysToFirstDiscussion: days,
  daysToClosure: days,
  daysToInformed: days,
  lifeDomains: fc.uniqueArray(fc.constantFrom('housing', 'finances', 'justice')),
  chains: fc.constant<string[]>([]),
  referrerOrganisationId: orNull(organisation),
  responsibleOrganisationId: orNull(organisation),
  involvedOrganisationIds: fc.uniqueArray(organisation),
  tableId: orNull(fc.constantFrom('t1', 't2')),
  sessions: fc.nat({ max: 3 }),
  actions: fc.nat({ max: 3 }),
  actionsDoneOnTime: fc.nat({ max: 3 }),
  wasOnShadowList: fc.boolean(),
  shadowListSpells: fc.array(fc.record({ from: month, to: orNull(month) }), { maxLength: 2 }),
  actionFacts: fc.array(
    fc
      .record({ dueMonth: month, onTime: fc.boolean(), pending: fc.boolean() })
      .map(({ pending, ...a }) => (pending ? { ...a, pending: true as const } : a)),
    { maxLength: 3 },
  ),
  attendance: fc.array(
    fc
      .record({
        month,
        organisationId: organisation,
        invited: fc.integer({ min: 1, max: 4 }),
        present: fc.nat({ max: 4 }),
      })
      .map((a) => ({ ...a, present: Math.min(a.present, a.invited) })),
    { maxLength: 3 },
  ),
  outcome: orNull(fc.constantFrom(...caseOutcomes)),
  evaluationScores: fc.array(
    fc.record({
      organisationId: organisation,
      goalReached: fc.constantFrom(...goalAnswers),
      cooperation: fc.integer({ min: 1, max: 5 }),
    }),
    { maxLength: 2 },
  ),
  deletedLateDays: orNull(fc.nat({ max: 3 })),
  repeatReferral: fc.boolean(),
  daysSinceAcceptance: fc.option(fc.nat({ max: 30 }), { nil: undefined }),
});

/** A fact as a case leaves it: closed no earlier than accepted, taken off the schaduwlijst no earlier than put on. */
const fact: fc.Arbitrary<FigureFact> = anyFact.map((f) => {
  const [acceptedMonth, closedMonth] =
    f.acceptedMonth && f.closedMonth && f.closedMonth < f.acceptedMonth
      ? [f.closedMonth, f.acceptedMonth]
      : [f.acceptedMonth, f.closedMonth];
  const shadowListSpells = f.shadowListSpells.map((s) =>
    s.to !== null && s.to < s.from ? { from: s.to, to: s.from } : s,
  );
  return { ...f, acceptedMonth, closedMonth, shadowListSpells };
});

describe('figures of any facts', () => {
  it('every equation holds on the true counts, and every row and statistic names a cell of the system', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 25 }), fc.integer({ min: 1, max: 8 }), (facts, trendLength) => {
        const computed = computeFigures({
          facts,
          period: parsePeriod('2026-Q3')!,
          trendLength,
          informWithinDays: 14,
          heldSessions: [],
          intakesByMonth: new Map([['2025-12', 2]]),
        });
        const v = computed.system.values;
        for (const e of computed.system.equations) {
          const sum = (ids: string[]) => ids.reduce((n, id) => n + v[id]!, 0);
          expect(sum(e.plus), JSON.stringify(e)).toBe(sum(e.minus));
        }
        const named = computed.sections.flatMap((s) => [
          ...s.rows.flatMap((r) => [r.previous, r.current]),
          ...s.stats.flatMap((st) =>
            st.kind === 'percentage' ? [st.previous, st.current].flatMap((p) => [p.part, p.base, ...p.parts]) : [],
          ),
        ]);
        for (const id of [...named, ...computed.trend.map((t) => t.cell)]) expect(v, id).toHaveProperty([id]);
        expect(Object.values(v).every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
        expect(computed.trend).toHaveLength(trendLength);
      }),
      { numRuns: 300 },
    );
  });
});
