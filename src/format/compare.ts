import { acrossSummits, type CaseResult, type CriterionResult } from '../engine/index.js';
import { ACROSS_NOTE, acrossCsv, areaLayout, memberLayout, projectAcross } from './compare-grid.js';
import { isGridMatrix, type GridLayout } from './grid.js';
import type { RankPlace } from '../engine/rank.js';
import { bar, paintVerdict } from './charts.js';
import { toCsv } from './csv.js';
import { fitTable, fitText } from './fit-table.js';
import type { CsvValue } from './csv-table.js';
import { CASE_COLUMNS, caseCells, CELL_COLUMNS, cellRows, levelRangeWord, resultIds, scoreOf, wideCells, wideColumns } from './evaluation-rows.js';
import { totalText, verdictWords } from './interval.js';
import { hundredths, round2 } from './numbers.js';
import { mdTable, mdText } from './markdown-text.js';
import { chalkFor } from './colour.js';
import { jsonText, matrixLine, matrixMarkdown, ndjsonText, projectMatrix, projectRecord, type MatrixInput, type RecordInput, type Tool } from './research.js';
import { safeText } from '../terminal-text.js';
import type { FormatContext, Formats } from './formatter.js';
import { itemAt } from '../checked-index.js';

const COMPARE_SCHEMA_ID = 'summit-score/compare@2';
const COMPARE_ROW_SCHEMA_ID = 'summit-score/compare-row@2';

/** The records scored against one matrix, and their ranks. */
interface Comparison {
  readonly matrix: MatrixInput;
  readonly results: readonly CaseResult[];
  readonly places: readonly RankPlace[];
}

export interface CompareReport {
  readonly tool: Tool;
  readonly asOf: string | null;
  readonly records: readonly RecordInput[];
  readonly comparisons: readonly Comparison[];
}

const RANKING =
  'by total, highest first; equal totals share a rank (1, 2, 2, 4) and are flagged as tied; a total the record leaves open (an interval) has the range ' +
  'of places it allows (2–4), and so may the cases it overlaps; a case without a total is not ranked';

function projectCell(criterion: CriterionResult) {
  return {
    id: criterion.id,
    criterion: criterion.criterion,
    subject: criterion.subject,
    applicable: criterion.applicable,
    level: criterion.level?.label ?? null,
    levelRange: criterion.levelRange && { low: criterion.levelRange.low?.label ?? null, high: criterion.levelRange.high?.label ?? null },
    levelScore: criterion.level?.score ?? null,
    points: criterion.points === null ? null : round2(criterion.points),
    maxPoints: criterion.maxPoints,
    contribution: criterion.contribution === null ? null : round2(criterion.contribution),
    contributionRange: { low: round2(criterion.contributionRange.low), high: round2(criterion.contributionRange.high) },
    parties:
      criterion.parties &&
      criterion.parties.map((cell) => ({
        party: cell.party,
        applicable: cell.applicable,
        level: cell.level?.label ?? null,
        points: cell.points === null ? null : round2(cell.points),
      })),
  };
}

function projectRow(result: CaseResult, place: RankPlace) {
  return {
    record: result.record.id,
    asOf: result.asOf,
    score: scoreOf(result),
    scoreRange: result.scoreRange && { low: hundredths(result.scoreRange.low), high: hundredths(result.scoreRange.high) },
    band: result.band,
    verdict: result.verdict,
    verdicts: result.verdicts,
    undetermined: result.undetermined,
    unknownShare: round2(result.unknown.share * 100) / 100,
    rank: place.rank,
    rankRange: place.rankRange,
    tied: place.tied,
    criteria: result.criteria.map(projectCell),
  };
}

function document(report: CompareReport) {
  return {
    schema: COMPARE_SCHEMA_ID,
    tool: { name: report.tool.name, version: report.tool.version },
    asOf: report.asOf,
    ranking: RANKING,
    matrices: report.comparisons.map((c) => projectMatrix(c.matrix)),
    records: report.records.map(projectRecord),
    comparisons: report.comparisons.map((c) => ({
      matrix: c.matrix.definition.id,
      criteria: c.matrix.definition.criteria.map((criterion) => ({ id: criterion.id, title: criterion.title, weight: criterion.weight })),
      rows: c.results.map((result, i) => projectRow(result, itemAt(c.places, i))),
      across: projectAcross(acrossOf(c)),
    })),
  };
}

/** The tables across summits: null unless the matrix is a compliance grid and two or more records have a grid. */
function acrossOf(comparison: Comparison) {
  const matrix = comparison.matrix.definition;
  return isGridMatrix(matrix) ? acrossSummits(matrix, comparison.results) : null;
}

/** Rows in rank order, unranked last, ties and equal ranks in the order given. */
function byRank(comparison: Comparison): { result: CaseResult; place: RankPlace }[] {
  return comparison.results
    .map((result, i) => ({ result, place: itemAt(comparison.places, i), i }))
    .sort(
      (a, b) =>
        (a.place.rankRange?.best ?? Infinity) - (b.place.rankRange?.best ?? Infinity) ||
        (a.place.rankRange?.worst ?? Infinity) - (b.place.rankRange?.worst ?? Infinity) ||
        a.i - b.i,
    );
}

function rankText(place: RankPlace): string {
  if (place.rankRange === null) return '-';
  if (place.rank === null) return `${place.rankRange.best}–${place.rankRange.worst}`;
  return `${place.tied ? '=' : ''}${place.rank}`;
}

/** A criterion's cell in one word: its level, or the mean share of points of a per-party or forEach criterion. */
function cellText(result: CaseResult, criterion: string): string {
  const results = result.criteria.filter((c) => c.criterion === criterion);
  if (results.length === 1 && !itemAt(results, 0).parties) return levelRangeWord(results[0]) ?? '(none)';
  const applicable = results.filter((c) => c.applicable && c.normalised !== null);
  if (applicable.length === 0) return results.length === 0 ? '-' : 'n/a';
  const mean = applicable.reduce((sum, c) => sum + c.normalised!, 0) / applicable.length;
  const subjects = results.length > 1 || itemAt(results, 0).subject !== null ? ` (${results.length} subject${results.length === 1 ? '' : 's'})` : '';
  return `${Math.round(100 * mean)}%${subjects}`;
}

/** A criterion's points in the total (all its subjects); its bar and the total's share one scale, 0-100. */
function contributionOf(result: CaseResult, criterion: string): number {
  return result.criteria.filter((c) => c.criterion === criterion).reduce((sum, c) => sum + (c.contribution ?? c.contributionRange.low), 0);
}

function formatTable(report: CompareReport, context: FormatContext): string {
  const chalk = chalkFor(context);
  const blocks: string[] = [];
  for (const comparison of report.comparisons) {
    const matrix = comparison.matrix.definition;
    const ids = matrix.criteria.map((c) => c.id);
    const rows = byRank(comparison).map(({ result, place }) => [
      rankText(place),
      safeText(result.record.id),
      ...ids.map((id) => `${safeText(cellText(result, id))} ${bar(contributionOf(result, id), 100, 10)}`.trimEnd()),
      totalText(result),
      result.verdict === null && result.verdicts.length + Number(result.undetermined) > 0
        ? safeText(verdictWords(result))
        : paintVerdict(chalk, matrix, result.verdict),
      bar(result.score ?? result.scoreRange?.low ?? 0, 100, 10),
    ]);
    const table = fitTable(['Rank', 'Record', ...ids.map(safeText), 'Total', 'Verdict', ''], rows, { ...context, key: 1 });
    const lines = [chalk.bold(safeText(matrix.title)), matrixLine(comparison.matrix, chalk), table];
    lines.push(
      `Bars: each criterion's contribution and the total, on one scale (a full bar is 100)${comparison.places.some((p) => p.tied) ? '; = tied: the same total as another case' : ''}`,
    );
    const across = acrossOf(comparison);
    if (across) {
      const drawn = (layout: GridLayout) =>
        fitTable(
          layout.head.map(safeText),
          layout.rows.map((row) => row.map(safeText)),
          context,
        );
      lines.push(
        chalk.bold('Compliance by member, summit by summit'),
        drawn(memberLayout(across)),
        chalk.bold('By issue area'),
        drawn(areaLayout(across)),
        chalk.dim(ACROSS_NOTE),
      );
    }
    blocks.push(lines.join('\n'));
  }
  if (report.comparisons.length > 1) blocks.push(crossTable(report, context));
  blocks.push(chalk.dim(`Ranks: ${RANKING}.`));
  return `${fitText(blocks.join('\n\n'), context.width)}\n`;
}

/** Records down, matrices across: the same case under each matrix. */
function crossTable(report: CompareReport, context: FormatContext): string {
  const chalk = chalkFor(context);
  const rows = report.records.map((record, i) => [
    safeText(record.record.id),
    ...report.comparisons.map((c) => {
      const result = itemAt(c.results, i);
      const verdict = result.verdict === null ? safeText(verdictWords(result)) : paintVerdict(chalk, c.matrix.definition, result.verdict);
      return `${totalText(result)} ${verdict} (rank ${rankText(itemAt(c.places, i))})`;
    }),
  ]);
  const table = fitTable(['Record', ...report.comparisons.map((c) => safeText(c.matrix.definition.id))], rows, context);
  return `${chalk.bold('Each record under each matrix')}\n${table}`;
}

function formatMarkdown(report: CompareReport): string {
  const blocks: string[] = [];
  for (const comparison of report.comparisons) {
    const matrix = comparison.matrix.definition;
    const ids = matrix.criteria.map((c) => c.id);
    const rows = byRank(comparison).map(({ result, place }) => [
      rankText(place),
      `\`${result.record.id}\``,
      ...ids.map((id) => mdText(cellText(result, id))),
      totalText(result, ''),
      mdText(verdictWords(result)),
    ]);
    const section = [
      `## ${mdText(matrix.title)}`,
      matrixMarkdown(comparison.matrix),
      mdTable(['Rank', 'Record', ...ids.map(mdText), 'Total', 'Verdict'], rows, [0, ids.length + 2]),
    ];
    const across = acrossOf(comparison);
    if (across) {
      const md = (layout: GridLayout) =>
        mdTable(
          layout.head.map(mdText),
          layout.rows.map((row) => row.map(mdText)),
          layout.head.map((_, i) => i).slice(1),
        );
      section.push('Compliance by member, summit by summit:', md(memberLayout(across)), 'By issue area:', md(areaLayout(across)), mdText(ACROSS_NOTE));
    }
    blocks.push(section.join('\n\n'));
  }
  if (report.comparisons.length > 1) {
    const rows = report.records.map((record, i) => [
      `\`${record.record.id}\``,
      ...report.comparisons.map((c) => `${totalText(itemAt(c.results, i))} ${mdText(verdictWords(itemAt(c.results, i)))} (${rankText(itemAt(c.places, i))})`),
    ]);
    blocks.push(
      ['## Each record under each matrix', mdTable(['Record', ...report.comparisons.map((c) => `\`${c.matrix.definition.id}\``)], rows)].join('\n\n'),
    );
  }
  blocks.push(`Ranks: ${RANKING}; = marks a tie.`);
  return `${blocks.join('\n\n')}\n`;
}

const RANK_COLUMNS = ['rank', 'rank_best', 'rank_worst', 'tied'] as const;

function rankCells(place: RankPlace): CsvValue[] {
  return [place.rank, place.rankRange?.best ?? null, place.rankRange?.worst ?? null, place.tied];
}

function formatLong(report: CompareReport): string {
  const columns = ['matrix', 'matrix_version', 'record', 'as_of', ...CELL_COLUMNS, ...CASE_COLUMNS, ...RANK_COLUMNS];
  const rows: CsvValue[][] = [];
  for (const comparison of report.comparisons) {
    const matrix = comparison.matrix.definition;
    comparison.results.forEach((result, i) => {
      const place = itemAt(comparison.places, i);
      for (const cells of cellRows(result))
        rows.push([matrix.id, matrix.version, result.record.id, result.asOf, ...cells, ...caseCells(result), ...rankCells(place)]);
    });
  }
  return toCsv({ columns, rows });
}

function formatCsv(report: CompareReport): string {
  // Under compliance matrices the CSV is the tables across summits, as `evaluate -f csv` is the grid.
  const across = report.comparisons.map((c) => ({ matrix: c.matrix.definition, across: acrossOf(c) }));
  if (across.every((c) => c.across !== null)) return toCsv(acrossCsv(across.map((c) => ({ matrix: c.matrix, across: c.across! }))));
  const ids = [...new Set(report.comparisons.flatMap((c) => resultIds(c.matrix.definition, c.results)))];
  const columns = ['matrix', 'matrix_version', 'record', 'title', 'as_of', ...CASE_COLUMNS, ...RANK_COLUMNS, ...ids.flatMap(wideColumns)];
  const rows: CsvValue[][] = [];
  for (const comparison of report.comparisons) {
    const matrix = comparison.matrix.definition;
    comparison.results.forEach((result, i) => {
      const place = itemAt(comparison.places, i);
      const byId = new Map(result.criteria.map((c) => [c.id, c]));
      const cells = ids.flatMap((id) => wideCells(byId.get(id)));
      rows.push([matrix.id, matrix.version, result.record.id, result.record.title, result.asOf, ...caseCells(result), ...rankCells(place), ...cells]);
    });
  }
  return toCsv({ columns, rows });
}

function formatNdjson(report: CompareReport): string {
  return ndjsonText(
    report.comparisons.flatMap((c) =>
      c.results.map((result, i) => ({
        schema: COMPARE_ROW_SCHEMA_ID,
        matrix: { id: c.matrix.definition.id, version: c.matrix.definition.version, sha256: c.matrix.sha256 },
        ...projectRow(result, itemAt(c.places, i)),
      })),
    ),
  );
}

export const compareFormats: Formats<CompareReport> = {
  table: formatTable,
  json: (report) => jsonText(document(report)),
  markdown: formatMarkdown,
  csv: formatCsv,
  long: formatLong,
  ndjson: formatNdjson,
};
