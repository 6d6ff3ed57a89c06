import type { ChalkInstance } from 'chalk';
import type { CaseResult, Grid } from '../engine/index.js';
import { fitTable } from './fit-table.js';
import { gridExplanations, gridLayout, gridNotes, windowLayout, type GridLayout } from './grid.js';
import type { FormatContext } from './formatter.js';
import type { EvaluationReport } from './report.js';
import { extendsLine } from './research.js';
import { safeText } from '../terminal-text.js';

/** The compliance table of one result, with its notes and, when the record has two report windows, both side by side. */
export function gridTableText(result: CaseResult, grid: Grid, context: FormatContext, chalk: ChalkInstance): string {
  const blocks = [drawn(gridLayout(grid), context), ...gridNotes(grid).map((note) => chalk.dim(safeText(note)))];
  const windows = windowLayout(grid);
  if (windows) blocks.push(chalk.bold('By member, report by report'), drawn(windows, context));
  if (context.explain) blocks.push(chalk.bold('Where each cell comes from:'), ...gridExplanations(result, grid).map((line) => `  ${safeText(line)}`));
  return blocks.join('\n');
}

/** `evaluate -f table` for a matrix scored per party only: the record's heading, then its compliance table and nothing the reports do not print. */
export function formatGridResult(result: CaseResult, report: EvaluationReport, context: FormatContext, chalk: ChalkInstance): string {
  const matrix = report.matrix.definition;
  const lines = [
    chalk.bold(`${safeText(result.record.title)} (${result.record.id})`),
    chalk.dim(`matrix ${matrix.id} ${safeText(matrix.version)}, as of ${result.asOf}`),
  ];
  const extended = extendsLine(report.matrix);
  if (extended) lines.push(chalk.dim(safeText(extended)));
  lines.push(gridTableText(result, result.grid!, context, chalk));
  return lines.join('\n');
}

function drawn(layout: GridLayout, context: FormatContext): string {
  return fitTable(
    layout.head.map(safeText),
    layout.rows.map((row) => row.map(safeText)),
    context,
  );
}
