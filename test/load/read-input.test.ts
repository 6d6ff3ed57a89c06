// readInputFile (src/load/read-input.ts) on files made here, on stdin through a reader, and on a
// device: the text and the SHA-256 of the bytes as read, the size limit before and while reading,
// and each way a read fails as its own code and words, never a thrown system error.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { MATRICES_DIR } from '../../src/package-info.js';
import { filesOnly, inputReader, PACKAGE_FILES, readInputFile, type InputReader } from '../../src/load/read-input.js';
import { MEBIBYTE } from '../../src/input-limit.js';
import type { Io } from '../../src/io.js';

let folder: string;
const at = (name: string) => join(folder, name);
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'read-input-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The one diagnostic of the InputError reading `name` throws. */
function failure(name: string, reader: InputReader = PACKAGE_FILES) {
  try {
    readInputFile(name, reader);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const { diagnostics } = error as InputError;
    expect(diagnostics).toHaveLength(1);
    return diagnostics[0];
  }
  throw new Error(`${name} was read`);
}

const stdin = (bytes: Buffer, maxBytes = MEBIBYTE): InputReader => ({ maxBytes, readStdin: () => bytes });

describe('readInputFile', () => {
  it('gives the text of a file, named as it was named, with the hash of its bytes and the limit it was read under', () => {
    writeFileSync(at('a.yaml'), 'id: a\n');
    expect(readInputFile(at('a.yaml'), filesOnly(1000))).toEqual({ file: at('a.yaml'), text: 'id: a\n', sha256: sha256('id: a\n'), maxBytes: 1000 });
  });

  it('reads stdin through the reader, as <stdin>', () => {
    expect(readInputFile('-', stdin(Buffer.from('x: 1\n')))).toEqual({ file: '<stdin>', text: 'x: 1\n', sha256: sha256('x: 1\n'), maxBytes: MEBIBYTE });
  });

  it('reads a bundled name from the package, keeping the name', () => {
    const input = readInputFile('bundled:lewis-2015', PACKAGE_FILES);
    const bytes = readFileSync(join(MATRICES_DIR, 'lewis-2015.yaml'));
    expect(input.file).toBe('bundled:lewis-2015');
    expect(input.sha256).toBe(sha256(bytes));
    expect(input.text).toBe(bytes.toString('utf8'));
  });

  it('makes a lone CR a LF, one character for one, and leaves CRLF as it is; the hash is of the bytes as read', () => {
    writeFileSync(at('cr.yaml'), 'a: 1\rb: 2\r\nc: 3\r');
    const input = readInputFile(at('cr.yaml'), PACKAGE_FILES);
    expect(input.text).toBe('a: 1\nb: 2\r\nc: 3\n');
    expect(input.sha256).toBe(sha256('a: 1\rb: 2\r\nc: 3\r'));
  });

  it('reads a file exactly at the limit, and refuses one byte more before reading it, with its size', () => {
    writeFileSync(at('limit.yaml'), 'x'.repeat(64));
    expect(readInputFile(at('limit.yaml'), filesOnly(64)).text).toHaveLength(64);
    writeFileSync(at('big.yaml'), 'x'.repeat(MEBIBYTE + MEBIBYTE / 2));
    expect(failure(at('big.yaml'), filesOnly(MEBIBYTE))).toEqual({
      severity: 'error',
      code: 'FILE_TOO_LARGE',
      file: at('big.yaml'),
      line: 1,
      col: 1,
      message: 'is 1.5 MiB, more than the limit of 1 MiB',
      hint: 'raise it with SUMMIT_SCORE_MAX_INPUT_MB',
    });
  });

  it('refuses stdin past the limit without a size, since it was read only so far', () => {
    expect(readInputFile('-', stdin(Buffer.alloc(16, 'a'), 16)).text).toHaveLength(16);
    expect(failure('-', stdin(Buffer.alloc(17, 'a'), 16))).toMatchObject({
      code: 'FILE_TOO_LARGE',
      file: '<stdin>',
      message: `is more than the limit of ${16 / MEBIBYTE} MiB`,
    });
  });

  it('reads a device only up to the limit, and refuses it when there is more', () => {
    expect(failure('/dev/zero', filesOnly(MEBIBYTE * 3))).toMatchObject({
      code: 'FILE_TOO_LARGE',
      file: '/dev/zero',
      message: 'is more than the limit of 3 MiB',
    });
    expect(readInputFile('/dev/null', filesOnly(16))).toMatchObject({ file: '/dev/null', text: '', sha256: sha256('') });
  });

  it('gives a file that is not there, a folder, and bytes that are not UTF-8 each its own code', () => {
    expect(failure(at('gone.yaml'))).toEqual({ severity: 'error', code: 'FILE_NOT_FOUND', file: at('gone.yaml'), line: 1, col: 1, message: 'no such file' });
    expect(failure(folder)).toEqual({ severity: 'error', code: 'FILE_UNREADABLE', file: folder, line: 1, col: 1, message: 'is a directory, not a file' });
    writeFileSync(at('latin1.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(failure(at('latin1.yaml'))).toEqual({
      severity: 'error',
      code: 'NOT_UTF8',
      file: at('latin1.yaml'),
      line: 1,
      col: 1,
      message: 'is not UTF-8 text',
      hint: 'save it as UTF-8',
    });
  });

  it('names a path through a file as unreadable, with the system’s words', () => {
    writeFileSync(at('plain'), 'x');
    expect(failure(at('plain/inside.yaml'))).toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringMatching(/^cannot be read: ENOTDIR/) });
  });
});

describe('inputReader', () => {
  const io = (env: Record<string, string>, bytes = Buffer.alloc(0)) => {
    const asked: number[] = [];
    return { asked, io: { env, readStdin: (limit: number) => (asked.push(limit), bytes) } as unknown as Io };
  };

  it('holds a run to its SUMMIT_SCORE_MAX_INPUT_MB, and reads stdin only up to it', () => {
    const { asked, io: run } = io({ SUMMIT_SCORE_MAX_INPUT_MB: '2' }, Buffer.from('y'));
    const reader = inputReader(run);
    expect(reader.maxBytes).toBe(2 * MEBIBYTE);
    expect(reader.readStdin().toString()).toBe('y');
    expect(asked).toEqual([2 * MEBIBYTE]);
  });

  it('takes the default of 64 MiB when it is not set', () => {
    expect(inputReader(io({}).io).maxBytes).toBe(64 * MEBIBYTE);
    expect(PACKAGE_FILES.maxBytes).toBe(64 * MEBIBYTE);
    expect(filesOnly(5).readStdin()).toEqual(Buffer.alloc(0));
  });
});
