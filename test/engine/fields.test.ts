import { describe, expect, it } from 'vitest';
import {
  containsText,
  CORE_FIELDS,
  fieldMeaning,
  fieldReader,
  fieldTruth,
  isUndeclared,
  partyTruth,
  passesFieldTest,
  sameValue,
} from '../../src/engine/fields.js';
import { createRandom } from '../../src/engine/random.js';
import { FAILS, HOLDS, UNKNOWN } from '../../src/engine/truth.js';
import type { FieldDeclaration, FieldTest, FieldValue, SummitEvent } from '../../src/engine/types.js';

const event = (fields: Record<string, FieldValue>): SummitEvent => ({
  id: 'e1',
  date: '2020-05',
  day: 18413,
  type: 'statement',
  title: 'A title',
  actors: ['us', 'fr'],
  fields,
  links: {},
  sources: [],
});

describe('fieldReader', () => {
  it('reads the core properties of an event, and other names from its fields', () => {
    expect(CORE_FIELDS).toEqual(['id', 'type', 'date', 'title', 'actors']);
    const e = event({ id: 'not this', status: 'open', n: 0, flag: false });
    expect(fieldReader('id')(e)).toBe('e1');
    expect(fieldReader('type')(e)).toBe('statement');
    expect(fieldReader('date')(e)).toBe('2020-05');
    expect(fieldReader('title')(e)).toBe('A title');
    expect(fieldReader('actors')(e)).toEqual(['us', 'fr']);
    expect(fieldReader('status')(e)).toBe('open');
    expect(fieldReader('n')(e)).toBe(0);
    expect(fieldReader('flag')(e)).toBe(false);
    expect(fieldReader('missing')(e)).toBeUndefined();
    // Only the fields' own keys: not what every object inherits.
    expect(fieldReader('toString')(e)).toBeUndefined();
    expect(fieldReader('constructor')(e)).toBeUndefined();
  });

  it('walks a dotted name into nested maps, and finds nothing through a value that is no map', () => {
    const e = event({ chairs: { us: 'Biden', eu: { council: 'Michel' } }, list: ['a'], text: 'x', none: null });
    expect(fieldReader('chairs.us')(e)).toBe('Biden');
    expect(fieldReader('chairs.eu.council')(e)).toBe('Michel');
    expect(fieldReader('chairs.eu')(e)).toEqual({ council: 'Michel' });
    expect(fieldReader('chairs.fr')(e)).toBeUndefined();
    expect(fieldReader('chairs.us.x')(e)).toBeUndefined();
    expect(fieldReader('list.0')(e)).toBeUndefined();
    expect(fieldReader('list.length')(e)).toBeUndefined();
    expect(fieldReader('text.length')(e)).toBeUndefined();
    expect(fieldReader('none.x')(e)).toBeUndefined();
    expect(fieldReader('missing.x')(e)).toBeUndefined();
    expect(fieldReader('chairs.toString')(e)).toBeUndefined();
    expect(fieldReader('toString.x')(e)).toBeUndefined();
  });
});

describe('sameValue', () => {
  it('compares scalars strictly and lists item by item', () => {
    expect(sameValue('a', 'a')).toBe(true);
    expect(sameValue(1, '1')).toBe(false);
    expect(sameValue(undefined, undefined)).toBe(true);
    expect(sameValue(null, undefined)).toBe(false);
    expect(sameValue(['a', ['b', 1]], ['a', ['b', 1]])).toBe(true);
    expect(sameValue(['a', ['b', 1]], ['a', ['b', 2]])).toBe(false);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameValue(['a', 'b'], ['a'])).toBe(false);
    expect(sameValue([], [])).toBe(true);
    expect(sameValue(['a'], 'a')).toBe(false);
    expect(sameValue('a', ['a'])).toBe(false);
    expect(sameValue({ k: 1 }, { k: 1 })).toBe(false);
  });
});

describe('fieldMeaning', () => {
  const declaration = (fields: Partial<FieldDeclaration>): FieldDeclaration => ({ name: 'f', type: 'string', absent: { kind: 'false' }, ...fields });
  it('reads absence as unknown for a field not declared, and takes a declared field as declared', () => {
    expect(fieldMeaning(undefined, 'f')).toEqual({ absent: { kind: 'unknown' } });
    expect(fieldMeaning({}, 'f')).toEqual({ absent: { kind: 'unknown' } });
    expect(fieldMeaning({ f: declaration({}) }, 'toString')).toEqual({ absent: { kind: 'unknown' } });
    expect(fieldMeaning({ f: declaration({}) }, 'f')).toEqual({ absent: { kind: 'false' } });
    const closed = fieldMeaning(
      {
        f: declaration({
          values: [
            { value: 'a', meaning: '' },
            { value: 2, meaning: '' },
          ],
        }),
      },
      'f',
    );
    expect(closed.absent).toEqual({ kind: 'false' });
    expect([...closed.closed!]).toEqual(['a', 2]);
  });

  it('isUndeclared: neither a stand-in value for absence nor a closed set', () => {
    expect(isUndeclared({ absent: { kind: 'unknown' } })).toBe(true);
    expect(isUndeclared({ absent: { kind: 'false' } })).toBe(true);
    expect(isUndeclared({ absent: { kind: 'value', value: 'x' } })).toBe(false);
    expect(isUndeclared({ absent: { kind: 'unknown' }, closed: new Set() })).toBe(false);
  });
});

describe('passesFieldTest', () => {
  it('exists, equals and in', () => {
    expect(passesFieldTest('a', { test: 'exists', value: true })).toBe(true);
    expect(passesFieldTest(undefined, { test: 'exists', value: true })).toBe(false);
    expect(passesFieldTest(null, { test: 'exists', value: true })).toBe(false);
    expect(passesFieldTest(null, { test: 'exists', value: false })).toBe(true);
    expect(passesFieldTest(0, { test: 'exists', value: false })).toBe(false);
    expect(passesFieldTest(['a', 'b'], { test: 'equals', value: ['a', 'b'] })).toBe(true);
    expect(passesFieldTest('a', { test: 'equals', value: 'b' })).toBe(false);
    expect(passesFieldTest('b', { test: 'in', values: ['a', 'b'] })).toBe(true);
    expect(passesFieldTest('c', { test: 'in', values: ['a', 'b'] })).toBe(false);
    expect(passesFieldTest('c', { test: 'in', values: [] })).toBe(false);
  });

  it('contains: an item of a list, or text within text', () => {
    expect(passesFieldTest(['a', 'b'], { test: 'contains', value: 'b' })).toBe(true);
    expect(passesFieldTest(['a', 'b'], { test: 'contains', value: 'c' })).toBe(false);
    expect(passesFieldTest(['abc'], { test: 'contains', value: 'b' })).toBe(false);
    expect(passesFieldTest('climate finance', { test: 'contains', value: 'finance' })).toBe(true);
    expect(passesFieldTest('climate finance', { test: 'contains', value: 'Finance' })).toBe(false);
    expect(passesFieldTest(12, { test: 'contains', value: '1' })).toBe(false);
    expect(passesFieldTest('12', { test: 'contains', value: 1 })).toBe(false);
  });

  it('compare: values of one type only, at the edges', () => {
    const compare = (comparison: 'gt' | 'gte' | 'lt' | 'lte', value: number | string): FieldTest => ({ test: 'compare', comparison, value });
    expect([4, 5, 6].map((a) => passesFieldTest(a, compare('gt', 5)))).toEqual([false, false, true]);
    expect([4, 5, 6].map((a) => passesFieldTest(a, compare('gte', 5)))).toEqual([false, true, true]);
    expect([4, 5, 6].map((a) => passesFieldTest(a, compare('lt', 5)))).toEqual([true, false, false]);
    expect([4, 5, 6].map((a) => passesFieldTest(a, compare('lte', 5)))).toEqual([true, true, false]);
    expect(passesFieldTest('b', compare('gt', 'a'))).toBe(true);
    expect(passesFieldTest('6', compare('gt', 5))).toBe(false);
    expect(passesFieldTest(6, compare('lt', '7'))).toBe(false);
    expect(passesFieldTest(undefined, compare('lte', 5))).toBe(false);
  });
});

describe('fieldTruth', () => {
  const equalsA: FieldTest = { test: 'equals', value: 'a' };
  const passes = (check: FieldTest) => (actual: FieldValue) => passesFieldTest(actual, check);
  const unknownAbsent = { absent: { kind: 'unknown' } } as const;
  const falseAbsent = { absent: { kind: 'false' } } as const;

  it('an absent field (or null) gives what the matrix declares', () => {
    for (const actual of [undefined, null]) {
      expect(fieldTruth(actual, equalsA, unknownAbsent, passes(equalsA))).toBe(UNKNOWN);
      expect(fieldTruth(actual, equalsA, falseAbsent, passes(equalsA))).toBe(FAILS);
      expect(fieldTruth(actual, equalsA, { absent: { kind: 'value', value: 'a' } }, passes(equalsA))).toBe(HOLDS);
      expect(fieldTruth(actual, equalsA, { absent: { kind: 'value', value: 'b' } }, passes(equalsA))).toBe(FAILS);
    }
    expect(fieldTruth('a', equalsA, unknownAbsent, passes(equalsA))).toBe(HOLDS);
    expect(fieldTruth('b', equalsA, unknownAbsent, passes(equalsA))).toBe(FAILS);
  });

  it('exists: a stated value or a stand-in says so; absence is unknown unless declared false', () => {
    const set: FieldTest = { test: 'exists', value: true };
    const unset: FieldTest = { test: 'exists', value: false };
    expect(fieldTruth('x', set, unknownAbsent, passes(set))).toBe(HOLDS);
    expect(fieldTruth('x', unset, unknownAbsent, passes(unset))).toBe(FAILS);
    expect(fieldTruth(undefined, set, unknownAbsent, passes(set))).toBe(UNKNOWN);
    expect(fieldTruth(null, unset, unknownAbsent, passes(unset))).toBe(UNKNOWN);
    expect(fieldTruth(undefined, set, falseAbsent, passes(set))).toBe(FAILS);
    expect(fieldTruth(null, unset, falseAbsent, passes(unset))).toBe(HOLDS);
    expect(fieldTruth(undefined, set, { absent: { kind: 'value', value: 'x' } }, passes(set))).toBe(HOLDS);
    expect(fieldTruth(undefined, unset, { absent: { kind: 'value', value: 'x' } }, passes(unset))).toBe(FAILS);
    expect(fieldTruth(false, set, falseAbsent, passes(set))).toBe(HOLDS);
  });

  it('a value outside a closed set is unknown, except a list that contains the value sought', () => {
    const closed = { absent: { kind: 'unknown' }, closed: new Set<FieldValue>(['a', 'b']) } as const;
    const containsA: FieldTest = { test: 'contains', value: 'a' };
    expect(fieldTruth('c', equalsA, closed, passes(equalsA))).toBe(UNKNOWN);
    expect(fieldTruth('b', equalsA, closed, passes(equalsA))).toBe(FAILS);
    expect(fieldTruth('a', equalsA, closed, passes(equalsA))).toBe(HOLDS);
    expect(fieldTruth(['a', 'c'], containsA, closed, passes(containsA))).toBe(HOLDS);
    expect(fieldTruth(['b', 'c'], containsA, closed, passes(containsA))).toBe(UNKNOWN);
    expect(fieldTruth(['b'], containsA, closed, passes(containsA))).toBe(FAILS);
    expect(fieldTruth(['a', 'c'], equalsA, closed, passes(equalsA))).toBe(UNKNOWN);
    // Any other test that a value outside the set passes is still unknown, not held.
    const equalsAC: FieldTest = { test: 'equals', value: ['a', 'c'] };
    expect(fieldTruth(['a', 'c'], equalsAC, closed, passes(equalsAC))).toBe(UNKNOWN);
    // A null in a list is no declared value either.
    const equalsNull: FieldTest = { test: 'equals', value: [null] };
    expect(fieldTruth([null], equalsNull, closed, passes(equalsNull))).toBe(UNKNOWN);
    // Absence declared false fails before the closed set is looked at.
    expect(fieldTruth(undefined, equalsA, { absent: { kind: 'false' }, closed: closed.closed }, passes(equalsA))).toBe(FAILS);
    // A map is not a value of the set, nor outside it.
    expect(fieldTruth({ k: 'c' }, equalsA, closed, passes(equalsA))).toBe(FAILS);
    expect(fieldTruth(undefined, equalsA, { absent: { kind: 'value', value: 'c' }, closed: closed.closed }, passes(equalsA))).toBe(UNKNOWN);
  });
});

describe('containsText', () => {
  // The oracle: String.prototype.includes, on patterns long enough to take the linear search.
  it('agrees with includes on short and long patterns', () => {
    const long = 'ab'.repeat(40);
    expect(containsText('climate', 'mat')).toBe(true);
    expect(containsText('climate', 'tam')).toBe(false);
    expect(containsText('a'.repeat(10), 'a'.repeat(70))).toBe(false);
    const cases: [string, string][] = [
      [`xx${long}yy`, long],
      [`${long}`, long],
      [`x${long.slice(0, -1)}`, long],
      ['a'.repeat(200), `${'a'.repeat(70)}b`],
      [`${'a'.repeat(200)}b`, `${'a'.repeat(70)}b`],
      [`${'aab'.repeat(50)}`, `${'aab'.repeat(22)}a`],
      [`${'aab'.repeat(50)}`, `${'aab'.repeat(22)}b`],
      [`${'abcab'.repeat(30)}`, `${'abcab'.repeat(13)}abd`],
      [`${'abcab'.repeat(30)}abd`, `${'abcab'.repeat(13)}abd`],
      [`${'ab'.repeat(50)}`, `${'ab'.repeat(32)}a`],
      [`${'ab'.repeat(50)}`, `${'ab'.repeat(32)}b`],
      [`${'aaab'.repeat(30)}`, `aaaa${'aaab'.repeat(16)}`],
      [`${'ab'.repeat(100)}c`, `${'ab'.repeat(33)}c`],
      [`${'xyzxyzxya'.repeat(20)}`, `${'xyzxya'.repeat(11)}`],
      [`${'xyzxya'.repeat(20)}`, `${'xyzxya'.repeat(11)}`],
    ];
    expect(containsText('', '')).toBe(true);
    expect(containsText('abc', '')).toBe(true);
    for (const [text, pattern] of cases) {
      expect(pattern.length > 64 || pattern.length > text.length, pattern).toBe(true);
      expect(containsText(text, pattern), `${pattern} in ${text}`).toBe(text.includes(pattern));
    }
  });
});

describe('containsText on random text', () => {
  it('agrees with includes on patterns cut from the text, changed in one place or not', () => {
    const random = createRandom(64);
    const pick = (n: number) => Math.floor(random.next() * n);
    for (let round = 0; round < 300; round++) {
      const alphabet = 'ab'.slice(0, 1 + pick(2)) + (pick(4) === 0 ? 'c' : '');
      const text = Array.from({ length: 70 + pick(140) }, () => alphabet[pick(alphabet.length)]!).join('');
      const start = pick(text.length - 65);
      let pattern = text.slice(start, start + 65 + pick(text.length - start - 64));
      if (pick(2) === 0) {
        const at = pick(pattern.length);
        pattern = `${pattern.slice(0, at)}${pattern[at] === 'a' ? 'b' : 'a'}${pattern.slice(at + 1)}`;
      }
      expect(containsText(text, pattern), `${pattern} in ${text}`).toBe(text.includes(pattern));
    }
  });
});

describe('partyTruth', () => {
  it('holds when the field is the party or lists it; absence as declared', () => {
    const unknownAbsent = { absent: { kind: 'unknown' } } as const;
    expect(partyTruth(['us', 'fr'], 'fr', unknownAbsent)).toBe(HOLDS);
    expect(partyTruth(['us', 'fr'], 'de', unknownAbsent)).toBe(FAILS);
    expect(partyTruth('fr', 'fr', unknownAbsent)).toBe(HOLDS);
    expect(partyTruth('fr', 'f', unknownAbsent)).toBe(FAILS);
    expect(partyTruth(['us'], undefined, unknownAbsent)).toBe(FAILS);
    expect(partyTruth(undefined, undefined, unknownAbsent)).toBe(FAILS);
    expect(partyTruth(undefined, 'fr', unknownAbsent)).toBe(UNKNOWN);
    expect(partyTruth(null, 'fr', unknownAbsent)).toBe(UNKNOWN);
    expect(partyTruth(undefined, 'fr', { absent: { kind: 'false' } })).toBe(FAILS);
    expect(partyTruth(null, 'fr', { absent: { kind: 'value', value: ['fr'] } })).toBe(HOLDS);
    expect(partyTruth(undefined, 'fr', { absent: { kind: 'value', value: 'us' } })).toBe(FAILS);
  });
});
