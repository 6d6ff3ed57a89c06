import { describe, expect, it } from 'vitest';
import { indexRecord } from '../../src/engine/record-index.js';
import type { Condition, FieldDeclaration, SummitEvent } from '../../src/engine/types.js';
import { unknownFacts, type UnknownFact } from '../../src/engine/unknowns.js';
import { conditionFrom, makeRecord, type EventSpec } from '../helpers/build.js';

// Each condition is unknown on the record for reasons worked out by hand from the events; the
// facts named are those that would settle it, each once, at the path of the test that reads it.
const FIELDS: Record<string, FieldDeclaration> = {
  level: {
    name: 'level',
    type: 'string',
    absent: { kind: 'unknown' },
    values: [
      { value: 'leaders', meaning: '' },
      { value: 'expert', meaning: '' },
    ],
  },
};
const EVENTS: EventSpec[] = [
  { id: 'e1', type: 'meeting' },
  { id: 'e2', type: 'meeting', fields: { level: 'minor' } },
  { id: 'e3', type: 'mechanism', date: '2015-09' },
  { id: 'e4', type: 'statement', fields: { level: 'leaders' } },
  { id: 'e5', type: 'meeting', fields: { level: 'expert' } },
];
function factsOf(condition: Condition, events: EventSpec[] = EVENTS, uncertain: string[] = []): UnknownFact[] {
  const record = makeRecord(events);
  const doubtful = new Set<SummitEvent>(record.events.filter((e) => uncertain.includes(e.id)));
  const index = indexRecord(record, record.day + 365, doubtful.size > 0 ? doubtful : undefined);
  const out: UnknownFact[] = [];
  unknownFacts(condition, FIELDS, index, out);
  return out;
}
const where = (condition: Condition): Condition => (condition as Extract<Condition, { op: 'some' }>).where;
const child = (condition: Condition, i: number): Condition => (condition as Extract<Condition, { op: 'all' }>).conditions[i]!;

describe('unknownFacts', () => {
  it('names a field not recorded and a value not declared, on each event that could settle it', () => {
    const condition = conditionFrom('some: {all: [{type: meeting}, {field: level, in: [leaders]}]}');
    const path = child(where(condition), 1).path;
    expect(factsOf(condition)).toEqual([
      { event: 'e1', field: 'level', reason: 'not-recorded', path },
      { event: 'e2', field: 'level', reason: 'undeclared-value', value: 'minor', path },
    ]);
  });

  it('names nothing when the condition is settled either way', () => {
    expect(factsOf(conditionFrom('some: {type: statement}'))).toEqual([]);
    expect(factsOf(conditionFrom('some: {all: [{type: meeting}, {field: level, in: [expert]}]}'))).toEqual([]);
    expect(factsOf(conditionFrom('none: {type: summit}'))).toEqual([]);
  });

  it('walks through not, any, atLeast and count, and names each fact once', () => {
    const inner = 'all: [{type: meeting}, {field: level, in: [leaders]}]';
    const viaNot = conditionFrom(`not: {some: {${inner}}}`);
    expect(factsOf(viaNot).map((f) => `${f.event} ${f.reason}`)).toEqual(['e1 not-recorded', 'e2 undeclared-value']);
    const twice = conditionFrom(`any: [{some: {${inner}}}, {some: {${inner}}}]`);
    expect(factsOf(twice).map((f) => f.event)).toEqual(['e1', 'e2']);
    const atLeast = conditionFrom(`atLeast: 2\nof: [{some: {${inner}}}, {some: {type: statement}}, {some: {type: summit}}]`);
    expect(factsOf(atLeast).map((f) => f.event)).toEqual(['e1', 'e2']);
    const count = conditionFrom(`count: {${inner}}\nequals: 1`);
    expect(factsOf(count).map((f) => f.event)).toEqual(['e1', 'e2']);
  });

  it('names a month-only date when the test needs the day', () => {
    const condition = conditionFrom("some: {all: [{type: mechanism}, {after: '2015-09-15'}]}");
    expect(factsOf(condition)).toEqual([{ event: 'e3', field: 'date', reason: 'month-only', path: child(where(condition), 1).path }]);
  });

  it('names an unverified event that may not have happened', () => {
    const condition = conditionFrom('some: {type: meeting}');
    const events: EventSpec[] = [
      { id: 'm1', type: 'meeting' },
      { id: 's1', type: 'statement' },
    ];
    expect(factsOf(condition, events, ['m1', 's1'])).toEqual([{ event: 'm1', field: 'sources', reason: 'unverified', path: condition.path }]);
  });

  it('stops at 12 facts', () => {
    const events: EventSpec[] = Array.from({ length: 15 }, (_, i) => ({ id: `m${i}`, type: 'meeting' }));
    const facts = factsOf(conditionFrom('some: {all: [{type: meeting}, {field: level, in: [leaders]}]}'), events);
    expect(facts.map((f) => f.event)).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`));
  });
});
