import { inputError } from './diagnostics.js';

// The bound on how much input one run reads, from the run's SUMMIT_SCORE_MAX_INPUT_MB; passed
// along as an InputReader (src/load/read-input.ts), never kept in a module.

export const MEBIBYTE = 1024 * 1024;

/** The default input size limit: far above any real matrix or record, far below what hurts. */
const DEFAULT_MAX_INPUT_MB = 64;
export const DEFAULT_MAX_INPUT_BYTES = DEFAULT_MAX_INPUT_MB * MEBIBYTE;

/**
 * The input size limit in bytes for a SUMMIT_SCORE_MAX_INPUT_MB value (unset or empty: the
 * default). Anything but a positive finite number is refused: `Infinity`, `-1` or `1e400` would
 * remove the bound it is there to keep.
 */
export function inputLimitBytes(megabytes: string | undefined): number {
  if (megabytes === undefined || megabytes.trim() === '') return DEFAULT_MAX_INPUT_BYTES;
  const value = Number(megabytes);
  if (!Number.isFinite(value) || value <= 0 || !Number.isSafeInteger(Math.ceil(value * MEBIBYTE))) {
    throw inputError(
      'USAGE',
      undefined,
      `SUMMIT_SCORE_MAX_INPUT_MB=${megabytes} is not a positive number of MiB`,
      `unset it for the default of ${DEFAULT_MAX_INPUT_MB}, or give e.g. 256`,
    );
  }
  return value * MEBIBYTE;
}
