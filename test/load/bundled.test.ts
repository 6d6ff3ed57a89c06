// The bundled matrices and records by name (src/load/bundled.ts): which files of matrices/ and
// fixtures/ are bundled, what an argument resolves to (a bundled id always means the bundled file;
// `bundled:ID` is the name output uses), and the error for an argument that names nothing. The
// expected lists are read from the two folders here, independently of the code.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { FIXTURES_DIR, MATRICES_DIR } from '../../src/package-info.js';
import { bundledFile, bundledIds, bundledPath, isBundledFile, resolveInput } from '../../src/load/bundled.js';

const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.replace(/\.yaml$/, ''));

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'bundled-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function failure(kind: 'matrix' | 'record', argument: string) {
  try {
    resolveInput(kind, argument);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).diagnostics;
  }
  throw new Error(`${argument} resolved`);
}

describe('the bundled files', () => {
  it('are the YAML files of matrices/ less the tests files, and of fixtures/ less the bibliography, sorted', () => {
    const matrices = yamlIn(MATRICES_DIR).filter((id) => !id.endsWith('.tests'));
    const records = yamlIn(FIXTURES_DIR).filter((id) => id !== 'sources');
    expect(bundledIds('matrix')).toEqual([...matrices].sort());
    expect(bundledIds('record')).toEqual([...records].sort());
    expect(bundledIds('matrix')).toContain('lewis-2015');
    expect(bundledIds('matrix')).not.toContain('lewis-2015.tests');
    expect(bundledIds('record')).not.toContain('sources');
  });

  it('are told by name', () => {
    expect(isBundledFile('matrix', 'lewis-2015.yaml')).toBe(true);
    expect(isBundledFile('matrix', 'lewis-2015.tests.yaml')).toBe(false);
    expect(isBundledFile('matrix', 'lewis-2015.yml')).toBe(false);
    expect(isBundledFile('record', 'sources.yaml')).toBe(false);
    expect(isBundledFile('record', 'us-china-2015-09.yaml')).toBe(true);
    expect(isBundledFile('record', 'x.tests.yaml')).toBe(true);
  });
});

describe('bundledFile and bundledPath', () => {
  it('name a bundled id as bundled:ID, of its own kind only', () => {
    expect(bundledFile('matrix', 'lewis-2015')).toBe('bundled:lewis-2015');
    expect(bundledFile('record', 'lewis-2015')).toBeUndefined();
    expect(bundledFile('record', 'us-china-2015-09')).toBe('bundled:us-china-2015-09');
  });

  it('take no path, extension, capital or leading dash as an id', () => {
    for (const argument of ['./lewis-2015', 'lewis-2015.yaml', 'Lewis-2015', '-lewis', 'matrices/lewis-2015', ''])
      expect(bundledFile('matrix', argument), argument).toBeUndefined();
  });

  it('find the file a bundled:ID name stands for, of either kind, and nothing for any other name', () => {
    expect(bundledPath('bundled:lewis-2015')).toBe(join(MATRICES_DIR, 'lewis-2015.yaml'));
    expect(bundledPath('bundled:us-china-2015-09')).toBe(join(FIXTURES_DIR, 'us-china-2015-09.yaml'));
    for (const name of ['lewis-2015', 'bundled:no-such', 'bundled:../lewis-2015', 'bundled:Lewis-2015', 'xbundled:lewis-2015', 'bundled:lewis-2015 '])
      expect(bundledPath(name), name).toBeUndefined();
  });
});

describe('resolveInput', () => {
  it('keeps stdin and a bundled: name, and turns a bundled id into its name', () => {
    expect(resolveInput('matrix', '-')).toBe('-');
    expect(resolveInput('record', 'bundled:lewis-2015')).toBe('bundled:lewis-2015');
    expect(resolveInput('matrix', 'lewis-2015')).toBe('bundled:lewis-2015');
  });

  it('keeps a path that names something, even one named like an id when it is not bundled', () => {
    const path = join(folder, 'mine.yaml');
    writeFileSync(path, 'x: 1\n');
    expect(resolveInput('matrix', path)).toBe(path);
    // `src`, of the working folder (the package root the tests run in), is no bundled id.
    expect(resolveInput('matrix', 'src')).toBe('src');
  });

  it('names what is bundled for an id that is not, with the nearest id when there is one', () => {
    expect(failure('matrix', 'lewis-2016')).toEqual([
      {
        severity: 'error',
        code: 'FILE_NOT_FOUND',
        file: 'lewis-2016',
        line: 1,
        col: 1,
        message: 'no such file, and no bundled matrix with that id',
        hint: 'did you mean `lewis-2015`?',
      },
    ]);
    expect(failure('record', 'zzzzzzzzzz')).toEqual([
      {
        severity: 'error',
        code: 'FILE_NOT_FOUND',
        file: 'zzzzzzzzzz',
        line: 1,
        col: 1,
        message: 'no such file, and no bundled record with that id',
        hint: `bundled: ${bundledIds('record').join(', ')}`,
      },
    ]);
  });

  it('says only that a path is not there', () => {
    const path = join(folder, 'gone.yaml');
    expect(failure('matrix', path)).toEqual([{ severity: 'error', code: 'FILE_NOT_FOUND', file: path, line: 1, col: 1, message: 'no such file' }]);
  });
});
