/** A case's place in a ranking: 1 is best; cases with equal totals share a place and are flagged. */
export interface RankPlace {
  /** Null for a case without a total: it is not ranked. */
  readonly rank: number | null;
  /** True when another case has the same total. */
  readonly tied: boolean;
}

/** Totals closer than this are equal: they are rounded to 1e-6 before bands are looked up, too. */
export const TIE_TOLERANCE = 1e-9;

/**
 * Ranks totals from highest to lowest, standard competition style: 100, 75, 75, 50 rank 1, 2, 2, 4.
 * O(n log n).
 */
export function rankTotals(totals: readonly (number | null)[]): RankPlace[] {
  const order = totals
    .map((total, index) => ({ total, index }))
    .filter((entry): entry is { total: number; index: number } => entry.total !== null)
    .sort((a, b) => b.total - a.total || a.index - b.index);
  const places: RankPlace[] = totals.map(() => ({ rank: null, tied: false }));
  let i = 0;
  while (i < order.length) {
    let j = i + 1;
    while (j < order.length && Math.abs(order[j]!.total - order[i]!.total) <= TIE_TOLERANCE) j++;
    for (let k = i; k < j; k++) places[order[k]!.index] = { rank: i + 1, tied: j - i > 1 };
    i = j;
  }
  return places;
}
