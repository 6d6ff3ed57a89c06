// Calendar dates as whole day numbers, so every date comparison in the engine is integer arithmetic.

const DATE_PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 for `YYYY-MM-DD`, or for the last day of the month for `YYYY-MM`
 * (an event known only by its month has certainly happened by the month's end).
 * Returns undefined for anything that is not a real calendar date, such as 2015-02-30.
 */
export function dayNumber(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const lastDay = daysInMonth(year, month);
  const day = match[3] === undefined ? lastDay : Number(match[3]);
  if (day < 1 || day > lastDay) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The `YYYY-MM-DD` form of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
