// The library: `import { loadMatrix, loadRecord, evaluate, format } from 'summit-score'`.
// It takes text and gives results and text back: it never reads process state, never writes to
// a terminal and never colours (test/built/cli/package.test.ts walks its imports to hold it to that).
import { createHash } from 'node:crypto';
import { DEFAULT_MAX_INPUT_BYTES } from './input-limit.js';
import { beforeSummit, notHeld } from './commands/not-held.js';
import { compileMatrix, evaluateRecord } from './engine/index.js';
import { formatEvaluationCsv, formatEvaluationLong, formatEvaluationNdjson } from './format/csv.js';
import { formatJson } from './format/json.js';
import { formatEvaluationMarkdown } from './format/markdown.js';
import type { Formatter } from './format/formatter.js';
import type { EvaluationReport } from './format/report.js';
import { loadMatrix as loadMatrixInput, type LoadedMatrix } from './load/load-matrix.js';
import { loadRecord as loadRecordInput, type LoadedRecord } from './load/load-record.js';
import { TOOL } from './package-info.js';

export { InputError, formatDiagnostic, type Diagnostic, type ErrorCode } from './diagnostics.js';
export type { CaseRecord, CaseResult, CriterionResult, Matrix } from './engine/index.js';
export type { LoadedMatrix } from './load/load-matrix.js';
export type { LoadedRecord } from './load/load-record.js';
export type { EvaluationReport as Evaluation } from './format/report.js';

function input(text: string, file: string) {
  return { file, text, sha256: createHash('sha256').update(text, 'utf8').digest('hex'), maxBytes: DEFAULT_MAX_INPUT_BYTES };
}

/**
 * Loads a matrix from its YAML or JSON text; `file` names it in diagnostics and output. Throws
 * an InputError carrying every problem (code, line, column, hint) when the matrix is wrong.
 */
export function loadMatrix(text: string, file = '<matrix>'): LoadedMatrix {
  return loadMatrixInput(input(text, file));
}

/** Loads a record from its YAML or JSON text, as loadMatrix does a matrix. */
export function loadRecord(text: string, file = '<record>'): LoadedRecord {
  return loadRecordInput(input(text, file));
}

export interface EvaluateOptions {
  /** `YYYY-MM-DD`: judge as of this date; a record whose summit is later is n/a. Default: each record's last event. */
  readonly asOf?: string;
}

/** Scores records against a matrix: what `summit-score evaluate` computes, ready for format(). */
export function evaluate(matrix: LoadedMatrix, records: LoadedRecord | readonly LoadedRecord[], options: EvaluateOptions = {}): EvaluationReport {
  const compiled = compileMatrix(matrix.matrix);
  const list: readonly LoadedRecord[] = Array.isArray(records) ? records : [records as LoadedRecord];
  return {
    tool: TOOL,
    matrix: { definition: matrix.matrix, file: matrix.file, sha256: matrix.sha256, ...(matrix.extends && { extends: matrix.extends }) },
    asOf: options.asOf ?? null,
    results: list.map((record) => {
      const result = evaluateRecord(compiled, record.record, options.asOf === undefined ? {} : { asOf: options.asOf });
      return { file: record.file, sha256: record.sha256, result: beforeSummit(result) ? notHeld(result) : result };
    }),
    bundledDefault: false,
  };
}

const FORMATS = {
  json: formatJson,
  markdown: formatEvaluationMarkdown,
  csv: formatEvaluationCsv,
  long: formatEvaluationLong,
  ndjson: formatEvaluationNdjson,
} satisfies Record<string, Formatter<EvaluationReport>>;

/** The output formats of the library: those of `evaluate -f` without the terminal table. */
export type LibraryFormat = keyof typeof FORMATS;

/** An evaluation as text, as `summit-score evaluate -f FORMAT` writes it; never coloured. */
export function format(evaluation: EvaluationReport, as: LibraryFormat = 'json', options: { readonly explain?: boolean } = {}): string {
  const formatter = FORMATS[as];
  if (!formatter) throw new RangeError(`unknown format ${String(as)}: use one of ${Object.keys(FORMATS).join(', ')}`);
  return formatter(evaluation, { color: false, explain: options.explain ?? false });
}
