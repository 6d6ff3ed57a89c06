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
});
