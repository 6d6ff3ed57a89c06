import { describe, expect, it } from 'vitest';
import { acrossSummits, NO_AREA } from '../../src/engine/across.js';
import type { CaseResult } from '../../src/engine/evaluate.js';
import { averageCells, type Grid, type GridAverage, type GridCell } from '../../src/engine/grid.js';
import type { Matrix } from '../../src/engine/types.js';

// Two grids built by hand. The oracle for each row is grid.ts's own averageCells over the cells
// picked out by hand below (which cells a row pools is what acrossSummits decides).
const matrix = {
  criteria: [
    {
      id: 'c1',
      title: 'C1',
      weight: 1,
      gates: [],
      levels: [
        { label: 'good', score: 1 },
        { label: 'none', score: 0 },
        { label: 'bad', score: -1 },
      ],
    },
  ],
} as unknown as Matrix;
const scored = (score: number): GridCell => ({ status: 'scored', score, level: null, text: String(score), assessment: null });
const na: GridCell = { status: 'not-applicable', score: null, level: null, text: 'n/a', assessment: null };
const unassessed: GridCell = { status: 'not-assessed', score: null, level: null, text: 'not assessed', assessment: null };
const overall = (tag: string) => ({ cells: tag.length }) as unknown as GridAverage;
const commitment = (event: string, area: string | null) => ({ id: `c1/${event}`, criterion: 'c1', subject: event, title: event, addedIn: null, area });
function result(id: string, grid: Partial<Grid> | null): CaseResult {
  return { record: { id, title: `Title ${id}` }, grid } as unknown as CaseResult;
}
const avg = (cells: GridCell[]) =>
  averageCells(
    matrix,
    cells.map((cell) => ({ cell, criterion: 'c1' })),
  );

describe('acrossSummits', () => {
  it('needs two results with a grid', () => {
    const grid = { members: [], commitments: [], cells: [], overall: overall('x') };
    expect(acrossSummits(matrix, [])).toBeNull();
    expect(acrossSummits(matrix, [result('a', grid), result('b', null)])).toBeNull();
    expect(acrossSummits(matrix, [result('a', grid), result('b', null), result('c', grid)])).not.toBeNull();
  });

  it('pools each member and each issue area summit by summit and over all summits', () => {
    const first = {
      members: [
        { id: 'us', name: 'United States' },
        { id: 'fr', name: 'France' },
      ],
      commitments: [commitment('e1', 'trade'), commitment('e2', null)],
      cells: [
        [scored(1), scored(0)],
        [scored(-1), na],
      ],
      overall: overall('first'),
    };
    const second = {
      members: [
        { id: 'fr', name: 'République française' },
        { id: 'de', name: 'Germany' },
      ],
      commitments: [commitment('e3', 'climate'), commitment('e4', 'trade'), commitment('e5', 'agri')],
      cells: [
        [scored(1), unassessed],
        [scored(0), scored(1)],
        [na, scored(-1)],
      ],
      overall: overall('second!'),
    };
    const across = acrossSummits(matrix, [result('r1', first), result('skip', null), result('r3', second)])!;
    expect(across.summits).toEqual([
      { record: 'r1', title: 'Title r1', overall: first.overall },
      { record: 'r3', title: 'Title r3', overall: second.overall },
    ]);
    expect(across.members).toEqual([
      { id: 'us', name: 'United States', bySummit: [avg([scored(1), scored(-1)]), null], all: avg([scored(1), scored(-1)]) },
      {
        id: 'fr',
        name: 'France',
        bySummit: [avg([scored(0), na]), avg([scored(1), scored(0), na])],
        all: avg([scored(0), na, scored(1), scored(0), na]),
      },
      { id: 'de', name: 'Germany', bySummit: [null, avg([unassessed, scored(1), scored(-1)])], all: avg([unassessed, scored(1), scored(-1)]) },
    ]);
    // Areas in alphabetical order, the commitments without one last.
    expect(across.areas).toEqual([
      { id: 'agri', name: 'agri', bySummit: [null, avg([na, scored(-1)])], all: avg([na, scored(-1)]) },
      { id: 'climate', name: 'climate', bySummit: [null, avg([scored(1), unassessed])], all: avg([scored(1), unassessed]) },
      {
        id: 'trade',
        name: 'trade',
        bySummit: [avg([scored(1), scored(0)]), avg([scored(0), scored(1)])],
        all: avg([scored(1), scored(0), scored(0), scored(1)]),
      },
      { id: NO_AREA, name: NO_AREA, bySummit: [avg([scored(-1), na]), null], all: avg([scored(-1), na]) },
    ]);
    // The oracle itself tells these apart (so equal rows would not pass by accident).
    expect(avg([scored(1), scored(-1)])).not.toEqual(avg([scored(1), scored(0)]));
    expect(NO_AREA).toBe('(no area)');
  });

  it('sorts the areas by name whatever order they come in, the area-less last', () => {
    const grid = (areas: (string | null)[]) => ({
      members: [{ id: 'us', name: 'US' }],
      commitments: areas.map((area, i) => commitment(`e${i}`, area)),
      cells: areas.map(() => [scored(1)]),
      overall: overall('g'),
    });
    const across = acrossSummits(matrix, [result('a', grid([null, 'b', 'a'])), result('b', grid(['c', null, 'a', 'b']))])!;
    expect(across.areas.map((row) => row.id)).toEqual(['a', 'b', 'c', NO_AREA]);
    const single = acrossSummits(matrix, [result('a', grid(['z', 'y'])), result('b', grid(['x']))])!;
    expect(single.areas.map((row) => row.id)).toEqual(['x', 'y', 'z']);
  });
});
