import { caseOutcomes, goalAnswers } from '../lifecycle/lifecycle.types.ts';
import { screeningCategories, type FigureFact, type FigureSection, type ScreeningCategory } from './figures.types.ts';
import {
  averageStat,
  countOf,
  percentageStat,
  recode,
  row,
  rowKeys,
  stockAndFlow,
  type FigureContext,
} from './figures.system.ts';
import { inPeriod } from './periods.ts';
import type { ActionFact } from './case-facts.ts';

/**
 * The sections of the figures, one function each, in the order of the report: each adds its cells and equations to
 * the system and says which cells its table shows, for the previous period and the current one.
 */

/** Aanmeldingen per referring partner, adding up to the total. */
export function intakeSection(ctx: FigureContext): FigureSection {
  const { b, shared } = ctx;
  const named = ctx.input.rows?.referrers;
  const referrer = (f: FigureFact) => recode(named)(f.referrerOrganisationId ?? 'unknown');
  const referrers = rowKeys(named, [...shared.intake.prev, ...shared.intake.cur].map(referrer));
  ctx.each((w) => {
    b.cell(`${w}.intake`, shared.intake[w].length);
    b.tally(`${w}.intake.org`, referrers, shared.intake[w], referrer, `${w}.intake`);
  });
  return {
    key: 'intake',
    rows: [...referrers.map((o) => row((w) => `${w}.intake.org.${o}`, o)), row((w) => `${w}.intake`, 'total', true)],
    stats: [],
  };
}

/** Aanmeldingen per leefgebied: a case can have several, so no total. */
export function lifeDomainsSection(ctx: FigureContext): FigureSection {
  const { b, shared } = ctx;
  const named = ctx.input.rows?.lifeDomains;
  const domainsOf = (f: FigureFact) => f.lifeDomains.map(recode(named));
  const domains = rowKeys(
    named,
    [...shared.intake.prev, ...shared.intake.cur].flatMap((f) => f.lifeDomains),
  );
  ctx.each((w) => {
    for (const d of domains)
      b.cell(
        `${w}.domain.${d}`,
        countOf(shared.intake[w], (f) => domainsOf(f).includes(d)),
      );
  });
  return { key: 'lifeDomains', rows: domains.map((d) => row((w) => `${w}.domain.${d}`, d)), stats: [] };
}

/**
 * Herhaalde aanmeldingen: those for a person whose earlier case was closed in the 12 months before, as marked when
 * the aanmelding came in (so still counted after the earlier case is deleted); with the rest they add up to the total.
 */
export function repeatsSection(ctx: FigureContext): FigureSection {
  const { b, shared } = ctx;
  ctx.each((w) =>
    b.tally(`${w}.repeat`, repeatKinds, shared.intake[w], (f) => (f.repeatReferral ? 'yes' : 'no'), `${w}.intake`),
  );
  return {
    key: 'repeats',
    rows: [...repeatKinds.map((k) => row((w) => `${w}.repeat.${k}`, k)), row((w) => `${w}.intake`, 'total', true)],
    stats: [
      percentageStat(
        'repeatShare',
        (w) => repeatKinds.map((k) => `${w}.repeat.${k}`),
        (w) => `${w}.intake`,
      ),
    ],
  };
}

const repeatKinds = ['yes', 'no'] as const;

const screeningCategory = (f: FigureFact): ScreeningCategory =>
  f.screeningOutcome === 'accepted'
    ? 'accepted'
    : f.screeningOutcome === 'rejected'
      ? 'rejected'
      : f.screeningOutcome === 'withdrawn'
        ? 'info'
        : 'open';

/** The 5-working-day norm of the screening. */
const withinNorm = (f: FigureFact) => ((f.screeningWorkingDays ?? Infinity) <= 5 ? 'within' : 'over');

/** Screening of the aanmeldingen of the period, and the 5-working-day norm. */
export function screeningSection(ctx: FigureContext): FigureSection {
  const { b, shared } = ctx;
  // decided + open = aanmeldingen; the decided ones split by outcome, and by the norm.
  const decided = ctx.both((w) => shared.intake[w].filter((f) => screeningCategory(f) !== 'open'));
  ctx.each((w) => {
    const open = countOf(shared.intake[w], (f) => screeningCategory(f) === 'open');
    b.cell(`${w}.norm.base`, decided[w].length);
    b.sum([`${w}.norm.base`, b.cell(`${w}.screen.open`, open)], `${w}.intake`);
    b.tally(`${w}.screen`, ['accepted', 'rejected', 'info'], decided[w], screeningCategory, `${w}.norm.base`);
    b.tally(`${w}.norm`, ['within', 'over'], decided[w], withinNorm, `${w}.norm.base`);
  });
  const days = ctx.both((w) =>
    decided[w].flatMap((f) => (f.screeningWorkingDays === null ? [] : [f.screeningWorkingDays])),
  );
  return {
    key: 'screening',
    rows: [
      ...screeningCategories.map((c) => row((w) => `${w}.screen.${c}`, c)),
      row((w) => `${w}.norm.base`, 'decided'),
    ],
    stats: [
      percentageStat(
        'normWithin',
        (w) => [`${w}.norm.within`, `${w}.norm.over`],
        (w) => `${w}.norm.base`,
      ),
      averageStat('screeningDays', 'median', days),
    ],
  };
}

/** Open cases as a stock: accepted in, closed out. */
export function stockSection(ctx: FigureContext): FigureSection {
  const { accepted, acceptedIn, closed } = ctx.shared;
  const openAfter = (month: string) =>
    countOf(accepted, (f) => f.acceptedMonth! <= month && (!f.closedMonth || f.closedMonth > month));
  const ids = stockAndFlow(
    ctx,
    'stock',
    openAfter,
    ['in', (w) => acceptedIn[w].length],
    ['out', (w) => closed[w].length],
  );
  return {
    key: 'stock',
    rows: [
      row((w) => ids[w].start, 'start'),
      row((w) => `${w}.stock.in`, 'in'),
      row((w) => `${w}.stock.out`, 'out'),
      row((w) => ids[w].end, 'end', true),
    ],
    stats: [],
  };
}

/** Throughput: aanmelding to first discussion, and to closure (medians only). */
export function throughputSection(ctx: FigureContext): FigureSection {
  const { b, facts, shared } = ctx;
  const discussed = ctx.both((_, p) =>
    facts.filter((f) => inPeriod(f.firstDiscussionMonth, p) && f.daysToFirstDiscussion !== null),
  );
  ctx.each((w) => b.cell(`${w}.firstDiscussion`, discussed[w].length));
  const toDiscussion = ctx.both((w) => discussed[w].map((f) => f.daysToFirstDiscussion!));
  const toClosure = ctx.both((w) =>
    shared.closed[w].flatMap((f) => (f.daysToClosure === null ? [] : [f.daysToClosure])),
  );
  return {
    key: 'throughput',
    rows: [row((w) => `${w}.firstDiscussion`, 'firstDiscussion'), row((w) => `${w}.stock.out`, 'closed')],
    stats: [
      averageStat('daysToFirstDiscussion', 'median', toDiscussion),
      averageStat('daysToClosure', 'median', toClosure),
    ],
  };
}

/** The schaduwlijst: on it at the start, put on, taken off, on it at the end. */
export function shadowListSection(ctx: FigureContext): FigureSection {
  const spells = ctx.shared.accepted.flatMap((f) => f.shadowListSpells);
  const onListAfter = (m: string) => countOf(spells, (s) => s.from <= m && (s.to === null || s.to > m));
  const ids = stockAndFlow(
    ctx,
    'shadow',
    onListAfter,
    ['placed', (_, p) => countOf(spells, (s) => inPeriod(s.from, p))],
    ['left', (_, p) => countOf(spells, (s) => inPeriod(s.to, p))],
  );
  return {
    key: 'shadowList',
    rows: [
      row((w) => `${w}.shadow.placed`, 'placed'),
      row((w) => `${w}.shadow.left`, 'left'),
      row((w) => ids[w].end, 'end', true),
    ],
    stats: [],
  };
}

/** Outcomes at closure, adding up to the cases closed. */
export function outcomesSection(ctx: FigureContext): FigureSection {
  const { b, shared } = ctx;
  ctx.each((w) =>
    b.tally(`${w}.outcome`, caseOutcomes, shared.closed[w], (f) => f.outcome ?? 'other', `${w}.stock.out`),
  );
  return {
    key: 'outcomes',
    rows: [...caseOutcomes.map((o) => row((w) => `${w}.outcome.${o}`, o)), row((w) => `${w}.stock.out`, 'total', true)],
    stats: [],
  };
}

const actionStates = ['onTime', 'late', 'pending', 'failed', 'changed', 'skipped'] as const;

/**
 * Actions due in the period: done by their due day, not (late), the day still to come, or closed as not done per
 * reason (niet gelukt, omstandigheden gewijzigd, niet gedaan).
 */
export function actionsSection(ctx: FigureContext): FigureSection {
  const { b, facts } = ctx;
  const actions = ctx.both((_, p) => facts.flatMap((f) => f.actionFacts).filter((a) => inPeriod(a.dueMonth, p)));
  ctx.each((w) => {
    b.cell(`${w}.actions.due`, actions[w].length);
    const state = (a: ActionFact) => a.closeReason ?? (a.onTime ? 'onTime' : a.pending ? 'pending' : 'late');
    b.tally(`${w}.actions`, actionStates, actions[w], state, `${w}.actions.due`);
  });
  return {
    key: 'actions',
    rows: [
      ...actionStates.map((k) => row((w) => `${w}.actions.${k}`, k)),
      row((w) => `${w}.actions.due`, 'total', true),
    ],
    stats: [
      percentageStat(
        'actionsOnTime',
        (w) => actionStates.map((k) => `${w}.actions.${k}`),
        (w) => `${w}.actions.due`,
      ),
    ],
  };
}

const informStates = ['inTime', 'late', 'pending'] as const;

/** Informed in time (within INFORM_WITHIN_DAYS of acceptance), late, or the days are not over yet. */
function informing(f: FigureFact, informWithinDays: number): (typeof informStates)[number] {
  if (f.daysToInformed !== null) return f.daysToInformed <= informWithinDays ? 'inTime' : 'late';
  return f.daysSinceAcceptance !== null &&
    f.daysSinceAcceptance !== undefined &&
    f.daysSinceAcceptance <= informWithinDays
    ? 'pending'
    : 'late';
}

/** Persons informed in time, of the cases accepted in the period. */
export function informedSection(ctx: FigureContext): FigureSection {
  const { b, shared, input } = ctx;
  ctx.each((w) =>
    b.tally(
      `${w}.inform`,
      informStates,
      shared.acceptedIn[w],
      (f) => informing(f, input.informWithinDays),
      `${w}.stock.in`,
    ),
  );
  return {
    key: 'informed',
    rows: [...informStates.map((k) => row((w) => `${w}.inform.${k}`, k)), row((w) => `${w}.stock.in`, 'total', true)],
    stats: [
      percentageStat(
        'informedInTime',
        (w) => informStates.map((k) => `${w}.inform.${k}`),
        (w) => `${w}.stock.in`,
      ),
    ],
  };
}

/** Attendance per partner: at how many of the discussions it was invited to it took part. */
export function attendanceSection(ctx: FigureContext): FigureSection {
  const { b, facts } = ctx;
  const named = ctx.input.rows?.attending;
  const attendance = ctx.both((_, p) =>
    facts
      .flatMap((f) => f.attendance)
      .filter((a) => inPeriod(a.month, p))
      .map((a) => ({ ...a, organisationId: recode(named)(a.organisationId) })),
  );
  const attending = rowKeys(
    named,
    [...attendance.prev, ...attendance.cur].map((a) => a.organisationId),
  );
  ctx.each((w) => {
    for (const o of attending) {
      const mine = attendance[w].filter((a) => a.organisationId === o);
      const invited = mine.reduce((n, a) => n + a.invited, 0);
      const present = mine.reduce((n, a) => n + a.present, 0);
      b.sum(
        [b.cell(`${w}.att.${o}.present`, present), b.cell(`${w}.att.${o}.absent`, invited - present)],
        b.cell(`${w}.att.${o}.invited`, invited),
      );
    }
  });
  return {
    key: 'attendance',
    rows: attending.map((o) => row((w) => `${w}.att.${o}.present`, o)),
    stats: attending.map((o) =>
      percentageStat(
        'attendance',
        (w) => [`${w}.att.${o}.present`, `${w}.att.${o}.absent`],
        (w) => `${w}.att.${o}.invited`,
        o,
      ),
    ),
  };
}

/** Evaluations of the cases closed in the period. */
export function evaluationsSection(ctx: FigureContext): FigureSection {
  const { b, shared } = ctx;
  const scores = ctx.both((w) => shared.closed[w].flatMap((f) => f.evaluationScores));
  ctx.each((w) => {
    b.cell(`${w}.eval.answers`, scores[w].length);
    b.tally(`${w}.eval`, goalAnswers, scores[w], (s) => s.goalReached, `${w}.eval.answers`);
  });
  return {
    key: 'evaluations',
    rows: [...goalAnswers.map((g) => row((w) => `${w}.eval.${g}`, g)), row((w) => `${w}.eval.answers`, 'total', true)],
    stats: [
      averageStat(
        'cooperation',
        'mean',
        ctx.both((w) => scores[w].map((s) => s.cooperation)),
      ),
    ],
  };
}

/** "On time" for a deletion: the sweep runs daily, so within a day of the due moment. */
export const deletionGraceDays = 1;

/** Data deleted in the period, and whether on time. */
export function deletionSection(ctx: FigureContext): FigureSection {
  const { b, facts } = ctx;
  const deleted = ctx.both((_, p) => facts.filter((f) => inPeriod(f.deletedMonth, p)));
  const onTime = (f: FigureFact) => ((f.deletedLateDays ?? 0) <= deletionGraceDays ? 'onTime' : 'late');
  ctx.each((w) => {
    b.cell(`${w}.deleted`, deleted[w].length);
    b.tally(`${w}.deleted`, ['onTime', 'late'], deleted[w], onTime, `${w}.deleted`);
  });
  return {
    key: 'deletion',
    rows: [
      row((w) => `${w}.deleted.onTime`, 'onTime'),
      row((w) => `${w}.deleted.late`, 'late'),
      row((w) => `${w}.deleted`, 'total', true),
    ],
    stats: [
      percentageStat(
        'deletedOnTime',
        (w) => [`${w}.deleted.onTime`, `${w}.deleted.late`],
        (w) => `${w}.deleted`,
      ),
    ],
  };
}
