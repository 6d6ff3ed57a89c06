import { describe, expect, it } from 'vitest';
import { atLeastTruth, compareRange, FAILS, HOLDS, truthOf, UNKNOWN } from '../../src/engine/truth.js';
import type { Comparison } from '../../src/engine/types.js';

// The oracle: a comparison of a number known to lie in [low, high] holds when it holds for every
// integer there, fails when it holds for none, and is unknown otherwise (the tests use integers).
const COMPARE: Record<Comparison, (a: number, b: number) => boolean> = {
  equals: (a, b) => a === b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

function byWorlds(low: number, high: number, comparison: Comparison, value: number): number {
  const outcomes = new Set<boolean>();
  for (let x = low; x <= high; x++) outcomes.add(COMPARE[comparison](x, value));
  return outcomes.size === 2 ? UNKNOWN : outcomes.has(true) ? HOLDS : FAILS;
}

describe('truth values', () => {
  it('are FAILS 0, UNKNOWN 1, HOLDS 2, and truthOf maps a boolean to its end', () => {
    expect([FAILS, UNKNOWN, HOLDS]).toEqual([0, 1, 2]);
    expect(truthOf(true)).toBe(HOLDS);
    expect(truthOf(false)).toBe(FAILS);
  });

  it('atLeastTruth: holds when the sure parts suffice, unknown when the maybes could, else fails', () => {
    expect(atLeastTruth(3, 0, 3)).toBe(HOLDS);
    expect(atLeastTruth(4, 2, 3)).toBe(HOLDS);
    expect(atLeastTruth(2, 1, 3)).toBe(UNKNOWN);
    expect(atLeastTruth(2, 5, 3)).toBe(UNKNOWN);
    expect(atLeastTruth(0, 3, 3)).toBe(UNKNOWN);
    expect(atLeastTruth(1, 1, 3)).toBe(FAILS);
    expect(atLeastTruth(2, 0, 3)).toBe(FAILS);
    expect(atLeastTruth(0, 0, 0)).toBe(HOLDS);
  });

  it('atLeastTruth agrees with every count the maybes allow', () => {
    for (let surely = 0; surely <= 4; surely++)
      for (let maybe = 0; maybe <= 4; maybe++)
        for (let needed = 0; needed <= 9; needed++) {
          const counts = Array.from({ length: maybe + 1 }, (_, k) => surely + k >= needed);
          const expected = counts.every(Boolean) ? HOLDS : counts.some(Boolean) ? UNKNOWN : FAILS;
          expect(atLeastTruth(surely, maybe, needed), `${surely} ${maybe} ${needed}`).toBe(expected);
        }
  });

  it('compareRange at the edges of each comparison', () => {
    expect(compareRange(5, 5, 'equals', 5)).toBe(HOLDS);
    expect(compareRange(4, 5, 'equals', 5)).toBe(UNKNOWN);
    expect(compareRange(5, 6, 'equals', 5)).toBe(UNKNOWN);
    expect(compareRange(6, 7, 'equals', 5)).toBe(FAILS);
    expect(compareRange(3, 4, 'equals', 5)).toBe(FAILS);
    expect(compareRange(6, 9, 'gt', 5)).toBe(HOLDS);
    expect(compareRange(5, 9, 'gt', 5)).toBe(UNKNOWN);
    expect(compareRange(1, 5, 'gt', 5)).toBe(FAILS);
    expect(compareRange(1, 6, 'gt', 5)).toBe(UNKNOWN);
    expect(compareRange(5, 9, 'gte', 5)).toBe(HOLDS);
    expect(compareRange(4, 9, 'gte', 5)).toBe(UNKNOWN);
    expect(compareRange(1, 5, 'gte', 5)).toBe(UNKNOWN);
    expect(compareRange(1, 4, 'gte', 5)).toBe(FAILS);
    expect(compareRange(1, 4, 'lt', 5)).toBe(HOLDS);
    expect(compareRange(1, 5, 'lt', 5)).toBe(UNKNOWN);
    expect(compareRange(4, 9, 'lt', 5)).toBe(UNKNOWN);
    expect(compareRange(5, 9, 'lt', 5)).toBe(FAILS);
    expect(compareRange(1, 5, 'lte', 5)).toBe(HOLDS);
    expect(compareRange(1, 6, 'lte', 5)).toBe(UNKNOWN);
    expect(compareRange(5, 9, 'lte', 5)).toBe(UNKNOWN);
    expect(compareRange(6, 9, 'lte', 5)).toBe(FAILS);
  });

  it('compareRange agrees with every integer of the range', () => {
    for (const comparison of Object.keys(COMPARE) as Comparison[])
      for (let low = 0; low <= 4; low++)
        for (let high = low; high <= 4; high++)
          for (let value = -1; value <= 5; value++)
            expect(compareRange(low, high, comparison, value), `${comparison} [${low}, ${high}] ${value}`).toBe(byWorlds(low, high, comparison, value));
  });
});
