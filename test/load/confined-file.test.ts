// confinedFile (src/load/confined-file.ts) on a real folder tree in a temporary folder: a file
// named relative to the naming file's folder is read only when it, symlinks resolved, lies
// inside that folder and is a regular file; each other case gives its own kind.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confinedFile } from '../../src/load/confined-file.js';

let top: string;
let inner: string;
let from: string;

beforeAll(() => {
  top = mkdtempSync(join(tmpdir(), 'confined-'));
  inner = join(top, 'inner');
  mkdirSync(join(inner, 'sub'), { recursive: true });
  from = join(inner, 'matrix.yaml');
  writeFileSync(from, 'x: 1\n');
  writeFileSync(join(inner, 'base.yaml'), 'y: 2\n');
  writeFileSync(join(inner, 'sub', 'deep.yaml'), 'z: 3\n');
  writeFileSync(join(top, 'secret.yaml'), 's: 4\n');
  symlinkSync(join(top, 'secret.yaml'), join(inner, 'to-secret.yaml'));
  symlinkSync(join(inner, 'base.yaml'), join(inner, 'to-base.yaml'));
  symlinkSync('.', join(inner, 'here'));
});
afterAll(() => rmSync(top, { recursive: true, force: true }));

describe('confinedFile', () => {
  it('finds a file beside the naming file, or below it, by its path joined to that folder', () => {
    expect(confinedFile('base.yaml', from)).toEqual({ kind: 'file', path: join(inner, 'base.yaml') });
    expect(confinedFile('sub/deep.yaml', from)).toEqual({ kind: 'file', path: join(inner, 'sub', 'deep.yaml') });
  });

  it('follows a symlink that stays inside, keeping the name it was given', () => {
    expect(confinedFile('to-base.yaml', from)).toEqual({ kind: 'file', path: join(inner, 'to-base.yaml') });
  });

  it('refuses an absolute path, even to a file inside the folder', () => {
    expect(confinedFile(join(inner, 'base.yaml'), from)).toEqual({ kind: 'outside' });
  });

  it('calls the folder itself not a file, however it is named', () => {
    expect(confinedFile('.', from)).toEqual({ kind: 'not-a-file' });
    expect(confinedFile('sub/..', from)).toEqual({ kind: 'not-a-file' });
  });

  it('calls a folder below it not a file', () => {
    expect(confinedFile('sub', from)).toEqual({ kind: 'not-a-file' });
  });

  it('refuses the parent folder and files above, though they exist', () => {
    expect(confinedFile('..', from)).toEqual({ kind: 'outside' });
    expect(confinedFile('../secret.yaml', from)).toEqual({ kind: 'outside' });
    expect(confinedFile('sub/../../secret.yaml', from)).toEqual({ kind: 'outside' });
  });

  it('refuses a symlink whose real path lies outside, or is the folder itself', () => {
    expect(confinedFile('to-secret.yaml', from)).toEqual({ kind: 'outside' });
    expect(confinedFile('here', from)).toEqual({ kind: 'outside' });
  });

  it('says a file that is not there is missing', () => {
    expect(confinedFile('nothing.yaml', from)).toEqual({ kind: 'missing' });
    expect(confinedFile('sub/nothing.yaml', from)).toEqual({ kind: 'missing' });
  });
});
