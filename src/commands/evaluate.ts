import { InvalidArgumentError, type Command } from 'commander';
import { collectProblems, diagnosticLines, formatDiagnostic, InputError, inputError, type Diagnostic } from '../diagnostics.js';
import { hundredths, reaches } from '../engine/band-edge.js';
import {
  compileMatrix,
  dayNumber,
  evaluateRecord,
  evidenceOf,
  UNVERIFIED_MODES,
  type CaseResult,
  type EvaluateOptions,
  type UnverifiedMode,
} from '../engine/index.js';
import { BOM, ndjsonResultLine, streamedNdjson } from '../format/csv.js';
import { FORMAT_NAMES, type FormatName } from '../format/formatter.js';
import { formatters } from '../format/index.js';
import { safeText } from '../terminal-text.js';
import type { EvaluationReport, RecordResult } from '../format/report.js';
import type { Io } from '../io.js';
import { bundledIds, DEFAULT_MATRIX, DEFAULT_RECORD, resolveInput } from '../load/bundled.js';
import { loadMatrix, type LoadedMatrix } from '../load/load-matrix.js';
import type { LoadedRecord } from '../load/load-record.js';
import { INPUT_FORMATS, readsAsNdjson, type InputFormat } from '../load/ndjson.js';
import { checkLoadedVocabulary, checkStreamedVocabulary } from '../load/check-vocabulary.js';
import { inputReader, readInputFile, type InputText } from '../load/read-input.js';
import { TOOL } from '../package-info.js';
import { streamOutput, writeOutputs, type StreamedOutput } from '../write-output.js';
import { renderVisuals } from './visual-outputs.js';
import { isVisualFormat, VISUAL_FORMATS, type VisualFormat } from '../format/visual-formats.js';
import { formatJson, streamedJson } from '../format/json.js';
import type { CommandContext } from './context.js';
import { BIBLIOGRAPHY_OPTION, findInputFiles, loadAs, loadFoundRecord, noRecordFound, type FoundInputs } from './load-inputs.js';
import type { FoundFile } from '../load/expand-paths.js';
import { withBibliography } from '../load/load-bibliography.js';
import { beforeSummit, beforeSummitWarning, notHeld } from './not-held.js';
import { addOutputOptions, helpExamples, jsonOnStdout, type OutputTarget } from './output-options.js';
import { progressLine } from './progress.js';
import type { EvaluationDocument } from '../format/html/documents.js';
import { EXIT } from '../exit-codes.js';
import { itemAt } from '../checked-index.js';

export function registerEvaluate(program: Command, context: CommandContext): void {
  const command = program
    .command('evaluate')
    .description('score records against a matrix (no arguments at all: the bundled Lewis matrix on the 2015 Xi–Obama record, as an example)')
    .argument('[records...]', 'record files (YAML, JSON or NDJSON), folders (the records in them) or globs, bundled record ids, or - for stdin')
    .option('-m, --matrix <file|id>', 'matrix file or bundled matrix id (needed whenever records are named)')
    .option('--as-of <date>', 'judge as of this date (YYYY-MM-DD): later events do not exist yet')
    .option('--fail-below <score>', 'exit 1 when a record scores below this total (0-100)', parseScore)
    .option('--explain', 'say, for each criterion, why it did not reach the next level up', false)
    .option(
      '--unverified <mode>',
      'events whose every source is marked verified: false: include (as given), unknown (may not have happened), or exclude (as absent)',
      parseUnverified,
      'include',
    )
    .option('--require-sources', 'fail (exit 2) when an event that earned a level cites no source', false)
    .option('--bibliography <file>', BIBLIOGRAPHY_OPTION)
    .option(
      '--strict',
      'a record value the matrix does not declare, or a field it reads that events leave unstated, is an error (exit 2), not a warning',
      false,
    )
    .option(
      '--input-format <format>',
      'records as yaml (YAML or JSON, one per file), ndjson (one JSON record per line, streamed), or auto: ndjson for .ndjson and .jsonl files',
      parseInputFormat,
      'auto',
    )
    .option('--color', 'colour even when stdout is not a terminal (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR or FORCE_COLOR=0; the default when stdout is not a terminal)');
  // -f and -o repeat and pair up: -f json -o out.json -f markdown -o out.md (src/commands/output-options.ts).
  const outputs = addOutputOptions(command, [...FORMAT_NAMES, ...VISUAL_FORMATS], 'table');
  command.addHelpText(
    'after',
    helpExamples([
      'evaluate                 # the bundled example',
      'evaluate my-record.yaml -m my-matrix.yaml --explain',
      'evaluate records/*.yaml -m lewis-2015 -f csv -o scores.csv',
    ]),
  );
  command.action(
    async (
      records: string[],
      options: Omit<EvaluateCommandOptions, 'outputs' | 'notice' | 'quiet' | 'color' | 'width' | 'fileWidth'> & { color?: boolean },
    ) => {
      const targets = outputs();
      context.setJsonErrors(jsonOnStdout(targets));
      checkInputsNamed(records, options.matrix);
      const run = {
        ...options,
        outputs: targets,
        color: context.useColor(options.color),
        width: context.outputWidth(true),
        fileWidth: context.outputWidth(false),
        quiet: context.quiet,
        notice: context.notice,
      };
      if (options.inputFormat === 'ndjson' && records.length === 0) {
        throw inputError('USAGE', undefined, '--input-format ndjson needs record files, or - for stdin');
      }
      checkRun(records, run);
      // Folders and globs are found as validate finds them; the files are read as the records
      // they hold (findInputFiles, src/commands/load-inputs.ts: one finder for every command).
      const found = findInputFiles(records);
      // NDJSON records are read as a stream (runEvaluateStreaming below).
      if (found.files.some((file) => readsAsNdjson(file.path, formatOf(file, options.inputFormat)))) {
        const chart = targets.find((target) => isVisualFormat(target.format));
        if (chart)
          throw inputError(
            'USAGE',
            undefined,
            `-f ${chart.format} needs the whole run in memory, not a stream of NDJSON records`,
            'score the records as YAML or JSON files, or use -f json and render that',
          );
        context.setExitCode(await withBibliography(options.bibliography, inputReader(context.io), () => runEvaluateStreaming(records, found, run, context.io)));
        return;
      }
      context.setExitCode(await withBibliography(options.bibliography, inputReader(context.io), () => runEvaluate(records, found, run, context.io)));
    },
  );
}

/**
 * The bundled example is for a bare `summit-score evaluate` only: a run that names records or a
 * matrix but not both lost an argument, and scoring the bundled one in its place would hide that.
 */
function checkInputsNamed(records: readonly string[], matrix: string | undefined): void {
  if (records.length > 0 && matrix === undefined) {
    throw inputError(
      'USAGE',
      undefined,
      `no matrix to score ${records.length === 1 ? records[0] : `${records.length} records`} against`,
      `add -m MATRIX: a matrix file, or a bundled id (${bundledIds('matrix').join(', ')}); e.g. summit-score evaluate ${records[0]} -m ${DEFAULT_MATRIX}`,
    );
  }
  if (records.length === 0 && matrix !== undefined) {
    throw inputError(
      'USAGE',
      undefined,
      `-m ${matrix} names a matrix but no record to score`,
      `name the records (files, bundled ids, or - for stdin): e.g. summit-score evaluate ${DEFAULT_RECORD} -m ${matrix}`,
    );
  }
}

/** --input-format is for the files named; those found in a folder or by a glob are read by their extension. */
function formatOf(file: FoundFile, format: InputFormat | undefined): InputFormat | undefined {
  return file.explicit ? format : 'auto';
}

function parseUnverified(value: string): UnverifiedMode {
  if (!(UNVERIFIED_MODES as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${UNVERIFIED_MODES.join(', ')}.`);
  return value as UnverifiedMode;
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
  readonly outputs: readonly OutputTarget<FormatName | VisualFormat>[];
  readonly asOf?: string;
  readonly failBelow?: number;
  readonly explain: boolean;
  /** How events resting only on unverified sources count (default include). */
  readonly unverified?: UnverifiedMode;
  readonly requireSources?: boolean;
  /** A bibliography file whose keys the records and matrix may cite beside the bundled ones. */
  readonly bibliography?: string;
  /** Colour on stdout (files never get colour). */
  readonly color: boolean;
  /** The columns a table on stdout, and one in a file, may use (default: 80). */
  readonly width?: number;
  readonly fileWidth?: number;
  /** Vocabulary problems of the records (src/load/check-vocabulary.ts) are errors. */
  readonly strict?: boolean;
  /** How record files are read (default auto: NDJSON for .ndjson and .jsonl). */
  readonly inputFormat?: InputFormat;
  /** --quiet: the table does not say that it scores the bundled example. */
  readonly quiet?: boolean;
  /** Where warnings for people go (stderr, unless --quiet). */
  readonly notice?: (text: string) => void;
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
      ...(item.location && { file: item.location.file, line: item.location.line, col: item.location.col }),
      message: `event ${item.event} earned a level but cites no source`,
      hint: 'add `sources:` to it, or run without --require-sources',
    }));
}

/** Judged as a band edge is: by the total as printed (src/engine/band-edge.ts). */
function belowThreshold(score: number | null, threshold: number | undefined): boolean {
  return threshold !== undefined && (score === null || !reaches(score, threshold));
}

function belowLine(id: string, score: number | null, threshold: number | undefined): string {
  return `below --fail-below ${threshold}: ${safeText(id)} scored ${score === null ? 'no total' : hundredths(score).toFixed(2)}\n`;
}

function reportHead(matrix: LoadedMatrix, options: EvaluateCommandOptions): Omit<EvaluationReport, 'results' | 'bundledDefault'> {
  return {
    tool: TOOL,
    matrix: { definition: matrix.matrix, file: matrix.file, sha256: matrix.sha256, ...(matrix.extends && { extends: matrix.extends }) },
    asOf: options.asOf ?? null,
  };
}

/** Renders every output before writing any; files are written all or nothing, stdout last. */
function writeEvaluation(report: EvaluationReport, options: EvaluateCommandOptions, io: Io, visuals: ReadonlyMap<VisualFormat, string> = new Map()): void {
  const rendered = options.outputs.map((target) => ({
    ...(target.file !== undefined && { file: target.file }),
    text: isVisualFormat(target.format)
      ? visuals.get(target.format)!
      : target.format === 'json' && !target.bom
        ? streamedJson(report)
        : target.format === 'ndjson' && !target.bom
          ? streamedNdjson(report)
          : (target.bom ? BOM : '') +
            formatters[target.format](report, {
              color: target.file === undefined && options.color,
              explain: options.explain,
              width: target.file === undefined ? options.width : options.fileWidth,
            }),
  }));
  writeOutputs(rendered, io.stdout);
}

/** A record scored: a summit that had not happened yet by --as-of is not held (and says so). */
function scoreRecord(compiled: ReturnType<typeof compileMatrix>, record: LoadedRecord, options: EvaluateCommandOptions, io: Io): CaseResult {
  const scored = evaluateRecord(compiled, record.record, evaluateOptionsOf(options));
  if (!beforeSummit(scored)) return scored;
  (options.notice ?? ((text) => io.stderr(`${text}\n`)))(beforeSummitWarning(scored));
  return notHeld(scored);
}

/** Loads, scores, formats and writes; returns the exit code (0 scored, 1 below --fail-below). */
export async function runEvaluate(recordArgs: readonly string[], found: FoundInputs, options: EvaluateCommandOptions, io: Io): Promise<number> {
  const bundledDefault = recordArgs.length === 0 && options.matrix === undefined;
  const stdin = inputReader(io);
  const matrixFile = resolveInput('matrix', options.matrix ?? DEFAULT_MATRIX);
  const files: readonly FoundFile[] = recordArgs.length > 0 ? found.files : [{ path: DEFAULT_RECORD, explicit: true }];

  // Every input is loaded before any is scored, so one run reports the problems of all of them.
  const { problems, attempt } = collectProblems();
  problems.push(...found.problems);
  const matrix = attempt(() => loadAs('matrix', readInputFile(matrixFile, stdin), loadMatrix));
  const progress = files.length > 1 ? progressLine(io, 'reading and scoring records') : undefined;
  const inputs: InputText[] = [];
  const loaded: LoadedRecord[] = [];
  files.forEach((file, i) => {
    const record = attempt(() => loadFoundRecord(file, stdin));
    if (record) {
      inputs.push(record.input);
      loaded.push(record.loaded);
    }
    progress?.(i + 1, 2 * files.length);
  });
  if (problems.length === 0 && loaded.length === 0) problems.push(...noRecordFound(recordArgs).diagnostics);
  if (problems.length > 0 || !matrix) {
    progress?.(1, 1);
    throw new InputError(problems);
  }

  // What the records say that the matrix cannot read: warnings on stderr, errors under --strict.
  const vocabulary = loaded.map((record, i) =>
    checkLoadedVocabulary(matrix.matrix, record.record, itemAt(inputs, i), { strict: options.strict ?? false, unstated: 'all' }),
  );
  if (options.strict && vocabulary.some((found) => found.length > 0)) throw new InputError(vocabulary.flat());

  const compiled = compileMatrix(matrix.matrix);
  const results: RecordResult[] = loaded.map((record, i) => {
    // Each record's warnings before what its scoring says, as a stream of NDJSON records has them.
    for (const warning of itemAt(vocabulary, i)) (options.notice ?? ((text) => io.stderr(`${text}\n`)))(safeText(formatDiagnostic(warning)));
    const result = scoreRecord(compiled, record, options, io);
    // Scoring is the second half of the line, whatever share of the files held records.
    progress?.(files.length + Math.round(((i + 1) * files.length) / loaded.length), 2 * files.length);
    return { file: record.file, sha256: record.sha256, result };
  });
  if (options.requireSources) {
    const unsourced = results.flatMap(({ result }) => unsourcedEvidence(result));
    if (unsourced.length > 0) throw new InputError(unsourced);
  }
  // The table says it scores the bundled example, unless --quiet.
  const report: EvaluationReport = { ...reportHead(matrix, options), results, bundledDefault: bundledDefault && !options.quiet };
  const visuals = await renderVisuals(options.outputs, () => ({
    kind: 'evaluation',
    doc: JSON.parse(formatJson(report, { color: false, explain: true })) as EvaluationDocument,
    matrix: matrix.matrix,
  }));
  writeEvaluation(report, options, io, visuals);

  const failing = results.filter(({ result }) => belowThreshold(result.score, options.failBelow));
  for (const { result } of failing) io.stderr(belowLine(result.record.id, result.score, options.failBelow));
  return failing.length > 0 ? EXIT.failed : EXIT.ok;
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
async function runEvaluateStreaming(recordArgs: readonly string[], found: FoundInputs, options: EvaluateCommandOptions, io: Io): Promise<number> {
  const { ndjsonSource, readNdjsonRecords } = await import('../load/ndjson.js');
  const stdin = inputReader(io);
  const matrix = loadAs('matrix', readInputFile(resolveInput('matrix', options.matrix ?? DEFAULT_MATRIX), stdin), loadMatrix);
  const compiled = compileMatrix(matrix.matrix);
  const head = reportHead(matrix, options);
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
    const vocabulary = checkStreamedVocabulary(matrix.matrix, loaded.record, loaded.file, { strict: options.strict ?? false, unstated: 'all' });
    if (options.strict && vocabulary.length > 0) return problem(vocabulary);
    for (const warning of vocabulary) (options.notice ?? ((text) => io.stderr(`${text}\n`)))(safeText(formatDiagnostic(warning)));
    const result = scoreRecord(compiled, loaded, options, io);
    if (options.requireSources) {
      const unsourced = unsourcedEvidence(result);
      if (unsourced.length > 0) return problem(unsourced);
    }
    if (belowThreshold(result.score, options.failBelow)) below.push({ id: result.record.id, score: result.score });
    const recordResult: RecordResult = { file: loaded.file, sha256: loaded.sha256, result };
    if (!streaming) gathered.push(recordResult);
    else if (!failed) line(recordResult, (piece) => writers.forEach((writer) => writer.write(piece)));
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
    if (found.problems.length > 0) problem(found.problems);
    let read = 0;
    for (const file of found.files) {
      if (!readsAsNdjson(file.path, formatOf(file, options.inputFormat))) {
        const loaded = attempt(() => loadFoundRecord(file, stdin)?.loaded);
        if (loaded) {
          read++;
          score(loaded);
        }
        continue;
      }
      const source = attempt(() => ndjsonSource(file.path, io, stdin.maxBytes));
      if (!source) continue;
      for await (const item of readNdjsonRecords(file.path, source, stdin.maxBytes)) {
        read++;
        if (item.record) score(item.record);
        else problem(item.diagnostics);
      }
    }
    if (read === 0 && !failed) problem(noRecordFound(recordArgs).diagnostics);
    if (streaming && failed) {
      for (const writer of writers) writer.abandon();
      return EXIT.cannotRun;
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
  return below.length > 0 ? EXIT.failed : EXIT.ok;
}

/** The engine's options from the command's: only those given, so the defaults stay the engine's. */
function evaluateOptionsOf(options: { readonly asOf?: string; readonly unverified?: UnverifiedMode; readonly explain?: boolean }): EvaluateOptions {
  return {
    ...(options.asOf !== undefined && { asOf: options.asOf }),
    ...(options.unverified !== undefined && { unverified: options.unverified }),
    // --explain also says, for what the record leaves open, what each declared value would make of it.
    ...(options.explain === true && { settle: true }),
  };
}
