import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type Diagnostic } from '../../src/diagnostics.js';
import { loadMatrix } from '../../src/load/load-matrix.js';
import { readInputFile } from '../../src/load/read-input.js';
import { loadMatrixText, matrixText } from '../helpers/matrix-text.js';
import { PACKAGE_FILES } from '../../src/load/read-input.js';

const MATRIX = matrixText({
  fields: `  level:
    type: string
    description: Who leads it.
    values:
      leaders: Heads of state or government.
      ministerial: Cabinet members.
    absent: unknown
  openEnded:
    type: boolean
    values: {true: No end date., false: Time-bound.}
    absent: false
  topics:
    type: list
    absent: false
  rank:
    type: number
    values: {1: First., 2.5: Between.}
    absent: 1`,
  levels: `      - label: high
        score: 1
        when:
          some:
            field: level
            equals: leaders
      - label: low
        score: 0`,
});

function problems(text: string): Pick<Diagnostic, 'code' | 'line' | 'col' | 'message' | 'hint'>[] {
  try {
    loadMatrixText(text);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.diagnostics.map(({ code, line, col, message, hint }) => ({ code, line, col, message, ...(hint && { hint }) }));
  }
  return [];
}

describe('fields: the vocabulary a matrix declares', () => {
  it('reads each declaration: type, values by the field type, meanings, absence, position', () => {
    const { fields } = loadMatrixText(MATRIX).matrix;
    expect(fields?.['level']).toEqual({
      name: 'level',
      type: 'string',
      description: 'Who leads it.',
      values: [
        { value: 'leaders', meaning: 'Heads of state or government.' },
        { value: 'ministerial', meaning: 'Cabinet members.' },
      ],
      absent: { kind: 'unknown' },
      location: { file: 'm.yaml', line: 7, col: 3 },
    });
    // YAML keys are text; a boolean or number field reads them as booleans and numbers.
    expect(fields?.['openEnded']?.values?.map((v) => v.value)).toEqual([true, false]);
    expect(fields?.['rank']?.values?.map((v) => v.value)).toEqual([1, 2.5]);
    // `absent: false` on a boolean is the value false; on any other field, tests of it fail.
    expect(fields?.['openEnded']?.absent).toEqual({ kind: 'value', value: false });
    expect(fields?.['topics']?.absent).toEqual({ kind: 'false' });
    expect(fields?.['rank']?.absent).toEqual({ kind: 'value', value: 1 });
  });

  it('reads absence as unknown when the declaration does not say, and {value: X} as that value', () => {
    const text = MATRIX.replace('    absent: unknown\n', '')
      .replace('absent: false\n  rank', 'absent: {value: unknown}\n  rank')
      .replace('type: list', 'type: string');
    const { fields } = loadMatrixText(text).matrix;
    expect(fields?.['level']?.absent).toEqual({ kind: 'unknown' });
    expect(fields?.['topics']?.absent).toEqual({ kind: 'value', value: 'unknown' });
  });

  it('leaves `fields` out of a matrix that declares none', () => {
    const text = MATRIX.replace(/fields:\n(?: {2}.*\n)+/, '');
    expect(loadMatrixText(text).matrix.fields).toBeUndefined();
  });

  it.each([
    [
      'an unknown field type',
      MATRIX.replace('type: string', 'type: text'),
      'NOT_ALLOWED',
      8,
      11,
      'fields.level.type is "text"; allowed: string, number, boolean, date, list',
    ],
    ['a misspelt declaration key', MATRIX.replace('absent: unknown', 'absnet: unknown'), 'UNKNOWN_KEY', 13, 5, 'unknown key `absnet` in fields.level'],
    [
      'a meaning that is not text',
      MATRIX.replace('ministerial: Cabinet members.', 'ministerial: [Cabinet]'),
      'WRONG_TYPE',
      12,
      20,
      'fields.level.values.ministerial must be a string, not a list',
    ],
    ['a declaration without a type', MATRIX.replace('    type: string\n', ''), 'MISSING_KEY', 8, 5, 'fields.level needs `type`'],
    ['an empty list of values', MATRIX.replace(/values:\n {6}leaders.*\n {6}ministerial.*\n/, 'values: {}\n'), 'OUT_OF_RANGE', 10, 13, undefined],
    [
      'a boolean value that is not true or false',
      MATRIX.replace('false: Time-bound.', 'no: Time-bound.'),
      'WRONG_TYPE',
      16,
      34,
      'is not a boolean (true or false)',
    ],
    ['a number value that is not a number', MATRIX.replace('2.5: Between.', 'two: Between.'), 'WRONG_TYPE', 23, 25, '`two` is not a number'],
    [
      'values on a date field',
      MATRIX.replace('type: list', 'type: date\n    values: {2015-01-01: New year.}'),
      'NOT_ALLOWED',
      20,
      13,
      '`topics` is a date field, so it cannot list values',
    ],
    ['an absent value of another type', MATRIX.replace('absent: 1', 'absent: "1"'), 'WRONG_TYPE', 24, 13, '`absent` of the number field `rank` is string "1"'],
  ])('reports %s with its code, position and words', (_name, text, code, line, col, words) => {
    const [first, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ code, line, col });
    if (words !== undefined) expect(first?.message).toContain(words);
  });

  it('refuses an absent value a closed field does not know, suggesting the one meant', () => {
    const [problem] = problems(MATRIX.replace('absent: unknown', 'absent: leader'));
    expect(problem).toMatchObject({ code: 'NOT_ALLOWED', line: 13, col: 13, hint: 'did you mean `leaders`?' });
    expect(problem?.message).toBe('`absent` reads `level` as "leader", which is not among its values');
  });
});

describe('fields under extends', () => {
  const folder = mkdtempSync(join(tmpdir(), 'fields-extends-'));
  writeFileSync(join(folder, 'base.yaml'), MATRIX);
  const loadChild = (text: string) => {
    writeFileSync(join(folder, 'child.yaml'), text);
    return loadMatrix(readInputFile(join(folder, 'child.yaml'), PACKAGE_FILES));
  };

  it('merges declarations by name and key by key, and names each change', () => {
    const loaded = loadChild(`extends: base.yaml
id: child
fields:
  level:
    absent: false
  participation:
    type: string
    values: {civil: Civilians.}
`);
    const { fields } = loaded.matrix;
    expect(Object.keys(fields ?? {})).toEqual(['level', 'openEnded', 'topics', 'rank', 'participation']);
    // The child said only `absent`: the base's values and meanings stay.
    expect(fields?.['level']).toMatchObject({
      absent: { kind: 'false' },
      description: 'Who leads it.',
      values: [{ value: 'leaders' }, { value: 'ministerial' }],
    });
    expect(fields?.['level']?.location?.file).toBe(join(folder, 'child.yaml'));
    expect(fields?.['openEnded']?.location?.file).toBe(join(folder, 'base.yaml'));
    expect(loaded.extends?.overrides).toEqual([
      { path: 'fields.level.absent', change: 'changed', from: 'unknown', to: false },
      { path: 'fields.participation', change: 'added' },
    ]);
  });

  it('points a problem in an inherited declaration into the base, and one in the child into the child', () => {
    writeFileSync(join(folder, 'base.yaml'), MATRIX.replace('absent: 1', 'absent: "1"'));
    try {
      loadChild('extends: base.yaml\nid: child\nfields:\n  level:\n    absent: leader\n');
    } catch (error) {
      const found = (error as InputError).diagnostics.map(({ code, file, line, col }) => ({ code, file, line, col }));
      expect(found).toEqual([
        { code: 'NOT_ALLOWED', file: join(folder, 'child.yaml'), line: 5, col: 13 },
        { code: 'WRONG_TYPE', file: join(folder, 'base.yaml'), line: 24, col: 13 },
      ]);
    }
    expect.assertions(1);
  });
});
