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

  it('names what is unknown about the events a link reaches, or the events that link to this one', () => {
    const events: EventSpec[] = [
      { id: 'mech', type: 'mechanism', fields: { level: 'expert' } },
      { id: 'talk', type: 'meeting', links: { of: ['mech', 'gone'] } },
      { id: 'vague', type: 'mechanism' },
      { id: 'held', type: 'meeting', links: { of: ['vague'] } },
    ];
    const to = conditionFrom('some: {all: [{type: meeting}, {link: of, to: {field: level, in: [leaders]}}]}');
    const toPath = (child(where(to), 1) as Extract<Condition, { op: 'link' }>).to!.path;
    expect(factsOf(to, events)).toStrictEqual([{ event: 'vague', field: 'level', reason: 'not-recorded', path: toPath }]);
    const by = conditionFrom('some: {all: [{type: mechanism}, {linkedBy: of, where: {field: level, in: [leaders]}}]}');
    const byPath = (child(where(by), 1) as Extract<Condition, { op: 'linkedBy' }>).where!.path;
    expect(factsOf(by, [...events, { id: 'again', type: 'meeting', fields: { level: 'minor' }, links: { of: ['mech'] } }])).toStrictEqual([
      { event: 'talk', field: 'level', reason: 'not-recorded', path: byPath },
      { event: 'again', field: 'level', reason: 'undeclared-value', value: 'minor', path: byPath },
      { event: 'held', field: 'level', reason: 'not-recorded', path: byPath },
    ]);
  });

  it('names the month-only date of a linked anchor, and not the full date of the event itself', () => {
    const events: EventSpec[] = [
      { id: 'mech', type: 'mechanism', date: '2015-12' },
      { id: 'talk', type: 'meeting', date: '2015-12-20', links: { of: ['mech'] } },
    ];
    for (const test of ['before: {linked: of}', 'after: {linked: of}', 'within: {days: 5, of: {linked: of}}']) {
      const condition = conditionFrom(`some: {all: [{type: meeting}, {${test}}]}`);
      expect(factsOf(condition, events), test).toStrictEqual([{ event: 'mech', field: 'date', reason: 'month-only', path: child(where(condition), 1).path }]);
    }
  });

  it('names every month-only target of a linked anchor, up to 12 facts even within one test', () => {
    const targets: EventSpec[] = Array.from({ length: 15 }, (_, i) => ({ id: `t${i}`, type: 'mechanism', date: '2015-12' }));
    const events: EventSpec[] = [...targets, { id: 'talk', type: 'meeting', date: '2015-12-20', links: { of: targets.map((t) => t.id) } }];
    const facts = factsOf(conditionFrom('some: {all: [{type: meeting}, {before: {linked: of}}]}'), events);
    expect(facts.map((f) => f.event)).toEqual(targets.slice(0, 12).map((t) => t.id));
  });

  it('names a month-only event before a date, and one that none must not be', () => {
    const events: EventSpec[] = [{ id: 'mech', type: 'mechanism', date: '2015-09' }];
    const before = conditionFrom("some: {all: [{type: mechanism}, {before: '2015-09-15'}]}");
    expect(factsOf(before, events)).toStrictEqual([{ event: 'mech', field: 'date', reason: 'month-only', path: child(where(before), 1).path }]);
    const none = conditionFrom("none: {all: [{type: mechanism}, {before: '2015-09-15'}]}");
    expect(factsOf(none, events)).toStrictEqual([{ event: 'mech', field: 'date', reason: 'month-only', path: child(where(none), 1).path }]);
  });

  it('names a deadline not recorded, where the matrix does not say what its absence means', () => {
    const events: EventSpec[] = [
      { id: 'due', type: 'commitment', fields: { deadline: '2015-12-31' } },
      { id: 'open', type: 'commitment' },
    ];
    const condition = conditionFrom('some: {all: [{type: commitment}, {deadline: met}]}');
    expect(factsOf(condition, events)).toStrictEqual([{ event: 'open', field: 'deadline', reason: 'not-recorded', path: child(where(condition), 1).path }]);
  });

  it('names the party field not recorded, for a criterion scored per party', () => {
    const partyIn: Condition = { op: 'partyIn', field: 'accused', path: 'criteria[0].when.partyIn' };
    const condition: Condition = { op: 'some', where: partyIn, path: 'criteria[0].when' };
    const record = makeRecord([{ id: 'claim', type: 'accusation' }]);
    const index = { ...indexRecord(record, record.day + 365), party: 'US' };
    const out: UnknownFact[] = [];
    unknownFacts(condition, FIELDS, index, out);
    expect(out).toStrictEqual([{ event: 'claim', field: 'accused', reason: 'not-recorded', path: partyIn.path }]);
  });

  it('answers for the fields it is asked with, when the same condition was asked with others', () => {
    const condition = conditionFrom('some: {all: [{type: meeting}, {field: level, in: [leaders]}]}');
    const events: EventSpec[] = [{ id: 'e1', type: 'meeting' }];
    expect(factsOf(condition, events).map((f) => f.event)).toEqual(['e1']);
    const absentIsFalse: Record<string, FieldDeclaration> = { level: { ...FIELDS['level']!, absent: { kind: 'false' } } };
    const record = makeRecord(events);
    const out: UnknownFact[] = [];
    unknownFacts(condition, absentIsFalse, indexRecord(record, record.day + 365), out);
    expect(out).toEqual([]);
    expect(factsOf(condition, events).map((f) => f.event)).toEqual(['e1']);
  });
});
