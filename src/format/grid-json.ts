import { OVERALL_METHODS, type Grid, type GridAverage } from '../engine/index.js';
import type { Shape } from './json-text.js';

/** The grid as the JSON output gives it (`grid` of each result): every field projected explicitly. */
export function projectGrid(grid: Grid | null, shape: Shape) {
  if (!grid) return null;
  const { rules } = grid;
  return shape.fields({
    rules: {
      averageDecimals: rules.averageDecimals,
      averageSign: rules.averageSign,
      percentDecimals: rules.percentDecimals,
      rounding: rules.rounding,
      minus: rules.minus,
      rows: rules.rows,
    },
    overallMethod: { method: grid.overallMethod, description: OVERALL_METHODS[grid.overallMethod] },
    parties: grid.parties,
    criteria: grid.criteria,
    members: grid.members.map((member) => ({ id: member.id, name: member.name })),
    commitments: shape.list(grid.commitments, (c) => ({
      id: c.id,
      criterion: c.criterion,
      subject: c.subject,
      title: c.title,
      addedIn: c.addedIn,
      area: c.area,
    })),
    cells: shape.list(grid.cells, (row) =>
      row.map((cell) => ({
        status: cell.status,
        score: cell.score,
        level: cell.level,
        text: cell.text,
        assessment: cell.assessment && {
          event: cell.assessment.event,
          date: cell.assessment.date,
          score: cell.assessment.score,
          assessor: cell.assessment.assessor,
          window: cell.assessment.window,
          rationale: cell.assessment.rationale,
          superseded: cell.assessment.superseded,
          problem: cell.assessment.problem,
        },
      })),
    ),
    byParty: grid.byParty.map((row) => ({ party: row.party, ...projectAverage(row) })),
    byCriterion: shape.list(grid.byCriterion, (column) => ({ criterion: column.criterion, ...projectAverage(column) })),
    overall: projectAverage(grid.overall),
    windows: grid.windows && {
      windows: grid.windows.windows.map((w) => ({
        window: w.window,
        title: w.title,
        to: w.to,
        commitments: w.commitments,
        byParty: w.byParty.map((row) => ({ party: row.party, ...projectAverage(row) })),
        overall: projectAverage(w.overall),
      })),
      change: grid.windows.change.map((c) => ({ party: c.party, average: c.average, percentPoints: c.percentPoints })),
      overallChange: { average: grid.windows.overallChange.average, percentPoints: grid.windows.overallChange.percentPoints },
    },
  });
}

export function projectAverage(average: GridAverage) {
  return {
    cells: average.cells,
    notApplicable: average.notApplicable,
    notAssessed: average.notAssessed,
    average: average.average === null ? null : Number(average.average.toFixed(6)),
    fraction: average.fraction,
    averageText: average.averageText,
    percent: average.percent,
    percentText: average.percentText,
    range: average.range && {
      low: Number(average.range.low.toFixed(6)),
      high: Number(average.range.high.toFixed(6)),
      text: average.range.text,
      percentLow: average.range.percentLow,
      percentHigh: average.range.percentHigh,
      percentText: average.range.percentText,
    },
  };
}
