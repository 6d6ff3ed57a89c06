import { collectProblems, InputError, inputError } from '../diagnostics.js';
import { detectKind } from '../load/detect-kind.js';
import { parseYamlDocument } from '../load/yaml-document.js';
import type { InputText } from '../load/read-input.js';
import { dayNumber } from '../engine/index.js';
import type { MatrixInput, RecordInput } from '../format/research.js';
import type { Io } from '../io.js';
import { bundledIds, DEFAULT_MATRIX, resolveInput } from '../load/bundled.js';
import { loadMatrix } from '../load/load-matrix.js';
import { loadRecord } from '../load/load-record.js';
import { readInputFile } from '../load/read-input.js';

/**
 * Loads every matrix and record named, and reports the problems of all of them in one error,
 * as evaluate does. Stdin (-) may be named once.
 */
export function loadInputs(io: Io, matrixArgs: readonly string[], recordArgs: readonly string[]): { matrices: MatrixInput[]; records: RecordInput[] } {
  if ([...matrixArgs, ...recordArgs].filter((arg) => arg === '-').length > 1) throw inputError('USAGE', undefined, 'stdin (-) can be read only once');
  const { problems, attempt } = collectProblems();
  const stdin = () => io.readStdin();
  const matrices = matrixArgs.map((arg) =>
    attempt((): MatrixInput => {
      const loaded = loadAs('matrix', readInputFile(resolveInput('matrix', arg), stdin), loadMatrix);
      return { definition: loaded.matrix, file: loaded.file, sha256: loaded.sha256, ...(loaded.extends && { extends: loaded.extends }) };
    }),
  );
  const records = recordArgs.map((arg) =>
    attempt((): RecordInput => {
      const loaded = loadAs('record', readInputFile(resolveInput('record', arg), stdin), loadRecord);
      return { record: loaded.record, file: loaded.file, sha256: loaded.sha256 };
    }),
  );
  if (problems.length > 0) throw new InputError(problems);
  return { matrices: matrices as MatrixInput[], records: records as RecordInput[] };
}

/**
 * The matrices a research command scores its records against. Without -m there is none: the
 * bundled default is for a bare `summit-score evaluate` only, and a matrix silently chosen for a
 * user's records would score them against something they never asked for.
 */
export function matricesNamed(command: string, matrices: readonly string[] | undefined, records: readonly string[]): readonly string[] {
  if (matrices !== undefined && matrices.length > 0) return matrices;
  throw inputError(
    'USAGE',
    undefined,
    `no matrix to score ${records.length === 1 ? records[0] : `${records.length} records`} against`,
    `add -m MATRIX: a matrix file, or a bundled id (${bundledIds('matrix').join(', ')}); e.g. summit-score ${command} ${records.join(' ')} -m ${DEFAULT_MATRIX}`,
  );
}

export function checkDate(option: string, value: string | undefined): void {
  if (value !== undefined && dayNumber(value) === undefined) {
    throw inputError(option === '--as-of' ? 'BAD_AS_OF' : 'USAGE', undefined, `${option} ${value} is not a calendar date`, 'use YYYY-MM-DD');
  }
}

/** Collects a repeatable option's values (commander calls it once per occurrence). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const KIND_HINTS = {
  matrix: 'this looks like a record, not a matrix (it has `events`)',
  record: 'this looks like a matrix, not a record (it has `criteria`)',
} as const;

/**
 * Loads an input as a matrix or a record. When it fails because the file is the other kind (a
 * matrix and a record swapped on the command line), that is the one problem reported, instead of
 * every key the wrong schema does not know.
 */
export function loadAs<T>(kind: 'matrix' | 'record', input: InputText, load: (input: InputText) => T): T {
  try {
    return load(input);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const doc = parseYamlDocument(input.file, input.text);
    const other = Array.isArray(doc) ? undefined : detectKind(input.file, input.text, doc.data);
    if (other !== (kind === 'matrix' ? 'record' : 'matrix')) throw error;
    throw inputError('USAGE', input.file, KIND_HINTS[kind], 'give the matrix with -m and the records as arguments: did you swap them?');
  }
}
