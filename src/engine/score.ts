// Score arithmetic: rounding of totals, band lookup, and the bounds of a weighted mean whose
// parts are known only as intervals (and may or may not count). evaluate, rescore, sensitivity
// and the grid read these, so a total is rounded and a band found the same way everywhere.
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

/** The best band whose minimum the total reaches (bands are best first), or -1. */
export function bandIndexOf(bands: readonly VerdictBand[], total: number): number {
  // Judged by the total as printed (src/engine/band-edge.ts), as --fail-below is.
  return bands.findIndex((band) => reaches(total, band.min));
}

/** A level's score above the criterion's lowest, as a share of the range (0 when all levels score alike). */
export function normalise(points: number, maxPoints: number): number {
  return maxPoints > 0 ? points / maxPoints : 0;
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
