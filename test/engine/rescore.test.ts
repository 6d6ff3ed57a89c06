import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord } from '../../src/engine/evaluate.js';
import { buildScoreModel, prepareCase, rescore, rescoreWith, totalParts } from '../../src/engine/rescore.js';
import { capOf, label, linearIn, outcomeOf, totalAt, weighable } from '../../src/engine/sensitivity-case.js';
import { levelEffects, weightEffects } from '../../src/engine/sensitivity-moves.js';
import type { ScoreModel } from '../../src/engine/rescore.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';

// A matrix of two weighted criteria (channel 2, talks 3), a gate (above fair only if political),
// and a criterion that never applies. Every total below is worked out by hand:
// 100 x sum(weight x normalised level) / sum(weight), bands strong 70, fair 40, weak 0.
const MATRIX = `
id: m
title: M
version: "1"
source: {author: test}
fields:
  level:
    type: string
    values: {leaders: Heads of state, expert: Experts}
verdicts:
  - {label: strong, min: 70}
  - {label: fair, min: 40}
  - {label: weak, min: 0}
criteria:
  - id: channel
    title: Channel
    weight: 2
    gates:
      - {above: fair, requires: political}
    levels:
      - label: political
        score: 2
        when: {some: {all: [{type: mechanism}, {field: level, in: [leaders]}]}}
      - {label: created, score: 1, when: {some: {type: mechanism}}}
      - {label: none, score: 0}
  - id: talks
    title: Talks
    weight: 3
    levels:
      - {label: met, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
  - id: skipped
    title: Skipped
    weight: 1
    appliesWhen: {some: {type: summit}}
    levels:
      - {label: yes, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
`;

let built: ScoreModel | undefined;
/** A: created and met (80, capped to fair); B: political, no talks (40); C: nothing (0); D: open. */
function model(): ScoreModel {
  if (built) return built;
  const compiled = compileMatrix(matrixFrom(MATRIX));
  const records: EventSpec[][] = [
    [
      { id: 'mech', type: 'mechanism', fields: { level: 'expert' } },
      { id: 'talk', type: 'meeting' },
    ],
    [{ id: 'mech', type: 'mechanism', fields: { level: 'leaders' } }],
    [],
    [{ id: 'mech', type: 'mechanism' }],
  ];
  const results = records.map((events, i) => evaluateRecord(compiled, { ...makeRecord(events), id: `r${i}` }));
  return (built = buildScoreModel(compiled.matrix, results));
}

describe('buildScoreModel', () => {
  it('keeps the weights, each level normalised (and 0 past the last), and each case cell by cell', () => {
    const m = model();
    expect([...m.weights]).toEqual([
      ['channel', 2],
      ['talks', 3],
      ['skipped', 1],
    ]);
    expect([...m.values]).toEqual([
      ['channel', [1, 0.5, 0, 0]],
      ['talks', [1, 0, 0]],
      ['skipped', [1, 0, 0]],
    ]);
    expect([...m.criteria.keys()]).toEqual(['channel', 'talks', 'skipped']);
    expect(m.cases[0]).toEqual({
      record: 'r0',
      open: false,
      cells: [
        { result: 'channel', criterion: 'channel', party: null, level: 1, factor: 1 },
        { result: 'talks', criterion: 'talks', party: null, level: 0, factor: 1 },
      ],
      gates: [{ result: 'channel', criterion: 'channel', above: 1, requires: 0, cells: [0] }],
    });
    expect(m.cases[1]!.cells.map((c) => c.level)).toEqual([0, 1]);
    expect(m.cases[2]!.cells.map((c) => c.level)).toEqual([2, 1]);
    expect(m.cases.map((c) => c.open)).toEqual([false, false, false, true]);
  });
});

describe('rescore', () => {
  it('totals a case as the matrix weighs it, caps it by its failed gates', () => {
    const m = model();
    const [a, b, c, d] = m.cases as [never, never, never, never];
    expect(totalParts(m, a)).toEqual({ numerator: 4, denominator: 5 });
    expect(rescore(m, a)).toEqual({ score: 80, verdict: 1 });
    expect(rescore(m, b)).toEqual({ score: 40, verdict: 1 });
    expect(rescore(m, c)).toEqual({ score: 0, verdict: 2 });
    expect(rescore(m, d)).toEqual({ score: null, verdict: -1 });
  });

  it('under other weights or levels', () => {
    const m = model();
    const [a, b] = m.cases as [never, never];
    // (1 x 0.5 + 3 x 1) / 4 = 87.5, strong by score, capped at fair.
    expect(
      rescore(
        m,
        a,
        new Map([
          ['channel', 1],
          ['talks', 3],
        ]),
      ),
    ).toEqual({ score: 87.5, verdict: 1 });
    expect(
      rescore(
        m,
        a,
        new Map([
          ['channel', 1],
          ['talks', 0],
        ]),
      ),
    ).toEqual({ score: 50, verdict: 1 });
    expect(rescore(m, a, new Map())).toEqual({ score: null, verdict: -1 });
    // Channel political: (2 + 3) / 5 = 100, and the gate holds.
    expect(rescore(m, a, m.weights, new Map([[0, 0]]))).toEqual({ score: 100, verdict: 0 });
    expect(totalParts(m, a, m.weights, new Map([[1, 1]]))).toEqual({ numerator: 1, denominator: 5 });
    // B with the channel only created and talks met: 80, capped by the gate it now fails.
    expect(
      rescore(
        m,
        b,
        m.weights,
        new Map([
          [0, 1],
          [1, 0],
        ]),
      ),
    ).toEqual({ score: 80, verdict: 1 });
  });
});

describe('prepareCase and rescoreWith', () => {
  it('keeps the sums, weights and failing gates, and rescoring a change agrees with the hand totals', () => {
    const m = model();
    const a = prepareCase(m, m.cases[0]!);
    expect(a.sums).toEqual({
      numerator: 4,
      denominator: 5,
      byCriterion: new Map([
        ['channel', { a: 0.5, b: 1 }],
        ['talks', { a: 1, b: 1 }],
      ]),
    });
    expect(a.cellWeight).toEqual([2, 3]);
    expect(a.gatesOf).toEqual([[0], []]);
    expect(a.failing).toEqual([0]);
    expect(rescoreWith(a, new Map())).toEqual({ score: 80, verdict: 1 });
    expect(rescoreWith(a, new Map([[0, 0]]))).toEqual({ score: 100, verdict: 0 });
    // Talks none, the gate untouched and still failing: (1 + 0) / 5 = 20, weak.
    expect(rescoreWith(a, new Map([[1, 1]]))).toEqual({ score: 20, verdict: 2 });
    // Channel none: 3 / 5 = 60, fair.
    expect(rescoreWith(a, new Map([[0, 2]]))).toEqual({ score: 60, verdict: 1 });
    const b = prepareCase(m, m.cases[1]!);
    expect(b.failing).toEqual([]);
    expect(rescoreWith(b, new Map([[0, 1]]))).toEqual({ score: 20, verdict: 2 });
    expect(
      rescoreWith(
        b,
        new Map([
          [0, 1],
          [1, 0],
        ]),
      ),
    ).toEqual({ score: 80, verdict: 1 });
    expect(rescoreWith(b, new Map([[1, 0]]))).toEqual({ score: 100, verdict: 0 });
    expect(rescoreWith(prepareCase(m, m.cases[3]!), new Map())).toEqual({ score: null, verdict: -1 });
  });
});

describe('sensitivity-case', () => {
  it('outcomes, caps and labels', () => {
    const m = model();
    const a = prepareCase(m, m.cases[0]!);
    expect(label(m, 1)).toBe('fair');
    expect(label(m, 0)).toBe('strong');
    expect(label(m, -1)).toBeNull();
    expect(outcomeOf(a, new Map())).toEqual({ score: 80, verdict: 'fair' });
    expect(outcomeOf(a, new Map([[0, 0]]))).toEqual({ score: 100, verdict: 'strong' });
    expect(outcomeOf(prepareCase(m, m.cases[3]!), new Map())).toEqual({ score: null, verdict: null });
    expect(capOf(a)).toBe(1);
    expect(capOf(prepareCase(m, m.cases[1]!))).toBe(-1);
    expect(weighable(m, 'channel')).toBe(true);
    expect(weighable({ values: new Map([['flat', [0, 0, 0]]]) } as unknown as ScoreModel, 'flat')).toBe(false);
  });

  it('the total as a function of one weight: 100 (A + w a) / (B + w b)', () => {
    const m = model();
    const a = prepareCase(m, m.cases[0]!);
    // Without the channel: A = 4 - 2 x 0.5 = 3, B = 5 - 2 = 3.
    const channel = linearIn(a, 'channel');
    expect(channel).toEqual({ A: 3, B: 3, a: 0.5, b: 1 });
    expect(totalAt(channel, 2)).toBe(80);
    expect(totalAt(channel, 0)).toBe(100);
    expect(totalAt(channel, 6)).toBeCloseTo(200 / 3, 12);
    expect(linearIn(a, 'skipped')).toEqual({ A: 4, B: 5, a: 0, b: 0 });
    expect(linearIn(a, 'unknown')).toEqual({ A: 4, B: 5, a: 0, b: 0 });
    expect(totalAt({ A: 0, B: 0, a: 0, b: 0 }, 1)).toBeNull();
    expect(totalAt({ A: 1, B: -1, a: 0, b: 1 }, 1)).toBeNull();
    expect(totalAt({ A: 1, B: 0, a: 0, b: 1 }, 1)).toBe(100);
  });

  it('takes a difference that should be 0 as 0', () => {
    // 0.3 - 3 x 0.1 is -5.55e-17 in binary; 1 - 3 x (1/3) is 0 either way.
    const fake = {
      model: { weights: new Map([['x', 3]]) },
      sums: { numerator: 0.3, denominator: 1, byCriterion: new Map([['x', { a: 0.1, b: 1 / 3 }]]) },
    } as unknown as Parameters<typeof linearIn>[0];
    expect(0.3 - 3 * 0.1).not.toBe(0);
    expect(linearIn(fake, 'x')).toEqual({ A: 0, B: 0, a: 0.1, b: 1 / 3 });
    // A real remainder is kept: 0.5 - 3 x 0.1.
    const kept = { ...fake, sums: { ...fake.sums, numerator: 0.5 } } as typeof fake;
    expect(linearIn(kept, 'x').A).toBeCloseTo(0.2, 12);
  });
});

describe('sensitivity-moves', () => {
  it('moves each weight one step down and up: (A + w a) / (B + w b), capped as the case stands', () => {
    const m = model();
    const a = prepareCase(m, m.cases[0]!);
    // Channel: A = B = 3, a = 0.5, b = 1; talks: A = 1, B = 2, a = b = 1; skipped adds nothing.
    expect(weightEffects(a, 1)).toEqual([
      { criterion: 'channel', weight: 2, down: { weight: 1, score: 87.5, verdict: 'fair' }, up: { weight: 3, score: 75, verdict: 'fair' } },
      { criterion: 'talks', weight: 3, down: { weight: 2, score: 75, verdict: 'fair' }, up: { weight: 4, score: 83.333333, verdict: 'fair' } },
      { criterion: 'skipped', weight: 1, down: { weight: 0, score: 80, verdict: 'fair' }, up: { weight: 2, score: 80, verdict: 'fair' } },
    ]);
    expect(weightEffects(a, 5)[0]!.down).toEqual({ weight: 0, score: 100, verdict: 'fair' });
    // B (no gate failing): channel A = 0, B = 3, a = b = 1; talks A = 2, B = 2, a = 0, b = 1.
    const b = prepareCase(m, m.cases[1]!);
    expect(weightEffects(b, 1).slice(0, 2)).toEqual([
      { criterion: 'channel', weight: 2, down: { weight: 1, score: 25, verdict: 'weak' }, up: { weight: 3, score: 50, verdict: 'fair' } },
      { criterion: 'talks', weight: 3, down: { weight: 2, score: 50, verdict: 'fair' }, up: { weight: 4, score: 33.333333, verdict: 'weak' } },
    ]);
  });

  it('moves each cell one level down and up', () => {
    const m = model();
    expect(levelEffects(prepareCase(m, m.cases[0]!))).toEqual([
      {
        result: 'channel',
        criterion: 'channel',
        party: null,
        level: 'created',
        down: { level: 'none', score: 60, verdict: 'fair' },
        up: { level: 'political', score: 100, verdict: 'strong' },
      },
      { result: 'talks', criterion: 'talks', party: null, level: 'met', down: { level: 'none', score: 20, verdict: 'weak' }, up: null },
    ]);
    expect(levelEffects(prepareCase(m, m.cases[2]!))).toEqual([
      { result: 'channel', criterion: 'channel', party: null, level: 'none', down: null, up: { level: 'created', score: 20, verdict: 'weak' } },
      { result: 'talks', criterion: 'talks', party: null, level: 'none', down: null, up: { level: 'met', score: 60, verdict: 'fair' } },
    ]);
  });
});

describe('buildScoreModel, per party', () => {
  const matrixText = (aggregation: string) => `
id: p
title: P
version: "1"
source: {author: test}
aggregation: ${aggregation}
verdicts:
  - {label: strong, min: 70}
  - {label: weak, min: 0}
criteria:
  - id: voice
    title: Voice
    weight: 1
    perParty: true
    levels:
      - {label: spoke, score: 1, when: {some: {all: [{type: statement}, {partyIn: actors}]}}}
      - {label: silent, score: 0}
  - id: talks
    title: Talks
    weight: 1
    levels:
      - {label: met, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
`;
  const modelOf = (aggregation: string) => {
    const compiled = compileMatrix(matrixFrom(matrixText(aggregation)));
    const record = makeRecord([
      { id: 'said', type: 'statement', actors: ['US'] },
      { id: 'talk', type: 'meeting' },
    ]);
    return buildScoreModel(compiled.matrix, [evaluateRecord(compiled, record)]);
  };

  it('weighs each party cell as a share of its criterion, or as a criterion of its own under cell-mean', () => {
    // weighted-mean: voice is (1 + 0) / 2 = 0.5 of its weight, so (0.5 + 1) / 2 = 75.
    const mean = modelOf('weighted-mean');
    expect(mean.cases[0]!.cells).toEqual([
      { result: 'voice', criterion: 'voice', party: 'US', level: 0, factor: 0.5 },
      { result: 'voice', criterion: 'voice', party: 'CN', level: 1, factor: 0.5 },
      { result: 'talks', criterion: 'talks', party: null, level: 0, factor: 1 },
    ]);
    expect(rescore(mean, mean.cases[0]!)).toEqual({ score: 75, verdict: 0 });
    // cell-mean: each cell weighs as one criterion: (1 + 0 + 1) / 3.
    const cells = modelOf('cell-mean');
    expect(cells.cases[0]!.cells.map((c) => c.factor)).toEqual([1, 1, 1]);
    expect(rescore(cells, cells.cases[0]!).score).toBeCloseTo(200 / 3, 5);
  });
});
