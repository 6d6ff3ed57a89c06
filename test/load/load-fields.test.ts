// declaredFields and mismatch (src/load/load-fields.ts), called directly: each declaration read
// as its type says, and each problem at the place of its value in the text (line and column from
// 1, found in the text), with its words as the rule states them.
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/load/load-document.js';
import { declaredFields, mismatch } from '../../src/load/load-fields.js';
import { parseYamlDocument, type ParsedDocument } from '../../src/load/yaml-document.js';
import type * as MatrixSchema from '../../src/load/schema-types/matrix.js';

function read(text: string) {
  const doc = parseYamlDocument('m.yaml', text) as ParsedDocument;
  const sink = new DiagnosticSink(doc);
  const raw = (doc.data as { fields: Record<string, MatrixSchema.FieldDeclaration> }).fields;
  const fields = declaredFields(raw, sink, (path) => ({ file: 'm.yaml', ...doc.locate(path) }));
  return { fields, diagnostics: sink.diagnostics };
}

/** Line and column (from 1) of `fragment` on the first line holding `line`. */
function place(text: string, line: string, fragment = line): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(line));
  expect(index).toBeGreaterThanOrEqual(0);
  return { line: index + 1, col: lines[index]!.indexOf(fragment) + 1 };
}

describe('declaredFields', () => {
  it('reads each field: its type, values as that type, absence, and its place', () => {
    const text = [
      'fields:',
      '  size:',
      '    type: number',
      '    values: {"1e2": Hundred., "-0.5": Less., " 7 ": Seven.}',
      '    absent: {value: 100}',
      '  note:',
      '    type: string',
      '  when:',
      '    type: date',
      '    absent: false',
      '',
    ].join('\n');
    const { fields, diagnostics } = read(text);
    expect(diagnostics).toEqual([]);
    expect(fields).toEqual({
      size: {
        name: 'size',
        type: 'number',
        // Number(" 7 ") is 7: the key is read as the number it spells.
        values: [
          { value: 100, meaning: 'Hundred.' },
          { value: -0.5, meaning: 'Less.' },
          { value: 7, meaning: 'Seven.' },
        ],
        absent: { kind: 'value', value: 100 },
        location: { file: 'm.yaml', ...place(text, 'type: number') },
      },
      note: { name: 'note', type: 'string', absent: { kind: 'unknown' }, location: { file: 'm.yaml', ...place(text, 'type: string') } },
      when: { name: 'when', type: 'date', absent: { kind: 'false' }, location: { file: 'm.yaml', ...place(text, 'type: date') } },
    });
    expect(Object.keys(fields)).toEqual(['size', 'note', 'when']);
    // No description is no `description` key (toEqual would pass one that is undefined).
    expect(Object.keys(fields['note']!)).toEqual(['name', 'type', 'absent', 'location']);
  });

  it('refuses number keys that spell no finite number, and says nothing of absent then', () => {
    const text = 'fields:\n  n:\n    type: number\n    values: {" ": Blank., Infinity: Endless., "2": Two.}\n    absent: 3\n';
    const { fields, diagnostics } = read(text);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'WRONG_TYPE',
        file: 'm.yaml',
        ...place(text, 'values:', '" "'),
        path: 'fields.n.values. ',
        message: '` ` is not a number, as the number field `n` needs',
      },
      {
        severity: 'error',
        code: 'WRONG_TYPE',
        file: 'm.yaml',
        ...place(text, 'values:', 'Infinity'),
        path: 'fields.n.values.Infinity',
        message: '`Infinity` is not a number, as the number field `n` needs',
      },
    ]);
    expect(fields['n']).not.toHaveProperty('values');
    expect(fields['n']?.absent).toEqual({ kind: 'value', value: 3 });
  });

  it('reads true and false, and nothing else, as the keys of a boolean field', () => {
    const text = 'fields:\n  b:\n    type: boolean\n    values: {"true": Yes., "false": No., "yes": Maybe.}\n';
    const { diagnostics } = read(text);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'WRONG_TYPE',
        ...place(text, 'values:', '"yes"'),
        message: '`yes` is not a boolean (true or false), as the boolean field `b` needs',
      }),
    ]);
    const ok = read('fields:\n  b:\n    type: boolean\n    values: {"true": Yes., "false": No.}\n    absent: false\n').fields['b'];
    expect(ok?.values).toEqual([
      { value: true, meaning: 'Yes.' },
      { value: false, meaning: 'No.' },
    ]);
    expect(ok?.absent).toEqual({ kind: 'value', value: false });
  });

  it('refuses values on a date field, with the fix', () => {
    const text = 'fields:\n  d:\n    type: date\n    values: {"2015-01-01": New year.}\n';
    const { fields, diagnostics } = read(text);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'NOT_ALLOWED',
        file: 'm.yaml',
        ...place(text, 'values:', '{'),
        path: 'fields.d.values',
        message: '`d` is a date field, so it cannot list values',
        hint: 'drop `values:`, or make it a string field if the dates are codes',
      },
    ]);
    expect(fields['d']).not.toHaveProperty('values');
  });

  it('refuses an absent value of the wrong type, at the value or inside {value: X}', () => {
    const text = 'fields:\n  n:\n    type: number\n    absent: "1"\n  s:\n    type: string\n    absent: {value: 2}\n';
    const { fields, diagnostics } = read(text);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'WRONG_TYPE',
        file: 'm.yaml',
        ...place(text, '"1"'),
        path: 'fields.n.absent',
        message: '`absent` of the number field `n` is string "1"',
        hint: 'write unknown, false, or a value the field can hold',
      },
      {
        severity: 'error',
        code: 'WRONG_TYPE',
        file: 'm.yaml',
        ...place(text, '{value: 2}', '2'),
        path: 'fields.s.absent.value',
        message: '`absent` of the string field `s` is number 2',
        hint: 'write unknown, false, or a value the field can hold',
      },
    ]);
    expect(fields['n']?.absent).toEqual({ kind: 'unknown' });
    expect(fields['s']?.absent).toEqual({ kind: 'unknown' });
  });

  it('refuses an absent value a closed field does not list, naming its values when none is near', () => {
    const text = 'fields:\n  s:\n    type: string\n    values: {alpha: A., beta: B.}\n    absent: {value: zzzzzz}\n';
    const { fields, diagnostics } = read(text);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'NOT_ALLOWED',
        file: 'm.yaml',
        ...place(text, 'zzzzzz'),
        path: 'fields.s.absent.value',
        message: '`absent` reads `s` as "zzzzzz", which is not among its values',
        hint: 'values: alpha, beta',
      },
    ]);
    expect(fields['s']?.absent).toEqual({ kind: 'unknown' });
    expect(read(text.replace('zzzzzz', 'beta')).fields['s']?.absent).toEqual({ kind: 'value', value: 'beta' });
  });
});

describe('mismatch', () => {
  it('finds nothing wrong with a value of the type', () => {
    expect(mismatch('x', 'string')).toBeUndefined();
    expect(mismatch(0, 'number')).toBeUndefined();
    expect(mismatch(false, 'boolean')).toBeUndefined();
    expect(mismatch('2016-02-29', 'date')).toBeUndefined();
    expect(mismatch('2016-02', 'date')).toBeUndefined();
    expect(mismatch(['a'], 'list')).toBeUndefined();
    // One value alone stands for a list of one.
    expect(mismatch('CN', 'list')).toBeUndefined();
    expect(mismatch(3, 'list')).toBeUndefined();
  });

  it('describes a value of another type', () => {
    expect(mismatch(1, 'string')).toBe('number 1');
    expect(mismatch('1', 'number')).toBe('string "1"');
    expect(mismatch('true', 'boolean')).toBe('string "true"');
    expect(mismatch(null, 'string')).toBe('null');
    expect(mismatch(['a'], 'number')).toBe('a list');
    expect(mismatch(undefined, 'boolean')).toBe('undefined undefined');
    expect(mismatch(null, 'list')).toBe('null');
    expect(mismatch({ a: 1 }, 'list')).toBe('object {"a":1}');
  });

  it('refuses a date that is not YYYY-MM or YYYY-MM-DD, or not in the calendar', () => {
    expect(mismatch('2015-02-29', 'date')).toBe('string "2015-02-29", not a calendar date');
    expect(mismatch('2015-13', 'date')).toBe('string "2015-13", not a calendar date');
    expect(mismatch('x2015-01-01', 'date')).toBe('string "x2015-01-01", not a calendar date');
    expect(mismatch('2015-01-01x', 'date')).toBe('string "2015-01-01x", not a calendar date');
    expect(mismatch('2015-1-01', 'date')).toBe('string "2015-1-01", not a calendar date');
    expect(mismatch(2015, 'date')).toBe('number 2015, not a calendar date');
  });
});
