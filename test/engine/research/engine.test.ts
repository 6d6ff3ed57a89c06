import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/engine/random.js';
import { countPairs, kendallTau } from '../../../src/engine/kendall.js';
import { rankTotals } from '../../../src/engine/rank.js';
import { buildScoreModel, rescore } from '../../../src/engine/rescore.js';
import { addDuration, eventDates, parseDuration, stepDates } from '../../../src/engine/timeline.js';
import { dayNumber, formatDay } from '../../../src/engine/index.js';
import { bundledMatrix, bundledRecord, MATRICES, RECORDS, scoreBundled } from '../../research/helpers.js';

describe('the seeded generator', () => {
  it('gives the same numbers for the same seed, pinned to the digit', () => {
    const first = createRandom(1);
    const second = createRandom(1);
    const a = Array.from({ length: 5 }, () => first.next());
    expect(a).toEqual(Array.from({ length: 5 }, () => second.next()));
    expect(a.map((x) => x.toFixed(10))).toEqual(['0.6270739406', '0.0027357212', '0.5274470400', '0.9810509675', '0.9683778982']);
  });

  it('is mulberry32 as published, for seeds above 2^31 too', () => {
    // The reference implementation (bryc/code, PRNGs.md), kept here to check against.
    const reference = (seed: number) => () => {
      let t = (seed += 0x6d2b79f5);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (const seed of [0, 1, 2015, 2 ** 31 + 7, 4_000_000_000]) {
      const ours = createRandom(seed);
      const theirs = reference(seed);
      for (let i = 0; i < 100; i++) expect(ours.next()).toBe(theirs());
    }
  });

  it('stays in [0, 1), spreads evenly, and differs by seed', () => {
    const random = createRandom(2015);
    const values = Array.from({ length: 20_000 }, () => random.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    expect(createRandom(2).next()).not.toBe(createRandom(3).next());
  });

  it('refuses a seed that is not a 32-bit whole number', () => {
    expect(() => createRandom(-1)).toThrow(RangeError);
    expect(() => createRandom(1.5)).toThrow(RangeError);
    expect(() => createRandom(2 ** 32)).toThrow(RangeError);
  });
});

describe('ranking', () => {
  it('ranks by total, competition style, flags ties and leaves cases without a total unranked', () => {
    expect(rankTotals([75, 100, null, 75, 50])).toEqual([
      { rank: 2, tied: true, rankRange: { best: 2, worst: 2 } },
      { rank: 1, tied: false, rankRange: { best: 1, worst: 1 } },
      { rank: null, tied: false, rankRange: null },
      { rank: 2, tied: true, rankRange: { best: 2, worst: 2 } },
      { rank: 4, tied: false, rankRange: { best: 4, worst: 4 } },
    ]);
  });

  it("computes Kendall's tau-b, ties included (the scipy.stats.kendalltau example)", () => {
    expect(kendallTau(countPairs([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]))).toBeCloseTo(-0.4714045208, 9);
    expect(kendallTau(countPairs([1, 2, 3], [10, 20, 30]))).toBe(1);
    expect(kendallTau(countPairs([1, 2, 3], [30, 20, 10]))).toBe(-1);
    expect(kendallTau(countPairs([1, 1], [2, 3]))).toBeNull();
  });
});

describe('the score model behind every what-if', () => {
  // Sensitivity re-aggregates levels instead of re-reading records; it must agree with evaluate.
  it.each(MATRICES)('reproduces the total and the verdict of evaluate for %s on every bundled record', (matrixId) => {
    const { matrix } = bundledMatrix(matrixId);
    for (const asOf of [undefined, '2015-12-02', '2016-06-30']) {
      const results = scoreBundled(matrixId, RECORDS, asOf);
      const model = buildScoreModel(matrix, results);
      model.cases.forEach((caseModel, i) => {
        const again = rescore(model, caseModel);
        if (caseModel.open) {
          // A total the record leaves open is not re-weighed at one end or the other.
          expect(results[i]!.score).toBeNull();
          expect(again).toEqual({ score: null, verdict: -1 });
          return;
        }
        expect(again.score).toBe(results[i]!.score);
        expect(again.verdict === -1 ? null : matrix.verdicts[again.verdict]!.label).toBe(results[i]!.verdict);
      });
    }
  });
});

describe('timeline dates', () => {
  it('reads ISO 8601 durations of years, months, weeks and days', () => {
    expect(parseDuration('P1M')).toEqual({ months: 1, days: 0 });
    expect(parseDuration('P1Y6M')).toEqual({ months: 18, days: 0 });
    expect(parseDuration('P2W3D')).toEqual({ months: 0, days: 17 });
    for (const bad of ['P', 'P0D', '1M', 'PT1H', 'P1.5M', 'P-1M', 'p1m']) expect(parseDuration(bad)).toBeUndefined();
  });

  it('counts months from the start, so the end of a month does not drift', () => {
    const start = dayNumber('2016-01-31')!;
    const month = parseDuration('P1M')!;
    expect([1, 2, 3].map((k) => formatDay(addDuration(start, month, k)))).toEqual(['2016-02-29', '2016-03-31', '2016-04-30']);
  });

  it('steps from --from to --to, ends on --to, and gives up past the limit', () => {
    expect(stepDates('2015-09-25', '2016-01-01', parseDuration('P1M')!, 100)).toEqual(['2015-09-25', '2015-10-25', '2015-11-25', '2015-12-25', '2016-01-01']);
    expect(stepDates('2015-01-01', '2015-01-03', parseDuration('P1D')!, 100)).toEqual(['2015-01-01', '2015-01-02', '2015-01-03']);
    expect(stepDates('1900-01-01', '2100-01-01', parseDuration('P1D')!, 5000)).toBeUndefined();
  });

  it('takes the summit and each event date of the 2015 record, a month-only date at its last day', () => {
    const dates = eventDates(bundledRecord('us-china-2015-09'));
    expect(dates[0]).toBe('2015-09-25');
    expect(dates).toContain('2015-12-01');
    expect(dates).toContain('2016-04-30');
    expect(dates[dates.length - 1]).toBe('2018-12-20');
    expect([...dates].sort()).toEqual(dates);
  });
});
