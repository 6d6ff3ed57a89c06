import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { CaseResult, Grid } from '../engine/index.js';
import { gridExplanations, gridLayout, gridNotes, windowLayout, type GridLayout } from './grid.js';
import type { EvaluationReport, FormatContext } from './report.js';
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
  const lines = [chalk.bold(`${safeText(result.record.title)} (${result.record.id})`), chalk.dim(`matrix ${matrix.id} ${safeText(matrix.version)}, as of ${result.asOf}`)];
  const extended = extendsLine(report.matrix);
  if (extended) lines.push(chalk.dim(safeText(extended)));
  lines.push(gridTableText(result, result.grid!, context, chalk));
  return lines.join('\n');
}

function drawn(layout: GridLayout, context: FormatContext): string {
  // Commitment titles are sentences: their column wraps at 44 characters; the others fit their text.
  const labelWidth = Math.min(44, Math.max(...[layout.head[0]!, ...layout.rows.map((row) => row[0]!)].map((text) => text.length)) + 2);
  const table = new Table({
    head: layout.head.map(safeText),
    colWidths: [labelWidth],
    wordWrap: true,
    style: { head: context.color ? ['cyan'] : [], border: context.color ? ['grey'] : [] },
  });
  for (const row of layout.rows) table.push(row.map(safeText));
  return table.toString();
}
