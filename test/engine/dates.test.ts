import { describe, expect, it } from 'vitest';
import { dayNumber, daysFromCivil, daysInMonth, formatDay } from '../../src/engine/dates.js';

// The oracle: JavaScript's own calendar (Date.UTC with setUTCFullYear, so years 0-99 are
// themselves), counted in days since 1970-01-01.
const DAY = 86_400_000;
function oracleDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY);
}
function oracleText(day: number): string {
  const date = new Date(day * DAY);
  const year = date.getUTCFullYear();
  return `${String(year).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}
const oracleMonthLength = (year: number, month: number) => oracleDay(year, month + 1, 1) - oracleDay(year, month, 1);

describe('dayNumber', () => {
  it('counts days from 1970-01-01 (counted by hand)', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    // 30 years of 365 days and 7 leap days (1972 ... 1996) to 2000-01-01, then 31 + 29.
    expect(dayNumber('2000-01-01')).toBe(10957);
    expect(dayNumber('2000-03-01')).toBe(11017);
    expect(dayNumber('0000-01-01')).toBe(-719528);
    expect(dayNumber('9999-12-31')).toBe(2932896);
  });

  it('reads a month alone as its last day', () => {
    expect(dayNumber('2015-02')).toBe(dayNumber('2015-02-28'));
    expect(dayNumber('2016-02')).toBe(dayNumber('2016-02-29'));
    expect(dayNumber('1970-01')).toBe(30);
    expect(dayNumber('2015-12')).toBe(dayNumber('2015-12-31'));
    expect(dayNumber('2015-04')).toBe(dayNumber('2015-04-30'));
  });

  it('knows the leap years of the Gregorian calendar', () => {
    expect(dayNumber('2000-02-29')).toBe(11016);
    expect(dayNumber('2004-02-29')).toBeDefined();
    expect(dayNumber('1600-02-29')).toBeDefined();
    expect(dayNumber('0000-02-29')).toBeDefined();
    expect(dayNumber('1900-02-29')).toBeUndefined();
    expect(dayNumber('2001-02-29')).toBeUndefined();
    expect(dayNumber('2100-02-29')).toBeUndefined();
  });

  it('refuses what is not a calendar date', () => {
    for (const text of [
      '2015-02-30',
      '2015-04-31',
      '2015-01-32',
      '2015-01-00',
      '2015-00-01',
      '2015-13-01',
      '2015-00',
      '2015-13',
      '2015-1-01',
      '2015-01-1',
      '2015/01/01',
      '2015-01/01',
      '2015 01-01',
      '201-01-01',
      '2015-01-011',
      '2015',
      '',
      'abcd-01-01',
      '2015-0a-01',
      '2015-01-0a',
      '2:15-01-01',
      '2/15-01-01',
      '2015-:1-01',
      '2015-01-/1',
      '+015-01-01',
      '2015-01-01T',
    ])
      expect(dayNumber(text), text).toBeUndefined();
  });

  it('agrees with the oracle on every day of several years, and formatDay reads it back', () => {
    for (const year of [0, 99, 1900, 1969, 2000, 2100]) {
      for (let month = 1; month <= 12; month++) {
        expect(daysInMonth(year, month), `${year}-${month}`).toBe(oracleMonthLength(year, month));
        for (let day = 1; day <= daysInMonth(year, month); day++) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const expected = oracleDay(year, month, day);
          expect(dayNumber(text), text).toBe(expected);
          expect(daysFromCivil(year, month, day), text).toBe(expected);
          expect(formatDay(expected), text).toBe(oracleText(expected));
        }
      }
    }
  });
});

describe('formatDay', () => {
  it('writes a day number as YYYY-MM-DD (counted by hand)', () => {
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(-1)).toBe('1969-12-31');
    expect(formatDay(11016)).toBe('2000-02-29');
    expect(formatDay(11017)).toBe('2000-03-01');
    expect(formatDay(-719528)).toBe('0000-01-01');
    expect(formatDay(2932896)).toBe('9999-12-31');
    expect(formatDay(30)).toBe('1970-01-31');
    expect(formatDay(273)).toBe('1970-10-01');
  });
});
