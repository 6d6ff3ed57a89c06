// Every bundled record speaks the controlled vocabulary of src/vocabulary.ts, and so do the
// conditions of the bundled matrices: a misspelt type or level would otherwise just never match.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LINK_KINDS, type FieldValue, type SummitEvent } from '../../../src/engine/index.js';
import { loadRecord } from '../../../src/load/load-record.js';
import { readInputFile } from '../../../src/load/read-input.js';
import { CADENCES, EVENT_TYPES, LEVELS, LINKS, PARTICIPATION, TOPICS, VOCABULARY } from '../../../src/vocabulary.js';
import { isBundledFile } from '../../../src/load/bundled.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../../src/input-limit.js';
import { PACKAGE_FILES } from '../../../src/load/read-input.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = join(ROOT, 'fixtures');
const MATRICES = join(ROOT, 'matrices');
const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => isBundledFile(dir === MATRICES ? 'matrix' : 'record', name))
    .sort()
    .map((name) => join(dir, name));

/** What each controlled field may hold, and how to read its values from an event. */
const CONTROLLED: { what: string; allowed: Readonly<Record<string, string>>; values: (event: SummitEvent) => readonly FieldValue[] }[] = [
  { what: 'type', allowed: EVENT_TYPES, values: (event) => [event.type] },
  { what: 'fields.level', allowed: LEVELS, values: (event) => fieldValues(event, 'level') },
  { what: 'fields.participation', allowed: PARTICIPATION, values: (event) => fieldValues(event, 'participation') },
  { what: 'fields.cadence', allowed: CADENCES, values: (event) => fieldValues(event, 'cadence') },
  { what: 'fields.cadenceRecommended', allowed: CADENCES, values: (event) => fieldValues(event, 'cadenceRecommended') },
  { what: 'fields.topics', allowed: TOPICS, values: (event) => fieldValues(event, 'topics') },
];

function fieldValues(event: SummitEvent, key: string): readonly FieldValue[] {
  if (!Object.hasOwn(event.fields, key)) return [];
  const value = event.fields[key]!;
  return Array.isArray(value) ? value : [value];
}

/** One message per value outside the vocabulary, naming the file and the event. */
function vocabularyProblems(file: string, events: readonly SummitEvent[]): string[] {
  const problems: string[] = [];
  for (const event of events) {
    for (const { what, allowed, values } of CONTROLLED) {
      for (const value of values(event)) {
        if (typeof value !== 'string' || !Object.hasOwn(allowed, value)) {
          problems.push(`${file}: event ${event.id}: ${what} ${JSON.stringify(value)} is not in the vocabulary (${Object.keys(allowed).join(', ')})`);
        }
      }
    }
  }
  return problems;
}

describe('the vocabulary', () => {
  it('describes every entry in words', () => {
    for (const [list, entries] of Object.entries(VOCABULARY)) {
      for (const [name, description] of Object.entries(entries)) {
        expect(description.length, `${list}.${name}`).toBeGreaterThan(10);
      }
    }
  });

  it('names the event types, levels and participation the brief requires', () => {
    for (const type of [
      'commitment',
      'mechanism',
      'meeting',
      'hotline',
      'endorsement',
      'pledge',
      'statement',
      'accusation',
      'indictment',
      'report',
      'exercise',
      'suspension',
    ]) {
      expect(Object.keys(EVENT_TYPES)).toContain(type);
    }
    expect(Object.keys(LEVELS)).toEqual(['leaders', 'ministerial', 'senior-officials', 'expert', 'working']);
    expect(Object.keys(PARTICIPATION)).toEqual(['civil', 'military', 'civil-military']);
  });

  it('has exactly the link kinds the engine knows', () => {
    expect(Object.keys(LINKS).sort()).toEqual([...LINK_KINDS].sort());
  });

  it('catches a value outside it, naming the file and the event', () => {
    const text = JSON.stringify({
      id: 'made-up',
      title: 'made up',
      date: '2015-09-25',
      parties: ['US'],
      events: [
        { id: 'good', date: '2015-09-25', type: 'mechanism', fields: { level: 'ministerial', participation: 'civil', cadence: 'annual' } },
        { id: 'bad-type', date: '2015-09-25', type: 'summitry' },
        { id: 'bad-level', date: '2015-09-25', type: 'mechanism', fields: { level: 'senior-official' } },
        { id: 'bad-participation', date: '2015-09-25', type: 'mechanism', fields: { participation: 'civilian' } },
        { id: 'bad-cadence', date: '2015-09-25', type: 'mechanism', fields: { cadence: 'biannual' } },
      ],
    });
    const { record } = loadRecord({ file: 'made-up.json', text, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES });
    const problems = vocabularyProblems('made-up.json', record.events);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^made-up\.json: event bad-type: type "summitry"/);
    expect(problems.join('\n')).toMatch(/event bad-level: fields.level "senior-official"/);
    expect(problems.join('\n')).toMatch(/event bad-participation: fields.participation "civilian"/);
    expect(problems.join('\n')).toMatch(/event bad-cadence: fields.cadence "biannual"/);
  });
});

describe.each(yamlFiles(FIXTURES).map((file) => [file.slice(ROOT.length + 1), file]))('record %s', (shown, file) => {
  it('uses only the controlled vocabulary', () => {
    const { record } = loadRecord(readInputFile(file, PACKAGE_FILES));
    expect(vocabularyProblems(shown, record.events)).toEqual([]);
  });
});

/** Values a matrix condition compares with a controlled field: `type:`, and field tests on level and the rest. */
function matrixTerms(node: unknown, found: { what: string; value: unknown }[] = []): { what: string; value: unknown }[] {
  if (Array.isArray(node)) {
    for (const item of node) matrixTerms(item, found);
    return found;
  }
  if (node === null || typeof node !== 'object') return found;
  const map = node as Record<string, unknown>;
  if (typeof map['type'] === 'string' || Array.isArray(map['type'])) {
    for (const value of [map['type']].flat()) found.push({ what: 'type', value });
  }
  if (typeof map['field'] === 'string') {
    const field = map['field'] === 'type' ? 'type' : `fields.${map['field']}`;
    for (const test of ['equals', 'in', 'contains']) {
      if (Object.hasOwn(map, test)) for (const value of [map[test]].flat()) found.push({ what: field, value });
    }
  }
  for (const [key, value] of Object.entries(map)) if (key !== 'type') matrixTerms(value, found);
  return found;
}

describe.each(yamlFiles(MATRICES).map((file) => [file.slice(ROOT.length + 1), file]))('matrix %s', (shown, file) => {
  it('tests controlled fields only against values of the vocabulary', () => {
    const matrix = parse(readFileSync(file, 'utf8')) as { criteria: unknown[] };
    const allowed = new Map(CONTROLLED.map((c) => [c.what, c.allowed]));
    const problems = matrixTerms(matrix.criteria)
      .filter(({ what, value }) => allowed.has(what) && (typeof value !== 'string' || !Object.hasOwn(allowed.get(what)!, value)))
      .map(({ what, value }) => `${shown}: ${what} ${JSON.stringify(value)} is not in the vocabulary`);
    expect(problems).toEqual([]);
  });
});
