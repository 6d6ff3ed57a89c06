// crossCheck (src/load/cross-check.ts): what a matrix tests that no record has, one warning per
// name at its first use in the matrix, with the nearest name the records do have (and its place)
// as the likely typo. Every place is found in the texts below (line and column from 1).
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';
import { crossCheck, type CheckedRecord } from '../../src/load/cross-check.js';
import { loadRecord } from '../../src/load/load-record.js';
import { parseYamlDocument, type ParsedDocument } from '../../src/load/yaml-document.js';
import { loadMatrixText, matrixText } from '../helpers/matrix-text.js';

/** Line and column of `fragment` on the first line holding `line`. */
function place(text: string, line: string, fragment = line): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(line));
  expect(index).toBeGreaterThanOrEqual(0);
  return { line: index + 1, col: lines[index]!.indexOf(fragment) + 1 };
}

const R1 = `id: r1
title: R1
date: 2015-09-25
parties: [US, CN]
events:
  - id: a
    date: 2015-09-25
    type: mechanism
    fields: {level: leaders}
    sources: [{title: T}]
`;

const R2 = `id: r2
title: R2
date: 2015-09-25
parties: [US, CN]
events:
  - id: b
    date: 2015-09-26
    type: meeting
    fields:
      level: ministerial
      topics: [trade]
    sources: [{title: T}]
  - id: c
    date: 2015-09-27
    type: mechanism
    sources: [{title: T}]
`;

function checked(file: string, text: string): CheckedRecord {
  const { record } = loadRecord({ file, text, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES });
  return { record, doc: parseYamlDocument(file, text) as ParsedDocument };
}

const MATRIX = matrixText({
  fields: '  declared:\n    type: string',
  levels: `      - label: high
        score: 2
        when:
          some:
            all:
              - type: mechanizm
              - field: levle
                equals: leaders
              - field: declared
                equals: x
              - field: level
                equals: leaders
      - label: mid
        score: 1
        when:
          any:
            - some:
                field: type
                in: [meeting, zzzzqqq, 5]
            - some: {field: agenda.trade, exists: true}
            - some: {field: date, equals: "2015-09-25"}
            - some: {field: type, exists: true}
            - some: {deadline: met}
            - none: {field: levle, equals: x}
            - some: {type: declared}
            - count: {field: topics, contains: trade}
              gte: 1
      - label: low
        score: 0`,
});

describe('crossCheck', () => {
  it('warns of each name no record has, once, in matrix order, with the likely typo', () => {
    const { matrix } = loadMatrixText(MATRIX);
    const m = (line: string, fragment = line) => ({ file: 'm.yaml', ...place(MATRIX, line, fragment) });
    const records = [checked('r1.yaml', R1), checked('r2.yaml', R2)];
    const type = place(R1, 'type: mechanism', 'mechanism');
    const level = place(R1, '{level: leaders}', 'level');
    const atEvents = [
      { file: 'r1.yaml', line: 5, col: 1, message: 'record r1' },
      { file: 'r2.yaml', line: 5, col: 1, message: 'record r2' },
    ];
    expect(crossCheck(matrix, records)).toEqual([
      {
        severity: 'warning',
        code: 'NOT_IN_RECORDS',
        ...m('- type: mechanizm', 'type'),
        message: 'the matrix tests event type `mechanizm`, which no event in the 2 records has',
        hint: `did you mean \`mechanism\`? (r1.yaml:${type.line}:${type.col})`,
        related: [{ file: 'r1.yaml', ...type, message: 'event type `mechanism`' }],
      },
      {
        severity: 'warning',
        code: 'NOT_IN_RECORDS',
        ...m('- field: levle', 'field'),
        message: 'the matrix tests field `levle`, which no event in the 2 records has',
        hint: `did you mean \`level\`? (r1.yaml:${level.line}:${level.col})`,
        related: [{ file: 'r1.yaml', ...level, message: 'field `level`' }],
      },
      {
        severity: 'warning',
        code: 'NOT_IN_RECORDS',
        ...m('field: type', 'field'),
        message: 'the matrix tests event type `zzzzqqq`, which no event in the 2 records has',
        related: atEvents,
      },
      {
        severity: 'warning',
        code: 'NOT_IN_RECORDS',
        ...m('agenda.trade', '{'),
        message: 'the matrix tests field `agenda`, which no event in the 2 records has',
        related: atEvents,
      },
      {
        severity: 'warning',
        code: 'NOT_IN_RECORDS',
        ...m('deadline: met', '{'),
        message: 'the matrix tests field `deadline`, which no event in the 2 records has',
        related: atEvents,
      },
      {
        severity: 'warning',
        code: 'NOT_IN_RECORDS',
        ...m('type: declared', '{'),
        message: 'the matrix tests event type `declared`, which no event in the 2 records has',
        related: atEvents,
      },
    ]);
  });

  it('names the one record checked, and warns of nothing without records', () => {
    const { matrix } = loadMatrixText(MATRIX);
    const found = crossCheck(matrix, [checked('r2.yaml', R2)]);
    expect(found[0]?.message).toBe('the matrix tests event type `mechanizm`, which no event in r2.yaml has');
    // In r2 alone the first event type is r2's own mechanism, at event c; `level` is at event b.
    const type = place(R2, 'type: mechanism', 'mechanism');
    expect(found[0]?.hint).toBe(`did you mean \`mechanism\`? (r2.yaml:${type.line}:${type.col})`);
    expect(found[1]?.related).toEqual([{ file: 'r2.yaml', ...place(R2, 'level: ministerial', 'level'), message: 'field `level`' }]);
    expect(found.map((d) => d.message.split('`')[1])).toEqual(['mechanizm', 'levle', 'zzzzqqq', 'agenda', 'deadline', 'declared']);
    expect(crossCheck(matrix, [])).toEqual([]);
  });

  it('takes the first place a name has in the records', () => {
    const { matrix } = loadMatrixText(MATRIX);
    const two = R1.replace(
      'sources: [{title: T}]\n',
      'sources: [{title: T}]\n  - id: a2\n    date: 2015-09-25\n    type: mechanism\n    fields: {level: x}\n    sources: [{title: T}]\n',
    );
    const found = crossCheck(matrix, [checked('r1.yaml', two)]);
    const type = place(two, 'type: mechanism', 'mechanism');
    expect(found[0]?.related).toEqual([{ file: 'r1.yaml', ...type, message: 'event type `mechanism`' }]);
    expect(found[1]?.related).toEqual([{ file: 'r1.yaml', ...place(two, '{level: leaders}', 'level'), message: 'field `level`' }]);
  });

  it('warns of a condition without a place, leaving the place out', () => {
    const { matrix } = loadMatrixText(MATRIX);
    const bare = {
      ...matrix,
      criteria: [
        {
          ...matrix.criteria[0]!,
          levels: [{ label: 'x', score: 1, when: { op: 'some', where: { op: 'field', field: 'nope', check: { test: 'exists', value: true } } } }],
        },
      ],
    } as unknown as typeof matrix;
    const [only, ...rest] = crossCheck(bare, [checked('r1.yaml', R1)]);
    expect(rest).toEqual([]);
    expect(only).toEqual({
      severity: 'warning',
      code: 'NOT_IN_RECORDS',
      message: 'the matrix tests field `nope`, which no event in r1.yaml has',
      related: [{ file: 'r1.yaml', line: 5, col: 1, message: 'record r1' }],
    });
  });
});
