import type { Comparison } from './types.js';

// Three truth values (Kleene's strong logic), as small integers so that `all` is a minimum,
// `any` a maximum and `not` a subtraction: the compiled tests stay plain number code.

/** FAILS 0, UNKNOWN 1, HOLDS 2. */
export type Truth = 0 | 1 | 2;
export const FAILS = 0;
export const UNKNOWN = 1;
export const HOLDS = 2;

export const truthOf = (value: boolean): Truth => (value ? HOLDS : FAILS);

/**
 * Whether `count >= needed` for a count known to lie in [surely, surely + maybe]: at least the
 * parts that hold, at most those that hold or are unknown.
 */
export function atLeastTruth(surely: number, maybe: number, needed: number): Truth {
  if (surely >= needed) return HOLDS;
  return surely + maybe >= needed ? UNKNOWN : FAILS;
}

/** A comparison of a number known to lie in [low, high] with `value`: holds for all of them, none, or some. */
export function compareRange(low: number, high: number, comparison: Comparison, value: number): Truth {
  switch (comparison) {
    case 'equals':
      return low === value && high === value ? HOLDS : value < low || value > high ? FAILS : UNKNOWN;
    case 'gt':
      return low > value ? HOLDS : high <= value ? FAILS : UNKNOWN;
    case 'gte':
      return low >= value ? HOLDS : high < value ? FAILS : UNKNOWN;
    case 'lt':
      return high < value ? HOLDS : low >= value ? FAILS : UNKNOWN;
    case 'lte':
      return high <= value ? HOLDS : low > value ? FAILS : UNKNOWN;
  }
}
