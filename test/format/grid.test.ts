// The compliance table (src/format/grid.ts) and its JSON (src/format/grid-json.ts), on a grid
// built by hand: 3 commitments x 2 members, one cell of each kind (stated by an assessment,
// recalibrated, unknown through a bad score, not assessed, not applicable, derived with and
// without evidence). Each expected row, note and line is written out from the rule it follows.
import { describe, expect, it } from 'vitest';
import type { CaseResult, Matrix } from '../../src/engine/index.js';
import { gridExplanations, gridLayout, gridNotes, isGridMatrix, windowLayout } from '../../src/format/grid.js';
import { projectAverage, projectGrid } from '../../src/format/grid-json.js';
import { PLAIN, STREAMED, writeIndentedJson } from '../../src/format/json-text.js';
import { gridCsv, gridLong, gridMarkdown } from '../../src/format/grid-outputs.js';
import { longEvaluationRows } from '../../src/format/evaluation-rows.js';
import type { EvaluationReport } from '../../src/format/report.js';
import { average, caseResult, criterion, makeGrid, party, range } from '../helpers/hand-results.js';

describe('isGridMatrix', () => {
  const matrix = (perParty: boolean[]) => ({ criteria: perParty.map((p) => ({ perParty: p })) }) as unknown as Matrix;
  it('is true only for a matrix with criteria, every one of them per party', () => {
    expect(isGridMatrix(matrix([true, true]))).toBe(true);
    expect(isGridMatrix(matrix([true, false]))).toBe(false);
    expect(isGridMatrix(matrix([false, true]))).toBe(false);
    expect(isGridMatrix(matrix([]))).toBe(false);
  });
});

describe('gridLayout', () => {
  it('has a row per commitment, then Average and Percent rows, when the rows are commitments', () => {
    expect(gridLayout(makeGrid())).toEqual({
      head: ['Commitment', 'United States', 'China', 'Average', 'Percent'],
      rows: [
        ['Climate finance', '+1', 'n/a', '+1.00', '100%'],
        ['Trade ‡', 'not assessed', '−1', '−1.00 to +1.00', '0% to 50%'],
        ['Health', 'not assessed', '0', 'n/a', '50%'],
        ['Average', 'n/a', '−0.50', '−0.33 to +0.33', ''],
        ['Percent', 'n/a', '25%', '', '33% to 67%'],
      ],
      summaryFrom: 3,
    });
  });

  it('has a row per member when the rows are members', () => {
    const grid = makeGrid({ rules: { ...makeGrid().rules, rows: 'members' } });
    expect(gridLayout(grid)).toEqual({
      head: ['Member', 'Climate finance', 'Trade ‡', 'Health', 'Average', 'Percent'],
      rows: [
        ['United States', '+1', 'not assessed', 'not assessed', 'n/a', 'n/a'],
        ['China', 'n/a', '−1', '0', '−0.50', '25%'],
        ['Average', '+1.00', '−1.00 to +1.00', 'n/a', '−0.33 to +0.33', ''],
        ['Percent', '100%', '0% to 50%', '50%', '', '33% to 67%'],
      ],
      summaryFrom: 2,
    });
  });
});

describe('gridNotes', () => {
  it('names the overall figure, counts what is left out or unknown, and each recalibrated or unknown cell', () => {
    expect(gridNotes(makeGrid())).toEqual([
      'Overall: the mean of all scored cells (cells): −0.33 to +0.33, 33% to 67%.',
      'n/a: 1 cell not applicable, left out of the averages.',
      'not assessed: 2 cells unknown; a figure over them is a range, from every unknown cell at the bottom of the scale to every one at the top.',
      '‡ first assessed in final: not in the earlier report.',
      'Recalibrated: United States on Climate finance: a1 (2016-01-10) counts, superseding a0, a-1.',
      'Unknown: United States on Trade: score 5 is not on the scale (a2).',
    ]);
  });

  it('says "cells" for more than one, nothing for none, and each window a commitment was added in once', () => {
    const base = makeGrid();
    const grid = makeGrid({
      overallMethod: 'members',
      overall: average({ notApplicable: 2, notAssessed: 1, averageText: '+0.25', percentText: '62%' }),
      commitments: base.commitments.map((c, i) => ({ ...c, addedIn: ['final', 'final', 'mid'][i]! })),
      cells: [[base.cells[0]![1]!, base.cells[0]![1]!]],
    });
    expect(gridNotes(grid)).toEqual([
      'Overall: the mean of the member averages (members): +0.25, 62%.',
      'n/a: 2 cells not applicable, left out of the averages.',
      'not assessed: 1 cell unknown; a figure over them is a range, from every unknown cell at the bottom of the scale to every one at the top.',
      '‡ first assessed in final, mid: not in the earlier report.',
    ]);
    const none = makeGrid({ overallMethod: 'commitments', overall: average(), commitments: [], cells: [] });
    expect(gridNotes(none)).toEqual(['Overall: the mean of the commitment averages (commitments): n/a, n/a.']);
  });
});

describe('windowLayout', () => {
  it('is null without windows', () => {
    expect(windowLayout(makeGrid())).toBeNull();
  });

  it('sets each window side by side, a row per member and one overall, with the change from the first to the last', () => {
    const windows = {
      windows: [
        {
          window: 'interim',
          title: 'Interim',
          to: '2016-05-01',
          commitments: [],
          byParty: [
            { party: 'US', ...average({ averageText: '+0.50', percentText: '75%' }) },
            { party: 'CN', ...average() },
          ],
          overall: average({ averageText: '+0.20', percentText: '60%' }),
        },
        {
          window: 'mid',
          title: 'Mid',
          to: '2016-08-01',
          commitments: [],
          byParty: [
            { party: 'US', ...average() },
            { party: 'CN', ...average({ range: range('a to b', 'c to d') }) },
          ],
          overall: average(),
        },
        {
          window: 'final',
          title: 'Final',
          to: '2016-11-01',
          commitments: [],
          byParty: [
            { party: 'US', ...average({ averageText: '+1.00', percentText: '100%' }) },
            { party: 'CN', ...average({ averageText: '0.00', percentText: '50%' }) },
          ],
          overall: average({ averageText: '+0.40', percentText: '70%' }),
        },
      ],
      change: [
        { party: 'US', average: '+0.50', percentPoints: '+25' },
        { party: 'CN', average: null, percentPoints: null },
      ],
      overallChange: { average: '+0.20', percentPoints: '+10' },
    };
    expect(windowLayout(makeGrid({ windows }))).toEqual({
      head: ['Member', 'Interim (to 2016-05-01)', '%', 'Mid (to 2016-08-01)', '%', 'Final (to 2016-11-01)', '%', 'Change Interim to Final', 'Points'],
      rows: [
        ['United States', '+0.50', '75%', 'n/a', 'n/a', '+1.00', '100%', '+0.50', '+25'],
        ['China', 'n/a', 'n/a', 'a to b', 'c to d', '0.00', '50%', 'n/a', 'n/a'],
        ['Overall', '+0.20', '60%', 'n/a', 'n/a', '+0.40', '70%', '+0.20', '+10'],
      ],
      summaryFrom: 2,
    });
    const unchanged = { ...windows, overallChange: { average: null, percentPoints: null } };
    expect(windowLayout(makeGrid({ windows: unchanged }))!.rows[2]!.slice(-2)).toEqual(['n/a', 'n/a']);
  });
});

describe('gridExplanations', () => {
  const party = (id: string, fields: Record<string, unknown>) => ({ party: id, evidence: [], explanation: null, ...fields });
  const result = {
    criteria: [
      { id: 'k/p1', parties: [party('US', {}), party('CN', { explanation: { failure: { actual: 'no commitment by CN' } } })] },
      {
        id: 'k/p2',
        parties: [
          party('US', {}),
          party('CN', {
            evidence: [
              { event: 'e1', date: '2015-11-16' },
              { event: 'e2', date: '2015-12-01' },
            ],
          }),
        ],
      },
      {
        id: 'k/p3',
        parties: [party('US', {}), party('CN', { explanation: { level: { label: 'full', score: 1 }, failure: { actual: 'no fulfilment event' } } })],
      },
    ],
  } as unknown as CaseResult;

  it('says for each cell where its score comes from: an assessment, no assessment, no application, events or none', () => {
    expect(gridExplanations(result, makeGrid())).toEqual([
      'United States on Climate finance: +1, stated by assessment a1 (2016-01-10, interim, G20 RG): On time',
      'China on Climate finance: n/a: does not apply: no commitment by CN',
      'United States on Trade: not assessed, stated by assessment a2 (2016-02-01)',
      'China on Trade: −1 (none), derived from e1 2015-11-16, e2 2015-12-01',
      'United States on Health: not assessed: no assessment of this cell is known by the as-of date',
      'China on Health: 0 (partial), derived: no event earns a higher level (not full: no fulfilment event)',
    ]);
  });

  it('says less where the result has no party cells, and no level where the cell has none', () => {
    const bare = { criteria: [] } as unknown as CaseResult;
    const grid = makeGrid();
    const cells = grid.cells.map((row) => row.map((cell) => (cell.status === 'scored' && cell.level === 'partial' ? { ...cell, level: null } : cell)));
    expect(gridExplanations(bare, { ...grid, cells })).toEqual([
      'United States on Climate finance: +1, stated by assessment a1 (2016-01-10, interim, G20 RG): On time',
      'China on Climate finance: n/a: does not apply',
      'United States on Trade: not assessed, stated by assessment a2 (2016-02-01)',
      'China on Trade: −1 (none), derived: no event earns a higher level',
      'United States on Health: not assessed: no assessment of this cell is known by the as-of date',
      'China on Health: 0, derived: no event earns a higher level',
    ]);
  });
});

describe('projectGrid', () => {
  it('is null without a grid', () => {
    expect(projectGrid(null, PLAIN)).toBeNull();
  });

  it('projects every field by name, averages to six decimals, and streamed gives the same text', () => {
    const grid = makeGrid({
      rules: { ...makeGrid().rules, overall: 'members' },
      commitments: [makeGrid().commitments[0]!],
      cells: [makeGrid().cells[0]!],
      byCriterion: [{ criterion: 'k/p1', ...average({ cells: 1, average: 2 / 3, fraction: '2/3', averageText: '+0.67', percent: 83, percentText: '83%' }) }],
      windows: {
        windows: [
          { window: 'w', title: 'W', to: '2016-01-01', commitments: ['k/p1'], byParty: [{ party: 'US', ...average({ cells: 1 }) }], overall: average() },
        ],
        change: [{ party: 'US', average: '+0.10', percentPoints: '+5', extra: 1 } as never],
        overallChange: { average: null, percentPoints: '0' },
      },
    });
    const plain = projectGrid(grid, PLAIN) as Record<string, unknown>;
    const none = {
      cells: 0,
      notApplicable: 0,
      notAssessed: 0,
      average: null,
      fraction: null,
      averageText: null,
      percent: null,
      percentText: null,
      range: null,
    };
    expect(plain).toEqual({
      rules: { averageDecimals: 2, averageSign: 'always', percentDecimals: 0, rounding: 'half-up', minus: '−', rows: 'commitments' },
      overallMethod: { method: 'cells', description: 'the mean of all scored cells' },
      parties: ['US', 'CN'],
      criteria: ['k/p1', 'k/p2', 'k/p3'],
      members: [
        { id: 'US', name: 'United States' },
        { id: 'CN', name: 'China' },
      ],
      commitments: [{ id: 'k/p1', criterion: 'k', subject: 'p1', title: 'Climate finance', addedIn: null, area: 'climate' }],
      cells: [
        [
          {
            status: 'scored',
            score: 1,
            level: 'full',
            text: '+1',
            assessment: {
              event: 'a1',
              date: '2016-01-10',
              score: 1,
              assessor: 'G20 RG',
              window: 'interim',
              rationale: 'On time',
              superseded: ['a0', 'a-1'],
              problem: null,
            },
          },
          { status: 'not-applicable', score: null, level: null, text: 'n/a', assessment: null },
        ],
      ],
      byParty: [
        { party: 'US', ...none, cells: 1, notAssessed: 2 },
        { party: 'CN', ...none, cells: 2, notApplicable: 1, average: -0.5, averageText: '−0.50', percent: 25, percentText: '25%' },
      ],
      byCriterion: [{ criterion: 'k/p1', ...none, cells: 1, average: 0.666667, fraction: '2/3', averageText: '+0.67', percent: 83, percentText: '83%' }],
      overall: {
        ...none,
        cells: 3,
        notApplicable: 1,
        notAssessed: 2,
        range: { low: -0.333333, high: 0.333333, text: '−0.33 to +0.33', percentLow: 33, percentHigh: 67, percentText: '33% to 67%' },
      },
      windows: {
        windows: [{ window: 'w', title: 'W', to: '2016-01-01', commitments: ['k/p1'], byParty: [{ party: 'US', ...none, cells: 1 }], overall: none }],
        change: [{ party: 'US', average: '+0.10', percentPoints: '+5' }],
        overallChange: { average: null, percentPoints: '0' },
      },
    });
    // The rules' `overall` and a cell assessment's `byWindow` are not part of the JSON.
    expect(Object.keys(plain['rules'] as object)).not.toContain('overall');
    const pieces: string[] = [];
    writeIndentedJson(projectGrid(grid, STREAMED), (piece) => pieces.push(piece));
    expect(pieces.join('')).toBe(JSON.stringify(plain, null, 2));
    expect(projectGrid(makeGrid(), PLAIN)).toMatchObject({ windows: null });
  });

  it('rounds an average and a range to six decimals, and keeps null as null', () => {
    expect(projectAverage(average({ average: 0.1234565 + 1e-12 })).average).toBe(0.123457);
    expect(projectAverage(average({ average: -1 / 7 })).average).toBe(-0.142857);
    expect(projectAverage(average()).average).toBeNull();
    expect(projectAverage(average({ range: { low: 1 / 9, high: 8 / 9, text: 't', percentLow: 1, percentHigh: 2, percentText: 'p' } })).range).toEqual({
      low: 0.111111,
      high: 0.888889,
      text: 't',
      percentLow: 1,
      percentHigh: 2,
      percentText: 'p',
    });
  });
});

describe('the grid in Markdown, CSV and long form', () => {
  const bare = { criteria: [] } as unknown as CaseResult;
  const energy = makeGrid({
    members: [
      { id: 'CN', name: 'China' },
      { id: 'JP', name: 'Japan' },
    ],
    parties: ['CN', 'JP'],
    commitments: [{ id: 'k/q1', criterion: 'k', subject: 'q1', title: 'Energy', addedIn: null, area: null }],
    cells: [
      [
        { status: 'scored', score: 1, level: 'full', text: '+1', assessment: null },
        { status: 'scored', score: 0, level: 'partial', text: '0', assessment: null },
      ],
    ],
    criteria: ['k/q1'],
    byParty: [
      { party: 'CN', ...average({ averageText: '+1.00', percentText: '100%' }) },
      { party: 'JP', ...average({ averageText: '0.00', percentText: '50%' }) },
    ],
    byCriterion: [{ criterion: 'k/q1', ...average({ averageText: '+0.50', percentText: '75%' }) }],
    overall: average({ averageText: '+0.50', percentText: '75%' }),
  });
  const first = caseResult({ record: { id: 'r', title: 'A *case*', date: '2015-09-25' }, grid: makeGrid() });
  const second = caseResult({ record: { id: 's', title: 'S', date: '2016-01-01' }, asOf: '2016-02-01', grid: energy });
  const report = (rows: 'commitments' | 'members' | undefined, results: CaseResult[]): EvaluationReport => ({
    tool: { name: 'summit-score', version: '9.9.9' },
    matrix: {
      definition: { id: 'm', version: '1', grid: rows && { rows }, criteria: [{ id: 'k' }, { id: 'x' }] } as unknown as Matrix,
      file: 'm.yaml',
      sha256: 'f00d',
    },
    asOf: null,
    results: results.map((result) => ({ file: 'r.yaml', sha256: '', result })),
    bundledDefault: false,
  });

  it('Markdown: a heading, the as-of date and file, the table with numbers right-aligned, each note a paragraph', () => {
    const named = caseResult({ ...first, grid: makeGrid({ members: [{ id: 'US', name: 'United_States' }, makeGrid().members[1]!] }) });
    expect(gridMarkdown(named, 'r_1.yaml', false).split('\n\n')).toEqual([
      '### A \\*case\\* (`r`)',
      'As of 2015-10-01; record r\\_1.yaml.',
      [
        '| Commitment | United\\_States | China | Average | Percent |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| Climate finance | +1 | n/a | +1.00 | 100% |',
        '| Trade ‡ | not assessed | −1 | −1.00 to +1.00 | 0% to 50% |',
        '| Health | not assessed | 0 | n/a | 50% |',
        '| Average | n/a | −0.50 | −0.33 to +0.33 |  |',
        '| Percent | n/a | 25% |  | 33% to 67% |',
      ].join('\n'),
      'Overall: the mean of all scored cells (cells): −0.33 to +0.33, 33% to 67%.',
      'n/a: 1 cell not applicable, left out of the averages.',
      'not assessed: 2 cells unknown; a figure over them is a range, from every unknown cell at the bottom of the scale to every one at the top.',
      '‡ first assessed in final: not in the earlier report.',
      'Recalibrated: United\\_States on Climate finance: a1 (2016-01-10) counts, superseding a0, a-1.',
      'Unknown: United\\_States on Trade: score 5 is not on the scale (a2).',
    ]);
  });

  it('Markdown: the windows side by side, and with explain where each cell comes from', () => {
    const windows = {
      windows: [
        {
          window: 'w',
          title: 'W_1',
          to: '2016-01-01',
          commitments: [],
          byParty: [
            { party: 'CN', ...average({ averageText: '+1.00', percentText: '100%' }) },
            { party: 'JP', ...average() },
          ],
          overall: average(),
        },
      ],
      change: [
        { party: 'CN', average: '0.00', percentPoints: '0' },
        { party: 'JP', average: null, percentPoints: null },
      ],
      overallChange: { average: null, percentPoints: null },
    };
    const result = { ...bare, ...caseResult({ record: { id: 's', title: 'S', date: '2016-01-01' }, grid: { ...energy, windows } }) };
    const blocks = gridMarkdown({ ...result, criteria: [] }, 's.yaml', true).split('\n\n');
    expect(blocks.slice(0, 2)).toEqual(['### S (`s`)', 'As of 2015-10-01; record s.yaml.']);
    // The explanations are a list after a blank line, so they split into two blocks here.
    expect(blocks.slice(-4)).toEqual([
      'By member, report by report:',
      [
        '| Member | W\\_1 (to 2016-01-01) | % | Change W\\_1 to W\\_1 | Points |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| China | +1.00 | 100% | 0.00 | 0 |',
        '| Japan | n/a | n/a | n/a | n/a |',
        '| Overall | n/a | n/a | n/a | n/a |',
      ].join('\n'),
      'Where each cell comes from:',
      ['- China on Energy: +1 (full), derived: no event earns a higher level', '- Japan on Energy: 0 (partial), derived: no event earns a higher level'].join(
        '\n',
      ),
    ]);
    expect(gridMarkdown(second, 's.yaml', false)).not.toContain('By member');
    expect(gridMarkdown(second, 's.yaml', false)).not.toContain('Where each cell');
  });

  it('CSV by commitments: a row per commitment, then average and percent, a column per member of any record', () => {
    const table = gridCsv(report('commitments', [first, caseResult({ grid: null }), second]));
    expect(table.columns).toEqual(['record', 'as_of', 'commitment', 'label', 'US', 'CN', 'JP', 'average', 'percent', 'tool_version', 'matrix_sha256']);
    const end = ['9.9.9', 'f00d'];
    expect(table.rows).toEqual([
      ['r', '2015-10-01', 'k/p1', 'Climate finance', 1, null, null, 1, 100, ...end],
      ['r', '2015-10-01', 'k/p2', 'Trade', null, -1, null, null, null, ...end],
      ['r', '2015-10-01', 'k/p3', 'Health', null, 0, null, null, 50, ...end],
      ['r', '2015-10-01', 'average', 'Average', null, -0.5, null, null, null, ...end],
      ['r', '2015-10-01', 'percent', 'Percent', null, 25, null, null, null, ...end],
      ['s', '2016-02-01', 'k/q1', 'Energy', null, 1, 0, 0.5, 75, ...end],
      ['s', '2016-02-01', 'average', 'Average', null, 1, 0, 0.5, null, ...end],
      ['s', '2016-02-01', 'percent', 'Percent', null, 100, 50, null, 75, ...end],
    ]);
  });

  it('CSV by members (or when the matrix says nothing): a row per member, a column per commitment of any record', () => {
    const end = ['9.9.9', 'f00d'];
    for (const rows of ['members', undefined] as const) {
      const table = gridCsv(report(rows, [first, second]));
      expect(table.columns).toEqual([
        'record',
        'as_of',
        'member',
        'label',
        'k/p1',
        'k/p2',
        'k/p3',
        'k/q1',
        'average',
        'percent',
        'tool_version',
        'matrix_sha256',
      ]);
      expect(table.rows).toEqual([
        ['r', '2015-10-01', 'US', 'United States', 1, null, null, null, null, null, ...end],
        ['r', '2015-10-01', 'CN', 'China', null, -1, 0, null, -0.5, 25, ...end],
        ['r', '2015-10-01', 'average', 'Average', 1, null, null, null, null, null, ...end],
        ['r', '2015-10-01', 'percent', 'Percent', 100, null, 50, null, null, null, ...end],
        ['s', '2016-02-01', 'CN', 'China', null, null, null, 1, 1, 100, ...end],
        ['s', '2016-02-01', 'JP', 'Japan', null, null, null, 0, 0, 50, ...end],
        ['s', '2016-02-01', 'average', 'Average', null, null, null, 0.5, 0.5, null, ...end],
        ['s', '2016-02-01', 'percent', 'Percent', null, null, null, 75, null, 75, ...end],
      ]);
    }
  });

  it('long: the long rows every matrix gets, and for a grid cell its status, names and assessment', () => {
    const cells = (id: string, parties: string[]) => criterion(id, { parties: parties.map((p) => party(p)) });
    const scored = caseResult({
      ...first,
      criteria: [cells('k/p1', ['US', 'CN', 'RU']), cells('k/p2', ['US', 'CN']), cells('k/p3', ['US', 'CN']), criterion('x')],
    });
    const plain = caseResult({ record: { id: 't', title: 'T', date: '2016-01-01' }, criteria: [cells('k/p1', ['US'])] });
    const evaluated = report('commitments', [scored, plain]);
    const table = gridLong(evaluated);
    const base = longEvaluationRows(evaluated);
    expect(table.columns).toEqual([...base.columns, 'status', 'member_name', 'commitment_title', 'added_in', 'assessment', 'assessor', 'window', 'superseded']);
    expect(table.rows.map((row) => row.slice(0, base.columns.length))).toEqual(base.rows);
    const none = [null, null, null, null, null, null, null, null];
    expect(table.rows.map((row) => row.slice(base.columns.length))).toEqual([
      ['scored', 'United States', 'Climate finance', null, 'a1', 'G20 RG', 'interim', 'a0 a-1'],
      ['not-applicable', 'China', 'Climate finance', null, null, null, null, null],
      none,
      ['not-assessed', 'United States', 'Trade', 'final', 'a2', null, null, null],
      ['scored', 'China', 'Trade', 'final', null, null, null, null],
      ['not-assessed', 'United States', 'Health', null, null, null, null, null],
      ['scored', 'China', 'Health', null, null, null, null, null],
      none,
      none,
    ]);
  });
});
