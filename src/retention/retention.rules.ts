import { DateTime } from 'luxon';

/** How long personal data are kept (docs/domain.md#retention); configurable. */
export interface Retention {
  /** A closed case: months after its closure. */
  closedCaseMonths: number;
  /** A rejected aanmelding, or one whose question went unanswered (withdrawn): months after the screening decision. */
  rejectedReferralMonths: number;
  /** A draft: days after its last change. */
  draftDays: number;
}

export const defaultRetention: Retention = { closedCaseMonths: 12, rejectedReferralMonths: 3, draftDays: 30 };

/** A case is due when its moment (closedAt, decidedAt, updatedAt) is on or before the cutoff of its kind. */
export interface RetentionCutoffs {
  closedBefore: Date;
  rejectedBefore: Date;
  draftUpdatedBefore: Date;
}

/** What a deletion removes: a closed case, a rejected aanmelding, or a draft. */
export type DeletionKind = 'case' | 'referral' | 'draft';

const utc = (date: Date) => DateTime.fromJSDate(date, { zone: 'utc' });

export function retentionCutoffs(retention: Retention, now: Date): RetentionCutoffs {
  return {
    closedBefore: utc(now).minus({ months: retention.closedCaseMonths }).toJSDate(),
    rejectedBefore: utc(now).minus({ months: retention.rejectedReferralMonths }).toJSDate(),
    draftUpdatedBefore: utc(now).minus({ days: retention.draftDays }).toJSDate(),
  };
}

export interface RetentionFacts {
  status: string;
  closedAt?: Date | null;
  decidedAt?: Date | null;
  updatedAt: Date;
}

/** Which kind of deletion a case is due for, or undefined when it must stay. Other statuses are never deleted. */
export function dueKind(c: RetentionFacts, cutoffs: RetentionCutoffs): DeletionKind | undefined {
  if (c.status === 'closed' && c.closedAt && c.closedAt <= cutoffs.closedBefore) return 'case';
  if ((c.status === 'rejected' || c.status === 'infoRequested') && c.decidedAt && c.decidedAt <= cutoffs.rejectedBefore)
    return 'referral';
  if (c.status === 'draft' && c.updatedAt <= cutoffs.draftUpdatedBefore) return 'draft';
  return undefined;
}

/**
 * The first moment a case whose clock started at `from` is due: `from` plus the period, or, when the month
 * arithmetic clamped (31 March + 1 month = 30 April), the start of the next day, so that at the returned
 * moment `retentionCutoffs` finds it due and a moment before it does not.
 */
export function dueMoment(from: Date, period: { months: number } | { days: number }): Date {
  const candidate = utc(from).plus(period);
  if (candidate.minus(period).toMillis() >= from.getTime()) return candidate.toJSDate();
  return candidate.plus({ days: 1 }).startOf('day').toJSDate();
}

/** The earliest of the moments at which each oldest case of a kind becomes due. */
export function nextDueMoment(
  oldest: { closedAt?: Date; rejectedDecidedAt?: Date; draftUpdatedAt?: Date },
  retention: Retention,
): Date | undefined {
  const moments = [
    oldest.closedAt && dueMoment(oldest.closedAt, { months: retention.closedCaseMonths }),
    oldest.rejectedDecidedAt && dueMoment(oldest.rejectedDecidedAt, { months: retention.rejectedReferralMonths }),
    oldest.draftUpdatedAt && dueMoment(oldest.draftUpdatedAt, { days: retention.draftDays }),
  ].filter((d): d is Date => d instanceof Date);
  return moments.length ? new Date(Math.min(...moments.map((d) => d.getTime()))) : undefined;
}

/** "2026-11" (UTC): the figures keep months, never exact dates. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

const dayMs = 86_400_000;
/** Days since the epoch of a moment's UTC day: day arithmetic without a calendar library (the figures do it for every case). */
const utcDay = (date: Date) => Math.floor(date.getTime() / dayMs);

/**
 * Working days (Monday to Friday) from `from` to `to`: the days after the day of `from` up to and including
 * the day of `to`. Decided on the day of submission: 0; submitted on Friday, decided on Monday: 1.
 * Public holidays are not known here and count as working days.
 */
export function workingDaysBetween(from: Date, to: Date, zone = 'utc'): number {
  if (zone !== 'utc') {
    const start = DateTime.fromJSDate(from, { zone });
    const end = DateTime.fromJSDate(to, { zone });
    return workingDaysBetween(
      new Date(Date.UTC(start.year, start.month - 1, start.day)),
      new Date(Date.UTC(end.year, end.month - 1, end.day)),
    );
  }
  const start = utcDay(from);
  const days = utcDay(to) - start;
  if (days <= 0) return 0;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  // 1 January 1970 was a Thursday: (day + 4) % 7 is 0 on Sundays, 6 on Saturdays.
  for (let d = start + weeks * 7 + 1; d <= start + days; d++) if ((d + 4) % 7 !== 0 && (d + 4) % 7 !== 6) count++;
  return count;
}

/** Calendar days from the day of `from` to the day of `to`. */
export function calendarDaysBetween(from: Date, to: Date, zone = 'utc'): number {
  if (zone === 'utc') return utcDay(to) - utcDay(from);
  const start = DateTime.fromJSDate(from, { zone }).startOf('day');
  const end = DateTime.fromJSDate(to, { zone }).startOf('day');
  return Math.round(end.diff(start, 'days').days);
}
