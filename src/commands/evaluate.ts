import { InvalidArgumentError, type Command } from 'commander';
import { collectProblems, diagnosticLines, InputError, inputError, type Diagnostic } from '../diagnostics.js';
import { compileMatrix, dayNumber, evaluateRecord, evidenceOf, type CaseResult } from '../engine/index.js';
import { ndjsonResultLine } from '../format/csv.js';
import { FORMAT_NAMES, formatters, type FormatName } from '../format/index.js';
import { safeText } from '../format/terminal-text.js';
import type { EvaluationReport, RecordResult } from '../format/report.js';
import type { Io } from '../io.js';
import { DEFAULT_MATRIX, DEFAULT_RECORD, resolveInput } from '../load/bundled.js';
import { loadMatrix, type LoadedMatrix } from '../load/load-matrix.js';
import { loadRecord, type LoadedRecord } from '../load/load-record.js';
import { INPUT_FORMATS, readsAsNdjson, type InputFormat } from '../load/ndjson.js';
import { readInputFile } from '../load/read-input.js';
import { TOOL } from '../package-info.js';
import { streamOutput, writeOutputs, type StreamedOutput } from '../write-output.js';
import type { CommandContext } from './context.js';
import { addOutputOptions, jsonOnStdout, type OutputTarget } from './output-options.js';
import { progressLine } from './progress.js';

export function registerEvaluate(program: Command, context: CommandContext): void {
  const command = program
    .command('evaluate')
    .description('score records against a matrix (no arguments: the bundled Lewis matrix on the 2015 Xi–Obama record)')
    .argument('[records...]', 'record files (YAML or JSON), bundled record ids, or - for stdin')
    .option('-m, --matrix <file|id>', 'matrix file or bundled matrix id (default: lewis-2015)')
    .option('--as-of <date>', 'judge as of this date (YYYY-MM-DD): later events do not exist yet')
    .option('--fail-below <score>', 'exit 1 when a record scores below this total (0-100)', parseScore)
    .option('--explain', 'say, for each criterion, why it did not reach the next level up', false)
    .option('--require-sources', 'fail (exit 2) when an event that earned a level cites no source', false)
    .option('--input-format <format>', 'records as yaml (YAML or JSON, one per file), ndjson (one JSON record per line, streamed), or auto: ndjson for .ndjson and .jsonl files', parseInputFormat, 'auto')
    .option('--no-color', 'no colour (also: NO_COLOR, or when stdout is not a terminal)');
  // -f and -o repeat and pair up: -f json -o out.json -f markdown -o out.md (src/commands/output-options.ts).
  const outputs = addOutputOptions(command, FORMAT_NAMES, 'table');
  command.action(async (records: string[], options: Omit<EvaluateCommandOptions, 'outputs'>) => {
    const targets = outputs();
    context.setJsonErrors(jsonOnStdout(targets));
    const run = { ...options, outputs: targets, color: context.useColor(options.color) };
    if (options.inputFormat === 'ndjson' && records.length === 0) {
      throw inputError('USAGE', undefined, '--input-format ndjson needs record files, or - for stdin');
    }
    checkRun(records, run);
    const streaming = records.some((arg) => readsAsNdjson(arg, options.inputFormat));
    context.setExitCode(streaming ? await runEvaluateStreaming(records, run, context.io) : runEvaluate(records, run, context.io));
  });
}

function parseInputFormat(value: string): InputFormat {
  if (!(INPUT_FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${INPUT_FORMATS.join(', ')}.`);
  return value as InputFormat;
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
  /** Each format, and the file it goes to (none: stdout). */
  readonly outputs: readonly OutputTarget<FormatName>[];
  readonly asOf?: string;
  readonly failBelow?: number;
  readonly explain: boolean;
  readonly requireSources?: boolean;
  /** Colour on stdout (files never get colour). */
  readonly color: boolean;
  /** How record files are read (default auto: NDJSON for .ndjson and .jsonl). */
  readonly inputFormat?: InputFormat;
}

/** The checks of every evaluate run, before any input is read. */
function checkRun(recordArgs: readonly string[], options: EvaluateCommandOptions): void {
  if (options.asOf !== undefined && dayNumber(options.asOf) === undefined) {
    throw inputError('BAD_AS_OF', undefined, `--as-of ${options.asOf} is not a calendar date`, 'use YYYY-MM-DD');
  }
  if (recordArgs.filter((arg) => arg === '-').length > 1) {
    throw inputError('USAGE', undefined, 'stdin (-) can be read only once');
  }
}

/** Evidence that cites no source, as --require-sources reports it. */
function unsourcedEvidence(result: CaseResult): Diagnostic[] {
  return evidenceOf(result)
    .filter((item) => item.sources.length === 0)
    .map((item) => ({
      severity: 'error',
      code: 'UNSOURCED_EVIDENCE',
      ...(item.location ?? {}),
      message: `event ${item.event} earned a level but cites no source`,
      hint: 'add `sources:` to it, or run without --require-sources',
    }));
}

function belowThreshold(score: number | null, threshold: number | undefined): boolean {
  return threshold !== undefined && (score === null || score < threshold);
}

function belowLine(id: string, score: number | null, threshold: number | undefined): string {
  return `below --fail-below ${threshold}: ${safeText(id)} scored ${score ?? 'no total'}\n`;
}

function reportHead(matrix: LoadedMatrix, options: EvaluateCommandOptions): Omit<EvaluationReport, 'results' | 'bundledDefault'> {
  return {
    tool: TOOL,
    matrix: { definition: matrix.matrix, file: matrix.file, sha256: matrix.sha256, ...(matrix.extends && { extends: matrix.extends }) },
    asOf: options.asOf ?? null,
  };
}

/** Renders every output before writing any; files are written all or nothing, stdout last. */
function writeEvaluation(report: EvaluationReport, options: EvaluateCommandOptions, io: Io): void {
  const rendered = options.outputs.map((target) => ({
    ...(target.file !== undefined && { file: target.file }),
    text: formatters[target.format](report, { color: target.file === undefined && options.color, explain: options.explain }),
  }));
  writeOutputs(rendered, io.stdout);
}

/** Loads, scores, formats and writes; returns the exit code (0 scored, 1 below --fail-below). */
export function runEvaluate(recordArgs: readonly string[], options: EvaluateCommandOptions, io: Io): number {
  const bundledDefault = recordArgs.length === 0 && options.matrix === undefined;
  const stdin = () => io.readStdin();
  const matrixFile = resolveInput('matrix', options.matrix ?? DEFAULT_MATRIX);
  const records = recordArgs.length > 0 ? recordArgs : [DEFAULT_RECORD];

  // Every input is loaded before any is scored, so one run reports the problems of all of them.
  const { problems, attempt } = collectProblems();
  const matrix = attempt(() => loadMatrix(readInputFile(matrixFile, stdin)));
  const progress = records.length > 1 ? progressLine(io, 'reading and scoring records') : undefined;
  const loaded = records.map((arg, i) => {
    const record = attempt(() => loadRecord(readInputFile(resolveInput('record', arg), stdin)));
    progress?.(i + 1, 2 * records.length);
    return record;
  });
  if (problems.length > 0 || !matrix) {
    progress?.(2 * records.length, 2 * records.length);
    throw new InputError(problems);
  }

  const compiled = compileMatrix(matrix.matrix);
  const results: RecordResult[] = (loaded as LoadedRecord[]).map((record, i) => {
    const result = evaluateRecord(compiled, record.record, options.asOf === undefined ? {} : { asOf: options.asOf });
    progress?.(records.length + i + 1, 2 * records.length);
    return { file: record.file, sha256: record.sha256, result };
  });
  if (options.requireSources) {
    const unsourced = results.flatMap(({ result }) => unsourcedEvidence(result));
    if (unsourced.length > 0) throw new InputError(unsourced);
  }
  writeEvaluation({ ...reportHead(matrix, options), results, bundledDefault }, options, io);

  const failing = results.filter(({ result }) => belowThreshold(result.score, options.failBelow));
  for (const { result } of failing) io.stderr(belowLine(result.record.id, result.score, options.failBelow));
  return failing.length > 0 ? 1 : 0;
}

/**
 * The streaming mode, for runs with NDJSON records among their inputs. With only `-f ndjson`
 * outputs, each record is scored and its line written as it is read, so memory holds one record,
 * not the file; other formats need every result before they print, so the results are gathered.
 *
 * As everywhere, input problems are errors with file:line:col (the line of the NDJSON file) and
 * exit 2. Streaming, the lines already written to stdout stay written: from the first problem on
 * no more results are written, the rest of the input is still read so that one run reports every
 * problem (each on stderr as it is found, so a file of bad lines cannot fill memory), and a file
 * named with -o is not replaced.
 */
async function runEvaluateStreaming(recordArgs: readonly string[], options: EvaluateCommandOptions, io: Io): Promise<number> {
  const { ndjsonSource, readNdjsonRecords } = await import('../load/ndjson.js');
  const stdin = () => io.readStdin();
  const matrix = loadMatrix(readInputFile(resolveInput('matrix', options.matrix ?? DEFAULT_MATRIX), stdin));
  const compiled = compileMatrix(matrix.matrix);
  const head = reportHead(matrix, options);
  const evaluateOptions = options.asOf === undefined ? {} : { asOf: options.asOf };
  const streaming = options.outputs.every((target) => target.format === 'ndjson');
  const problems: Diagnostic[] = [];
  const problem = (diagnostics: readonly Diagnostic[]) => {
    failed = true;
    if (streaming) io.stderr(diagnosticLines(diagnostics));
    else problems.push(...diagnostics);
  };
  let failed = false;
  const writers: StreamedOutput[] = [];
  const line = ndjsonResultLine(head);
  const gathered: RecordResult[] = [];
  // Only what the message needs: a stream of failing records must not keep their results.
  const below: { readonly id: string; readonly score: number | null }[] = [];

  const score = (loaded: LoadedRecord) => {
    const result = evaluateRecord(compiled, loaded.record, evaluateOptions);
    if (options.requireSources) {
      const unsourced = unsourcedEvidence(result);
      if (unsourced.length > 0) return problem(unsourced);
    }
    if (belowThreshold(result.score, options.failBelow)) below.push({ id: result.record.id, score: result.score });
    const recordResult: RecordResult = { file: loaded.file, sha256: loaded.sha256, result };
    if (!streaming) gathered.push(recordResult);
    else if (!failed) {
      const text = line(recordResult);
      for (const writer of writers) writer.write(text);
    }
  };
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problem(error.diagnostics);
      return undefined;
    }
  };

  try {
    if (streaming) for (const target of options.outputs) writers.push(streamOutput(target.file, io.stdout));
    for (const arg of recordArgs) {
      if (!readsAsNdjson(arg, options.inputFormat)) {
        const loaded = attempt(() => loadRecord(readInputFile(resolveInput('record', arg), stdin)));
        if (loaded) score(loaded);
        continue;
      }
      const source = attempt(() => ndjsonSource(arg, io));
      if (!source) continue;
      for await (const item of readNdjsonRecords(arg, source, io.env)) {
        if (item.record) score(item.record);
        else problem(item.diagnostics);
      }
    }
    if (streaming && failed) {
      for (const writer of writers) writer.abandon();
      return 2;
    }
    for (const writer of writers) writer.finish();
  } catch (error) {
    for (const writer of writers) writer.abandon();
    throw error;
  }
  if (!streaming) {
    if (failed) throw new InputError(problems);
    writeEvaluation({ ...head, results: gathered, bundledDefault: false }, options, io);
  }
  for (const { id, score } of below) io.stderr(belowLine(id, score, options.failBelow));
  return below.length > 0 ? 1 : 0;
}
