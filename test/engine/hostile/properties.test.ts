// Property-based tests (fast-check, fixed seeds so every run checks the same cases):
// - random valid matrices and records, built as engine data from the whole condition language:
//   the engine never throws, totals stay within 0-100 (or null), output is byte-identical across
//   runs and whatever the order of the records, consistent renaming of ids and the order of events
//   change no score, and an event that satisfies no condition changes nothing;
// - random mutations of the bundled files: the loaders and validate accept them or report coded
//   problems with a position, never another exception.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBundledFile } from '../../../src/load/bundled.js';
import { ERROR_CODES, InputError, type Diagnostic } from '../../../src/diagnostics.js';
import {
  compileCondition,
  compileMatrix,
  dayNumber,
  formatDay,
  indexRecord,
  LINK_KINDS,
  evaluateRecord,
  type CaseRecord,
  type CaseResult,
  type Condition,
  type Criterion,
  type DateAnchor,
  type DeadlineState,
  type FieldValue,
  type LinkKind,
  type Matrix,
  type SummitEvent,
} from '../../../src/engine/index.js';
import { formatters } from '../../../src/format/index.js';
import { formatJson } from '../../../src/format/json.js';
import type { EvaluationReport } from '../../../src/format/report.js';
import { checkFile } from '../../../src/load/check-file.js';
import { loadMatrix } from '../../../src/load/load-matrix.js';
import { loadRecord } from '../../../src/load/load-record.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../../src/input-limit.js';

const SEED = 20_150_925;
const params = (numRuns: number) => ({ seed: SEED, numRuns });

// ---------------------------------------------------------------------------------------------
// Arbitraries: engine data, valid by construction.

const EVENT_TYPES = ['meeting', 'mechanism', 'commitment', 'statement'] as const;
const PARTIES = ['US', 'CN', 'RU'] as const;
/** Field names, including ones that mean something to JavaScript objects: here they are data. */
const FIELD_NAMES = ['level', 'openEnded', 'topics', 'cadence', 'deadline', 'chairs', 'accused', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const WORDS = ['ministerial', 'leaders', 'working', 'civil', 'military', 'constructor', '__proto__', 'prototype', 'US', 'CN', 'a', ''] as const;
const DEADLINE_STATES: readonly DeadlineState[] = ['pending', 'met', 'met-late', 'missed'];
const FIRST_DAY = dayNumber('2015-01-01')!;
const SPAN = 730;

const word = fc.constantFrom(...WORDS);
const scalar: fc.Arbitrary<FieldValue> = fc.oneof(
  word,
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.constant(null),
);
const fieldValue: fc.Arbitrary<FieldValue> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(word, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('US', 'CN', 'toString'), word, { maxKeys: 2 }) },
);
const day = fc.integer({ min: 0, max: SPAN }).map((offset) => FIRST_DAY + offset);

interface EventDraft {
  readonly type: string;
  readonly day: number;
  readonly actors: readonly string[];
  readonly fields: Record<string, FieldValue>;
  /** Per link kind, indexes of the events it links to (self and cycles included). */
  readonly links: Partial<Record<LinkKind, number[]>>;
}

const eventDraft: fc.Arbitrary<EventDraft> = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  day,
  actors: fc.subarray([...PARTIES]),
  fields: fc.tuple(fc.dictionary(fc.constantFrom(...FIELD_NAMES), fieldValue, { maxKeys: 4 }), fc.option(day, { nil: undefined })).map(([fields, deadline]) => {
    // Built with defineProperty semantics (Object.fromEntries), so names like toString are own data.
    const entries = Object.entries(fields).filter(([key]) => key !== 'deadline');
    if (deadline !== undefined) entries.push(['deadline', formatDay(deadline)]);
    return Object.fromEntries(entries);
  }),
  links: fc.dictionary(fc.constantFrom(...LINK_KINDS), fc.array(fc.nat({ max: 7 }), { maxLength: 3 }), { maxKeys: 3 }),
});

function buildRecord(id: string, summitDay: number, drafts: readonly EventDraft[], parties: readonly string[], eventId = (i: number) => `e${i}`): CaseRecord {
  const events = drafts.map((draft, i): SummitEvent => {
    const links: Partial<Record<LinkKind, readonly string[]>> = {};
    for (const [kind, targets] of Object.entries(draft.links) as [LinkKind, number[]][]) {
      const ids = [...new Set(targets.filter((t) => t < drafts.length))].map(eventId);
      if (ids.length > 0) links[kind] = ids;
    }
    return {
      id: eventId(i),
      date: formatDay(draft.day),
      day: draft.day,
      type: draft.type,
      title: `Event ${i}`,
      actors: draft.actors,
      fields: draft.fields,
      links,
      sources: i % 3 === 0 ? [] : [{ url: `https://example.org/${i % 2}`, verified: i % 4 !== 1 }],
    };
  });
  return { id, title: `Record ${id}`, date: formatDay(summitDay), day: summitDay, parties, events };
}

const recordArb = fc
  .record({ summit: day, drafts: fc.array(eventDraft, { maxLength: 8 }), parties: fc.subarray([...PARTIES], { minLength: 1 }) })
  .map(({ summit, drafts, parties }) => ({ drafts, record: buildRecord('case', summit, drafts, parties) }));

interface Scope {
  readonly party: boolean;
  readonly subject: boolean;
}

const path = 'criteria[0].levels[0].when';
const anchor: fc.Arbitrary<DateAnchor> = fc.oneof(
  day.map((d): DateAnchor => ({ kind: 'date', date: formatDay(d), day: d })),
  fc.constant<DateAnchor>({ kind: 'summit' }),
  fc.constant<DateAnchor>({ kind: 'asOf' }),
  fc.constantFrom(...LINK_KINDS).map((link): DateAnchor => ({ kind: 'linked', link })),
);
const comparison = fc.constantFrom<'gt' | 'gte' | 'lt' | 'lte'>('gt', 'gte', 'lt', 'lte');
const fieldName = fc.constantFrom(...FIELD_NAMES, 'type', 'title', 'actors', 'date', 'chairs.US', 'chairs.toString', 'valueOf.constructor');

/** A condition that tests one event (inside some/none/count, links, forEach). */
function eventCondition(depth: number, scope: Scope): fc.Arbitrary<Condition> {
  const leaves: fc.Arbitrary<Condition>[] = [
    fc.constantFrom(...EVENT_TYPES, 'absent-type').map((type): Condition => ({ path, op: 'field', field: 'type', check: { test: 'equals', value: type } })),
    fc.tuple(fieldName, fieldValue).map(([field, value]): Condition => ({ path, op: 'field', field, check: { test: 'equals', value } })),
    fc
      .tuple(fieldName, fc.array(fieldValue, { minLength: 1, maxLength: 3 }))
      .map(([field, values]): Condition => ({ path, op: 'field', field, check: { test: 'in', values } })),
    fc
      .tuple(fieldName, comparison, fc.oneof(fc.integer({ min: -5, max: 5 }), word, day.map(formatDay)))
      .map(([field, c, value]): Condition => ({ path, op: 'field', field, check: { test: 'compare', comparison: c, value } })),
    fc
      .tuple(fieldName, fc.oneof(word, fc.constantFrom('inist', 'US', '_')))
      .map(([field, value]): Condition => ({ path, op: 'field', field, check: { test: 'contains', value } })),
    fc.tuple(fieldName, fc.boolean()).map(([field, value]): Condition => ({ path, op: 'field', field, check: { test: 'exists', value } })),
    fc.tuple(fc.constantFrom<'before' | 'after'>('before', 'after'), anchor).map(([op, a]): Condition => ({ path, op, anchor: a })),
    fc.tuple(fc.integer({ min: 0, max: 400 }), anchor).map(([days, a]): Condition => ({ path, op: 'within', days, anchor: a })),
    fc.subarray([...DEADLINE_STATES], { minLength: 1 }).map((states): Condition => ({ path, op: 'deadline', states })),
    fc.constantFrom(...LINK_KINDS).map((kind): Condition => ({ path, op: 'link', kind })),
    fc.tuple(fc.constantFrom(...LINK_KINDS), fc.integer({ min: 1, max: 2 })).map(([kind, min]): Condition => ({ path, op: 'linkedBy', kind, min })),
  ];
  if (scope.party) leaves.push(fc.constantFrom('actors', 'accused').map((field): Condition => ({ path, op: 'partyIn', field })));
  if (scope.subject) leaves.push(fc.boolean().map((value): Condition => ({ path, op: 'isSubject', value })));
  if (depth <= 0) return fc.oneof(...leaves);
  const inner = eventCondition(depth - 1, scope);
  return fc.oneof(
    { weight: 6, arbitrary: fc.oneof(...leaves) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((conditions): Condition => ({ path, op: 'all', conditions })) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((conditions): Condition => ({ path, op: 'any', conditions })) },
    { weight: 1, arbitrary: inner.map((condition): Condition => ({ path, op: 'not', condition })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(inner, { minLength: 1, maxLength: 3 }), fc.nat({ max: 3 }))
        .map(([conditions, count]): Condition => ({ path, op: 'atLeast', count: Math.min(count, conditions.length), conditions })),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...LINK_KINDS), inner).map(([kind, to]): Condition => ({ path, op: 'link', kind, to })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...LINK_KINDS), inner, fc.integer({ min: 1, max: 2 }))
        .map(([kind, where, min]): Condition => ({ path, op: 'linkedBy', kind, where, min })),
    },
    // A quantifier inside an event test: legal, and what once made evaluation exponential.
    { weight: 1, arbitrary: recordCondition(depth - 1, scope) },
  );
}

/** A condition about the whole record (a level's `when`, `appliesWhen`). */
function recordCondition(depth: number, scope: Scope): fc.Arbitrary<Condition> {
  const events = eventCondition(Math.max(0, depth - 1), scope);
  const quantifiers = fc.oneof(
    events.map((where): Condition => ({ path, op: 'some', where })),
    events.map((where): Condition => ({ path, op: 'none', where })),
    fc
      .tuple(events, fc.constantFrom<'equals' | 'gt' | 'gte' | 'lt' | 'lte'>('equals', 'gt', 'gte', 'lt', 'lte'), fc.nat({ max: 4 }))
      .map(([where, c, value]): Condition => ({ path, op: 'count', where, comparison: c, value })),
  );
  if (depth <= 0) return quantifiers;
  const inner = recordCondition(depth - 1, scope);
  return fc.oneof(
    { weight: 4, arbitrary: quantifiers },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((conditions): Condition => ({ path, op: 'all', conditions })) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((conditions): Condition => ({ path, op: 'any', conditions })) },
    { weight: 1, arbitrary: inner.map((condition): Condition => ({ path, op: 'not', condition })) },
  );
}

const criterionArb = (index: number): fc.Arbitrary<Criterion> =>
  fc
    .record({
      party: fc.boolean(),
      subject: fc.boolean(),
      weight: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 5 }) },
        { weight: 1, arbitrary: fc.double({ min: 0.01, max: 1e6, noNaN: true }) },
      ),
      scores: fc.uniqueArray(fc.integer({ min: -5, max: 5 }), { minLength: 2, maxLength: 4 }),
      lowestHasWhen: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
    })
    .chain(({ party, subject, weight, scores, lowestHasWhen }) => {
      const scope = { party, subject };
      const sorted = [...scores].sort((a, b) => b - a);
      return fc
        .record({
          whens: fc.tuple(...sorted.map(() => recordCondition(2, scope))),
          appliesWhen: fc.option(recordCondition(1, scope), { nil: undefined, freq: 3 }),
          forEach: subject ? eventCondition(1, { party: false, subject: false }).map((c) => c as Condition | undefined) : fc.constant(undefined),
          perParty: party ? fc.oneof(fc.constant<true>(true), fc.subarray([...PARTIES], { minLength: 1 })) : fc.constant(undefined),
        })
        .map(({ whens, appliesWhen, forEach, perParty }): Criterion => ({
          id: `c${index}`,
          title: `Criterion ${index}`,
          weight,
          levels: sorted.map((score, li) => ({
            label: `l${li}`,
            score,
            ...((li < sorted.length - 1 || lowestHasWhen) && { when: whens[li]! }),
          })),
          gates: [],
          ...(appliesWhen && { appliesWhen }),
          ...(perParty !== undefined && { perParty }),
          ...(forEach && { forEach }),
        }));
    });

const matrixArb: fc.Arbitrary<Matrix> = fc
  .record({
    count: fc.integer({ min: 1, max: 4 }),
    mins: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 3 }),
    aggregation: fc.constantFrom<Matrix['aggregation']>('weighted-mean', 'cell-mean'),
  })
  .chain(({ count, mins, aggregation }) => {
    const verdicts = [...[...mins].sort((a, b) => b - a).map((min, i) => ({ label: `b${i}`, min })), { label: 'bottom', min: 0 }];
    return fc.tuple(...Array.from({ length: count }, (_, i) => criterionArb(i))).chain((criteria) =>
      // Gates name bands and levels that exist, as the loader ensures.
      fc
        .tuple(
          ...criteria.map((c) =>
            fc.array(fc.tuple(fc.constantFrom(...verdicts.map((b) => b.label)), fc.constantFrom(...c.levels.map((l) => l.label))), { maxLength: 2 }),
          ),
        )
        .map((gates): Matrix => ({
          id: 'random',
          title: 'A random matrix',
          version: '1',
          source: { author: 'fast-check' },
          aggregation,
          criteria: criteria.map((c, i) => ({ ...c, gates: gates[i]!.map(([above, requires]) => ({ above, requires })) })),
          verdicts,
        })),
    );
  });

// ---------------------------------------------------------------------------------------------
// Helpers

function report(matrix: Matrix, results: readonly CaseResult[]): EvaluationReport {
  return {
    tool: { name: 'summit-score', version: 'test' },
    matrix: { definition: matrix, file: 'matrix.yaml', sha256: '0' },
    asOf: null,
    results: results.map((result) => ({ file: `${result.record.id}.yaml`, sha256: '0', result })),
    bundledDefault: false,
  };
}

/**
 * What a result concludes, without the explanations (whose wording counts events). A forEach
 * criterion's results are named after their subject events; `renamed` drops those names.
 */
function verdictOf(result: CaseResult, renamed = false) {
  return {
    score: result.score,
    band: result.band,
    verdict: result.verdict,
    gates: result.gates.map((gate) => `${renamed ? gate.criterion.replace(/\/.*/, '') : gate.criterion} ${gate.above} ${gate.requires}: ${gate.status}`),
    criteria: result.criteria.map((c) => ({
      id: renamed ? c.criterion : c.id,
      applicable: c.applicable,
      level: c.level?.label ?? null,
      points: c.points,
      parties: c.parties?.map((p) => [p.party, p.applicable, p.level?.label ?? null]) ?? null,
    })),
  };
}

/** Every condition that is evaluated with an event in scope, at any depth. */
function eventScoped(matrix: Matrix): Condition[] {
  const found: Condition[] = [];
  const walk = (condition: Condition, inEvent: boolean): void => {
    if (inEvent) found.push(condition);
    switch (condition.op) {
      case 'all':
      case 'any':
      case 'atLeast':
        return condition.conditions.forEach((c) => walk(c, inEvent));
      case 'not':
        return walk(condition.condition, inEvent);
      case 'some':
      case 'none':
      case 'count':
        return walk(condition.where, true);
      case 'link':
        return condition.to && walk(condition.to, true);
      case 'linkedBy':
        return condition.where && walk(condition.where, true);
      default:
        return;
    }
  };
  for (const criterion of matrix.criteria) {
    for (const level of criterion.levels) if (level.when) walk(level.when, false);
    if (criterion.appliesWhen) walk(criterion.appliesWhen, false);
    if (criterion.forEach) walk(criterion.forEach, true);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The engine on random valid input

describe('the engine on random valid matrices and records', () => {
  it('never throws, keeps totals within 0-100 (or null), and every formatter renders the result', () => {
    fc.assert(
      fc.property(matrixArb, recordArb, (matrix, { record }) => {
        const result = evaluateRecord(compileMatrix(matrix), record);
        if (result.score !== null) {
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(100);
          // A total can be determined while a part of it is open (a weight-0 or collapsing cell): then contributions are ranges.
          if (result.criteria.every((c) => c.contribution !== null)) {
            const sum = result.criteria.reduce((total, c) => total + c.contribution!, 0);
            expect(Math.abs(sum - result.score)).toBeLessThan(1e-6);
          }
          // One verdict, or (a gate the record leaves open) every band it allows.
          for (const verdict of result.verdict === null ? result.verdicts : [result.verdict]) expect(matrix.verdicts.map((b) => b.label)).toContain(verdict);
          if (result.verdict === null) expect(result.verdicts.length > 1 || result.undetermined).toBe(true);
        } else if (result.scoreRange === null) {
          expect(result.verdict).toBeNull();
        } else {
          // An open total may still allow one band only.
          expect(result.verdict === null ? result.verdicts.length !== 1 : result.verdicts).toEqual(result.verdict === null ? true : [result.verdict]);
        }
        for (const c of result.criteria)
          if (c.normalised !== null) {
            expect(c.normalised).toBeGreaterThanOrEqual(0);
            expect(c.normalised).toBeLessThanOrEqual(1);
          }
        for (const [name, format] of Object.entries(formatters)) {
          for (const explain of [false, true]) expect(typeof format(report(matrix, [result]), { color: name === 'table', explain })).toBe('string');
        }
      }),
      params(300),
    );
  });

  it('prints byte-identical JSON across runs and whatever the order of the records', () => {
    fc.assert(
      fc.property(matrixArb, fc.array(recordArb, { minLength: 2, maxLength: 4 }), fc.infiniteStream(fc.nat()), (matrix, drafts, randomness) => {
        const records = drafts.map(({ record }, i) => ({ ...record, id: `case-${i}`, title: `Record ${i}` }));
        const once = formatJson(
          report(
            matrix,
            records.map((r) => evaluateRecord(compileMatrix(matrix), r)),
          ),
          { color: false, explain: true },
        );
        const again = formatJson(
          report(
            matrix,
            records.map((r) => evaluateRecord(compileMatrix(matrix), r)),
          ),
          { color: false, explain: true },
        );
        expect(again).toBe(once);
        // Reorder the records (a seeded shuffle), score them with one compiled matrix, and compare record by record.
        const keys = [...randomness.take(records.length)];
        const shuffled = records
          .map((r, i) => [keys[i]!, r] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, r]) => r);
        const compiled = compileMatrix(matrix);
        const byId = (text: string) =>
          new Map((JSON.parse(text) as { results: { record: { id: string } }[] }).results.map((r) => [r.record.id, JSON.stringify(r)]));
        const reordered = formatJson(
          report(
            matrix,
            shuffled.map((r) => evaluateRecord(compiled, r)),
          ),
          { color: false, explain: true },
        );
        expect(byId(reordered)).toEqual(byId(once));
      }),
      params(100),
    );
  });

  it('gives the same scores when event and record ids are renamed consistently', () => {
    fc.assert(
      fc.property(
        matrixArb,
        recordArb,
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), { minLength: 8, maxLength: 8 }),
        (matrix, { drafts, record }, names) => {
          // Conditions never test `id`, so the names are only names.
          const renamed = buildRecord('renamed-case', record.day, drafts, record.parties, (i) => names[i]!);
          const compiled = compileMatrix(matrix);
          expect(verdictOf(evaluateRecord(compiled, renamed), true)).toEqual(verdictOf(evaluateRecord(compiled, record), true));
        },
      ),
      params(150),
    );
  });

  it('gives the same scores whatever the order of the events', () => {
    fc.assert(
      fc.property(matrixArb, recordArb, fc.infiniteStream(fc.nat()), (matrix, { record }, randomness) => {
        const keys = [...randomness.take(record.events.length)];
        const events = record.events
          .map((e, i) => [keys[i]!, e] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, e]) => e);
        const compiled = compileMatrix(matrix);
        // forEach criteria list their subjects in record order: compare them sorted.
        const sorted = (result: CaseResult) => {
          const { criteria, gates, ...rest } = verdictOf(result);
          return { ...rest, gates: gates.sort(), criteria: criteria.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
        };
        expect(sorted(evaluateRecord(compiled, { ...record, events }))).toEqual(sorted(evaluateRecord(compiled, record)));
      }),
      params(150),
    );
  });

  it('changes nothing when an event that satisfies no condition is added', () => {
    let checked = 0;
    // Under a matrix that reads every field's absence as "no", an event that states nothing fails
    // every field test instead of leaving it unknown: it can be inert.
    const silenceIsNo = Object.fromEntries(
      [...FIELD_NAMES, 'chairs.US', 'chairs.toString', 'valueOf.constructor'].map((name) => [
        name,
        { name, type: 'string' as const, absent: { kind: 'false' as const } },
      ]),
    );
    fc.assert(
      fc.property(
        matrixArb.map((m) => ({ ...m, fields: silenceIsNo })),
        recordArb,
        (matrix, { record }) => {
          // Dated no later than the record's last day, so the default as-of date stays where it was.
          const last = record.events.reduce((latest, e) => Math.max(latest, e.day), record.day);
          const inert: SummitEvent = { id: 'inert', date: formatDay(last), day: last, type: 'inert', actors: [], fields: {}, links: {}, sources: [] };
          const withInert: CaseRecord = { ...record, events: [...record.events, inert] };
          const index = indexRecord(withInert, last);
          const scopes = [index, ...record.parties.map((party) => ({ ...index, party })), { ...index, subject: inert }];
          // Fails every condition: holds or unknown (1, 2) would both let it move something.
          const satisfies = eventScoped(matrix).some((condition) => scopes.some((scope) => compileCondition(condition, matrix.fields)(scope, inert) !== 0));
          fc.pre(!satisfies);
          checked++;
          const compiled = compileMatrix(matrix);
          expect(verdictOf(evaluateRecord(compiled, withInert))).toEqual(verdictOf(evaluateRecord(compiled, record)));
        },
      ),
      { ...params(150), maxSkipsPerRun: 1000 },
    );
    expect(checked).toBe(150);
  });
});

// ---------------------------------------------------------------------------------------------
// Random mutations of the bundled files

const bundled = [
  ...readdirSync('matrices')
    .filter((n) => isBundledFile('matrix', n))
    .map((n) => ({ kind: 'matrix' as const, file: `matrices/${n}` })),
  ...readdirSync('fixtures')
    .filter((n) => isBundledFile('record', n))
    .map((n) => ({ kind: 'record' as const, file: `fixtures/${n}` })),
];

const PIECES = [
  ':',
  ': ',
  '- ',
  '-',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '&a ',
  '*a',
  '!',
  '!!set ',
  '#',
  '|',
  '>',
  '%',
  '@',
  '`',
  ',',
  '?',
  '\t',
  '\u0000',
  '\u00e9',
  '\ufeff',
  '\r',
  '\n',
  ' ',
  '  ',
  'x',
  '1',
  '.nan',
  '1e999',
  '__proto__',
  'constructor',
  '~',
  'null',
  'true',
  '<<',
];

type Mutation =
  | { op: 'delete' | 'duplicate'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'insert'; line: number; col: number; piece: string }
  | { op: 'replace'; line: number; col: number; piece: string }
  | { op: 'truncate'; at: number };

// Unbiased: fast-check favours small numbers, which would mutate mostly the opening comments.
const line = fc.noBias(fc.nat({ max: 1000 }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom<'delete' | 'duplicate'>('delete', 'duplicate'), line }),
  fc.record({ op: fc.constant('swap' as const), line, other: line }),
  fc.record({ op: fc.constantFrom<'insert' | 'replace'>('insert', 'replace'), line, col: fc.noBias(fc.nat({ max: 80 })), piece: fc.constantFrom(...PIECES) }),
  fc.record({ op: fc.constant('insert' as const), line, col: fc.constant(0), piece: fc.constant('\t') }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.noBias(fc.integer({ min: 0, max: 1000 })).map((n) => n / 1000) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const at = (n: number) => n % Math.max(1, lines.length);
    switch (m.op) {
      case 'delete':
        lines.splice(at(m.line), 1);
        break;
      case 'duplicate':
        lines.splice(at(m.line), 0, lines[at(m.line)] ?? '');
        break;
      case 'swap': {
        const [a, b] = [at(m.line), at(m.other)];
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        break;
      }
      case 'insert':
      case 'replace': {
        const i = at(m.line);
        const line = lines[i] ?? '';
        const col = Math.min(m.col, line.length);
        lines[i] = line.slice(0, col) + m.piece + line.slice(m.op === 'replace' ? col + 1 : col);
        break;
      }
      case 'truncate':
        lines = lines
          .join('\n')
          .slice(0, Math.floor(m.at * lines.join('\n').length))
          .split('\n');
        break;
    }
  }
  return lines.join('\n');
}

function expectCoded(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(Object.keys(ERROR_CODES)).toContain(d.code);
    expect(d.line, `${d.code} ${d.message}`).toBeGreaterThanOrEqual(1);
    expect(d.col, `${d.code} ${d.message}`).toBeGreaterThanOrEqual(1);
    expect(d.message).not.toMatch(/\[object Object\]|undefined/);
  }
}

describe('random mutations of the bundled files', () => {
  it.each(bundled)('$file: loaded, or refused with coded problems that have a place', ({ kind, file }) => {
    const original = readFileSync(file, 'utf8');
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const text = mutate(original, mutations);
        // The loader evaluate uses.
        try {
          const loaded =
            kind === 'matrix'
              ? loadMatrix({ file, text, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES })
              : loadRecord({ file, text, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES });
          expectCoded(loaded.warnings);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          expect(error.diagnostics.length).toBeGreaterThan(0);
          expectCoded(error.diagnostics);
        }
        // Everything validate looks at, through stdin: never throws.
        const checked = checkFile({ path: '-', explicit: true }, { maxBytes: DEFAULT_MAX_INPUT_BYTES, readStdin: () => Buffer.from(text) });
        expectCoded(checked.diagnostics);
      }),
      params(25),
    );
  });
});
