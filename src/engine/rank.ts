import type { Interval } from './score.js';

/** A case's place in a ranking: 1 is best; cases with equal totals share a place and are flagged. */
export interface RankPlace {
  /** Null for a case without a total, or whose place the unknowns leave open (see `rankRange`). */
  readonly rank: number | null;
  /** True when another case has the same determined total. */
  readonly tied: boolean;
  /**
   * The best and worst place the score intervals allow: best counts only the cases surely above,
   * worst every case that may be above. Equal ends when the place is determined; null unranked.
   */
  readonly rankRange: { readonly best: number; readonly worst: number } | null;
}

/** Totals closer than this are equal: they are rounded to 1e-6 before bands are looked up, too. */
export const TIE_TOLERANCE = 1e-9;

/**
 * Ranks totals from highest to lowest, standard competition style: 100, 75, 75, 50 rank 1, 2, 2, 4.
 * A total known only as an interval [low, high] has a range of places: 1 + the cases whose low
 * end is above its high end, to 1 + the cases whose high end is above its low end. With no
 * intervals both ends are the competition rank. O(n log n).
 */
export function rankTotals(totals: readonly (number | Interval | null)[]): RankPlace[] {
  const ranges = totals.map((total) => (total === null ? null : typeof total === 'number' ? { low: total, high: total } : total));
  const lows = ranges.flatMap((range) => (range ? [range.low] : [])).sort((a, b) => b - a);
  const highs = ranges.flatMap((range) => (range ? [range.high] : [])).sort((a, b) => b - a);
  return ranges.map((range) => {
    if (!range) return { rank: null, tied: false, rankRange: null };
    // Cases surely above: low > this high; possibly above: high > this low (itself never counts).
    const best = 1 + countAbove(lows, range.high);
    const worst = 1 + countAbove(highs, range.low) - (range.high > range.low + TIE_TOLERANCE ? 1 : 0);
    const determined = best === worst && range.high - range.low <= TIE_TOLERANCE;
    const tied = determined && countAbove(lows, range.low - 2 * TIE_TOLERANCE) - (best - 1) > 1;
    return { rank: best === worst ? best : null, tied, rankRange: { best, worst } };
  });
}

/** How many of `descending` are above `value` by more than the tie tolerance (binary search). */
function countAbove(descending: readonly number[], value: number): number {
  let lo = 0;
  let hi = descending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (descending[mid]! > value + TIE_TOLERANCE) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
