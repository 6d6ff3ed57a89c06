// The compliance table as the G7/G20 Research Group prints it, one layout for every format:
// commitments (or members) as rows, labels rather than ids, averages and percentages as the
// matrix declares them, and what is unknown shown as such.
import { OVERALL_METHODS, type CaseResult, type Grid, type GridAverage, type Matrix } from '../engine/index.js';
import { itemAt } from '../checked-index.js';

/** A matrix whose every criterion is scored per party: its result is the grid, and nothing else is printed. */
export function isGridMatrix(matrix: Matrix): boolean {
  return matrix.criteria.length > 0 && matrix.criteria.every((criterion) => criterion.perParty);
}

export interface GridLayout {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Row indexes of the Average and Percent rows (drawn apart from the cells). */
  readonly summaryFrom: number;
}

const averageText = (average: GridAverage): string => average.averageText ?? average.range?.text ?? 'n/a';
const percentText = (average: GridAverage): string => average.percentText ?? average.range?.percentText ?? 'n/a';

/** `‡` marks a commitment first assessed in a later window (added for the final report). */
function commitmentLabel(grid: Grid, c: number): string {
  const commitment = itemAt(grid.commitments, c);
  return commitment.addedIn === null ? commitment.title : `${commitment.title} ‡`;
}

/** The table in the matrix's orientation: `rows: commitments` as the reports print it, or `members`. */
export function gridLayout(grid: Grid): GridLayout {
  if (grid.rules.rows === 'commitments') {
    const rows = grid.commitments.map((_, c) => [
      commitmentLabel(grid, c),
      ...itemAt(grid.cells, c).map((cell) => cell.text),
      averageText(itemAt(grid.byCriterion, c)),
      percentText(itemAt(grid.byCriterion, c)),
    ]);
    rows.push(['Average', ...grid.byParty.map(averageText), averageText(grid.overall), '']);
    rows.push(['Percent', ...grid.byParty.map(percentText), '', percentText(grid.overall)]);
    return { head: ['Commitment', ...grid.members.map((member) => member.name), 'Average', 'Percent'], rows, summaryFrom: grid.commitments.length };
  }
  const rows = grid.members.map((member, m) => [
    member.name,
    ...grid.cells.map((row) => itemAt(row, m).text),
    averageText(itemAt(grid.byParty, m)),
    percentText(itemAt(grid.byParty, m)),
  ]);
  rows.push(['Average', ...grid.byCriterion.map(averageText), averageText(grid.overall), '']);
  rows.push(['Percent', ...grid.byCriterion.map(percentText), '', percentText(grid.overall)]);
  return { head: ['Member', ...grid.commitments.map((_, c) => commitmentLabel(grid, c)), 'Average', 'Percent'], rows, summaryFrom: grid.members.length };
}

/** The lines under the table: the overall figure named, what is left out or unknown, what was recalibrated. */
export function gridNotes(grid: Grid): string[] {
  const notes = [`Overall: ${OVERALL_METHODS[grid.overallMethod]} (${grid.overallMethod}): ${averageText(grid.overall)}, ${percentText(grid.overall)}.`];
  const { notApplicable, notAssessed } = grid.overall;
  if (notApplicable > 0) notes.push(`n/a: ${notApplicable} cell${notApplicable === 1 ? '' : 's'} not applicable, left out of the averages.`);
  if (notAssessed > 0) {
    notes.push(
      `not assessed: ${notAssessed} cell${notAssessed === 1 ? '' : 's'} unknown; a figure over them is a range, from every unknown cell at the bottom of the scale to every one at the top.`,
    );
  }
  const added = grid.commitments.filter((commitment) => commitment.addedIn !== null);
  if (added.length > 0) notes.push(`‡ first assessed in ${[...new Set(added.map((c) => c.addedIn))].join(', ')}: not in the earlier report.`);
  grid.cells.forEach((row, c) =>
    row.forEach((cell, m) => {
      const assessment = cell.assessment;
      if (!assessment) return;
      const where = `${itemAt(grid.members, m).name} on ${itemAt(grid.commitments, c).title}`;
      if (assessment.superseded.length > 0)
        notes.push(`Recalibrated: ${where}: ${assessment.event} (${assessment.date}) counts, superseding ${assessment.superseded.join(', ')}.`);
      if (assessment.problem) notes.push(`Unknown: ${where}: ${assessment.problem} (${assessment.event}).`);
    }),
  );
  return notes;
}

/** Each report window side by side, one row per member, with the change from the first window to the last. */
export function windowLayout(grid: Grid): GridLayout | null {
  const comparison = grid.windows;
  if (!comparison) return null;
  const first = itemAt(comparison.windows, 0);
  const last = itemAt(comparison.windows, comparison.windows.length - 1);
  const head = ['Member', ...comparison.windows.flatMap((w) => [`${w.title} (to ${w.to})`, '%']), `Change ${first.title} to ${last.title}`, 'Points'];
  const rows = grid.members.map((member, m) => [
    member.name,
    ...comparison.windows.flatMap((w) => [averageText(itemAt(w.byParty, m)), percentText(itemAt(w.byParty, m))]),
    itemAt(comparison.change, m).average ?? 'n/a',
    itemAt(comparison.change, m).percentPoints ?? 'n/a',
  ]);
  rows.push([
    'Overall',
    ...comparison.windows.flatMap((w) => [averageText(w.overall), percentText(w.overall)]),
    comparison.overallChange.average ?? 'n/a',
    comparison.overallChange.percentPoints ?? 'n/a',
  ]);
  return { head, rows, summaryFrom: grid.members.length };
}

/** What `--explain` says about the grid: for each cell, where its score comes from. Never empty. */
export function gridExplanations(result: CaseResult, grid: Grid): string[] {
  const lines: string[] = [];
  const byId = new Map(result.criteria.map((criterion) => [criterion.id, criterion]));
  grid.cells.forEach((row, c) => {
    const commitment = itemAt(grid.commitments, c);
    const parties = byId.get(commitment.id)?.parties ?? [];
    row.forEach((cell, m) => {
      const member = itemAt(grid.members, m);
      const head = `${member.name} on ${commitment.title}: ${cell.text}`;
      const assessment = cell.assessment;
      if (assessment) {
        const about = [assessment.date, assessment.window, assessment.assessor].filter((part) => part !== null).join(', ');
        const rationale = assessment.rationale ? `: ${assessment.rationale}` : '';
        lines.push(`${head}, stated by assessment ${assessment.event} (${about})${rationale}`);
        return;
      }
      if (cell.status === 'not-assessed') {
        lines.push(`${head}: no assessment of this cell is known by the as-of date`);
        return;
      }
      const source = parties.find((party) => party.party === member.id);
      const evidence = source?.evidence.map((item) => `${item.event} ${item.date}`) ?? [];
      const level = cell.level === null ? '' : ` (${cell.level})`;
      if (cell.status === 'not-applicable') lines.push(`${head}: does not apply${source?.explanation ? `: ${source.explanation.failure.actual}` : ''}`);
      else if (evidence.length > 0) lines.push(`${head}${level}, derived from ${evidence.join(', ')}`);
      else
        lines.push(
          `${head}${level}, derived: no event earns a higher level${source?.explanation ? ` (not ${source.explanation.level?.label}: ${source.explanation.failure.actual})` : ''}`,
        );
    });
  });
  return lines;
}
