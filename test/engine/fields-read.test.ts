import { describe, expect, it } from 'vitest';
import { fieldsRead, fieldUses } from '../../src/engine/fields-read.js';
import type { Condition, Criterion, FieldTest, Matrix } from '../../src/engine/types.js';

// Conditions built by hand; each expected use written from the rule: every field test, deadline
// and partyIn, with the types an `all` around it admits, where a new event starts without them.
type FieldCondition = Extract<Condition, { op: 'field' }>;
const test = (field: string, check: FieldTest): FieldCondition => ({ op: 'field', path: field, field, check });
const equals = (field: string, value: string | number) => test(field, { test: 'equals', value });
const level = (n: number, when?: Condition) => ({ label: `L${n}`, score: n, ...(when ? { when } : {}) });
const criterion = (id: string, fields: Partial<Criterion>): Criterion => ({ id, title: id, weight: 1, levels: [level(0)], gates: [], ...fields });
const matrixOf = (criteria: Criterion[]) => ({ criteria }) as unknown as Matrix;

describe('fieldUses', () => {
  it('finds every field test of forEach, appliesWhen and the levels, in that order per criterion', () => {
    const forEach = equals('kind', 'pledge');
    const applies = equals('area', 'climate');
    const high = equals('status', 'met');
    const low = { op: 'deadline', path: 'd', states: ['missed'] } as const;
    const second = { op: 'partyIn', path: 'pi', field: 'accused' } as const;
    const matrix = matrixOf([
      criterion('c1', { forEach, appliesWhen: applies, levels: [level(2, high), level(1, low), level(0)] }),
      criterion('c2', { levels: [level(1, second), level(0)] }),
    ]);
    expect(fieldUses(matrix)).toStrictEqual([
      { field: 'kind', check: forEach.check, condition: forEach },
      { field: 'area', check: applies.check, condition: applies },
      { field: 'status', check: high.check, condition: high },
      { field: 'deadline', condition: low },
      { field: 'accused', condition: second },
    ]);
    expect(fieldsRead(matrix)).toEqual(['kind', 'area', 'status', 'deadline', 'accused']);
  });

  it('gives a test the types an all around it admits, and starts each new event without them', () => {
    const guard = equals('type', 'mechanism');
    const level1 = equals('level', 1);
    const inner = equals('chairs.US', 'yes');
    const counted = equals('counted', 'x');
    const linked = equals('target', 'y');
    const linker = equals('linker', 'z');
    const negated = equals('negated', 'n');
    const anyChild = equals('anyChild', 'a');
    const atLeastChild = equals('atLeastChild', 'b');
    const guardList = test('type', { test: 'in', values: ['a', 'b', 3] });
    const when: Condition = {
      op: 'all',
      path: 'w',
      conditions: [
        level1,
        guard,
        { op: 'any', path: 'x', conditions: [anyChild, { op: 'not', path: 'n', condition: negated }] },
        { op: 'atLeast', path: 'x', count: 1, conditions: [atLeastChild] },
        { op: 'some', path: 's', where: inner },
        { op: 'none', path: 's', where: { op: 'all', path: 'g', conditions: [guardList, counted] } },
        { op: 'count', path: 'c', where: counted, comparison: 'gt', value: 1 },
        { op: 'link', path: 'l', kind: 'of', to: linked },
        { op: 'link', path: 'l', kind: 'of' },
        { op: 'linkedBy', path: 'lb', kind: 'fulfils', min: 1, where: linker },
        { op: 'linkedBy', path: 'lb', kind: 'fulfils', min: 1 },
        { op: 'before', path: 'b', anchor: { kind: 'summit' } },
        { op: 'isSubject', path: 'i', value: true },
      ],
    };
    const types = ['mechanism'];
    expect(fieldUses(matrixOf([criterion('c', { levels: [level(1, when), level(0)] })]))).toStrictEqual([
      { field: 'level', check: level1.check, condition: level1, types },
      { field: 'type', check: guard.check, condition: guard, types },
      { field: 'anyChild', check: anyChild.check, condition: anyChild, types },
      { field: 'negated', check: negated.check, condition: negated, types },
      { field: 'atLeastChild', check: atLeastChild.check, condition: atLeastChild, types },
      { field: 'chairs.US', check: inner.check, condition: inner },
      { field: 'type', check: guardList.check, condition: guardList, types: ['a', 'b'] },
      { field: 'counted', check: counted.check, condition: counted, types: ['a', 'b'] },
      { field: 'counted', check: counted.check, condition: counted },
      { field: 'target', check: linked.check, condition: linked },
      { field: 'linker', check: linker.check, condition: linker },
    ]);
  });

  it('takes no guard from a type test that admits no named type, nor from another field', () => {
    const notType = equals('kind', 'mechanism');
    const numberType = test('type', { test: 'in', values: [1, 2] });
    const existsType = test('type', { test: 'exists', value: true });
    const child = equals('x', 'y');
    const outer = equals('type', 'outer');
    const when: Condition = {
      op: 'all',
      path: 'o',
      conditions: [outer, { op: 'all', path: 'w', conditions: [notType, numberType, existsType, child] }],
    };
    // The inner all has no guard of its own, so it keeps the outer one.
    const types = ['outer'];
    expect(fieldUses(matrixOf([criterion('c', { levels: [level(1, when), level(0)] })]))).toStrictEqual([
      { field: 'type', check: outer.check, condition: outer, types },
      { field: 'kind', check: notType.check, condition: notType, types },
      { field: 'type', check: numberType.check, condition: numberType, types },
      { field: 'type', check: existsType.check, condition: existsType, types },
      { field: 'x', check: child.check, condition: child, types },
    ]);
    const bare: Condition = { op: 'all', path: 'w', conditions: [notType, child] };
    expect(fieldUses(matrixOf([criterion('c', { levels: [level(1, bare), level(0)] })]))).toStrictEqual([
      { field: 'kind', check: notType.check, condition: notType },
      { field: 'x', check: child.check, condition: child },
    ]);
  });

  it('takes no guard from a partyIn on a field named type', () => {
    const party = { op: 'partyIn', path: 'pi', field: 'type' } as const;
    const child = equals('x', 'y');
    const when: Condition = { op: 'all', path: 'w', conditions: [party, child] };
    expect(fieldUses(matrixOf([criterion('c', { levels: [level(1, when), level(0)] })]))).toStrictEqual([
      { field: 'type', condition: party },
      { field: 'x', check: child.check, condition: child },
    ]);
  });

  it('fieldsRead names each field once, in the order first read', () => {
    const matrix = matrixOf([
      criterion('c1', { levels: [level(1, equals('b', 1)), level(0)] }),
      criterion('c2', { appliesWhen: equals('a', 1), levels: [level(1, equals('b', 2)), level(0)] }),
    ]);
    expect(fieldsRead(matrix)).toEqual(['b', 'a']);
    expect(fieldsRead(matrixOf([]))).toEqual([]);
  });
});
