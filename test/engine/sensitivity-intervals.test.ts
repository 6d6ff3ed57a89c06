// Checks verdictIntervals and rankIntervals (src/engine/sensitivity-intervals.ts) on a hand-built
// matrix of three criteria: x (weight 1; levels yes/part/no = 1, 0.5, 0), y (weight 2; same
// levels) and z (weight 1; yes/no = 1, 0; a gate: above fair only if z is yes). Bands strong 70, fair 40, weak 0. Every expectation is
// worked out by hand from total = 100 x sum(weight x value) / sum(weight), moving one weight w with
// the others fixed; a band edge e is reached from the total lowestReaching(e) = e - 0.005 up.
import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord } from '../../src/engine/evaluate.js';
import { buildScoreModel, prepareCase, type PreparedCase, type ScoreModel } from '../../src/engine/rescore.js';
import { rankIntervals, verdictIntervals } from '../../src/engine/sensitivity-intervals.js';
import type { CaseResult } from '../../src/engine/evaluate.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';

const MATRIX = `
id: m
title: M
version: "1"
source: {author: test}
verdicts:
  - {label: strong, min: 70}
  - {label: fair, min: 40}
  - {label: weak, min: 0}
criteria:
  - id: x
    title: X
    weight: 1
    levels:
      - {label: yes, score: 2, when: {some: {type: xyes}}}
      - {label: part, score: 1, when: {some: {type: xpart}}}
      - {label: no, score: 0}
  - id: y
    title: Y
    weight: 2
    levels:
      - {label: yes, score: 2, when: {some: {type: yyes}}}
      - {label: part, score: 1, when: {some: {type: ypart}}}
      - {label: no, score: 0}
  - id: z
    title: Z
    weight: 1
    gates:
      - {above: fair, requires: yes}
    levels:
      - {label: yes, score: 1, when: {some: {type: zyes}}}
      - {label: no, score: 0}
`;

/**
 * g1: x no, y yes, z yes: 100 x 3/4 = 75 (strong).
 * g2: x part, y part, z no: 100 x 1.5/4 = 37.5 (weak).
 * g3: x yes, y no, z no: 100 x 1/4 = 25 (weak).
 * g4: the same levels as g2 (37.5), so tied with it. g2, g3 and g4 fail the gate (capped at fair).
 */
function build(): { model: ScoreModel; results: CaseResult[]; prepared: PreparedCase[] } {
  const compiled = compileMatrix(matrixFrom(MATRIX));
  const records: EventSpec[][] = [
    [
      { id: 'a', type: 'yyes' },
      { id: 'b', type: 'zyes' },
    ],
    [
      { id: 'a', type: 'xpart' },
      { id: 'b', type: 'ypart' },
    ],
    [{ id: 'a', type: 'xyes' }],
    [
      { id: 'a', type: 'xpart' },
      { id: 'b', type: 'ypart' },
    ],
  ];
  const results = records.map((events, i) => evaluateRecord(compiled, { ...makeRecord(events), id: `g${i + 1}` }));
  const model = buildScoreModel(compiled.matrix, results);
  return { model, results, prepared: model.cases.map((c) => prepareCase(model, c)) };
}

const byCriterion = <T extends { criterion: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.criterion, row]));

describe('verdictIntervals', () => {
  it('bounds a falling total above (g1, weight of x)', () => {
    const { prepared } = build();
    const x = byCriterion(verdictIntervals(prepared[0]!)).get('x')!;
    // g1 = 300 / (w + 3): strong while 300 / (w + 3) >= 69.995, i.e. w <= 300 / 69.995 - 3
    // (= 1.286); past it the total (about 60) is fair (g1 passes the gate, so no cap). Falling from w = 1, nothing bounds it below.
    expect(x.weight).toBe(1);
    expect(x.from).toBe(0);
    expect(x.below).toBeNull();
    expect(x.to).toBeCloseTo(300 / 69.995 - 3, 9);
    expect(x.above).toBe('fair');
  });

  it('bounds a rising total below (g1, weights of y and z)', () => {
    const { prepared } = build();
    const rows = byCriterion(verdictIntervals(prepared[0]!));
    // y: g1 = 100 (1 + w) / (w + 2) >= 69.995 iff 30.005 w >= 39.99; below it fair, and it never
    // leaves strong upward (it only nears 100).
    const y = rows.get('y')!;
    expect(y.weight).toBe(2);
    expect(y.from).toBeCloseTo(39.99 / 30.005, 9);
    expect(y.below).toBe('fair');
    expect(y.to).toBeNull();
    expect(y.above).toBeNull();
    // z: g1 = 100 (2 + w) / (w + 3) >= 69.995 iff 30.005 w >= 9.985; at w near 0 it is 66.7, fair.
    const z = rows.get('z')!;
    expect(z.from).toBeCloseTo(9.985 / 30.005, 9);
    expect(z.below).toBe('fair');
    expect(z.to).toBeNull();
    expect(z.above).toBeNull();
    expect([...rows.keys()]).toEqual(['x', 'y', 'z']);
  });

  it('stops at the nearest band edge above, not the first one listed (g3, weight of x)', () => {
    const { prepared } = build();
    const x = byCriterion(verdictIntervals(prepared[2]!)).get('x')!;
    // g3 = 100 w / (w + 3). Edges: fair at 100 w = 39.995 (w + 3), w = 119.985 / 60.005 (= 1.9996);
    // strong at w = 209.985 / 30.005 (= 6.998). Weak holds from 0 up to the fair edge only. The
    // gate's cap (fair) lies above weak, so it cannot lift the verdict (the worse of the two wins).
    expect(x.from).toBe(0);
    expect(x.below).toBeNull();
    expect(x.to).toBeCloseTo(119.985 / 60.005, 9);
    expect(x.above).toBe('fair');
  });

  it('a total that does not move with the weight holds everywhere (g3, weight of z)', () => {
    const { prepared } = build();
    // g3 has z = no and x fixed: 100 / (w + 3) for z: 25 at w = 1, falling, always weak (>= 0).
    const z = byCriterion(verdictIntervals(prepared[2]!)).get('z')!;
    expect(z).toEqual({ criterion: 'z', weight: 1, from: 0, to: null, below: null, above: null });
  });
});

describe('rankIntervals', () => {
  it('takes the nearest reversal over all neighbouring pairs (weight of x)', () => {
    const { model, results, prepared } = build();
    const x = byCriterion(rankIntervals(model, results, prepared)).get('x')!;
    // In w: g1 = 300/(w+3), g2 = 100 (0.5 w + 1)/(w+3), g3 = 100 w/(w+3). g1 >= g2 iff w <= 4;
    // g2 >= g3 iff w <= 2. The first pair met reverses at 4, the nearer one (g2, g3) at 2. g4 is
    // tied with g2, in g2's group, so (g4, g3) also reverses at 2, but later: the first pair stays.
    expect(x).toEqual({ criterion: 'x', weight: 1, from: 0, to: expect.closeTo(2, 9), below: null, above: ['g2', 'g3'] });
  });

  it('bounds from below where a pair reverses as the weight falls (weight of y)', () => {
    const { model, results, prepared } = build();
    const y = byCriterion(rankIntervals(model, results, prepared)).get('y')!;
    // In w: g1 = 100 (1 + w)/(w+2), g2 = 100 (0.5 + 0.5 w)/(w+2), g3 = 100/(w+2). g1 >= g2 always;
    // g2 >= g3 iff w >= 1 (and so g4 >= g3: the first of the two pairs is named).
    expect(y).toEqual({ criterion: 'y', weight: 2, from: expect.closeTo(1, 9), to: null, below: ['g2', 'g3'], above: null });
  });

  it('no reversal at all (weight of z)', () => {
    const { model, results, prepared } = build();
    const z = byCriterion(rankIntervals(model, results, prepared)).get('z')!;
    // g1 = 100 (2 + w)/(w+3), g2 = 150/(w+3), g3 = 100/(w+3): the order never changes for w > 0.
    expect(z).toEqual({ criterion: 'z', weight: 1, from: 0, to: null, below: null, above: null });
  });
});
