// checkVocabulary's second check: a field the matrix reads, without saying what its absence means
// (no `absent:`, or `absent: unknown`), that events it reads it on leave unstated
// (FIELD_NOT_STATED, once per field and record). Each expected count is counted by hand in the
// record beside it. Also where checkStreamedVocabulary places a problem: at its event.
import { describe, expect, it } from 'vitest';
import type { DataPath } from '../../src/load/yaml-document.js';
import { checkStreamedVocabulary, checkVocabulary, type VocabularyOptions } from '../../src/load/check-vocabulary.js';
import { recordFrom } from '../helpers/build.js';
import { loadMatrixText, matrixText } from '../helpers/matrix-text.js';

// `level` is read on mechanisms and meetings (the `type:` beside it in an `all:`), `rank` on any
// event; `outcome` says its absence is false, and `type` is an event's own key: neither is reported.
const MATRIX = matrixText({
  fields: `  level: {type: string}
  outcome: {type: string, absent: false}`,
  levels: `      - {label: high, score: 3, when: {some: {all: [{type: [mechanism, meeting]}, {field: level, equals: leaders}]}}}
      - {label: mid, score: 2, when: {some: {field: rank, gte: 2}}}
      - {label: low, score: 1, when: {some: {all: [{type: talks}, {field: outcome, equals: agreed}]}}}
      - {label: none, score: 0}`,
});

function record(...events: string[]): string {
  return `id: r\ntitle: R\ndate: 2015-09-25\nparties: [US]\nevents:\n${events.map((event) => `  - {${event}, date: 2015-09-25}\n`).join('')}`;
}

const HINT = 'state it where the sources give it, or say in the matrix what its absence means (`absent:`)';

/** What is reported, and with which key flag each place was asked for. */
function unstated(matrix: string, recordText: string, options?: VocabularyOptions) {
  const asked: { path: DataPath; key: boolean | undefined }[] = [];
  const found = checkVocabulary(
    loadMatrixText(matrix).matrix,
    recordFrom(recordText),
    (path, at) => {
      asked.push({ path, key: at?.key });
      return { file: 'r.yaml', line: 1, col: 1 };
    },
    options,
  );
  return { found, asked };
}

// Six events: `rank` is stated on the first only, `level` on the first of the two it is read on.
const SIX = record(
  'id: mech-1, type: mechanism, fields: {level: leaders, rank: 2}',
  'id: st-0, type: statement',
  'id: meet-1, type: meeting, fields: {topic: cyber}',
  'id: st-1, type: statement',
  'id: st-2, type: statement',
  'id: st-3, type: statement',
);

describe('a field read but not stated', () => {
  it('is reported once per field, at the first event that leaves it out, naming up to three of them', () => {
    const { found, asked } = unstated(MATRIX, SIX);
    expect(found).toEqual([
      {
        severity: 'warning',
        code: 'FIELD_NOT_STATED',
        file: 'r.yaml',
        line: 1,
        col: 1,
        // meet-1 states fields, so the place is its `fields:`.
        path: 'events[2].fields',
        message: '`level` is not stated on 1 of the 2 mechanism or meeting events that matrix m reads it on (meet-1): a test of it is unknown there',
        hint: HINT,
      },
      {
        severity: 'warning',
        code: 'FIELD_NOT_STATED',
        file: 'r.yaml',
        line: 1,
        col: 1,
        // st-0 states no fields: the place is the event.
        path: 'events[1]',
        message: '`rank` is not stated on 5 of the 6 events that matrix m reads it on (st-0, meet-1, st-1, ...): a test of it is unknown there',
        hint: HINT,
      },
    ]);
    // At the key: the event's `fields:`, or the event itself.
    expect(asked).toEqual([
      { path: ['events', 2, 'fields'], key: true },
      { path: ['events', 1], key: true },
    ]);
  });

  it('says "any" when no event it is read on states it, and "the only" for one event', () => {
    const none = record('id: mech-1, type: mechanism', 'id: meet-1, type: meeting, fields: {rank: 1}', 'id: st-1, type: statement');
    // The first event that leaves it out is the first of the record: the place is that one.
    expect(unstated(MATRIX, none).found.map((d) => d.path)).toEqual(['events[0]', 'events[0]']);
    expect(unstated(MATRIX, none).found.map((d) => d.message)).toEqual([
      '`level` is not stated on any of the 2 mechanism or meeting events that matrix m reads it on (mech-1, meet-1): a test of it is unknown there',
      '`rank` is not stated on 2 of the 3 events that matrix m reads it on (mech-1, st-1): a test of it is unknown there',
    ]);
    const one = record('id: meet-1, type: meeting');
    expect(unstated(MATRIX, one).found.map((d) => d.message)).toEqual([
      '`level` is not stated on the only mechanism or meeting event that matrix m reads it on (meet-1): a test of it is unknown there',
      '`rank` is not stated on the only event that matrix m reads it on (meet-1): a test of it is unknown there',
    ]);
  });

  it('names three events without "..." when three leave it out', () => {
    const three = record('id: a, type: statement', 'id: b, type: statement', 'id: c, type: statement', 'id: d, type: statement, fields: {rank: 1, level: x}');
    expect(unstated(MATRIX, three).found.map((d) => d.message)).toEqual([
      '`rank` is not stated on 3 of the 4 events that matrix m reads it on (a, b, c): a test of it is unknown there',
    ]);
  });

  it('counts a field stated as null as not stated', () => {
    const nulls = record('id: meet-1, type: meeting, fields: {level: ~, rank: ~}', 'id: meet-2, type: meeting, fields: {level: leaders, rank: 1}');
    expect(unstated(MATRIX, nulls).found.map((d) => d.path)).toEqual(['events[0].fields', 'events[0].fields']);
  });

  it('says nothing when every event it is read on states it', () => {
    const all = record('id: mech-1, type: mechanism, fields: {level: leaders, rank: 1}', 'id: st-1, type: statement, fields: {rank: 3}');
    expect(unstated(MATRIX, all).found).toEqual([]);
  });

  it('with unstated "all" (evaluate), reports only a field no event it is read on states', () => {
    expect(unstated(MATRIX, SIX, { unstated: 'all' }).found).toEqual([]);
    const none = record('id: mech-1, type: mechanism', 'id: meet-1, type: meeting, fields: {rank: 1}');
    expect(unstated(MATRIX, none, { unstated: 'all' }).found.map((d) => d.message)).toEqual([
      '`level` is not stated on any of the 2 mechanism or meeting events that matrix m reads it on (mech-1, meet-1): a test of it is unknown there',
    ]);
  });

  it('leaves out the fields it is told to skip, and is an error when strict', () => {
    const { found } = unstated(MATRIX, SIX, { skip: new Set(['level']), strict: true });
    expect(found.map((d) => [d.severity, d.message.split(' ')[0]])).toEqual([['error', '`rank`']]);
  });

  it('joins the event types of every place a field is read, and reads it on any event once one place has no type', () => {
    const twice = matrixText({
      levels: `      - {label: high, score: 2, when: {some: {all: [{type: mechanism}, {field: level, equals: leaders}]}}}
      - {label: mid, score: 1, when: {some: {all: [{type: meeting}, {field: level, equals: experts}]}}}
      - {label: none, score: 0}`,
    });
    const events = record('id: mech-1, type: mechanism', 'id: st-1, type: statement', 'id: meet-1, type: meeting');
    expect(unstated(twice, events).found.map((d) => d.message)).toEqual([
      '`level` is not stated on any of the 2 mechanism or meeting events that matrix m reads it on (mech-1, meet-1): a test of it is unknown there',
    ]);
    const anyFirst = matrixText({
      levels: `      - {label: high, score: 2, when: {some: {field: level, equals: leaders}}}
      - {label: mid, score: 1, when: {some: {all: [{type: meeting}, {field: level, equals: experts}]}}}
      - {label: none, score: 0}`,
    });
    const anyLast = matrixText({
      levels: `      - {label: high, score: 2, when: {some: {all: [{type: meeting}, {field: level, equals: experts}]}}}
      - {label: mid, score: 1, when: {some: {field: level, equals: leaders}}}
      - {label: none, score: 0}`,
    });
    const anyEvent = '`level` is not stated on any of the 3 events that matrix m reads it on (mech-1, st-1, meet-1): a test of it is unknown there';
    expect(unstated(anyFirst, events).found.map((d) => d.message)).toEqual([anyEvent]);
    expect(unstated(anyLast, events).found.map((d) => d.message)).toEqual([anyEvent]);
  });
});

describe('an event key read as a field', () => {
  it('is never reported: an event without a title has none, which is known', () => {
    const titled = matrixText({ levels: '      - {label: high, score: 1, when: {some: {field: title, exists: true}}}\n      - {label: none, score: 0}' });
    expect(unstated(titled, record('id: a, type: meeting', 'id: b, type: meeting')).found).toEqual([]);
  });
});

describe('checkStreamedVocabulary', () => {
  const VALUES = matrixText({
    fields: '  level: {type: string, values: {leaders: Heads.}, absent: false}',
    levels: '      - {label: high, score: 1, when: {some: {field: level, equals: leaders}}}\n      - {label: low, score: 0}',
  });
  const text = record('id: a, type: meeting, fields: {level: leaders}', 'id: b, type: meeting, fields: {level: expert}');

  it('places a problem at the event it is about', () => {
    const loaded = recordFrom(text);
    const found = checkStreamedVocabulary(loadMatrixText(VALUES).matrix, loaded, 'stream.ndjson');
    // The second event is item 2 of `events:`, on line 7; its mapping opens at column 5.
    expect(found.map(({ file, line, col, path }) => ({ file, line, col, path }))).toEqual([
      { file: 'record.yaml', line: 7, col: 5, path: 'events[1].fields.level' },
    ]);
  });

  it('places it at the first line of the stream when the event has no place', () => {
    const loaded = recordFrom(text);
    const placeless = { ...loaded, events: loaded.events.map(({ location: _location, ...event }) => event) };
    const found = checkStreamedVocabulary(loadMatrixText(VALUES).matrix, placeless, 'stream.ndjson');
    expect(found.map(({ file, line, col }) => ({ file, line, col }))).toEqual([{ file: 'stream.ndjson', line: 1, col: 1 }]);
  });
});
