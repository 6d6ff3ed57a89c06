import { describe, expect, it } from 'vitest';
import { countPairs, kendallTau } from '../../src/engine/kendall.js';
import { createRandom } from '../../src/engine/random.js';

// The oracle: every pair by definition, O(n^2). Values here are whole numbers, so ties are exact.
function pairsByDefinition(first: readonly number[], second: readonly number[]) {
  const counts = { concordant: 0, discordant: 0, tiedFirst: 0, tiedSecond: 0, tiedBoth: 0 };
  for (let i = 0; i < first.length; i++)
    for (let j = i + 1; j < first.length; j++) {
      const dx = Math.sign(first[i]! - first[j]!);
      const dy = Math.sign(second[i]! - second[j]!);
      if (dx === 0 && dy === 0) counts.tiedBoth++;
      else if (dx === 0) counts.tiedFirst++;
      else if (dy === 0) counts.tiedSecond++;
      else if (dx === dy) counts.concordant++;
      else counts.discordant++;
    }
  return counts;
}

describe("Kendall's tau-b", () => {
  it('matches published values', () => {
    // tau-b of (1,2,3,4) and (1,1,2,3): C = 5, D = 0, one pair tied in the second list only,
    // so 5 / sqrt(6 * 5) = 0.9128709 (as scipy.stats.kendalltau and R's cor(method = "kendall")).
    expect(countPairs([1, 2, 3, 4], [1, 1, 2, 3])).toEqual({ concordant: 5, discordant: 0, tiedFirst: 0, tiedSecond: 1, tiedBoth: 0 });
    expect(kendallTau(countPairs([1, 2, 3, 4], [1, 1, 2, 3]))).toBeCloseTo(0.9128709, 7);
    expect(kendallTau(countPairs([1, 1, 2, 3], [1, 2, 3, 4]))).toBeCloseTo(0.9128709, 7);
    // No ties: (C - D) / (n(n-1)/2). (1,2,3,4,5) against (3,4,1,2,5): C = 6, D = 4, so 0.2.
    expect(countPairs([1, 2, 3, 4, 5], [3, 4, 1, 2, 5])).toEqual({ concordant: 6, discordant: 4, tiedFirst: 0, tiedSecond: 0, tiedBoth: 0 });
    expect(kendallTau(countPairs([1, 2, 3, 4, 5], [3, 4, 1, 2, 5]))).toBeCloseTo(0.2, 12);
    // Ties in both: (1,1,2,2) and (1,2,2,3): pairs 1-3, 1-4, 2-4 concordant, 1-2 and 3-4 tied in the
    // first only, 2-3 in the second only: 3 / sqrt((3 + 2)(3 + 1)) = 0.6708204.
    expect(countPairs([1, 1, 2, 2], [1, 2, 2, 3])).toEqual({ concordant: 3, discordant: 0, tiedFirst: 2, tiedSecond: 1, tiedBoth: 0 });
    expect(kendallTau(countPairs([1, 1, 2, 2], [1, 2, 2, 3]))).toBeCloseTo(0.6708204, 7);
  });

  it('is 1 and -1 for the same and the reversed order, and null when a list is all ties', () => {
    expect(kendallTau(countPairs([1, 2, 3, 4, 5, 6, 7], [10, 20, 30, 40, 50, 60, 70]))).toBe(1);
    expect(kendallTau(countPairs([1, 2, 3, 4, 5, 6, 7], [70, 60, 50, 40, 30, 20, 10]))).toBe(-1);
    expect(kendallTau(countPairs([5, 5, 5], [1, 2, 3]))).toBeNull();
    expect(kendallTau(countPairs([1, 2, 3], [4, 4, 4]))).toBeNull();
    expect(kendallTau(countPairs([], []))).toBeNull();
    expect(kendallTau(countPairs([1], [2]))).toBeNull();
    expect(countPairs([2, 2, 2], [3, 3, 3])).toEqual({ concordant: 0, discordant: 0, tiedFirst: 0, tiedSecond: 0, tiedBoth: 3 });
  });

  it('tau-b from its counts: (C - D) / sqrt((C + D + T1)(C + D + T2))', () => {
    expect(kendallTau({ concordant: 4, discordant: 1, tiedFirst: 3, tiedSecond: 0, tiedBoth: 9 })).toBeCloseTo(3 / Math.sqrt(8 * 5), 12);
    expect(kendallTau({ concordant: 1, discordant: 4, tiedFirst: 0, tiedSecond: 2, tiedBoth: 0 })).toBeCloseTo(-3 / Math.sqrt(5 * 7), 12);
    expect(kendallTau({ concordant: 0, discordant: 0, tiedFirst: 2, tiedSecond: 0, tiedBoth: 1 })).toBeNull();
  });

  it('treats totals within 1e-9 of the smallest of a run as one tie', () => {
    // 0 and 6e-10 are one class; 1.2e-9 is more than 1e-9 above 0, so it starts the next.
    expect(countPairs([0, 6e-10, 1.2e-9], [1, 2, 3])).toEqual({ concordant: 2, discordant: 0, tiedFirst: 1, tiedSecond: 0, tiedBoth: 0 });
    expect(countPairs([1, 2, 3], [5, 5 + 5e-10, 4])).toEqual({ concordant: 0, discordant: 2, tiedFirst: 0, tiedSecond: 1, tiedBoth: 0 });
    expect(countPairs([7, 7 + 1e-10], [3, 3 - 1e-10])).toEqual({ concordant: 0, discordant: 0, tiedFirst: 0, tiedSecond: 0, tiedBoth: 1 });
    // Exactly 1e-9 apart (0 and 1e-9, whose difference is 1e-9 in binary too) is still within.
    expect(countPairs([0, 1e-9], [1, 2])).toEqual({ concordant: 0, discordant: 0, tiedFirst: 1, tiedSecond: 0, tiedBoth: 0 });
  });

  it('counts every kind of pair as the definition does, on random lists with ties', () => {
    const random = createRandom(2026);
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(random.next() * 12);
      const spread = 1 + Math.floor(random.next() * 6);
      const first = Array.from({ length: n }, () => Math.floor(random.next() * spread));
      const second = Array.from({ length: n }, () => Math.floor(random.next() * spread));
      expect(countPairs(first, second), `${first.join()} / ${second.join()}`).toEqual(pairsByDefinition(first, second));
    }
  });

  it('leaves its inputs as they were', () => {
    const first = [3, 1, 2];
    const second = Float64Array.from([9, 8, 7]);
    countPairs(first, second);
    expect(first).toEqual([3, 1, 2]);
    expect([...second]).toEqual([9, 8, 7]);
  });
});
