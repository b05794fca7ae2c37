import { DateTime } from 'luxon';
import type { ActionCloseReason } from '../actions/action.repository.ts';
import type { CaseOutcome, GoalAnswer } from '../lifecycle/lifecycle.types.ts';
import { calendarDaysBetween, monthOf, workingDaysBetween } from '../retention/retention.rules.ts';

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
  /** The leefgebieden the case has problems on: their names, never what was written there. */
  lifeDomains: string[];
  chains: string[];
  referrerOrganisationId?: string;
  responsibleOrganisationId?: string;
  involvedOrganisationIds: string[];
  tableId?: string;
  /** The table's timezone: the day an action was due ends there. */
  timeZone?: string;
  firstSession?: { startsAt: Date; status: string };
  /** Each meeting where the case was decided on (its agenda item there is 'decided'), with the organisations that took part. */
  discussions: { startsAt: Date; presentOrganisationIds: string[] }[];
  /** closeReason: why an action ended not done (the code only; its explanation never reaches the figures). */
  actions: { state: string; dueDate: string; doneAt?: Date; closeReason?: ActionCloseReason }[];
  evaluations: EvaluationScore[];
  /** The day the person was informed. */
  informedOn?: Date;
  /** The regie events that put the case on the schaduwlijst and took it off, in any order. */
  shadowEvents: { kind: string; at: Date }[];
  /** A herhaalde aanmelding: marked when it came in (a person in it was in a case closed in the 12 months before). */
  repeatReferral: boolean;
}

export interface EvaluationScore {
  organisationId: string;
  goalReached: GoalAnswer;
  cooperation: number;
}

/** Months a case was on the schaduwlijst: `to` is the month it came off, null while it is still on it. */
export interface ShadowSpell {
  from: string;
  to: string | null;
}

/** An agreed action: the month it was due, whether it was done by the end of that day, and (live only) whether that day is still to come. */
export interface ActionFact {
  dueMonth: string;
  onTime: boolean;
  pending?: true;
  /** Ended not done ("Niet uitgevoerd"): the reason code. */
  closeReason?: ActionCloseReason;
}

/** Per month: how many of the case's discussions an invited organisation was invited to, and at how many it took part. */
export interface AttendanceFact {
  month: string;
  organisationId: string;
  invited: number;
  present: number;
}

/** One row of case_fact, as written: anonymous, months instead of dates. */
export interface CaseFact {
  /** case: a case that was accepted (closed when deleted); referral: a rejected aanmelding. */
  kind: 'case' | 'referral';
  intakeMonth: string | null;
  acceptedMonth: string | null;
  firstDiscussionMonth: string | null;
  closedMonth: string | null;
  /** The month the case was deleted; null for a live case's facts. */
  deletedMonth: string | null;
  screeningOutcome: 'accepted' | 'rejected' | 'withdrawn' | null;
  screenedMonth: string | null;
  screeningWorkingDays: number | null;
  daysToFirstDiscussion: number | null;
  daysToClosure: number | null;
  daysToInformed: number | null;
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
  shadowListSpells: ShadowSpell[];
  actionFacts: ActionFact[];
  attendance: AttendanceFact[];
  outcome: CaseOutcome | null;
  evaluationScores: EvaluationScore[];
  deletedLateDays: number | null;
  /** A herhaalde aanmelding: yes or no, nothing of the earlier case. */
  repeatReferral: boolean;
}

/** What the figures read of a live case beside its facts: how long ago it was accepted (for informing in time). Never stored. */
export interface LiveCaseFact extends CaseFact {
  daysSinceAcceptance: number | null;
}

const acceptedStatuses = new Set(['accepted', 'shadowList', 'closed']);

/** When the case was first discussed: its first decided meeting, else its first meeting if that was held. */
export function firstDiscussion(source: Pick<CaseFactSource, 'discussions' | 'firstSession'>): Date | undefined {
  const decided = source.discussions.map((d) => d.startsAt.getTime());
  if (decided.length) return new Date(Math.min(...decided));
  return source.firstSession?.status === 'held' ? source.firstSession.startsAt : undefined;
}

/** The end of an action's due day, in the table's timezone (remembered: the figures ask it for every action). */
const dueDayEnds = new Map<string, number>();
function endOfDueDay(dueDate: string, zone: string): number {
  const key = `${dueDate}|${zone}`;
  let end = dueDayEnds.get(key);
  if (end === undefined) {
    if (dueDayEnds.size > 50_000) dueDayEnds.clear();
    dueDayEnds.set(key, (end = DateTime.fromISO(dueDate, { zone }).endOf('day').toMillis()));
  }
  return end;
}

/** Done by the end of its due date, in the table's timezone. */
export function doneOnTime(action: { state: string; dueDate: string; doneAt?: Date }, zone = 'utc'): boolean {
  if (action.state !== 'done' || !action.doneAt) return false;
  return action.doneAt.getTime() <= endOfDueDay(action.dueDate, zone);
}

/** The spells on the schaduwlijst, from the regie events; a case put there without them (older data) has its one spell. */
export function shadowSpells(
  source: Pick<CaseFactSource, 'shadowEvents' | 'shadowListedAt' | 'status' | 'closedAt'>,
): ShadowSpell[] {
  const spells: ShadowSpell[] = [];
  let open: ShadowSpell | undefined;
  for (const event of [...source.shadowEvents].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (event.kind === 'shadowList' && !open) spells.push((open = { from: monthOf(event.at), to: null }));
    else if (event.kind !== 'shadowList' && open) {
      open.to = monthOf(event.at);
      open = undefined;
    }
  }
  if (!spells.length && source.shadowListedAt) {
    spells.push({
      from: monthOf(source.shadowListedAt),
      to: source.status === 'shadowList' ? null : source.closedAt ? monthOf(source.closedAt) : null,
    });
  }
  return spells;
}

/** Per month and invited organisation: discussions invited to, and taken part in. */
function attendanceFacts(source: CaseFactSource): AttendanceFact[] {
  const invited = [
    ...new Set([
      ...source.involvedOrganisationIds,
      ...(source.responsibleOrganisationId ? [source.responsibleOrganisationId] : []),
    ]),
  ].sort();
  const rows = new Map<string, AttendanceFact>();
  for (const discussion of source.discussions) {
    const month = monthOf(discussion.startsAt);
    for (const organisationId of invited) {
      const key = `${month}|${organisationId}`;
      const row = rows.get(key) ?? { month, organisationId, invited: 0, present: 0 };
      row.invited++;
      if (discussion.presentOrganisationIds.includes(organisationId)) row.present++;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.organisationId.localeCompare(b.organisationId),
  );
}

/** An action as the figures keep it: its due month, done on time, still to come, or the reason it was not done. */
function actionFact(a: CaseFactSource['actions'][number], zone: string, now: Date): ActionFact {
  return {
    dueMonth: a.dueDate.slice(0, 7),
    onTime: doneOnTime(a, zone),
    ...(a.closeReason
      ? { closeReason: a.closeReason }
      : a.state !== 'done' && endOfDueDay(a.dueDate, zone) >= now.getTime()
        ? { pending: true as const }
        : {}),
  };
}

/**
 * The anonymous facts of a case, for the figures: what stays after its deletion, and the same for a live case.
 * Never names, reference, case id, free text or exact dates. `deletion` is given when the case is deleted now:
 * then the month of `now` is its deletion month and `dueAt` says how late that came.
 */
export function buildCaseFact(row: CaseFactSource, now: Date, deletion?: { dueAt: Date }): LiveCaseFact {
  // A question nobody answered in the retention period counts as a withdrawn aanmelding.
  const rejected = row.status === 'rejected' || row.status === 'infoRequested';
  const accepted = acceptedStatuses.has(row.status);
  const screeningOutcome =
    row.status === 'rejected'
      ? 'rejected'
      : row.status === 'infoRequested'
        ? 'withdrawn'
        : accepted
          ? 'accepted'
          : null;
  const discussed = accepted ? firstDiscussion(row) : undefined;
  const zone = row.timeZone ?? 'utc';
  const actions = row.actions.filter((a) => a.state !== 'cancelled');
  const domains = [...row.lifeDomains].sort();
  const spells = accepted ? shadowSpells(row) : [];
  const acceptedAt = accepted ? row.decidedAt : undefined;
  return {
    kind: rejected ? 'referral' : 'case',
    intakeMonth: row.submittedAt ? monthOf(row.submittedAt) : null,
    acceptedMonth: acceptedAt ? monthOf(acceptedAt) : null,
    firstDiscussionMonth: discussed ? monthOf(discussed) : null,
    closedMonth: row.closedAt ? monthOf(row.closedAt) : null,
    deletedMonth: deletion ? monthOf(now) : null,
    screeningOutcome,
    screenedMonth: screeningOutcome && row.decidedAt ? monthOf(row.decidedAt) : null,
    screeningWorkingDays:
      screeningOutcome && row.submittedAt && row.decidedAt ? workingDaysBetween(row.submittedAt, row.decidedAt) : null,
    daysToFirstDiscussion: discussed && row.submittedAt ? calendarDaysBetween(row.submittedAt, discussed) : null,
    daysToClosure: row.closedAt && row.submittedAt ? calendarDaysBetween(row.submittedAt, row.closedAt) : null,
    daysToInformed: acceptedAt && row.informedOn ? Math.max(0, calendarDaysBetween(acceptedAt, row.informedOn)) : null,
    lifeDomains: domains,
    chains: [...row.chains],
    referrerOrganisationId: row.referrerOrganisationId ?? null,
    responsibleOrganisationId: row.responsibleOrganisationId ?? null,
    involvedOrganisationIds: [...new Set(row.involvedOrganisationIds)].sort(),
    tableId: accepted ? (row.tableId ?? null) : null,
    sessions: row.discussions.length,
    actions: actions.length,
    actionsDoneOnTime: actions.filter((a) => doneOnTime(a, zone)).length,
    wasOnShadowList: spells.length > 0 || Boolean(row.shadowListedAt),
    shadowListSpells: spells,
    actionFacts: actions.map((a) => actionFact(a, zone, now)),
    attendance: accepted ? attendanceFacts(row) : [],
    outcome: row.outcome ?? null,
    evaluationScores: row.evaluations.map((e) => ({
      organisationId: e.organisationId,
      goalReached: e.goalReached,
      cooperation: e.cooperation,
    })),
    deletedLateDays: deletion ? Math.max(0, Math.floor((now.getTime() - deletion.dueAt.getTime()) / 86_400_000)) : null,
    repeatReferral: row.repeatReferral,
    daysSinceAcceptance: acceptedAt && !deletion ? calendarDaysBetween(acceptedAt, now) : null,
  };
}

/** The fact as stored: the transient fields of a live case left out. */
export function storedFact(fact: LiveCaseFact): CaseFact {
  const { daysSinceAcceptance: _, ...stored } = fact;
  return stored;
}
