import { describe, expect, it } from 'vitest';
import { firstFreeSession, scheduleProblems, sessionsAfter, timeZoneOffset, zonedToUtc, type TableSchedule } from '../../src/conferences/schedule.ts';

const bonaire: TableSchedule = { timeZone: 'America/Kralendijk', weekday: 2, startTime: '10:00', anchorDate: '2026-01-06', intervalWeeks: 2, capacity: 2 };
const amsterdam: TableSchedule = { ...bonaire, timeZone: 'Europe/Amsterdam', anchorDate: '2026-01-05', weekday: 1, startTime: '09:30' };

describe('zonedToUtc', () => {
  it('knows Bonaire is UTC-4 all year', () => {
    expect(zonedToUtc('2026-07-01', '10:00', 'America/Kralendijk').toISOString()).toBe('2026-07-01T14:00:00.000Z');
    expect(timeZoneOffset(new Date('2026-01-01T00:00:00Z'), 'America/Kralendijk')).toBe(-4 * 3600_000);
  });

  it('follows daylight saving time in Amsterdam', () => {
    expect(zonedToUtc('2026-03-23', '09:30', 'Europe/Amsterdam').toISOString()).toBe('2026-03-23T08:30:00.000Z');
    expect(zonedToUtc('2026-03-30', '09:30', 'Europe/Amsterdam').toISOString()).toBe('2026-03-30T07:30:00.000Z');
  });
});

describe('sessionsAfter', () => {
  it('gives the two-weekly meetings on the table\'s weekday and local time', () => {
    const sessions = sessionsAfter(bonaire, new Date('2026-11-23T12:00:00Z'), 3);
    expect(sessions.map((s) => s.toISOString())).toEqual(['2026-11-24T14:00:00.000Z', '2026-12-08T14:00:00.000Z', '2026-12-22T14:00:00.000Z']);
  });

  it('keeps 09:30 local across the switch to summer time', () => {
    const sessions = sessionsAfter(amsterdam, new Date('2026-03-10T00:00:00Z'), 2);
    expect(sessions.map((s) => s.toISOString())).toEqual(['2026-03-16T08:30:00.000Z', '2026-03-30T07:30:00.000Z']);
  });

  it('does not offer a meeting that already started', () => {
    const [next] = sessionsAfter(bonaire, new Date('2026-11-24T14:00:00Z'), 1);
    expect(next?.toISOString()).toBe('2026-12-08T14:00:00.000Z');
  });
});

describe('firstFreeSession', () => {
  it('skips a meeting within a day and meetings that are full', () => {
    const now = new Date('2026-11-23T16:00:00Z'); // 22 hours before the meeting of 24 November
    const full = new Set(['2026-12-08T14:00:00.000Z']);
    const session = firstFreeSession(bonaire, now, (s) => (full.has(s.toISOString()) ? 2 : 0));
    expect(session?.toISOString()).toBe('2026-12-22T14:00:00.000Z');
  });

  it('gives the very next meeting when it has room', () => {
    expect(firstFreeSession(bonaire, new Date('2026-11-22T09:00:00Z'), () => 1)?.toISOString()).toBe('2026-11-24T14:00:00.000Z');
  });

  it('gives nothing when every meeting for a year is full', () => {
    expect(firstFreeSession(bonaire, new Date('2026-11-23T09:00:00Z'), () => 2)).toBeUndefined();
  });
});

describe('scheduleProblems', () => {
  it('accepts the demo table', () => expect(scheduleProblems(bonaire)).toEqual([]));
  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'Onbekende tijdzone: Mars/Olympus.'],
    [{ startTime: '25:00' }, 'De begintijd moet uu:mm zijn, bijvoorbeeld 10:00.'],
    [{ weekday: 3 }, 'De datum van het eerste overleg valt niet op de gekozen weekdag.'],
    [{ anchorDate: '2026-13-01' }, 'De datum van het eerste overleg is geen geldige datum.'],
    [{ intervalWeeks: 0 }, 'Het overleg moet minstens eens per week of minder vaak zijn.'],
    [{ capacity: 0 }, 'Een overleg moet plaats hebben voor minstens één casus.'],
  ])('refuses %o', (change, problem) => expect(scheduleProblems({ ...bonaire, ...change })).toEqual([problem]));
});
