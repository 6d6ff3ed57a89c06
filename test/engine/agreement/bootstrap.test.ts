import { describe, expect, it } from 'vitest';
import { krippendorffAlpha, type Codings } from '../../../src/engine/agreement-alpha.js';
import { bootstrapAlpha, nearestRank } from '../../../src/engine/agreement-bootstrap.js';
import { createRandom } from '../../../src/engine/random.js';

const _ = null;
// Krippendorff (2011), section C: the 4 x 12 example, by unit.
const UNITS: Codings[] = [
  [1, 1, _, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [_, 5, 5, 5],
  [_, _, 1, 1],
  [_, 3, _, _],
];

describe('bootstrap interval for alpha', () => {
  it('is the same for the same seed and sample count, and says how it was drawn', () => {
    const a = bootstrapAlpha(UNITS, 'interval', { samples: 500, seed: 7, level: 0.95 });
    const b = bootstrapAlpha(UNITS, 'interval', { samples: 500, seed: 7, level: 0.95 });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ samples: 500, seed: 7, level: 0.95, generator: 'mulberry32' });
  });

  it('draws units with the seeded generator: one sample is the alpha of the units the generator picks', () => {
    // The oracle repeats the draw by hand: 11 pairable units, 11 picks of floor(next() x 11).
    const pairable = UNITS.filter((unit) => unit.filter((v) => v !== null).length >= 2);
    const random = createRandom(42);
    const draw = pairable.map(() => pairable[Math.floor(random.next() * pairable.length)]!);
    const expected = krippendorffAlpha(draw, 'ordinal').alpha;
    const interval = bootstrapAlpha(UNITS, 'ordinal', { samples: 1, seed: 42, level: 0.95 });
    expect(interval.low).toBe(expected);
    expect(interval.high).toBe(expected);
  });

  it('brackets the point estimate on the published example, and narrows at a lower level', () => {
    const alpha = krippendorffAlpha(UNITS, 'interval').alpha!;
    const wide = bootstrapAlpha(UNITS, 'interval', { samples: 1000, seed: 1, level: 0.95 });
    const narrow = bootstrapAlpha(UNITS, 'interval', { samples: 1000, seed: 1, level: 0.5 });
    expect(wide.low!).toBeLessThan(alpha);
    expect(wide.high!).toBeGreaterThanOrEqual(alpha);
    expect(narrow.low!).toBeGreaterThanOrEqual(wide.low!);
    expect(narrow.high!).toBeLessThanOrEqual(wide.high!);
  });

  it('counts draws whose alpha is undefined: a draw that misses the one split unit holds only 1s', () => {
    // Ten units, one split: a draw of ten misses it with probability 0.9^10 = 0.349, about 70 of 200.
    const units: Codings[] = [[1, 2], ...Array.from({ length: 9 }, () => [1, 1])];
    const result = bootstrapAlpha(units, 'nominal', { samples: 200, seed: 3, level: 0.95 });
    expect(result.undefinedSamples).toBeGreaterThan(40);
    expect(result.undefinedSamples).toBeLessThan(100);
    expect(result.low).not.toBeNull();
  });

  it('gives no interval when alpha is undefined on most draws', () => {
    expect(
      bootstrapAlpha(
        [
          [1, 1],
          [1, 1, 1],
        ],
        'nominal',
        { samples: 50, seed: 3, level: 0.95 },
      ),
    ).toMatchObject({ low: null, high: null, undefinedSamples: 50 });
  });

  it('takes percentiles by nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(sorted, 0.025)).toBe(1);
    expect(nearestRank(sorted, 0.5)).toBe(5);
    expect(nearestRank(sorted, 0.975)).toBe(10);
  });

  it('rejects a sample count that is not a positive integer', () => {
    expect(() => bootstrapAlpha(UNITS, 'nominal', { samples: 0, seed: 1, level: 0.95 })).toThrow(RangeError);
  });

  it('rejects a level not strictly between 0 and 1, and says which', () => {
    for (const samples of [0, -1, 1.5])
      expect(() => bootstrapAlpha(UNITS, 'nominal', { samples, seed: 1, level: 0.95 })).toThrow(
        new RangeError(`samples must be a positive integer: ${samples}`),
      );
    for (const level of [0, 1, -0.5, 1.5, Number.NaN])
      expect(() => bootstrapAlpha(UNITS, 'nominal', { samples: 1, seed: 1, level })).toThrow(new RangeError(`level must be between 0 and 1: ${level}`));
    expect(bootstrapAlpha(UNITS, 'nominal', { samples: 1, seed: 1, level: 0.5 }).level).toBe(0.5);
  });

  // The oracle: every draw repeated by hand with the same generator, its alpha, and the
  // nearest-rank percentiles at (1 - level) / 2 and 1 - (1 - level) / 2 of the sorted alphas.
  function byHand(units: Codings[], samples: number, seed: number) {
    const pairable = units.filter((unit) => unit.filter((v) => v !== null).length >= 2);
    const random = createRandom(seed);
    const alphas: number[] = [];
    for (let s = 0; s < samples; s++) {
      const draw = pairable.map(() => pairable[Math.floor(random.next() * pairable.length)]!);
      const alpha = krippendorffAlpha(draw, 'interval').alpha;
      if (alpha !== null) alphas.push(alpha);
    }
    return alphas.sort((a, b) => a - b);
  }
  const rank = (sorted: number[], q: number) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1];

  it('is the nearest-rank percentiles of the draws alphas, sorted as numbers', () => {
    const alphas = byHand(UNITS, 40, 5);
    expect(alphas.length).toBe(40);
    // 0.9: the 2nd and the 38th of 40 (ceil(0.05 x 40) = 2, ceil(0.95 x 40) = 38).
    expect(bootstrapAlpha(UNITS, 'interval', { samples: 40, seed: 5, level: 0.9 })).toEqual({
      low: alphas[1],
      high: alphas[37],
      level: 0.9,
      samples: 40,
      undefinedSamples: 0,
      seed: 5,
      generator: 'mulberry32',
      method: 'units resampled with replacement, percentile interval',
    });
    expect(rank(alphas, 0.05)).toBe(alphas[1]);
    expect(alphas[1]).toBeLessThan(alphas[37]!);
  });

  it('gives an interval when at least half of the draws have an alpha, and none below that', () => {
    // Two units, each all one value: a draw of two has an alpha only when it picks both.
    const units: Codings[] = [
      [1, 1],
      [2, 2],
    ];
    const samples = 10;
    const definedFor = (seed: number) => byHand(units, samples, seed).length;
    const seeds = Array.from({ length: 300 }, (_, i) => i + 1);
    const half = seeds.find((seed) => definedFor(seed) * 2 === samples)!;
    const below = seeds.find((seed) => definedFor(seed) * 2 < samples && definedFor(seed) > 0)!;
    expect(half).toBeDefined();
    expect(below).toBeDefined();
    const atHalf = bootstrapAlpha(units, 'interval', { samples, seed: half, level: 0.95 });
    expect(atHalf.undefinedSamples).toBe(5);
    expect(atHalf.low).not.toBeNull();
    const under = bootstrapAlpha(units, 'interval', { samples, seed: below, level: 0.95 });
    expect(under).toMatchObject({ low: null, high: null, undefinedSamples: samples - definedFor(below) });
  });
});
