import { InputError, inputError, type Diagnostic } from '../diagnostics.js';
import { compileMatrix, dayNumber, evaluateRecord } from '../engine/index.js';
import { formatters, type FormatName } from '../format/index.js';
import type { EvaluationReport, RecordResult } from '../format/report.js';
import type { Io } from '../io.js';
import { DEFAULT_MATRIX, DEFAULT_RECORD, resolveInput } from '../load/bundled.js';
import { loadMatrix } from '../load/load-matrix.js';
import { loadRecord, type LoadedRecord } from '../load/load-record.js';
import { readInputFile } from '../load/read-input.js';
import { TOOL } from '../package-info.js';
import { writeFileAtomic } from '../write-output.js';

export interface EvaluateCommandOptions {
  readonly matrix?: string;
  readonly format: FormatName;
  readonly output?: string;
  readonly asOf?: string;
  readonly failBelow?: number;
  readonly explain: boolean;
  readonly color: boolean;
}

/** Loads, scores, formats and writes; returns the exit code (0 scored, 1 below --fail-below). */
export function runEvaluate(recordArgs: readonly string[], options: EvaluateCommandOptions, io: Io): number {
  if (options.asOf !== undefined && dayNumber(options.asOf) === undefined) {
    throw inputError('BAD_AS_OF', undefined, `--as-of ${options.asOf} is not a calendar date`, 'use YYYY-MM-DD');
  }
  if (recordArgs.filter((arg) => arg === '-').length > 1) {
    throw inputError('USAGE', undefined, 'stdin (-) can be read only once');
  }
  const bundledDefault = recordArgs.length === 0 && options.matrix === undefined;
  const stdin = () => io.readStdin();
  const matrixFile = resolveInput('matrix', options.matrix ?? DEFAULT_MATRIX);
  const records = recordArgs.length > 0 ? recordArgs : [DEFAULT_RECORD];

  // Every input is loaded before any is scored, so one run reports the problems of all of them.
  const problems: Diagnostic[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.diagnostics);
      return undefined;
    }
  };
  const matrix = attempt(() => loadMatrix(readInputFile(matrixFile, stdin)));
  const loaded = records.map((arg) => attempt(() => loadRecord(readInputFile(resolveInput('record', arg), stdin))));
  if (problems.length > 0 || !matrix) throw new InputError(problems);

  const compiled = compileMatrix(matrix.matrix);
  const results: RecordResult[] = (loaded as LoadedRecord[]).map((record) => ({
    file: record.file,
    sha256: record.sha256,
    result: evaluateRecord(compiled, record.record, options.asOf === undefined ? {} : { asOf: options.asOf }),
  }));
  const report: EvaluationReport = {
    tool: TOOL,
    matrix: { definition: matrix.matrix, file: matrix.file, sha256: matrix.sha256 },
    asOf: options.asOf ?? null,
    results,
    bundledDefault,
  };

  const text = formatters[options.format](report, { color: options.color, explain: options.explain });
  if (options.output === undefined) io.stdout(text);
  else writeFileAtomic(options.output, text);

  const threshold = options.failBelow;
  const failing = threshold === undefined ? [] : results.filter(({ result }) => result.score === null || result.score < threshold);
  for (const { result } of failing) {
    io.stderr(`below --fail-below ${threshold}: ${result.record.id} scored ${result.score ?? 'no total'}\n`);
  }
  return failing.length > 0 ? 1 : 0;
}
