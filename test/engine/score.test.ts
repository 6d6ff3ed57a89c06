import { describe, expect, it } from 'vitest';
import { bandIndexOf, cappedBandIndex, criterionUnits, normalise, partyShare, roundScore, totalScore } from '../../src/engine/score.js';
import type { VerdictBand } from '../../src/engine/types.js';

// The one module of score arithmetic that evaluate, rescore and sensitivity share. The expected
// values are worked out by hand from the rules the matrices' docs state.
const BANDS: readonly VerdictBand[] = [
  { label: 'success', min: 70 },
  { label: 'partial', min: 40 },
  { label: 'failure', min: 0 },
];

describe('score arithmetic', () => {
  it('rounds a total to millionths, so shares that add up to 0.3 give 30, not 30.000000000000004', () => {
    expect(100 * (0.1 + 0.2)).not.toBe(30);
    expect(totalScore(0.1 + 0.2, 1)).toBe(30);
    expect(totalScore(2, 3)).toBe(66.666667);
    expect(totalScore(1, 8)).toBe(12.5);
    expect(roundScore(12.3456785)).toBe(12.345679);
  });

  it('finds the best band whose minimum the printed total reaches', () => {
    expect(bandIndexOf(BANDS, 100)).toBe(0);
    expect(bandIndexOf(BANDS, 70)).toBe(0);
    // 69.995 prints as 70.00 and so earns the band that starts at 70; 69.994 prints as 69.99.
    expect(bandIndexOf(BANDS, 69.995)).toBe(0);
    expect(bandIndexOf(BANDS, 69.994)).toBe(1);
    expect(bandIndexOf(BANDS, 40)).toBe(1);
    expect(bandIndexOf(BANDS, 0)).toBe(2);
    expect(bandIndexOf(BANDS.slice(0, 2), 10)).toBe(-1);
  });

  it('lets a failed gate cap the verdict below the band the total earns, never raise it', () => {
    expect(cappedBandIndex(BANDS, 80, -1)).toBe(0);
    expect(cappedBandIndex(BANDS, 80, 1)).toBe(1);
    expect(cappedBandIndex(BANDS, 80, 2)).toBe(2);
    expect(cappedBandIndex(BANDS, 20, 0)).toBe(2);
  });

  it('normalises points between the lowest and highest level, 0 when every level scores alike', () => {
    expect(normalise(3, 4)).toBe(0.75);
    expect(normalise(0, 4)).toBe(0);
    expect(normalise(0, 0)).toBe(0);
  });

  it('weighs parties the same way cell by cell (rescore) as criterion by criterion (evaluate)', () => {
    for (let parties = 1; parties <= 60; parties++) {
      // cell-mean: each party cell weighs as a whole criterion.
      expect(partyShare(true, parties)).toBe(1);
      expect(criterionUnits(true, parties)).toBe(parties);
      // weighted-mean: the parties share one criterion's weight, so the shares add up to one.
      let sum = 0;
      for (let i = 0; i < parties; i++) sum += partyShare(false, parties);
      expect(sum).toBeCloseTo(criterionUnits(false, parties), 12);
      expect(criterionUnits(false, parties)).toBe(1);
    }
  });
});
