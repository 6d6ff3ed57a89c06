// Edge cases of verdictIntervals and rankIntervals (src/engine/sensitivity-intervals.ts) beyond
// test/engine/sensitivity-intervals.test.ts: several band edges on one side, a weight below 1,
// criteria that do not apply, cells under cell-mean, and cases given out of rank order. Levels are
// l0 (best) ... lN, normalised to 0-1; total = 100 (A + w a) / (B + w b) in the weight w, and a band
// edge e is reached from e - 0.005 up. Every expected figure is solved by hand in the comments.
import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord, type CaseResult } from '../../src/engine/evaluate.js';
import { buildScoreModel, prepareCase, type PreparedCase, type ScoreModel } from '../../src/engine/rescore.js';
import { rankIntervals, verdictIntervals } from '../../src/engine/sensitivity-intervals.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';

interface Spec {
  readonly id: string;
  readonly weight: number;
  readonly scores: readonly number[];
  /** Applies only when the record has an event of type `${id}-applies`. */
  readonly conditional?: boolean;
  readonly perParty?: boolean;
}

interface Setup {
  readonly bands: readonly [string, number][];
  readonly specs: readonly Spec[];
  readonly aggregation?: 'weighted-mean' | 'cell-mean';
}

function matrixYaml({ bands, specs, aggregation = 'weighted-mean' }: Setup): string {
  const lines = ['id: m', 'title: M', 'version: "1"', 'source: {author: test}', `aggregation: ${aggregation}`, 'verdicts:'];
  for (const [band, min] of bands) lines.push(`  - {label: ${band}, min: ${min}}`);
  lines.push('criteria:');
  for (const spec of specs) {
    lines.push(`  - id: ${spec.id}`, `    title: ${spec.id}`, `    weight: ${spec.weight}`);
    if (spec.perParty) lines.push('    perParty: true');
    if (spec.conditional) lines.push(`    appliesWhen: {some: {type: ${spec.id}-applies}}`);
    lines.push('    levels:');
    spec.scores.forEach((score, i) => {
      const when = i === spec.scores.length - 1 ? '' : `, when: {some: {type: ${spec.id}-l${i}}}`;
      lines.push(`      - {label: l${i}, score: ${score}${when}}`);
    });
  }
  return lines.join('\n') + '\n';
}

/** Each case: record id, the level index of each criterion (left out: its last level), the conditional criteria that apply. */
interface CaseSpec {
  readonly id: string;
  readonly levels: Readonly<Record<string, number>>;
  readonly applies?: readonly string[];
}

function build(setup: Setup, cases: readonly CaseSpec[]): { model: ScoreModel; results: CaseResult[]; prepared: PreparedCase[] } {
  const compiled = compileMatrix(matrixFrom(matrixYaml(setup)));
  const results = cases.map((c) => {
    const types = [...Object.entries(c.levels).map(([id, level]) => `${id}-l${level}`), ...(c.applies ?? []).map((id) => `${id}-applies`)];
    const events: EventSpec[] = types.map((type, i) => ({ id: `e${i}`, type }));
    return evaluateRecord(compiled, { ...makeRecord(events), id: c.id });
  });
  const model = buildScoreModel(compiled.matrix, results);
  return { model, results, prepared: model.cases.map((c) => prepareCase(model, c)) };
}

const THREE = [2, 1, 0];
const FIVE = [4, 3, 2, 1, 0];
const BANDS: [string, number][] = [
  ['strong', 70],
  ['fair', 40],
  ['weak', 0],
];
const byCriterion = <T extends { criterion: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.criterion, row]));

describe('verdictIntervals', () => {
  it('stops at the nearest of two band edges below the weight', () => {
    // x (3) l0, y (1) l2: 100 w / (w + 1), 75 at w = 3, strong. Falling w meets strong's edge at
    // 100 w = 69.995 (w + 1), w = 69.995 / 30.005 (2.333), then fair's at 39.995 / 60.005 (0.667).
    const { prepared } = build(
      {
        bands: BANDS,
        specs: [
          { id: 'x', weight: 3, scores: THREE },
          { id: 'y', weight: 1, scores: THREE },
        ],
      },
      [{ id: 'c', levels: { x: 0 } }],
    );
    const x = byCriterion(verdictIntervals(prepared[0]!)).get('x')!;
    expect(x).toEqual({ criterion: 'x', weight: 3, from: expect.closeTo(69.995 / 30.005, 9), to: null, below: 'fair', above: null });
  });

  it('names the band just past the nearest edge above, not one further on', () => {
    // x (0.2) l2, y (1) l0: 100 / (1 + w), 83.33, strong. Rising w meets strong's edge at
    // w = 100 / 69.995 - 1 (0.4287) and fair's at 100 / 39.995 - 1 (1.5003); between them it is fair.
    const { prepared } = build(
      {
        bands: BANDS,
        specs: [
          { id: 'x', weight: 0.2, scores: THREE },
          { id: 'y', weight: 1, scores: THREE },
        ],
      },
      [{ id: 'c', levels: { y: 0 } }],
    );
    const x = byCriterion(verdictIntervals(prepared[0]!)).get('x')!;
    expect(x).toEqual({ criterion: 'x', weight: 0.2, from: 0, to: expect.closeTo(100 / 69.995 - 1, 9), below: null, above: 'fair' });
  });

  it('holds upward from a weight below 1, and leaves out a criterion that cannot carry a weight', () => {
    // x (0.8) l0, y (1) l2: 100 w / (w + 1), 44.44, high (40). It only rises with w; it falls to
    // low below 39.995 / 60.005 (0.6665). note weighs 0 and all its levels score alike: no row.
    const { prepared } = build(
      {
        bands: [
          ['high', 40],
          ['low', 0],
        ],
        specs: [
          { id: 'x', weight: 0.8, scores: THREE },
          { id: 'y', weight: 1, scores: THREE },
          { id: 'note', weight: 0, scores: [1, 1] },
        ],
      },
      [{ id: 'c', levels: { x: 0 } }],
    );
    const rows = verdictIntervals(prepared[0]!);
    expect(rows.map((row) => row.criterion)).toEqual(['x', 'y']);
    expect(rows[0]).toEqual({ criterion: 'x', weight: 0.8, from: expect.closeTo(39.995 / 60.005, 9), to: null, below: 'low', above: null });
  });

  it('counts a per-party criterion once per cell under cell-mean', () => {
    // x (0.1, per party: US and CN, both l2) and y (1) l0 under cell-mean: 100 / (1 + 2 w), 83.33.
    // Strong's edge: 1 + 2 w = 100 / 69.995, w = (100 / 69.995 - 1) / 2 (0.2143); fair's at
    // (100 / 39.995 - 1) / 2 (0.7502); between them, fair.
    const { prepared } = build(
      {
        bands: BANDS,
        aggregation: 'cell-mean',
        specs: [
          { id: 'x', weight: 0.1, scores: THREE, perParty: true },
          { id: 'y', weight: 1, scores: THREE },
        ],
      },
      [{ id: 'c', levels: { y: 0 } }],
    );
    const x = byCriterion(verdictIntervals(prepared[0]!)).get('x')!;
    expect(x).toEqual({ criterion: 'x', weight: 0.1, from: 0, to: expect.closeTo((100 / 69.995 - 1) / 2, 9), below: null, above: 'fair' });
  });

  it('a case with no total keeps having none, whatever the weight', () => {
    // Neither criterion applies: no total at any weight, so nothing changes.
    const { prepared } = build(
      {
        bands: BANDS,
        specs: [
          { id: 'x', weight: 1, scores: THREE, conditional: true },
          { id: 'y', weight: 2, scores: THREE, conditional: true },
        ],
      },
      [{ id: 'c', levels: { x: 0, y: 1 } }],
    );
    expect(verdictIntervals(prepared[0]!)).toEqual([
      { criterion: 'x', weight: 1, from: 0, to: null, below: null, above: null },
      { criterion: 'y', weight: 2, from: 0, to: null, below: null, above: null },
    ]);
  });
});

describe('rankIntervals', () => {
  it('ranks the cases by score whatever order they come in, and finds both roots of the quadratic', () => {
    // x (1) and y (1, five levels), note (0, flat: no row). h: x l0, y l4: 100 x 1 / 2 = 50.
    // l: x l2, y l1 (0.75): 37.5. Given l first; h is ahead.
    // Weight w of x: h = 100 w / (w + 1), l = 75 / (w + 1): h ahead while w >= 0.75.
    // Weight v of y: h = 100 / (1 + v), l = 75 v / (1 + v): h ahead while v <= 4/3.
    const { model, results, prepared } = build(
      {
        bands: BANDS,
        specs: [
          { id: 'x', weight: 1, scores: THREE },
          { id: 'y', weight: 1, scores: FIVE },
          { id: 'note', weight: 0, scores: [1, 1] },
        ],
      },
      [
        { id: 'l', levels: { x: 2, y: 1 } },
        { id: 'h', levels: { x: 0, y: 4 } },
      ],
    );
    expect(results.map((r) => r.score)).toEqual([37.5, 50]);
    expect(rankIntervals(model, results, prepared)).toEqual([
      { criterion: 'x', weight: 1, from: expect.closeTo(0.75, 9), to: null, below: ['h', 'l'], above: null },
      { criterion: 'y', weight: 1, from: 0, to: expect.closeTo(4 / 3, 9), below: null, above: ['h', 'l'] },
    ]);
  });

  it('a case ahead where the criterion does not apply: one crossing, from a linear equation', () => {
    // x (1, applies only to q), y (3). p: x n/a, y l1: 50 whatever x weighs. q: x l0, y l2:
    // 100 w / (3 + w), 25 at w = 1; it passes p at w = 3. As y's weight v moves, p stays 50 and
    // q = 100 / (1 + v) (25 at v = 3): p ahead while v >= 1.
    const { model, results, prepared } = build(
      {
        bands: BANDS,
        specs: [
          { id: 'x', weight: 1, scores: THREE, conditional: true },
          { id: 'y', weight: 3, scores: THREE },
        ],
      },
      [
        { id: 'p', levels: { x: 0, y: 1 } },
        { id: 'q', levels: { x: 0, y: 2 }, applies: ['x'] },
      ],
    );
    expect(results.map((r) => r.score)).toEqual([50, 25]);
    expect(rankIntervals(model, results, prepared)).toEqual([
      { criterion: 'x', weight: 1, from: 0, to: expect.closeTo(3, 9), below: null, above: ['p', 'q'] },
      { criterion: 'y', weight: 3, from: expect.closeTo(1, 9), to: null, below: ['p', 'q'], above: null },
    ]);
  });

  it('a case behind where the criterion does not apply: the crossing below the weight', () => {
    // x (4, applies only to p), y (3). p: x l0, y l2: 100 w / (3 + w), 57.14 at w = 4. q: x n/a,
    // y l1: 50. p stays ahead while w >= 3.
    const { model, results, prepared } = build(
      {
        bands: BANDS,
        specs: [
          { id: 'x', weight: 4, scores: THREE, conditional: true },
          { id: 'y', weight: 3, scores: THREE },
        ],
      },
      [
        { id: 'p', levels: { x: 0, y: 2 }, applies: ['x'] },
        { id: 'q', levels: { x: 0, y: 1 } },
      ],
    );
    expect(results.map((r) => r.score)).toEqual([57.142857, 50]);
    const x = byCriterion(rankIntervals(model, results, prepared)).get('x')!;
    expect(x).toEqual({ criterion: 'x', weight: 4, from: expect.closeTo(3, 9), to: null, below: ['p', 'q'], above: null });
  });
});
