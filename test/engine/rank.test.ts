import { describe, expect, it } from 'vitest';
import { rankTotals } from '../../src/engine/rank.js';
import { createRandom } from '../../src/engine/random.js';

// The oracle: every way the unknowns could turn out, by brute force. A case's place in one world
// is 1 + the cases strictly above it; its range is the best and worst over all worlds.
function placesByWorlds(intervals: readonly { low: number; high: number }[]): { best: number; worst: number }[] {
  // Within an interval only its ends and the other cases' ends matter, so each case takes one of them.
  const points = [...new Set(intervals.flatMap((r) => [r.low, r.high]))];
  const choices = intervals.map((r) => points.filter((p) => p >= r.low && p <= r.high));
  const result = intervals.map(() => ({ best: Infinity, worst: -Infinity }));
  const world: number[] = [];
  const walk = (i: number) => {
    if (i === intervals.length) {
      world.forEach((value, k) => {
        const place = 1 + world.filter((other, j) => j !== k && other > value).length;
        result[k]!.best = Math.min(result[k]!.best, place);
        result[k]!.worst = Math.max(result[k]!.worst, place);
      });
      return;
    }
    for (const value of choices[i]!) {
      world[i] = value;
      walk(i + 1);
    }
  };
  walk(0);
  return result;
}

describe('rankTotals', () => {
  it('ranks determined totals competition style, flagging ties', () => {
    expect(rankTotals([50, 100, 75, 75, null])).toEqual([
      { rank: 4, tied: false, rankRange: { best: 4, worst: 4 } },
      { rank: 1, tied: false, rankRange: { best: 1, worst: 1 } },
      { rank: 2, tied: true, rankRange: { best: 2, worst: 2 } },
      { rank: 2, tied: true, rankRange: { best: 2, worst: 2 } },
      { rank: null, tied: false, rankRange: null },
    ]);
  });

  it('gives an interval the places it may take, and leaves open the places it overlaps', () => {
    // 25–50 may be above or below 37.5; both are surely above 10.
    const places = rankTotals([{ low: 25, high: 50 }, 37.5, 10]);
    expect(places.map((p) => p.rankRange)).toEqual([
      { best: 1, worst: 2 },
      { best: 1, worst: 2 },
      { best: 3, worst: 3 },
    ]);
    expect(places.map((p) => p.rank)).toEqual([null, null, 3]);
  });

  it('agrees with every possible world on random intervals', () => {
    const source = createRandom(7);
    const random = () => source.next();
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(random() * 5);
      const intervals = Array.from({ length: n }, () => {
        const a = Math.round(random() * 8) * 12.5;
        const b = random() < 0.5 ? a : Math.round(random() * 8) * 12.5;
        return { low: Math.min(a, b), high: Math.max(a, b) };
      });
      const expected = placesByWorlds(intervals);
      expect(rankTotals(intervals).map((p) => p.rankRange)).toEqual(expected);
    }
  });
  it('ranks determined totals as competition ranks, tied when another total is the same', () => {
    const source = createRandom(11);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(source.next() * 6);
      const totals = Array.from({ length: n }, () => (source.next() < 0.15 ? null : Math.floor(source.next() * 4) * 25));
      const places = rankTotals(totals);
      totals.forEach((total, k) => {
        if (total === null) return expect(places[k]).toEqual({ rank: null, tied: false, rankRange: null });
        const rank = 1 + totals.filter((other) => other !== null && other > total).length;
        const tied = totals.some((other, j) => j !== k && other === total);
        expect(places[k], `${totals.join()} #${k}`).toEqual({ rank, tied, rankRange: { best: rank, worst: rank } });
      });
    }
  });

  it('takes totals within 1e-9 as equal, and an interval narrower than that as a total', () => {
    expect(rankTotals([50, 50 + 5e-10, 40]).map((p) => [p.rank, p.tied])).toEqual([
      [1, true],
      [1, true],
      [3, false],
    ]);
    expect(rankTotals([50, 50 + 5e-9]).map((p) => [p.rank, p.tied])).toEqual([
      [2, false],
      [1, false],
    ]);
    expect(rankTotals([{ low: 60, high: 60 + 5e-10 }, 60, 10])).toEqual([
      { rank: 1, tied: true, rankRange: { best: 1, worst: 1 } },
      { rank: 1, tied: true, rankRange: { best: 1, worst: 1 } },
      { rank: 3, tied: false, rankRange: { best: 3, worst: 3 } },
    ]);
    // At exactly the tolerance (1e-9 - 0 is 1e-9 in binary too): not above, so not a place lower.
    expect(rankTotals([1e-9, 0]).map((p) => p.rankRange)).toEqual([
      { best: 1, worst: 1 },
      { best: 1, worst: 1 },
    ]);
    expect(rankTotals([{ low: 0, high: 1e-9 }])).toEqual([{ rank: 1, tied: false, rankRange: { best: 1, worst: 1 } }]);
    expect(rankTotals([{ low: 0, high: 1e-9 }, 0])).toEqual([
      { rank: 1, tied: true, rankRange: { best: 1, worst: 1 } },
      { rank: 1, tied: true, rankRange: { best: 1, worst: 1 } },
    ]);
    // An open interval is never tied, and a total it overlaps is not tied with it.
    expect(rankTotals([{ low: 40, high: 60 }, 50]).map((p) => p.tied)).toEqual([false, false]);
    // 40 is 1st when the interval turns out 40 too, 2nd when above: open.
    expect(rankTotals([{ low: 40, high: 60 }, 40]).map((p) => [p.rank, p.tied])).toEqual([
      [1, false],
      [null, false],
    ]);
  });
});
