// expandPaths (src/load/expand-paths.ts) on a folder tree made here: what each kind of argument
// turns into, in which order, which folders are not entered, and the problems of an argument that
// names nothing; backwardRange on bracket expressions worked out by hand, as the shell reads them.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backwardRange, expandPaths } from '../../src/load/expand-paths.js';

let top: string;
const at = (...names: string[]) => join(top, ...names);

beforeAll(() => {
  top = mkdtempSync(join(tmpdir(), 'expand-paths-'));
  for (const name of [
    'tree/b.yaml',
    'tree/a.json',
    'tree/C.YML',
    'tree/notes.txt',
    'tree/sub/d.ndjson',
    'tree/sub/e.jsonl',
    'tree/.hidden/h.yaml',
    'tree/node_modules/m.yaml',
    'tree/node_modulesx/n.yaml',
    'tree/x.hidden.yaml',
    'empty/readme.md',
    'range/a1.yaml',
    'range/b2.yaml',
  ]) {
    mkdirSync(join(top, name, '..'), { recursive: true });
    writeFileSync(join(top, name), 'x: 1\n');
  }
  symlinkSync(at('tree', 'a.json'), at('tree', 'link.yaml'));
});

afterAll(() => rmSync(top, { recursive: true, force: true }));

const files = (args: string[]) => expandPaths(args).files;
const paths = (args: string[]) => files(args).map((file) => file.path);

describe('expandPaths', () => {
  it('gives a folder as the data files below it, in name order (byte order), not entering node_modules or a dot folder', () => {
    expect(files([at('tree')])).toEqual(
      ['C.YML', 'a.json', 'b.yaml', 'node_modulesx/n.yaml', 'sub/d.ndjson', 'sub/e.jsonl', 'x.hidden.yaml'].map((name) => ({
        path: at('tree', name),
        explicit: false,
      })),
    );
  });

  it('keeps a file named on the command line, whatever its extension, and stdin and a bundled name as they are', () => {
    expect(files([at('tree', 'notes.txt'), '-', 'bundled:lewis-2015'])).toEqual([
      { path: at('tree', 'notes.txt'), explicit: true },
      { path: '-', explicit: true },
      { path: 'bundled:lewis-2015', explicit: true },
    ]);
  });

  it('gives each file once, first where it was first found', () => {
    expect(files([at('tree', 'b.yaml'), at('tree', 'sub'), at('tree', 'b.yaml'), at('tree', 'sub', 'e.jsonl')])).toEqual([
      { path: at('tree', 'b.yaml'), explicit: true },
      { path: at('tree', 'sub', 'd.ndjson'), explicit: false },
      { path: at('tree', 'sub', 'e.jsonl'), explicit: false },
    ]);
  });

  it('does not follow a symlink found in a folder', () => {
    expect(paths([at('tree')])).not.toContain(at('tree', 'link.yaml'));
  });

  it('gives a glob as the data files it matches below its fixed folders', () => {
    expect(files([at('tree', '*.{yaml,json}')])).toEqual([
      { path: at('tree', 'a.json'), explicit: false },
      { path: at('tree', 'b.yaml'), explicit: false },
      { path: at('tree', 'x.hidden.yaml'), explicit: false },
    ]);
    // `**` enters node_modules and dot folders no more than a folder argument does.
    expect(paths([at('tree', '**', '?.*')])).toEqual(
      ['C.YML', 'a.json', 'b.yaml', 'node_modulesx/n.yaml', 'sub/d.ndjson', 'sub/e.jsonl', 'x.hidden.yaml'].map((name) => at('tree', name)),
    );
    expect(paths([at('range', '[!a]?.yaml')])).toEqual([at('range', 'b2.yaml')]);
    expect(paths([at('range', '[^b]?.yaml')])).toEqual([at('range', 'a1.yaml')]);
    expect(paths([at('range', '[a-b][12].yaml')])).toEqual([at('range', 'a1.yaml'), at('range', 'b2.yaml')]);
  });

  it('reads a glob in the current folder from the current folder', () => {
    // The tests run in the package root (process.chdir is not allowed in a worker thread).
    expect(paths(['?ackage.json'])).toEqual(['package.json']);
    expect(paths(['*.json'])).toContain('package.json');
  });

  it('names each argument that gives nothing, and still expands the others', () => {
    const { files: found, problems } = expandPaths([at('empty'), at('gone.yaml'), at('tree', '*.toml'), at('nowhere', '*.yaml'), at('range', 'a1.yaml')]);
    expect(found).toEqual([{ path: at('range', 'a1.yaml'), explicit: true }]);
    expect(problems).toEqual([
      { severity: 'error', code: 'FILE_NOT_FOUND', file: at('empty'), line: 1, col: 1, message: 'the folder holds no .yaml, .yml or .json file' },
      { severity: 'error', code: 'FILE_NOT_FOUND', file: at('gone.yaml'), line: 1, col: 1, message: 'no such file or folder' },
      { severity: 'error', code: 'FILE_NOT_FOUND', file: at('tree', '*.toml'), line: 1, col: 1, message: 'the pattern matches no .yaml, .yml or .json file' },
      {
        severity: 'error',
        code: 'FILE_NOT_FOUND',
        file: at('nowhere', '*.yaml'),
        line: 1,
        col: 1,
        message: 'the pattern matches no .yaml, .yml or .json file',
      },
    ]);
  });

  it('gives a pattern that cannot match as BAD_GLOB, with the range written the right way round', () => {
    const { files: found, problems } = expandPaths([at('range', '[b-a]1.yaml'), at('range', 'b2.yaml')]);
    expect(found.map((file) => file.path)).toEqual([at('range', 'b2.yaml')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'BAD_GLOB',
      file: at('range', '[b-a]1.yaml'),
      message: 'the range [b-a] runs backwards, so the pattern can match nothing',
    });
    expect(JSON.stringify(problems[0])).toContain('write it low to high: [a-b]');
  });
});

describe('backwardRange', () => {
  it('finds the first range that runs backwards, as written', () => {
    expect(backwardRange('[z-a]')).toBe('z-a');
    expect(backwardRange('[a-c][9-0]')).toBe('9-0');
    expect(backwardRange('x/[!z-a]')).toBe('z-a');
    expect(backwardRange('[^z-a]')).toBe('z-a');
    expect(backwardRange('[abz-a]')).toBe('z-a');
  });

  it('reads no range in brackets that are plain characters, or where a member is not a character', () => {
    expect(backwardRange('[a-z]')).toBeUndefined();
    expect(backwardRange('[a-a]')).toBeUndefined();
    expect(backwardRange('\\[z-a]')).toBeUndefined();
    expect(backwardRange('[z-a')).toBeUndefined();
    expect(backwardRange('[z\\-a]')).toBeUndefined();
    expect(backwardRange('[[:alpha:]-a]')).toBeUndefined();
    expect(backwardRange('[z-[:digit:]]')).toBeUndefined();
    expect(backwardRange('[-z-a]')).toBe('z-a');
  });

  it('reads a ] first in the brackets as a member, and an escaped character as itself', () => {
    expect(backwardRange('[]-a]')).toBeUndefined();
    expect(backwardRange('[]z-a]')).toBe('z-a');
    expect(backwardRange('[\\z-a]')).toBe('z-a');
    expect(backwardRange('[!]z-a]')).toBe('z-a');
  });

  it('reads a [: with no :] as plain characters', () => {
    expect(backwardRange('[[:z-a]')).toBe('z-a');
  });

  it('goes on after a closed bracket expression, and a trailing backslash ends nothing', () => {
    expect(backwardRange('[ab]x[d-c]')).toBe('d-c');
    expect(backwardRange('[a\\')).toBeUndefined();
    expect(backwardRange('[ab]\\')).toBeUndefined();
  });
});
