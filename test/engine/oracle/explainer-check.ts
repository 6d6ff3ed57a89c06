// The checks of the compiled explainer against the reference one (explain.ts here), shared by the
// full run in test/engine/perf/explainer.test.ts (thousands of random cases, left out of mutation
// runs) and the short one in test/engine/explainer-oracle.test.ts (a few hundred, another seed),
// which mutation runs use: a mutant of src/engine/explainer.ts that survives a few hundred random
// cases is retried by the full run in `npm test`.
import { expect } from 'vitest';
import { compileExplainer } from '../../../src/engine/explainer.js';
import { explainCondition, explainCondition as explainWith } from './explain.js';
import { referenceTruth } from './truth.js';
import { HOLDS } from '../../../src/engine/truth.js';
import { createRandom } from '../../../src/engine/random.js';
import {
  compileCondition,
  compileMatrix,
  dayNumber,
  evaluateRecord,
  indexRecord,
  type CaseRecord,
  type Cell,
  type Condition,
  type FieldValue,
  type LinkKind,
  type Matrix,
  type RecordIndex,
  type SummitEvent,
} from '../../../src/engine/index.js';
import { bundledMatrix, bundledRecord, RECORDS } from '../../research/helpers.js';

/** The engine's own seeded generator, as a function. */
function seeded(seed: number): () => number {
  const random = createRandom(seed);
  return () => random.next();
}

const TYPES = ['meeting', 'mechanism', 'commitment', 'report'];
const LEVELS = ['leaders', 'ministerial', 'working'];
const TOPICS = ['norms', 'trade', 'cybercrime'];
const KINDS: LinkKind[] = ['of', 'fulfils', 'breaches', 'supersedes'];
const PARTIES = ['US', 'CN', 'RU'];
const BASE = dayNumber('2015-01-01')!;
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

function randomRecord(random: () => number): CaseRecord {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const count = Math.floor(random() * 9);
  const events: SummitEvent[] = [];
  for (let i = 0; i < count; i++) {
    const day = BASE + Math.floor(random() * 6) * 30;
    const fields: Record<string, FieldValue> = {};
    if (random() < 0.6) fields['level'] = pick(LEVELS);
    if (random() < 0.4) fields['topics'] = TOPICS.filter(() => random() < 0.5);
    if (random() < 0.3) fields['deadline'] = dateOf(BASE + Math.floor(random() * 6) * 30);
    if (random() < 0.3) fields['severity'] = Math.floor(random() * 4);
    if (random() < 0.2) fields['extent'] = random() < 0.5 ? 'partial' : 'full';
    if (random() < 0.2) fields['accused'] = PARTIES.filter(() => random() < 0.4);
    if (random() < 0.1) fields['chairs'] = { US: pick(LEVELS) };
    const links: Partial<Record<LinkKind, string[]>> = {};
    if (i > 0) {
      for (const kind of KINDS) {
        if (random() < 0.35)
          links[kind] = Array.from({ length: 1 + Math.floor(random() * 2) }, () => `e${Math.floor(random() * count)}`).filter((id) => id !== `e${i}`);
      }
    }
    const date = dateOf(day);
    events.push({ id: `e${i}`, date, day, type: pick(TYPES), actors: PARTIES.filter(() => random() < 0.5), fields, links, sources: [] });
  }
  return { id: 'random', title: 'Random', date: dateOf(BASE + 30), day: BASE + 30, parties: PARTIES.slice(0, 2), events };
}

function randomCondition(random: () => number, eventScope: boolean, depth: number, path: string): Condition {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const children = (n: number) => Array.from({ length: n }, (_, i) => randomCondition(random, eventScope, depth + 1, `${path}.${i}`));
  const deep = depth >= 4;
  const roll = random();
  const location = { file: 'm.yaml', line: depth + 1, col: 3 };
  if (!deep && roll < 0.25) {
    const op = pick(['all', 'any', 'atLeast', 'not'] as const);
    if (op === 'not') return { op, condition: randomCondition(random, eventScope, depth + 1, `${path}.not`), path, location };
    const parts = children(1 + Math.floor(random() * 3));
    if (op === 'atLeast') return { op, count: Math.floor(random() * 3), conditions: parts, path, location };
    return { op, conditions: parts, path, location };
  }
  if (!eventScope || (!deep && roll < 0.35)) {
    const where = randomCondition(random, true, depth + 1, `${path}.where`);
    const op = pick(['some', 'some', 'none', 'count'] as const);
    if (op === 'count') return { op, where, comparison: pick(['equals', 'gt', 'gte', 'lt', 'lte'] as const), value: Math.floor(random() * 3), path, location };
    return { op, where, path };
  }
  switch (Math.floor(random() * 9)) {
    case 0:
      return {
        op: 'field',
        field: 'type',
        check: random() < 0.7 ? { test: 'equals', value: pick(TYPES) } : { test: 'in', values: [pick(TYPES), pick(TYPES)] },
        path,
        location,
      };
    case 1:
      return { op: 'field', field: pick(['level', 'chairs.US', 'extent']), check: { test: 'equals', value: pick([...LEVELS, 'partial']) }, path, location };
    case 2:
      return { op: 'field', field: pick(['topics', 'actors']), check: { test: 'contains', value: pick([...TOPICS, ...PARTIES]) }, path };
    case 3:
      return {
        op: 'field',
        field: pick(['severity', 'deadline', 'level']),
        check:
          random() < 0.5 ? { test: 'exists', value: random() < 0.7 } : { test: 'compare', comparison: pick(['gt', 'gte', 'lt', 'lte'] as const), value: 1 },
        path,
      };
    case 4: {
      const anchor = pick([
        { kind: 'summit' as const },
        { kind: 'asOf' as const },
        { kind: 'linked' as const, link: pick(KINDS) },
        { kind: 'date' as const, date: dateOf(BASE + 60), day: BASE + 60 },
      ]);
      const op = pick(['before', 'after', 'within'] as const);
      return op === 'within' ? { op, days: 60, anchor, path, location } : { op, anchor, path, location };
    }
    case 5:
      return { op: 'deadline', states: [pick(['met', 'met-late', 'missed', 'pending'] as const)], path, location };
    case 6:
      return random() < 0.5 || deep
        ? { op: 'link', kind: pick(KINDS), path, location }
        : { op: 'link', kind: pick(KINDS), to: randomCondition(random, true, depth + 1, `${path}.to`), path, location };
    case 7:
      return deep || random() < 0.4
        ? { op: 'linkedBy', kind: pick(KINDS), min: 1 + Math.floor(random() * 2), path, location }
        : {
            op: 'linkedBy',
            kind: pick(KINDS),
            min: 1 + Math.floor(random() * 2),
            where: randomCondition(random, true, depth + 1, `${path}.where`),
            path,
            location,
          };
    default:
      return random() < 0.5
        ? { op: 'partyIn', field: pick(['actors', 'accused']), path, location }
        : { op: 'isSubject', value: random() < 0.7, path, location };
  }
}

const uniqueIds = (events: readonly SummitEvent[]) => [...new Set(events.map((event) => event.id))];

function scopes(record: CaseRecord, random: () => number): RecordIndex[] {
  const asOf = random() < 0.5 ? BASE + 400 : BASE + Math.floor(random() * 6) * 30;
  const index = indexRecord(record, asOf);
  const subject = index.events[Math.floor(random() * (index.events.length + 1))];
  return [index, { ...index, party: 'US' }, ...(subject ? [{ ...index, subject, party: 'CN' }] : [])];
}

/**
 * Compares the compiled explainer and the compiled test with the references on `rounds` random
 * conditions over random records, each in three scopes; returns how many were checked and how
 * many of the failures were ties ("more event" in the words), so that a caller can see the
 * random cases reach them.
 */
export function checkRandomConditions(seed: number, rounds: number, fields: Matrix['fields']): { checked: number; ties: number } {
  const random = seeded(seed);
  let ties = 0;
  let checked = 0;
  for (let round = 0; round < rounds; round++) {
    const record = randomRecord(random);
    const condition = randomCondition(random, false, 0, 'when');
    const explainer = compileExplainer(condition, fields);
    const test = compileCondition(condition, fields);
    for (const index of scopes(record, random)) {
      const reference = explainCondition(condition, index, undefined, fields);
      checked++;
      expect(test(index, undefined)).toBe(referenceTruth(condition, index, undefined, fields));
      expect(test(index, undefined) === HOLDS).toBe(reference.ok);
      expect(explainer.ok(index, undefined)).toBe(reference.ok);
      expect(explainer.code(index, undefined)).toBe(2 * reference.progress + (reference.ok ? 1 : 0));
      if (reference.ok) {
        const witnesses: SummitEvent[] = [];
        explainer.witnesses(index, undefined, witnesses);
        expect(uniqueIds(witnesses)).toEqual(reference.witnesses);
      } else {
        // The words and the place, as the reference writes them; `events` and `operator` are data beside them.
        const { operator, events, ...words } = explainer.failure(index, undefined);
        const { operator: _o, events: _e, ...referenceWords } = reference.failure!;
        expect(words).toEqual(referenceWords);
        if (words.event !== undefined) expect(events).toContain(words.event);
        expect(typeof operator).toBe('string');
        expect(explainer.failurePath(index, undefined)).toBe(reference.failure!.path);
        if (reference.failure!.actual.includes('more event')) ties++;
      }
    }
  }
  return { checked, ties };
}

/** The scorer as it was before the explainer was compiled: explainCondition for evidence and near misses. */
function referenceCell(
  index: RecordIndex,
  levels: readonly { label: string; score: number; when?: Condition }[],
  appliesWhen: Condition | undefined,
  fields: Matrix['fields'],
): Pick<Cell, 'evidence' | 'explanation'> & { level: string | null } {
  const explainCondition = (condition: Condition, at: RecordIndex) => explainWith(condition, at, undefined, fields);
  if (appliesWhen && !explainCondition(appliesWhen, index).ok) {
    const { failure } = explainCondition(appliesWhen, index);
    return { level: null, evidence: [], explanation: failure ? { failure } : null };
  }
  const reached = levels.findIndex((level) => level.when === undefined || explainCondition(level.when, index).ok);
  const level = reached >= 0 ? levels[reached] : undefined;
  const order = new Map(index.record.events.map((event, i) => [event.id, i]));
  const witnesses = level?.when ? explainCondition(level.when, index).witnesses : [];
  const evidence = [...witnesses].sort((a, b) => order.get(a)! - order.get(b)!).map((id) => index.byId.get(id)!);
  const nextUp = reached === -1 ? levels.length - 1 : reached - 1;
  const target = nextUp >= 0 ? levels[nextUp] : undefined;
  const failure = target?.when ? explainCondition(target.when, index).failure : undefined;
  return {
    level: level?.label ?? null,
    evidence: evidence.map((event) => ({
      event: event.id,
      date: event.date,
      type: event.type,
      ...(event.title !== undefined && { title: event.title }),
      ...(event.location && { location: event.location }),
      sources: event.sources,
    })),
    explanation: target && failure ? { level: { label: target.label, score: target.score }, failure } : null,
  };
}

/**
 * Scores matrix `matrixId` on every bundled record, as of no date, the summit's and the dates
 * `eventDates` picks from the record's events, and compares each cell's level, evidence and
 * explanation with the reference scorer's.
 */
export function checkCellsOfMatrix(matrixId: string, eventDates: (dates: readonly string[]) => readonly string[]): void {
  const matrix = bundledMatrix(matrixId).matrix;
  const compiled = compileMatrix(matrix);
  for (const recordId of RECORDS) {
    const record = bundledRecord(recordId);
    const dates = [undefined, record.date, ...eventDates(record.events.map((event) => event.date))];
    for (const asOf of dates) {
      const result = evaluateRecord(compiled, record, asOf === undefined ? {} : { asOf });
      const index = indexRecord(record, dayNumber(result.asOf)!);
      for (const criterionResult of result.criteria) {
        const criterion = matrix.criteria.find((c) => c.id === criterionResult.criterion)!;
        const subject = criterionResult.subject === null ? undefined : index.byId.get(criterionResult.subject);
        const scope = subject ? { ...index, subject } : index;
        const cells: [Cell, RecordIndex][] = criterionResult.parties
          ? criterionResult.parties.map((cell) => [cell, { ...scope, party: cell.party }])
          : [[criterionResult, scope]];
        for (const [cell, cellIndex] of cells) {
          // An undetermined cell has no single level to explain (its range is tested in test/engine/intervals.test.ts).
          if (cell.applicable === 'unknown' || (cell.applicable && cell.normalised === null)) continue;
          const expected = referenceCell(cellIndex, criterion.levels, criterion.appliesWhen, matrix.fields);
          expect({ level: cell.level?.label ?? null, evidence: cell.evidence, explanation: cell.explanation }).toEqual(expected);
        }
      }
    }
  }
}
