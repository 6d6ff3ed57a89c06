import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CHECK_FORMATS, ciFormatters, isCiFormat, type CheckFormat } from '../ci-format/index.js';
import { diagnosticText, plural } from '../ci-format/text.js';
import { pathClassname, uniqueNames, type CiReport } from '../ci-format/types.js';
import { InputError, inputError, type Diagnostic } from '../diagnostics.js';
import {
  compileMatrix,
  evaluateRecord,
  type CaseRecord,
  type CaseResult,
  type Cell,
  type CompiledMatrix,
  type Interval,
  type Matrix,
  type SourceLocation,
} from '../engine/index.js';
import { round2 } from '../format/numbers.js';
import { safeText } from '../terminal-text.js';
import type { Io } from '../io.js';
import { bundledIds, bundledPath, resolveInput } from '../load/bundled.js';
import { confinedFile } from '../load/confined-file.js';
import { detectKind, isTestsFile, testsFilesFor } from '../load/detect-kind.js';
import { expandPaths, type FoundFile } from '../load/expand-paths.js';
import { checkDocument, parseInput } from '../load/load-document.js';
import { checkMatrix, type LoadedMatrix } from '../load/load-matrix.js';
import { precompiledInput } from '../load/precompiled.js';
import { loadRecord } from '../load/load-record.js';
import { NOT_APPLICABLE, readTestCases, type Expectation, type LevelExpectation, type TestCase } from '../load/load-tests.js';
import { filesOnly, inputReader, readInputFile, type InputReader } from '../load/read-input.js';
import type { ParsedDocument } from '../load/yaml-document.js';
import { CI_TOOL, TOOL } from '../package-info.js';
import { writeFileAtomic } from '../write-output.js';
import { contributionText, openLevelText } from '../format/interval.js';
import type { CommandContext } from './context.js';
import { helpExamples } from './output-options.js';
import { appendStepSummary } from './step-summary.js';
import { projectDiagnostic } from './validate.js';
import { EXIT } from '../exit-codes.js';
import { itemAt } from '../checked-index.js';

export function registerTest(program: Command, context: CommandContext): void {
  program
    .command('test')
    .description("run matrices' golden test cases and measure level coverage")
    .addHelpText('after', helpExamples(['test matrices/', 'test my-matrix.yaml --min-coverage 80', 'test --bundled -f junit -o junit.xml']))
    .argument('[matrices...]', 'matrix files, folders, globs or bundled matrix ids; - for stdin')
    .option('--bundled', 'test every bundled matrix (instead of naming matrices)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--min-coverage <percent>', "exit 1 when a matrix's tests reach fewer of its levels than this (0-100)", parsePercent)
    .option('--color', 'colour even when stdout is not a terminal (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR or FORCE_COLOR=0; the default when stdout is not a terminal)')
    .action((matrices: string[], options: TestCommandOptions & { bundled?: boolean }) => {
      context.setJsonErrors(options.format === 'json');
      // No paths is a lost argument (a CI line whose path went missing), not a request for the bundled tests.
      if (matrices.length === 0 && !options.bundled) {
        throw inputError(
          'USAGE',
          undefined,
          'name the matrices to test',
          'e.g. summit-score test matrices/ (files, folders, globs or bundled ids), or --bundled for every bundled matrix',
        );
      }
      if (matrices.length > 0 && options.bundled)
        throw inputError('USAGE', undefined, '--bundled and named matrices ask for different tests', 'give one of them');
      context.setExitCode(runTests(matrices, { ...options, color: context.useColor(options.color) }, context.io));
    });
}

function parsePercent(value: string): number {
  const percent = Number(value);
  if (value.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) throw new InvalidArgumentError('expected a percentage from 0 to 100');
  return percent;
}

export interface TestCommandOptions {
  readonly format: CheckFormat;
  readonly output?: string;
  readonly minCoverage?: number;
  readonly color: boolean;
}

/** One expectation that did not hold. */
export interface Mismatch {
  /** `levels.negotiation`, `verdict`, `score`. */
  readonly what: string;
  readonly expected: string;
  readonly actual: string;
  readonly location: SourceLocation;
  /** The engine's explanation and evidence, for people. */
  readonly details: readonly string[];
}

export interface CaseOutcome {
  readonly name: string;
  readonly location: SourceLocation;
  readonly passed: boolean;
  /** Problems that kept the case from running (unknown criterion, record not found, ...). */
  readonly problems: readonly Diagnostic[];
  readonly mismatches: readonly Mismatch[];
}

export interface Coverage {
  readonly reached: number;
  readonly total: number;
  /** 0-100, or 100 for a matrix without levels. */
  readonly percent: number;
  readonly criteria: readonly { readonly id: string; readonly reached: readonly string[]; readonly missing: readonly string[] }[];
}

export interface MatrixRun {
  readonly file: string;
  readonly id: string | null;
  /** Problems with the matrix or its tests file: with an error, no case ran. */
  readonly problems: readonly Diagnostic[];
  readonly testsFiles: readonly string[];
  readonly cases: readonly CaseOutcome[];
  readonly coverage: Coverage | null;
  readonly coverageTooLow: boolean;
}

export interface TestReport {
  readonly matrices: readonly MatrixRun[];
  readonly passed: number;
  readonly failed: number;
  readonly minCoverage: number | null;
}

/** Runs every golden case; returns 0 all passed, 1 a case failed or coverage fell short, 2 a matrix could not be loaded. */
export function runTests(args: readonly string[], options: TestCommandOptions, io: Io): number {
  const files = findMatrices(args);
  const records = new Map<string, CaseRecord | readonly Diagnostic[]>();
  const runs = files.map((found) => runMatrix(found, options.minCoverage, inputReader(io), records)).filter((run): run is MatrixRun => run !== undefined);
  if (runs.length === 0) throw inputError('FILE_NOT_FOUND', args.join(' '), 'found no matrix to test', 'a matrix has `criteria`');
  const cases = runs.flatMap((run) => run.cases);
  const passed = cases.filter((c) => c.passed).length;
  const report: TestReport = { matrices: runs, passed, failed: cases.length - passed, minCoverage: options.minCoverage ?? null };

  const text = formatTestReport(report, options.format, options.color);
  if (options.output === undefined) io.stdout(text);
  else writeFileAtomic(options.output, text);
  if (options.format === 'github') appendStepSummary(io, toCiReport(report));
  if (runs.some((run) => run.problems.some((d) => d.severity === 'error'))) return EXIT.cannotRun;
  return report.failed > 0 || runs.some((run) => run.coverageTooLow) ? EXIT.failed : EXIT.ok;
}

function findMatrices(args: readonly string[]): FoundFile[] {
  if (args.length === 0) return bundledIds('matrix').map((id) => ({ path: resolveInput('matrix', id), explicit: true }));
  if (args.filter((arg) => arg === '-').length > 1) throw inputError('USAGE', undefined, 'stdin (-) can be read only once');
  // A bundled id is a name, not a path: look it up first so a typo gets a did-you-mean.
  const paths = args.map((arg) => (arg === '-' || existsSync(arg) || /[*?[{]/.test(arg) ? arg : resolveInput('matrix', arg)));
  const { files, problems } = expandPaths(paths);
  if (problems.length > 0) throw new InputError(problems);
  return files.filter((found) => found.explicit || !isTestsFile(found.path));
}

function runMatrix(
  found: FoundFile,
  minCoverage: number | undefined,
  reader: InputReader,
  records: Map<string, CaseRecord | readonly Diagnostic[]>,
): MatrixRun | undefined {
  const file = found.path === '-' ? '<stdin>' : found.path;
  const broken = (problems: readonly Diagnostic[]): MatrixRun => ({
    file,
    id: null,
    problems,
    testsFiles: [],
    cases: [],
    coverage: null,
    coverageTooLow: false,
  });
  try {
    const input = readInputFile(found.path, reader);
    const doc = parseInput(input);
    if (Array.isArray(doc)) return broken(doc);
    const kind = detectKind(input.file, input.text, doc.data);
    if (kind !== 'matrix') {
      if (!found.explicit) return undefined;
      return broken([
        {
          severity: 'error',
          code: 'UNKNOWN_KIND',
          file,
          line: 1,
          col: 1,
          message: `not a matrix${kind ? ` (it reads as a ${kind} file)` : ''}: test runs the golden cases of matrices`,
          hint: 'a matrix has `criteria`',
        },
      ]);
    }
    // A bundled matrix as the build loaded it (what checkMatrix gives, test/built/perf/precompiled.test.ts), not checked again.
    const stored = precompiledInput<LoadedMatrix>('matrix', input);
    const checked = stored ? { value: stored, diagnostics: [] } : checkMatrix(doc, input.sha256, reader.maxBytes);
    if (!checked.value) return broken(checked.diagnostics);
    const matrix = checked.value.matrix;

    const sources: TestSource[] = [{ file, doc, problems: [] }, ...siblingTests(file, reader)];
    const problems = sources.flatMap((source) => source.problems);
    const testCases = sources.flatMap((source) => (source.doc ? readTestCases(source.doc, matrix).cases : []));
    const compiled = compileMatrix(matrix);
    const outcomes = testCases.map((testCase) => runCase(testCase, matrix, compiled, records, reader));
    const coverage = measureCoverage(
      matrix,
      outcomes.flatMap((outcome) => (outcome.result ? [outcome.result] : [])),
    );
    return {
      file,
      id: matrix.id,
      problems,
      testsFiles: sources.slice(1).map((source) => source.file),
      cases: outcomes.map(({ result: _result, ...outcome }) => outcome),
      coverage,
      coverageTooLow: minCoverage !== undefined && coverage.percent < minCoverage,
    };
  } catch (error) {
    if (error instanceof InputError) return broken(error.diagnostics);
    throw error;
  }
}

interface TestSource {
  readonly file: string;
  readonly doc?: ParsedDocument;
  readonly problems: readonly Diagnostic[];
}

/** The `<matrix>.tests.yaml` files beside a matrix, parsed and schema-checked. */
function siblingTests(matrixFile: string, reader: InputReader): TestSource[] {
  // A bundled matrix is named bundled:ID; its tests file lies beside the matrix in the package.
  const bundled = bundledPath(matrixFile);
  return testsFilesFor(bundled ?? matrixFile)
    .filter((path) => existsSync(path))
    .map((path) => {
      // Named as the matrix is (bundled:ID.tests), never by where the package is installed.
      const file = bundled === undefined ? path : `${matrixFile}.tests`;
      // Found, not named: a link to a secret elsewhere would come back in the messages, as for record:.
      const place = bundled === undefined ? confinedFile(basename(path), matrixFile) : undefined;
      if (place !== undefined && place.kind !== 'file') {
        const why = place.kind === 'not-a-file' ? 'is not a regular file' : "is a link to a file outside the matrix's folder";
        return { file, problems: inputError('TESTS_PATH', file, `${why}, so it is not read`, 'make it a regular file beside the matrix').diagnostics };
      }
      const input = { ...readInputFile(path, filesOnly(reader.maxBytes)), file };
      const doc = parseInput(input);
      if (Array.isArray(doc)) return { file, problems: doc };
      const problems = checkDocument(doc, 'tests');
      return problems.length > 0 ? { file, problems } : { file, doc, problems: [] };
    });
}

function runCase(
  testCase: TestCase,
  matrix: Matrix,
  compiled: CompiledMatrix,
  records: Map<string, CaseRecord | readonly Diagnostic[]>,
  reader: InputReader,
): CaseOutcome & { result?: CaseResult } {
  const base = { name: testCase.name, location: testCase.location };
  const problems = testCase.problems.filter((d) => d.severity === 'error');
  const source = testCase.source;
  if (problems.length > 0 || !source) return { ...base, passed: false, problems, mismatches: [] };
  let record: CaseRecord | readonly Diagnostic[];
  if (source.kind === 'inline') {
    record = source.record;
  } else {
    record = records.get(source.path) ?? loadRecordOrProblems(source.path, reader);
    records.set(source.path, record);
  }
  if (!('events' in record)) return { ...base, passed: false, problems: record, mismatches: [] };
  const result = evaluateRecord(compiled, record, testCase.asOf === undefined ? {} : { asOf: testCase.asOf });
  const mismatches = compare(testCase, matrix, result);
  return { ...base, passed: mismatches.length === 0, problems: [], mismatches, result };
}

function loadRecordOrProblems(path: string, reader: InputReader): CaseRecord | readonly Diagnostic[] {
  try {
    return loadRecord(readInputFile(path, filesOnly(reader.maxBytes))).record;
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
}

/**
 * The cell an `expect.levels` key names: a criterion id, `criterion/event` for a forEach subject,
 * or `criterion@PARTY` for one party of a per-party criterion.
 */
function cellFor(result: CaseResult, key: string): Cell | undefined {
  const at = key.lastIndexOf('@');
  if (at > 0) {
    const criterion = result.criteria.find((c) => c.id === key.slice(0, at));
    return criterion?.parties?.find((cell) => cell.party === key.slice(at + 1));
  }
  return result.criteria.find((c) => c.id === key);
}

function levelOf(cell: Cell | undefined): string {
  if (!cell) return '(not scored)';
  if (!cell.applicable) return NOT_APPLICABLE;
  const range = cell.levelRange;
  // A cell that may not apply lies between n/a and the best level it may reach.
  if (cell.level === null && range && (cell.applicable === 'unknown' || range.low?.label !== range.high?.label)) {
    return openLevelText(range.low?.label, range.high?.label, cell.applicable === 'unknown');
  }
  return cell.level?.label ?? '(no level)';
}

function levelExpectationText(expected: LevelExpectation): string {
  return typeof expected === 'string' ? expected : `${expected.low}..${expected.high}`;
}

function compare(testCase: TestCase, matrix: Matrix, result: CaseResult): Mismatch[] {
  const { expect } = testCase;
  const mismatches: Mismatch[] = [];
  const at = testCase.expectLocation;
  for (const [key, expected] of Object.entries(expect.levels ?? {})) {
    const cell = cellFor(result, key);
    const actual = levelOf(cell);
    const wanted = levelExpectationText(expected);
    if (actual === wanted) continue;
    mismatches.push({
      what: `levels.${key}`,
      expected: wanted,
      actual,
      location: at(['levels', key]),
      details: explainCell(key, cell, typeof expected === 'string' ? expected : expected.high, matrix),
    });
  }
  const verdictDetails = () => [
    `score ${scoreText(result)}, band ${result.band ?? '(none)'}`,
    ...result.gates
      .filter((gate) => gate.status === 'failed' || gate.status === 'unknown')
      .map(
        (gate) => `gate ${gate.status}: ${gate.criterion} at ${gate.requires} or above for better than ${gate.above} (it is ${gate.level ?? 'at no level'})`,
      ),
  ];
  if (expect.verdict !== undefined && result.verdict !== expect.verdict) {
    mismatches.push({ what: 'verdict', expected: expect.verdict, actual: verdictsText(result), location: at(['verdict']), details: verdictDetails() });
  }
  if (expect.verdicts !== undefined && !sameSet(expect.verdicts, result.verdicts)) {
    mismatches.push({
      what: 'verdicts',
      expected: expect.verdicts.join(' or '),
      actual: verdictsText(result),
      location: at(['verdicts']),
      details: verdictDetails(),
    });
  }
  if (expect.undetermined !== undefined && result.undetermined !== expect.undetermined) {
    const share = `${round2(100 * result.unknown.share)}% of the weight unknown`;
    mismatches.push({
      what: 'undetermined',
      expected: String(expect.undetermined),
      actual: String(result.undetermined),
      location: at(['undetermined']),
      details: [share],
    });
  }
  const scoreDetails = () =>
    result.criteria.filter((c) => c.applicable && c.weight > 0).map((c) => `${c.id}: ${levelOf(c)}, ${contributionText(c)} of the total`);
  if (expect.score !== undefined && !scoreMatches(expect.score, result.score)) {
    mismatches.push({
      what: 'score',
      expected: scoreExpectationText(expect.score),
      actual: scoreText(result),
      location: at(['score']),
      details: scoreDetails(),
    });
  }
  if (expect.scoreRange !== undefined && !rangeMatches(expect.scoreRange, result.scoreRange)) {
    mismatches.push({
      what: 'scoreRange',
      expected: `${expect.scoreRange.low}–${expect.scoreRange.high}`,
      actual: scoreText(result),
      location: at(['scoreRange']),
      details: scoreDetails(),
    });
  }
  return mismatches;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label) => b.includes(label));
}

function verdictsText(result: CaseResult): string {
  if (result.undetermined) return '(undetermined)';
  return result.verdicts.length === 0 ? '(none)' : result.verdicts.join(' or ');
}

function rangeMatches(expected: { readonly low: number; readonly high: number }, actual: Interval | null): boolean {
  return actual !== null && Math.abs(round2(actual.low) - expected.low) < 0.005 && Math.abs(round2(actual.high) - expected.high) < 0.005;
}

/** Why the cell is where it is: the engine's explanation of the next level up, or the evidence for the level it reached. */
function explainCell(key: string, cell: Cell | undefined, expected: string, matrix: Matrix): string[] {
  if (!cell) return [`the result has no criterion ${key}`];
  const id = itemAt(key.split(/[/@]/), 0);
  const labels = matrix.criteria.find((c) => c.id === id)?.levels.map((level) => level.label) ?? [];
  const actual = levelOf(cell);
  const lines: string[] = [];
  const expectedAbove =
    labels.includes(expected) && (actual === '(no level)' || (labels.includes(actual) && labels.indexOf(expected) < labels.indexOf(actual)));
  const { explanation } = cell;
  if (explanation && (expectedAbove || expected === NOT_APPLICABLE || !cell.applicable)) {
    const { failure } = explanation;
    const where = failure.location ? ` (${failure.location.file}:${failure.location.line}:${failure.location.col})` : '';
    const target = explanation.level
      ? `why not ${explanation.level.label}${explanation.level.label === expected ? '' : ', the next level up'}`
      : 'why it does not apply';
    lines.push(
      `${target}${where}:`,
      `  expected: ${failure.expected}`,
      `  actual:   ${failure.actual}${failure.event && !failure.actual.includes(failure.event) ? ` (event ${failure.event})` : ''}`,
    );
  }
  if (cell.evidence.length > 0 && !expectedAbove) {
    lines.push(`${actual} rests on: ${cell.evidence.map((e) => `${e.event}${e.location ? ` (${e.location.file}:${e.location.line})` : ''}`).join(', ')}`);
  }
  return lines;
}

function scoreMatches(expected: NonNullable<Expectation['score']>, actual: number | null): boolean {
  if (actual === null) return false;
  const shown = round2(actual);
  if (typeof expected === 'number') return Math.abs(shown - expected) < 0.005;
  return (expected.min === undefined || shown >= expected.min) && (expected.max === undefined || shown <= expected.max);
}

function scoreText(result: CaseResult): string {
  if (result.score !== null) return String(round2(result.score));
  return result.scoreRange === null ? '(no total)' : `${round2(result.scoreRange.low)}–${round2(result.scoreRange.high)}`;
}

function scoreExpectationText(expected: NonNullable<Expectation['score']>): string {
  if (typeof expected === 'number') return String(expected);
  return `${expected.min ?? 0}..${expected.max ?? 100}`;
}

/** Which levels of each criterion at least one case reached (in any of its cells). */
function measureCoverage(matrix: Matrix, results: readonly CaseResult[]): Coverage {
  const criteria = matrix.criteria.map((criterion) => {
    const reachedLabels = new Set<string>();
    for (const result of results) {
      for (const scored of result.criteria) {
        if (scored.criterion !== criterion.id) continue;
        for (const cell of [scored, ...(scored.parties ?? [])]) if (cell.applicable && cell.level) reachedLabels.add(cell.level.label);
      }
    }
    const labels = criterion.levels.map((level) => level.label);
    return { id: criterion.id, reached: labels.filter((l) => reachedLabels.has(l)), missing: labels.filter((l) => !reachedLabels.has(l)) };
  });
  const reached = criteria.reduce((sum, c) => sum + c.reached.length, 0);
  const total = reached + criteria.reduce((sum, c) => sum + c.missing.length, 0);
  return { reached, total, percent: total === 0 ? 100 : Math.floor((1000 * reached) / total) / 10, criteria };
}

export function formatTestReport(report: TestReport, format: CheckFormat, color: boolean): string {
  if (format === 'json') return formatJson(report);
  if (isCiFormat(format)) return ciFormatters[format](toCiReport(report));
  return formatText(report, new Chalk({ level: color ? 1 : 0 }));
}

function formatText(report: TestReport, chalk: ChalkInstance): string {
  const lines: string[] = [];
  for (const run of report.matrices) {
    const extra = run.testsFiles.length > 0 ? ` + ${run.testsFiles.join(', ')}` : '';
    lines.push(chalk.bold(safeText(`${run.file}${run.id ? ` (${run.id})` : ''}${extra}: ${plural(run.cases.length, 'test')}`)));
    for (const problem of run.problems) lines.push(diagnosticText(problem, chalk, '  '));
    if (run.coverage === null) continue;
    if (run.cases.length === 0)
      lines.push(chalk.yellow(`  no tests: add \`tests:\` to the matrix, or a file ${safeText(testsFilesFor(run.file)[0] ?? '')} beside it`));
    for (const outcome of run.cases) {
      const where = chalk.dim(`${safeText(outcome.location.file)}:${outcome.location.line}:${outcome.location.col}`);
      lines.push(outcome.passed ? `  ${chalk.green('PASS')} ${safeText(outcome.name)}` : `  ${chalk.red('FAIL')} ${safeText(outcome.name)}  ${where}`);
      for (const problem of outcome.problems) lines.push(diagnosticText(problem, chalk, '      '));
      for (const mismatch of outcome.mismatches) lines.push(...mismatchText(mismatch, chalk).map((line) => `      ${line}`));
    }
    lines.push(coverageText(run, report.minCoverage, chalk));
  }
  lines.push(`${report.passed} passed, ${report.failed} failed`);
  return `${lines.join('\n')}\n`;
}

function mismatchText(mismatch: Mismatch, chalk: ChalkInstance): string[] {
  const head = `${mismatch.what}: expected ${chalk.green(safeText(mismatch.expected))}, actual ${chalk.red(safeText(mismatch.actual))}`;
  return [head, ...mismatch.details.map((line) => `  ${safeText(line)}`)];
}

function coverageText(run: MatrixRun, minCoverage: number | null, chalk: ChalkInstance): string {
  const coverage = run.coverage!;
  const perCriterion = coverage.criteria
    .map((c) => `${c.id} ${c.reached.length}/${c.reached.length + c.missing.length}${c.missing.length > 0 ? ` (not reached: ${c.missing.join(', ')})` : ''}`)
    .join('; ');
  const line = `  coverage ${coverage.reached}/${coverage.total} levels (${coverage.percent}%): ${safeText(perCriterion)}`;
  if (run.coverageTooLow) return chalk.red(`${line}\n  coverage ${coverage.percent}% is below --min-coverage ${minCoverage}`);
  return coverage.reached === coverage.total ? chalk.dim(line) : chalk.yellow(line);
}

function formatJson(report: TestReport): string {
  const document = {
    schema: 'summit-score/test@1',
    tool: { name: TOOL.name, version: TOOL.version },
    matrices: report.matrices.map((run) => ({
      file: run.file,
      id: run.id,
      testsFiles: run.testsFiles,
      problems: run.problems.map(projectDiagnostic),
      tests: run.cases.map((outcome) => ({
        name: outcome.name,
        file: outcome.location.file,
        line: outcome.location.line,
        col: outcome.location.col,
        passed: outcome.passed,
        problems: outcome.problems.map(projectDiagnostic),
        mismatches: outcome.mismatches.map((m) => ({
          what: m.what,
          expected: m.expected,
          actual: m.actual,
          file: m.location.file,
          line: m.location.line,
          col: m.location.col,
          details: m.details,
        })),
      })),
      coverage: run.coverage && { ...run.coverage, belowMinimum: run.coverageTooLow },
    })),
    summary: { passed: report.passed, failed: report.failed, minCoverage: report.minCoverage },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Findings for CI: a failed expectation is a TEST_FAILED at the expectation's line. */
function toCiReport(report: TestReport): CiReport {
  return {
    tool: CI_TOOL,
    command: 'test',
    summary: `${report.passed} passed, ${report.failed} failed`,
    suites: report.matrices.map((run) => ({
      name: run.id ? `${run.id} (${run.file})` : run.file,
      classname: run.id ?? pathClassname(run.file),
      cases: [
        ...(run.problems.length > 0 ? [{ name: 'load', file: run.file, findings: run.problems }] : []),
        ...uniqueNames(run.cases).map((outcome) => ({
          name: outcome.name,
          file: outcome.location.file,
          line: outcome.location.line,
          findings: [...outcome.problems, ...outcome.mismatches.map((m) => mismatchFinding(outcome.name, m))],
          details: outcome.mismatches
            .flatMap((m) => [`${m.what}: expected ${m.expected}, actual ${m.actual}`, ...m.details.map((line) => `  ${line}`)])
            .join('\n'),
        })),
        ...(run.coverageTooLow ? [{ name: 'coverage', file: run.file, findings: [coverageFinding(run, report.minCoverage!)] }] : []),
      ],
    })),
  };
}

function mismatchFinding(name: string, mismatch: Mismatch): Diagnostic {
  const why = mismatch.details.length > 0 ? mismatch.details.map((line) => line.replace(/\s+/g, ' ').trim().replace(/:$/, '')).join('; ') : undefined;
  return {
    severity: 'error',
    code: 'TEST_FAILED',
    ...mismatch.location,
    message: `test "${name}": ${mismatch.what} is ${mismatch.actual}, expected ${mismatch.expected}`,
    ...(why && { hint: why }),
  };
}

function coverageFinding(run: MatrixRun, minCoverage: number): Diagnostic {
  const missing = run.coverage!.criteria.filter((c) => c.missing.length > 0).map((c) => `${c.id}: ${c.missing.join(', ')}`);
  return {
    severity: 'error',
    code: 'LOW_COVERAGE',
    file: run.file,
    line: 1,
    col: 1,
    message: `the tests reach ${run.coverage!.percent}% of the levels, below --min-coverage ${minCoverage}`,
    hint: `add tests that reach ${missing.join('; ')}`,
  };
}
