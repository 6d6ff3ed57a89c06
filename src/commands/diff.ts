import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { collectProblems, InputError, inputError, type Diagnostic } from '../diagnostics.js';
import { diffEvaluations, type Snapshot, type SnapshotCell } from '../engine/diff.js';
import { diffFormats, type DiffReport } from '../format/diff.js';
import { EVALUATION_SCHEMA_ID } from '../format/json.js';
import { EVALUATION_RESULT_SCHEMA_ID } from '../format/csv.js';
import { FORMAT_NAMES } from '../format/formatter.js';
import { inputReader, readInputFile, type InputReader, type InputText } from '../load/read-input.js';
import type { FoundFile } from '../load/expand-paths.js';
import { parseJsonDocument } from '../load/json-document.js';
import { isNdjsonPath } from '../load/ndjson.js';
import { parseInput } from '../load/load-document.js';
import type { DataPath, ParsedDocument } from '../load/yaml-document.js';
import { TOOL } from '../package-info.js';
import type { CommandContext } from './context.js';
import { findInputFiles } from './load-inputs.js';
import { addOutputOptions, helpExamples, jsonOnStdout, writeOutputs } from './output-options.js';
import { itemAt } from '../checked-index.js';

export function registerDiff(program: Command, context: CommandContext): void {
  const command = program
    .command('diff')
    .description('compare two evaluations (from evaluate -f json or -f ndjson): score, level, verdict and rank changes per record and criterion')
    .addHelpText(
      'after',
      helpExamples([
        'diff before.json after.json',
        'diff before.json after.json -f markdown -o changes.md',
        'diff my-runs/before/ my-runs/after.ndjson   # folders, globs and NDJSON too',
      ]),
    )
    .argument('<a>', 'the first evaluation: evaluate -f json or -f ndjson output, a folder or glob of them, or - for stdin')
    .argument('<b>', 'the second evaluation, named the same ways')
    .option('--color', 'colour even when stdout is not a terminal (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR or FORCE_COLOR=0; the default when stdout is not a terminal)');
  const outputs = addOutputOptions(command, FORMAT_NAMES, 'table');
  command.action((a: string, b: string, options: { color?: boolean }) => {
    const targets = outputs();
    context.setJsonErrors(jsonOnStdout(targets));
    if (a === '-' && b === '-') throw inputError('USAGE', undefined, 'stdin (-) can be read only once');
    const problems: Diagnostic[] = [];
    const read = (arg: string) => {
      try {
        return readSide(arg, inputReader(context.io));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(...error.diagnostics);
        return undefined;
      }
    };
    const first = read(a);
    const second = read(b);
    if (!first || !second) throw new InputError(problems);
    const report: DiffReport = {
      tool: TOOL,
      a: first.input,
      b: second.input,
      diff: diffEvaluations(first.snapshot, second.snapshot),
    };
    writeOutputs(targets, (format, style) => diffFormats[format](report, style), context, options.color);
  });
}

/** What one side of a diff read: its name and hash, and the evaluations it holds as one. */
interface Side {
  readonly input: { readonly file: string; readonly sha256: string };
  readonly snapshot: Snapshot;
}

/** The evaluations of one file, or of one NDJSON line. */
interface Part {
  readonly file: string;
  readonly sha256: string;
  readonly snapshot: Snapshot;
  /** Where the file names its matrix, to place a mismatch. */
  readonly matrixAt: Pick<Diagnostic, 'file' | 'line' | 'col'>;
}

/**
 * One side of a diff, as validate finds files: an evaluation JSON (evaluate -f json), an NDJSON
 * file of results (evaluate -f ndjson, `.ndjson` or `.jsonl`, or on stdin), or a folder or glob
 * of them (where files that are not evaluations are passed over). Every result of a side joins
 * one snapshot, so every one of them must be under the same matrix. A side of one file is named
 * by that file and the sha256 of its bytes; a side of several by the argument, and the sha256 of
 * their `sha256sum` lines (`sha256sum FILES | sha256sum` gives it).
 */
function readSide(arg: string, stdin: InputReader): Side {
  const { problems, attempt } = collectProblems();
  const found = findInputFiles([arg]);
  problems.push(...found.problems);
  const parts: Part[] = [];
  for (const file of found.files) parts.push(...(attempt(() => evaluationsIn(file, stdin)) ?? []));
  if (problems.length === 0 && parts.length === 0)
    throw inputError('FILE_NOT_FOUND', arg, 'found no evaluation', 'diff reads the output of summit-score evaluate -f json or -f ndjson');
  const [head] = parts;
  for (const part of parts.slice(1)) {
    if (sameMatrix(part.snapshot.matrix, head!.snapshot.matrix)) continue;
    problems.push({
      severity: 'error',
      code: 'NOT_ALLOWED',
      ...part.matrixAt,
      path: 'matrix',
      message: `scored under matrix ${part.snapshot.matrix.id} ${part.snapshot.matrix.version}, where ${head!.file} is under ${head!.snapshot.matrix.id} ${head!.snapshot.matrix.version}`,
      hint: 'the evaluations of one side of a diff are under one matrix: diff each matrix on its own',
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  const files = [...new Map(parts.map((part) => [part.file, part.sha256])).entries()];
  const only = files.length === 1 ? itemAt(files, 0) : undefined;
  const sha256 = only
    ? only[1]
    : createHash('sha256')
        .update(files.map(([file, hash]) => `${hash}  ${file}\n`).join(''))
        .digest('hex');
  return {
    input: { file: only ? only[0] : arg, sha256 },
    snapshot: { matrix: head!.snapshot.matrix, results: parts.flatMap((part) => part.snapshot.results) },
  };
}

function sameMatrix(a: Snapshot['matrix'], b: Snapshot['matrix']): boolean {
  return a.id === b.id && a.version === b.version && (a.sha256 === null || b.sha256 === null || a.sha256 === b.sha256);
}

/**
 * The evaluations of one file: the one an evaluation JSON holds, or one per line of NDJSON (each
 * placed at its line: `file:LINE:col`). Undefined when a file found in a folder or by a glob is
 * not an evaluation.
 */
function evaluationsIn(found: FoundFile, stdin: InputReader): Part[] | undefined {
  const input = readInputFile(found.path, stdin);
  if (isNdjsonPath(found.path) || (found.path === '-' && holdsResultLines(input.text))) {
    const { problems, attempt } = collectProblems();
    const parts = input.text.split('\n').flatMap((text, i): Part[] => {
      if (text.trim() === '') return [];
      const doc = attempt(() => parsed(parseJsonDocument(input.file, text.replace(/\r$/, ''), i + 1)));
      const part = doc && attempt(() => checkedPart(doc, input, 'line'));
      return part ? [part] : [];
    });
    if (problems.length > 0) throw new InputError(problems);
    if (parts.length === 0) throw inputError('EMPTY_FILE', input.file, 'holds no line of JSON');
    return parts;
  }
  const doc = parsed(parseInput(input));
  const schema = schemaOf(doc.data);
  if (!found.explicit && schema !== EVALUATION_SCHEMA_ID && schema !== EVALUATION_RESULT_SCHEMA_ID) return undefined;
  // A file of one result line, such as `evaluate -f ndjson -o one.json` writes, is read as that line.
  return [checkedPart(doc, input, schema === EVALUATION_RESULT_SCHEMA_ID ? 'line' : 'evaluation')];
}

function parsed(doc: ParsedDocument | Diagnostic[]): ParsedDocument {
  if (Array.isArray(doc)) throw new InputError(doc);
  return doc;
}

function schemaOf(data: unknown): unknown {
  return data !== null && typeof data === 'object' ? (data as JsonObject)['schema'] : undefined;
}

/** Stdin holds NDJSON when its first line is a result line of evaluate -f ndjson on its own. */
function holdsResultLines(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
  try {
    return schemaOf(JSON.parse(first)) === EVALUATION_RESULT_SCHEMA_ID;
  } catch {
    return false;
  }
}

function checkedPart(doc: ParsedDocument, input: InputText, kind: 'evaluation' | 'line'): Part {
  const snapshot = checkSnapshot(doc, kind);
  return {
    file: input.file,
    sha256: input.sha256,
    snapshot,
    matrixAt: { file: doc.file, ...doc.locate(['matrix']) },
  };
}

/** An object of evaluation JSON as parsed, before its keys are checked. */
type JsonObject = Record<string, unknown>;

// What the matrix schema allows and evaluate derives from it (src/schema/matrix.schema.json).
const TOTALS = [0, 100] as const;
const WEIGHTS = [0, 1_000_000] as const;
const LEVEL_SCORES = [-1_000_000, 1_000_000] as const;
/** A level's points are its score above the criterion's lowest level. */
const POINTS = [0, 2_000_000] as const;

/**
 * Checks the fields diff uses of an evaluation (evaluate -f json), or of one NDJSON result line
 * (evaluate -f ndjson: a result with its schema, tool and matrix), reporting every problem with its place.
 */
function checkSnapshot(doc: ParsedDocument, kind: 'evaluation' | 'line'): Snapshot {
  const schemaId = kind === 'evaluation' ? EVALUATION_SCHEMA_ID : EVALUATION_RESULT_SCHEMA_ID;
  const problems: Diagnostic[] = [];
  const wrong = (path: DataPath, message: string, code: Diagnostic['code'] = 'WRONG_TYPE', hint?: string) =>
    problems.push({ severity: 'error', code, file: doc.file, ...doc.locate(path), path: path.join('.'), message, ...(hint && { hint }) });
  const isMap = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);
  const check = (value: unknown, path: DataPath, what: string, ok: (v: unknown) => boolean): boolean => {
    if (ok(value)) return true;
    wrong(path, `${path.join('.') || 'the document'} must be ${what}`);
    return false;
  };
  // Numbers an evaluation can hold, no others: B minus A of any two stays finite and printable.
  const numberIn = (value: unknown, path: DataPath, [min, max]: readonly [number, number], nullable = false): void => {
    if (nullable && value === null) return;
    if (!check(value, path, nullable ? 'a number or null' : 'a number', number)) return;
    if ((value as number) < min || (value as number) > max)
      wrong(path, `${path.join('.')} is ${value as number}, not a number from ${min} to ${max} as evaluate gives`, 'OUT_OF_RANGE');
  };
  const string = (v: unknown) => typeof v === 'string';
  const number = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const orNull = (test: (v: unknown) => boolean) => (v: unknown) => v === null || test(v);
  const level = (v: unknown) => v === null || (isMap(v) && string(v['label']) && number(v['score']));
  const cell = (raw: JsonObject, path: DataPath) => {
    check(raw['applicable'], [...path, 'applicable'], 'true, false or "unknown"', (v) => typeof v === 'boolean' || v === 'unknown');
    if (check(raw['level'], [...path, 'level'], 'null or {label, score}', level) && raw['level'] !== null)
      numberIn((raw['level'] as JsonObject)['score'], [...path, 'level', 'score'], LEVEL_SCORES);
    numberIn(raw['points'], [...path, 'points'], POINTS, true);
  };

  const data = doc.data;
  if (!isMap(data)) {
    wrong([], 'an evaluation must be a JSON object', 'NOT_A_MAPPING');
    throw new InputError(problems);
  }
  if (data['schema'] !== schemaId) {
    wrong(
      ['schema'],
      `schema is ${JSON.stringify(data['schema'] ?? null)}, not ${schemaId}`,
      'NOT_ALLOWED',
      kind === 'evaluation'
        ? 'diff reads the output of summit-score evaluate -f json'
        : 'each line of an NDJSON file is a result of summit-score evaluate -f ndjson',
    );
    throw new InputError(problems);
  }
  if (check(data['matrix'], ['matrix'], 'an object', isMap)) {
    const matrix = data['matrix'] as JsonObject;
    check(matrix['id'], ['matrix', 'id'], 'a string', string);
    check(matrix['version'], ['matrix', 'version'], 'a string', string);
  }
  const checkResult = (result: unknown, at: DataPath) => {
    if (!check(result, at, 'an object', isMap)) return;
    const r = result as JsonObject;
    if (check(r['record'], [...at, 'record'], 'an object', isMap)) check((r['record'] as JsonObject)['id'], [...at, 'record', 'id'], 'a string', string);
    check(r['asOf'], [...at, 'asOf'], 'a date', string);
    numberIn(r['score'], [...at, 'score'], TOTALS, true);
    check(r['verdict'], [...at, 'verdict'], 'a string or null', orNull(string));
    if (check(r['scoreRange'], [...at, 'scoreRange'], '{low, high} or null', (v) => v === undefined || v === null || isMap(v)) && isMap(r['scoreRange'])) {
      for (const end of ['low', 'high']) numberIn(r['scoreRange'][end], [...at, 'scoreRange', end], TOTALS);
    }
    check(r['verdicts'], [...at, 'verdicts'], 'a list of strings', (v) => v === undefined || (Array.isArray(v) && v.every(string)));
    if (!check(r['criteria'], [...at, 'criteria'], 'a list', Array.isArray)) return;
    (r['criteria'] as unknown[]).forEach((criterion, j) => {
      const cat: DataPath = [...at, 'criteria', j];
      if (!check(criterion, cat, 'an object', isMap)) return;
      const c = criterion as JsonObject;
      check(c['id'], [...cat, 'id'], 'a string', string);
      numberIn(c['weight'], [...cat, 'weight'], WEIGHTS);
      numberIn(c['contribution'], [...cat, 'contribution'], TOTALS, true);
      cell(c, cat);
      if (c['parties'] === null || c['parties'] === undefined) return;
      if (!check(c['parties'], [...cat, 'parties'], 'a list or null', Array.isArray)) return;
      (c['parties'] as unknown[]).forEach((party, k) => {
        const pat: DataPath = [...cat, 'parties', k];
        if (!check(party, pat, 'an object', isMap)) return;
        check((party as JsonObject)['party'], [...pat, 'party'], 'a string', string);
        cell(party as JsonObject, pat);
      });
    });
  };
  if (kind === 'line') checkResult(data, []);
  else if (check(data['results'], ['results'], 'a list', Array.isArray))
    (data['results'] as unknown[]).forEach((result, i) => checkResult(result, ['results', i]));
  if (problems.length > 0) throw new InputError(problems);
  const matrix = data['matrix'] as JsonObject;
  const results = kind === 'line' ? [data] : (data['results'] as JsonObject[]);
  return {
    matrix: { id: matrix['id'] as string, version: matrix['version'] as string, sha256: typeof matrix['sha256'] === 'string' ? matrix['sha256'] : null },
    results: results.map((r) => {
      const record = r['record'] as JsonObject;
      const criteria = r['criteria'] as JsonObject[];
      return {
        record: { id: record['id'] as string, title: typeof record['title'] === 'string' ? record['title'] : '' },
        asOf: r['asOf'] as string,
        score: r['score'] as number | null,
        scoreRange: isMap(r['scoreRange']) ? { low: r['scoreRange']['low'] as number, high: r['scoreRange']['high'] as number } : null,
        verdict: r['verdict'] as string | null,
        verdicts: Array.isArray(r['verdicts']) ? (r['verdicts'] as string[]) : [],
        criteria: criteria.map((c) => ({
          id: c['id'] as string,
          weight: c['weight'] as number,
          contribution: c['contribution'] as number | null,
          applicable: c['applicable'] as boolean | 'unknown',
          level: c['level'] as { label: string; score: number } | null,
          levelRange: rangeOf(c['levelRange']),
          points: c['points'] as number | null,
          parties: Array.isArray(c['parties'])
            ? (c['parties'] as JsonObject[]).map((p) => ({
                party: p['party'] as string,
                applicable: p['applicable'] as boolean | 'unknown',
                level: p['level'] as { label: string; score: number } | null,
                levelRange: rangeOf(p['levelRange']),
                points: p['points'] as number | null,
              }))
            : null,
        })),
      };
    }),
  };
}

/** A cell's level range as the evaluation JSON gives it: labels at each end, null when absent. */
function rangeOf(value: unknown): SnapshotCell['levelRange'] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const end = (x: unknown) =>
    x !== null && typeof x === 'object' && typeof (x as JsonObject)['label'] === 'string' ? { label: (x as JsonObject)['label'] as string } : null;
  return { low: end((value as JsonObject)['low']), high: end((value as JsonObject)['high']) };
}
