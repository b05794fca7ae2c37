import { describe, expect, it } from 'vitest';
import {
  capacityOf,
  localParts,
  occurrencesBetween,
  scheduleProblems,
  zonedToUtc,
  type TableSchedule,
} from '../../src/conferences/schedule.ts';

const bonaire: TableSchedule = {
  timeZone: 'America/Kralendijk',
  weekday: 2,
  startTime: '10:00',
  anchorDate: '2026-01-06',
  intervalWeeks: 2,
  sessionMinutes: 120,
  minutesPerCase: 15,
};
const amsterdam: TableSchedule = {
  ...bonaire,
  timeZone: 'Europe/Amsterdam',
  anchorDate: '2026-01-05',
  weekday: 1,
  startTime: '09:30',
  intervalWeeks: 1,
};
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('zoned times', () => {
  it('knows Bonaire is UTC-4 all year (no daylight saving)', () => {
    expect(zonedToUtc('2026-01-13', '10:00', 'America/Kralendijk').toISOString()).toBe('2026-01-13T14:00:00.000Z');
    expect(zonedToUtc('2026-07-01', '10:00', 'America/Kralendijk').toISOString()).toBe('2026-07-01T14:00:00.000Z');
  });

  it('follows daylight saving time in Amsterdam, and reads an instant back as local time', () => {
    expect(zonedToUtc('2026-03-23', '09:30', 'Europe/Amsterdam').toISOString()).toBe('2026-03-23T08:30:00.000Z');
    expect(zonedToUtc('2026-03-30', '09:30', 'Europe/Amsterdam').toISOString()).toBe('2026-03-30T07:30:00.000Z');
    expect(localParts(new Date('2026-03-30T07:30:00Z'), 'Europe/Amsterdam')).toEqual({
      date: '2026-03-30',
      time: '09:30',
    });
  });

  it('moves a time in the spring gap forward instead of failing', () => {
    expect(zonedToUtc('2026-03-29', '02:30', 'Europe/Amsterdam').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('occurrencesBetween', () => {
  it("gives the two-weekly meetings on the table's weekday and local time, in Bonaire all year at 14:00 UTC", () => {
    expect(
      iso(occurrencesBetween(bonaire, new Date('2026-11-23T12:00:00Z'), new Date('2026-12-23T00:00:00Z'))),
    ).toEqual(['2026-11-24T14:00:00.000Z', '2026-12-08T14:00:00.000Z', '2026-12-22T14:00:00.000Z']);
    const year = occurrencesBetween(bonaire, new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    expect(year).toHaveLength(26);
    expect(new Set(year.map((d) => d.toISOString().slice(11)))).toEqual(new Set(['14:00:00.000Z']));
  });

  it('keeps 09:30 local across the last Sunday of March (Amsterdam to summer time)', () => {
    expect(
      iso(occurrencesBetween(amsterdam, new Date('2026-03-20T00:00:00Z'), new Date('2026-04-01T00:00:00Z'))),
    ).toEqual(['2026-03-23T08:30:00.000Z', '2026-03-30T07:30:00.000Z']);
  });

  it('keeps 09:30 local across the last Sunday of October (back to winter time)', () => {
    expect(
      iso(occurrencesBetween(amsterdam, new Date('2026-10-15T00:00:00Z'), new Date('2026-10-27T00:00:00Z'))),
    ).toEqual(['2026-10-19T07:30:00.000Z', '2026-10-26T08:30:00.000Z']);
  });

  it('does not offer a meeting at the very end boundary, and does offer one at the start', () => {
    expect(
      iso(occurrencesBetween(bonaire, new Date('2026-11-24T14:00:00Z'), new Date('2026-12-08T14:00:00Z'))),
    ).toEqual(['2026-11-24T14:00:00.000Z']);
  });

  it('works for an anchor far after the window, counting back', () => {
    expect(
      iso(
        occurrencesBetween(
          { ...bonaire, anchorDate: '2030-01-01' },
          new Date('2026-11-23T00:00:00Z'),
          new Date('2026-11-25T00:00:00Z'),
        ),
      ),
    ).toEqual(['2026-11-24T14:00:00.000Z']);
  });
});

describe('scheduleProblems and capacity', () => {
  it('accepts the demo table, with room for 8 cases of 15 minutes in two hours', () => {
    expect(scheduleProblems(bonaire)).toEqual({});
    expect(capacityOf(bonaire)).toBe(8);
  });
  it.each([
    [
      { timeZone: 'Mars/Olympus' },
      'timeZone',
      'Onbekende tijdzone: Mars/Olympus. Gebruik een IANA-naam zoals Europe/Amsterdam of America/Kralendijk.',
    ],
    [{ startTime: '25:00' }, 'startTime', 'De begintijd moet uu:mm zijn, bijvoorbeeld 10:00.'],
    [{ weekday: 3 }, 'anchorDate', 'De datum van het eerste overleg valt niet op de gekozen weekdag.'],
    [{ anchorDate: '2026-13-01' }, 'anchorDate', 'De datum van het eerste overleg is geen geldige datum.'],
    [{ intervalWeeks: 0 }, 'intervalWeeks', 'Kies om de 1 tot 12 weken.'],
    [{ sessionMinutes: 10 }, 'sessionMinutes', 'Een overleg duurt 15 minuten tot 8 uur.'],
    [
      { sessionMinutes: 20, minutesPerCase: 30 },
      'minutesPerCase',
      'Een overleg moet plaats hebben voor minstens één casus.',
    ],
    [
      { sessionMinutes: 240, minutesPerCase: 15 },
      'minutesPerCase',
      'Een overleg heeft plaats voor hoogstens 12 casussen; neem meer minuten per casus of een korter overleg.',
    ],
  ])('refuses %o at its field', (change, field, problem) =>
    expect(scheduleProblems({ ...bonaire, ...change })).toEqual({ [field]: problem }),
  );
});
