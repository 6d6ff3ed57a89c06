// The compiled conditions (src/engine/compile.ts) against the reference interpreter
// (oracle/truth.ts) on random conditions and records that reach what the explainer's random cases
// leave out: events that may not have happened (unverified), events dated by their month alone,
// `all`/`any` of three or more parts, long `in` lists, values that are lists or maps, comparisons
// of text, prototype keys, declared and closed fields, and one compiled test asked about one index
// after another and then the first again (the caches of nested quantifiers and chained links).
// Then the query planner's own promise: the events it hands a quantifier are exactly those its
// first test can hold for.
import { describe, expect, it } from 'vitest';
import { compileCondition, fansOut, firstPartCandidates, planQuantifier } from '../../src/engine/compile.js';
import { createRandom } from '../../src/engine/random.js';
import { daysFromCivil, daysInMonth, formatDay } from '../../src/engine/dates.js';
import { indexRecord, type RecordIndex } from '../../src/engine/record-index.js';
import { FAILS, HOLDS, UNKNOWN, type Truth } from '../../src/engine/truth.js';
import type { CaseRecord, Condition, DateAnchor, FieldDeclaration, FieldTest, FieldValue, LinkKind, Matrix, SummitEvent } from '../../src/engine/types.js';
import { referenceTruth } from './oracle/truth.js';
import { conditionFrom, makeRecord } from '../helpers/build.js';

const TYPES = ['meeting', 'mechanism', 'commitment', 'report', 'pledge'];
const LEVELS = ['leaders', 'ministerial', 'working'];
const KINDS: LinkKind[] = ['of', 'fulfils', 'breaches', 'supersedes'];
const PARTIES = ['US', 'CN', 'RU'];
const JANUARY = daysFromCivil(2015, 1, 1);
const PADDING = Array.from({ length: 9 }, (_, i) => `other-${i}`);

type Choose = <T>(list: readonly T[]) => T;

function randomEvent(random: () => number, pick: Choose, i: number, count: number): SummitEvent {
  const month = 1 + Math.floor(random() * 6);
  // One event in five is known by its month alone, which counts from the month's last day.
  const byMonth = random() < 0.2;
  const day = byMonth ? daysFromCivil(2015, month, daysInMonth(2015, month)) : daysFromCivil(2015, month, 1 + Math.floor(random() * 28));
  const date = byMonth ? `2015-0${month}` : formatDay(day);
  const fields: Record<string, FieldValue> = {};
  if (random() < 0.6) fields['level'] = pick([...LEVELS, null]);
  if (random() < 0.4) fields['topics'] = ['norms', 'trade', 'cybercrime'].filter(() => random() < 0.5);
  if (random() < 0.3) fields['deadline'] = formatDay(JANUARY + Math.floor(random() * 200));
  if (random() < 0.4) fields['severity'] = pick([0, 1, 2, 3, '2']);
  if (random() < 0.3) fields['flag'] = random() < 0.5;
  if (random() < 0.2) fields['accused'] = PARTIES.filter(() => random() < 0.4);
  if (random() < 0.2) fields['chairs'] = { US: pick(LEVELS) };
  if (random() < 0.2) fields['tags'] = [{ a: 1 }, pick(['x', 'y'])];
  const links: Partial<Record<LinkKind, string[]>> = {};
  for (const kind of KINDS) {
    // Some ids point at no event: a dangling link is no link.
    if (random() < 0.3)
      links[kind] = Array.from({ length: 1 + Math.floor(random() * 2) }, () => `e${Math.floor(random() * (count + 1))}`).filter((id) => id !== `e${i}`);
  }
  return { id: `e${i}`, date, day, type: pick(TYPES), actors: PARTIES.filter(() => random() < 0.5), fields, links, sources: [] };
}

function randomRecord(random: () => number, pick: Choose): CaseRecord {
  const count = Math.floor(random() * 10);
  const events = Array.from({ length: count }, (_, i) => randomEvent(random, pick, i, count));
  const day = daysFromCivil(2015, 3, 15);
  return { id: 'random', title: 'Random', date: formatDay(day), day, parties: PARTIES.slice(0, 2), events };
}

function randomCheck(random: () => number, pick: Choose): { field: string; check: FieldTest } {
  const some = (list: readonly FieldValue[], n: number) => Array.from({ length: n }, () => pick(list));
  const choices: (() => { field: string; check: FieldTest })[] = [
    () => ({ field: 'type', check: { test: 'equals', value: pick([...TYPES, 1]) } }),
    () => ({ field: 'type', check: { test: 'in', values: some([...TYPES, 7], 1 + Math.floor(random() * 3)) } }),
    () => ({ field: 'type', check: { test: 'in', values: [...PADDING, pick(TYPES)] } }),
    () => ({
      field: pick(['level', 'severity', 'flag', 'chairs.US', 'constructor', 'title']),
      check: { test: 'equals', value: pick([...LEVELS, 2, '2', true, false, null]) },
    }),
    () => ({ field: pick(['chairs', 'topics']), check: { test: 'equals', value: pick([{ US: 'leaders' }, ['norms'], []]) } }),
    () => ({ field: pick(['level', 'severity']), check: { test: 'in', values: some([...LEVELS, 1, 2, '2', null], 1 + Math.floor(random() * 4)) } }),
    () => ({ field: pick(['level', 'type']), check: { test: 'in', values: [...PADDING, pick([...LEVELS, ...TYPES])] } }),
    () => ({ field: pick(['chairs', 'level']), check: { test: 'in', values: [{ US: pick(LEVELS) }, pick(LEVELS)] } }),
    () => ({
      field: pick(['topics', 'actors', 'tags', 'level', 'severity']),
      check: { test: 'contains', value: pick(['norms', 'US', 'minis', 'x', 2, { a: 1 }]) },
    }),
    () => ({ field: pick(['level', 'severity', 'deadline', 'chairs.US', 'constructor', 'actors', 'flag']), check: { test: 'exists', value: random() < 0.6 } }),
    () => ({
      field: pick(['severity', 'deadline', 'level', 'date']),
      check: { test: 'compare', comparison: pick(['gt', 'gte', 'lt', 'lte'] as const), value: pick([1, 2, '2015-03-01', 'ministerial']) },
    }),
  ];
  return pick(choices)();
}

function randomAnchor(random: () => number, pick: Choose): DateAnchor {
  const day = JANUARY + Math.floor(random() * 180);
  return pick<DateAnchor>([
    { kind: 'date', date: formatDay(day), day },
    { kind: 'summit' },
    { kind: 'summit', daysBefore: 30 },
    { kind: 'asOf' },
    { kind: 'asOf', daysBefore: 45 },
    { kind: 'linked', link: pick(KINDS) },
  ]);
}

function randomCondition(random: () => number, pick: Choose, eventScope: boolean, depth: number, path: string): Condition {
  const child = (i: number | string, inEvent = eventScope) => randomCondition(random, pick, inEvent, depth + 1, `${path}.${i}`);
  const deep = depth >= 4;
  const roll = random();
  if (!deep && roll < 0.25) {
    const op = pick(['all', 'any', 'atLeast', 'not'] as const);
    if (op === 'not') return { op, condition: child('not'), path };
    const parts = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => child(i));
    if (op === 'atLeast') return { op, count: Math.floor(random() * 4), conditions: parts, path };
    return { op, conditions: parts, path };
  }
  if (!eventScope || (!deep && roll < 0.4)) {
    const where = randomWhere(random, pick, depth + 1, `${path}.where`);
    const op = pick(['some', 'none', 'count'] as const);
    if (op === 'count') return { op, where, comparison: pick(['equals', 'gt', 'gte', 'lt', 'lte'] as const), value: Math.floor(random() * 3), path };
    return { op, where, path };
  }
  switch (Math.floor(random() * 8)) {
    case 0:
    case 1:
      return { op: 'field', ...randomCheck(random, pick), path };
    case 2: {
      const anchor = randomAnchor(random, pick);
      const op = pick(['before', 'after', 'within'] as const);
      return op === 'within' ? { op, days: pick([0, 10, 60]), anchor, path } : { op, anchor, path };
    }
    case 3:
      return { op: 'deadline', states: ['met', 'met-late', 'missed', 'pending'].filter(() => random() < 0.5) as ('met' | 'pending')[], path };
    case 4:
      return deep || random() < 0.4 ? { op: 'link', kind: pick(KINDS), path } : { op: 'link', kind: pick(KINDS), to: child('to', true), path };
    case 5:
      return deep || random() < 0.4
        ? { op: 'linkedBy', kind: pick(KINDS), min: 1 + Math.floor(random() * 3), path }
        : { op: 'linkedBy', kind: pick(KINDS), min: 1 + Math.floor(random() * 3), where: child('where', true), path };
    case 6:
      return { op: 'partyIn', field: pick(['actors', 'accused']), path };
    default:
      return { op: 'isSubject', value: random() < 0.6, path };
  }
}

/** A quantifier's `where`, often of the shapes the planner looks for: a type, the subject, a deadline, inside an `all`. */
function randomWhere(random: () => number, pick: Choose, depth: number, path: string): Condition {
  const planned: Condition = pick<Condition>([
    { op: 'field', field: 'type', check: { test: 'equals', value: pick(TYPES) }, path },
    { op: 'field', field: 'type', check: { test: 'in', values: [pick(TYPES), pick(TYPES)] }, path },
    { op: 'isSubject', value: true, path },
    { op: 'link', kind: pick(KINDS), to: { op: 'isSubject', value: true, path }, path },
    { op: 'deadline', states: [pick(['met', 'missed', 'pending'] as const)], path },
  ]);
  const roll = random();
  if (roll < 0.2) return planned;
  if (roll < 0.6) {
    const parts = Array.from({ length: Math.floor(random() * 3) }, (_, i) => randomCondition(random, pick, true, depth + 1, `${path}.${i}`));
    parts.splice(Math.floor(random() * (parts.length + 1)), 0, planned);
    return { op: 'all', conditions: parts, path };
  }
  return randomCondition(random, pick, true, depth, path);
}

const declaration = (name: string, absent: FieldDeclaration['absent'], values?: readonly FieldValue[]): FieldDeclaration => ({
  name,
  type: 'string',
  absent,
  ...(values && { values: values.map((value) => ({ value: value as string, meaning: 'a declared value' })) }),
});

/** The `fields:` blocks a matrix may have: none, empty, silence as "no", stand-in values, closed vocabularies. */
const FIELD_BLOCKS: { name: string; fields: Matrix['fields'] }[] = [
  { name: 'no fields block', fields: undefined },
  { name: 'an empty fields block', fields: {} },
  {
    name: 'absence read as false',
    fields: Object.fromEntries(['level', 'severity', 'deadline', 'flag', 'chairs.US', 'topics', 'accused'].map((n) => [n, declaration(n, { kind: 'false' })])),
  },
  {
    name: 'a stand-in value and a closed level',
    fields: { severity: declaration('severity', { kind: 'value', value: 1 }), level: declaration('level', { kind: 'unknown' }, LEVELS.slice(0, 2)) },
  },
  {
    name: 'a closed type',
    fields: { type: declaration('type', { kind: 'unknown' }, TYPES.slice(0, 3)), deadline: declaration('deadline', { kind: 'false' }) },
  },
];

function scopesOf(record: CaseRecord, random: () => number, pick: Choose): RecordIndex[] {
  const asOf = random() < 0.5 ? daysFromCivil(2015, 12, 31) : JANUARY + Math.floor(random() * 180);
  const index = indexRecord(record, asOf);
  const unverified = new Set(index.events.filter(() => random() < 0.4));
  const doubtful = indexRecord(record, asOf, unverified);
  const subject = index.events.length > 0 ? pick(index.events) : undefined;
  const doubtfulSubject = doubtful.events.length > 0 ? pick(doubtful.events) : undefined;
  return [
    index,
    { ...index, party: pick(PARTIES) },
    doubtful,
    ...(subject ? [{ ...index, subject, party: 'CN' }] : []),
    ...(doubtfulSubject ? [{ ...doubtful, subject: doubtfulSubject, party: 'US' }] : []),
    // The first index again: a cache that kept the last index's answer would give it here.
    index,
  ];
}

describe('compiled conditions against the reference interpreter', () => {
  it.each(FIELD_BLOCKS.map((block, i) => [block.name, block.fields, i] as const))(
    'agree on 400 random conditions, each in six scopes, with %s',
    (_name, fields, seed) => {
      const generator = createRandom(1000 + seed);
      const random = () => generator.next();
      const pick: Choose = (list) => list[Math.floor(random() * list.length)]!;
      const seen = new Set<Truth>();
      let doubtfulUnknowns = 0;
      for (let round = 0; round < 400; round++) {
        const record = randomRecord(random, pick);
        const condition = randomCondition(random, pick, false, 0, 'when');
        const test = compileCondition(condition, fields);
        for (const index of scopesOf(record, random, pick)) {
          const expected = referenceTruth(condition, index, undefined, fields);
          const actual = test(index, undefined);
          if (actual !== expected) {
            const shown = {
              condition,
              events: record.events,
              asOf: index.asOfDay,
              party: index.party,
              subject: index.subject?.id,
              unverified: [...(index.uncertain ?? [])].map((e) => e.id),
            };
            expect(
              actual,
              JSON.stringify(shown, (key, value: unknown) => (key === 'path' || key === 'sources' ? undefined : value)),
            ).toBe(expected);
          }
          seen.add(actual);
          if (index.uncertain !== undefined && actual === UNKNOWN && referenceTruth(condition, { ...index, uncertain: undefined }, undefined, fields) === HOLDS)
            doubtfulUnknowns++;
        }
      }
      // The cases reach every truth value, and unverified events turn some holds into unknowns.
      expect(seen).toEqual(new Set([FAILS, UNKNOWN, HOLDS]));
      expect(doubtfulUnknowns).toBeGreaterThan(5);
    },
  );
});

/** An event test as a matrix author writes it in a per-party forEach criterion, where an event is in scope. */
const eventTest = (yaml: string) => conditionFrom(yaml, { event: true, party: true, subject: true });

describe('fansOut: whether a condition reaches past the event in scope', () => {
  it.each([
    ['a field test', 'type: meeting', false],
    ['a date test', 'before: summit', false],
    ['the subject', 'isSubject: true', false],
    ['a party test', 'partyIn: actors', false],
    ['a link', 'link: of', true],
    ['a reverse link', 'linkedBy: fulfils', true],
    ['all of a field and a link', 'all: [{type: meeting}, {link: of}]', true],
    ['any of two fields', 'any: [{type: meeting}, {type: report}]', false],
    ['any with a link', 'any: [{type: meeting}, {link: of}]', true],
    ['atLeast with a quantifier', 'atLeast: 1\nof: [{type: meeting}, {some: {type: report}}]', true],
    ['atLeast of fields', 'atLeast: 1\nof: [{type: meeting}, {type: report}]', false],
    ['not of a link', 'not: {link: breaches}', true],
    ['not of a field', 'not: {type: meeting}', false],
    ['a count', 'count: {type: meeting}\ngte: 1', true],
    ['none', 'none: {type: meeting}', true],
    ['some', 'some: {type: meeting}', true],
  ])('%s: %s', (_name, yaml, expected) => {
    expect(fansOut(eventTest(yaml))).toBe(expected);
  });
});

// meeting-1 and meeting-2 meet the dialogue; the report fulfils the pledge.
const record = makeRecord([
  { id: 'dialogue', type: 'mechanism' },
  { id: 'pledge', type: 'commitment', fields: { deadline: '2015-12-31' } },
  { id: 'meeting-1', type: 'meeting', links: { of: ['dialogue'] } },
  { id: 'report', type: 'report', links: { fulfils: ['pledge'] } },
  { id: 'meeting-2', type: 'meeting', links: { of: ['dialogue'] } },
]);
const index = indexRecord(record, record.day);
const ids = (events: readonly SummitEvent[] | undefined) => events?.map((event) => event.id);
const event = (id: string) => index.byId.get(id)!;
const closedType: Matrix['fields'] = { type: declaration('type', { kind: 'unknown' }, ['meeting', 'report']) };

describe('the query planner hands a quantifier exactly the events its first test can hold for', () => {
  it.each([
    ['one type', 'type: meeting', ['meeting-1', 'meeting-2']],
    ['a list of types, in record order', 'type: [report, meeting]', ['meeting-1', 'report', 'meeting-2']],
    ['a list naming a type twice', 'field: type\nin: [meeting, meeting]', ['meeting-1', 'meeting-2']],
  ])('%s (%s): those events, with nothing left to test', (_name, yaml, expected) => {
    const plan = planQuantifier(eventTest(yaml));
    expect(ids(plan.candidates(index))).toEqual(expected);
    expect(plan.test).toBeUndefined();
    expect(ids(firstPartCandidates(eventTest(yaml))?.(index))).toEqual(expected);
  });

  it('a type inside an all, wherever it stands: the events of that type, tested for the rest', () => {
    for (const yaml of ['all: [{type: meeting}, {link: of}]', 'all: [{link: of}, {type: meeting}]']) {
      const plan = planQuantifier(eventTest(yaml));
      expect(ids(plan.candidates(index))).toEqual(['meeting-1', 'meeting-2']);
      // What is left to test is the rest of the all: the link.
      expect(plan.test!(index, event('meeting-1'))).toBe(HOLDS);
      expect(plan.test!(index, event('pledge'))).toBe(FAILS);
    }
    const alone = planQuantifier(eventTest('all: [{type: report}]'));
    expect(ids(alone.candidates(index))).toEqual(['report']);
    expect(alone.test).toBeUndefined();
  });

  it('the subject, or the events that link to it: only those, with the rest of an all to test', () => {
    const scope = { ...index, subject: event('pledge') };
    const subject = planQuantifier(eventTest('isSubject: true'));
    expect(ids(subject.candidates(scope))).toEqual(['pledge']);
    expect(ids(subject.candidates(index))).toEqual([]);
    expect(subject.test).toBeUndefined();
    const fulfilling = planQuantifier(eventTest('link: fulfils\nto: {isSubject: true}'));
    expect(ids(fulfilling.candidates(scope))).toEqual(['report']);
    expect(ids(fulfilling.candidates(index))).toEqual([]);
    const tied = planQuantifier(eventTest('all: [{type: meeting}, {isSubject: true}]'));
    expect(ids(tied.candidates(scope))).toEqual(['pledge']);
    expect(tied.test!(scope, event('pledge'))).toBe(FAILS);
    const onlySubject = planQuantifier(eventTest('all: [{isSubject: true}]'));
    expect(onlySubject.test).toBeUndefined();
    expect(ids(firstPartCandidates(eventTest('isSubject: true'))?.(scope))).toEqual(['pledge']);
  });

  it('not the subject, a type under a closed vocabulary, a type that is no text, or no test: every event may pass', () => {
    const every = ids(index.events);
    for (const [yaml, fields] of [
      ['isSubject: false', undefined],
      ['link: fulfils\nto: {isSubject: false}', undefined],
      ['type: meeting', closedType],
      ['all: [{type: meeting}, {link: of}]', closedType],
      ['field: type\nequals: 1', undefined],
      ['field: type\nin: [meeting, 1]', undefined],
      ['field: level\nequals: meeting', undefined],
      ['field: type\nexists: true', undefined],
    ] as const) {
      const condition = eventTest(yaml);
      expect(ids(planQuantifier(condition, fields).candidates(index))).toEqual(every);
      expect(firstPartCandidates(condition, fields)).toBeUndefined();
    }
    expect(firstPartCandidates(undefined)).toBeUndefined();
  });

  it('a deadline test when silence about a deadline means no: only the events with one', () => {
    const silenceIsNo: Matrix['fields'] = { deadline: declaration('deadline', { kind: 'false' }) };
    for (const yaml of ['deadline: [pending]', 'all: [{link: of}, {deadline: [pending]}]']) {
      expect(ids(planQuantifier(eventTest(yaml), silenceIsNo).candidates(index))).toEqual(['pledge']);
      // Where silence is unknown, an event without a deadline is unknown: it must be looked at.
      expect(ids(planQuantifier(eventTest(yaml), {}).candidates(index))).toEqual(ids(index.events));
    }
  });
});

describe('what the random cases found', () => {
  // A record may list a target twice (the loader accepts it): it is still one link.
  const twice = makeRecord([
    { id: 'pledge', type: 'commitment' },
    { id: 'report', type: 'report', links: { fulfils: ['pledge', 'pledge'] } },
  ]);
  const twiceIndex = indexRecord(twice, twice.day);
  const pledge = twiceIndex.byId.get('pledge')!;

  it('an event that lists its target twice links to it once', () => {
    expect(compileCondition(conditionFrom('some:\n  linkedBy: fulfils\n  min: 2'))(twiceIndex, undefined)).toBe(FAILS);
    expect(compileCondition(conditionFrom('some:\n  linkedBy: fulfils\n  min: 1'))(twiceIndex, undefined)).toBe(HOLDS);
    const fulfilling = conditionFrom('count: {link: fulfils, to: {isSubject: true}}\ngte: 2', { subject: true });
    expect(compileCondition(fulfilling)({ ...twiceIndex, subject: pledge }, undefined)).toBe(FAILS);
  });

  it('a link to an unverified subject is unknown, however the condition is written', () => {
    const doubtful = { ...indexRecord(twice, twice.day, new Set([pledge])), subject: pledge };
    for (const yaml of [
      'some: {link: fulfils, to: {isSubject: true}}',
      'some: {all: [{type: report}, {link: fulfils, to: {isSubject: true}}]}',
      'some: {all: [{link: fulfils, to: {isSubject: true}}, {type: report}]}',
      'some: {any: [{link: fulfils, to: {isSubject: true}}]}',
      'some: {link: fulfils, to: {all: [{isSubject: true}, {type: commitment}]}}',
    ]) {
      expect(compileCondition(conditionFrom(yaml, { subject: true }))(doubtful, undefined), yaml).toBe(UNKNOWN);
      expect(compileCondition(conditionFrom(yaml.replace('some', 'none'), { subject: true }))(doubtful, undefined), yaml).toBe(UNKNOWN);
    }
  });
});
