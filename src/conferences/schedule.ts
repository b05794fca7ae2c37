/** A table's meeting rhythm, as stored. */
export interface TableSchedule {
  timeZone: string;
  /** ISO weekday, 1 = Monday; the anchor date must fall on it. */
  weekday: number;
  startTime: string; // HH:MM, local
  anchorDate: string; // YYYY-MM-DD, local date of one meeting
  intervalWeeks: number;
  capacity: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The offset of `timeZone` from UTC at `instant`, in milliseconds (positive east of Greenwich). */
export function timeZoneOffset(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows this local date and time. */
export function zonedToUtc(localDate: string, localTime: string, timeZone: string): Date {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const [hh, mm] = localTime.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes: the offset at the guess may differ from the offset at the answer around a DST change.
  let instant = wall - timeZoneOffset(new Date(wall), timeZone);
  instant = wall - timeZoneOffset(new Date(instant), timeZone);
  return new Date(instant);
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with a schedule, in Dutch; empty when it can be used. */
export function scheduleProblems(s: TableSchedule): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(s.timeZone)) problems.push(`Onbekende tijdzone: ${s.timeZone}.`);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.startTime)) problems.push('De begintijd moet uu:mm zijn, bijvoorbeeld 10:00.');
  const anchor = new Date(`${s.anchorDate}T00:00:00Z`);
  if (Number.isNaN(anchor.getTime())) problems.push('De datum van het eerste overleg is geen geldige datum.');
  else if ((anchor.getUTCDay() || 7) !== s.weekday) problems.push('De datum van het eerste overleg valt niet op de gekozen weekdag.');
  if (!Number.isInteger(s.intervalWeeks) || s.intervalWeeks < 1) problems.push('Het overleg moet minstens eens per week of minder vaak zijn.');
  if (!Number.isInteger(s.capacity) || s.capacity < 1) problems.push('Een overleg moet plaats hebben voor minstens één casus.');
  return problems;
}

/** The next `count` meetings strictly after `after`. */
export function sessionsAfter(schedule: TableSchedule, after: Date, count: number): Date[] {
  const anchor = Date.parse(`${schedule.anchorDate}T00:00:00Z`);
  const step = schedule.intervalWeeks * 7 * dayMs;
  // Start a step early: the local date of `after` can lie a day off its UTC date.
  let k = Math.floor((after.getTime() - anchor) / step) - 1;
  const sessions: Date[] = [];
  while (sessions.length < count) {
    const localDate = new Date(anchor + k * step).toISOString().slice(0, 10);
    const at = zonedToUtc(localDate, schedule.startTime, schedule.timeZone);
    if (at.getTime() > after.getTime()) sessions.push(at);
    k++;
  }
  return sessions;
}

/** Cases need preparing: a meeting less than this far ahead is not offered to a newly accepted case. */
export const minimumLeadHours = 24;

/**
 * The first meeting, at least `minimumLeadHours` from now, that still has room. `booked` tells how
 * many cases a meeting already has. Looks a year ahead at most.
 */
export function firstFreeSession(schedule: TableSchedule, now: Date, booked: (session: Date) => number): Date | undefined {
  const from = new Date(now.getTime() + minimumLeadHours * 60 * 60 * 1000);
  const horizon = Math.ceil(52 / schedule.intervalWeeks);
  return sessionsAfter(schedule, from, horizon).find((session) => booked(session) < schedule.capacity);
}
