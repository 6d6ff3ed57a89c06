import { Chalk, type ChalkInstance } from 'chalk';
import { verdictPaint } from './charts.js';
import { fitTable, fitText } from './fit-table.js';
import { AGGREGATION_METHODS, type CaseResult, type CriterionResult, type Matrix } from '../engine/index.js';
import { isGridMatrix } from './grid.js';
import { formatGridResult, gridTableText } from './grid-table.js';
import { round2 } from './numbers.js';
import type { EvaluationReport, FormatContext, Formatter } from './report.js';
import { extendsLine } from './research.js';
import { safeText } from '../terminal-text.js';

/** One table per record: a row per criterion, then the total, the verdict and the gates. */
export const formatTable: Formatter = (report, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const matrix = report.matrix.definition;
  const blocks: string[] = [];
  if (report.bundledDefault) {
    blocks.push(
      chalk.dim(`Scoring the bundled default: matrix ${matrix.id} on record ${report.results[0]?.result.record.id}. Name your own with: summit-score evaluate RECORD... -m MATRIX`),
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

  const rows: string[][] = [];
  let unverified = false;
  for (const criterion of result.criteria) {
    const gated = matrix.criteria.find((c) => c.id === criterion.id)?.gates.length ? ' (gate)' : '';
    const evidence = criterion.evidence.map((item) => {
      const verified = item.sources.length > 0 && item.sources.every((source) => source.verified);
      if (!verified) unverified = true;
      return `${item.event} ${item.date}${verified ? '' : ' †'}`;
    });
    rows.push([
      safeText(criterion.id + gated),
      levelText(criterion, chalk),
      criterion.points === null ? '' : `${round2(criterion.points)}/${criterion.maxPoints}`,
      String(criterion.weight),
      criterion.applicable && criterion.weight > 0 ? round2(criterion.contribution).toFixed(2) : '-',
      evidence.map(safeText).join('\n'),
    ]);
  }
  lines.push(fitTable(['Criterion', 'Level', 'Points', 'Weight', 'Contribution', 'Evidence'], rows, context));
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
  if (unverified) lines.push(chalk.dim('† rests on a source marked unverified'));
  if (context.explain) lines.push(explanations(result, chalk));
  return lines.join('\n');
}

function levelText(criterion: CriterionResult, chalk: ChalkInstance): string {
  if (!criterion.applicable) return chalk.dim('n/a');
  if (criterion.parties) return `per party (mean ${round2(criterion.points!)})`;
  if (!criterion.level) return chalk.yellow('(no level)');
  return safeText(`${criterion.level.label} (${criterion.level.score})`);
}

function totalLine(result: CaseResult, matrix: Matrix, chalk: ChalkInstance): string {
  if (result.asOf < result.record.date) return chalk.yellow(`No total: as of ${result.asOf} the summit (${result.record.date}) had not happened.`);
  if (result.score === null || result.verdict === null) return chalk.yellow('No total: no weighted criterion applies.');
  const paint = verdictPaint(chalk, matrix, result.verdict);
  const capped = result.band !== result.verdict ? ` (the score alone earns ${result.band}; a gate caps it)` : '';
  return `Total ${round2(result.score).toFixed(2)} / 100  Verdict: ${chalk.bold(paint(result.verdict))}${capped}`;
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
