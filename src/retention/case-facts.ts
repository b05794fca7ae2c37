import { DateTime } from 'luxon';
import type { CaseOutcome, GoalAnswer } from '../lifecycle/lifecycle.types.ts';
import { calendarDaysBetween, monthOf, workingDaysBetween } from './retention.rules.ts';

/**
 * What the figures need of a case, read from its rows: dates, ids of organisations, counts. Nothing of the
 * person, the reference or free text is in here, so nothing of it can reach a fact.
 */
export interface CaseFactSource {
  status: string;
  submittedAt?: Date;
  decidedAt?: Date;
  closedAt?: Date;
  shadowListedAt?: Date;
  outcome?: CaseOutcome;
  /** The case's lifeDomains JSON: only its keys are kept. */
  lifeDomains: unknown;
  chains: string[];
  referrerOrganisationId?: string;
  responsibleOrganisationId?: string;
  involvedOrganisationIds: string[];
  tableId?: string;
  /** The table's timezone: the day an action was due ends there. */
  timeZone?: string;
  firstSession?: { startsAt: Date; status: string };
  /** The start of each meeting where the case was decided on (its agenda item there is 'decided'). */
  decidedSessionStarts: Date[];
  actions: { state: string; dueDate: string; doneAt?: Date }[];
  evaluations: EvaluationScore[];
}

export interface EvaluationScore {
  organisationId: string;
  goalReached: GoalAnswer;
  cooperation: number;
}

/** One row of case_fact, as written: anonymous, months instead of dates. */
export interface CaseFact {
  /** case: a case that was accepted (closed when deleted); referral: a rejected aanmelding. */
  kind: 'case' | 'referral';
  intakeMonth: string | null;
  acceptedMonth: string | null;
  firstDiscussionMonth: string | null;
  closedMonth: string | null;
  deletedMonth: string;
  screeningOutcome: 'accepted' | 'rejected' | 'withdrawn' | null;
  screeningWorkingDays: number | null;
  daysToFirstDiscussion: number | null;
  lifeDomains: string[];
  chains: string[];
  referrerOrganisationId: string | null;
  responsibleOrganisationId: string | null;
  involvedOrganisationIds: string[];
  tableId: string | null;
  sessions: number;
  actions: number;
  actionsDoneOnTime: number;
  wasOnShadowList: boolean;
  outcome: CaseOutcome | null;
  evaluationScores: EvaluationScore[];
}

const acceptedStatuses = new Set(['accepted', 'shadowList', 'closed']);

/** When the case was first discussed: its first decided meeting, else its first meeting if that was held. */
export function firstDiscussion(source: Pick<CaseFactSource, 'decidedSessionStarts' | 'firstSession'>): Date | undefined {
  const decided = source.decidedSessionStarts.map((d) => d.getTime());
  if (decided.length) return new Date(Math.min(...decided));
  return source.firstSession?.status === 'held' ? source.firstSession.startsAt : undefined;
}

/** Done by the end of its due date, in the table's timezone. */
export function doneOnTime(action: { state: string; dueDate: string; doneAt?: Date }, zone = 'utc'): boolean {
  if (action.state !== 'done' || !action.doneAt) return false;
  const end = DateTime.fromISO(action.dueDate, { zone }).endOf('day');
  return action.doneAt.getTime() <= end.toMillis();
}

/**
 * The anonymous facts of a case, for the figures: what stays after its deletion (`now` is the month it is
 * deleted), and the same for a live case. Never names, reference, case id, free text or exact dates.
 */
export function buildCaseFact(row: CaseFactSource, now: Date): CaseFact {
  // A question nobody answered in the retention period counts as a withdrawn aanmelding.
  const rejected = row.status === 'rejected' || row.status === 'infoRequested';
  const accepted = acceptedStatuses.has(row.status);
  const screeningOutcome = row.status === 'rejected' ? 'rejected' : row.status === 'infoRequested' ? 'withdrawn' : accepted ? 'accepted' : null;
  const discussed = accepted ? firstDiscussion(row) : undefined;
  const actions = row.actions.filter((a) => a.state !== 'cancelled');
  const domains = row.lifeDomains && typeof row.lifeDomains === 'object' && !Array.isArray(row.lifeDomains) ? Object.keys(row.lifeDomains).sort() : [];
  return {
    kind: rejected ? 'referral' : 'case',
    intakeMonth: row.submittedAt ? monthOf(row.submittedAt) : null,
    acceptedMonth: accepted && row.decidedAt ? monthOf(row.decidedAt) : null,
    firstDiscussionMonth: discussed ? monthOf(discussed) : null,
    closedMonth: row.closedAt ? monthOf(row.closedAt) : null,
    deletedMonth: monthOf(now),
    screeningOutcome,
    screeningWorkingDays: screeningOutcome && row.submittedAt && row.decidedAt ? workingDaysBetween(row.submittedAt, row.decidedAt) : null,
    daysToFirstDiscussion: discussed && row.submittedAt ? calendarDaysBetween(row.submittedAt, discussed) : null,
    lifeDomains: domains,
    chains: [...row.chains],
    referrerOrganisationId: row.referrerOrganisationId ?? null,
    responsibleOrganisationId: row.responsibleOrganisationId ?? null,
    involvedOrganisationIds: [...new Set(row.involvedOrganisationIds)].sort(),
    tableId: accepted ? (row.tableId ?? null) : null,
    sessions: row.decidedSessionStarts.length,
    actions: actions.length,
    actionsDoneOnTime: actions.filter((a) => doneOnTime(a, row.timeZone)).length,
    wasOnShadowList: Boolean(row.shadowListedAt),
    outcome: row.outcome ?? null,
    evaluationScores: row.evaluations.map((e) => ({ organisationId: e.organisationId, goalReached: e.goalReached, cooperation: e.cooperation })),
  };
}
