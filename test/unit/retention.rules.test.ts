import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildCaseFact, doneOnTime, firstDiscussion, type CaseFactSource } from '../../src/figures/case-facts.ts';
import {
  calendarDaysBetween,
  defaultRetention,
  dueKind,
  dueMoment,
  monthOf,
  nextDueMoment,
  retentionCutoffs,
  workingDaysBetween,
} from '../../src/retention/retention.rules.ts';

const d = (iso: string) => new Date(iso);

describe('retention cutoffs and due cases', () => {
  const now = d('2027-11-25T10:00:00Z');
  const cutoffs = retentionCutoffs(defaultRetention, now);

  it('12 months for a closed case, 3 for a rejected aanmelding, 30 days for a draft, counted back from now in UTC', () => {
    expect(cutoffs).toEqual({
      closedBefore: d('2026-11-25T10:00:00Z'),
      rejectedBefore: d('2027-08-25T10:00:00Z'),
      draftUpdatedBefore: d('2027-10-26T10:00:00Z'),
    });
    expect(retentionCutoffs({ closedCaseMonths: 24, rejectedReferralMonths: 1, draftDays: 7 }, now)).toEqual({
      closedBefore: d('2025-11-25T10:00:00Z'),
      rejectedBefore: d('2027-10-25T10:00:00Z'),
      draftUpdatedBefore: d('2027-11-18T10:00:00Z'),
    });
  });

  it('only closed, rejected, unanswered and draft cases are ever due, each by its own moment', () => {
    const old = d('2020-01-01T00:00:00Z');
    const updatedAt = d('2027-11-24T00:00:00Z');
    expect(dueKind({ status: 'closed', closedAt: d('2026-11-25T10:00:00Z'), updatedAt }, cutoffs)).toBe('case');
    expect(dueKind({ status: 'closed', closedAt: d('2026-11-25T10:00:00.001Z'), updatedAt }, cutoffs)).toBeUndefined();
    expect(dueKind({ status: 'rejected', decidedAt: d('2027-08-01T00:00:00Z'), updatedAt }, cutoffs)).toBe('referral');
    expect(dueKind({ status: 'rejected', decidedAt: d('2027-09-01T00:00:00Z'), updatedAt }, cutoffs)).toBeUndefined();
    expect(dueKind({ status: 'draft', updatedAt: d('2027-10-26T09:59:59Z') }, cutoffs)).toBe('draft');
    expect(dueKind({ status: 'draft', updatedAt }, cutoffs)).toBeUndefined();
    // A question nobody answered counts as withdrawn, by the same period.
    expect(dueKind({ status: 'infoRequested', decidedAt: d('2027-08-01T00:00:00Z'), updatedAt }, cutoffs)).toBe(
      'referral',
    );
    expect(
      dueKind({ status: 'infoRequested', decidedAt: d('2027-09-01T00:00:00Z'), updatedAt }, cutoffs),
    ).toBeUndefined();
    // Whatever their dates, these stay.
    for (const status of ['submitted', 'accepted', 'shadowList']) {
      expect(dueKind({ status, closedAt: old, decidedAt: old, updatedAt: old }, cutoffs)).toBeUndefined();
    }
    // A closed case without a closure date is never guessed at.
    expect(dueKind({ status: 'closed', closedAt: null, updatedAt: old }, cutoffs)).toBeUndefined();
  });

  it('the due moment is the first moment the cutoff reaches the case, also where month arithmetic clamps', () => {
    expect(dueMoment(d('2026-11-24T15:00:00Z'), { months: 12 })).toEqual(d('2027-11-24T15:00:00Z'));
    expect(dueMoment(d('2026-11-24T15:00:00Z'), { days: 30 })).toEqual(d('2026-12-24T15:00:00Z'));
    for (const [from, months] of [
      ['2028-02-29T10:00:00Z', 12],
      ['2027-03-31T18:00:00Z', 1],
      ['2027-05-31T23:59:59.999Z', 3],
      ['2027-01-15T00:00:00Z', 1],
    ] as const) {
      const at = dueMoment(d(from), { months });
      const period = { closedCaseMonths: months, rejectedReferralMonths: months, draftDays: 1 };
      expect(retentionCutoffs(period, at).closedBefore.getTime()).toBeGreaterThanOrEqual(d(from).getTime());
      expect(retentionCutoffs(period, new Date(at.getTime() - 1)).closedBefore.getTime()).toBeLessThan(
        d(from).getTime(),
      );
    }
    expect(nextDueMoment({}, defaultRetention)).toBeUndefined();
    expect(
      nextDueMoment(
        {
          closedAt: d('2026-01-10T00:00:00Z'),
          rejectedDecidedAt: d('2026-11-01T00:00:00Z'),
          draftUpdatedAt: d('2026-11-20T00:00:00Z'),
        },
        defaultRetention,
      ),
    ).toEqual(d('2026-12-20T00:00:00Z'));
  });

  it('reads its periods from the environment, 12 months, 3 months and 30 days by default, positive whole numbers only', () => {
    expect(loadConfig({}).retention).toEqual(defaultRetention);
    expect(
      loadConfig({ RETENTION_CLOSED_CASE_MONTHS: '24', RETENTION_REJECTED_MONTHS: '6', RETENTION_DRAFT_DAYS: '14' })
        .retention,
    ).toEqual({ closedCaseMonths: 24, rejectedReferralMonths: 6, draftDays: 14 });
    expect(() => loadConfig({ RETENTION_CLOSED_CASE_MONTHS: '0' })).toThrowError(/RETENTION_CLOSED_CASE_MONTHS/);
    expect(() => loadConfig({ RETENTION_DRAFT_DAYS: '1.5' })).toThrowError(/RETENTION_DRAFT_DAYS/);
    expect(() => loadConfig({ RETENTION_REJECTED_MONTHS: 'drie' })).toThrowError(/RETENTION_REJECTED_MONTHS/);
  });
});

describe('counting days', () => {
  it('working days: Monday to Friday after the day of submission up to the day of the decision', () => {
    expect(workingDaysBetween(d('2026-11-23T09:00:00Z'), d('2026-11-23T17:00:00Z'))).toBe(0); // same Monday
    expect(workingDaysBetween(d('2026-11-23T09:00:00Z'), d('2026-11-24T08:00:00Z'))).toBe(1); // Monday to Tuesday
    expect(workingDaysBetween(d('2026-11-27T16:00:00Z'), d('2026-11-30T08:00:00Z'))).toBe(1); // Friday to Monday
    expect(workingDaysBetween(d('2026-11-28T10:00:00Z'), d('2026-11-29T10:00:00Z'))).toBe(0); // Saturday to Sunday
    expect(workingDaysBetween(d('2026-11-28T10:00:00Z'), d('2026-11-30T10:00:00Z'))).toBe(1); // Saturday to Monday
    expect(workingDaysBetween(d('2026-11-23T09:00:00Z'), d('2026-11-30T09:00:00Z'))).toBe(5); // a week
    expect(workingDaysBetween(d('2026-11-23T09:00:00Z'), d('2026-12-09T09:00:00Z'))).toBe(12); // two weeks and two days
    expect(workingDaysBetween(d('2026-11-24T09:00:00Z'), d('2026-11-23T09:00:00Z'))).toBe(0); // never negative
    // A brute-force count agrees over every start weekday and span.
    for (let start = 0; start < 7; start++) {
      for (let span = 0; span < 40; span++) {
        const from = new Date(Date.UTC(2026, 10, 23 + start, 12));
        const to = new Date(Date.UTC(2026, 10, 23 + start + span, 12));
        let expected = 0;
        for (let k = 1; k <= span; k++)
          if (![0, 6].includes(new Date(Date.UTC(2026, 10, 23 + start + k)).getUTCDay())) expected++;
        expect(workingDaysBetween(from, to)).toBe(expected);
      }
    }
  });

  it('calendar days, and months as YYYY-MM in UTC', () => {
    expect(calendarDaysBetween(d('2026-11-20T23:00:00Z'), d('2026-11-24T01:00:00Z'))).toBe(4);
    expect(monthOf(d('2026-11-30T23:59:59Z'))).toBe('2026-11');
    expect(monthOf(d('2026-12-01T00:00:00Z'))).toBe('2026-12');
  });

  it("an action counts as on time when done by the end of its due date in the table's timezone", () => {
    expect(
      doneOnTime({ state: 'done', dueDate: '2026-12-01', doneAt: d('2026-12-02T03:59:59Z') }, 'America/Kralendijk'),
    ).toBe(true);
    expect(
      doneOnTime({ state: 'done', dueDate: '2026-12-01', doneAt: d('2026-12-02T04:00:00Z') }, 'America/Kralendijk'),
    ).toBe(false);
    expect(doneOnTime({ state: 'done', dueDate: '2026-12-01', doneAt: d('2026-12-01T23:59:59Z') })).toBe(true);
    expect(doneOnTime({ state: 'claimed', dueDate: '2026-12-01' })).toBe(false);
  });
});

describe('the anonymous facts of a case', () => {
  const org = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const closed: CaseFactSource = {
    status: 'closed',
    submittedAt: d('2026-11-20T13:00:00Z'), // Friday
    decidedAt: d('2026-11-24T12:00:00Z'), // Tuesday: 2 working days
    closedAt: d('2027-03-10T15:00:00Z'),
    shadowListedAt: d('2027-01-05T15:00:00Z'),
    outcome: 'goalReached',
    lifeDomains: ['housing', 'finances'],
    chains: ['care', 'justice'],
    referrerOrganisationId: org(1),
    responsibleOrganisationId: org(1),
    involvedOrganisationIds: [org(2), org(1)],
    tableId: org(9),
    timeZone: 'America/Kralendijk',
    firstSession: { startsAt: d('2026-11-24T14:00:00Z'), status: 'held' },
    discussions: [
      { startsAt: d('2026-12-08T14:00:00Z'), presentOrganisationIds: [org(1)] },
      { startsAt: d('2026-11-24T14:00:00Z'), presentOrganisationIds: [org(1), org(2)] },
    ],
    actions: [
      { state: 'done', dueDate: '2026-12-01', doneAt: d('2026-11-30T12:00:00Z') },
      { state: 'done', dueDate: '2026-12-01', doneAt: d('2026-12-05T12:00:00Z') },
      { state: 'open', dueDate: '2026-12-15' },
      { state: 'cancelled', dueDate: '2026-12-15' },
    ],
    evaluations: [{ organisationId: org(2), goalReached: 'yes', cooperation: 4 }],
    informedOn: d('2026-11-30T00:00:00Z'),
    shadowEvents: [
      { kind: 'closed', at: d('2027-03-10T15:00:00Z') },
      { kind: 'shadowList', at: d('2027-01-05T15:00:00Z') },
    ],
    repeatReferral: true,
  };

  it('months, counts and ids of organisations; nothing of the person, no reference, no free text, no dates', () => {
    const fact = buildCaseFact(closed, d('2028-03-11T00:00:00Z'), { dueAt: d('2028-03-10T15:00:00Z') });
    expect(fact).toEqual({
      kind: 'case',
      intakeMonth: '2026-11',
      acceptedMonth: '2026-11',
      firstDiscussionMonth: '2026-11',
      closedMonth: '2027-03',
      deletedMonth: '2028-03',
      screeningOutcome: 'accepted',
      screenedMonth: '2026-11',
      screeningWorkingDays: 2,
      daysToFirstDiscussion: 4,
      daysToClosure: 110,
      daysToInformed: 6,
      lifeDomains: ['finances', 'housing'],
      chains: ['care', 'justice'],
      referrerOrganisationId: org(1),
      responsibleOrganisationId: org(1),
      involvedOrganisationIds: [org(1), org(2)],
      tableId: org(9),
      sessions: 2,
      actions: 3,
      actionsDoneOnTime: 1,
      wasOnShadowList: true,
      shadowListSpells: [{ from: '2027-01', to: '2027-03' }],
      actionFacts: [
        { dueMonth: '2026-12', onTime: true },
        { dueMonth: '2026-12', onTime: false },
        { dueMonth: '2026-12', onTime: false },
      ],
      // Police (1) took part in both discussions, youth care (2) in the first of the two, both in November and December.
      attendance: [
        { month: '2026-11', organisationId: org(1), invited: 1, present: 1 },
        { month: '2026-11', organisationId: org(2), invited: 1, present: 1 },
        { month: '2026-12', organisationId: org(1), invited: 1, present: 1 },
        { month: '2026-12', organisationId: org(2), invited: 1, present: 0 },
      ],
      outcome: 'goalReached',
      evaluationScores: [{ organisationId: org(2), goalReached: 'yes', cooperation: 4 }],
      deletedLateDays: 0,
      repeatReferral: true,
      daysSinceAcceptance: null,
    });
    const text = JSON.stringify(fact);
    expect(text).not.toMatch(/T\d\d:\d\d|2026-11-2\d/);
  });

  it('a rejected aanmelding keeps its intake and screening, and nothing of a table or a discussion', () => {
    const fact = buildCaseFact(
      {
        ...closed,
        status: 'rejected',
        closedAt: undefined,
        outcome: undefined,
        shadowListedAt: undefined,
        tableId: undefined,
        firstSession: undefined,
        discussions: [],
        actions: [],
        evaluations: [],
        shadowEvents: [],
      },
      d('2027-03-01T00:00:00Z'),
      { dueAt: d('2027-02-24T12:00:00Z') },
    );
    expect(fact).toMatchObject({
      kind: 'referral',
      intakeMonth: '2026-11',
      acceptedMonth: null,
      firstDiscussionMonth: null,
      closedMonth: null,
      deletedMonth: '2027-03',
      screeningOutcome: 'rejected',
      screeningWorkingDays: 2,
      daysToFirstDiscussion: null,
      tableId: null,
      sessions: 0,
      actions: 0,
      wasOnShadowList: false,
      outcome: null,
      screenedMonth: '2026-11',
      shadowListSpells: [],
      attendance: [],
      daysToInformed: null,
      deletedLateDays: 4,
    });
  });

  it('the first discussion: the first meeting that decided on it, else its first meeting if that was held', () => {
    expect(
      firstDiscussion({ discussions: [], firstSession: { startsAt: d('2026-11-24T14:00:00Z'), status: 'held' } }),
    ).toEqual(d('2026-11-24T14:00:00Z'));
    expect(
      firstDiscussion({ discussions: [], firstSession: { startsAt: d('2026-11-24T14:00:00Z'), status: 'planned' } }),
    ).toBeUndefined();
    expect(
      firstDiscussion({
        discussions: [{ startsAt: d('2026-12-08T14:00:00Z'), presentOrganisationIds: [] }],
        firstSession: { startsAt: d('2026-11-24T14:00:00Z'), status: 'held' },
      }),
    ).toEqual(d('2026-12-08T14:00:00Z'));
  });
});
