import { describe, expect, it } from 'vitest';
import { cohenKappa, contingency, fleissKappa, percentAgreement } from '../../../src/engine/agreement-kappa.js';

describe("Cohen's kappa against published values", () => {
  // Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals, two readers,
  // yes/yes 20, yes/no 5, no/yes 10, no/no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
  it('Wikipedia simple example: 0.4', () => {
    const result = cohenKappa([
      [20, 5],
      [10, 15],
    ]);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.5, 12);
    expect(result.kappa!).toBeCloseTo(0.4, 12);
  });

  // Wikipedia, "Cohen's kappa", section "Same percentages but different numbers": two tables with
  // 60% agreement give kappa 0.1304 and 0.2593.
  it.each([
    [
      [
        [45, 15],
        [25, 15],
      ],
      0.1304,
    ],
    [
      [
        [25, 35],
        [5, 35],
      ],
      0.2593,
    ],
  ])('Wikipedia, same agreement, different kappa: %j -> %s', (table, published) => {
    expect(cohenKappa(table).kappa!).toBeCloseTo(published, 4);
  });

  // SAS/STAT User's Guide, PROC FREQ, "Getting Started: Agreement Study" (Table "Skin Condition
  // Data", two dermatologists, 88 patients, terrible/poor/marginal/clear): simple kappa 0.3449.
  // (The guide also prints a weighted kappa; its value could not be checked against the guide's
  // text here, so the weighted kappas are tested below against hand-worked values and an identity.)
  const SKIN = [
    [10, 4, 1, 0],
    [5, 10, 12, 2],
    [2, 4, 12, 5],
    [0, 2, 6, 13],
  ];

  it('SAS skin condition data, simple kappa: 0.3449', () => {
    expect(cohenKappa(SKIN).kappa!).toBeCloseTo(0.3449, 4);
  });

  it('weighted kappa on two categories is unweighted kappa: the Wikipedia example stays 0.4', () => {
    const table = [
      [20, 5],
      [10, 15],
    ];
    expect(cohenKappa(table, 'linear').kappa!).toBeCloseTo(0.4, 12);
    expect(cohenKappa(table, 'quadratic').kappa!).toBeCloseTo(0.4, 12);
  });

  it('a 3 x 3 table worked by hand: unweighted 1/2, linear 5/8, quadratic 3/4', () => {
    // Rows 3, 2, 1; columns 2, 2, 2; n = 6; off the diagonal one unit at (0,1) and one at (1,2).
    // Linear: observed disagreement (0.5 + 0.5) / 6 = 1/6; expected
    //   (3x2x.5 + 3x2x1 + 2x2x.5 + 2x2x.5 + 1x2x1 + 1x2x.5) / 36 = 16/36; kappa = 1 - (1/6)/(4/9) = 5/8.
    // Quadratic: observed (.25 + .25) / 6 = 1/12; expected (1.5 + 6 + 1 + 1 + 2 + .5) / 36 = 1/3;
    //   kappa = 1 - (1/12)/(1/3) = 3/4. Unweighted: p_o = 4/6, p_e = 12/36, kappa = 1/2.
    const table = [
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ];
    expect(cohenKappa(table).kappa!).toBeCloseTo(0.5, 12);
    expect(cohenKappa(table, 'linear').kappa!).toBeCloseTo(5 / 8, 12);
    expect(cohenKappa(table, 'quadratic').kappa!).toBeCloseTo(3 / 4, 12);
  });

  it('quadratic weighted kappa equals 2 s_xy / (s_x^2 + s_y^2 + (mean_x - mean_y)^2) (Fleiss & Cohen 1973)', () => {
    // The identity gives an independent oracle: moments of the category positions, no weights.
    const pairs = SKIN.flatMap((row, i) => row.flatMap((count, j) => Array.from({ length: count }, () => [i, j] as const)));
    const n = pairs.length;
    const mx = pairs.reduce((s, [x]) => s + x, 0) / n;
    const my = pairs.reduce((s, [, y]) => s + y, 0) / n;
    const sxy = pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / n;
    const sxx = pairs.reduce((s, [x]) => s + (x - mx) ** 2, 0) / n;
    const syy = pairs.reduce((s, [, y]) => s + (y - my) ** 2, 0) / n;
    expect(cohenKappa(SKIN, 'quadratic').kappa!).toBeCloseTo((2 * sxy) / (sxx + syy + (mx - my) ** 2), 12);
  });

  it('builds the contingency table from two codings, skipping units either left uncoded', () => {
    expect(contingency([0, 1, 1, null, 2], [0, 1, 2, 1, null], 3)).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 0, 0],
    ]);
  });

  it('is undefined when chance agreement is perfect (a single category)', () => {
    expect(cohenKappa([[4]]).kappa).toBeNull();
  });
});

describe("Fleiss' kappa against published values", () => {
  // Wikipedia, "Fleiss' kappa", section "Worked example": 10 subjects, 14 raters, 5 categories;
  // P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
  const WIKIPEDIA = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];

  it('Wikipedia worked example: P = 0.378, Pe = 0.213, kappa = 0.210', () => {
    const result = fleissKappa(WIKIPEDIA);
    expect(result.observed).toBeCloseTo(0.378, 3);
    expect(result.expected).toBeCloseTo(0.213, 3);
    expect(result.kappa!).toBeCloseTo(0.21, 3);
  });

  it('refuses units with different numbers of coders', () => {
    expect(() =>
      fleissKappa([
        [2, 0],
        [1, 0],
      ]),
    ).toThrow(RangeError);
  });
});

describe('percent agreement', () => {
  it('is the share of agreeing coder pairs, averaged over units coded at least twice', () => {
    // Unit 1: 3 of 3 pairs agree; unit 2: 1 of 3 (2,2 agree; 2,3 twice not); unit 3: coded once.
    expect(
      percentAgreement([
        [1, 1, 1],
        [2, 2, 3],
        [4, null, null],
      ]),
    ).toEqual({ agreement: (1 + 1 / 3) / 2, units: 2 });
  });

  it('for two coders, the Wikipedia simple example: 35 of 50 agree', () => {
    const first = [...Array(25).fill(0), ...Array(25).fill(1)];
    const second = [...Array(20).fill(0), ...Array(5).fill(1), ...Array(10).fill(0), ...Array(15).fill(1)];
    expect(percentAgreement(first.map((a, u) => [a, second[u]])).agreement).toBeCloseTo(0.7, 12);
  });
});
