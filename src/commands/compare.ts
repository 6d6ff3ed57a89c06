import type { Command } from 'commander';
import { compileMatrix, evaluateRecord } from '../engine/index.js';
import { rankTotals } from '../engine/rank.js';
import { compareFormats, type CompareReport } from '../format/compare.js';
import { FORMAT_NAMES } from '../format/formatter.js';
import { TOOL } from '../package-info.js';
import { renderVisuals } from './visual-outputs.js';
import { VISUAL_FORMATS, isVisualFormat } from '../format/visual-formats.js';
import type { CommandContext } from './context.js';
import { checkDate, collect, loadInputsFound, matricesNamed } from './load-inputs.js';
import { beforeSummit, beforeSummitWarning, notHeld } from './not-held.js';
import { addOutputOptions, helpExamples, jsonOnStdout, writeOutputs } from './output-options.js';
import type { CompareDocument } from '../format/html/research.js';

export function registerCompare(program: Command, context: CommandContext): void {
  const command = program
    .command('compare')
    .description('score several records side by side (cases x criteria, total, verdict, rank), or one record under several matrices')
    .addHelpText(
      'after',
      helpExamples([
        'compare us-china-2013-06 us-china-2015-09 -m lewis-2015',
        'compare us-china-2015-09 -m lewis-2015 -m critics-2015',
        'compare records/*.yaml -m my-matrix.yaml -f csv -o compare.csv',
      ]),
    )
    .argument(
      '<records...>',
      'record files (YAML or JSON), folders, globs, NDJSON files (.ndjson, .jsonl: a record per line), bundled record ids, or - for stdin',
    )
    .option('-m, --matrix <file|id>', 'matrix file or bundled id (needed); repeat it to compare under several matrices', collect)
    .option('--as-of <date>', 'judge every record as of this date (YYYY-MM-DD)')
    .option('--color', 'colour even when stdout is not a terminal (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR or FORCE_COLOR=0; the default when stdout is not a terminal)');
  const outputs = addOutputOptions(command, [...FORMAT_NAMES, ...VISUAL_FORMATS], 'table');
  command.action(async (records: string[], options: { matrix?: string[]; asOf?: string; color?: boolean }) => {
    const targets = outputs();
    context.setJsonErrors(jsonOnStdout(targets));
    checkDate('--as-of', options.asOf);
    const { matrices, records: loaded } = await loadInputsFound(context.io, matricesNamed('compare', options.matrix, records), records);
    const evaluateOptions = options.asOf === undefined ? {} : { asOf: options.asOf };
    const report: CompareReport = {
      tool: TOOL,
      asOf: options.asOf ?? null,
      records: loaded,
      comparisons: matrices.map((matrix) => {
        const compiled = compileMatrix(matrix.definition);
        const results = loaded.map((input) => {
          const result = evaluateRecord(compiled, input.record, evaluateOptions);
          if (!beforeSummit(result)) return result;
          context.notice(beforeSummitWarning(result));
          return notHeld(result);
        });
        return { matrix, results, places: rankTotals(results.map((result) => result.scoreRange)) };
      }),
    };
    const visuals = await renderVisuals(targets, () => ({
      kind: 'compare',
      doc: JSON.parse(compareFormats.json(report, { color: false })) as CompareDocument,
    }));
    writeOutputs(targets, (format, style) => (isVisualFormat(format) ? visuals.get(format)! : compareFormats[format](report, style)), context, options.color);
  });
}
