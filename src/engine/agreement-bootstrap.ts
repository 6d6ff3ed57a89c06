// A bootstrap interval for alpha: the units are drawn with replacement as many times as there are
// units, alpha is computed on each draw, and the interval is the percentiles of those alphas.
// Units, not single values, are resampled, because a unit's codings are not independent of each
// other. (Hayes & Krippendorff 2007 resample pairs of values instead; over few units the two
// differ, and this one is the textbook nonparametric bootstrap.) The draws come from the engine's
// seeded generator, so the same data, seed and sample count give the same interval everywhere.

import { krippendorffAlpha, type Codings, type Metric } from './agreement-alpha.js';
import { createRandom, RANDOM_GENERATOR } from './random.js';

export const DEFAULT_BOOTSTRAP = { samples: 1000, seed: 1, level: 0.95 } as const;

export interface BootstrapOptions {
  readonly samples: number;
  readonly seed: number;
  /** The interval's coverage, e.g. 0.95. */
  readonly level: number;
}

export interface BootstrapInterval {
  /** Null when too few draws had a defined alpha (fewer than half). */
  readonly low: number | null;
  readonly high: number | null;
  readonly level: number;
  readonly samples: number;
  /** Draws whose alpha is undefined (all values alike), left out of the percentiles. */
  readonly undefinedSamples: number;
  readonly seed: number;
  readonly generator: string;
  readonly method: 'units resampled with replacement, percentile interval';
}

/**
 * The percentile at share q of sorted values: the nearest-rank definition, the value at rank
 * ceil(q x n) (at least 1), so no interpolation rule stands between two implementations.
 */
export function nearestRank(sorted: readonly number[], q: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function bootstrapAlpha(units: readonly Codings[], metric: Metric, options: BootstrapOptions = DEFAULT_BOOTSTRAP): BootstrapInterval {
  const { samples, seed, level } = options;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples must be a positive integer: ${samples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1: ${level}`);
  const random = createRandom(seed);
  const pairable = units.filter((unit) => unit.filter((value) => value !== null).length >= 2);
  const alphas: number[] = [];
  let undefinedSamples = 0;
  for (let s = 0; s < samples; s++) {
    const draw: Codings[] = [];
    for (let u = 0; u < pairable.length; u++) draw.push(pairable[Math.floor(random.next() * pairable.length)]!);
    const { alpha } = krippendorffAlpha(draw, metric);
    if (alpha === null) undefinedSamples++;
    else alphas.push(alpha);
  }
  alphas.sort((a, b) => a - b);
  const enough = alphas.length * 2 >= samples && alphas.length > 0;
  const tail = (1 - level) / 2;
  return {
    low: enough ? nearestRank(alphas, tail) : null,
    high: enough ? nearestRank(alphas, 1 - tail) : null,
    level,
    samples,
    undefinedSamples,
    seed,
    generator: RANDOM_GENERATOR,
    method: 'units resampled with replacement, percentile interval',
  };
}
