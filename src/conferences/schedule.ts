import { DateTime, IANAZone } from 'luxon';

/** A table's meeting rhythm, as stored. */
export interface TableSchedule {
  timeZone: string;
  /** ISO weekday, 1 = Monday; the anchor date must fall on it. */
  weekday: number;
  startTime: string; // HH:MM, local
  anchorDate: string; // YYYY-MM-DD, local date of one meeting
  intervalWeeks: number;
  sessionMinutes: number;
  minutesPerCase: number;
}

/** The most cases one agenda holds: the channel card of a full agenda must stay within Teams' message size. */
export const maxCasesPerSession = 12;

/** How many cases fit on one agenda. */
export function capacityOf(s: Pick<TableSchedule, 'sessionMinutes' | 'minutesPerCase'>): number {
  return Math.floor(s.sessionMinutes / s.minutesPerCase);
}

/**
 * The instant at which the wall clock in `timeZone` shows this local date and time. Luxon resolves
 * daylight saving: a time in the spring gap moves forward, an ambiguous autumn time takes the first.
 */
export function zonedToUtc(localDate: string, localTime: string, timeZone: string): Date {
  return DateTime.fromISO(`${localDate}T${localTime}`, { zone: timeZone }).toJSDate();
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in a timezone. */
export function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const t = DateTime.fromJSDate(instant, { zone: timeZone });
  return { date: t.toISODate()!, time: t.toFormat('HH:mm') };
}

export function isValidTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

/** What is wrong with a schedule, in Dutch, by field; empty when it can be used. */
export function scheduleProblems(s: TableSchedule): Partial<Record<keyof TableSchedule, string>> {
  const problems: Partial<Record<keyof TableSchedule, string>> = {};
  if (!isValidTimeZone(s.timeZone))
    problems.timeZone = `Onbekende tijdzone: ${s.timeZone}. Gebruik een IANA-naam zoals Europe/Amsterdam of America/Kralendijk.`;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.startTime))
    problems.startTime = 'De begintijd moet uu:mm zijn, bijvoorbeeld 10:00.';
  const anchor = DateTime.fromISO(s.anchorDate, { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.anchorDate) || !anchor.isValid)
    problems.anchorDate = 'De datum van het eerste overleg is geen geldige datum.';
  else if (anchor.weekday !== s.weekday)
    problems.anchorDate = 'De datum van het eerste overleg valt niet op de gekozen weekdag.';
  if (!Number.isInteger(s.intervalWeeks) || s.intervalWeeks < 1 || s.intervalWeeks > 12)
    problems.intervalWeeks = 'Kies om de 1 tot 12 weken.';
  if (!Number.isInteger(s.sessionMinutes) || s.sessionMinutes < 15 || s.sessionMinutes > 8 * 60)
    problems.sessionMinutes = 'Een overleg duurt 15 minuten tot 8 uur.';
  if (!Number.isInteger(s.minutesPerCase) || s.minutesPerCase < 5 || s.minutesPerCase > 120)
    problems.minutesPerCase = 'Per casus 5 tot 120 minuten.';
  else if (!problems.sessionMinutes && capacityOf(s) < 1)
    problems.minutesPerCase = 'Een overleg moet plaats hebben voor minstens één casus.';
  else if (!problems.sessionMinutes && capacityOf(s) > maxCasesPerSession) {
    problems.minutesPerCase = `Een overleg heeft plaats voor hoogstens ${maxCasesPerSession} casussen; neem meer minuten per casus of een korter overleg.`;
  }
  return problems;
}

/**
 * The rhythm's meetings with `from <= start < to`, in order. Each is the anchor's local date and time
 * plus a whole number of intervals, computed on the wall clock of the table's timezone, so a meeting at
 * 09:30 stays at 09:30 local across daylight-saving changes.
 */
export function occurrencesBetween(
  schedule: Pick<TableSchedule, 'timeZone' | 'startTime' | 'anchorDate' | 'intervalWeeks'>,
  from: Date,
  to: Date,
): Date[] {
  const anchor = DateTime.fromISO(`${schedule.anchorDate}T${schedule.startTime}`, { zone: schedule.timeZone });
  const stepDays = schedule.intervalWeeks * 7;
  // Start one step early: the offset between local and UTC can shift the boundary by a day.
  let k = Math.floor(DateTime.fromJSDate(from).diff(anchor, 'days').days / stepDays) - 1;
  const result: Date[] = [];
  for (;;) {
    const at = anchor.plus({ days: k * stepDays }).toJSDate();
    if (at.getTime() >= to.getTime()) return result;
    if (at.getTime() >= from.getTime()) result.push(at);
    k++;
  }
}

/** Cases need preparing: a meeting less than this far ahead is not offered to a newly accepted case. */
export const minimumLeadHours = 24;
/** How far ahead sessions exist as rows, so bookings a year ahead point at one. */
export const sessionHorizonDays = 371;

export const hours = (n: number) => n * 60 * 60 * 1000;
export const days = (n: number) => n * 24 * hours(1);
