import { describe, expect, it } from 'vitest';
import { computeFigures, discloseFigures, type FigureFact } from '../../src/figures/figures.rules.ts';
import { buildLedger, ledgerFigures } from '../../src/figures/ledger.ts';
import {
  firstWorkingDayAfter,
  lastCompletedQuarter,
  parsePeriod,
  periodChoices,
  periodKey,
  previousPeriod,
} from '../../src/figures/periods.ts';

const police = 'org-police';
const youth = 'org-youth';

function fact(over: Partial<FigureFact>): FigureFact {
  return {
    kind: 'case',
    intakeMonth: null,
    acceptedMonth: null,
    firstDiscussionMonth: null,
    closedMonth: null,
    deletedMonth: null,
    screeningOutcome: null,
    screenedMonth: null,
    screeningWorkingDays: null,
    daysToFirstDiscussion: null,
    daysToClosure: null,
    daysToInformed: null,
    lifeDomains: [],
    chains: [],
    referrerOrganisationId: police,
    responsibleOrganisationId: police,
    involvedOrganisationIds: [police],
    tableId: 't1',
    sessions: 0,
    actions: 0,
    actionsDoneOnTime: 0,
    wasOnShadowList: false,
    shadowListSpells: [],
    actionFacts: [],
    attendance: [],
    outcome: null,
    evaluationScores: [],
    deletedLateDays: null,
    repeatReferral: false,
    daysSinceAcceptance: null,
    ...over,
  };
}

const q3 = parsePeriod('2026-Q3')!;
const facts: FigureFact[] = [
  // Accepted in Q2, still open: in the Q3 stock from start to end; informed late (20 days).
  fact({
    intakeMonth: '2026-05',
    acceptedMonth: '2026-05',
    screeningOutcome: 'accepted',
    screeningWorkingDays: 3,
    daysToInformed: 20,
    lifeDomains: ['housing'],
  }),
  // Accepted in July, closed in September with the goal reached, via the schaduwlijst; deleted a year later.
  fact({
    intakeMonth: '2026-07',
    acceptedMonth: '2026-07',
    firstDiscussionMonth: '2026-07',
    closedMonth: '2026-09',
    deletedMonth: '2027-09',
    deletedLateDays: 0,
    screeningOutcome: 'accepted',
    screeningWorkingDays: 7,
    daysToFirstDiscussion: 12,
    daysToClosure: 70,
    daysToInformed: 2,
    outcome: 'goalReached',
    lifeDomains: ['housing', 'finances'],
    referrerOrganisationId: youth,
    shadowListSpells: [{ from: '2026-08', to: '2026-09' }],
    actionFacts: [
      { dueMonth: '2026-08', onTime: true },
      { dueMonth: '2026-08', onTime: false },
      { dueMonth: '2026-08', onTime: false, closeReason: 'failed' },
      { dueMonth: '2026-09', onTime: false, closeReason: 'changed' },
    ],
    attendance: [
      { month: '2026-07', organisationId: police, invited: 1, present: 1 },
      { month: '2026-07', organisationId: youth, invited: 1, present: 0 },
    ],
    evaluationScores: [{ organisationId: police, goalReached: 'yes', cooperation: 4 }],
  }),
  // Rejected in August.
  fact({
    kind: 'referral',
    intakeMonth: '2026-08',
    screeningOutcome: 'rejected',
    screeningWorkingDays: 1,
    lifeDomains: ['justice'],
  }),
  // Submitted in September, not screened yet (live).
  fact({ intakeMonth: '2026-09', lifeDomains: ['housing'] }),
  // Accepted in September, not informed yet, 10 of 14 days gone (live).
  fact({
    intakeMonth: '2026-09',
    acceptedMonth: '2026-09',
    screeningOutcome: 'accepted',
    screeningWorkingDays: 2,
    daysSinceAcceptance: 10,
    actionFacts: [{ dueMonth: '2026-09', onTime: false, pending: true }],
  }),
  // A referral of April, deleted in July, two days late.
  fact({
    kind: 'referral',
    intakeMonth: '2026-04',
    screeningOutcome: 'withdrawn',
    screeningWorkingDays: 4,
    deletedMonth: '2026-07',
    deletedLateDays: 2,
  }),
];

describe('figures from anonymous facts, counted by hand', () => {
  const computed = computeFigures({
    facts,
    period: q3,
    trendLength: 4,
    informWithinDays: 14,
    heldSessions: [
      { month: '2026-07', tableId: 't1' },
      { month: '2026-08', tableId: 't1' },
      { month: '2026-06', tableId: 't1' },
    ],
    intakesByMonth: new Map([
      ['2025-12', 3],
      ['2026-02', 2],
      ['2026-07', 99],
    ]),
  });
  const v = computed.system.values;

  it('aanmeldingen per partner and leefgebied, with screening outcomes', () => {
    expect([v['cur.intake'], v[`cur.intake.org.${police}`], v[`cur.intake.org.${youth}`]]).toEqual([4, 3, 1]);
    expect([v['prev.intake'], v[`prev.intake.org.${police}`]]).toEqual([2, 2]);
    expect([v['cur.domain.housing'], v['cur.domain.finances'], v['cur.domain.justice']]).toEqual([2, 1, 1]);
    expect([v['cur.screen.accepted'], v['cur.screen.rejected'], v['cur.screen.info'], v['cur.screen.open']]).toEqual([
      2, 1, 0, 1,
    ]);
    expect([v['prev.screen.accepted'], v['prev.screen.info']]).toEqual([1, 1]);
    // Norm of 5 working days: 7 is over, 1 and 2 within.
    expect([v['cur.norm.base'], v['cur.norm.within'], v['cur.norm.over']]).toEqual([3, 2, 1]);
  });

  it('open cases as a stock: start + in = out + end, Q3 starting where Q2 ended', () => {
    expect([v['prev.stock.start'], v['prev.stock.in'], v['prev.stock.out'], v['prev.stock.end']]).toEqual([0, 1, 0, 1]);
    expect([v['cur.stock.in'], v['cur.stock.out'], v['cur.stock.end']]).toEqual([2, 1, 2]);
    expect(v['cur.outcome.goalReached']).toBe(1);
    expect([v['cur.shadow.placed'], v['cur.shadow.left'], v['cur.shadow.end']]).toEqual([1, 1, 0]);
  });

  it('actions, informing, attendance, evaluations, deletion and meetings', () => {
    expect([v['cur.actions.due'], v['cur.actions.onTime'], v['cur.actions.late'], v['cur.actions.pending']]).toEqual([
      5, 1, 1, 1,
    ]);
    // Not done, per reason: counted there, not as late.
    expect([v['cur.actions.failed'], v['cur.actions.changed'], v['cur.actions.skipped']]).toEqual([1, 1, 0]);
    expect([v['cur.inform.inTime'], v['cur.inform.late'], v['cur.inform.pending']]).toEqual([1, 0, 1]);
    expect(v['prev.inform.late']).toBe(1);
    expect([
      v[`cur.att.${police}.present`],
      v[`cur.att.${police}.invited`],
      v[`cur.att.${youth}.present`],
      v[`cur.att.${youth}.absent`],
    ]).toEqual([1, 1, 0, 1]);
    expect([v['cur.eval.answers'], v['cur.eval.yes']]).toEqual([1, 1]);
    expect([v['cur.deleted'], v['cur.deleted.late'], v['prev.deleted']]).toEqual([1, 1, 0]);
    expect(computed.sessionsHeld).toMatchObject({ previous: 1, current: 2 });
  });

  it('every equation holds on the true counts', () => {
    for (const e of computed.system.equations) {
      const sum = (ids: string[]) => ids.reduce((n, id) => n + v[id]!, 0);
      expect(sum(e.plus), JSON.stringify(e)).toBe(sum(e.minus));
    }
  });

  it("the trend: earlier periods from the monthly counts, the last two the table's own cells", () => {
    expect(computed.trend.map((t) => [periodKey(t.period), t.cell])).toEqual([
      ['2025-Q4', 'trend.2025-Q4'],
      ['2026-Q1', 'trend.2026-Q1'],
      ['2026-Q2', 'prev.intake'],
      ['2026-Q3', 'cur.intake'],
    ]);
    expect([v['trend.2025-Q4'], v['trend.2026-Q1']]).toEqual([3, 2]);
  });

  it('internally every count below 5 is hidden; statistics need a base of 10', () => {
    const d = discloseFigures(computed, 'internal');
    expect(d.shown['cur.intake']).toEqual({ state: 'small' });
    expect(d.stats.screening.find((s) => s.key === 'normWithin')!.current).toEqual({ withheld: 'base' });
    expect(d.stats.throughput.find((s) => s.key === 'daysToFirstDiscussion')!.current).toEqual({ withheld: 'base' });
  });
});

describe('herhaalde aanmeldingen', () => {
  /** Twelve aanmeldingen in August 2026, `repeats` of them for a person whose earlier case closed in the year before. */
  const twelve = (repeats: number) =>
    Array.from({ length: 12 }, (_, i) => fact({ intakeMonth: '2026-08', repeatReferral: i < repeats }));
  /** The figures of Q3 2026 as the bot shows them: through the ledger, in the form asked for. */
  const shownQ3 = (repeats: number, mode: 'internal' | 'public') =>
    ledgerFigures(
      buildLedger({
        facts: twelve(repeats),
        heldSessions: [],
        intakesByMonth: new Map(),
        informWithinDays: 14,
        choices: periodChoices(new Date('2026-11-25T12:00:00Z'), 'Europe/Amsterdam'),
      }),
      q3,
      mode,
    );

  it('are counted among the aanmeldingen of the period, and with the others add up to them', () => {
    const computed = computeFigures({
      facts: twelve(5),
      period: q3,
      trendLength: 1,
      informWithinDays: 14,
      heldSessions: [],
      intakesByMonth: new Map(),
    });
    const v = computed.system.values;
    expect([v['cur.repeat.yes'], v['cur.repeat.no'], v['cur.intake']]).toEqual([5, 7, 12]);
    expect([v['prev.repeat.yes'], v['prev.repeat.no']]).toEqual([0, 0]);
    expect(computed.system.equations).toContainEqual({
      plus: ['cur.repeat.yes', 'cur.repeat.no'],
      minus: ['cur.intake'],
    });
    const d = shownQ3(5, 'internal');
    expect([d.shown['cur.repeat.yes'], d.shown['cur.repeat.no']]).toEqual([
      { state: 'shown', value: 5 },
      { state: 'shown', value: 7 },
    ]);
    expect(d.stats.repeats).toEqual([
      { key: 'repeatShare', kind: 'percentage', previous: { withheld: 'base' }, current: { value: 42 } },
    ]);
  });

  it('under the same disclosure control as the rest: below 5 is "<5", and the other part goes too, or it gives it away', () => {
    const d = shownQ3(4, 'internal');
    expect(d.shown['cur.intake']).toEqual({ state: 'shown', value: 12 });
    expect(d.shown['cur.repeat.yes']).toEqual({ state: 'small' });
    expect(d.shown['cur.repeat.no']!.state).not.toBe('shown');
    expect(d.stats.repeats[0]!.current).toEqual({ withheld: 'hidden' });
    // Public: 0 to 7 hidden, so 5 of 12 is not shown there, nor its share.
    const pub = shownQ3(5, 'public');
    expect([pub.shown['cur.repeat.yes']!.state, pub.shown['cur.repeat.no']!.state]).toEqual(['small', 'small']);
    expect(pub.stats.repeats[0]!.current).toEqual({ withheld: 'hidden' });
  });
});

describe('periods', () => {
  it('quarters, years, the one before, and the choices', () => {
    expect(previousPeriod(parsePeriod('2026-Q1')!)).toEqual({ kind: 'quarter', year: 2025, quarter: 4 });
    expect(previousPeriod(parsePeriod('2026')!)).toEqual({ kind: 'year', year: 2025 });
    expect(parsePeriod('2026-Q5')).toBeUndefined();
    expect(lastCompletedQuarter(new Date('2026-12-02T10:00:00Z'), 'Europe/Amsterdam')).toEqual({
      kind: 'quarter',
      year: 2026,
      quarter: 3,
    });
    // New Year's night in Amsterdam is still the old year in Bonaire.
    expect(lastCompletedQuarter(new Date('2027-01-01T02:00:00Z'), 'America/Kralendijk')).toEqual({
      kind: 'quarter',
      year: 2026,
      quarter: 3,
    });
    expect(periodChoices(new Date('2026-12-02T10:00:00Z'), 'Europe/Amsterdam').map(periodKey)).toEqual([
      '2026-Q4',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
      '2026',
      '2025',
      '2024',
    ]);
  });

  it('the first working day after a quarter, at 09:00 local: past weekends and New Year', () => {
    // 1 January 2027 is a Friday (New Year's Day): Monday 4 January.
    expect(firstWorkingDayAfter(parsePeriod('2026-Q4')!, 'Europe/Amsterdam').toISOString()).toBe(
      '2027-01-04T08:00:00.000Z',
    );
    // 1 April 2028 is a Saturday: Monday 3 April, summer time.
    expect(firstWorkingDayAfter(parsePeriod('2028-Q1')!, 'Europe/Amsterdam').toISOString()).toBe(
      '2028-04-03T07:00:00.000Z',
    );
    expect(firstWorkingDayAfter(parsePeriod('2026-Q3')!, 'America/Kralendijk').toISOString()).toBe(
      '2026-10-01T13:00:00.000Z',
    );
  });
});
