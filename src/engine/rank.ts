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

export interface PairCounts {
  readonly concordant: number;
  readonly discordant: number;
  /** Pairs tied in the first list only, in the second only, and in both. */
  readonly tiedFirst: number;
  readonly tiedSecond: number;
  readonly tiedBoth: number;
}

/** Compares every pair of cases in two lists of totals (same length, same order of cases). O(n²). */
export function countPairs(first: ArrayLike<number>, second: ArrayLike<number>): PairCounts {
  let concordant = 0;
  let discordant = 0;
  let tiedFirst = 0;
  let tiedSecond = 0;
  let tiedBoth = 0;
  for (let i = 0; i < first.length; i++) {
    for (let j = i + 1; j < first.length; j++) {
      const a = sign(first[i]! - first[j]!);
      const b = sign(second[i]! - second[j]!);
      if (a === 0 && b === 0) tiedBoth++;
      else if (a === 0) tiedFirst++;
      else if (b === 0) tiedSecond++;
      else if (a === b) concordant++;
      else discordant++;
    }
  }
  return { concordant, discordant, tiedFirst, tiedSecond, tiedBoth };
}

/**
 * Kendall's tau-b between two rankings given as totals: (C - D) / sqrt((C + D + T1)(C + D + T2)),
 * where T1 and T2 count the pairs tied in only one of them. Null when either list is all ties.
 */
export function kendallTau(counts: PairCounts): number | null {
  const { concordant: c, discordant: d, tiedFirst, tiedSecond } = counts;
  const denominator = Math.sqrt((c + d + tiedSecond) * (c + d + tiedFirst));
  return denominator === 0 ? null : (c - d) / denominator;
}

function sign(difference: number): number {
  return Math.abs(difference) <= TIE_TOLERANCE ? 0 : difference > 0 ? 1 : -1;
}
