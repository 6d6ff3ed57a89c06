// compare over compliance records (src/format/compare-grid.ts): the member and issue-area tables
// across summits, their JSON, and their long CSV, on figures set by hand. A figure is shown as
// printed, or as its range while cells are unknown, "n/a" with neither, "-" where the row has no
// cell in that summit; the CSV reads the printed text back as a number (U+2212 as a minus).
import { describe, expect, it } from 'vitest';
import type { AcrossSummits } from '../../src/engine/index.js';
import { ACROSS_NOTE, acrossCsv, areaLayout, memberLayout, projectAcross } from '../../src/format/compare-grid.js';
import { average } from '../helpers/hand-results.js';

const span = (low: number, high: number, text: string, percentText: string) => ({ low, high, text, percentLow: 0, percentHigh: 0, percentText });

const ACROSS: AcrossSummits = {
  summits: [
    { record: 'g20-2015', title: 'Antalya', overall: average({ cells: 4, averageText: '+0.50', percentText: '75%' }) },
    { record: 'g20-2016', title: 'Hangzhou', overall: average({ cells: 3, notAssessed: 1, range: span(-0.25, 0.25, '−0.25 to +0.25', '38% to 62%') }) },
  ],
  members: [
    {
      id: 'US',
      name: 'United States',
      bySummit: [average({ cells: 2, averageText: '+1.00', percentText: '100%' }), null],
      all: average({ cells: 2, averageText: '+1.00', percentText: '100%' }),
    },
    {
      id: 'CN',
      name: 'China',
      bySummit: [
        average({ cells: 2, notApplicable: 1, averageText: '0.00', percentText: '50%' }),
        average({ cells: 1, notAssessed: 1, range: span(-1, 1, '−1.00 to +1.00', '0% to 100%') }),
      ],
      all: average({ cells: 3, notAssessed: 1, range: span(-2 / 3, 1 / 3, '−0.67 to +0.33', '17% to 67%') }),
    },
  ],
  areas: [
    {
      id: 'climate',
      name: 'Climate',
      bySummit: [average({ averageText: '−0.50', percentText: '25%' }), average()],
      all: average({ averageText: '−0.50', percentText: '25%' }),
    },
  ],
};

describe('memberLayout and areaLayout', () => {
  it('puts each summit side by side, then all summits, and a Summit row under the members only', () => {
    const head = ['g20-2015', '%', 'g20-2016', '%', 'All summits', '%'];
    expect(memberLayout(ACROSS)).toEqual({
      head: ['Member', ...head],
      rows: [
        ['United States', '+1.00', '100%', '-', '-', '+1.00', '100%'],
        ['China', '0.00', '50%', '−1.00 to +1.00', '0% to 100%', '−0.67 to +0.33', '17% to 67%'],
        ['Summit', '+0.50', '75%', '−0.25 to +0.25', '38% to 62%', '', ''],
      ],
      summaryFrom: 2,
    });
    expect(areaLayout(ACROSS)).toEqual({ head: ['Issue area', ...head], rows: [['Climate', '−0.50', '25%', 'n/a', 'n/a', '−0.50', '25%']], summaryFrom: 1 });
  });

  it('explains "All summits", "Summit" and "-"', () => {
    expect(ACROSS_NOTE).toContain('All summits: every scored cell of the row in every summit, pooled');
    expect(ACROSS_NOTE).toContain('"-": no cell there.');
  });
});

describe('projectAcross', () => {
  it('is null without figures across summits, and otherwise every figure as the grid JSON gives it', () => {
    expect(projectAcross(null)).toBeNull();
    const projected = projectAcross(ACROSS)!;
    expect(projected.summits).toEqual(ACROSS.summits);
    expect(projected.members[0]).toEqual(ACROSS.members[0]);
    expect(projected.members[1]!.bySummit).toEqual(ACROSS.members[1]!.bySummit);
    // Six decimals: -2/3 and 1/3 as -0.666667 and 0.333333.
    expect(projected.members[1]!.all.range).toEqual({ ...span(-0.666667, 0.333333, '−0.67 to +0.33', '17% to 67%') });
    expect(projected.areas).toEqual(ACROSS.areas);
    expect(Object.keys(projected.members[0]!)).toEqual(['id', 'name', 'bySummit', 'all']);
  });
});

describe('acrossCsv', () => {
  it('has a row per table row and summit with a cell there, and one over all summits, then each summit', () => {
    const other: AcrossSummits = {
      summits: [{ record: 'g7', title: 'Elmau', overall: average({ cells: 1, averageText: '−1.00', percentText: '0%' }) }],
      members: [],
      areas: [],
    };
    const table = acrossCsv([
      { matrix: { id: 'g20', version: '3' }, across: ACROSS },
      { matrix: { id: 'g7', version: '1' }, across: other },
    ]);
    expect(table.columns).toEqual([
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
    ]);
    const g20 = ['g20', '3'];
    expect(table.rows).toEqual([
      [...g20, 'member', 'US', 'United States', 'summit', 'g20-2015', 2, 0, 0, 1, 100, 1, 1, 100, 100],
      [...g20, 'member', 'US', 'United States', 'all', null, 2, 0, 0, 1, 100, 1, 1, 100, 100],
      [...g20, 'member', 'CN', 'China', 'summit', 'g20-2015', 2, 1, 0, 0, 50, 0, 0, 50, 50],
      [...g20, 'member', 'CN', 'China', 'summit', 'g20-2016', 1, 0, 1, null, null, -1, 1, 0, 100],
      [...g20, 'member', 'CN', 'China', 'all', null, 3, 0, 1, null, null, -0.67, 0.33, 17, 67],
      [...g20, 'area', 'climate', 'Climate', 'summit', 'g20-2015', 0, 0, 0, -0.5, 25, -0.5, -0.5, 25, 25],
      [...g20, 'area', 'climate', 'Climate', 'summit', 'g20-2016', 0, 0, 0, null, null, null, null, null, null],
      [...g20, 'area', 'climate', 'Climate', 'all', null, 0, 0, 0, -0.5, 25, -0.5, -0.5, 25, 25],
      [...g20, 'summit', 'g20-2015', 'Antalya', 'summit', 'g20-2015', 4, 0, 0, 0.5, 75, 0.5, 0.5, 75, 75],
      [...g20, 'summit', 'g20-2016', 'Hangzhou', 'summit', 'g20-2016', 3, 0, 1, null, null, -0.25, 0.25, 38, 62],
      ['g7', '1', 'summit', 'g7', 'Elmau', 'summit', 'g7', 1, 0, 0, -1, 0, -1, -1, 0, 0],
    ]);
  });
});
