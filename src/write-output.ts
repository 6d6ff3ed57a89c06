import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inputError } from './diagnostics.js';

/** One rendered output: to a file, or (no file) to stdout. */
export interface RenderedOutput {
  readonly file?: string;
  readonly text: string;
}

/**
 * Writes every file output, then stdout. Each file goes to a fresh temporary file beside it
 * (created exclusively, under a random name, so nothing planted there is followed), and only
 * when all of them are written are they renamed into place: a failure leaves every previous
 * file as it was and prints nothing on stdout.
 */
export function writeOutputs(outputs: readonly RenderedOutput[], stdout: (text: string) => void): void {
  const staged: { temporary: string; file: string }[] = [];
  try {
    for (const { file, text } of outputs) {
      if (file === undefined) continue;
      const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
      writeFileSync(temporary, text, { flag: 'wx' });
      staged.push({ temporary, file });
    }
    for (const { temporary, file } of staged) renameSync(temporary, file);
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    const failed = outputs.find((output) => output.file !== undefined && !staged.some((s) => s.file === output.file))?.file ?? staged[0]?.file;
    throw inputError('OUTPUT_FAILED', failed, `cannot write the output: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  for (const { file, text } of outputs) if (file === undefined) stdout(text);
}

/** Writes one file atomically (see writeOutputs). */
export function writeFileAtomic(file: string, text: string): void {
  writeOutputs([{ file, text }], () => undefined);
}
