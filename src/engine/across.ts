import type { CaseResult } from './evaluate.js';
import { averageCells, type GridAverage, type GridCell } from './grid.js';
import type { Matrix } from './types.js';

/** One row of a table across summits: a figure per summit (null where the row has no cell there), and one over all of them. */
export interface AcrossRow {
  readonly id: string;
  readonly name: string;
  readonly bySummit: readonly (GridAverage | null)[];
  /** Every scored cell of the row in every summit, pooled: each cell weighs the same. */
  readonly all: GridAverage;
}

/** Compliance records side by side: each member's figures summit by summit and over all summits, the same per issue area. */
export interface AcrossSummits {
  readonly summits: readonly { readonly record: string; readonly title: string; readonly overall: GridAverage }[];
  readonly members: readonly AcrossRow[];
  /** Per issue area (`fields.area` of the commitments); commitments without one are `(no area)`. */
  readonly areas: readonly AcrossRow[];
}

export const NO_AREA = '(no area)';

type Entry = { readonly cell: GridCell; readonly criterion: string };

/** Null unless at least two of the results have a grid. */
export function acrossSummits(matrix: Matrix, results: readonly CaseResult[]): AcrossSummits | null {
  const withGrid = results.filter((result) => result.grid !== null);
  if (withGrid.length < 2) return null;
  const memberCells = new Map<string, { name: string; bySummit: Entry[][] }>();
  const areaCells = new Map<string, Entry[][]>();
  withGrid.forEach((result, s) => {
    const grid = result.grid!;
    grid.cells.forEach((row, c) => {
      const commitment = grid.commitments[c]!;
      const area = commitment.area ?? NO_AREA;
      if (!areaCells.has(area))
        areaCells.set(
          area,
          withGrid.map(() => []),
        );
      row.forEach((cell, m) => {
        const member = grid.members[m]!;
        let entry = memberCells.get(member.id);
        if (!entry) memberCells.set(member.id, (entry = { name: member.name, bySummit: withGrid.map(() => []) }));
        entry.bySummit[s]!.push({ cell, criterion: commitment.criterion });
        areaCells.get(area)![s]!.push({ cell, criterion: commitment.criterion });
      });
    });
  });
  const row = (id: string, name: string, bySummit: Entry[][]): AcrossRow => ({
    id,
    name,
    bySummit: bySummit.map((entries) => (entries.length === 0 ? null : averageCells(matrix, entries))),
    all: averageCells(matrix, bySummit.flat()),
  });
  return {
    summits: withGrid.map((result) => ({ record: result.record.id, title: result.record.title, overall: result.grid!.overall })),
    members: [...memberCells].map(([id, { name, bySummit }]) => row(id, name, bySummit)),
    areas: [...areaCells]
      .sort(([a], [b]) => (a === NO_AREA ? 1 : b === NO_AREA ? -1 : a < b ? -1 : a > b ? 1 : 0))
      .map(([area, bySummit]) => row(area, area, bySummit)),
  };
}
