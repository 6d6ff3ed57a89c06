import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { lintVocabulary } from '../../src/load/lint-matrix.js';
import { parseYamlDocument, type ParsedDocument } from '../../src/load/yaml-document.js';
import { loadMatrixText, matrixText } from '../helpers/matrix-text.js';

const MATRIX = matrixText({
  fields: `  type:
    type: string
    values: {mechanism: A body., meeting: A session.}
  level:
    type: string
    values: {leaders: Heads., ministerial: Ministers., expert: Experts.}
  openEnded:
    type: boolean
    absent: false`,
  levels: `      - label: high
        score: 2
        when:
          some:
            all:
              - type: mechanism
              - field: level
                in: [leaders, ministerial]
      - label: mid
        score: 1
        when:
          some:
            all:
              - type: mechanism
              - field: openEnded
                equals: true
      - label: low
        score: 0`,
});

function lint(text: string): Pick<Diagnostic, 'severity' | 'code' | 'line' | 'col' | 'message' | 'hint'>[] {
  const loaded = loadMatrixText(text);
  const doc = parseYamlDocument('m.yaml', text) as ParsedDocument;
  return lintVocabulary(loaded.matrix, doc).map(({ severity, code, line, col, message, hint }) => ({
    severity,
    code,
    line,
    col,
    message,
    ...(hint && { hint }),
  }));
}

const lineOf = (text: string, fragment: string) => text.split('\n').findIndex((line) => line.includes(fragment)) + 1;

describe('lint against the declared fields', () => {
  it('finds nothing in a matrix whose conditions keep to its declarations', () => expect(lint(MATRIX)).toEqual([]));

  it('takes `equals:` with a list for the `in:` meant (an error on a declared single-valued field)', () => {
    const text = MATRIX.replace('in: [leaders, ministerial]', 'equals: [leaders, ministerial]');
    expect(lint(text)).toEqual([
      {
        severity: 'error',
        code: 'EQUALS_LIST',
        line: lineOf(text, 'equals: [leaders'),
        col: 25,
        message: '`equals:` is given a list, so `level` would have to be that whole list; it holds one value',
        hint: 'did you mean `in: [leaders, ministerial]`?',
      },
    ]);
  });

  it('warns about `equals:` with a list on a field it does not declare', () => {
    const text = MATRIX.replace('field: level\n                in: [leaders, ministerial]', 'field: rank\n                equals: [1, 2]');
    const found = lint(text);
    expect(found.map((d) => [d.severity, d.code])).toEqual([['warning', 'EQUALS_LIST']]);
  });

  it('finds a tested value the field does not declare, with the one meant, at the value', () => {
    const text = MATRIX.replace('in: [leaders, ministerial]', 'in: [leaders, minsterial]');
    expect(lint(text)).toEqual([
      {
        severity: 'error',
        code: 'UNDECLARED_TEST_VALUE',
        line: lineOf(text, 'minsterial'),
        col: 31,
        message: '`level` is tested for "minsterial", which is not among its declared values, so the test never holds',
        hint: 'did you mean `ministerial`?',
      },
    ]);
  });

  it('checks the `type:` shorthand and the type of a tested value', () => {
    const text = MATRIX.replace(
      '- type: mechanism\n              - field: openEnded\n                equals: true',
      '- type: [mechanism, meting]\n              - field: openEnded\n                equals: "true"',
    );
    expect(lint(text).map(({ code, line, col, message }) => ({ code, line, col, message }))).toEqual([
      {
        code: 'UNDECLARED_TEST_VALUE',
        line: lineOf(text, 'meting'),
        col: 35,
        message: '`type` is tested for "meting", which is not among its declared values, so the test never holds',
      },
      {
        code: 'UNDECLARED_TEST_VALUE',
        line: lineOf(text, 'equals: "true"'),
        col: 25,
        message: '`openEnded` is tested for "true", a string, where `openEnded` is a boolean, so the test never holds',
      },
    ]);
  });

  it('warns about a field read but not declared, with the declared one meant', () => {
    const text = MATRIX.replace('field: openEnded', 'field: openended');
    expect(lint(text)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'UNDECLARED_FIELD',
        line: lineOf(text, 'field: openended'),
        col: 24,
        hint: 'did you mean `openEnded`?',
      }),
    ]);
  });

  it('finds a level no declared values can reach: one field asked for two values at once', () => {
    const text = MATRIX.replace(
      '              - field: openEnded\n                equals: true',
      '              - field: level\n                equals: expert\n              - field: level\n                in: [leaders, ministerial]',
    );
    expect(lint(text)).toEqual([
      {
        severity: 'error',
        code: 'LEVEL_NEVER_HOLDS',
        line: lineOf(text, '- label: mid') + 3,
        col: 11,
        message: 'level `mid` of c can never be reached under the declared fields: it asks `level` for "expert" and for "leaders" or "ministerial" at once',
        hint: 'see `summit-score codebook` for the values each field declares',
      },
    ]);
  });

  it('says nothing more about a level whose condition already has a reported mistake', () => {
    const text = MATRIX.replace('in: [leaders, ministerial]', 'in: [leader]');
    expect(lint(text).map((d) => d.code)).toEqual(['UNDECLARED_TEST_VALUE']);
  });

  it('says nothing about fields when the matrix declares none', () => {
    const text = MATRIX.replace(/fields:\n(?: {2}.*\n)+/, '').replace('field: openEnded', 'field: openended');
    expect(lint(text)).toEqual([]);
  });
});

// One level's condition at a time, against fields of each type; each position is where the
// fragment named stands on the level's line, found in the text.
const FIELDS = `  level: {type: string, values: {leaders: Heads., ministerial: Ministers., expert: Experts.}}
  topics: {type: list, values: {trade: Trade., cyber: Cyber.}}
  rounds: {type: number, values: {1: One round., 2: Two rounds.}}
  signed: {type: date}
  deadline: {type: date}
  openEnded: {type: boolean, absent: false}`;

const withWhen = (when: string, fields = FIELDS) =>
  matrixText({ fields, levels: `      - {label: high, score: 1, when: ${when}}\n      - {label: low, score: 0}` });

/** Line and column of `fragment` on the level's line (the first holding `label: high`). */
function levelAt(text: string, fragment: string): { line: number; col: number } {
  const line = lineOf(text, 'label: high');
  return { line, col: text.split('\n')[line - 1]!.indexOf(fragment) + 1 };
}

const fieldLint = (when: string, fields?: string) => {
  const text = withWhen(when, fields);
  return { text, found: lint(text) };
};

describe('lint of tested values against each type of field', () => {
  it('reads `field: type` written out at its test, not as the shorthand', () => {
    const fields = `  type: {type: string, values: {meeting: A session.}}`;
    const { text, found } = fieldLint('{some: {field: type, in: [meeting, meting]}}', fields);
    expect(found).toEqual([
      {
        severity: 'error',
        code: 'UNDECLARED_TEST_VALUE',
        ...levelAt(text, 'meting]'),
        message: '`type` is tested for "meting", which is not among its declared values, so the test never holds',
        hint: 'did you mean `meeting`?',
      },
    ]);
  });

  it('places a value of the one-value `type:` shorthand at the value', () => {
    const fields = `  type: {type: string, values: {meeting: A session.}}`;
    const { text, found } = fieldLint('{some: {type: meting}}', fields);
    expect(found.map(({ code, line, col, hint }) => ({ code, line, col, hint }))).toEqual([
      { code: 'UNDECLARED_TEST_VALUE', ...levelAt(text, 'meting'), hint: 'did you mean `meeting`?' },
    ]);
  });

  it('checks a value of a list field item by item: `equals:` a list is a whole list, `contains:` one item', () => {
    expect(fieldLint('{some: {field: topics, equals: [trade, cyber]}}').found).toEqual([]);
    expect(fieldLint('{some: {field: topics, contains: cyber}}').found).toEqual([]);
    const { text, found } = fieldLint('{some: {field: topics, contains: cyberr}}');
    expect(found).toEqual([
      {
        severity: 'error',
        code: 'UNDECLARED_TEST_VALUE',
        ...levelAt(text, 'cyberr'),
        message: '`topics` is tested for "cyberr", which is not among its declared values, so the test never holds',
        hint: 'did you mean `cyber`?',
      },
    ]);
  });

  it('lists the declared values of a number field tested for another', () => {
    const { text, found } = fieldLint('{some: {field: rounds, equals: 3}}');
    expect(found).toEqual([
      {
        severity: 'error',
        code: 'UNDECLARED_TEST_VALUE',
        ...levelAt(text, '3}'),
        message: '`rounds` is tested for 3, which is not among its declared values, so the test never holds',
        hint: 'values: 1, 2',
      },
    ]);
  });

  it('takes a date field to hold a date written as text, and nothing else', () => {
    expect(fieldLint('{some: {field: signed, equals: "2015-09-25"}}').found).toEqual([]);
    const { text, found } = fieldLint('{some: {field: signed, equals: 2015}}');
    expect(found).toEqual([
      {
        severity: 'error',
        code: 'UNDECLARED_TEST_VALUE',
        ...levelAt(text, '2015}'),
        message: '`signed` is tested for 2015, not a date, so the test never holds',
      },
    ]);
  });

  it('gives no hint for a value of the wrong type on a field that declares no values', () => {
    const { found } = fieldLint('{some: {field: openEnded, equals: "true"}}');
    expect(found).toHaveLength(1);
    expect(found[0]).not.toHaveProperty('hint');
  });

  it('says nothing of a test for null, or of a field read without a test', () => {
    expect(fieldLint('{some: {field: level, equals: ~}}').found).toEqual([]);
    expect(fieldLint('{some: {deadline: met}}').found).toEqual([]);
  });

  it('warns about a field read without a test that the fields do not declare, at the condition', () => {
    const fields = '  level: {type: string}';
    const { text, found } = fieldLint('{some: {deadline: met}}', fields);
    const doc = parseYamlDocument('m.yaml', text) as ParsedDocument;
    expect(lintVocabulary(loadMatrixText(text).matrix, doc).map((d) => d.path)).toEqual(['criteria[0].levels[0].when.some']);
    expect(found).toEqual([
      {
        severity: 'warning',
        code: 'UNDECLARED_FIELD',
        ...levelAt(text, '{deadline'),
        message: 'the matrix reads `deadline`, which its `fields:` do not declare, so it has no declared values and its absence is unknown',
        hint: 'declare it under `fields:`',
      },
    ]);
  });

  it('warns about `equals:` a list on an undeclared field at its `equals:`', () => {
    const { text, found } = fieldLint('{some: {field: rank, equals: [1, 2]}}');
    expect(found).toEqual([
      {
        severity: 'warning',
        code: 'EQUALS_LIST',
        ...levelAt(text, '[1, 2]'),
        message: '`equals:` is given a list, so `rank` would have to be that whole list; it holds one value',
        hint: 'did you mean `in: [1, 2]`?',
      },
    ]);
  });

  it('writes a null in a list given to `equals:` as null in the `in:` it suggests', () => {
    expect(fieldLint('{some: {field: level, equals: [leaders, ~]}}').found.map((d) => d.hint)).toEqual(['did you mean `in: [leaders, null]`?']);
  });

  it('finds a value in a list of more than ten conditions at its place', () => {
    const many = Array.from({ length: 10 }, () => '{type: meeting}').join(', ');
    const { found } = fieldLint(`{some: {any: [${many}, {field: level, in: [leaders, minsterial]}]}}`);
    const text = withWhen(`{some: {any: [${many}, {field: level, in: [leaders, minsterial]}]}}`);
    expect(found.map(({ code, line, col }) => ({ code, line, col }))).toEqual([{ code: 'UNDECLARED_TEST_VALUE', ...levelAt(text, 'minsterial') }]);
    const doc = parseYamlDocument('m.yaml', text) as ParsedDocument;
    expect(lintVocabulary(loadMatrixText(text).matrix, doc).map((d) => d.path)).toEqual(['criteria[0].levels[0].when.some.any[10].in[1]']);
  });
});

describe('a level the declared values can never reach', () => {
  const contradiction = '{field: level, equals: expert}, {field: level, in: [leaders, ministerial]}';
  const never = 'it asks `level` for "expert" and for "leaders" or "ministerial" at once';
  const reasons = (when: string) =>
    fieldLint(when)
      .found.filter((d) => d.code === 'LEVEL_NEVER_HOLDS')
      .map((d) => d.message.split(': ')[1]);

  it.each([
    ['an all inside an all', `{some: {all: [{type: meeting}, {all: [${contradiction}]}]}}`],
    ['every branch of an any', `{some: {any: [{all: [${contradiction}]}, {all: [${contradiction}]}]}}`],
    ['the event a link points to', `{some: {link: of, to: {all: [${contradiction}]}}}`],
    ['the events that link to one', `{some: {linkedBy: of, where: {all: [${contradiction}]}}}`],
    ['a count that zero events do not meet', `{count: {all: [${contradiction}]}, gte: 1}`],
    ['a count of more than zero', `{count: {all: [${contradiction}]}, gt: 0}`],
    ['a count equal to one', `{count: {all: [${contradiction}]}, equals: 1}`],
    ['a count below zero', `{count: {all: [${contradiction}]}, lt: 0}`],
    ['a count at most minus one', `{count: {all: [${contradiction}]}, lte: -1}`],
  ])('is found through %s', (_name, when) => {
    expect(reasons(when)).toEqual([never]);
  });

  it.each([
    ['one branch of an any that can hold', `{some: {any: [{all: [${contradiction}]}, {type: meeting}]}}`],
    ['a count that zero events meet: equals 0', `{count: {all: [${contradiction}]}, equals: 0}`],
    ['a count that zero events meet: lt 1', `{count: {all: [${contradiction}]}, lt: 1}`],
    ['a count that zero events meet: lte 0', `{count: {all: [${contradiction}]}, lte: 0}`],
    ['a link with no condition on what it points to', '{some: {link: of}}'],
    ['linkedBy with no condition on the linking events', '{some: {linkedBy: of}}'],
    ['two tests that leave a value both accept', '{some: {all: [{field: level, in: [leaders, ministerial]}, {field: level, equals: leaders}]}}'],
    ['a test not on the values beside one that is', '{some: {all: [{field: level, exists: true}, {field: level, equals: leaders}]}}'],
    ['two values of a list field, which can hold both', '{some: {all: [{field: topics, in: [trade]}, {field: topics, in: [cyber]}]}}'],
    ['a not, which this does not analyse', `{not: {some: {all: [${contradiction}]}}}`],
  ])('is not claimed for %s', (_name, when) => {
    expect(reasons(when)).toEqual([]);
  });

  it('names the values each test asks for, the first test first', () => {
    expect(reasons('{some: {all: [{field: level, in: [leaders, ministerial]}, {field: level, equals: expert}]}}')).toEqual([
      'it asks `level` for "leaders" or "ministerial" and for "expert" at once',
    ]);
  });

  it.each([
    ['an any', '{any: [{field: level, equals: bogus}]}'],
    ['an atLeast', '{atLeast: 1, of: [{field: level, equals: bogus}]}'],
    ['a not', '{not: {field: level, equals: bogus}}'],
    ['a none', '{none: {field: level, equals: bogus}}'],
    ['a count', '{count: {field: level, equals: bogus}, gte: 1}'],
    ['a link', '{link: of, to: {field: level, equals: bogus}}'],
    ['a linkedBy', '{linkedBy: of, where: {field: level, equals: bogus}}'],
  ])('is not said of a level with a reported mistake inside %s', (_name, faulty) => {
    const found = fieldLint(`{some: {all: [${contradiction}, ${faulty}]}}`).found;
    expect(found.map((d) => d.code)).toEqual(['UNDECLARED_TEST_VALUE']);
  });
});
