import { DateTime } from 'luxon';

/**
 * The periods the stuurgroep reads figures over: a quarter or a calendar year. The anonymous facts keep months
 * ("2026-07", UTC), so a period is a range of months.
 */
export type Period = { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 } | { kind: 'year'; year: number };

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

/** First and last month of a period, inclusive. */
export function periodMonths(p: Period): { from: string; to: string } {
  if (p.kind === 'year') return { from: month(p.year, 1), to: month(p.year, 12) };
  return { from: month(p.year, p.quarter * 3 - 2), to: month(p.year, p.quarter * 3) };
}

export function inPeriod(m: string | null | undefined, p: Period): boolean {
  if (!m) return false;
  const { from, to } = periodMonths(p);
  return m >= from && m <= to;
}

export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return { kind: 'year', year: p.year - 1 };
  return p.quarter === 1
    ? { kind: 'quarter', year: p.year - 1, quarter: 4 }
    : { kind: 'quarter', year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 };
}

export function nextPeriod(p: Period): Period {
  if (p.kind === 'year') return { kind: 'year', year: p.year + 1 };
  return p.quarter === 4
    ? { kind: 'quarter', year: p.year + 1, quarter: 1 }
    : { kind: 'quarter', year: p.year, quarter: (p.quarter + 1) as 2 | 3 | 4 };
}

/** The `n` periods of the same kind up to and including `p`, oldest first. */
export function periodsUpTo(p: Period, n: number): Period[] {
  const list = [p];
  while (list.length < n) list.unshift(previousPeriod(list[0]!));
  return list;
}

/** "2026-Q3" or "2026": in card data, job subjects and file names. */
export function periodKey(p: Period): string {
  return p.kind === 'year' ? String(p.year) : `${p.year}-Q${p.quarter}`;
}

export function parsePeriod(key: unknown): Period | undefined {
  if (typeof key !== 'string') return undefined;
  const q = /^(\d{4})-Q([1-4])$/.exec(key.trim());
  if (q) return { kind: 'quarter', year: Number(q[1]), quarter: Number(q[2]) as 1 | 2 | 3 | 4 };
  const y = /^(\d{4})$/.exec(key.trim());
  return y ? { kind: 'year', year: Number(y[1]) } : undefined;
}

/** "3e kwartaal 2026", "2026". */
export function periodLabel(p: Period): string {
  return p.kind === 'year' ? String(p.year) : `${p.quarter}e kwartaal ${p.year}`;
}

/** "K3 2026": short, for chart axes. */
export function periodShortLabel(p: Period): string {
  return p.kind === 'year' ? String(p.year) : `K${p.quarter} ${p.year}`;
}

export function quarterOf(date: Date, zone: string): Period {
  const d = DateTime.fromJSDate(date, { zone });
  return { kind: 'quarter', year: d.year, quarter: Math.ceil(d.month / 3) as 1 | 2 | 3 | 4 };
}

/** The period the figures open with: the last quarter that is over. */
export function lastCompletedQuarter(now: Date, zone: string): Period {
  return previousPeriod(quarterOf(now, zone));
}

/** What the stuurgroep can choose: this quarter and the seven before it, this year and the two before it. */
export function periodChoices(now: Date, zone: string): Period[] {
  const year = DateTime.fromJSDate(now, { zone }).year;
  return [
    ...periodsUpTo(quarterOf(now, zone), 8).reverse(),
    { kind: 'year', year },
    { kind: 'year', year: year - 1 },
    { kind: 'year', year: year - 2 },
  ];
}

/**
 * The first working day after a quarter (Monday to Friday, not New Year's Day), at 09:00 in the given timezone:
 * when its figures go to the stuurgroep.
 */
export function firstWorkingDayAfter(p: Period, zone: string): Date {
  const { to } = periodMonths(p);
  let day = DateTime.fromISO(`${to}-01`, { zone }).plus({ months: 1 }).set({ hour: 9 });
  while (day.weekday > 5 || (day.month === 1 && day.day === 1)) day = day.plus({ days: 1 });
  return day.toJSDate();
}
