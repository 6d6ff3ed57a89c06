// `compare` over compliance records: member x summit averages and percentages, each member over
// all summits, and the same per issue area (the reports' "G20 compliance by member, all summits").
import type { AcrossRow, AcrossSummits, GridAverage } from '../engine/index.js';
import type { GridLayout } from './grid.js';

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
