import { InvalidArgumentError, Option, type Command } from 'commander';
import { ciFormatters } from '../ci-format/index.js';
import { collectProblems, InputError, inputError } from '../diagnostics.js';
import { METRICS, type Metric } from '../engine/agreement-alpha.js';
import { DEFAULT_BOOTSTRAP } from '../engine/agreement-bootstrap.js';
import { measureAgreement } from '../engine/agreement.js';
import { compileMatrix } from '../engine/index.js';
import { formatAgreementJson, passesMinAlpha, type AgreementReport } from '../format/agreement.js';
import { agreementCiReport } from '../ci-format/agreement.js';
import { formatAgreementHtml } from '../format/agreement-html.js';
import { formatAgreementCsv, formatAgreementMarkdown, formatAgreementTable } from '../format/agreement-text.js';
import { resolveInput } from '../load/bundled.js';
import { loadMatrix } from '../load/load-matrix.js';
import { inputReader, readInputFile } from '../load/read-input.js';
import { TOOL } from '../package-info.js';
import { codedCases, readCoderRecords } from './coder-files.js';
import type { CommandContext } from './context.js';
import { checkDate } from './load-inputs.js';
import { appendStepSummary } from './step-summary.js';
import { addOutputOptions, helpExamples, jsonOnStdout, writeOutputs, type TextStyle } from './output-options.js';

export const AGREE_FORMATS = ['table', 'markdown', 'json', 'csv', 'html', 'sarif', 'github', 'junit', 'junit-file-line'] as const;
type AgreeFormat = (typeof AGREE_FORMATS)[number];

interface AgreeOptions {
  readonly matrix: string;
  readonly asOf?: string;
  readonly metric?: Metric;
  readonly minAlpha?: number;
  readonly samples: number;
  readonly seed: number;
  readonly color?: boolean;
}

export function registerAgree(program: Command, context: CommandContext): void {
  const command = program
    .command('agree')
    .description(
      "how far several coders' records of the same cases agree under a matrix: each coder's level per criterion, Krippendorff's alpha, kappas, and the facts behind each disagreement",
    )
    .argument('<coder-files...>', "the coders' record files, or their folders: a record's coder is the folder it lies in (coders/a/CASE.yaml)")
    .requiredOption('-m, --matrix <file|id>', 'matrix file or bundled matrix id')
    .option('--as-of <date>', 'judge as of this date (YYYY-MM-DD)')
    .addOption(
      new Option(
        '--metric <metric>',
        "alpha's metric for every criterion (default: interval for the -1/0/+1 compliance scale, ordinal for other levels)",
      ).choices(METRICS),
    )
    .option('--min-alpha <alpha>', "exit 1 when Krippendorff's alpha is below this (or undefined)", parseAlpha)
    .option('--samples <n>', `bootstrap samples for alpha's 95% interval (default: ${DEFAULT_BOOTSTRAP.samples})`, parseCount, DEFAULT_BOOTSTRAP.samples)
    .option('--seed <n>', `seed of the bootstrap draws (default: ${DEFAULT_BOOTSTRAP.seed})`, parseSeed, DEFAULT_BOOTSTRAP.seed)
    .option('--color', 'colour even when stdout is not a terminal (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR or FORCE_COLOR=0; the default when stdout is not a terminal)')
    .addHelpText(
      'after',
      helpExamples([
        'agree -m lewis-2015 fixtures/coders/a fixtures/coders/b   # the bundled example',
        'agree -m g20-compliance coders/*/ --min-alpha 0.8 -f sarif -o agreement.sarif',
      ]),
    );
  const outputs = addOutputOptions(command, AGREE_FORMATS, 'table');
  command.action((files: string[], options: AgreeOptions) => {
    const targets = outputs();
    context.setJsonErrors(jsonOnStdout(targets));
    checkDate('--as-of', options.asOf);
    const { problems, attempt } = collectProblems();
    const matrix = attempt(() => loadMatrix(readInputFile(resolveInput('matrix', options.matrix), inputReader(context.io))));
    const records = attempt(() => readCoderRecords(files, inputReader(context.io)));
    if (problems.length > 0 || !matrix || !records) throw new InputError(problems);
    const coders = new Set(records.map((r) => r.coder));
    if (coders.size < 2)
      throw inputError(
        'USAGE',
        undefined,
        `agree needs the records of two coders or more; found ${coders.size === 0 ? 'none' : `only coder ${[...coders][0]}`}`,
        'put each coder’s records in a folder of their own: coders/a/CASE.yaml, coders/b/CASE.yaml',
      );

    const agreement = measureAgreement(compileMatrix(matrix.matrix), codedCases(records), {
      ...(options.asOf !== undefined && { asOf: options.asOf }),
      ...(options.metric !== undefined && { metric: options.metric }),
      bootstrap: { samples: options.samples, seed: options.seed, level: DEFAULT_BOOTSTRAP.level },
    });
    const report: AgreementReport = {
      tool: TOOL,
      matrix: { id: matrix.matrix.id, version: matrix.matrix.version, title: matrix.matrix.title, file: matrix.file, sha256: matrix.sha256 },
      asOf: options.asOf ?? null,
      files: records.map(({ coder, case: id, title, date, file, sha256 }) => ({ coder, case: id, title, date, file, sha256 })),
      agreement,
      minAlpha: options.minAlpha ?? null,
    };
    writeOutputs(targets, (format, style) => render(format, report, style), context, options.color);
    // In GitHub Actions, -f github also writes the job summary, as validate and test do.
    if (targets.some((target) => target.format === 'github')) appendStepSummary(context.io, agreementCiReport(report));
    if (!passesMinAlpha(report)) {
      context.io.stderr(
        `alpha below --min-alpha ${report.minAlpha}: ${agreement.overall.map((s) => `${s.metric} ${s.alpha === null ? 'undefined' : s.alpha.toFixed(3)}`).join(', ')}\n`,
      );
      context.setExitCode(1);
    }
  });
}

function render(format: AgreeFormat, report: AgreementReport, style: TextStyle): string {
  switch (format) {
    case 'table':
      return formatAgreementTable(report, style);
    case 'markdown':
      return formatAgreementMarkdown(report);
    case 'json':
      return formatAgreementJson(report);
    case 'csv':
      return formatAgreementCsv(report);
    case 'html':
      return formatAgreementHtml(report);
    default:
      return ciFormatters[format](agreementCiReport(report));
  }
}

function parseAlpha(value: string): number {
  const alpha = Number(value);
  if (value.trim() === '' || !Number.isFinite(alpha) || alpha < -1 || alpha > 1) throw new InvalidArgumentError('expected a number from -1 to 1');
  return alpha;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 100_000) throw new InvalidArgumentError('expected a whole number from 1 to 100000');
  return n;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 0xffffffff) throw new InvalidArgumentError('expected a whole number from 0 to 4294967295');
  return n;
}
