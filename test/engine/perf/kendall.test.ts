// Kendall's tau-b by Knight's O(n log n) algorithm (src/engine/kendall.ts) against an independent
// oracle: the definition, comparing every pair (O(n²)), written here; and published values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPairs, kendallTau, type PairCounts } from '../../../src/engine/kendall.js';

/** The definition: every pair, classified by the signs of its two differences. */
function pairsByDefinition(first: readonly number[], second: readonly number[]): PairCounts {
  const counts = { concordant: 0, discordant: 0, tiedFirst: 0, tiedSecond: 0, tiedBoth: 0 };
  for (let i = 0; i < first.length; i++) {
    for (let j = i + 1; j < first.length; j++) {
      const a = Math.sign(first[i]! - first[j]!);
      const b = Math.sign(second[i]! - second[j]!);
      if (a === 0 && b === 0) counts.tiedBoth++;
      else if (a === 0) counts.tiedFirst++;
      else if (b === 0) counts.tiedSecond++;
      else if (a === b) counts.concordant++;
      else counts.discordant++;
    }
  }
  return counts;
}

describe("Kendall's tau-b", () => {
  it('gives the published values, ties included', () => {
    // tau-b with one tie in the second list: 5 / sqrt(6 * 5) (scipy.stats.kendalltau gives 0.9128709291752769).
    expect(kendallTau(countPairs([1, 2, 3, 4], [1, 1, 2, 3]))).toBeCloseTo(0.9128709, 7);
    // The scipy.stats.kendalltau documentation's example: -0.47140452079103173.
    expect(kendallTau(countPairs([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]))).toBeCloseTo(-0.4714045208, 9);
    expect(kendallTau(countPairs([1, 2, 3], [10, 20, 30]))).toBe(1);
    expect(kendallTau(countPairs([1, 2, 3], [30, 20, 10]))).toBe(-1);
    expect(kendallTau(countPairs([1, 1], [2, 3]))).toBeNull();
  });

  it('counts every kind of pair as the pairwise definition does, on lists with many ties', () => {
    const lists = fc
      .integer({ min: 0, max: 60 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(lists, ([first, second]) => {
        expect(countPairs(first, second)).toEqual(pairsByDefinition(first, second));
      }),
      { seed: 16, numRuns: 400 },
    );
  });

  it('treats totals closer than the tie tolerance as tied, as rounding to 1e-6 makes them', () => {
    expect(countPairs([50, 50 + 1e-12, 70], [1, 2, 3])).toEqual({ concordant: 2, discordant: 0, tiedFirst: 1, tiedSecond: 0, tiedBoth: 0 });
  });

  it('counts the 5e9 pairs of a reversed list of 100,000 totals', () => {
    const n = 100_000;
    const up = Array.from({ length: n }, (_, i) => i);
    const counts = countPairs(
      up,
      up.map((i) => -i),
    );
    expect(counts.discordant).toBe((n * (n - 1)) / 2);
    expect(kendallTau(counts)).toBe(-1);
  });
});
