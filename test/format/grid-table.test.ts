// The compliance table in the terminal (src/format/grid-table.ts), on the grid built by hand in
// test/helpers/hand-results.ts: the table, its notes (dim), the windows side by side and, with
// --explain, where each cell comes from; every piece of input text shown safe (safeText).
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { CaseResult, Matrix } from '../../src/engine/index.js';
import { formatGridResult, gridTableText } from '../../src/format/grid-table.js';
import type { EvaluationReport } from '../../src/format/report.js';
import { average, caseResult, makeGrid } from '../helpers/hand-results.js';

const plain = new Chalk({ level: 0 });
const NOTES = [
  'Overall: the mean of all scored cells (cells): −0.33 to +0.33, 33% to 67%.',
  'n/a: 1 cell not applicable, left out of the averages.',
  'not assessed: 2 cells unknown; a figure over them is a range, from every unknown cell at the bottom of the scale to every one at the top.',
  '‡ first assessed in final: not in the earlier report.',
  'Recalibrated: United States on Climate finance: a1 (2016-01-10) counts, superseding a0, a-1.',
  'Unknown: United States on Trade: score 5 is not on the scale (a2).',
];
/** The lines after the last table border drawn before them. */
const after = (text: string, from = 0) => {
  const lines = text.split('\n');
  const end = lines.findIndex((line, i) => i >= from && line.startsWith('└'));
  return { lines, end, rest: lines.slice(end + 1) };
};
const windows = {
  windows: [
    {
      window: 'w',
      title: 'W',
      to: '2016-01-01',
      commitments: [],
      byParty: [
        { party: 'US', ...average() },
        { party: 'CN', ...average() },
      ],
      overall: average(),
    },
  ],
  change: [
    { party: 'US', average: null, percentPoints: null },
    { party: 'CN', average: null, percentPoints: null },
  ],
  overallChange: { average: null, percentPoints: null },
};
const bare = { criteria: [] } as unknown as CaseResult;

describe('gridTableText', () => {
  it('draws the table, a row per commitment, then the notes', () => {
    const text = gridTableText(bare, makeGrid(), { color: false, width: 200 }, plain);
    const { lines, rest } = after(text);
    expect(lines[1]).toMatch(/^│ Commitment\s+│ United States\s+│ China\s+│ Average\s+│ Percent\s+│$/);
    expect(lines.find((line) => line.startsWith('│ Trade ‡'))).toMatch(/^│ Trade ‡\s+│ not assessed\s+│ −1\s+│ −1\.00 to \+1\.00\s+│ 0% to 50%\s+│$/);
    expect(rest).toEqual(NOTES);
  });

  it('adds the windows side by side, and with explain where each cell comes from, not otherwise', () => {
    const grid = makeGrid({ windows });
    const text = gridTableText(bare, grid, { color: false, width: 200, explain: true }, plain);
    const first = after(text);
    expect(first.rest.slice(0, NOTES.length + 1)).toEqual([...NOTES, 'By member, report by report']);
    const second = after(text, first.end + 1);
    expect(second.lines[first.end + NOTES.length + 3]).toMatch(/^│ Member\s+│ W \(to 2016-01-01\)\s+│ %\s+│ Change W to W\s+│ Points\s+│$/);
    expect(second.rest).toEqual([
      'Where each cell comes from:',
      '  United States on Climate finance: +1, stated by assessment a1 (2016-01-10, interim, G20 RG): On time',
      '  China on Climate finance: n/a: does not apply',
      '  United States on Trade: not assessed, stated by assessment a2 (2016-02-01)',
      '  China on Trade: −1 (none), derived: no event earns a higher level',
      '  United States on Health: not assessed: no assessment of this cell is known by the as-of date',
      '  China on Health: 0 (partial), derived: no event earns a higher level',
    ]);
    expect(gridTableText(bare, makeGrid(), { color: false, width: 200, explain: false }, plain)).not.toContain('Where each cell');
  });

  it('dims the notes and bolds the headings in colour, and shows control characters in names as escapes', () => {
    const chalk = new Chalk({ level: 1 });
    const grid = makeGrid({
      windows,
      members: [
        { id: 'US', name: 'U\u001b[2JS' },
        { id: 'CN', name: 'China' },
      ],
    });
    const text = gridTableText(bare, grid, { color: false, width: 200, explain: true }, chalk);
    expect(text).toContain('\u001b[2mOverall: the mean of all scored cells (cells): −0.33 to +0.33, 33% to 67%.\u001b[22m');
    expect(text).toContain('\u001b[1mBy member, report by report\u001b[22m');
    expect(text).toContain('\u001b[1mWhere each cell comes from:\u001b[22m');
    expect(text).toContain('│ U\\u001b[2JS');
    expect(text).toContain('Recalibrated: U\\u001b[2JS on Climate finance');
    expect(text).toContain('  U\\u001b[2JS on Health: not assessed');
    expect(text).not.toContain('U\u001b[2JS');
  });
});

describe('formatGridResult', () => {
  const report = (extended: boolean): EvaluationReport => ({
    tool: { name: 'summit-score', version: '9.9.9' },
    matrix: {
      definition: { id: 'g20', version: '2\u202e', criteria: [] } as unknown as Matrix,
      file: 'g20.yaml',
      sha256: '',
      ...(extended && { extends: { bases: [{ id: 'base', version: '1', file: 'b.yaml', sha256: '' }], overrides: [] } }),
    },
    asOf: null,
    results: [],
    bundledDefault: false,
  });
  const result = caseResult({ record: { id: 'g20-2015', title: 'Antalya\n2015', date: '2015-11-16' }, asOf: '2016-11-01', grid: makeGrid() });

  it("heads the grid with the record's title and id, the matrix and as-of date, and what the matrix extends", () => {
    const lines = formatGridResult(result, report(true), { color: false, width: 200 }, plain).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Antalya\\u000a2015 (g20-2015)',
      'matrix g20 2\\u202e, as of 2016-11-01',
      'extends base 1 (b.yaml); changes: none',
      lines[3],
    ]);
    expect(lines[3]).toMatch(/^┌/);
    expect(after(lines.join('\n')).rest).toEqual(NOTES);
    const short = formatGridResult(result, report(false), { color: false, width: 200 }, plain).split('\n');
    expect(short[2]).toMatch(/^┌/);
  });

  it('bolds the heading and dims the matrix line in colour', () => {
    const lines = formatGridResult(result, report(true), { color: false, width: 200 }, new Chalk({ level: 1 })).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '\u001b[1mAntalya\\u000a2015 (g20-2015)\u001b[22m',
      '\u001b[2mmatrix g20 2\\u202e, as of 2016-11-01\u001b[22m',
      '\u001b[2mextends base 1 (b.yaml); changes: none\u001b[22m',
    ]);
  });
});
