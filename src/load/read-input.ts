import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { InputError, inputError } from '../diagnostics.js';
import { noteInputFile } from '../input-files.js';
import { bundledPath } from './bundled.js';

/** The text of one input, named as the user named it, with its hash for provenance. */
export interface InputText {
  readonly file: string;
  readonly text: string;
  readonly sha256: string;
}

const STDIN_NAME = '<stdin>';
const MEBIBYTE = 1024 * 1024;

/** The default input size limit: far above any real matrix or record, far below what hurts. */
export const DEFAULT_MAX_INPUT_MB = 64;
let maxInputBytes = DEFAULT_MAX_INPUT_MB * MEBIBYTE;

/**
 * The input size limit in bytes for a SUMMIT_SCORE_MAX_INPUT_MB value (unset or empty: the
 * default). Anything but a positive finite number is refused: `Infinity`, `-1` or `1e400` would
 * remove the bound it is there to keep.
 */
export function inputLimitBytes(megabytes: string | undefined): number {
  if (megabytes === undefined || megabytes.trim() === '') return DEFAULT_MAX_INPUT_MB * MEBIBYTE;
  const value = Number(megabytes);
  if (!Number.isFinite(value) || value <= 0 || !Number.isSafeInteger(Math.ceil(value * MEBIBYTE))) {
    throw inputError('USAGE', undefined, `SUMMIT_SCORE_MAX_INPUT_MB=${megabytes} is not a positive number of MiB`, `unset it for the default of ${DEFAULT_MAX_INPUT_MB}, or give e.g. 256`);
  }
  return value * MEBIBYTE;
}

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
