import { Chalk, type ChalkInstance } from 'chalk';
import { verdictPaint } from './charts.js';
import { fitTable, fitText } from './fit-table.js';
import { AGGREGATION_METHODS, type CaseResult, type Matrix } from '../engine/index.js';
import { isGridMatrix } from './grid.js';
import { formatGridResult, gridTableText } from './grid-table.js';
import { round2 } from './numbers.js';
import { totalText } from './interval.js';
import type { FormatContext, Formatter } from './formatter.js';
import type { EvaluationReport } from './report.js';
import { extendsLine } from './research.js';
import { intervalText, levelRangeText, settlementText, unknownFactText, verdictsText } from './interval.js';
import { safeText } from '../terminal-text.js';
import { anyUnverified, criterionRows, CRITERION_COLUMNS, MAY_NOT_APPLY, type CriterionRow } from './criterion-rows.js';

/** One table per record: a row per criterion, then the total, the verdict and the gates. */
export const formatTable: Formatter<EvaluationReport> = (report, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const matrix = report.matrix.definition;
  const blocks: string[] = [];
  if (report.bundledDefault) {
    blocks.push(
      chalk.dim(
        `Scoring the bundled default: matrix ${matrix.id} on record ${report.results[0]?.result.record.id}. Name your own with: summit-score evaluate RECORD... -m MATRIX`,
      ),
    );
  }
  for (const { result } of report.results) blocks.push(formatResult(result, report, context, chalk));
  return `${fitText(blocks.join('\n\n'), context.width)}\n`;
};

function formatResult(result: CaseResult, report: EvaluationReport, context: FormatContext, chalk: ChalkInstance): string {
  const matrix = report.matrix.definition;
  if (result.grid && isGridMatrix(matrix)) return formatGridResult(result, report, context, chalk);
  const lines: string[] = [];
  lines.push(chalk.bold(`${safeText(result.record.title)} (${result.record.id})`));
  lines.push(chalk.dim(`matrix ${matrix.id} ${safeText(matrix.version)}, as of ${result.asOf}`));
  const extended = extendsLine(report.matrix);
  if (extended) lines.push(chalk.dim(safeText(extended)));

  const rows = criterionRows(result, matrix);
  const cells = rows.map((row) => [
    safeText(row.label),
    levelText(row, chalk),
    row.points.exact ?? row.points.bounds,
    row.weight,
    row.contribution.exact ?? row.contribution.bounds,
    row.evidence.map((item) => safeText(`${item.event} ${item.date}${item.verified ? '' : ' †'}`)).join('\n'),
  ]);
  lines.push(fitTable(CRITERION_COLUMNS, cells, context));
  if (result.grid) lines.push(gridTableText(result, result.grid, { ...context, explain: false }, chalk));
  lines.push(totalLine(result, matrix, chalk));
  if (result.gates.length > 0) {
    const gates = result.gates.map((gate) => {
      const status = gate.status === 'failed' ? chalk.red(gate.status) : gate.status === 'passed' ? chalk.green(gate.status) : gate.status;
      return `${gate.criterion} at ${gate.requires} or above for better than ${gate.above}: ${status}`;
    });
    lines.push(`Gates: ${gates.join('; ')}`);
  }
  lines.push(chalk.dim(`Aggregation: ${matrix.aggregation}, ${AGGREGATION_METHODS[matrix.aggregation]}.`));
  if (anyUnverified(rows)) lines.push(chalk.dim('† rests on a source marked unverified'));
  if (result.unknown.criteria.length > 0) lines.push(unknownLines(result, chalk));
  if (context.explain) lines.push(explanations(result, chalk));
  return lines.join('\n');
}

function levelText(row: CriterionRow, chalk: ChalkInstance): string {
  const criterion = row.result;
  if (row.level === null) {
    const mean =
      criterion.points === null && criterion.normalisedRange
        ? `${intervalText({ low: criterion.normalisedRange.low * criterion.maxPoints, high: criterion.normalisedRange.high * criterion.maxPoints })} unknown`
        : round2(criterion.points!);
    return `per party (mean ${mean})${row.mayNotApply ? MAY_NOT_APPLY : ''}`;
  }
  if (!criterion.applicable) return chalk.dim(row.level);
  return criterion.level ? safeText(row.level) : chalk.yellow(safeText(row.level));
}

function totalLine(result: CaseResult, matrix: Matrix, chalk: ChalkInstance): string {
  if (result.asOf < result.record.date) return chalk.yellow(`No total: as of ${result.asOf} the summit (${result.record.date}) had not happened.`);
  if (result.scoreRange !== null && (result.score === null || result.verdict === null) && result.unknown.criteria.length > 0) {
    const share = `${round2(100 * result.unknown.share).toFixed(0)}% of the weight unknown`;
    const verdict = result.undetermined ? 'undetermined (the matrix gives no verdict when more is unknown)' : verdictsText(result.verdicts, false);
    return `Total ${intervalText(result.scoreRange)} / 100  Verdict: ${chalk.bold(chalk.yellow(safeText(verdict)))}  (${share})`;
  }
  if (result.score === null || result.verdict === null) return chalk.yellow('No total: no weighted criterion applies.');
  const paint = verdictPaint(chalk, matrix, result.verdict);
  const capped = result.band !== result.verdict ? ` (the score alone earns ${result.band}; a gate caps it)` : '';
  return `Total ${totalText(result)} / 100  Verdict: ${chalk.bold(paint(result.verdict))}${capped}`;
}

/** What the record does not settle, cell by cell: the facts that would settle each. */
function unknownLines(result: CaseResult, chalk: ChalkInstance): string {
  const lines = [chalk.bold('Not known:')];
  for (const criterion of result.criteria) {
    for (const cell of [criterion, ...(criterion.parties ?? [])]) {
      if (cell.unknown.length === 0 && cell.applicable !== 'unknown') continue;
      const who = 'party' in cell ? `${criterion.id} (${cell.party})` : criterion.id;
      const range = cell.levelRange && cell.levelRange.low?.label !== cell.levelRange.high?.label ? `: ${levelRangeText(cell.levelRange)}` : '';
      lines.push(safeText(`  ${who}${range}${cell.applicable === 'unknown' ? ', may not apply' : ''}`));
      for (const fact of cell.unknown) {
        const settled =
          'party' in cell
            ? undefined
            : result.settlements?.find((s) => s.criterion === criterion.id && s.fact.event === fact.event && s.fact.field === fact.field);
        lines.push(safeText(`    ${unknownFactText(fact)}${settled ? `: ${settlementText(settled)}` : ''}`));
      }
    }
  }
  return lines.join('\n');
}

function explanations(result: CaseResult, chalk: ChalkInstance): string {
  const lines = [chalk.bold('Why not the next level up:')];
  for (const criterion of result.criteria) {
    const { explanation } = criterion;
    if (!explanation) {
      if (criterion.applicable && criterion.level) lines.push(`  ${criterion.id}: at its top level`);
      continue;
    }
    const { failure } = explanation;
    const where = failure.location ? ` ${safeText(`${failure.location.file}:${failure.location.line}:${failure.location.col}`)}` : '';
    const target = explanation.level ? `not ${explanation.level.label}` : 'does not apply';
    lines.push(`  ${criterion.id}: ${target}${chalk.dim(where)}`);
    lines.push(`    expected: ${safeText(failure.expected)}`);
    const subject = failure.event && !failure.actual.startsWith(failure.event) ? `${failure.event}: ` : '';
    lines.push(`    actual:   ${safeText(subject + failure.actual)}`);
  }
  return lines.join('\n');
}
