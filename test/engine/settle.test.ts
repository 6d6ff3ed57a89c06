import { describe, expect, it } from 'vitest';
import { settlements } from '../../src/engine/settle.js';
import type { UnknownFact } from '../../src/engine/unknowns.js';
import type { CaseRecord, DeclaredValue, FieldDeclaration, FieldValue, Matrix, SummitEvent } from '../../src/engine/types.js';

// settlements takes the scoring function as an argument, so these tests give it a small one whose
// outcomes are written in a table, and check what settlements tries and how it groups the answers.
type Cell = {
  id: string;
  applicable: boolean | 'unknown';
  level: { label: string } | null;
  levelRange: { low: { label: string } | null; high: { label: string } | null } | null;
  unknown: UnknownFact[];
};
type Scored = { verdict: string | null; verdicts: string[]; criteria: Cell[] };
type Options = { explain?: boolean; tag?: string };

const declare = (name: string, values: DeclaredValue['value'][] | undefined, type: FieldDeclaration['type'] = 'string'): FieldDeclaration => ({
  name,
  type,
  absent: { kind: 'unknown' },
  ...(values ? { values: values.map((value) => ({ value, meaning: `means ${String(value)}` })) } : {}),
});

function matrixWith(fields: Record<string, FieldDeclaration> | undefined) {
  return { matrix: { fields } as unknown as Matrix };
}
const event = (id: string, fields: Record<string, FieldValue> = {}): SummitEvent => ({
  id,
  date: '2020-01-01',
  day: 18262,
  type: 'statement',
  actors: [],
  fields,
  links: {},
  sources: [],
});
const record = (events: SummitEvent[]): CaseRecord => ({ id: 'r', title: 'R', date: '2020-01-01', day: 18262, parties: [], events });
const fact = (eventId: string, field: string, reason: UnknownFact['reason'] = 'not-recorded'): UnknownFact => ({ event: eventId, field, reason, path: 'x' });
const level = (label: string | null) => (label === null ? null : { label });
const cell = (id: string, label: string | null, low: string | null = label, high: string | null = label, unknown: UnknownFact[] = []): Cell => ({
  id,
  applicable: true,
  level: level(label),
  levelRange: { low: level(low), high: level(high) },
  unknown,
});

describe('settlements', () => {
  it('tries each declared value, groups values with the same level and verdict, and changes nothing', () => {
    const fields = { status: declare('status', ['a', 'b', 'c']), other: declare('other', ['x']) };
    const compiled = matrixWith(fields);
    const e1 = event('e1', { other: 'x' });
    const e2 = event('e2', { status: 'a' });
    const input = record([e1, e2]);
    const calls: { status: FieldValue | undefined; other: FieldValue | undefined; e2: FieldValue | undefined; options: Options }[] = [];
    const evaluate = (_: unknown, r: CaseRecord, options: Options): Scored => {
      const status = r.events[0]!.fields['status'];
      calls.push({ status, other: r.events[0]!.fields['other'], e2: r.events[1]!.fields['status'], options });
      const high = status !== 'c';
      return { verdict: high ? 'Pass' : 'Fail', verdicts: [high ? 'Pass' : 'Fail'], criteria: [cell('c1', high ? 'High' : 'Low')] };
    };
    const open = { verdict: null, verdicts: ['Pass', 'Fail'], criteria: [cell('c1', null, 'Low', 'High', [fact('e1', 'status')])] };
    const found = settlements(compiled, input, open, { explain: true, tag: 'kept' }, evaluate);
    expect(found).toEqual([
      {
        criterion: 'c1',
        fact: fact('e1', 'status'),
        outcomes: [
          { values: ['a', 'b'], level: 'High', levelRange: { low: 'High', high: 'High' }, verdict: 'Pass', verdicts: ['Pass'] },
          { values: ['c'], level: 'Low', levelRange: { low: 'Low', high: 'Low' }, verdict: 'Fail', verdicts: ['Fail'] },
        ],
      },
    ]);
    // Each value stated on that event only, its other fields kept, explanations off, other options kept.
    expect(calls).toEqual(['a', 'b', 'c'].map((status) => ({ status, other: 'x', e2: 'a', options: { explain: false, tag: 'kept' } })));
    expect(input.events[0]).toBe(e1);
    expect(e1.fields).toEqual({ other: 'x' });
  });

  it('tries only facts not recorded or of an undeclared value, of a declared field with values, not a list', () => {
    const fields = {
      status: declare('status', ['a']),
      tags: declare('tags', ['t'], 'list'),
      free: declare('free', undefined),
    };
    const unknown = [
      fact('e1', 'status', 'month-only'),
      fact('e1', 'status', 'unverified'),
      fact('e1', 'status', 'not-assessed'),
      fact('e1', 'tags'),
      fact('e1', 'free'),
      fact('e1', 'undeclared'),
      fact('e1', 'constructor'),
      fact('e1', 'toString'),
      fact('e1', 'status', 'undeclared-value'),
    ];
    let calls = 0;
    const evaluate = (): Scored => {
      calls++;
      return { verdict: 'Pass', verdicts: ['Pass'], criteria: [cell('c1', 'High')] };
    };
    const found = settlements(
      matrixWith(fields),
      record([event('e1')]),
      { verdict: null, verdicts: [], criteria: [cell('c1', null, null, null, unknown)] },
      {},
      evaluate,
    );
    expect(found.map((s) => s.fact)).toEqual([fact('e1', 'status', 'undeclared-value')]);
    expect(calls).toBe(1);
    // A matrix that declares no fields has nothing to try.
    expect(
      settlements(
        matrixWith(undefined),
        record([event('e1')]),
        { verdict: null, verdicts: [], criteria: [cell('c1', null, null, null, [fact('e1', 'status')])] },
        {},
        evaluate,
      ),
    ).toEqual([]);
  });

  it('tries a fact once per criterion, and at most 24 facts in all', () => {
    const fields = { status: declare('status', ['a']) };
    const evaluate = (): Scored => ({ verdict: 'Pass', verdicts: ['Pass'], criteria: [] });
    const twice = [fact('e1', 'status'), fact('e1', 'status'), fact('e2', 'status')];
    const found = settlements(
      matrixWith(fields),
      record([event('e1'), event('e2')]),
      { verdict: null, verdicts: [], criteria: [cell('c1', null, null, null, twice), cell('c2', null, null, null, [fact('e1', 'status')])] },
      {},
      evaluate,
    );
    expect(found.map((s) => `${s.criterion} ${s.fact.event}`)).toEqual(['c1 e1', 'c1 e2', 'c2 e1']);
    const many = Array.from({ length: 30 }, (_, i) => fact(`e${i}`, 'status'));
    const events = many.map((f) => event(f.event));
    const limited = settlements(
      matrixWith(fields),
      record(events),
      { verdict: null, verdicts: [], criteria: [cell('c1', null, null, null, many)] },
      {},
      evaluate,
    );
    expect(limited).toHaveLength(24);
    expect(limited.at(-1)!.fact.event).toBe('e23');
  });

  it('reads the level only of an applicable cell, and groups by level, range and verdicts alike', () => {
    const fields = { status: declare('status', [1, 2, 3, 4, 5, 6, 7, 8, 9]) };
    // The cell, as the table says for each value.
    const table: Record<number, { cell: Cell | null; verdicts: string[] }> = {
      1: { cell: { ...cell('c1', 'High'), applicable: false }, verdicts: ['Pass'] },
      2: { cell: { ...cell('c1', 'High'), applicable: 'unknown' }, verdicts: ['Pass'] },
      3: { cell: null, verdicts: ['Pass'] },
      4: { cell: { ...cell('c1', null), levelRange: null }, verdicts: ['Pass'] },
      5: { cell: cell('c1', null, null, 'High'), verdicts: ['Pass'] },
      6: { cell: cell('c1', null, 'Low', 'High'), verdicts: ['Pass'] },
      7: { cell: cell('c1', null, 'Low', 'High'), verdicts: ['Pass', 'Fail'] },
      8: { cell: cell('c1', null, 'Low', null), verdicts: ['Pass'] },
      9: { cell: cell('c1', 'High'), verdicts: ['Pass'] },
    };
    const evaluate = (_: unknown, r: CaseRecord): Scored => {
      const { cell: c, verdicts } = table[r.events[0]!.fields['status'] as number]!;
      return { verdict: verdicts.length === 1 ? verdicts[0]! : null, verdicts, criteria: c ? [cell('other', 'X'), c] : [cell('other', 'X')] };
    };
    const [found] = settlements(
      matrixWith(fields),
      record([event('e1')]),
      { verdict: null, verdicts: [], criteria: [cell('c1', null, null, null, [fact('e1', 'status')])] },
      {},
      evaluate,
    );
    expect(found!.outcomes).toEqual([
      // 1-4: no level and no range, but 1 and 2 have a range of their cell.
      { values: [1, 2], level: null, levelRange: { low: 'High', high: 'High' }, verdict: 'Pass', verdicts: ['Pass'] },
      { values: [3, 4], level: null, levelRange: null, verdict: 'Pass', verdicts: ['Pass'] },
      { values: [5], level: null, levelRange: { low: null, high: 'High' }, verdict: 'Pass', verdicts: ['Pass'] },
      { values: [6], level: null, levelRange: { low: 'Low', high: 'High' }, verdict: 'Pass', verdicts: ['Pass'] },
      { values: [7], level: null, levelRange: { low: 'Low', high: 'High' }, verdict: null, verdicts: ['Pass', 'Fail'] },
      { values: [8], level: null, levelRange: { low: 'Low', high: null }, verdict: 'Pass', verdicts: ['Pass'] },
      // The range and verdicts of 1 and 2, but a level: a group of its own.
      { values: [9], level: 'High', levelRange: { low: 'High', high: 'High' }, verdict: 'Pass', verdicts: ['Pass'] },
    ]);
  });
});
