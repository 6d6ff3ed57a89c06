// Randomness for the engine comes only from here, and only from a seed: the same seed gives the
// same numbers on every platform, so sampled results are reproducible to the last digit.

/** A source of uniform numbers in [0, 1). */
export interface Random {
  next(): number;
}

export const RANDOM_GENERATOR = 'mulberry32';

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state advanced by a Weyl sequence and
 * mixed; every 32-bit seed gives a different stream with a period of 2^32. Plenty for a few
 * million samples, and it needs nothing but 32-bit integer arithmetic.
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer from 0 to 4294967295: ${seed}`);
  let state = seed >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
