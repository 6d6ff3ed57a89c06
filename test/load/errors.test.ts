import { describe, expect, it } from 'vitest';
import { InputError, type Diagnostic } from '../../src/diagnostics.js';
import { loadMatrix } from '../../src/load/load-matrix.js';
import { loadRecord } from '../../src/load/load-record.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';

function problems(load: typeof loadMatrix | typeof loadRecord, text: string): Pick<Diagnostic, 'code' | 'line' | 'col'>[] {
  try {
    load({ file: 'input.yaml', text, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.diagnostics.map(({ code, line, col }) => ({ code, line, col }));
  }
  return [];
}

const MATRIX = `id: m
title: M
version: "1"
source: {author: T}
criteria:
  - id: c
    title: C
    weight: 1
    levels:
      - label: high
        score: 1
        when:
          some:
            type: meeting
      - label: low
        score: 0
verdicts:
  - {label: good, min: 50}
  - {label: bad, min: 0}
`;

describe('matrix errors', () => {
  it('accepts the valid matrix the cases below break', () => expect(problems(loadMatrix, MATRIX)).toEqual([]));

  it.each([
    // The unclosed `[` itself, not the next line where the parser noticed it.
    ['a YAML syntax error', MATRIX.replace('title: C', 'title: [C'), 'YAML_SYNTAX', 7, 12],
    ['a misspelt key', MATRIX.replace('weight: 1', 'wieght: 1'), 'UNKNOWN_KEY', 8, 5],
    ['a missing key', MATRIX.replace('    weight: 1\n', ''), 'MISSING_KEY', 6, 5],
    ['a string for a number', MATRIX.replace('weight: 1', 'weight: heavy'), 'WRONG_TYPE', 8, 13],
    ['an unquoted version', MATRIX.replace('version: "1"', 'version: 1.0'), 'WRONG_TYPE', 3, 10],
    ['a misspelt operator', MATRIX.replace('some:', 'sume:'), 'UNKNOWN_KEY', 13, 11],
    ['an unknown link kind', MATRIX.replace('type: meeting', 'link: follows'), 'NOT_ALLOWED', 14, 19],
    ['two operators in one mapping', MATRIX.replace('type: meeting', 'type: meeting\n            none: {type: x}'), 'BAD_CONDITION', 15, 13],
    ['a field without a test', MATRIX.replace('type: meeting', 'field: level'), 'BAD_CONDITION', 14, 13],
    ['an event test outside a quantifier', MATRIX.replace('some:\n            type: meeting', 'type: meeting'), 'EVENT_TEST_OUTSIDE_QUANTIFIER', 13, 11],
    ['an impossible date', MATRIX.replace('type: meeting', 'before: 2015-02-30'), 'BAD_DATE', 14, 21],
    ['a negative weight', MATRIX.replace('weight: 1', 'weight: -1'), 'OUT_OF_RANGE', 8, 13],
    ['rising level scores', MATRIX.replace('score: 0', 'score: 5'), 'LEVEL_ORDER', 16, 16],
    ['a default level above another', MATRIX.replace('        when:\n          some:\n            type: meeting\n', ''), 'LEVEL_ORDER', 10, 9],
    [
      'duplicate criterion ids',
      MATRIX.replace(
        'verdicts:',
        '  - id: c\n    title: D\n    weight: 1\n    levels: [{label: a, score: 1, when: {some: {type: x}}}, {label: b, score: 0}]\nverdicts:',
      ),
      'DUPLICATE_ID',
      17,
      9,
    ],
    ['a gate naming an unknown band', MATRIX.replace('    levels:', '    gates: [{above: bda, requires: high}]\n    levels:'), 'UNKNOWN_BAND', 9, 21],
    ['a gate naming an unknown level', MATRIX.replace('    levels:', '    gates: [{above: bad, requires: hihg}]\n    levels:'), 'UNKNOWN_LEVEL', 9, 36],
    ['bands out of order', MATRIX.replace('min: 50', 'min: -5').replace('{label: bad, min: 0}', '{label: bad, min: 10}'), 'OUT_OF_RANGE', 18, 24],
    ['a last band above 0', MATRIX.replace('{label: bad, min: 0}', '{label: bad, min: 10}'), 'BAND_ORDER', 19, 23],
    ['a flat weighted scale', MATRIX.replace('score: 1', 'score: 0'), 'FLAT_SCALE', 10, 7],
  ])('reports %s with its code and position', (_name, text, code, line, col?) => {
    const [first] = problems(loadMatrix, text);
    expect(first).toMatchObject({ code, line, ...(col === undefined ? {} : { col }) });
  });

  it('reports every problem in one run', () => {
    const text = MATRIX.replace('weight: 1', 'wieght: 1').replace('some:', 'sume:').replace('{label: bad, min: 0}', '{label: bad, min: 10}');
    expect(problems(loadMatrix, text).map((p) => p.code)).toEqual(['UNKNOWN_KEY', 'UNKNOWN_KEY']);
  });

  it('suggests the key a typo was meant to be', () => {
    try {
      loadMatrix({ file: 'm.yaml', text: MATRIX.replace('weight: 1', 'wieght: 1'), sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES });
    } catch (error) {
      expect((error as InputError).diagnostics[0]?.hint).toBe('did you mean `weight`?');
    }
    expect.assertions(1);
  });
});

const RECORD = `id: r
title: R
date: 2015-09-25
parties: [US, CN]
events:
  - id: commitment
    date: 2015-09-25
    type: commitment
    fields: {deadline: 2015-12-31}
    sources: [{url: "https://example.org"}]
  - id: meeting
    date: 2015-12-01
    type: meeting
    links: {fulfils: commitment}
    sources: [{url: "https://example.org"}]
`;

describe('record errors', () => {
  it('accepts the valid record the cases below break', () => expect(problems(loadRecord, RECORD)).toEqual([]));

  it.each([
    ['an impossible date', RECORD.replace('date: 2015-12-01', 'date: 2015-02-30'), 'BAD_DATE', 12, 11],
    ['an impossible deadline', RECORD.replace('deadline: 2015-12-31', 'deadline: 2015-13-01'), 'BAD_DATE', 9, 24],
    ['a date with a time zone', RECORD.replace('date: 2015-12-01', 'date: 2015-12-01T10:00+01:00'), 'BAD_FORMAT', 12, 11],
    ['a link to an unknown event', RECORD.replace('fulfils: commitment', 'fulfils: comitment'), 'UNKNOWN_LINK', 14, 22],
    ['duplicate event ids', RECORD.replace('id: meeting', 'id: commitment'), 'DUPLICATE_ID', 11, 9],
    ['a field that repeats an event property', RECORD.replace('{deadline: 2015-12-31}', '{type: pledge}'), 'SHADOWED_FIELD', 9, 14],
    [
      'a source that is not a url',
      RECORD.replace('url: "https://example.org"}]\n  - id: meeting', 'url: "example.org"}]\n  - id: meeting'),
      'BAD_FORMAT',
      10,
      21,
    ],
    ['a list where a mapping belongs', RECORD.replace('{deadline: 2015-12-31}', '[deadline]'), 'WRONG_TYPE', 9, 13],
    ['a document that is a list', '- a\n- b\n', 'NOT_A_MAPPING', 1, 1],
  ])('reports %s with its code and position', (_name, text, code, line, col) => {
    expect(problems(loadRecord, text)[0]).toMatchObject({ code, line, col });
  });
});

describe('record values that collide or loop', () => {
  it('refuses an event linked to itself', () => {
    expect(problems(loadRecord, RECORD.replace('fulfils: commitment', 'fulfils: meeting'))[0]).toMatchObject({ code: 'SELF_LINK', line: 14, col: 22 });
  });

  it('refuses party codes that differ only in case', () => {
    expect(problems(loadRecord, RECORD.replace('parties: [US, CN]', 'parties: [US, CN, us]'))[0]).toMatchObject({ code: 'DUPLICATE_ID', line: 4, col: 19 });
  });

  it('accepts links that form a cycle: they are pointers, never followed without bound', () => {
    const cyclic = RECORD.replace('    fields: {deadline: 2015-12-31}\n', '    fields: {deadline: 2015-12-31}\n    links: {of: meeting}\n');
    expect(problems(loadRecord, cyclic)).toEqual([]);
  });
});
