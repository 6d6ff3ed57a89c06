import { describe, expect, it } from 'vitest';
import { compileCondition, dayNumber, HOLDS, indexRecord, type CaseRecord } from '../../src/engine/index.js';
import { explainCondition } from './oracle/explain.js';
import { referenceTruth } from './oracle/truth.js';
import { conditionFrom, makeRecord } from '../helpers/build.js';

// One small case: a mechanism agreed at the summit, two meetings of it, a commitment with a
// deadline that the first meeting fulfils, and an indictment said to breach another commitment.
const record = makeRecord([
  {
    id: 'dialogue',
    type: 'mechanism',
    actors: ['US', 'CN'],
    fields: { level: 'ministerial', openEnded: true, topics: ['cybercrime', 'hotline'], chairs: { US: 'AG' }, rounds: 2 },
  },
  { id: 'first-by-2015', type: 'commitment', fields: { deadline: '2015-12-31' }, links: { of: ['dialogue'] } },
  { id: 'no-theft', type: 'commitment', fields: { topics: ['ip-theft'] } },
  { id: 'meeting-1', date: '2015-12-01', type: 'meeting', fields: { level: 'ministerial' }, links: { of: ['dialogue'], fulfils: ['first-by-2015'] } },
  { id: 'meeting-2', date: '2016-06-14', type: 'meeting', fields: { level: 'ministerial' }, links: { of: ['dialogue'] } },
  { id: 'indictment', date: '2018-12-20', type: 'indictment', actors: ['US'], links: { breaches: ['no-theft'] } },
]);

function holds(conditionYaml: string, target: CaseRecord = record, asOf = '2018-12-31'): boolean {
  const condition = conditionFrom(conditionYaml);
  const index = indexRecord(target, dayNumber(asOf)!);
  const truth = compileCondition(condition)(index, undefined);
  // The fast path decides levels and the explaining path reports them: they must never disagree.
  expect(truth).toBe(referenceTruth(condition, index, undefined));
  const compiled = truth === HOLDS;
  expect(explainCondition(condition, index).ok).toBe(compiled);
  return compiled;
}

describe.each([
  // quantifiers
  ['some: holds when one event matches', 'some: {type: meeting}', true],
  ['some: fails when none matches', 'some: {type: suspension}', false],
  ['none: holds when nothing matches', 'none: {type: suspension}', true],
  ['none: fails when something matches', 'none: {type: meeting}', false],
  ['count equals', 'count: {type: meeting}\nequals: 2', true],
  ['count gte fails', 'count: {type: meeting}\ngte: 3', false],
  ['count lt', 'count: {type: commitment}\nlt: 3', true],
  ['count gt', 'count: {type: commitment}\ngt: 2', false],
  ['count lte', 'count: {type: commitment}\nlte: 2', true],
  // logic
  ['all holds', 'all: [{some: {type: meeting}}, {some: {type: mechanism}}]', true],
  ['all fails on one part', 'all: [{some: {type: meeting}}, {some: {type: hotline}}]', false],
  ['any holds on one part', 'any: [{some: {type: hotline}}, {some: {type: mechanism}}]', true],
  ['any fails when no part holds', 'any: [{some: {type: hotline}}, {some: {type: pledge}}]', false],
  ['not inverts', 'not: {some: {type: hotline}}', true],
  ['atLeast reached', 'atLeast: 2\nof: [{some: {type: meeting}}, {some: {type: hotline}}, {some: {type: mechanism}}]', true],
  ['atLeast missed', 'atLeast: 2\nof: [{some: {type: pledge}}, {some: {type: hotline}}, {some: {type: mechanism}}]', false],
  ['atLeast 0 always holds', 'atLeast: 0\nof: [{some: {type: pledge}}]', true],
  // field tests
  ['type shorthand with a list', 'some: {type: [pledge, indictment]}', true],
  ['equals a string', 'some: {field: level, equals: ministerial}', true],
  ['equals a boolean', 'some: {field: openEnded, equals: true}', true],
  ['equals never matches another type', 'some: {field: openEnded, equals: "true"}', false],
  ['in a list', 'some: {field: level, in: [leaders, ministerial]}', true],
  ['in misses', 'some: {field: level, in: [leaders, working]}', false],
  ['gt a number', 'some: {field: rounds, gt: 1}', true],
  ['gte a number', 'some: {field: rounds, gte: 3}', false],
  ['lt compares dates as text', 'some: {field: deadline, lt: "2016-01-01"}', true],
  ['lte a number', 'some: {field: rounds, lte: 2}', true],
  ['comparison across types is false', 'some: {field: level, gt: 1}', false],
  ['contains in a list', 'some: {field: topics, contains: ip-theft}', true],
  ['contains in a string', 'some: {field: level, contains: minister}', true],
  ['contains misses', 'some: {field: topics, contains: espionage}', false],
  ['exists', 'some: {field: deadline, exists: true}', true],
  ['exists false on every event without it', 'none: {field: rounds, exists: false}', false],
  ['a dotted field walks into a map', 'some: {field: chairs.US, equals: AG}', true],
  ['a dotted field through a non-map is absent', 'some: {field: level.US, exists: true}', false],
  ['core field id', 'some: {field: id, equals: meeting-2}', true],
  ['core field actors', 'some: {field: actors, contains: CN}', true],
  ['core field date compares as text', 'some: {field: date, gte: "2018-01-01"}', true],
  // dates
  ['before a date', 'some: {all: [{type: meeting}, {before: 2016-01-01}]}', true],
  ['before is strict', 'some: {all: [{type: meeting}, {before: 2015-12-01}]}', false],
  ['after the summit', 'count: {after: summit}\nequals: 3', true],
  ['after a date', 'some: {all: [{type: indictment}, {after: 2018-12-20}]}', false],
  ['before the as-of date', 'count: {before: asOf}\nequals: 6', true],
  // 2018-12-31 less 11 days is 2018-12-20, the indictment's day: `after` is strict
  ['after days before the as-of date, strict', 'some: {all: [{type: indictment}, {after: {daysBefore: 11, of: asOf}}]}', false],
  ['after days before the as-of date', 'some: {all: [{type: indictment}, {after: {daysBefore: 12, of: asOf}}]}', true],
  ['within days of days before the as-of date', 'count: {within: {days: 400, of: {daysBefore: 1000, of: asOf}}}\nequals: 1', true],
  ['before days before the summit', 'count: {before: {daysBefore: 0, of: summit}}\nequals: 0', true],
  ['within days of the summit, inclusive', 'some: {all: [{type: meeting}, {within: {days: 67, of: summit}}]}', true],
  ['within days of the summit, one day short', 'some: {all: [{type: meeting}, {within: {days: 66, of: summit}}]}', false],
  ['within days of a linked event', 'some: {all: [{type: meeting}, {within: {days: 70, of: {linked: of}}}]}', true],
  ['before a linked event fails without links', 'some: {all: [{type: mechanism}, {before: {linked: of}}]}', false],
  ['after a linked event', 'some: {all: [{id: x}, {after: {linked: breaches}}]}'.replace('{id: x}', '{type: indictment}'), true],
  // deadlines
  ['deadline met', 'some: {deadline: met}', true],
  ['deadline missed is false when met', 'some: {deadline: [missed, met-late]}', false],
  // links
  ['link to any target', 'some: {link: fulfils}', true],
  ['link to a target with a property', 'some: {all: [{type: meeting}, {link: of, to: {field: openEnded, equals: true}}]}', true],
  ['link to a target without it', 'some: {link: of, to: {type: hotline}}', false],
  ['linkedBy any', 'some: {all: [{type: commitment}, {linkedBy: breaches}]}', true],
  ['linkedBy with a condition on the source', 'some: {linkedBy: breaches, where: {field: actors, contains: US}}', true],
  ['linkedBy with a failing condition', 'some: {linkedBy: breaches, where: {field: actors, contains: CN}}', false],
  ['linkedBy at least twice: a mechanism that met twice', 'some: {linkedBy: of, where: {type: meeting}, min: 2}', true],
  ['linkedBy at least three times', 'some: {linkedBy: of, where: {type: meeting}, min: 3}', false],
  ['linkedBy min counts any linking event without where', 'some: {linkedBy: of, min: 3}', true],
  ['nested quantifier inside an event scope sees all events', 'some: {all: [{type: mechanism}, {some: {type: indictment}}]}', true],
])('%s', (_name, condition, expected) => {
  it(`is ${expected}`, () => expect(holds(condition)).toBe(expected));
});

describe('as-of date', () => {
  it('hides events after it, so links to them resolve to nothing', () => {
    expect(holds('some: {linkedBy: of, where: {type: meeting}}', record, '2015-11-30')).toBe(false);
    expect(holds('some: {linkedBy: of, where: {type: meeting}}', record, '2015-12-01')).toBe(true);
  });

  it.each([
    ['2015-10-01', 'pending'],
    ['2016-01-01', 'pending'],
  ])('judges a deadline with no fulfilment yet at %s', (asOf) => {
    const unfulfilled = makeRecord([{ id: 'c', type: 'commitment', fields: { deadline: '2015-12-31' } }]);
    const pendingThen = asOf < '2016-01-01';
    expect(holds('some: {deadline: pending}', unfulfilled, asOf)).toBe(pendingThen);
    expect(holds('some: {deadline: missed}', unfulfilled, asOf)).toBe(!pendingThen);
  });

  it('counts a fulfilment after the deadline as met-late, and as missed before it exists', () => {
    const late = makeRecord([
      { id: 'c', type: 'commitment', fields: { deadline: '2015-12-31' } },
      { id: 'm', date: '2016-02-01', type: 'meeting', links: { fulfils: ['c'] } },
    ]);
    expect(holds('some: {deadline: met-late}', late, '2016-02-01')).toBe(true);
    expect(holds('some: {deadline: missed}', late, '2016-01-31')).toBe(true);
  });

  it('treats a month-only date as the end of that month', () => {
    const monthly = makeRecord([{ id: 'exercise', date: '2016-04', type: 'exercise' }]);
    expect(holds('some: {type: exercise}', monthly, '2016-04-29')).toBe(false);
    expect(holds('some: {type: exercise}', monthly, '2016-04-30')).toBe(true);
  });
});

describe('explanations', () => {
  const explain = (yaml: string, asOf = '2018-12-31') => explainCondition(conditionFrom(yaml), indexRecord(record, dayNumber(asOf)!));

  it('names the events that made a quantifier hold, with linked events', () => {
    const outcome = explain('some: {all: [{type: meeting}, {link: of, to: {type: mechanism}}]}');
    expect(outcome.witnesses).toEqual(['meeting-1', 'dialogue', 'meeting-2']);
  });

  it('reports the first part no event satisfies, with its matrix path', () => {
    const { failure } = explain('some: {all: [{type: hotline}, {field: level, equals: leaders}]}');
    expect(failure).toMatchObject({ path: 'some.all[0]', expected: 'some event where type = hotline', actual: 'none of the 6 events as of 2018-12-31' });
    expect(failure?.location).toMatchObject({ line: 1 });
  });

  it('shows the closest event and its actual value when events get part of the way', () => {
    const { failure } = explain('some: {all: [{type: mechanism}, {field: level, equals: leaders}]}');
    expect(failure).toMatchObject({ expected: 'level = leaders', actual: 'level = ministerial', event: 'dialogue' });
  });

  it('says how many events matched when a count falls short', () => {
    const { failure } = explain('count: {type: meeting}\ngte: 3');
    expect(failure?.actual).toBe('2 (meeting-1, meeting-2)');
  });

  it('names the event that breaks a none', () => {
    const { failure } = explain('none: {type: indictment}');
    expect(failure).toMatchObject({ actual: 'indictment matches', event: 'indictment' });
  });

  it('gives the deadline state when a deadline test fails', () => {
    const { failure } = explain('some: {all: [{type: commitment}, {field: deadline, exists: true}, {deadline: missed}]}');
    expect(failure?.actual).toBe('deadline met (due 2015-12-31)');
  });

  it('counts the linking events when too few link', () => {
    const { failure } = explain('some: {all: [{type: mechanism}, {linkedBy: of, where: {type: meeting}, min: 3}]}');
    expect(failure).toMatchObject({
      expected: 'is linked (of) from at least 3 events where type = meeting',
      actual: '2 (meeting-1, meeting-2)',
      event: 'dialogue',
    });
  });

  it('says when an event has no link of the kind asked for', () => {
    const { failure } = explain('some: {all: [{type: mechanism}, {link: supersedes}]}');
    expect(failure?.actual).toBe('no supersedes link');
  });
});
