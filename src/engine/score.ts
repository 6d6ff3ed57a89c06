// Score arithmetic: rounding of totals, band lookup, normalisation, the weight of a party's cell,
// and the bounds of a weighted mean whose parts are known only as intervals (and may or may not
// count). evaluate, rescore, sensitivity and the grid read these, so a total is rounded, a band
// found and a party weighted the same way everywhere.
import { reaches } from './band-edge.js';
import type { VerdictBand } from './types.js';

/** A number known to lie in [low, high]; low === high when it is determined. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

// Totals are sums of floating-point shares; rounding keeps 70 from arriving as 69.99999999 at a band edge.
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/** The total, 0-100 and rounded, of a weighted mean given as its two sums; the caller checks denominator > 0. */
export function totalScore(numerator: number, denominator: number): number {
  return roundScore((100 * numerator) / denominator);
}

/** The best band whose minimum the total reaches (bands are best first), or -1. */
export function bandIndexOf(bands: readonly VerdictBand[], total: number): number {
  // Judged by the total as printed (src/engine/band-edge.ts), as --fail-below is.
  return bands.findIndex((band) => reaches(total, band.min));
}

/** The verdict's band index: the band the total earns, or worse when a failed gate caps it there (cap -1: none). */
export function cappedBandIndex(bands: readonly VerdictBand[], total: number, cap: number): number {
  return Math.max(bandIndexOf(bands, total), cap);
}

/** A level's score above the criterion's lowest, as a share of the range (0 when all levels score alike). */
export function normalise(points: number, maxPoints: number): number {
  return maxPoints > 0 ? points / maxPoints : 0;
}

/**
 * Per-party weighting. Under cell-mean every applicable party cell weighs as much as a criterion
 * of the same weight; under weighted-mean the parties share their criterion's weight evenly.
 * `partyShare` is one cell's part of its criterion's weight, `criterionUnits` the criterion's
 * (the sum of its cells' shares, counted exactly): rescore weighs cells, evaluate criteria.
 */
export function partyShare(byCell: boolean, applicableCells: number): number {
  return byCell ? 1 : 1 / applicableCells;
}

export function criterionUnits(byCell: boolean, applicableCells: number): number {
  return byCell ? applicableCells : 1;
}

/** One part of a weighted mean: its weight, its value's interval, and whether it surely counts. */
export interface MeanPart {
  readonly weight: number;
  readonly low: number;
  readonly high: number;
  /** false: it may or may not count (whether it applies is unknown). */
  readonly certain: boolean;
}

/**
 * The lowest and highest weighted mean the parts allow: each value anywhere in its interval, each
 * uncertain part in or out. The lowest takes every value at its low end and adds uncertain parts
 * in increasing order while they pull the mean down (the best subset is always such a prefix);
 * the highest dually. Null when no part can count; `empty` when it may be that none counts.
 */
export function meanInterval(parts: readonly MeanPart[]): (Interval & { readonly empty: boolean }) | null {
  if (parts.length === 0) return null;
  const certain = parts.filter((part) => part.certain);
  const uncertain = parts.filter((part) => !part.certain);
  const bound = (end: 'low' | 'high') => {
    let weight = 0;
    let sum = 0;
    for (const part of certain) {
      weight += part.weight;
      sum += part.weight * part[end];
    }
    const order = [...uncertain].sort((a, b) => (end === 'low' ? a.low - b.low : b.high - a.high));
    let best = weight > 0 ? sum / weight : undefined;
    for (const part of order) {
      weight += part.weight;
      sum += part.weight * part[end];
      const mean = weight > 0 ? sum / weight : undefined;
      if (mean !== undefined && (best === undefined || (end === 'low' ? mean < best : mean > best))) best = mean;
    }
    return best;
  };
  const low = bound('low');
  const high = bound('high');
  if (low === undefined || high === undefined) return null;
  return { low, high, empty: certain.every((part) => part.weight === 0) };
}
