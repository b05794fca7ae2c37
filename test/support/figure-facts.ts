import fc from 'fast-check';
import type { FigureFact } from '../../src/figures/figures.rules.ts';
import { caseOutcomes, goalAnswers } from '../../src/lifecycle/lifecycle.types.ts';

/** Facts of 2025 and 2026 as cases leave them, for the property tests of the figures' disclosure. */

const months = [2025, 2026].flatMap((y) =>
  Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`),
);
const month = fc.constantFrom(...months);
const later = (m: string, by: number) => months[Math.min(months.length - 1, months.indexOf(m) + by)]!;
/** Most aanmeldingen come from two partners, a few from the others: small cells every quarter. */
const referrer = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('police', 'council') },
  { weight: 2, arbitrary: fc.constantFrom('youth', 'health', 'prison') },
);
const domain = fc.constantFrom('housing', 'finances', 'justice', 'health', 'safety');

export const fact: fc.Arbitrary<FigureFact> = fc
  .record({
    intakeMonth: month,
    accepted: fc.boolean(),
    outcome: fc.constantFrom('accepted' as const, 'rejected' as const, 'withdrawn' as const, null),
    decideAfter: fc.nat({ max: 1 }),
    closeAfter: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
    screeningWorkingDays: fc.nat({ max: 9 }),
    referrerOrganisationId: referrer,
    lifeDomains: fc.uniqueArray(domain, { minLength: 1, maxLength: 2 }),
    closing: fc.constantFrom(...caseOutcomes),
    daysToInformed: fc.option(fc.nat({ max: 30 }), { nil: null }),
    actions: fc.array(fc.record({ after: fc.nat({ max: 4 }), onTime: fc.boolean() }), { maxLength: 2 }),
    shadow: fc.option(fc.nat({ max: 4 }), { nil: null }),
    attendance: fc.array(fc.record({ organisationId: referrer, present: fc.boolean() }), { maxLength: 2 }),
    goal: fc.constantFrom(...goalAnswers),
    /** About a third of aanmeldingen in comparable conferences are repeats. */
    repeat: fc.nat({ max: 2 }),
  })
  .map((r): FigureFact => {
    const accepted = r.outcome === 'accepted';
    const decided = r.outcome ? later(r.intakeMonth, r.decideAfter) : null;
    const closed = accepted && r.closeAfter !== null ? later(decided!, r.closeAfter) : null;
    const closedReally = closed && closed !== decided ? closed : null;
    return {
      kind: accepted ? 'case' : 'referral',
      intakeMonth: r.intakeMonth,
      acceptedMonth: accepted ? decided : null,
      firstDiscussionMonth: accepted ? decided : null,
      closedMonth: closedReally,
      deletedMonth: null,
      screeningOutcome: r.outcome,
      screenedMonth: decided,
      screeningWorkingDays: r.outcome ? r.screeningWorkingDays : null,
      daysToFirstDiscussion: accepted ? 10 : null,
      daysToClosure: closedReally ? 90 : null,
      daysToInformed: accepted ? r.daysToInformed : null,
      lifeDomains: r.lifeDomains,
      chains: [],
      referrerOrganisationId: r.referrerOrganisationId,
      responsibleOrganisationId: r.referrerOrganisationId,
      involvedOrganisationIds: [],
      tableId: 't1',
      sessions: 1,
      actions: r.actions.length,
      actionsDoneOnTime: 0,
      wasOnShadowList: r.shadow !== null,
      shadowListSpells:
        accepted && r.shadow !== null
          ? [{ from: decided!, to: r.shadow ? later(decided!, r.shadow) : null }].filter((s) => s.to !== s.from)
          : [],
      actionFacts: accepted ? r.actions.map((a) => ({ dueMonth: later(decided!, a.after), onTime: a.onTime })) : [],
      attendance: accepted
        ? r.attendance.map((a) => ({
            month: decided!,
            organisationId: a.organisationId,
            invited: 1,
            present: a.present ? 1 : 0,
          }))
        : [],
      outcome: closedReally ? r.closing : null,
      evaluationScores: closedReally ? [{ organisationId: 'police', goalReached: r.goal, cooperation: 4 }] : [],
      deletedLateDays: null,
      repeatReferral: r.repeat === 0,
      daysSinceAcceptance: accepted ? 200 : null,
    };
  });

/** Two years of aanmeldingen: enough for full cells in most quarters, and small ones in every quarter. */
export const twoYearsOfFacts = fc.array(fact, { minLength: 40, maxLength: 160 });
