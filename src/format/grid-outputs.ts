// The compliance table in Markdown and CSV: the same layout as the terminal's (src/format/grid.ts),
// CSV with numeric columns kept numeric and a long form with one row per cell.
import type { CaseResult, Grid, GridAverage } from '../engine/index.js';
import type { CsvTable, CsvValue } from './csv-table.js';
import { gridExplanations, gridLayout, gridNotes, windowLayout } from './grid.js';
import { mdTable, mdText } from './markdown-text.js';
import { longEvaluationRows } from './evaluation-rows.js';
import type { EvaluationReport } from './report.js';
import { itemAt } from '../checked-index.js';

/** The Markdown section of one record scored by a grid matrix. */
export function gridMarkdown(result: CaseResult, file: string, explain: boolean): string {
  const grid = result.grid!;
  const layout = gridLayout(grid);
  const numeric = layout.head.map((_, i) => i).slice(1);
  const lines = [
    `### ${mdText(result.record.title)} (\`${result.record.id}\`)`,
    `As of ${result.asOf}; record ${mdText(file)}.`,
    mdTable(
      layout.head.map(mdText),
      layout.rows.map((row) => row.map(mdText)),
      numeric,
    ),
    gridNotes(grid).map(mdText).join('\n\n'),
  ];
  const windows = windowLayout(grid);
  if (windows)
    lines.push(
      'By member, report by report:',
      mdTable(
        windows.head.map(mdText),
        windows.rows.map((row) => row.map(mdText)),
        windows.head.map((_, i) => i).slice(1),
      ),
    );
  if (explain) lines.push(['Where each cell comes from:', '', ...gridExplanations(result, grid).map((line) => `- ${mdText(line)}`)].join('\n'));
  return lines.join('\n\n');
}

const printedNumber = (text: string | null): number | null => (text === null ? null : Number(text.replace('\u2212', '-').replace('%', '')));
const averageNumber = (average: GridAverage) => printedNumber(average.averageText);
const percentNumber = (average: GridAverage) => printedNumber(average.percentText);

/**
 * `-f csv` for a grid matrix: the table as the terminal prints it, one row per commitment (or
 * member) of each record and an `average` and a `percent` row; numbers stay numbers (as printed,
 * rounded as the matrix declares), a cell without a score is empty: `-f long` says why.
 */
export function gridCsv(report: EvaluationReport): CsvTable {
  const grids = report.results.map(({ result }) => result).filter((result) => result.grid !== null);
  const byCommitments = report.matrix.definition.grid?.rows === 'commitments';
  const across: string[] = [];
  for (const result of grids) {
    const grid = result.grid!;
    for (const id of byCommitments ? grid.parties : grid.criteria) if (!across.includes(id)) across.push(id);
  }
  const rows: CsvValue[][] = [];
  for (const result of grids) {
    const grid = result.grid!;
    const place = new Map((byCommitments ? grid.parties : grid.criteria).map((id, i) => [id, i]));
    const spread = (values: readonly CsvValue[]) => across.map((id) => (place.has(id) ? itemAt(values, place.get(id)!) : null));
    const lines = byCommitments
      ? grid.commitments.map((c, i) => [
          c.id,
          c.title,
          ...spread(itemAt(grid.cells, i).map((cell) => cell.score)),
          averageNumber(itemAt(grid.byCriterion, i)),
          percentNumber(itemAt(grid.byCriterion, i)),
        ])
      : grid.members.map((m, i) => [
          m.id,
          m.name,
          ...spread(grid.cells.map((row) => itemAt(row, i).score)),
          averageNumber(itemAt(grid.byParty, i)),
          percentNumber(itemAt(grid.byParty, i)),
        ]);
    const columns = byCommitments ? grid.byParty : grid.byCriterion;
    lines.push(['average', 'Average', ...spread(columns.map(averageNumber)), averageNumber(grid.overall), null]);
    lines.push(['percent', 'Percent', ...spread(columns.map(percentNumber)), null, percentNumber(grid.overall)]);
    for (const line of lines) rows.push([result.record.id, result.asOf, ...line, report.tool.version, report.matrix.sha256]);
  }
  return {
    columns: ['record', 'as_of', byCommitments ? 'commitment' : 'member', 'label', ...across, 'average', 'percent', 'tool_version', 'matrix_sha256'],
    rows,
  };
}

/**
 * `-f long` for a grid matrix: the long rows every matrix gets (one per cell), and what the grid
 * knows of each cell: its status, the names printed, and the assessment that stated it.
 */
export function gridLong(report: EvaluationReport): CsvTable {
  const base = longEvaluationRows(report);
  const extra = ['status', 'member_name', 'commitment_title', 'added_in', 'assessment', 'assessor', 'window', 'superseded'];
  const column = (name: string) => base.columns.indexOf(name);
  const [record, criterion, party] = [column('record'), column('criterion'), column('party')];
  // Each row's cell found through its grid's indexes, and its fields added to the row in place
  // (the rows are longEvaluationRows' own, made for this table): no second table of 44,000 rows.
  const grids = new Map<unknown, { grid: Grid; commitments: Map<unknown, number>; members: Map<unknown, number> }>();
  for (const { result } of report.results) {
    const grid: Grid | null = result.grid;
    if (!grid) continue;
    grids.set(result.record.id, {
      grid,
      commitments: new Map(grid.commitments.map((c, i) => [c.id, i])),
      members: new Map(grid.members.map((m, i) => [m.id, i])),
    });
  }
  for (const row of base.rows as CsvValue[][]) {
    const found = grids.get(row[record]);
    const c = found?.commitments.get(row[criterion]);
    const m = found?.members.get(row[party]);
    if (found === undefined || c === undefined || m === undefined) {
      for (let i = 0; i < extra.length; i++) row.push(null);
      continue;
    }
    const cell = itemAt(itemAt(found.grid.cells, c), m);
    const commitment = itemAt(found.grid.commitments, c);
    const a = cell.assessment;
    row.push(
      cell.status,
      itemAt(found.grid.members, m).name,
      commitment.title,
      commitment.addedIn,
      a?.event ?? null,
      a?.assessor ?? null,
      a?.window ?? null,
      a && a.superseded.length > 0 ? a.superseded.join(' ') : null,
    );
  }
  return { columns: [...base.columns, ...extra], rows: base.rows };
}
