import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EvaluateCommandOptions } from '../commands/evaluate.js';
import { formatDiagnostic, InputError, inputError, type Diagnostic } from '../diagnostics.js';
import { compileMatrix, dayNumber, evaluateRecord, evidenceOf, type CaseResult } from '../engine/index.js';
import { ndjsonResultLine } from '../format/csv.js';
import type { EvaluationReport, RecordResult } from '../format/report.js';
import type { Io } from '../io.js';
import { TOOL } from '../package-info.js';
import { beforeSummit, beforeSummitWarning, notHeld } from '../commands/not-held.js';
import { writeEvaluation } from '../commands/write-evaluation.js';
import { DEFAULT_MATRIX, resolveInput } from './bundled.js';
import { loadMatrix } from './load-matrix.js';
import { loadRecord, type LoadedRecord } from './load-record.js';
import { ndjsonSource, readNdjsonRecords, readsAsNdjson } from './ndjson.js';
import { readInputFile } from './read-input.js';
import { checkStreamedVocabulary } from './check-vocabulary.js';
import { safeText } from '../format/terminal-text.js';

/**
 * `evaluate` with NDJSON records among its inputs. With only `-f ndjson` outputs, each record is
 * scored and its line written as it is read, so memory holds one record, not the file; other
 * formats need every result before they print, so the results are gathered first.
 *
 * As everywhere, input problems are errors with file:line:col (the line of the NDJSON file) and
 * exit 2. Streaming, the lines already written stay written: from the first problem on no more
 * results are written, the rest of the input is still read so that one run reports every
 * problem, and a file named with -o is not replaced (it is written to a temporary file first).
 */
export async function runEvaluateNdjson(recordArgs: readonly string[], options: EvaluateCommandOptions, io: Io): Promise<number> {
  if (options.asOf !== undefined && dayNumber(options.asOf) === undefined) {
    throw inputError('BAD_AS_OF', undefined, `--as-of ${options.asOf} is not a calendar date`, 'use YYYY-MM-DD');
  }
  if (recordArgs.filter((arg) => arg === '-').length > 1) throw inputError('USAGE', undefined, 'stdin (-) can be read only once');
  const stdin = () => io.readStdin();
  const matrix = loadMatrix(readInputFile(resolveInput('matrix', options.matrix ?? DEFAULT_MATRIX), stdin));
  const compiled = compileMatrix(matrix.matrix);
  const report: Omit<EvaluationReport, 'results'> = {
    tool: TOOL,
    matrix: { definition: matrix.matrix, file: matrix.file, sha256: matrix.sha256, ...(matrix.extends && { extends: matrix.extends }) },
    asOf: options.asOf ?? null,
    bundledDefault: false,
  };
  const evaluateOptions = options.asOf === undefined ? {} : { asOf: options.asOf };
  const streaming = options.outputs.every((target) => target.format === 'ndjson');
  const problems: Diagnostic[] = [];
  // Streaming, problems go to stderr as they are found, so that a file of bad lines cannot fill memory.
  const problem = (diagnostics: readonly Diagnostic[]) => {
    if (streaming) io.stderr(diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join(''));
    else problems.push(...diagnostics);
  };
  let failed = false;
  const writers = streaming ? options.outputs.map((target) => lineWriter(target.file, io)) : [];
  const line = ndjsonResultLine(report);
  const gathered: RecordResult[] = [];
  // Only what the message needs: a stream of failing records must not keep their results.
  const below: { readonly id: string; readonly score: number | null }[] = [];
  const threshold = options.failBelow;

  const score = (loaded: LoadedRecord) => {
    const vocabulary = checkStreamedVocabulary(matrix.matrix, loaded.record, loaded.file, { strict: options.strict ?? false, unstated: 'all' });
    if (vocabulary.length > 0) {
      if (options.strict) {
        failed = true;
        problem(vocabulary);
        return;
      }
      for (const warning of vocabulary) (options.notice ?? ((text) => io.stderr(`${text}\n`)))(safeText(formatDiagnostic(warning)));
    }
    const scored = evaluateRecord(compiled, loaded.record, evaluateOptions);
    if (beforeSummit(scored)) (options.notice ?? ((text) => io.stderr(`${text}\n`)))(beforeSummitWarning(scored));
    const result = beforeSummit(scored) ? notHeld(scored) : scored;
    if (options.requireSources) {
      const unsourced = unsourcedEvidence(result);
      if (unsourced.length > 0) {
        failed = true;
        problem(unsourced);
        return;
      }
    }
    if (threshold !== undefined && (result.score === null || result.score < threshold)) below.push({ id: result.record.id, score: result.score });
    const recordResult: RecordResult = { file: loaded.file, sha256: loaded.sha256, result };
    if (!streaming) gathered.push(recordResult);
    else if (!failed) {
      const text = line(recordResult);
      for (const writer of writers) writer.write(text);
    }
  };

  try {
    for (const arg of recordArgs) {
      if (!readsAsNdjson(arg, options.inputFormat)) {
        let loaded: LoadedRecord | undefined;
        try {
          loaded = loadRecord(readInputFile(resolveInput('record', arg), stdin));
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          failed = true;
          problem(error.diagnostics);
        }
        if (loaded) score(loaded);
        continue;
      }
      let source;
      try {
        source = ndjsonSource(arg, io);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        failed = true;
        problem(error.diagnostics);
        continue;
      }
      for await (const item of readNdjsonRecords(arg, source, io.env)) {
        if (item.record) score(item.record);
        else {
          failed = true;
          problem(item.diagnostics);
        }
      }
    }
  } catch (error) {
    for (const writer of writers) writer.abandon();
    throw error;
  }

  if (streaming) {
    if (failed) {
      for (const writer of writers) writer.abandon();
      return 2;
    }
    for (const writer of writers) writer.finish();
  } else {
    if (failed) throw new InputError(problems);
    writeEvaluation({ ...report, results: gathered }, options, io);
  }
  for (const { id, score } of below) io.stderr(`below --fail-below ${threshold}: ${id} scored ${score ?? 'no total'}\n`);
  return below.length > 0 ? 1 : 0;
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

interface LineWriter {
  write(text: string): void;
  /** Renames the temporary file into place. */
  finish(): void;
  /** Removes the temporary file: a failed run leaves the last good output where it was. */
  abandon(): void;
}

const FLUSH_AT = 1 << 16;

/** Writes lines to stdout as they come (in blocks), or to a temporary file renamed into place at the end. */
function lineWriter(path: string | undefined, io: Io): LineWriter {
  let buffered = '';
  if (path === undefined) {
    const flush = () => {
      if (buffered !== '') io.stdout(buffered);
      buffered = '';
    };
    return {
      write: (text) => {
        buffered += text;
        if (buffered.length >= FLUSH_AT) flush();
      },
      finish: flush,
      abandon: flush,
    };
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const failed = (error: unknown): never => {
    rmSync(temporary, { force: true });
    throw inputError('OUTPUT_FAILED', path, `cannot write the output: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  };
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w');
  } catch (error) {
    failed(error);
  }
  const flush = () => {
    try {
      if (buffered !== '') writeSync(fd!, buffered);
    } catch (error) {
      closeSync(fd!);
      failed(error);
    }
    buffered = '';
  };
  return {
    write: (text) => {
      buffered += text;
      if (buffered.length >= FLUSH_AT) flush();
    },
    finish: () => {
      flush();
      closeSync(fd!);
      try {
        renameSync(temporary, path);
      } catch (error) {
        failed(error);
      }
    },
    abandon: () => {
      closeSync(fd!);
      rmSync(temporary, { force: true });
    },
  };
}
