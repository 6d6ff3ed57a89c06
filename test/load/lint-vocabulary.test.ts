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
