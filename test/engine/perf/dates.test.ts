// dayNumber reads dates with integer arithmetic (records carry thousands); it must agree with the
// Date-based reading it replaced on every date of every year, and refuse the same non-dates.
import { describe, expect, it } from 'vitest';
import { dayNumber, formatDay } from '../../../src/engine/dates.js';

const PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const MS_PER_DAY = 86_400_000;
// setUTCFullYear, unlike Date.UTC, reads years 0-99 as themselves (not 1900-1999), as ISO 8601 does.
const utc = (year: number, monthIndex: number, day: number) => new Date(0).setUTCFullYear(year, monthIndex, day);
const daysInMonth = (year: number, month: number) => new Date(utc(year, month, 0)).getUTCDate();

/** The Date-based reading: a pattern and the proleptic Gregorian calendar of Date. */
function reference(text: string): number | undefined {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const lastDay = daysInMonth(year, month);
  const day = match[3] === undefined ? lastDay : Number(match[3]);
  if (day < 1 || day > lastDay) return undefined;
  return utc(year, month - 1, day) / MS_PER_DAY;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('dayNumber', () => {
  it('agrees with the Date-based reading on every day and month of many years', () => {
    const years = [0, 1, 99, 100, 400, 1582, 1899, 1900, 1969, 1970, 2000, 2015, 2016, 2023, 2100, 2400, 9999];
    for (let year = 1960; year <= 2040; year++) years.push(year);
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        const ym = `${pad(year, 4)}-${pad(month, 2)}`;
        expect(dayNumber(ym), ym).toBe(reference(ym));
        for (let day = 0; day <= 32; day++) {
          const date = `${ym}-${pad(day, 2)}`;
          expect(dayNumber(date), date).toBe(reference(date));
        }
      }
    }
  });

  it.each([
    '',
    '2015',
    '2015-1-01',
    '2015-01-1',
    '2015/01/01',
    '2015-01-01T00:00',
    ' 2015-01-01',
    '2015-01-01 ',
    '+015-01-01',
    '2015-0a-01',
    '２０１５-01-01',
    '2015-01-01\n',
    '201５-01-01',
  ])('refuses %j as the pattern did', (text) => {
    expect(dayNumber(text)).toBe(reference(text));
    expect(dayNumber(text)).toBeUndefined();
  });
});

describe('formatDay', () => {
  // The Date-based form it replaced; years 0000-9999 are four digits in toISOString too.
  const dateForm = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const first = dayNumber('0000-01-01')!;
  const last = dayNumber('9999-12-31')!;

  it('writes days from 0000-01-01 to 9999-12-31 as Date writes them, and dayNumber reads them back', () => {
    // Every day of 1899-2101, every 29th day of the whole range, and each month's last and first day.
    const days: number[] = [];
    for (let day = dayNumber('1899-01-01')!; day <= dayNumber('2101-12-31')!; day++) days.push(day);
    for (let day = first; day <= last; day += 29) days.push(day);
    for (let year = 0; year <= 9999; year++)
      for (let month = 1; month <= 12; month++) days.push(dayNumber(`${pad(year, 4)}-${pad(month, 2)}`)!, dayNumber(`${pad(year, 4)}-${pad(month, 2)}`)! + 1);
    for (const day of days.filter((d) => d <= last)) {
      const text = formatDay(day);
      if (text !== dateForm(day)) expect(text, String(day)).toBe(dateForm(day));
      if (dayNumber(text) !== day) expect(dayNumber(text), text).toBe(day);
    }
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(first)).toBe('0000-01-01');
    expect(formatDay(dayNumber('2016-02-29')!)).toBe('2016-02-29');
  });
});
