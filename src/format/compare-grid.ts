// `compare` over compliance records: member x summit averages and percentages, each member over
// all summits, and the same per issue area (the reports' "G20 compliance by member, all summits").
import type { AcrossRow, AcrossSummits, GridAverage } from '../engine/index.js';
import type { CsvTable, CsvValue } from './csv-table.js';
import type { GridLayout } from './grid.js';
import { projectAverage } from './grid-json.js';
import { itemAt } from '../checked-index.js';

const figure = (average: GridAverage | null): [string, string] =>
  average === null ? ['-', '-'] : [average.averageText ?? average.range?.text ?? 'n/a', average.percentText ?? average.range?.percentText ?? 'n/a'];

function layout(across: AcrossSummits, first: string, rows: readonly AcrossRow[], withSummitRow: boolean): GridLayout {
  const head = [first, ...across.summits.flatMap((s) => [s.record, '%']), 'All summits', '%'];
  const body = rows.map((row) => [row.name, ...row.bySummit.flatMap(figure), ...figure(row.all)]);
  if (withSummitRow) body.push(['Summit', ...across.summits.flatMap((s) => figure(s.overall)), '', '']);
  return { head, rows: body, summaryFrom: rows.length };
}

export function memberLayout(across: AcrossSummits): GridLayout {
  return layout(across, 'Member', across.members, true);
}

export function areaLayout(across: AcrossSummits): GridLayout {
  return layout(across, 'Issue area', across.areas, false);
}

export const ACROSS_NOTE =
  'All summits: every scored cell of the row in every summit, pooled (each cell weighs the same); Summit: each record\'s overall figure as its matrix names it; "-": no cell there.';

/** `across` of a compare@2 comparison: the same figures as the tables, each average as the grid's JSON gives it. */
export function projectAcross(across: AcrossSummits | null) {
  if (!across) return null;
  const row = (r: AcrossRow) => ({ id: r.id, name: r.name, bySummit: r.bySummit.map((a) => a && projectAverage(a)), all: projectAverage(r.all) });
  return {
    summits: across.summits.map((s) => ({ record: s.record, title: s.title, overall: projectAverage(s.overall) })),
    members: across.members.map(row),
    areas: across.areas.map(row),
  };
}

const ACROSS_CSV_COLUMNS = [
  'matrix',
  'matrix_version',
  'table',
  'id',
  'name',
  'scope',
  'record',
  'cells',
  'not_applicable',
  'not_assessed',
  'average',
  'percent',
  'average_low',
  'average_high',
  'percent_low',
  'percent_high',
] as const;

/** A figure as printed (the matrix's rounding), as a number: `−0.46` is -0.46, `63%` is 63. */
const printed = (text: string): number => Number(text.replace('\u2212', '-').replace('%', ''));

/** The low and high ends as printed; equal ends when every cell is known, none when no cell is scored. */
function ends(average: GridAverage): [CsvValue, CsvValue, CsvValue, CsvValue] {
  if (average.averageText !== null && average.percentText !== null) {
    const [a, p] = [printed(average.averageText), printed(average.percentText)];
    return [a, a, p, p];
  }
  if (!average.range) return [null, null, null, null];
  const [low, high] = average.range.text.split(' to ').map(printed);
  const [percentLow, percentHigh] = average.range.percentText.split(' to ').map(printed);
  return [low!, high!, percentLow!, percentHigh!];
}

/**
 * `-f csv` of compare under a compliance matrix: the tables across summits in long form, a row per
 * table row and summit (`scope: summit`, the record named) and per table row over all summits
 * (`scope: all`): tables `member`, `area` and `summit` (each record's overall figure). A row and
 * summit with no cell there has no line. `average` and `percent` are as printed, empty while
 * unknown cells make them a range; the range's ends are `_low` and `_high` (equal when known).
 */
export function acrossCsv(
  comparisons: readonly { readonly matrix: { readonly id: string; readonly version: string }; readonly across: AcrossSummits }[],
): CsvTable {
  const rows: CsvValue[][] = [];
  for (const { matrix, across } of comparisons) {
    const line = (table: string, id: string, name: string, scope: 'summit' | 'all', record: string | null, average: GridAverage) => {
      const known = average.averageText !== null;
      rows.push([
        matrix.id,
        matrix.version,
        table,
        id,
        name,
        scope,
        record,
        average.cells,
        average.notApplicable,
        average.notAssessed,
        known ? printed(average.averageText) : null,
        known ? printed(average.percentText!) : null,
        ...ends(average),
      ]);
    };
    const table = (name: string, list: readonly AcrossRow[]) => {
      for (const row of list) {
        row.bySummit.forEach((average, s) => average && line(name, row.id, row.name, 'summit', itemAt(across.summits, s).record, average));
        line(name, row.id, row.name, 'all', null, row.all);
      }
    };
    table('member', across.members);
    table('area', across.areas);
    for (const summit of across.summits) line('summit', summit.record, summit.title, 'summit', summit.record, summit.overall);
  }
  return { columns: ACROSS_CSV_COLUMNS, rows };
}
