import { InvalidArgumentError, Option, type Command } from 'commander';
import { InputError, inputError, type Diagnostic } from '../diagnostics.js';
import { compileMatrix, dayNumber, evaluateRecord } from '../engine/index.js';
import { FORMAT_NAMES, formatters, type FormatName } from '../format/index.js';
import type { EvaluationReport, RecordResult } from '../format/report.js';
import type { Io } from '../io.js';
import { DEFAULT_MATRIX, DEFAULT_RECORD, resolveInput } from '../load/bundled.js';
import { loadMatrix } from '../load/load-matrix.js';
import { loadRecord, type LoadedRecord } from '../load/load-record.js';
import { readInputFile } from '../load/read-input.js';
import { TOOL } from '../package-info.js';
import { writeFileAtomic } from '../write-output.js';
import type { CommandContext } from './context.js';

export function registerEvaluate(program: Command, context: CommandContext): void {
  program
    .command('evaluate')
    .description('score records against a matrix (no arguments: the bundled Lewis matrix on the 2015 Xi–Obama record)')
    .argument('[records...]', 'record files (YAML or JSON), bundled record ids, or - for stdin')
    .option('-m, --matrix <file|id>', 'matrix file or bundled matrix id (default: lewis-2015)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('-o, --output <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--as-of <date>', 'judge as of this date (YYYY-MM-DD): later events do not exist yet')
    .option('--fail-below <score>', 'exit 1 when a record scores below this total (0-100)', parseScore)
    .option('--explain', 'say, for each criterion, why it did not reach the next level up', false)
    .option('--no-color', 'no colour (also: NO_COLOR, or when stdout is not a terminal)')
    .action((records: string[], options: EvaluateCommandOptions) => {
      context.setJsonErrors(options.format === 'json');
      context.setExitCode(runEvaluate(records, { ...options, color: context.useColor(options.color) }, context.io));
    });
}

function parseScore(value: string): number {
  const score = Number(value);
  if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new InvalidArgumentError('expected a number from 0 to 100');
  }
  return score;
}

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
