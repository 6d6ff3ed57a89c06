import { Chalk } from 'chalk';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CHECK_FORMATS, ciFormatters, isCiFormat, type CheckFormat } from '../ci-format/index.js';
import { diagnosticText, plural } from '../ci-format/text.js';
import { oneLine, pathClassname, uniqueNames, type CiReport } from '../ci-format/types.js';
import { InputError, inputError, type Diagnostic } from '../diagnostics.js';
import { safeText } from '../terminal-text.js';
import type { Io } from '../io.js';
import { inputReader } from '../load/read-input.js';
import { resolveInput } from '../load/bundled.js';
import { checkFile, type FileCheck } from '../load/check-file.js';
import { withBibliography } from '../load/load-bibliography.js';
import { checkVocabulary } from '../load/check-vocabulary.js';
import { crossCheck, type CheckedRecord } from '../load/cross-check.js';
import { fieldsRead } from '../engine/fields-read.js';
import { expandPaths, type FoundFile } from '../load/expand-paths.js';
import { cleanFiles, storedCheck, type CleanFiles } from '../load/precompiled-checks.js';
import { CI_TOOL, TOOL } from '../package-info.js';
import { writeFileAtomic } from '../write-output.js';
import type { CommandContext } from './context.js';
import { BIBLIOGRAPHY_OPTION } from './load-inputs.js';
import { helpExamples } from './output-options.js';
import { appendStepSummary } from './step-summary.js';
import { EXIT } from '../exit-codes.js';
import { itemAt } from '../checked-index.js';

export function registerValidate(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('check matrices, records and tests files: every problem in every file, with code and file:line:col')
    .addHelpText(
      'after',
      helpExamples(['validate matrices/ fixtures/', 'validate records/ -m my-matrix.yaml --max-warnings 0', 'validate . -f sarif -o validate.sarif']),
    )
    .argument('[paths...]', 'files, folders (their .yaml, .yml and .json files) or globs; - for stdin')
    .option('-m, --matrix <file|id>', 'also check that the records have the fields and event types this matrix tests')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option(
      '--strict',
      'with --matrix: a record value the matrix does not declare, or a field it reads that events leave unstated, is an error, not a warning',
      false,
    )
    .option('--require-sources', 'an event that cites no source is an error, not a warning (every cited key must resolve either way)', false)
    .option('--bibliography <file>', BIBLIOGRAPHY_OPTION)
    .option('--color', 'colour even when stdout is not a terminal (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR or FORCE_COLOR=0; the default when stdout is not a terminal)')
    .action((paths: string[], options: ValidateCommandOptions) => {
      context.setJsonErrors(options.format === 'json');
      context.setExitCode(
        withBibliography(options.bibliography, inputReader(context.io), () =>
          runValidate(paths, { ...options, color: context.useColor(options.color) }, context.io),
        ),
      );
    });
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(count)) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return count;
}

export interface ValidateCommandOptions {
  readonly matrix?: string;
  readonly format: CheckFormat;
  readonly output?: string;
  readonly maxWarnings?: number;
  readonly color: boolean;
  /** With --matrix: the record's vocabulary problems are errors. */
  readonly strict?: boolean;
  /** An event without sources (NO_SOURCE) is an error. */
  readonly requireSources?: boolean;
  /** A bibliography file whose keys the files may cite beside the bundled ones. */
  readonly bibliography?: string;
}

export interface ValidateReport {
  readonly files: readonly FileCheck[];
  readonly errors: number;
  readonly warnings: number;
  readonly maxWarnings: number | null;
  /** Exit 0: no errors, and no more warnings than allowed. */
  readonly ok: boolean;
}

/** Checks every file named or found, then reports; returns 0 clean, 1 problems found (2 is thrown as an InputError). */
export function runValidate(paths: readonly string[], options: ValidateCommandOptions, io: Io): number {
  if (paths.length === 0 && options.matrix === undefined) {
    throw inputError('USAGE', undefined, 'name the files or folders to validate', 'e.g. summit-score validate matrices records');
  }
  if (paths.filter((path) => path === '-').length > 1) throw inputError('USAGE', undefined, 'stdin (-) can be read only once');
  const matrixPath = options.matrix === undefined ? undefined : resolveInput('matrix', options.matrix);
  const { files, problems } = expandPaths(matrixPath === undefined ? paths : [matrixPath, ...paths]);
  if (problems.length > 0) throw new InputError(problems);

  // The package's own files, unchanged since the build found them clean, need no check again
  // (src/load/precompiled-checks.ts); not with --matrix, whose cross-check needs them loaded.
  let verdicts: CleanFiles | null | undefined;
  const reader = inputReader(io);
  const stored = (found: FoundFile) =>
    matrixPath === undefined ? storedCheck(found, () => (verdicts ??= cleanFiles() ?? null) ?? undefined, reader) : undefined;
  const checked = files.map((found) => stored(found) ?? checkFile(found, reader));
  const checks = options.requireSources ? checked.map(sourcesRequired) : checked;
  if (checks.every((check) => check.skipped)) {
    throw inputError('FILE_NOT_FOUND', paths.join(' '), 'found no matrix, record or tests file to check', 'a matrix has `criteria`, a record `events`');
  }
  const report = buildReport(
    matrixPath === undefined ? checks : withCrossCheck(checks, matrixPath === '-' ? '<stdin>' : matrixPath, options.strict ?? false),
    options.maxWarnings,
  );

  const text = formatValidate(report, options.format, options.color);
  if (options.output === undefined) io.stdout(text);
  else writeFileAtomic(options.output, text);
  if (options.format === 'github') appendStepSummary(io, toCiReport(report));
  return report.ok ? EXIT.ok : EXIT.failed;
}

/**
 * Adds, to the matrix's own problems, the fields and event types it tests that no record has;
 * and to each record's, what it says that the matrix cannot read (src/load/check-vocabulary.ts).
 */
function withCrossCheck(checks: readonly FileCheck[], matrixFile: string, strict: boolean): FileCheck[] {
  const matrixCheck = checks.find((check) => check.file === matrixFile);
  const records: CheckedRecord[] = checks.flatMap((check) =>
    check.record && check.doc && check.file !== matrixFile ? [{ record: check.record, doc: check.doc }] : [],
  );
  const matrix = matrixCheck?.matrix;
  if (!matrix) return [...checks];
  const warnings = crossCheck(matrix, records);
  // A field no record states at all is NOT_IN_RECORDS at the matrix (a likely typo there), not a gap in each record.
  const stated = new Set(records.flatMap(({ record }) => record.events.flatMap((event) => Object.keys(event.fields))));
  const skip = new Set(fieldsRead(matrix).filter((name) => !Object.hasOwn(matrix.fields ?? {}, name) && !stated.has(itemAt(name.split('.'), 0))));
  return checks.map((check) => {
    if (check === matrixCheck) return { ...check, diagnostics: [...check.diagnostics, ...warnings] };
    if (!check.record || !check.doc) return check;
    const doc = check.doc;
    const vocabulary = checkVocabulary(matrix, check.record, (path, options) => ({ file: doc.file, ...doc.locate(path, options) }), { strict, skip });
    return vocabulary.length === 0 ? check : { ...check, diagnostics: sortByPosition([...check.diagnostics, ...vocabulary]) };
  });
}

/** --require-sources: the NO_SOURCE warnings of a file become errors. */
function sourcesRequired(check: FileCheck): FileCheck {
  if (!check.diagnostics.some((d) => d.code === 'NO_SOURCE')) return check;
  const diagnostics = check.diagnostics.map((d): Diagnostic => (d.code === 'NO_SOURCE' ? { ...d, severity: 'error' } : d));
  const { record: _record, ...rest } = check;
  return { ...rest, diagnostics };
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

function buildReport(files: readonly FileCheck[], maxWarnings: number | undefined): ValidateReport {
  const all = files.flatMap((check) => check.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  return { files, errors, warnings, maxWarnings: maxWarnings ?? null, ok: errors === 0 && (maxWarnings === undefined || warnings <= maxWarnings) };
}

export function formatValidate(report: ValidateReport, format: CheckFormat, color: boolean): string {
  if (format === 'json') return formatJson(report);
  if (isCiFormat(format)) return ciFormatters[format](toCiReport(report));
  return formatText(report, color);
}

function formatText(report: ValidateReport, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  const checked = report.files.filter((check) => !check.skipped);
  for (const check of checked) for (const diagnostic of check.diagnostics) lines.push(diagnosticText(diagnostic, chalk));
  const summary = summaryText(report);
  lines.push(report.errors > 0 ? chalk.red(summary) : report.warnings > 0 ? chalk.yellow(summary) : chalk.green(summary));
  const skipped = report.files.filter((check) => check.skipped);
  if (skipped.length > 0)
    lines.push(
      chalk.dim(
        `Skipped ${plural(skipped.length, 'file')} that ${skipped.length === 1 ? 'is' : 'are'} neither a matrix, a record nor a tests file: ${skipped.map((s) => safeText(s.file)).join(', ')}`,
      ),
    );
  if (report.maxWarnings !== null && report.warnings > report.maxWarnings) {
    lines.push(chalk.red(`Too many warnings: ${report.warnings}, more than --max-warnings ${report.maxWarnings}.`));
  }
  return `${lines.join('\n')}\n`;
}

/** `Checked 3 files (3 matrices): 2 errors, 1 warning.`: the text format's last line, and the CI formats' summary. */
function summaryText(report: ValidateReport): string {
  const checked = report.files.filter((check) => !check.skipped);
  const kinds = (['matrix', 'record', 'tests', 'bibliography'] as const)
    .map((kind) => [kind, checked.filter((check) => check.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) =>
      kind === 'matrix'
        ? plural(count, 'matrix', 'matrices')
        : kind === 'record'
          ? plural(count, 'record')
          : kind === 'tests'
            ? plural(count, 'tests file')
            : plural(count, 'bibliography', 'bibliographies'),
    );
  const unknown = checked.filter((check) => check.kind === undefined).length;
  if (unknown > 0) kinds.push(`${unknown} unread`);
  const problems = report.errors + report.warnings === 0 ? 'no problems' : `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`;
  return `Checked ${plural(checked.length, 'file')} (${kinds.join(', ')}): ${problems}.`;
}

function formatJson(report: ValidateReport): string {
  const document = {
    schema: 'summit-score/validate@1',
    tool: { name: TOOL.name, version: TOOL.version },
    files: report.files.map((check) => ({
      file: check.file,
      kind: check.kind ?? null,
      skipped: check.skipped,
      errors: check.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: check.diagnostics.filter((d) => d.severity === 'warning').length,
      diagnostics: check.diagnostics.map(projectDiagnostic),
    })),
    summary: { errors: report.errors, warnings: report.warnings, maxWarnings: report.maxWarnings, ok: report.ok },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The JSON shape of a diagnostic: every field present, null when it has no value. */
export function projectDiagnostic(d: Diagnostic) {
  return {
    severity: d.severity,
    code: d.code,
    file: d.file ?? null,
    line: d.line ?? null,
    col: d.col ?? null,
    path: d.path ?? null,
    message: d.message,
    hint: d.hint ?? null,
    related: (d.related ?? []).map((place) => ({ file: place.file, line: place.line, col: place.col, message: place.message })),
  };
}

function toCiReport(report: ValidateReport): CiReport {
  return {
    tool: CI_TOOL,
    command: 'validate',
    summary: summaryText(report),
    suites: report.files
      .filter((check) => !check.skipped)
      .map((check) => ({
        name: check.file,
        classname: pathClassname(check.file),
        // A case is named by its code and where in the document it is, never by its line: a line
        // moves with every edit above it, and the CI server would see a new case each time.
        cases:
          check.diagnostics.length === 0
            ? [{ name: `valid ${check.kind ?? 'file'}`, file: check.file, findings: [] }]
            : uniqueNames(
                check.diagnostics.map((d) => ({ name: `${d.code} ${d.path ?? oneLine(d.message)}`, file: check.file, line: d.line ?? 1, findings: [d] })),
              ),
      })),
  };
}
