import { collectProblems, InputError, inputError, type Diagnostic } from '../diagnostics.js';
import { detectKind } from '../load/detect-kind.js';
import { parseYamlDocument } from '../load/yaml-document.js';
import type { InputText } from '../load/read-input.js';
import { dayNumber } from '../engine/index.js';
import type { MatrixInput, RecordInput } from '../format/research.js';
import type { Io } from '../io.js';
import { bundledIds, DEFAULT_MATRIX, resolveInput } from '../load/bundled.js';
import { loadMatrix } from '../load/load-matrix.js';
import { loadRecord, type LoadedRecord } from '../load/load-record.js';
import { inputReader, readInputFile, type InputReader } from '../load/read-input.js';
import { existsSync, statSync } from 'node:fs';
import { expandPaths, type FoundFile } from '../load/expand-paths.js';
import { parseInput } from '../load/load-document.js';
import { isNdjsonPath, ndjsonSource, readNdjsonRecords } from '../load/ndjson.js';

/** The help of --bibliography (validate, evaluate, sources): src/load/load-bibliography.ts reads the file. */
export const BIBLIOGRAPHY_OPTION = 'a bibliography file of your own (the bibliography format) whose keys records and matrices may cite beside the bundled ones';

/**
 * Loads every matrix and record named, and reports the problems of all of them in one error,
 * as evaluate does. Stdin (-) may be named once.
 */
export function loadInputs(io: Io, matrixArgs: readonly string[], recordArgs: readonly string[]): { matrices: MatrixInput[]; records: RecordInput[] } {
  if ([...matrixArgs, ...recordArgs].filter((arg) => arg === '-').length > 1) throw inputError('USAGE', undefined, 'stdin (-) can be read only once');
  const { problems, attempt } = collectProblems();
  const stdin = inputReader(io);
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
 * Loads the matrices named and the records the arguments name, as validate finds files and
 * evaluate reads NDJSON: a record argument may be a file, a bundled id, `-` for stdin, a folder
 * (its .yaml, .yml, .json, .ndjson and .jsonl files, where files that are not records, such as
 * a bibliography or a matrix beside the records, are passed over), a glob, or an NDJSON file
 * (.ndjson, .jsonl: a record per line, named `file:LINE`). Every problem of every input is
 * reported in one error.
 */
export async function loadInputsFound(
  io: Io,
  matrixArgs: readonly string[],
  recordArgs: readonly string[],
): Promise<{ matrices: MatrixInput[]; records: RecordInput[] }> {
  if ([...matrixArgs, ...recordArgs].filter((arg) => arg === '-').length > 1) throw inputError('USAGE', undefined, 'stdin (-) can be read only once');
  const { problems, attempt } = collectProblems();
  const { files, problems: unfound } = findInputFiles(recordArgs);
  problems.push(...unfound);
  const matrices = attempt(() => loadInputs(io, matrixArgs, []).matrices) ?? [];
  const records: RecordInput[] = [];
  const stdin = inputReader(io);
  for (const found of files) {
    if (isNdjsonPath(found.path)) {
      const source = attempt(() => ndjsonSource(found.path, io, stdin.maxBytes));
      if (!source) continue;
      for await (const item of readNdjsonRecords(found.path, source, stdin.maxBytes)) {
        if (item.record) records.push({ record: item.record.record, file: item.record.file, sha256: item.record.sha256 });
        else problems.push(...item.diagnostics);
      }
      continue;
    }
    const loaded = attempt(() => loadFoundRecord(found, stdin)?.loaded);
    if (loaded) records.push({ record: loaded.record, file: loaded.file, sha256: loaded.sha256 });
  }
  if (problems.length === 0 && records.length === 0) throw noRecordFound(recordArgs);
  if (problems.length > 0) throw new InputError(problems);
  return { matrices, records };
}

const GLOB_CHARS = /[*?[{]/;
const DATA_FILE = /\.(ya?ml|json|ndjson|jsonl)$/i;

/** Files found from the command line, and the arguments that named nothing. */
export interface FoundInputs {
  readonly files: readonly FoundFile[];
  readonly problems: readonly Diagnostic[];
}

/**
 * The files the arguments name, as validate finds them: a file, `-`, a folder (its data files,
 * subfolders included), a glob. A bundled id, or a name that is neither a file nor a glob, is
 * kept as named, to be read as evaluate reads it (with its did-you-mean). Each argument is
 * expanded on its own, so one named twice is read twice. The one way every command that reads
 * records or evaluations turns its arguments into files.
 */
export function findInputFiles(args: readonly string[]): FoundInputs {
  const problems: Diagnostic[] = [];
  const files = args.flatMap((arg): FoundFile[] => {
    if (arg === '-' || (!existsSync(arg) && !GLOB_CHARS.test(arg))) return [{ path: arg, explicit: true }];
    // A folder named as a file (`rec.yaml/`) is a file that cannot be read (FILE_UNREADABLE), not a folder of records.
    if (DATA_FILE.test(arg) && statSync(arg, { throwIfNoEntry: false })?.isDirectory()) return [{ path: arg, explicit: true }];
    const expanded = expandPaths([arg]);
    problems.push(...expanded.problems);
    return expanded.files;
  });
  return { files, problems };
}

/**
 * A record file as found: loaded, or undefined when it was found in a folder or by a glob and is
 * not a record (a bibliography, a matrix beside the records). A file that cannot be parsed is
 * read as a record, so that its problems are reported.
 */
export function loadFoundRecord(found: FoundFile, stdin: InputReader): { input: InputText; loaded: LoadedRecord } | undefined {
  const input = readInputFile(resolveInput('record', found.path), stdin);
  if (!found.explicit && !isRecord(input)) return undefined;
  return { input, loaded: loadAs('record', input, loadRecord) };
}

/** Arguments that named folders or globs holding no record. */
export function noRecordFound(args: readonly string[]): InputError {
  return inputError('FILE_NOT_FOUND', args.join(' '), 'found no record', 'a record has `events`');
}

function isRecord(input: InputText): boolean {
  const doc = parseInput(input);
  return Array.isArray(doc) || detectKind(input.file, input.text, doc.data) === 'record';
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
