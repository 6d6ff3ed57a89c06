import { TIE_TOLERANCE } from './rank.js';

// Kendall's tau-b in O(n log n), by Knight's algorithm (W. R. Knight, "A Computer Method for
// Calculating Kendall's Tau with Ungrouped Data", JASA 61(314), 1966): sort the pairs by the first
// list (then the second), count the ties of the first list and the joint ties in that order, then
// merge-sort by the second list counting swaps (the discordant pairs) and count its ties. Every
// other count follows from these and n(n-1)/2. Sensitivity compares a ranking with the baseline
// at every sample, so the O(n²) pairwise count made it quadratic in the number of cases.

export interface PairCounts {
  readonly concordant: number;
  readonly discordant: number;
  /** Pairs tied in the first list only, in the second only, and in both. */
  readonly tiedFirst: number;
  readonly tiedSecond: number;
  readonly tiedBoth: number;
}

/**
 * Compares every pair of cases in two lists of totals (same length, same order of cases). Totals
 * within TIE_TOLERANCE of the smallest of a run of such totals are one tie class (the engine
 * rounds totals to 1e-6, so closer totals are the same figure). O(n log n).
 */
export function countPairs(first: ArrayLike<number>, second: ArrayLike<number>): PairCounts {
  const n = first.length;
  const x = tieClasses(first);
  const y = tieClasses(second);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || y[a]! - y[b]!);
  let tiesFirst = 0;
  let tiesBoth = 0;
  for (let i = 0, runX = 1, runXY = 1; i < n; i++) {
    const next = order[i + 1];
    const sameX = next !== undefined && x[next] === x[order[i]!];
    const sameXY = sameX && y[next] === y[order[i]!];
    if (sameX) runX++;
    else {
      tiesFirst += (runX * (runX - 1)) / 2;
      runX = 1;
    }
    if (sameXY) runXY++;
    else {
      tiesBoth += (runXY * (runXY - 1)) / 2;
      runXY = 1;
    }
  }
  const values = Int32Array.from(order, (i) => y[i]!);
  const discordant = mergeSortSwaps(values);
  let tiesSecond = 0;
  for (let i = 0, run = 1; i < n; i++) {
    if (i + 1 < n && values[i + 1] === values[i]) run++;
    else {
      tiesSecond += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  return {
    concordant: pairs - tiesFirst - tiesSecond + tiesBoth - discordant,
    discordant,
    tiedFirst: tiesFirst - tiesBoth,
    tiedSecond: tiesSecond - tiesBoth,
    tiedBoth: tiesBoth,
  };
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

/** Each value's tie class: equal classes for values within TIE_TOLERANCE, in the values' order. */
function tieClasses(values: ArrayLike<number>): Int32Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const classes = new Int32Array(values.length);
  let current = -1;
  let start = -Infinity;
  for (const i of order) {
    if (values[i]! - start > TIE_TOLERANCE) {
      current++;
      start = values[i]!;
    }
    classes[i] = current;
  }
  return classes;
}

/** Sorts `values` in place (bottom-up merge sort) and returns how many strictly inverted pairs it had. */
function mergeSortSwaps(values: Int32Array): number {
  const n = values.length;
  let from: Int32Array = values;
  let to: Int32Array = new Int32Array(n);
  let swaps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // Equal values are not inverted: take the left one first.
        if (from[j]! < from[i]!) {
          swaps += mid - i;
          to[k++] = from[j++]!;
        } else to[k++] = from[i++]!;
      }
      while (i < mid) to[k++] = from[i++]!;
      while (j < hi) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
  }
  if (from !== values) values.set(from);
  return swaps;
}
