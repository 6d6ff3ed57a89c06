// Checks moveUp and moveDown (src/engine/sensitivity-band-move.ts) on small hand-built matrices.
// Each criterion's levels are l0 (best) ... lN; a level scores as listed, normalised to 0-1 over
// the criterion's range, and total = 100 x sum(weight x value) / sum(weight). A band edge e is
// reached from the total e - 0.005 up (printed in hundredths). Every expected move is worked out
// by hand in the comments: first as few cells as possible, then as few level steps.
import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord } from '../../src/engine/evaluate.js';
import { buildScoreModel, prepareCase, type PreparedCase } from '../../src/engine/rescore.js';
import { moveDown, moveUp } from '../../src/engine/sensitivity-band-move.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';

interface Spec {
  readonly id: string;
  readonly weight: number;
  /** Level scores, best first: level i is labelled `l${i}`. */
  readonly scores: readonly number[];
  /** Gates: the band it caps at, and the index of the level required. */
  readonly gates?: readonly { above: string; requires: number }[];
  /** Every level needs its event: with none, no level is earned. */
  readonly noDefault?: boolean;
}

/** A matrix of the criteria, each level earned by an event of type `${id}-l${i}` (the last one by default). */
function matrixYaml(bands: readonly [string, number][], specs: readonly Spec[]): string {
  const lines = ['id: m', 'title: M', 'version: "1"', 'source: {author: test}', 'verdicts:'];
  for (const [band, min] of bands) lines.push(`  - {label: ${band}, min: ${min}}`);
  lines.push('criteria:');
  for (const spec of specs) {
    lines.push(`  - id: ${spec.id}`, `    title: ${spec.id}`, `    weight: ${spec.weight}`);
    if (spec.gates) {
      lines.push('    gates:');
      for (const gate of spec.gates) lines.push(`      - {above: ${gate.above}, requires: l${gate.requires}}`);
    }
    lines.push('    levels:');
    spec.scores.forEach((score, i) => {
      const when = i === spec.scores.length - 1 && !spec.noDefault ? '' : `, when: {some: {type: ${spec.id}-l${i}}}`;
      lines.push(`      - {label: l${i}, score: ${score}${when}}`);
    });
  }
  return lines.join('\n') + '\n';
}

/** The case whose criteria stand at the given level indexes (a criterion left out: its last level). */
function caseAt(bands: readonly [string, number][], specs: readonly Spec[], levels: Readonly<Record<string, number>>): PreparedCase {
  const compiled = compileMatrix(matrixFrom(matrixYaml(bands, specs)));
  const events: EventSpec[] = Object.entries(levels).map(([id, level], i) => ({ id: `e${i}`, type: `${id}-l${level}` }));
  const result = evaluateRecord(compiled, { ...makeRecord(events), id: 'c' });
  const model = buildScoreModel(compiled.matrix, [result]);
  return prepareCase(model, model.cases[0]!);
}

const THREE = [2, 1, 0];
const change = (criterion: string, from: string | null, to: string, steps: number) => ({ result: criterion, criterion, party: null, from, to, steps });

describe('moveUp', () => {
  it('leaves a gate that caps at the target band itself alone', () => {
    // x (1), y (2), z (1, gate: above fair only at l0). x l2, y l1, z l1: 100 x (0 + 1 + 0) / 4 = 25, weak.
    // The target fair is what z's gate caps at, so z need not rise. Each cell gains 1 at its best
    // level; the tie goes to the first cell, x: 100 x 2 / 4 = 50 at l0, 37.5 at l1 (weak).
    const cased = caseAt(
      [
        ['strong', 70],
        ['fair', 40],
        ['weak', 0],
      ],
      [
        { id: 'x', weight: 1, scores: THREE },
        { id: 'y', weight: 2, scores: THREE },
        { id: 'z', weight: 1, scores: [1, 0], gates: [{ above: 'fair', requires: 0 }] },
      ],
      { x: 2, y: 1, z: 1 },
    );
    expect(moveUp(cased)).toEqual({ direction: 'up', target: 'fair', changes: [change('x', 'l2', 'l0', 2)], outcome: { score: 50, verdict: 'fair' } });
  });

  it('raises a gate that caps below the target first, counting what it gains once', () => {
    // x (1) l0, y (1) l1, z (3, gate: above good only at l0) l1: 100 x (1 + 0.5 + 1.5) / 5 = 60, good.
    // Target top (95) needs z at l0 first: 4.5 / 5 = 90, short; then y, the one cell left that
    // gains (0.5): 5 / 5 = 100. z gains 3 x (1 - 0.5) = 1.5, not 3 x 0.5 x 2 nor 3 / 0.5.
    const cased = caseAt(
      [
        ['top', 95],
        ['good', 50],
        ['low', 0],
      ],
      [
        { id: 'x', weight: 1, scores: THREE },
        { id: 'y', weight: 1, scores: THREE },
        { id: 'z', weight: 3, scores: THREE, gates: [{ above: 'good', requires: 0 }] },
      ],
      { x: 0, y: 1, z: 1 },
    );
    expect(moveUp(cased)).toEqual({
      direction: 'up',
      target: 'top',
      changes: [change('y', 'l1', 'l0', 1), change('z', 'l1', 'l0', 1)],
      outcome: { score: 100, verdict: 'top' },
    });
  });

  it('takes the cell that gains the most, then the nearest level that is enough', () => {
    // q (3) l1 gains 3 x 0.5 = 1.5; p (2) l2 gains 2 x 1 = 2, so p goes first though listed second.
    // Now 100 x 1.5 / 5 = 30, low. p at l1: 100 x 2.5 / 5 = 50, mid (the target) in one step;
    // p at l0 would be 70, top, two steps.
    const cased = caseAt(
      [
        ['top', 70],
        ['mid', 40],
        ['low', 0],
      ],
      [
        { id: 'q', weight: 3, scores: THREE },
        { id: 'p', weight: 2, scores: THREE },
      ],
      { q: 1, p: 2 },
    );
    expect(moveUp(cased)).toEqual({ direction: 'up', target: 'mid', changes: [change('p', 'l2', 'l1', 1)], outcome: { score: 50, verdict: 'mid' } });
  });

  it('goes past the nearest level when that is not enough', () => {
    // As above with mid at 60: p at l1 gives 50 (low), p at l0 gives 100 x 3.5 / 5 = 70 (mid).
    const cased = caseAt(
      [
        ['top', 90],
        ['mid', 60],
        ['low', 0],
      ],
      [
        { id: 'q', weight: 3, scores: THREE },
        { id: 'p', weight: 2, scores: THREE },
      ],
      { q: 1, p: 2 },
    );
    expect(moveUp(cased)).toEqual({ direction: 'up', target: 'mid', changes: [change('p', 'l2', 'l0', 2)], outcome: { score: 70, verdict: 'mid' } });
  });

  it('of two combinations with as few steps, keeps the first found (the first cell nearest its own level)', () => {
    // a, b (1 each) at l2: 0. high (70) needs both: (l1, l1) = 50; (l1, l0) and (l0, l1) = 75 in
    // three steps each; (l0, l0) = 100 in four. The search tries a's nearest level first.
    const cased = caseAt(
      [
        ['high', 70],
        ['low', 0],
      ],
      [
        { id: 'a', weight: 1, scores: THREE },
        { id: 'b', weight: 1, scores: THREE },
      ],
      { a: 2, b: 2 },
    );
    expect(moveUp(cased)).toEqual({
      direction: 'up',
      target: 'high',
      changes: [change('a', 'l2', 'l1', 1), change('b', 'l2', 'l0', 2)],
      outcome: { score: 75, verdict: 'high' },
    });
  });

  it('spends the steps saved on the light cell, and lists the changes in matrix order', () => {
    // l (1) and h (2), five levels each (values 1, 0.75, 0.5, 0.25, 0), both at l4: 0. top (83)
    // needs 2 (1 - h/4) + (1 - l/4) >= 3 x 0.82995: h l0 and l l2 give 2.5 (83.33) in 4 + 2 = 6
    // steps; h l1 needs l l0 (7 steps); h l2 gives at most 2 (66.67). h gains more, so it was
    // chosen first, yet the changes are listed as the matrix lists the criteria.
    const cased = caseAt(
      [
        ['top', 83],
        ['low', 0],
      ],
      [
        { id: 'l', weight: 1, scores: [4, 3, 2, 1, 0] },
        { id: 'h', weight: 2, scores: [4, 3, 2, 1, 0] },
      ],
      {},
    );
    expect(moveUp(cased)).toEqual({
      direction: 'up',
      target: 'top',
      changes: [change('l', 'l4', 'l2', 2), change('h', 'l4', 'l0', 4)],
      outcome: { score: 83.333333, verdict: 'top' },
    });
  });

  const ELEVEN = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];

  it('past 50,000 combinations steps each cell back in turn, the one that gains most first', () => {
    // h (2) and l1-l4 (1), eleven levels each (level k is worth 1 - k/10), all at l10: 0. top (90)
    // needs all five: 10 levels each, 10^5 combinations, so no full search. With the others at
    // l0, h can go back to l3: 2 x 0.7 + 4 = 5.4, 90; l4 gives 86.67. Then no step back is left
    // for l1-l4. (A full search would do better, six steps back on l1-l4: 44 steps, not 47.)
    const specs: Spec[] = ['h', 'l1', 'l2', 'l3', 'l4'].map((id) => ({ id, weight: id === 'h' ? 2 : 1, scores: ELEVEN }));
    const move = moveUp(
      caseAt(
        [
          ['top', 90],
          ['low', 0],
        ],
        specs,
        {},
      ),
    );
    expect(move).toEqual({
      direction: 'up',
      target: 'top',
      changes: [change('h', 'l10', 'l3', 7), ...['l1', 'l2', 'l3', 'l4'].map((id) => change(id, 'l10', 'l0', 10))],
      outcome: { score: 90, verdict: 'top' },
    });
  });

  it('at exactly 50,000 combinations still searches them all', () => {
    // h (2, eleven levels), l1-l3 (1, eleven levels), s (1, six levels: 0.2 a step), all at the
    // bottom: 10 x 10 x 10 x 10 x 5 = 50,000 combinations. top (90) allows a loss of 0.6 of 6:
    // six steps back on l1-l3 (0.1 each) against three on h or s (0.2 each), so 45 - 6 = 39
    // steps. Stepping back h first, as past the limit, would take 42.
    const specs: Spec[] = [
      ...['h', 'l1', 'l2', 'l3'].map((id) => ({ id, weight: id === 'h' ? 2 : 1, scores: ELEVEN })),
      { id: 's', weight: 1, scores: [5, 4, 3, 2, 1, 0] },
    ];
    const move = moveUp(
      caseAt(
        [
          ['top', 90],
          ['low', 0],
        ],
        specs,
        {},
      ),
    );
    expect(move.changes!.map((c) => c.criterion)).toEqual(['h', 'l1', 'l2', 'l3', 's']);
    expect(move.changes!.reduce((sum, c) => sum + c.steps, 0)).toBe(39);
    expect(move.outcome).toEqual({ score: 90, verdict: 'top' });
  });

  it('raises a cell that earned no level, which scores as the lowest, from nothing', () => {
    // n (1) has no level without an event and gets none: it counts, scoring 0 (as l1 would), so
    // the total is 0, low. n at l1 still gives 0; n at l0 gives 100, top, two steps from nothing.
    const cased = caseAt(
      [
        ['top', 50],
        ['low', 0],
      ],
      [{ id: 'n', weight: 1, scores: [1, 0], noDefault: true }],
      {},
    );
    expect(moveUp(cased)).toEqual({ direction: 'up', target: 'top', changes: [change('n', null, 'l0', 2)], outcome: { score: 100, verdict: 'top' } });
  });

  it('says so at the best band', () => {
    const cased = caseAt(
      [
        ['high', 50],
        ['low', 0],
      ],
      [{ id: 'a', weight: 1, scores: THREE }],
      { a: 0 },
    );
    expect(moveUp(cased)).toEqual({ direction: 'up', target: null, changes: null, outcome: null });
  });
});

describe('moveDown', () => {
  it('says so at the worst band', () => {
    const cased = caseAt(
      [
        ['high', 50],
        ['low', 0],
      ],
      [{ id: 'a', weight: 1, scores: THREE }],
      { a: 2 },
    );
    expect(moveDown(cased)).toEqual({ direction: 'down', target: null, changes: null, outcome: null });
  });

  it('lowers the cell that loses the most, only as far as needed, not a gate that caps above the target', () => {
    // x (2, five levels) l0, y (1.5, gate: above mid only at l0) l0, f (1) l1:
    // 100 x (2 + 1.5) / 4.5 = 77.78, mid. low needs the numerator below 4.5 x 0.49995 = 2.2498:
    // x loses 2 at most, y 1.5, so x: l1 3.0, l2 2.5, l3 2.0 (44.44). Failing y's gate caps at mid,
    // no lower, so it is no way down by itself (though y at l1 would also give 2.0).
    const cased = caseAt(
      [
        ['top', 90],
        ['mid', 50],
        ['low', 0],
      ],
      [
        { id: 'x', weight: 2, scores: [4, 3, 2, 1, 0] },
        { id: 'y', weight: 1.5, scores: [1, 0], gates: [{ above: 'mid', requires: 0 }] },
        { id: 'f', weight: 1, scores: [1, 0] },
      ],
      { x: 0, y: 0, f: 1 },
    );
    expect(moveDown(cased)).toEqual({
      direction: 'down',
      target: 'low',
      changes: [change('x', 'l0', 'l3', 3)],
      outcome: { score: 44.444444, verdict: 'low' },
    });
  });

  it('takes the cell that loses the most though it is listed second', () => {
    // a (1) l0, b (2) l0: 100, top. mid needs below 89.995: b at l1 loses 1, 100 x 2 / 3 = 66.67
    // (mid); a at l1 would give 83.33.
    const cased = caseAt(
      [
        ['top', 90],
        ['mid', 50],
        ['low', 0],
      ],
      [
        { id: 'a', weight: 1, scores: THREE },
        { id: 'b', weight: 2, scores: THREE },
      ],
      { a: 0, b: 0 },
    );
    expect(moveDown(cased)).toEqual({ direction: 'down', target: 'mid', changes: [change('b', 'l0', 'l1', 1)], outcome: { score: 66.666667, verdict: 'mid' } });
  });

  it('fails a gate in the fewest steps, the first such cell on a tie, never past its last level', () => {
    // x (1) l0: 100, top. g3, g2, g1, g4 weigh 0 (they do not move the total) and each has a gate
    // above mid requiring l1, which fails (caps at mid, the target) one level below it: g3 has no
    // level below l1 (skipped), g2 and g4 at l1 need one step, g1 at l0 two. By score, x to l1
    // is one step too: as many cells and steps as g2, so the gate stays.
    const gate = [{ above: 'mid', requires: 1 }];
    const cased = caseAt(
      [
        ['top', 70],
        ['mid', 40],
        ['low', 0],
      ],
      [
        { id: 'x', weight: 1, scores: [1, 0] },
        { id: 'g3', weight: 0, scores: [1, 0], gates: gate },
        { id: 'g2', weight: 0, scores: THREE, gates: gate },
        { id: 'g1', weight: 0, scores: [3, 2, 1, 0], gates: gate },
        { id: 'g4', weight: 0, scores: THREE, gates: gate },
      ],
      { x: 0, g3: 1, g2: 1, g1: 0, g4: 1 },
    );
    expect(moveDown(cased)).toEqual({ direction: 'down', target: 'mid', changes: [change('g2', 'l1', 'l2', 1)], outcome: { score: 100, verdict: 'mid' } });
  });

  it('prefers a change by score in fewer steps over failing a gate', () => {
    // x (1, five levels) l2: 100 x 0.5 = 50, top. mid needs below 49.995: x at l3, 25, one step.
    // g (weight 0, gate above mid requiring l1) at l0 fails in two steps. One cell each: one step wins.
    const cased = caseAt(
      [
        ['top', 50],
        ['mid', 20],
        ['low', 0],
      ],
      [
        { id: 'x', weight: 1, scores: [4, 3, 2, 1, 0] },
        { id: 'g', weight: 0, scores: THREE, gates: [{ above: 'mid', requires: 1 }] },
      ],
      { x: 2, g: 0 },
    );
    expect(moveDown(cased)).toEqual({ direction: 'down', target: 'mid', changes: [change('x', 'l2', 'l3', 1)], outcome: { score: 25, verdict: 'mid' } });
  });
});
