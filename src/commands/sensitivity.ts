import { InvalidArgumentError, type Command } from 'commander';
import { compileMatrix, evaluateRecord } from '../engine/index.js';
import { analyseSensitivity, DEFAULT_SENSITIVITY } from '../engine/sensitivity.js';
import { FORMAT_NAMES } from '../format/formatter.js';
import { sensitivityFormats, type SensitivityReport } from '../format/sensitivity.js';
import { TOOL } from '../package-info.js';
import { renderVisuals } from './visual-outputs.js';
import { VISUAL_FORMATS, isVisualFormat } from '../format/visual-formats.js';
import type { CommandContext } from './context.js';
import { checkDate, loadInputsFound, matricesNamed } from './load-inputs.js';
import { addOutputOptions, helpExamples, jsonOnStdout, writeOutputs } from './output-options.js';
import { progressLine } from './progress.js';
import type { SensitivityDocument } from '../format/html/research.js';
import { itemAt } from '../checked-index.js';

export const MAX_SAMPLES = 1_000_000;

interface SensitivityOptions {
  readonly matrix?: string;
  readonly asOf?: string;
  readonly seed: number;
  readonly samples: number;
  readonly weightStep: number;
  readonly color?: boolean;
}

function integerIn(min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || number < min || number > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return number;
  };
}

function share(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0 || number > 1)
    throw new InvalidArgumentError('expected a share above 0, at most 1 (0.1 is a tenth)');
  return number;
}

export function registerSensitivity(program: Command, context: CommandContext): void {
  const command = program
    .command('sensitivity')
    .description(
      'how robust the verdicts (and the ranking) are to other weights and levels: one-at-a-time moves, weight intervals, Monte Carlo, and what it would take to move a band',
    )
    .addHelpText(
      'after',
      helpExamples(['sensitivity us-china-2013-06 us-china-2015-09 -m lewis-2015', 'sensitivity my-record.yaml -m my-matrix.yaml --samples 0 -f json']),
    )
    .argument(
      '<records...>',
      'record files (YAML or JSON), folders, globs, NDJSON files (.ndjson, .jsonl: a record per line), bundled record ids, or - for stdin',
    )
    .option('-m, --matrix <file|id>', 'matrix file or bundled matrix id (needed)')
    .option('--as-of <date>', 'judge every record as of this date (YYYY-MM-DD)')
    .option('--seed <n>', 'seed of the random numbers (same seed, same output)', integerIn(0, 0xffffffff), DEFAULT_SENSITIVITY.seed)
    .option('--samples <n>', `Monte Carlo samples, 0 for none (at most ${MAX_SAMPLES})`, integerIn(0, MAX_SAMPLES), DEFAULT_SENSITIVITY.samples)
    .option('--weight-step <share>', 'the one-at-a-time weight step, as a share of the sum of the weights', share, DEFAULT_SENSITIVITY.weightStep)
    .option('--color', 'colour even when stdout is not a terminal (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR or FORCE_COLOR=0; the default when stdout is not a terminal)');
  const outputs = addOutputOptions(command, [...FORMAT_NAMES, ...VISUAL_FORMATS], 'table');
  command.action(async (records: string[], options: SensitivityOptions) => {
    const targets = outputs();
    context.setJsonErrors(jsonOnStdout(targets));
    checkDate('--as-of', options.asOf);
    const { matrices, records: loaded } = await loadInputsFound(
      context.io,
      matricesNamed('sensitivity', options.matrix === undefined ? undefined : [options.matrix], records),
      records,
    );
    const matrix = itemAt(matrices, 0);
    const compiled = compileMatrix(matrix.definition);
    const results = loaded.map((input) => evaluateRecord(compiled, input.record, options.asOf === undefined ? {} : { asOf: options.asOf }));
    const onProgress = progressLine(context.io, 'sampling weights');
    const analysis = analyseSensitivity(matrix.definition, results, {
      weightStep: options.weightStep,
      samples: options.samples,
      seed: options.seed,
      ...(onProgress && { onProgress }),
    });
    const report: SensitivityReport = { tool: TOOL, matrix, records: loaded, asOf: options.asOf ?? null, results, analysis };
    const visuals = await renderVisuals(targets, () => ({
      kind: 'sensitivity',
      doc: JSON.parse(sensitivityFormats.json(report, { color: false })) as SensitivityDocument,
    }));
    writeOutputs(
      targets,
      (format, style) => (isVisualFormat(format) ? visuals.get(format)! : sensitivityFormats[format](report, style)),
      context,
      options.color,
    );
  });
}
