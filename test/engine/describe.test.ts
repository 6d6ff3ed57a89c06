import { describe, expect, it } from 'vitest';
import { describeCondition, describeValue } from '../../src/engine/describe.js';
import type { Condition } from '../../src/engine/types.js';

// Conditions built by hand (the path is not described); each expected line written from the rule.
const field = (name: string, value: string): Condition => ({ op: 'field', path: 'p', field: name, check: { test: 'equals', value } });
const a = field('type', 'pledge');
const b = field('status', 'met');

describe('describeCondition', () => {
  it('describes the combinations', () => {
    expect(describeCondition({ op: 'all', path: 'p', conditions: [a, b] })).toBe('all of (type = pledge; status = met)');
    expect(describeCondition({ op: 'any', path: 'p', conditions: [a, b] })).toBe('any of (type = pledge; status = met)');
    expect(describeCondition({ op: 'not', path: 'p', condition: a })).toBe('not (type = pledge)');
    expect(describeCondition({ op: 'atLeast', path: 'p', count: 2, conditions: [a, b, a] })).toBe('at least 2 of (type = pledge; status = met; type = pledge)');
    expect(describeCondition({ op: 'some', path: 'p', where: a })).toBe('some event where type = pledge');
    expect(describeCondition({ op: 'none', path: 'p', where: a })).toBe('no event where type = pledge');
    expect(describeCondition({ op: 'count', path: 'p', where: a, comparison: 'gte', value: 3 })).toBe('number of events where type = pledge >= 3');
    expect(describeCondition({ op: 'count', path: 'p', where: a, comparison: 'equals', value: 0 })).toBe('number of events where type = pledge = 0');
    expect(describeCondition({ op: 'count', path: 'p', where: a, comparison: 'lt', value: 1 })).toBe('number of events where type = pledge < 1');
  });

  it('describes each field test', () => {
    const test = (check: Extract<Condition, { op: 'field' }>['check']) => describeCondition({ op: 'field', path: 'p', field: 'f', check });
    expect(test({ test: 'equals', value: 3 })).toBe('f = 3');
    expect(test({ test: 'in', values: ['a', 'b'] })).toBe('f in [a, b]');
    expect(test({ test: 'compare', comparison: 'gt', value: 2 })).toBe('f > 2');
    expect(test({ test: 'compare', comparison: 'gte', value: 2 })).toBe('f >= 2');
    expect(test({ test: 'compare', comparison: 'lt', value: '2020' })).toBe('f < 2020');
    expect(test({ test: 'compare', comparison: 'lte', value: 2 })).toBe('f <= 2');
    expect(test({ test: 'contains', value: 'x' })).toBe('f contains x');
    expect(test({ test: 'exists', value: true })).toBe('f is set');
    expect(test({ test: 'exists', value: false })).toBe('f is not set');
  });

  it('describes dates and their anchors', () => {
    expect(describeCondition({ op: 'before', path: 'p', anchor: { kind: 'date', date: '2020-01-02', day: 18263 } })).toBe('dated before 2020-01-02');
    expect(describeCondition({ op: 'after', path: 'p', anchor: { kind: 'summit' } })).toBe('dated after the summit date');
    expect(describeCondition({ op: 'after', path: 'p', anchor: { kind: 'summit', daysBefore: 0 } })).toBe('dated after the summit date');
    expect(describeCondition({ op: 'before', path: 'p', anchor: { kind: 'summit', daysBefore: 30 } })).toBe('dated before 30 days before the summit date');
    expect(describeCondition({ op: 'before', path: 'p', anchor: { kind: 'asOf' } })).toBe('dated before the as-of date');
    expect(describeCondition({ op: 'after', path: 'p', anchor: { kind: 'asOf', daysBefore: 365 } })).toBe('dated after 365 days before the as-of date');
    expect(describeCondition({ op: 'within', path: 'p', days: 90, anchor: { kind: 'linked', link: 'fulfils' } })).toBe(
      'dated within 90 days after the event it links to (fulfils)',
    );
  });

  it('describes deadlines, links, parties and subjects', () => {
    expect(describeCondition({ op: 'deadline', path: 'p', states: ['met', 'met-late'] })).toBe('deadline met or met-late');
    expect(describeCondition({ op: 'deadline', path: 'p', states: ['missed'] })).toBe('deadline missed');
    expect(describeCondition({ op: 'link', path: 'p', kind: 'of' })).toBe('links (of) to an event');
    expect(describeCondition({ op: 'link', path: 'p', kind: 'breaches', to: a })).toBe('links (breaches) to an event where type = pledge');
    expect(describeCondition({ op: 'linkedBy', path: 'p', kind: 'fulfils', min: 1 })).toBe('is linked (fulfils) from an event');
    expect(describeCondition({ op: 'linkedBy', path: 'p', kind: 'fulfils', min: 3 })).toBe('is linked (fulfils) from at least 3 events');
    expect(describeCondition({ op: 'linkedBy', path: 'p', kind: 'supersedes', min: 1, where: b })).toBe(
      'is linked (supersedes) from an event where status = met',
    );
    expect(describeCondition({ op: 'linkedBy', path: 'p', kind: 'of', min: 2, where: b })).toBe('is linked (of) from at least 2 events where status = met');
    expect(describeCondition({ op: 'partyIn', path: 'p', field: 'accused' })).toBe('accused include the party');
    expect(describeCondition({ op: 'isSubject', path: 'p', value: true })).toBe('is the subject');
    expect(describeCondition({ op: 'isSubject', path: 'p', value: false })).toBe('is not the subject');
  });
});

describe('describeValue', () => {
  it('writes strings bare, lists in brackets, other values as JSON, and nothing as (not set)', () => {
    expect(describeValue(undefined)).toBe('(not set)');
    expect(describeValue('text')).toBe('text');
    expect(describeValue(3.5)).toBe('3.5');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(['a', 1, ['b']])).toBe('[a, 1, [b]]');
    expect(describeValue([])).toBe('[]');
    expect(describeValue({ k: 'v' })).toBe('{"k":"v"}');
  });
});
