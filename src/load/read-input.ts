import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { InputError, inputError } from '../diagnostics.js';
import { noteInputFile } from '../input-files.js';
import { bundledPath } from './bundled.js';
import { DEFAULT_MAX_INPUT_BYTES, inputLimitBytes, MEBIBYTE } from '../input-limit.js';
import type { Io } from '../io.js';

/** The text of one input, named as the user named it, with its hash for provenance. */
export interface InputText {
  readonly file: string;
  readonly text: string;
  readonly sha256: string;
  /** The size limit it was read under, which the files it names (a base matrix, a bibliography) are read under too. */
  readonly maxBytes: number;
}

/**
 * How one run reads its inputs: what `-` reads, and the size limit every input of the run is held
 * to (SUMMIT_SCORE_MAX_INPUT_MB), the files an input names (a base matrix, a bibliography) too.
 * Passed along, never kept in a module: two runs in one process each have their own.
 */
export interface InputReader {
  readonly maxBytes: number;
  readStdin(): Buffer;
}

/** The reader of a run with this Io: its limit from the run's SUMMIT_SCORE_MAX_INPUT_MB. */
export function inputReader(io: Io): InputReader {
  const maxBytes = inputLimitBytes(io.env['SUMMIT_SCORE_MAX_INPUT_MB']);
  return { maxBytes, readStdin: () => io.readStdin(maxBytes) };
}

/** For inputs that are never stdin (a file an input names, the package's own): only the limit. */
export function filesOnly(maxBytes: number): InputReader {
  return { maxBytes, readStdin: () => Buffer.alloc(0) };
}

/** The package's own files (bundled matrices, the bundled bibliography), read without a run. */
export const PACKAGE_FILES = filesOnly(DEFAULT_MAX_INPUT_BYTES);

const STDIN_NAME = '<stdin>';

/** `bytes` is the file's size, or undefined for stdin, which is read only up to the limit. */
function tooLarge(file: string, bytes: number | undefined, maxBytes: number): never {
  const size = bytes === undefined ? 'is' : `is ${(bytes / MEBIBYTE).toFixed(1)} MiB,`;
  throw inputError('FILE_TOO_LARGE', file, `${size} more than the limit of ${maxBytes / MEBIBYTE} MiB`, 'raise it with SUMMIT_SCORE_MAX_INPUT_MB');
}

export function readInputFile(name: string, reader: InputReader): InputText {
  const { maxBytes } = reader;
  const isStdin = name === '-';
  const file = isStdin ? STDIN_NAME : name;
  // A bundled input keeps its name (`bundled:lewis-2015`) and is read from the package.
  const path = bundledPath(name) ?? name;
  let bytes: Buffer;
  // Whether bytes.length is the whole input's size, or only as much of it as was read.
  let whole = !isStdin;
  try {
    if (isStdin) {
      bytes = reader.readStdin();
    } else {
      const stats = statSync(path);
      if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (stats.size > maxBytes) tooLarge(file, stats.size, maxBytes);
      noteInputFile(file, stats);
      // A device or pipe (/dev/zero, <(command)) has no size to check first: read it only up to the limit.
      whole = stats.isFile();
      bytes = whole ? readFileSync(path) : readAtMost(path, maxBytes + 1);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError('FILE_NOT_FOUND', file, 'no such file');
    if (code === 'EISDIR') throw inputError('FILE_UNREADABLE', file, 'is a directory, not a file');
    if (code === 'EACCES' || code === 'EPERM') throw inputError('FILE_UNREADABLE', file, 'cannot be read: permission denied');
    throw inputError('FILE_UNREADABLE', file, `cannot be read: ${(error as Error).message}`);
  }
  if (bytes.length > maxBytes) tooLarge(file, whole ? bytes.length : undefined, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError('NOT_UTF8', file, 'is not UTF-8 text', 'save it as UTF-8');
  }
  // A lone CR ends a line in YAML (classic Mac files), but the parser reads it as a space: made a
  // LF, one character for one, so lines and columns stay where the file has them.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  return { file, text, sha256: createHash('sha256').update(bytes).digest('hex'), maxBytes };
}

/** The first `limit` bytes of a file (all of it when shorter), read in chunks. */
function readAtMost(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.alloc(Math.min(1 << 20, limit - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}
