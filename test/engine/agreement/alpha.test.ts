import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coincidences, krippendorffAlpha, METRICS, type Codings } from '../../../src/engine/agreement-alpha.js';

const _ = null;

/** Rows are coders, columns units, as the papers print them; the engine takes units. */
function byUnit(coders: readonly (readonly (number | null)[])[]): Codings[] {
  return coders[0]!.map((_value, u) => coders.map((row) => row[u]!));
}

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
// Communication, University of Pennsylvania, https://repository.upenn.edu/asc_papers/43,
// section C ("nominal data, any number of observers, missing data"): observers A-D, units 1-12.
// Unit 12 has one value only and pairs nothing.
const KRIPPENDORFF_2011 = byUnit([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]);

// Wikipedia, "Krippendorff's alpha", section "A computational example" (3 coders, 15 units):
// nominal 0.691, interval 0.811. The same data and values are the reference case of the Python
// `krippendorff` package (tests/test_krippendorff.py: 0.691358 nominal, 0.810845 interval).
const WIKIPEDIA_EXAMPLE = byUnit([
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
]);

// Krippendorff (2011), section A ("binary data, two observers, no missing data"): 10 units, alpha 0.095.
const KRIPPENDORFF_2011_BINARY = byUnit([
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]);

describe("Krippendorff's alpha against published values", () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('Krippendorff (2011) 4 observers x 12 units, %s: %s', (metric, published) => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, metric).alpha!).toBeCloseTo(published, 3);
  });

  it('Krippendorff (2011): the coincidence matrix of section C, n.. = 40', () => {
    const table = coincidences(KRIPPENDORFF_2011);
    expect(table.values).toEqual([1, 2, 3, 4, 5]);
    // The paper's margins n_c: 9, 13, 10, 5, 3 (it prints them under the matrix).
    expect(table.n.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([9, 13, 10, 5, 3]);
    expect(table.total).toBeCloseTo(40, 12);
    // o_11 = 7 and o_12 = 4/3 as printed.
    expect(table.o[0]![0]).toBeCloseTo(7, 12);
    expect(table.o[0]![1]).toBeCloseTo(4 / 3, 12);
  });

  it('Wikipedia computational example, nominal: 0.691', () => {
    expect(krippendorffAlpha(WIKIPEDIA_EXAMPLE, 'nominal').alpha!).toBeCloseTo(0.691358, 6);
  });

  it('Wikipedia computational example, interval: 0.811', () => {
    expect(krippendorffAlpha(WIKIPEDIA_EXAMPLE, 'interval').alpha!).toBeCloseTo(0.810845, 6);
  });

  it('Krippendorff (2011) binary example: 0.095, exactly 1 - 19 x 4 / (14 x 6) = 2/21', () => {
    const { alpha } = krippendorffAlpha(KRIPPENDORFF_2011_BINARY, 'nominal');
    expect(alpha!).toBeCloseTo(0.095, 3);
    expect(alpha!).toBeCloseTo(2 / 21, 12);
  });

  it('the same binary example on the -1/+1 scale, interval: 0.095 (two values: interval = nominal, and an affine change of scale leaves interval alpha alone)', () => {
    const signed = KRIPPENDORFF_2011_BINARY.map((unit) => unit.map((v) => (v === null ? null : 2 * v - 1)));
    expect(krippendorffAlpha(signed, 'interval').alpha!).toBeCloseTo(2 / 21, 12);
  });

  it('a -1/0/+1 example worked by hand: coders agree on -1, +1, 0, split 0/+1 and -1/0', () => {
    // Values -1,-1 | 0,1 | 1,1 | 0,0 | -1,0: n = 10 with margins n(-1) = 3, n(0) = 4, n(1) = 3.
    // Observed: two split units, each coincidence counted both ways with difference 1:
    //   sum o d = 4, D_o = 4/10. Expected: sum n_c n_k d over c != k =
    //   2 x (3x4x1 + 4x3x1 + 3x3x4) = 2 x 60 = 120, D_e = 120 / (10 x 9) = 4/3.
    // alpha = 1 - (4/10) / (4/3) = 1 - 3/10 = 0.7.
    const units: Codings[] = [
      [-1, -1],
      [0, 1],
      [1, 1],
      [0, 0],
      [-1, 0],
    ];
    expect(krippendorffAlpha(units, 'interval').alpha!).toBeCloseTo(0.7, 12);
  });
});

describe("Krippendorff's alpha: edge cases", () => {
  it('is undefined when nothing is pairable or every value is the same', () => {
    expect(
      krippendorffAlpha(
        [
          [1, null],
          [null, 2],
        ],
        'nominal',
      ).alpha,
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [2, 2],
          [2, 2],
        ],
        'interval',
      ).alpha,
    ).toBeNull();
  });

  it('is 1 for perfect agreement under every metric', () => {
    for (const metric of METRICS)
      expect(
        krippendorffAlpha(
          [
            [1, 1],
            [2, 2],
            [3, 3, 3],
          ],
          metric,
        ).alpha,
      ).toBe(1);
  });

  it('ignores units coded once (they pair nothing)', () => {
    const base = krippendorffAlpha(WIKIPEDIA_EXAMPLE, 'interval').alpha;
    expect(krippendorffAlpha([...WIKIPEDIA_EXAMPLE, [5, null, null]], 'interval').alpha).toBe(base);
  });
});

/**
 * An independent oracle for the interval and nominal metrics: alpha = 1 - D_o / D_e with D_o the
 * pair differences within units (weighted 1/(m_u - 1)) over n, and D_e the differences of all
 * pairs of pairable values regardless of unit over n(n - 1) (Krippendorff 2011, eq. for D_e).
 * No coincidence matrix.
 */
function alphaByPairs(units: readonly Codings[], delta: (a: number, b: number) => number): number | null {
  const present = units.map((u) => u.filter((v): v is number => v !== null)).filter((u) => u.length >= 2);
  const pooled = present.flat();
  const n = pooled.length;
  let within = 0;
  for (const unit of present) {
    let sum = 0;
    for (let i = 0; i < unit.length; i++) for (let j = 0; j < unit.length; j++) if (i !== j) sum += delta(unit[i]!, unit[j]!);
    within += sum / (unit.length - 1);
  }
  let all = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) all += delta(pooled[i]!, pooled[j]!);
  if (all === 0) return null;
  return 1 - within / n / (all / (n * (n - 1)));
}

describe('coincidences and the disagreements, by hand', () => {
  it('pairs only units coded twice or more, values in numeric order', () => {
    // Units (10, 9) and (9, 9, 10): each value pairs with the others of its unit, weighted
    // 1 / (m - 1); the lone 5 pairs nothing and is no value of the table.
    expect(coincidences([[10, 9], [5, null], [9, 9, 10], [3]])).toStrictEqual({
      values: [9, 10],
      o: [
        [1, 2],
        [2, 0],
      ],
      n: [3, 2],
      total: 5,
    });
    expect(coincidences([[3, 1, 2]]).values).toEqual([1, 2, 3]);
  });

  it('gives the observed and expected disagreement: units (1, 1) and (1, 2), nominal', () => {
    // o11 = 2, o12 = o21 = 1, n1 = 3, n2 = 1, n.. = 4: D_o = 2 / 4, D_e = (3 + 3) / (4 x 3).
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [1, 2],
        ],
        'nominal',
      ),
    ).toEqual({ alpha: 0, observed: 0.5, expected: 0.5, pairableUnits: 2, pairableValues: 4 });
    expect(krippendorffAlpha([], 'nominal')).toEqual({ alpha: null, observed: 0, expected: 0, pairableUnits: 0, pairableValues: 0 });
  });
});

describe("Krippendorff's alpha agrees with the pairwise definition", () => {
  const data = fc.array(fc.array(fc.option(fc.integer({ min: -1, max: 3 }), { nil: null }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 });
  it.each([
    ['interval', (a: number, b: number) => (a - b) ** 2],
    ['nominal', (a: number, b: number) => (a === b ? 0 : 1)],
  ] as const)('%s, on random reliability data with missing codings', (metric, delta) => {
    fc.assert(
      fc.property(data, (units) => {
        const expected = alphaByPairs(units, delta);
        const { alpha } = krippendorffAlpha(units, metric);
        if (expected === null) expect(alpha).toBeNull();
        else expect(alpha!).toBeCloseTo(expected, 9);
      }),
    );
  });
});
