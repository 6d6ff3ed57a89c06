import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { InputError, inputError } from '../diagnostics.js';
import { noteInputFile } from '../input-files.js';
import { bundledPath } from './bundled.js';
import { DEFAULT_MAX_INPUT_MB, inputLimitBytes, MEBIBYTE } from '../input-limit.js';

/** The text of one input, named as the user named it, with its hash for provenance. */
export interface InputText {
  readonly file: string;
  readonly text: string;
  readonly sha256: string;
}

const STDIN_NAME = '<stdin>';
let maxInputBytes = DEFAULT_MAX_INPUT_MB * MEBIBYTE;
/** Sets the input size limit for this run. */
export function configureInputLimit(megabytes: string | undefined): void {
  maxInputBytes = inputLimitBytes(megabytes);
}

/** `bytes` is the file's size, or undefined for stdin, which is read only up to the limit. */
function tooLarge(file: string, bytes: number | undefined): never {
  const size = bytes === undefined ? 'is' : `is ${(bytes / MEBIBYTE).toFixed(1)} MiB,`;
  throw inputError('FILE_TOO_LARGE', file, `${size} more than the limit of ${maxInputBytes / MEBIBYTE} MiB`, 'raise it with SUMMIT_SCORE_MAX_INPUT_MB');
}

export function readInputFile(name: string, stdin: () => Buffer): InputText {
  const isStdin = name === '-';
  const file = isStdin ? STDIN_NAME : name;
  // A bundled input keeps its name (`bundled:lewis-2015`) and is read from the package.
  const path = bundledPath(name) ?? name;
  let bytes: Buffer;
  // Whether bytes.length is the whole input's size, or only as much of it as was read.
  let whole = !isStdin;
  try {
    if (isStdin) {
      bytes = stdin();
    } else {
      const stats = statSync(path);
      if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (stats.size > maxInputBytes) tooLarge(file, stats.size);
      noteInputFile(file, stats);
      // A device or pipe (/dev/zero, <(command)) has no size to check first: read it only up to the limit.
      whole = stats.isFile();
      bytes = whole ? readFileSync(path) : readAtMost(path, maxInputBytes + 1);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError('FILE_NOT_FOUND', file, 'no such file');
    if (code === 'EISDIR') throw inputError('FILE_UNREADABLE', file, 'is a directory, not a file');
    if (code === 'EACCES' || code === 'EPERM') throw inputError('FILE_UNREADABLE', file, 'cannot be read: permission denied');
    throw inputError('FILE_UNREADABLE', file, `cannot be read: ${(error as Error).message}`);
  }
  if (bytes.length > maxInputBytes) tooLarge(file, whole ? bytes.length : undefined);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError('NOT_UTF8', file, 'is not UTF-8 text', 'save it as UTF-8');
  }
  // A lone CR ends a line in YAML (classic Mac files), but the parser reads it as a space: made a
  // LF, one character for one, so lines and columns stay where the file has them.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  return { file, text, sha256: createHash('sha256').update(bytes).digest('hex') };
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
