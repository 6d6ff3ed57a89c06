// What the research commands share (src/format/research.ts): the matrix and record as their JSON
// names them, the line naming what a matrix extends and changes, the matrix's header line and
// Markdown sentence, and JSON / NDJSON text. Expected texts are written out from each rule.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { CaseRecord, Matrix } from '../../src/engine/index.js';
import { extendsLine, jsonText, matrixLine, matrixMarkdown, ndjsonText, projectMatrix, projectRecord, type MatrixInput } from '../../src/format/research.js';
import type { ExtendsInfo } from '../../src/provenance.js';

const definition = (fields: Partial<Matrix> = {}) =>
  ({
    id: 'm',
    title: 'M',
    version: '1.0',
    aggregation: 'cell-mean',
    verdicts: [
      { label: 'good', min: 60, note: 'dropped' },
      { label: 'poor', min: 0 },
    ],
    ...fields,
  }) as unknown as Matrix;

const EXTENDS: ExtendsInfo = {
  bases: [
    { id: 'lewis-2015', version: '1.0', file: 'matrices/lewis_2015.yaml', sha256: 'a'.repeat(64) },
    { id: 'root', version: '2', file: 'root.yaml', sha256: 'b'.repeat(64) },
  ],
  overrides: [
    { path: 'criteria.negotiation.weight', change: 'changed', from: 4, to: 1 },
    { path: 'criteria.flag.optional', change: 'changed', from: null, to: true },
    { path: 'verdicts', change: 'replaced' },
    { path: 'criteria.new-one', change: 'added' },
  ],
};

const input = (extra: Partial<MatrixInput> = {}): MatrixInput => ({
  definition: definition(),
  file: 'matrices/m.yaml',
  sha256: '0123456789abcdef'.repeat(4),
  ...extra,
});

const LINE =
  'extends lewis-2015 1.0 (matrices/lewis_2015.yaml), which extends root 2 (root.yaml); changes: criteria.negotiation.weight 4 -> 1, ' +
  'criteria.flag.optional null -> true, verdicts (replaced), criteria.new-one (added)';

describe('extendsLine', () => {
  it('names the chain of bases, nearest first, then each change', () => {
    expect(extendsLine(input({ extends: EXTENDS }))).toBe(LINE);
  });

  it('says "none" for a matrix that extends another and changes nothing, and nothing for one that extends none', () => {
    expect(extendsLine(input({ extends: { bases: [EXTENDS.bases[1]!], overrides: [] } }))).toBe('extends root 2 (root.yaml); changes: none');
    expect(extendsLine(input())).toBeUndefined();
  });
});

describe('projectMatrix and projectRecord', () => {
  it('names the matrix, its file, what it extends, its aggregation and its bands (label and min only)', () => {
    const projected = projectMatrix(input({ extends: EXTENDS }));
    expect(projected).toEqual({
      id: 'm',
      title: 'M',
      version: '1.0',
      file: 'matrices/m.yaml',
      sha256: '0123456789abcdef'.repeat(4),
      extends: { bases: EXTENDS.bases, overrides: EXTENDS.overrides },
      aggregation: { method: 'cell-mean', description: expect.stringMatching(/^the weighted mean over every applicable cell/) as unknown },
      verdicts: [
        { label: 'good', min: 60 },
        { label: 'poor', min: 0 },
      ],
    });
    // Copies, not the loader's own objects.
    expect(projected.extends!.bases[0]).not.toBe(EXTENDS.bases[0]);
    expect(projected.extends!.overrides[0]).not.toBe(EXTENDS.overrides[0]);
    const plain = projectMatrix(input({ definition: definition({ aggregation: 'weighted-mean' }) }));
    expect(plain.extends).toBeNull();
    expect(plain.aggregation.method).toBe('weighted-mean');
    expect(plain.aggregation.description).toMatch(/^the weighted mean of each applicable criterion's score/);
  });

  it('names a record by id, title, date, file and digest', () => {
    const record = { id: 'r', title: 'R', date: '2015-09-25', day: 1, parties: [], events: [] } as unknown as CaseRecord;
    expect(projectRecord({ record, file: 'r.yaml', sha256: 'c'.repeat(64) })).toEqual({
      id: 'r',
      title: 'R',
      date: '2015-09-25',
      file: 'r.yaml',
      sha256: 'c'.repeat(64),
    });
  });
});

describe('matrixLine', () => {
  it('names the matrix, its file and aggregation, then what it extends, each line dim in colour', () => {
    const plain = new Chalk({ level: 0 });
    expect(matrixLine(input(), plain)).toBe('matrix m 1.0 (matrices/m.yaml), aggregation cell-mean');
    expect(matrixLine(input({ extends: EXTENDS }), plain)).toBe(`matrix m 1.0 (matrices/m.yaml), aggregation cell-mean\n${LINE}`);
    const dim = (text: string) => `\u001b[2m${text}\u001b[22m`;
    expect(matrixLine(input({ extends: EXTENDS }), new Chalk({ level: 1 }))).toBe(
      `${dim('matrix m 1.0 (matrices/m.yaml), aggregation cell-mean')}\n${dim(LINE)}`,
    );
  });

  it('shows a control character in the version, the file or what it extends as an escape', () => {
    const hostile = input({
      definition: definition({ version: '1\u202e0' }),
      file: 'a\nb.yaml',
      extends: { bases: [{ id: 'root', version: '2', file: 'r\u001b.yaml', sha256: '' }], overrides: [] },
    });
    expect(matrixLine(hostile, new Chalk({ level: 0 }))).toBe(
      'matrix m 1\\u202e0 (a\\u000ab.yaml), aggregation cell-mean\nextends root 2 (r\\u001b.yaml); changes: none',
    );
  });
});

describe('matrixMarkdown', () => {
  it('is one sentence: the id as code, version, file and the digest cut to 12, the aggregation', () => {
    expect(matrixMarkdown(input())).toBe('Matrix `m` 1.0 (matrices/m.yaml, sha256 `0123456789ab`), aggregation cell-mean.');
  });

  it('adds what the matrix extends, its Markdown characters escaped', () => {
    const escaped = LINE.replace('lewis_2015', 'lewis\\_2015');
    expect(matrixMarkdown(input({ definition: definition({ version: '1*0' }), file: 'a|b.yaml', extends: EXTENDS }))).toBe(
      `Matrix \`m\` 1\\*0 (a\\|b.yaml, sha256 \`0123456789ab\`), aggregation cell-mean. It ${escaped}.`,
    );
  });
});

describe('jsonText and ndjsonText', () => {
  it('writes JSON indented by two with a final newline, and NDJSON one compact line per value', () => {
    expect(jsonText({ a: [1, 'x'], b: {} })).toBe('{\n  "a": [\n    1,\n    "x"\n  ],\n  "b": {}\n}\n');
    expect(ndjsonText([{ a: 1, b: [true, null] }, 'x', 2])).toBe('{"a":1,"b":[true,null]}\n"x"\n2\n');
    expect(ndjsonText([])).toBe('');
  });
});
