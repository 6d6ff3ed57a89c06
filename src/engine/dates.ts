// Calendar dates as whole day numbers, so every date comparison in the engine is integer arithmetic.

const DASH = 0x2d;

/** The value of the ASCII digit at `i`, or -1. */
function digit(text: string, i: number): number {
  const code = text.charCodeAt(i) - 0x30;
  return code >= 0 && code <= 9 ? code : -1;
}

/** The number of `n` digits at `i`, or -1 when any is not a digit. */
function digits(text: string, i: number, n: number): number {
  let value = 0;
  for (let k = 0; k < n; k++) {
    const d = digit(text, i + k);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Days since 1970-01-01 for `YYYY-MM-DD`, or for the last day of the month for `YYYY-MM`
 * (an event known only by its month has certainly happened by the month's end).
 * Returns undefined for anything that is not a real calendar date, such as 2015-02-30.
 * Integer arithmetic on the characters: records carry thousands of dates.
 */
export function dayNumber(text: string): number | undefined {
  const length = text.length;
  if ((length !== 7 && length !== 10) || text.charCodeAt(4) !== DASH) return undefined;
  // Every year is itself, 0000 to 9999 (proleptic Gregorian, as ISO 8601 has it: 0000 is 1 BC, a
  // leap year). Date.UTC would read 0000-0099 as 1900-1999, and 0099-12-31 would sort after 0100.
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  if (year < 0 || month < 1 || month > 12) return undefined;
  const lastDay = daysInMonth(year, month);
  let day = lastDay;
  if (length === 10) {
    if (text.charCodeAt(7) !== DASH) return undefined;
    day = digits(text, 8, 2);
    if (day < 1 || day > lastDay) return undefined;
  }
  return daysFromCivil(year, month, day);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The `YYYY-MM-DD` form of a day number (H. Hinnant's civil_from_days): integer arithmetic, as
 * dayNumber reads them, since every near miss an explanation reports names its as-of date.
 */
export function formatDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`;
}
