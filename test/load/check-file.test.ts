// checkFile (src/load/check-file.ts), what `validate` runs on each file, on files written here:
// each kind is told and checked as its loader checks it, a loaded matrix or record is given only
// when it has no error, problems come in the order of their places, and nothing is thrown for a
// problem with the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/load/check-file.js';
import { PACKAGE_FILES, type InputReader } from '../../src/load/read-input.js';

let folder: string;
const at = (name: string) => join(folder, name);

const MATRIX = [
  'id: m',
  'title: M',
  'version: "1"',
  'source: {author: T}',
  'criteria:',
  '  - id: c',
  '    title: C',
  '    weight: 1',
  '    levels:',
  '      - {label: yes, score: 1, when: {some: {type: meeting}}}',
  '      - {label: no, score: 0}',
  'verdicts:',
  '  - {label: good, min: 50}',
  '  - {label: bad, min: 0}',
  '',
].join('\n');
const RECORD =
  'id: r\ntitle: R\ndate: 2015-09-25\nparties: [US, CN]\nevents:\n  - {id: e1, date: 2015-09-25, type: meeting, sources: [{url: "https://example.org/a"}]}\n';

function write(name: string, text: string): string {
  writeFileSync(at(name), text);
  return at(name);
}

const check = (path: string, explicit = true, reader: InputReader = PACKAGE_FILES) => checkFile({ path, explicit }, reader);
const codes = (path: string, explicit = true) => check(path, explicit).diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`);

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'check-file-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('checkFile', () => {
  it('gives a file it cannot read as its read problem, with no kind', () => {
    const result = check(at('gone.yaml'));
    expect(result).toEqual({
      file: at('gone.yaml'),
      skipped: false,
      diagnostics: [expect.objectContaining({ code: 'FILE_NOT_FOUND', message: 'no such file' })],
    });
    expect(Object.hasOwn(result, 'kind')).toBe(false);
  });

  it('reads - as stdin, named <stdin>', () => {
    const reader: InputReader = { maxBytes: 1 << 20, readStdin: () => Buffer.from(RECORD) };
    expect(checkFile({ path: '-', explicit: true }, reader)).toMatchObject({ file: '<stdin>', kind: 'record', skipped: false, diagnostics: [] });
  });

  it('gives a YAML error as it is, with no kind', () => {
    const result = check(write('broken.yaml', 'a: [1,\n'));
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.skipped).toBe(false);
    expect(Object.hasOwn(result, 'kind')).toBe(false);
  });

  it('names a file of no kind it was asked for, and skips one found in a folder', () => {
    const path = write('other.yaml', 'name: x\n');
    expect(check(path, true)).toEqual({
      file: path,
      skipped: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'UNKNOWN_KIND',
          file: path,
          line: 1,
          col: 1,
          message: 'cannot tell what this file is: a matrix has `criteria`, a record `events`, a tests file `tests`',
          hint: 'add the key, or a first line `# yaml-language-server: $schema=<path>/matrix.schema.json` (or record, tests)',
        },
      ],
    });
    expect(check(path, false)).toEqual({ file: path, skipped: true, diagnostics: [] });
  });

  it('gives a clean matrix with its loaded matrix and document', () => {
    const result = check(write('m.yaml', MATRIX));
    expect(result).toMatchObject({ kind: 'matrix', skipped: false, diagnostics: [] });
    expect(result.matrix?.id).toBe('m');
    expect(result.doc?.data).toMatchObject({ id: 'm' });
  });

  it('gives a matrix with an error without a loaded matrix, its problems in the order of their places', () => {
    // The loader finds the bands' problem (line 14) before the levels' (line 11), and a gate's two on one line in the order written.
    const text = MATRIX.replace('      - {label: no, score: 0}', '      - {label: no, score: 5}\n    gates:\n      - {above: god, requires: maybe}').replace(
      '{label: bad, min: 0}',
      '{label: bad, min: 10}',
    );
    const path = write('bad.yaml', text);
    const result = check(path);
    expect(result.kind).toBe('matrix');
    expect(Object.hasOwn(result, 'matrix')).toBe(false);
    expect(codes(path)).toEqual(['11:28 LEVEL_ORDER', '13:17 UNKNOWN_BAND', '13:32 UNKNOWN_LEVEL', '16:23 BAND_ORDER']);
  });

  it('gives a matrix that breaks the schema as its schema problems only', () => {
    const path = write('schema.yaml', MATRIX.replace('weight: 1', 'weight: heavy'));
    const result = check(path);
    expect(result.kind).toBe('matrix');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['WRONG_TYPE']);
    expect(result.diagnostics[0]).toMatchObject({ line: 8, path: 'criteria[0].weight' });
    expect(Object.hasOwn(result, 'matrix')).toBe(false);
  });

  it('gives a clean record with its loaded record, and one with an error without', () => {
    const clean = check(write('r.yaml', RECORD));
    expect(clean).toMatchObject({ kind: 'record', skipped: false, diagnostics: [] });
    expect(clean.record?.events.map((e) => e.id)).toEqual(['e1']);
    const path = write('r-bad.yaml', RECORD.replace('date: 2015-09-25, type', 'date: 2015-02-30, type'));
    const bad = check(path);
    expect(bad.kind).toBe('record');
    expect(bad.diagnostics.map((d) => d.code)).toContain('BAD_DATE');
    expect(Object.hasOwn(bad, 'record')).toBe(false);
  });

  it('gives a record that breaks the schema as its schema problems, with its document', () => {
    const result = check(write('r-schema.yaml', RECORD.replace('parties: [US, CN]', 'parties: US')));
    expect(result).toMatchObject({ kind: 'record', skipped: false });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['WRONG_TYPE']);
    expect(result.doc).toBeDefined();
    expect(Object.hasOwn(result, 'record')).toBe(false);
  });

  it('checks a tests file against the matrix beside it, and names the matrices it looked for when there is none', () => {
    write('m.yaml', MATRIX);
    const beside = check(write('m.tests.yaml', 'tests:\n  - name: one\n    record: r.yaml\n    expect: {levels: {c: maybe}}\n'));
    expect(beside.kind).toBe('tests');
    expect(beside.diagnostics.map((d) => d.code)).toEqual(['UNKNOWN_LEVEL']);
    const alone = at('alone.tests.yaml');
    write('alone.tests.yaml', 'tests:\n  - name: one\n    record: r.yaml\n    expect: {levels: {c: maybe}}\n');
    expect(check(alone).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'FILE_NOT_FOUND',
        file: alone,
        line: 1,
        col: 1,
        message: `no matrix beside this tests file (looked for ${at('alone.yaml')}, ${at('alone.yml')}, ${at('alone.json')})`,
        hint: 'name it after its matrix: <matrix>.tests.yaml',
      },
    ]);
  });

  it('checks a tests file as far as it can when the matrix beside it does not load', () => {
    write('broken-m.yaml', 'id: [\n');
    const result = check(write('broken-m.tests.yaml', 'tests:\n  - name: one\n    record: r.yaml\n    expect: {levels: {c: maybe}}\n'));
    expect(result).toMatchObject({ kind: 'tests', diagnostics: [] });
  });

  it('checks a bibliography as one', () => {
    const path = write(
      'refs.yaml',
      'sources:\n  - {key: a, type: webpage, title: A, url: "https://example.org/a", supports: x}\n  - {key: a, type: webpage, title: B, url: "https://example.org/b", supports: y}\n',
    );
    const result = check(path);
    expect(result.kind).toBe('bibliography');
    expect(result.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['3 DUPLICATE_ID']);
  });

  it('checks an NDJSON file line by line, each problem at its line', () => {
    const line = JSON.stringify({ id: 'r', title: 'R', date: '2015-09-25', parties: ['US', 'CN'], events: [] });
    const path = write('many.ndjson', `${line}\n{"id": \n${line}\n`);
    const result = check(path);
    expect(result).toMatchObject({ kind: 'record', skipped: false });
    expect(result.diagnostics.map((d) => d.line)).toEqual([2]);
    expect(result.diagnostics[0]!.file).toBe(path);
  });
});
