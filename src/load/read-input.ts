import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inputError } from '../diagnostics.js';

/** The text of one input, named as the user named it, with its hash for provenance. */
export interface InputText {
  readonly file: string;
  readonly text: string;
  readonly sha256: string;
}

const STDIN_NAME = '<stdin>';

export function readInputFile(path: string, stdin: () => Buffer): InputText {
  const isStdin = path === '-';
  const file = isStdin ? STDIN_NAME : path;
  let bytes: Buffer;
  try {
    bytes = isStdin ? stdin() : readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError('FILE_NOT_FOUND', file, 'no such file');
    if (code === 'EISDIR') throw inputError('FILE_UNREADABLE', file, 'is a directory, not a file');
    if (code === 'EACCES' || code === 'EPERM') throw inputError('FILE_UNREADABLE', file, 'cannot be read: permission denied');
    throw inputError('FILE_UNREADABLE', file, `cannot be read: ${(error as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError('NOT_UTF8', file, 'is not UTF-8 text', 'save it as UTF-8');
  }
  return { file, text, sha256: createHash('sha256').update(bytes).digest('hex') };
}
