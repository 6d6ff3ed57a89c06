import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inputError } from './diagnostics.js';

/**
 * Writes the whole text or nothing: a temporary file beside the target, renamed over it, so a
 * failed run never leaves half a report where the last good one was.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw inputError('OUTPUT_FAILED', path, `cannot write the output: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
