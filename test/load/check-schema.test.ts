// checkSchema (src/load/check-schema.ts) against a small schema of the test's own, compiled with
// the options the tool uses (AJV_OPTIONS): each kind of ajv error as one diagnostic, its words as
// the rule states them and its place found in the text (line and column from 1).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../src/load/check-schema.js';
import { parseYamlDocument, type ParsedDocument } from '../../src/load/yaml-document.js';
import { AJV_OPTIONS } from '../../src/schema/validate.js';

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'weight'],
  properties: {
    id: { type: 'string', pattern: '^[a-z]+$', description: 'an id is lower-case letters' },
    weight: { type: 'number', minimum: 0 },
    state: { type: 'string', pattern: '^(pending|met|missed)$' },
    code: { type: 'string', pattern: '^[A-Z]{2}$' },
    kind: { type: 'string', enum: ['a', 'b', 'c'] },
    size: { type: 'number', enum: [1, 2] },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    note: { type: ['string', 'null'] },
    child: {
      type: 'object',
      additionalProperties: false,
      required: ['label'],
      properties: { label: { type: 'string' }, score: { type: 'number' } },
    },
    rows: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { label: { type: 'string' } } } },
  },
};

let compiled: ValidateFunction | undefined;
const validator = () => (compiled ??= new Ajv(AJV_OPTIONS).compile(SCHEMA));

const doc = (text: string) => parseYamlDocument('t.yaml', text) as ParsedDocument;
const check = (text: string) => checkSchema('matrix', doc(text), validator());

/** Line and column of `fragment` on the first line holding `line`. */
function place(text: string, line: string, fragment = line): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(line));
  expect(index).toBeGreaterThanOrEqual(0);
  return { line: index + 1, col: lines[index]!.indexOf(fragment) + 1 };
}

const error = (severity: 'error', code: string, text: string, fragment: string, path: string, message: string, hint?: string) => ({
  severity,
  code,
  file: 't.yaml',
  ...place(text, fragment),
  path,
  message,
  ...(hint !== undefined && { hint }),
});

describe('checkSchema', () => {
  it('finds nothing in a document the schema takes', () => {
    expect(check('id: a\nweight: 0\nstate: met\ntags: [x, y]\nnote: null\nchild: {label: l}\n')).toEqual([]);
  });

  it('takes a misspelt required key for that key: one diagnostic, not two', () => {
    const text = 'id: a\nwieght: 1\n';
    expect(check(text)).toEqual([error('error', 'UNKNOWN_KEY', text, 'wieght', 'wieght', 'unknown key `wieght` in (document)', 'did you mean `weight`?')]);
    // Another required key missing beside the typo is still missing.
    const both = 'wieght: 1\n';
    // In ajv's order: the root's required keys, then its other keywords.
    expect(check(both)).toEqual([
      { severity: 'error', code: 'MISSING_KEY', file: 't.yaml', line: 1, col: 1, path: '(document)', message: '(document) needs `id`' },
      error('error', 'UNKNOWN_KEY', both, 'wieght', 'wieght', 'unknown key `wieght` in (document)', 'did you mean `weight`?'),
    ]);
  });

  it('takes one unknown key beside one missing key for a rename of it', () => {
    const text = 'id: a\nweight: 1\nchild:\n  name: x\n';
    expect(check(text)).toEqual([
      error('error', 'UNKNOWN_KEY', text, 'name', 'child.name', 'unknown key `name` in child', '`label` is missing here: is this it?'),
    ]);
  });

  it('names the allowed keys when two are unknown, and the missing one as missing', () => {
    const text = 'id: a\nweight: 1\nchild:\n  foo: 1\n  bar: 2\n';
    expect(check(text)).toEqual([
      error('error', 'MISSING_KEY', text, 'foo', 'child', 'child needs `label`'),
      error('error', 'UNKNOWN_KEY', text, 'foo', 'child.foo', 'unknown key `foo` in child', 'allowed here: label, score'),
      error('error', 'UNKNOWN_KEY', text, 'bar', 'child.bar', 'unknown key `bar` in child', 'allowed here: label, score'),
    ]);
    const rows = 'id: a\nweight: 1\nrows:\n  - {label: x, extra: 1}\n';
    expect(check(rows)).toEqual([error('error', 'UNKNOWN_KEY', rows, 'extra', 'rows[0].extra', 'unknown key `extra` in rows[0]', 'allowed here: label')]);
  });

  it('names the type wanted and the value given', () => {
    // In the order of the schema's properties; `size` breaks its type and its enum both.
    const text = 'id: 5\nweight: "x"\nsize: true\ntags: {}\nnote: 5\nchild: [1]\n';
    expect(check(text)).toEqual([
      error('error', 'WRONG_TYPE', text, '5', 'id', 'id must be a string, not number 5', 'quote it to make it a string'),
      error('error', 'WRONG_TYPE', text, '"x"', 'weight', 'weight must be a number, not string "x"'),
      error('error', 'WRONG_TYPE', text, 'true', 'size', 'size must be a number, not boolean true'),
      error('error', 'NOT_ALLOWED', text, 'true', 'size', 'size is true; allowed: 1, 2'),
      error('error', 'WRONG_TYPE', text, '{}', 'tags', 'tags must be a list, not a mapping'),
      { ...error('error', 'WRONG_TYPE', text, 'note: 5', 'note', 'note must be a string or a null, not number 5'), ...place(text, 'note: 5', '5') },
      error('error', 'WRONG_TYPE', text, '[1]', 'child', 'child must be a mapping, not a list'),
    ]);
    // Only a string is quoted: a number where a mapping belongs gets no hint.
    const number = 'id: a\nweight: 1\nchild: 5\n';
    expect(check(number)).toEqual([error('error', 'WRONG_TYPE', number, '5', 'child', 'child must be a mapping, not number 5')]);
    const nulled = 'id: a\nweight: 1\nchild: null\n';
    expect(check(nulled)).toEqual([error('error', 'WRONG_TYPE', nulled, 'null', 'child', 'child must be a mapping, not null')]);
    const list = '- a\n';
    expect(check(list)).toEqual([
      { severity: 'error', code: 'WRONG_TYPE', file: 't.yaml', line: 1, col: 1, path: '(document)', message: '(document) must be a mapping, not a list' },
    ]);
  });

  it('names the allowed values, with the one meant for a string', () => {
    const text = 'id: a\nweight: 1\nstate: mett\nkind: bb\nsize: 3\n';
    expect(check(text)).toEqual([
      error('error', 'NOT_ALLOWED', text, 'mett', 'state', 'state is "mett"; allowed: pending, met, missed', 'did you mean `met`?'),
      error('error', 'NOT_ALLOWED', text, 'bb', 'kind', 'kind is "bb"; allowed: a, b, c', 'did you mean `b`?'),
      error('error', 'NOT_ALLOWED', text, '3', 'size', 'size is 3; allowed: 1, 2'),
    ]);
  });

  it('gives the form a value must have: its description, else its pattern', () => {
    const text = 'id: A1\nweight: 1\ncode: x\n';
    expect(check(text)).toEqual(
      [
        error('error', 'BAD_FORMAT', text, 'A1', 'id', 'id is "A1": an id is lower-case letters'),
        error('error', 'BAD_FORMAT', text, 'code: x', 'code', 'code is "x": it must match ^[A-Z]{2}$'),
      ].map((d, i) => (i === 1 ? { ...d, ...place(text, 'code: x', 'x') } : d)),
    );
  });

  it('points a repeated value at the item ajv finds first, counting from the end', () => {
    // ajv walks [a, b, a] from its last item: index 2 holds a, then index 0 finds it again.
    const text = 'id: a\nweight: 1\ntags:\n  - a\n  - b\n  - a\n';
    expect(check(text)).toEqual([
      { severity: 'error', code: 'DUPLICATE_ID', file: 't.yaml', line: 4, col: 5, path: 'tags[0]', message: 'tags lists the same value twice (items 2 and 0)' },
    ]);
  });

  it("gives any other error in ajv's words", () => {
    const text = 'id: a\nweight: -1\n';
    expect(check(text)).toEqual([error('error', 'OUT_OF_RANGE', text, '-1', 'weight', 'weight must be >= 0')]);
  });

  it('reports one error given twice once, and none when ajv gives none', () => {
    const twice: ErrorObject = { keyword: 'minimum', instancePath: '/weight', schemaPath: '#', params: {}, message: 'must be >= 0' };
    const other: ErrorObject = { ...twice, message: 'must be >= 1' };
    const fake = (errors: ErrorObject[] | null) => Object.assign(() => false, { errors }) as unknown as ValidateFunction;
    const text = 'id: a\nweight: -1\n';
    expect(checkSchema('matrix', doc(text), fake([twice, twice, other])).map((d) => d.message)).toEqual(['weight must be >= 0', 'weight must be >= 1']);
    expect(checkSchema('matrix', doc(text), fake(null))).toEqual([]);
    expect(checkSchema('matrix', doc(text), fake([{ ...twice, message: undefined }]))[0]?.message).toBe('weight is out of range');
  });

  it("uses the tool's own schema when given none", () => {
    const text = 'sources: x\n';
    expect(checkSchema('bibliography', doc(text))).toEqual([error('error', 'WRONG_TYPE', text, 'x', 'sources', 'sources must be a list, not string "x"')]);
  });
});
