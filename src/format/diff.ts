import type { CaseDiff, Change, CriterionDiff, EvaluationDiff, NumberChange } from '../engine/diff.js';
import { toCsv } from './csv.js';
import type { CsvValue } from './csv-table.js';
import { mdTable, mdText } from './markdown-text.js';
import { chalkFor } from './colour.js';
import { fitTable, fitText } from './fit-table.js';
import { jsonText, ndjsonText, type Tool } from './research.js';
import { safeText } from '../terminal-text.js';
import type { FormatContext, Formats } from './formatter.js';

const DIFF_SCHEMA_ID = 'summit-score/diff@1';
const DIFF_CASE_SCHEMA_ID = 'summit-score/diff-case@1';

interface DiffInput {
  readonly file: string;
  readonly sha256: string;
}

export interface DiffReport {
  readonly tool: Tool;
  readonly a: DiffInput;
  readonly b: DiffInput;
  readonly diff: EvaluationDiff;
}

const fixed = (value: number | null) => (value === null ? '-' : value.toFixed(2));
const signed = (value: number | null) => (value === null || value === 0 ? '' : ` (${value > 0 ? '+' : ''}${value.toFixed(2)})`);

function numberText(change: NumberChange, digits = true): string {
  const show = (value: number | null) => (value === null ? '-' : digits ? fixed(value) : String(value));
  if (change.a === change.b) return show(change.a);
  return `${show(change.a)} -> ${show(change.b)}${digits ? signed(change.delta) : change.delta === null ? '' : ` (${change.delta > 0 ? '+' : ''}${change.delta})`}`;
}

/** The total: its number, or the interval the record leaves it in. */
function totalText(change: Change<{ readonly low: number; readonly high: number }>, score: NumberChange): string {
  const show = (range: { readonly low: number; readonly high: number } | null) =>
    range === null ? '-' : range.low === range.high ? fixed(range.low) : `${fixed(range.low)}–${fixed(range.high)}`;
  const a = show(change.a);
  const b = show(change.b);
  return a === b ? a : `${a} -> ${b}${signed(score.delta)}`;
}

function valueText(change: Change<string>): string {
  return change.a === change.b ? (change.a ?? '-') : `${change.a ?? '-'} -> ${change.b ?? '-'}`;
}

function criterionText(criterion: CriterionDiff): string {
  if (criterion.status === 'added') return `${criterion.id}: added (${criterion.level.b ?? 'no level'})`;
  if (criterion.status === 'removed') return `${criterion.id}: removed (was ${criterion.level.a ?? 'no level'})`;
  const parts = [];
  if (criterion.level.a !== criterion.level.b) parts.push(`level ${valueText(criterion.level)}`);
  if (criterion.weight.delta !== 0) parts.push(`weight ${numberText(criterion.weight, false)}`);
  if (criterion.points.a !== criterion.points.b) parts.push(`points ${numberText(criterion.points)}`);
  if (criterion.contribution.delta !== 0) parts.push(`contribution ${numberText(criterion.contribution)}`);
  const parties = criterion.parties.filter((cell) => cell.changed).map((cell) => `${cell.party} ${valueText(cell.level)}`);
  if (parties.length > 0) parts.push(`parties: ${parties.join(', ')}`);
  return `${criterion.id}: ${parts.join(', ')}`;
}

function matrixText(report: DiffReport, side: 'a' | 'b'): string {
  const matrix = report.diff.matrix[side];
  return `${report[side].file} (matrix ${matrix ? `${matrix.id} ${matrix.version}` : '?'})`;
}

function formatTable(report: DiffReport, context: FormatContext): string {
  const chalk = chalkFor(context);
  const rows = report.diff.cases.map((item) => {
    const status = item.status === 'unchanged' ? chalk.dim(item.status) : chalk.yellow(item.status);
    // Escaped before it is painted: the tool's own colour must not go through the input's escaping.
    const verdict = item.verdict.a === item.verdict.b ? safeText(item.verdict.a ?? '-') : chalk.bold(safeText(valueText(item.verdict)));
    return [safeText(item.record), status, safeText(valueText(item.asOf)), totalText(item.scoreRange, item.score), verdict, numberText(item.rank, false)];
  });
  const table = fitTable(['Record', 'Status', 'As of', 'Score', 'Verdict', 'Rank'], rows, context);
  const lines = [chalk.bold(`A: ${safeText(matrixText(report, 'a'))}`), chalk.bold(`B: ${safeText(matrixText(report, 'b'))}`), table];
  const changed = report.diff.cases.filter((item) => item.criteria.some((c) => c.status !== 'unchanged'));
  if (changed.length > 0) {
    lines.push(chalk.bold('Criteria that changed:'));
    for (const item of changed) {
      lines.push(`  ${safeText(item.record)}`);
      for (const criterion of item.criteria.filter((c) => c.status !== 'unchanged')) lines.push(`    ${safeText(criterionText(criterion))}`);
    }
  } else {
    lines.push('No criterion changed.');
  }
  lines.push(chalk.dim('Deltas are B minus A; a negative rank delta is a climb.'));
  return `${fitText(lines.join('\n'), context.width)}\n`;
}

function formatMarkdown(report: DiffReport): string {
  const rows = report.diff.cases.map((item) => [
    `\`${item.record}\``,
    item.status,
    mdText(valueText(item.asOf)),
    mdText(totalText(item.scoreRange, item.score)),
    mdText(valueText(item.verdict)),
    mdText(numberText(item.rank, false)),
  ]);
  const blocks = [
    '## Differences between two evaluations',
    `A: ${mdText(matrixText(report, 'a'))}. B: ${mdText(matrixText(report, 'b'))}. Deltas are B minus A; a negative rank delta is a climb.`,
    mdTable(['Record', 'Status', 'As of', 'Score', 'Verdict', 'Rank'], rows),
  ];
  const items = report.diff.cases.flatMap((item) =>
    item.criteria.filter((c) => c.status !== 'unchanged').map((criterion) => `- \`${item.record}\` ${mdText(criterionText(criterion))}`),
  );
  blocks.push(items.length > 0 ? ['### Criteria that changed', '', ...items].join('\n') : 'No criterion changed.');
  return `${blocks.join('\n\n')}\n`;
}

function projectCase(item: CaseDiff) {
  return {
    record: item.record,
    title: item.title,
    status: item.status,
    asOf: item.asOf,
    score: item.score,
    scoreRange: item.scoreRange,
    verdict: { ...item.verdict, changed: item.verdict.a !== item.verdict.b },
    rank: item.rank,
    criteria: item.criteria.map((criterion) => ({ ...criterion, parties: criterion.parties.map((cell) => ({ ...cell })) })),
  };
}

function side(report: DiffReport, which: 'a' | 'b') {
  return { file: report[which].file, sha256: report[which].sha256, matrix: report.diff.matrix[which] };
}

function formatLong(report: DiffReport): string {
  const columns = [
    'record',
    'criterion',
    'party',
    'status',
    'level_a',
    'level_b',
    'points_a',
    'points_b',
    'points_delta',
    'weight_a',
    'weight_b',
    'contribution_a',
    'contribution_b',
    'contribution_delta',
    'score_a',
    'score_b',
    'verdict_a',
    'verdict_b',
  ];
  const rows: CsvValue[][] = [];
  for (const item of report.diff.cases) {
    const tail: CsvValue[] = [item.score.a, item.score.b, item.verdict.a, item.verdict.b];
    for (const criterion of item.criteria) {
      const common = (party: string | null, status: string, level: Change<string>, points: NumberChange): CsvValue[] => [
        item.record,
        criterion.id,
        party,
        status,
        level.a,
        level.b,
        points.a,
        points.b,
        points.delta,
        criterion.weight.a,
        criterion.weight.b,
        criterion.contribution.a,
        criterion.contribution.b,
        criterion.contribution.delta,
        ...tail,
      ];
      if (criterion.parties.length === 0) rows.push(common(null, criterion.status, criterion.level, criterion.points));
      for (const cell of criterion.parties) rows.push(common(cell.party, cell.changed ? 'changed' : 'unchanged', cell.level, cell.points));
    }
  }
  return toCsv({ columns, rows });
}

function formatCsv(report: DiffReport): string {
  const columns = [
    'record',
    'status',
    'as_of_a',
    'as_of_b',
    'score_a',
    'score_b',
    'score_delta',
    'verdict_a',
    'verdict_b',
    'verdict_changed',
    'rank_a',
    'rank_b',
    'rank_delta',
    'criteria_changed',
  ];
  const rows = report.diff.cases.map((item): CsvValue[] => [
    item.record,
    item.status,
    item.asOf.a,
    item.asOf.b,
    item.score.a,
    item.score.b,
    item.score.delta,
    item.verdict.a,
    item.verdict.b,
    item.verdict.a !== item.verdict.b,
    item.rank.a,
    item.rank.b,
    item.rank.delta,
    item.criteria.filter((c) => c.status !== 'unchanged').length,
  ]);
  return toCsv({ columns, rows });
}

export const diffFormats: Formats<DiffReport> = {
  table: formatTable,
  json: (report) =>
    jsonText({
      schema: DIFF_SCHEMA_ID,
      tool: { name: report.tool.name, version: report.tool.version },
      a: side(report, 'a'),
      b: side(report, 'b'),
      deltas: 'B minus A; a negative rank delta is a climb; ranks are by total within each evaluation',
      cases: report.diff.cases.map(projectCase),
    }),
  markdown: formatMarkdown,
  csv: formatCsv,
  long: formatLong,
  ndjson: (report) =>
    ndjsonText(report.diff.cases.map((item) => ({ schema: DIFF_CASE_SCHEMA_ID, a: side(report, 'a'), b: side(report, 'b'), ...projectCase(item) }))),
};
