// The bounds of a weighted mean whose parts are intervals and may or may not count (meanInterval),
// against figures worked out by hand and against a brute-force oracle: the mean is monotone in each
// value, so its extremes are at the ends of the intervals, over every subset of the uncertain parts.
import { describe, expect, it } from 'vitest';
import { meanInterval, type MeanPart } from '../../src/engine/score.js';

const part = (weight: number, low: number, high: number, certain = true): MeanPart => ({ weight, low, high, certain });

/** Every weighted mean the parts allow at their ends, one per subset of the uncertain parts that gives a weight. */
function allMeans(parts: readonly MeanPart[], end: 'low' | 'high'): number[] {
  const certain = parts.filter((p) => p.certain);
  const uncertain = parts.filter((p) => !p.certain);
  const means: number[] = [];
  for (let subset = 0; subset < 2 ** uncertain.length; subset++) {
    const counted = [...certain, ...uncertain.filter((_, i) => (subset >> i) & 1)];
    const weight = counted.reduce((sum, p) => sum + p.weight, 0);
    if (weight > 0) means.push(counted.reduce((sum, p) => sum + p.weight * p[end], 0) / weight);
  }
  return means;
}

describe('the bounds of a weighted mean of intervals (meanInterval)', () => {
  it('of certain parts: the weighted means of the low ends and of the high ends', () => {
    // (1*0 + 3*0.5) / 4 and (1*1 + 3*0.5) / 4.
    const bounds = meanInterval([part(1, 0, 1), part(3, 0.5, 0.5)]);
    expect(bounds?.low).toBeCloseTo(0.375, 12);
    expect(bounds?.high).toBeCloseTo(0.625, 12);
    expect(bounds?.empty).toBe(false);
  });

  it('takes in an uncertain part only while it pulls the mean further, whatever order the parts come in', () => {
    // A certain 0.5 (weight 1), and two uncertain parts of weight 1: lows 0.4 and 0, highs 0.6 and 1.
    // Lowest: with the 0 alone, (0.5 + 0) / 2 = 0.25; with both, (0.5 + 0 + 0.4) / 3 = 0.3: 0.25.
    // Highest: with the 1 alone, (0.5 + 1) / 2 = 0.75; with both, (0.5 + 1 + 0.6) / 3 = 0.7: 0.75.
    const parts = [part(1, 0.5, 0.5), part(1, 0.4, 0.6, false), part(1, 0, 1, false)];
    const bounds = meanInterval(parts);
    expect(bounds?.low).toBeCloseTo(0.25, 12);
    expect(bounds?.high).toBeCloseTo(0.75, 12);
    expect(meanInterval([...parts].reverse())).toEqual(bounds);
  });

  it('takes in both when both pull the mean further', () => {
    // Lows 0 and 0.2 beside a certain 0.5: (0.5 + 0 + 0.2) / 3 = 0.2333 below (0.5 + 0) / 2 = 0.25.
    // Highs 1 and 0.9: (0.5 + 1 + 0.9) / 3 = 0.8 above (0.5 + 1) / 2 = 0.75.
    const bounds = meanInterval([part(1, 0.5, 0.5), part(1, 0.2, 0.9, false), part(1, 0, 1, false)]);
    expect(bounds?.low).toBeCloseTo(0.7 / 3, 12);
    expect(bounds?.high).toBeCloseTo(0.8, 12);
  });

  it('of uncertain parts only: the lowest and highest single part, and it may be that none counts', () => {
    // Weights 2 and 1, lows 0.3 and 0.1, highs 0.6 and 0.9: the 0.1 alone, the 0.9 alone.
    const bounds = meanInterval([part(2, 0.3, 0.6, false), part(1, 0.1, 0.9, false)]);
    expect(bounds).toEqual({ low: 0.1, high: 0.9, empty: true });
  });

  it('passes over a part of weight 0 that would leave the mean undefined', () => {
    // Sorted, the weightless 0.5 comes first: alone it gives no mean; the 0.7 then counts alone.
    expect(meanInterval([part(0, 0.5, 0.5, false), part(1, 0.7, 0.7, false)])).toEqual({ low: 0.7, high: 0.7, empty: true });
    // A certain part of weight 0 counts for nothing: the mean is the uncertain 0.2-0.4 alone.
    expect(meanInterval([part(0, 0.5, 0.5), part(1, 0.2, 0.4, false)])).toEqual({ low: 0.2, high: 0.4, empty: true });
  });

  it('is empty only when no certain part has a weight', () => {
    expect(meanInterval([part(0, 0.5, 0.5), part(1, 0.2, 0.4), part(1, 0, 1, false)])?.empty).toBe(false);
    expect(meanInterval([part(0, 0.5, 0.5), part(0, 0.2, 0.4), part(1, 0, 1, false)])?.empty).toBe(true);
  });

  it('is null when no part can count', () => {
    expect(meanInterval([])).toBeNull();
    expect(meanInterval([part(0, 0.5, 0.5), part(0, 0, 1, false)])).toBeNull();
  });

  it('is the lowest and highest mean over every subset of the uncertain parts (brute force, 300 random cases)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 300; run++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        const a = random();
        const b = random();
        return part(random() < 0.15 ? 0 : Math.ceil(random() * 4), Math.min(a, b), Math.max(a, b), random() < 0.5);
      });
      const lows = allMeans(parts, 'low');
      const bounds = meanInterval(parts);
      if (lows.length === 0) {
        expect(bounds).toBeNull();
        continue;
      }
      expect(bounds?.low).toBeCloseTo(Math.min(...lows), 9);
      expect(bounds?.high).toBeCloseTo(Math.max(...allMeans(parts, 'high')), 9);
      expect(bounds?.empty).toBe(parts.every((p) => !p.certain || p.weight === 0));
    }
  });
});
