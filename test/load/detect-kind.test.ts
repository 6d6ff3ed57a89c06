// detectKind and the tests-file names beside a matrix (src/load/detect-kind.ts): each kind told
// by its modeline, by its keys in the order the rule gives, and the cases where nothing tells.
import { describe, expect, it } from 'vitest';
import { detectKind, isTestsFile, matrixFilesFor, testsFilesFor } from '../../src/load/detect-kind.js';

const line = (schema: string) => `# yaml-language-server: $schema=${schema}`;

describe('detectKind', () => {
  it('takes the kind its modeline names, before any key', () => {
    expect(detectKind('a.yaml', `${line('../schema/record.schema.json')}\ncriteria: []\n`, { criteria: [] })).toBe('record');
    expect(detectKind('a.yaml', `${line('matrix.schema.json')}\n`, { events: [] })).toBe('matrix');
    expect(detectKind('a.yaml', `${line('https://x.org/tests.schema.json')}\n`, {})).toBe('tests');
    expect(detectKind('a.yaml', `${line('bibliography.schema.json')}\n`, null)).toBe('bibliography');
    // On any line (the pattern is multiline), with blank space after it and none around `:`.
    expect(detectKind('a.yaml', `id: x\n#yaml-language-server:$schema=record.schema.json  \n`, {})).toBe('record');
  });

  it('reads no modeline that is not one', () => {
    // Words after the schema, a name that only ends in `matrix`, a line not starting with `#`,
    // another schema, and one past the first 2,000 characters.
    expect(detectKind('a.yaml', `${line('matrix.schema.json')} extra\n`, {})).toBeUndefined();
    expect(detectKind('a.yaml', `${line('xmatrix.schema.json')}\n`, {})).toBeUndefined();
    expect(detectKind('a.yaml', `x ${line('matrix.schema.json')}\n`, {})).toBeUndefined();
    expect(detectKind('a.yaml', `${line('other.schema.json')}\n`, {})).toBeUndefined();
    expect(detectKind('a.yaml', `${'#'.repeat(2000)}\n${line('matrix.schema.json')}\n`, {})).toBeUndefined();
    // One that ends at character 2,000 exactly is read.
    const pad = '#'.repeat(2000 - 1 - line('matrix.schema.json').length);
    expect(detectKind('a.yaml', `${pad}\n${line('matrix.schema.json')}`, {})).toBe('matrix');
  });

  it('tells a matrix by criteria and a record by events, criteria first', () => {
    expect(detectKind('a.yaml', '', { criteria: [] })).toBe('matrix');
    expect(detectKind('a.yaml', '', { events: [] })).toBe('record');
    expect(detectKind('a.yaml', '', { events: [], criteria: [] })).toBe('matrix');
    expect(detectKind('a.tests.yaml', '', { tests: [], events: [] })).toBe('record');
  });

  it('tells a tests file by its name, or by `tests` alone', () => {
    expect(detectKind('dir/lewis.tests.yaml', '', {})).toBe('tests');
    expect(detectKind('LEWIS.TESTS.YML', '', {})).toBe('tests');
    expect(detectKind('a.tests.json', '', null)).toBe('tests');
    expect(detectKind('a.yaml', '', { tests: [] })).toBe('tests');
    expect(detectKind('a.yaml', '', { tests: [], note: 'x' })).toBeUndefined();
    expect(detectKind('a.tests.yaml.bak', '', {})).toBeUndefined();
    expect(detectKind('atests.yaml', '', {})).toBeUndefined();
    expect(detectKind('a.tests.txt', '', {})).toBeUndefined();
    // A tests file's name wins over the keys only a matrix or a record has.
    expect(detectKind('a.tests.yaml', '', { extends: 'b.yaml' })).toBe('tests');
    expect(detectKind('a.tests.yaml', '', { parties: [] })).toBe('tests');
  });

  it('tells a matrix by extends, verdicts or aggregation, and a record by parties', () => {
    expect(detectKind('a.yaml', '', { extends: 'b.yaml' })).toBe('matrix');
    expect(detectKind('a.yaml', '', { verdicts: [] })).toBe('matrix');
    expect(detectKind('a.yaml', '', { aggregation: 'weighted' })).toBe('matrix');
    expect(detectKind('a.yaml', '', { parties: ['US'] })).toBe('record');
    expect(detectKind('a.yaml', '', { parties: ['US'], verdicts: [] })).toBe('matrix');
  });

  it('tells a bibliography by sources alone whose every entry has supports', () => {
    const entry = { key: 'a', supports: ['x'] };
    expect(detectKind('a.yaml', '', { sources: [entry] })).toBe('bibliography');
    expect(detectKind('a.yaml', '', { sources: [entry, { key: 'b', supports: [] }] })).toBe('bibliography');
    expect(detectKind('a.yaml', '', { sources: [] })).toBeUndefined();
    expect(detectKind('a.yaml', '', { sources: [entry, { key: 'b' }] })).toBeUndefined();
    expect(detectKind('a.yaml', '', { sources: [entry, null] })).toBeUndefined();
    expect(detectKind('a.yaml', '', { sources: ['supports'] })).toBeUndefined();
    expect(detectKind('a.yaml', '', { sources: { supports: [] } })).toBeUndefined();
    expect(detectKind('a.yaml', '', { sources: [entry], title: 'x' })).toBeUndefined();
    expect(detectKind('a.yaml', '', { title: 'x', sources: [entry] })).toBeUndefined();
  });

  it('tells nothing of data that is no mapping', () => {
    expect(detectKind('a.yaml', '', null)).toBeUndefined();
    expect(detectKind('a.yaml', '', 'criteria')).toBeUndefined();
    expect(detectKind('a.yaml', '', {})).toBeUndefined();
    // A list is no mapping, whatever properties it carries.
    expect(detectKind('a.yaml', '', Object.assign(['x'], { criteria: [] }))).toBeUndefined();
  });
});

describe('the files beside a matrix', () => {
  it('names the matrix of a tests file, in the order of the candidates', () => {
    expect(matrixFilesFor('dir/lewis.tests.yaml')).toEqual(['dir/lewis.yaml', 'dir/lewis.yml', 'dir/lewis.json']);
    expect(matrixFilesFor('a.TESTS.Json')).toEqual(['a.yaml', 'a.yml', 'a.json']);
  });

  it('names the tests files of a matrix', () => {
    expect(testsFilesFor('dir/lewis.yaml')).toEqual(['dir/lewis.tests.yaml', 'dir/lewis.tests.yml', 'dir/lewis.tests.json']);
    expect(testsFilesFor('m.YML')).toEqual(['m.tests.yaml', 'm.tests.yml', 'm.tests.json']);
    expect(testsFilesFor('m.json')).toEqual(['m.tests.yaml', 'm.tests.yml', 'm.tests.json']);
    expect(testsFilesFor('m.yaml.txt')).toEqual(['m.yaml.txt.tests.yaml', 'm.yaml.txt.tests.yml', 'm.yaml.txt.tests.json']);
  });

  it('knows a tests file by its name', () => {
    expect(isTestsFile('x/a.tests.yml')).toBe(true);
    expect(isTestsFile('a.tests.yaml~')).toBe(false);
    expect(isTestsFile('a.yaml')).toBe(false);
  });
});
