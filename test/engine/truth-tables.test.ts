// The truth tables of every operator under three values (issue 10, section 1): holds, fails,
// unknown, as Kleene's strong logic has them. Each row is checked on the compiled engine and on
// the reference interpreter (test/engine/oracle/truth.ts), which must agree.
import { describe, expect, it } from 'vitest';
import { compileCondition, dayNumber, FAILS, HOLDS, indexRecord, UNKNOWN, type FieldDeclaration, type Truth } from '../../src/engine/index.js';
import { conditionFrom, makeRecord } from '../helpers/build.js';
import { referenceTruth } from './oracle/truth.js';

const declare = (name: string, rest: Partial<FieldDeclaration>): FieldDeclaration => ({ name, type: 'string', absent: { kind: 'unknown' }, ...rest });
const FIELDS = {
  level: declare('level', { values: ['leaders', 'ministerial', 'expert'].map((value) => ({ value, meaning: value })) }),
  suspended: declare('suspended', { type: 'boolean', absent: { kind: 'false' } }),
  extent: declare('extent', { absent: { kind: 'value', value: 'full' } }),
  topics: declare('topics', { type: 'list', values: ['cybercrime', 'hotline'].map((value) => ({ value, meaning: value })) }),
};

const record = makeRecord([
  { id: 'known', type: 'meeting', actors: ['US'], fields: { level: 'ministerial', topics: ['cybercrime', 'hotlne'] } },
  { id: 'silent', type: 'meeting', actors: ['US'] },
  { id: 'typo', type: 'statement', fields: { level: 'minsterial' } },
  { id: 'month', date: '2015-09', type: 'report', links: { fulfils: ['silent'] } },
  { id: 'later', date: '2015-10-02', type: 'report', links: { fulfils: ['known', 'silent'] } },
]);
const index = indexRecord(record, dayNumber('2015-12-31')!);

// Three record-level conditions, one of each truth value, to build the connective tables from.
const H = '{some: {type: meeting}}';
const F = '{some: {type: suspension}}';
const U = '{some: {all: [{field: id, equals: silent}, {field: level, equals: leaders}]}}';
const leaf = { holds: H, fails: F, unknown: U } as const;
const NAMES: Record<Truth, keyof typeof leaf> = { [HOLDS]: 'holds', [FAILS]: 'fails', [UNKNOWN]: 'unknown' };
const VALUES: Truth[] = [HOLDS, UNKNOWN, FAILS];

function truth(yaml: string): Truth {
  const condition = conditionFrom(yaml);
  const compiled = compileCondition(condition, FIELDS)(index, undefined);
  expect(compiled).toBe(referenceTruth(condition, index, undefined, FIELDS));
  return compiled;
}

describe('three truth values: the connectives (Kleene)', () => {
  it.each(VALUES)('not %s', (a) => {
    expect(truth(`not: ${leaf[NAMES[a]]}`)).toBe(HOLDS - a);
  });
  for (const a of VALUES) {
    for (const b of VALUES) {
      it(`all (${NAMES[a]}, ${NAMES[b]}) is the lesser, any the greater`, () => {
        expect(truth(`all: [${leaf[NAMES[a]]}, ${leaf[NAMES[b]]}]`)).toBe(Math.min(a, b));
        expect(truth(`any: [${leaf[NAMES[a]]}, ${leaf[NAMES[b]]}]`)).toBe(Math.max(a, b));
      });
    }
  }
  it.each([
    // count needed, parts, expected: at least the parts that hold, at most those that may
    [1, [HOLDS, FAILS, FAILS], HOLDS],
    [2, [HOLDS, UNKNOWN, FAILS], UNKNOWN],
    [2, [HOLDS, FAILS, FAILS], FAILS],
    [2, [UNKNOWN, UNKNOWN, FAILS], UNKNOWN],
    [3, [HOLDS, HOLDS, UNKNOWN], UNKNOWN],
    [2, [HOLDS, HOLDS, UNKNOWN], HOLDS],
  ] as const)('atLeast %i of %j', (count, parts, expected) => {
    expect(truth(`{atLeast: ${count}, of: [${parts.map((p) => leaf[NAMES[p]]).join(', ')}]}`)).toBe(expected);
  });
});

describe('three truth values: field tests and what the matrix declares', () => {
  it.each([
    ['a stated value that passes', '{some: {all: [{field: id, equals: known}, {field: level, equals: ministerial}]}}', HOLDS],
    ['a stated value that fails', '{some: {all: [{field: id, equals: known}, {field: level, equals: leaders}]}}', FAILS],
    ['an absent field, absence undeclared: unknown', '{some: {all: [{field: id, equals: silent}, {field: level, in: [leaders, ministerial]}]}}', UNKNOWN],
    ['an absent field declared `absent: false`: fails', '{some: {all: [{field: id, equals: silent}, {field: suspended, equals: true}]}}', FAILS],
    ['not of an absent `absent: false` field: holds', '{some: {all: [{field: id, equals: silent}, {not: {field: suspended, equals: true}}]}}', HOLDS],
    ['an absent field read as its declared value', '{some: {all: [{field: id, equals: silent}, {field: extent, equals: full}]}}', HOLDS],
    ['a value outside a closed field: unknown, not failing', '{some: {all: [{field: id, equals: typo}, {field: level, equals: ministerial}]}}', UNKNOWN],
    ['not of it stays unknown', '{some: {all: [{field: id, equals: typo}, {not: {field: level, equals: ministerial}}]}}', UNKNOWN],
    [
      'a list that contains the value holds, whatever else it lists',
      '{some: {all: [{field: id, equals: known}, {field: topics, contains: cybercrime}]}}',
      HOLDS,
    ],
    [
      'a list with an undeclared item that lacks the value: unknown',
      '{some: {all: [{field: id, equals: known}, {field: topics, contains: hotline}]}}',
      UNKNOWN,
    ],
    ['exists on an absent field, absence undeclared: unknown', '{some: {all: [{field: id, equals: silent}, {field: level, exists: false}]}}', UNKNOWN],
    ['exists: false on an absent `absent: false` field: holds', '{some: {all: [{field: id, equals: silent}, {field: suspended, exists: false}]}}', HOLDS],
    ['exists on a stated field: holds', '{some: {all: [{field: id, equals: known}, {field: level, exists: true}]}}', HOLDS],
    ['an undeclared field (matrix with fields:) absent: unknown', '{some: {all: [{field: id, equals: silent}, {field: openEnded, equals: true}]}}', UNKNOWN],
  ] as const)('%s', (_name, yaml, expected) => {
    expect(truth(yaml)).toBe(expected);
  });
});

describe('three truth values: quantifiers, counts, dates and links', () => {
  it.each([
    ['some holds if an event holds', '{some: {field: level, equals: ministerial}}', HOLDS],
    ['some is unknown if no event holds and one is unknown', '{some: {field: level, equals: leaders}}', UNKNOWN],
    ['some fails only when every event fails', '{some: {type: suspension}}', FAILS],
    ['none is the negation of some', '{none: {field: level, equals: leaders}}', UNKNOWN],
    ['none holds when every event fails', '{none: {type: suspension}}', HOLDS],
    // level = leaders: none holds, four are unknown (silent, typo, and the two reports state no level): the count lies in [0, 4]
    ['count in [0, 4] >= 1: unknown', '{count: {field: level, equals: leaders}, gte: 1}', UNKNOWN],
    ['count in [0, 4] <= 4: holds', '{count: {field: level, equals: leaders}, lte: 4}', HOLDS],
    ['count in [0, 4] >= 5: fails', '{count: {field: level, equals: leaders}, gte: 5}', FAILS],
    ['count in [0, 4] = 0: unknown', '{count: {field: level, equals: leaders}, equals: 0}', UNKNOWN],
    ['a month-dated event against a day inside that month: unknown', "{some: {all: [{type: report}, {before: '2015-09-15'}]}}", UNKNOWN],
    ['a month-dated event against a day after the month: holds', "{some: {all: [{field: id, equals: month}, {before: '2015-10-01'}]}}", HOLDS],
    ['a month-dated event against a day before the month: fails (before)', "{some: {all: [{field: id, equals: month}, {before: '2015-08-31'}]}}", FAILS],
    ['a link whose target is unknown is unknown', '{some: {all: [{field: id, equals: month}, {link: fulfils, to: {field: level, equals: leaders}}]}}', UNKNOWN],
    ['a link with one target that holds holds', '{some: {all: [{field: id, equals: later}, {link: fulfils, to: {field: level, equals: ministerial}}]}}', HOLDS],
    [
      'linkedBy: at least the sources that hold, at most those that may',
      '{some: {all: [{field: id, equals: silent}, {linkedBy: fulfils, min: 2, where: {before: "2015-09-20"}}]}}',
      FAILS,
    ],
    ['linkedBy with an unknown source', '{some: {all: [{field: id, equals: silent}, {linkedBy: fulfils, min: 1, where: {before: "2015-09-20"}}]}}', UNKNOWN],
  ] as const)('%s', (_name, yaml, expected) => {
    expect(truth(yaml)).toBe(expected);
  });
});
