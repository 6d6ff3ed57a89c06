// lintMatrix: the mistakes a matrix can carry and still load (a level no record can reach, a
// lowest level that is no default, a gate that never matters), each at its place in the file,
// found in the text by the fragment that stands there.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { implies, lintMatrix } from '../../src/load/lint-matrix.js';
import { parseYamlDocument, type ParsedDocument } from '../../src/load/yaml-document.js';
import { loadMatrixText, matrixText } from '../helpers/matrix-text.js';

function lint(text: string) {
  loadMatrixText(text); // throws unless the matrix loads: these are mistakes a valid matrix carries
  return lintMatrix(parseYamlDocument('m.yaml', text) as ParsedDocument);
}

/** Line and column (from 1) where `fragment` starts on the first line holding `line`. */
function at(text: string, line: string, fragment = line): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(line));
  expect(index).toBeGreaterThanOrEqual(0);
  return { line: index + 1, col: lines[index]!.indexOf(fragment) + 1 };
}

const levels = (...lines: string[]) => matrixText({ levels: lines.map((l) => `      - ${l}`).join('\n') });

describe('a level no record can reach', () => {
  it('is an error when a level above has the same condition, keys in whatever order', () => {
    const text = levels(
      '{label: high, score: 2, when: {some: {field: level, in: [a, b]}}}',
      '{label: copy, score: 1, when: {some: {in: [a, b], field: level}}}',
      '{label: low, score: 0}',
    );
    expect(lint(text)).toEqual([
      {
        severity: 'error',
        code: 'UNREACHABLE_LEVEL',
        file: 'm.yaml',
        ...at(text, 'label: copy', 'when'),
        path: 'criteria[0].levels[1].when',
        message: 'level `copy` of c can never be reached: `high` above it has the same condition, and the first level that holds wins',
        hint: 'make this condition differ from the one above: often a copy-paste left unchanged',
      },
    ]);
  });

  it('is an error when a level above holds whenever it does, naming the first such level', () => {
    const text = levels(
      '{label: top, score: 3, when: {some: {type: meeting}}}',
      '{label: next, score: 2, when: {some: {type: meeting}}}',
      '{label: narrow, score: 1, when: {some: {all: [{type: meeting}, {field: level, equals: leaders}]}}}',
      '{label: low, score: 0}',
    );
    expect(lint(text).map(({ path, message, hint }) => ({ path, message, hint }))).toEqual([
      {
        path: 'criteria[0].levels[1].when',
        message: 'level `next` of c can never be reached: `top` above it has the same condition, and the first level that holds wins',
        hint: 'make this condition differ from the one above: often a copy-paste left unchanged',
      },
      {
        path: 'criteria[0].levels[2].when',
        message:
          'level `narrow` of c can never be reached: `top` above it has a condition that holds whenever this one does, and the first level that holds wins',
        hint: 'narrow the condition of `top`, or list the narrower level first',
      },
    ]);
  });

  it('says nothing when the narrower level comes first', () => {
    const text = levels(
      '{label: narrow, score: 2, when: {some: {all: [{type: meeting}, {field: level, equals: leaders}]}}}',
      '{label: broad, score: 1, when: {some: {type: meeting}}}',
      '{label: low, score: 0}',
    );
    expect(lint(text)).toEqual([]);
  });
});

describe('a lowest level with a condition', () => {
  it('is a warning, at the level, when a record can meet no level', () => {
    const text = levels('{label: high, score: 1, when: {some: {type: meeting}}}', '{label: low, score: 0, when: {some: {type: talks}}}');
    expect(lint(text)).toEqual([
      {
        severity: 'warning',
        code: 'NO_DEFAULT_LEVEL',
        file: 'm.yaml',
        ...at(text, 'label: low', '{label'),
        path: 'criteria[0].levels[1]',
        message: 'the lowest level `low` of c has a `when`, so a record that meets no level gets none',
        hint: 'drop its `when` to make it the default, or add a default level below it',
      },
    ]);
  });

  it('is a warning when it is the only level', () => {
    // One level is a flat scale, an error of loading; validate lints the matrix all the same.
    const text = levels('{label: only, score: 0, when: {some: {type: meeting}}}');
    const found = lintMatrix(parseYamlDocument('m.yaml', text) as ParsedDocument);
    expect(found.map((d) => [d.code, d.path])).toEqual([['NO_DEFAULT_LEVEL', 'criteria[0].levels[0]']]);
  });

  it.each([
    ['none: X below some: X', '{some: {type: meeting}}', '{none: {type: meeting}}'],
    ['some: X below none: X', '{none: {type: meeting}}', '{some: {type: meeting}}'],
    ['not: C below C', '{some: {type: meeting}}', '{not: {some: {type: meeting}}}'],
    ['C below not: C', '{not: {some: {type: meeting}}}', '{some: {type: meeting}}'],
    ['the complement written with its keys in another order', '{some: {field: level, equals: x}}', '{none: {equals: x, field: level}}'],
  ])('is fine when it holds exactly when the level above does not: %s', (_name, above, lowest) => {
    expect(lint(levels(`{label: high, score: 1, when: ${above}}`, `{label: low, score: 0, when: ${lowest}}`))).toEqual([]);
  });

  it.each([
    ['none of another condition', '{some: {type: meeting}}', '{none: {type: talks}}'],
    ['some of another condition', '{none: {type: meeting}}', '{some: {type: talks}}'],
    ['not of another condition', '{some: {type: meeting}}', '{not: {some: {type: talks}}}'],
  ])('is a warning beside %s', (_name, above, lowest) => {
    expect(lint(levels(`{label: high, score: 1, when: ${above}}`, `{label: low, score: 0, when: ${lowest}}`)).map((d) => d.code)).toEqual(['NO_DEFAULT_LEVEL']);
  });
});

describe('a gate that never matters', () => {
  const gated = (gate: string, lowest = '{label: low, score: 0}') =>
    levels('{label: high, score: 1, when: {some: {type: meeting}}}', lowest).replace('    levels:', `    gates: [${gate}]\n    levels:`);

  it('is a warning when no verdict is better than the band it is above, at that band', () => {
    const text = gated('{above: good, requires: high}');
    expect(lint(text)).toEqual([
      {
        severity: 'warning',
        code: 'GATE_NO_EFFECT',
        file: 'm.yaml',
        ...at(text, 'gates:', 'good'),
        path: 'criteria[0].gates[0].above',
        message: 'no verdict is better than `good`, the best band, so this gate never applies',
        hint: 'name the band a verdict must be better than to need this level',
      },
    ]);
  });

  it('is a warning when it requires the default level, at the level', () => {
    const text = gated('{above: bad, requires: low}');
    expect(lint(text)).toEqual([
      {
        severity: 'warning',
        code: 'GATE_NO_EFFECT',
        file: 'm.yaml',
        ...at(text, 'gates:', 'low'),
        path: 'criteria[0].gates[0].requires',
        message: 'every record reaches `low` (the default level) or better, so this gate never fails',
        hint: 'require a level above the lowest',
      },
    ]);
  });

  it('is said once when it is both', () => {
    expect(lint(gated('{above: good, requires: low}')).map((d) => d.path)).toEqual(['criteria[0].gates[0].above']);
  });

  it('matters when it requires a lowest level that has a condition, or a level above the lowest below a lower band', () => {
    const lowest = '{label: low, score: 0, when: {none: {type: meeting}}}';
    expect(lint(gated('{above: bad, requires: low}', lowest))).toEqual([]);
    expect(lint(gated('{above: bad, requires: high}'))).toEqual([]);
  });
});

describe('implies, on what is not a condition', () => {
  const c = (text: string): unknown => parse(text);

  it('proves nothing from or about a value that is not a mapping', () => {
    expect(implies(null, null)).toBe(false);
    expect(implies(null, c('{some: {type: a}}'))).toBe(false);
    expect(implies(['x'], ['x'])).toBe(false);
    expect(implies(c('{some: {type: a}}'), 'some')).toBe(false);
    expect(implies('some', c('{some: {type: a}}'))).toBe(false);
  });

  it('reads lists item by item, so that the same items in another order are another condition', () => {
    expect(implies(c('{some: {type: [a, b]}}'), c('{some: {type: [a, b]}}'))).toBe(true);
    expect(implies(c('{some: {type: [a, b]}}'), c('{some: {type: [b, a]}}'))).toBe(false);
    expect(implies(c('{some: {type: [ab]}}'), c('{some: {type: [a, b]}}'))).toBe(false);
  });

  it('takes a mapping of two operators, which the loader refuses, for no `some:`', () => {
    expect(implies(c('{some: {type: a}, none: {type: b}}'), c('{some: {type: a}}'))).toBe(false);
  });

  it('compares what it does not analyse (atLeast) as data: key order within list items aside, item by item', () => {
    expect(implies(c('{atLeast: 1, of: [{some: {field: level, equals: x}}]}'), c('{atLeast: 1, of: [{some: {equals: x, field: level}}]}'))).toBe(true);
    expect(implies(c('{some: {field: rounds, in: [1, 2]}}'), c('{some: {field: rounds, in: [12]}}'))).toBe(false);
  });

  it('does not take an empty all or any for a proof', () => {
    expect(implies(c('{some: {type: a}}'), c('{all: []}'))).toBe(false);
    expect(implies(c('{any: []}'), c('{some: {type: a}}'))).toBe(false);
  });

  it('needs every branch of an any to imply the condition, not one', () => {
    expect(implies(c('{any: [{some: {type: a}}, {some: {type: b}}]}'), c('{some: {type: a}}'))).toBe(false);
  });

  it('compares some with some, none with none and not with not only', () => {
    expect(implies(c('{some: {type: a}}'), c('{none: {type: a}}'))).toBe(false);
    expect(implies(c('{none: {type: a}}'), c('{some: {type: a}}'))).toBe(false);
    expect(implies(c('{not: {some: {type: a}}}'), c('{some: {type: a}}'))).toBe(false);
    expect(implies(c('{some: {type: a}}'), c('{not: {some: {type: a}}}'))).toBe(false);
    expect(implies(c('{some: {all: [{type: a}, {type: b}]}}'), c('{some: {type: a}}'))).toBe(true);
    expect(implies(c('{some: {type: a}}'), c('{some: {all: [{type: a}, {type: b}]}}'))).toBe(false);
    expect(implies(c('{not: {some: {type: a}}}'), c('{not: {some: {all: [{type: a}, {type: b}]}}}'))).toBe(true);
    expect(implies(c('{not: {some: {all: [{type: a}, {type: b}]}}}'), c('{not: {some: {type: a}}}'))).toBe(false);
  });
});
