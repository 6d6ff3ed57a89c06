import { describe, expect, it } from 'vitest';
import { diffEvaluations, type Snapshot, type SnapshotCell } from '../../src/engine/diff.js';

// Snapshots built by hand, as the evaluation@2 JSON has them; every expected change written from
// the rule (delta = B - A in hundredths, ranks by total, 1 best).
type Result = Snapshot['results'][number];
type Criterion = Result['criteria'][number];
const level = (label: string, score = 1) => ({ label, score });
const criterion = (id: string, fields: Partial<Criterion> = {}): Criterion => ({
  id,
  weight: 1,
  applicable: true,
  level: level('High', 2),
  points: 2,
  contribution: 50,
  parties: null,
  ...fields,
});
const result = (id: string, score: number | null, fields: Partial<Result> = {}): Result => ({
  record: { id, title: `Title ${id}` },
  asOf: '2020-01-01',
  score,
  verdict: score === null ? null : 'Pass',
  criteria: [],
  ...fields,
});
const snapshot = (results: Result[], version = '1'): Snapshot => ({ matrix: { id: 'm', version, sha256: null }, results });

describe('diffEvaluations', () => {
  it('pairs cases by record id, the k-th with the k-th, A first, then what B adds', () => {
    const a = snapshot([result('x', 50), result('y', 40), result('x', 30)]);
    const b = snapshot([result('y', 40), result('z', 20), result('x', 50)], '2');
    const diff = diffEvaluations(a, b);
    expect(diff.matrix).toEqual({ a: a.matrix, b: b.matrix });
    expect(diff.cases.map((c) => [c.record, c.status, c.score.a, c.score.b])).toEqual([
      ['x', 'unchanged', 50, 50],
      ['y', 'unchanged', 40, 40],
      ['x', 'removed', 30, null],
      ['z', 'added', null, 20],
    ]);
    // Ranks: A's 50, 40, 30 are 1, 2, 3; B's 40, 20, 50 are 2, 3, 1: x stays 1st and y 2nd.
    expect(diff.cases.map((c) => [c.rank.a, c.rank.b, c.rank.delta])).toEqual([
      [1, 1, 0],
      [2, 2, 0],
      [3, null, null],
      [null, 3, null],
    ]);
  });

  it('is unchanged when nothing of a case moved, and names what changed otherwise', () => {
    const base = result('x', 50, { criteria: [criterion('c1')] });
    expect(diffEvaluations(snapshot([base]), snapshot([base])).cases[0]!.status).toBe('unchanged');
    const changed = (b: Result, a: Result = base) => diffEvaluations(snapshot([a]), snapshot([b])).cases[0]!.status;
    expect(changed({ ...base, score: 51 })).toBe('changed');
    expect(changed({ ...base, scoreRange: { low: 50, high: 60 } })).toBe('changed');
    expect(changed({ ...base, scoreRange: { low: 40, high: 50 } })).toBe('changed');
    expect(changed({ ...base, scoreRange: { low: 50, high: 50 } })).toBe('unchanged');
    expect(changed({ ...base, verdict: 'Fail' })).toBe('changed');
    expect(changed({ ...base, asOf: '2021-01-01' })).toBe('unchanged');
    expect(changed({ ...base, criteria: [criterion('c1', { points: 1 })] })).toBe('changed');
    expect(changed({ ...base, criteria: [] })).toBe('changed');
    // A rank lost to a new case above: the case itself is the same.
    const above = result('w', 90);
    expect(diffEvaluations(snapshot([base]), snapshot([above, base])).cases[0]).toMatchObject({ status: 'changed', rank: { a: 1, b: 2, delta: 1 } });
  });

  it('gives deltas in hundredths, and null where either side has no figure', () => {
    const a = result('x', 70.123, { criteria: [criterion('c1', { weight: 2, points: 1, contribution: 10.004 })] });
    const b = result('x', 75.456, { criteria: [criterion('c1', { weight: 3.5, points: null, contribution: 20.011 })] });
    const [diff] = diffEvaluations(snapshot([a]), snapshot([b])).cases;
    expect(diff!.score).toEqual({ a: 70.123, b: 75.456, delta: 5.33 });
    expect(diff!.asOf).toEqual({ a: '2020-01-01', b: '2020-01-01' });
    expect(diff!.title).toBe('Title x');
    expect(diff!.criteria[0]).toMatchObject({
      id: 'c1',
      status: 'changed',
      weight: { a: 2, b: 3.5, delta: 1.5 },
      points: { a: 1, b: null, delta: null },
      contribution: { a: 10.004, b: 20.011, delta: 10.01 },
    });
    const [down] = diffEvaluations(snapshot([b]), snapshot([a])).cases;
    expect(down!.score.delta).toBe(-5.33);
    const [none] = diffEvaluations(snapshot([result('x', null)]), snapshot([result('x', 10)])).cases;
    expect(none!.score).toEqual({ a: null, b: 10, delta: null });
    expect(none!.scoreRange).toEqual({ a: null, b: { low: 10, high: 10 } });
    expect(none!.verdict).toEqual({ a: null, b: 'Pass' });
    expect(none!.rank).toEqual({ a: null, b: 1, delta: null });
  });

  it('takes the score range and the verdicts an open total allows', () => {
    const open = result('x', null, { scoreRange: { low: 25, high: 50 }, verdict: null, verdicts: ['promise', 'gesture'] });
    const noBands = result('x', null, { verdict: null, verdicts: [] });
    const [diff] = diffEvaluations(snapshot([open]), snapshot([noBands])).cases;
    expect(diff!.scoreRange).toEqual({ a: { low: 25, high: 50 }, b: null });
    expect(diff!.verdict).toEqual({ a: 'promise or gesture', b: null });
    expect(diff!.status).toBe('changed');
    const [same] = diffEvaluations(snapshot([open]), snapshot([open])).cases;
    expect(same!.status).toBe('unchanged');
    expect(same!.rank).toEqual({ a: 1, b: 1, delta: 0 });
  });

  it('diffs criteria by id, A first, then those B adds, with each party in A order then B new ones', () => {
    const party = (name: string, cell: Partial<SnapshotCell> = {}) => ({ party: name, applicable: true, level: level('High'), points: 2, ...cell });
    const a = result('x', 50, {
      criteria: [criterion('c1', { parties: [party('us'), party('fr'), party('de', { points: 1 })] }), criterion('c2')],
    });
    const b = result('x', 50, {
      criteria: [criterion('c3'), criterion('c1', { parties: [party('cn'), party('fr', { level: level('Low') }), party('us'), party('de', { points: 2 })] })],
    });
    const [diff] = diffEvaluations(snapshot([a]), snapshot([b])).cases;
    expect(diff!.criteria.map((c) => [c.id, c.status])).toEqual([
      ['c1', 'changed'],
      ['c2', 'removed'],
      ['c3', 'added'],
    ]);
    expect(diff!.criteria[0]!.parties).toEqual([
      { party: 'us', changed: false, level: { a: 'High', b: 'High' }, points: { a: 2, b: 2, delta: 0 } },
      { party: 'fr', changed: true, level: { a: 'High', b: 'Low' }, points: { a: 2, b: 2, delta: 0 } },
      { party: 'de', changed: true, level: { a: 'High', b: 'High' }, points: { a: 1, b: 2, delta: 1 } },
      { party: 'cn', changed: true, level: { a: null, b: 'High' }, points: { a: null, b: 2, delta: null } },
    ]);
    expect(diff!.criteria[1]).toMatchObject({ level: { a: 'High', b: null }, weight: { a: 1, b: null, delta: null } });
    expect(diff!.criteria[2]).toMatchObject({ applicable: { a: null, b: true }, contribution: { a: null, b: 50, delta: null } });
  });

  it('finds a criterion changed by each of its parts alone', () => {
    const base = criterion('c1', { parties: [{ party: 'us', applicable: true, level: level('High'), points: 2 }] });
    const statusOf = (b: Criterion) =>
      diffEvaluations(snapshot([result('x', 50, { criteria: [base] })]), snapshot([result('x', 50, { criteria: [b] })])).cases[0]!.criteria[0]!.status;
    expect(statusOf(base)).toBe('unchanged');
    expect(statusOf({ ...base, applicable: 'unknown' })).toBe('changed');
    expect(statusOf({ ...base, weight: 2 })).toBe('changed');
    expect(statusOf({ ...base, level: level('Low', 2) })).toBe('changed');
    expect(statusOf({ ...base, level: level('High', 9) })).toBe('unchanged');
    expect(statusOf({ ...base, points: 3 })).toBe('changed');
    expect(statusOf({ ...base, contribution: 51 })).toBe('changed');
    expect(statusOf({ ...base, parties: [{ party: 'us', applicable: true, level: level('High'), points: 1 }] })).toBe('changed');
    expect(statusOf({ ...base, parties: [] })).toBe('changed');
  });

  it('writes a cell level as its label, n/a, or the range an open cell lies in', () => {
    const cells: [Partial<Criterion>, string | null][] = [
      [{}, 'High'],
      [{ applicable: false }, 'n/a'],
      [{ level: null }, null],
      [{ level: null, levelRange: null }, null],
      [{ level: null, levelRange: { low: { label: 'Low' }, high: { label: 'High' } } }, 'Low..High'],
      [{ level: null, levelRange: { low: null, high: { label: 'High' } } }, '(none)..High'],
      [{ level: null, levelRange: { low: { label: 'Low' }, high: null } }, 'Low..(none)'],
      [{ level: null, levelRange: { low: { label: 'Low' }, high: { label: 'Low' } } }, null],
      [{ level: null, levelRange: { low: null, high: null } }, null],
      [{ applicable: 'unknown', level: null, levelRange: { low: { label: 'Low' }, high: { label: 'Low' } } }, 'n/a..Low'],
      [{ applicable: 'unknown', level: null, levelRange: { low: null, high: null } }, 'n/a..(none)'],
      [{ applicable: 'unknown', level: level('Mid'), levelRange: { low: { label: 'Low' }, high: { label: 'High' } } }, 'Mid'],
      [{ applicable: 'unknown', level: null }, null],
    ];
    for (const [fields, expected] of cells) {
      const [diff] = diffEvaluations(snapshot([result('x', 1, { criteria: [criterion('c', fields)] })]), snapshot([])).cases;
      expect(diff!.criteria[0]!.level.a, JSON.stringify(fields)).toBe(expected);
    }
  });
});
