// The HTML report of compare, timeline and sensitivity (src/format/html/research.ts): the charts
// each asks for (ids, titles and the data handed to them) and the page around them (the tables
// that follow every chart, the figures holding the SVGs, the page title and header). Documents
// are built by hand below; every expected fragment is worked out from those inputs and the markup
// rules of htmlTable/figure (first cell a row header, numeric columns class="num"), not copied
// from output.
import { describe, expect, it } from 'vitest';
import type { Band } from '../../src/format/html/documents.js';
import {
  compareCharts,
  comparePage,
  sensitivityCharts,
  sensitivityPage,
  timelineCharts,
  timelinePage,
  type CompareDocument,
  type SensitivityDocument,
  type TimelineDocument,
} from '../../src/format/html/research.js';

type Comparison = CompareDocument['comparisons'][number];
type CompareRow = Comparison['rows'][number];
type CompareCell = CompareRow['criteria'][number];
type TimelinePoint = TimelineDocument['points'][number];
type SensitivityCase = SensitivityDocument['cases'][number];
type Values = { data: { values: unknown[] } };

const TOOL = { name: 'summit-score', version: '0.0.0' };
const THREE_BANDS: Band[] = [
  { label: 'good', min: 60 },
  { label: 'fair', min: 30 },
  { label: 'poor', min: 0 },
];
const TWO_BANDS: Band[] = [
  { label: 'pass', min: 50 },
  { label: 'fail', min: 0 },
];

const matrixInfo = (id: string, verdicts: Band[]) => ({ id, title: `M ${id}`, version: '1', file: `${id}.yaml`, sha256: '', verdicts });
const recordInfo = (id: string) => ({ id, title: `R ${id}`, date: '2015-01-01', file: `${id}.yaml`, sha256: '' });

const row = (head: string, cells: string[], numeric: number[] = []) =>
  `<tr><th scope="row">${head}</th>${cells.map((c, i) => `<td${numeric.includes(i + 1) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`;
const table = (caption: string, head: string[], rows: string[]) =>
  `<table>\n<caption>${caption}</caption>\n<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>\n<tbody>\n` +
  `${rows.join('\n')}\n</tbody>\n</table>`;
const svgs = (n: number) => Array.from({ length: n }, (_, i) => `<svg n="${i + 1}"></svg>`);
const labelled = (id: string, n: number) => `<svg role="img" aria-labelledby="${id}-caption" n="${n}"></svg>`;
const mainOf = (html: string) => html.slice(html.indexOf('<main>\n') + '<main>\n'.length, html.indexOf('\n</main>'));

// ---- compare ----

function cell(id: string, fields: Partial<CompareCell> = {}): CompareCell {
  return { id, applicable: true, level: 'high', levelScore: 2, points: 2, maxPoints: 4, levelRange: null, ...fields };
}

function compareRow(record: string, fields: Partial<CompareRow> = {}): CompareRow {
  return { record, asOf: '2015-10-01', score: 50, scoreRange: null, verdict: 'fair', rank: 1, tied: false, criteria: [cell('c1')], ...fields };
}

// Four cases, given out of rank order: every way a rank, a total and a verdict can be stated.
function rankingComparison(matrix: string): Comparison {
  return {
    matrix,
    criteria: [{ id: 'c1', title: 'C1', weight: 1 }],
    rows: [
      // an interval of one point is a single total
      compareRow('a', { rank: 2, tied: true, score: 50, scoreRange: { low: 50, high: 50 } }),
      // an open total: a rank range and every verdict it allows
      compareRow('b', {
        rank: null,
        rankRange: { best: 1, worst: 3 },
        score: null,
        scoreRange: { low: 40, high: 75 },
        verdict: null,
        verdicts: ['good', 'fair'],
      }),
      // no scoreRange key at all
      compareRow('c', { rank: 1, score: 80, scoreRange: undefined, verdict: 'good' }),
      compareRow('d', { rank: null, rankRange: null, score: null, verdict: null, verdicts: [] }),
    ],
  };
}

// Two criteria × four cases: a scored cell, n/a, open ranges, no level, no points, a criterion worth nothing.
function levelsComparison(matrix: string): Comparison {
  return {
    matrix,
    criteria: [
      { id: 'c1', title: 'C1', weight: 1 },
      { id: 'c2', title: 'C2', weight: 1 },
    ],
    rows: [
      compareRow('x', { rank: 1, score: 10, verdict: null, criteria: [cell('c1', { points: 1 }), cell('c2', { applicable: false, level: null, points: 0 })] }),
      compareRow('y', {
        rank: 2,
        score: 20,
        verdict: 'poor',
        criteria: [cell('c1', { level: null, levelRange: { low: 'low', high: null }, points: 2 }), cell('c2', { level: 'mid', points: null })],
      }),
      compareRow('z', {
        rank: 3,
        score: 30,
        verdict: 'poor',
        criteria: [cell('c1', { level: 'none', points: 0, maxPoints: 0 }), cell('c2', { level: 'mid', levelRange: { low: 'mid', high: 'mid' }, points: 3 })],
      }),
      compareRow('w', {
        rank: 4,
        score: 40,
        verdict: 'poor',
        criteria: [cell('c1', { level: null, points: null }), cell('c2', { applicable: false, level: null, points: null })],
      }),
    ],
  };
}

// The first comparison names the second matrix: the bands must be found by id, not by position.
function compareDoc(): CompareDocument {
  return {
    tool: TOOL,
    asOf: '2016-01-01',
    matrices: [matrixInfo('ma', THREE_BANDS), matrixInfo('mb', TWO_BANDS)],
    records: [recordInfo('a'), recordInfo('b')],
    comparisons: [rankingComparison('mb'), levelsComparison('ma')],
  };
}

describe('compareCharts', () => {
  it('asks for a ranking and a levels heatmap per comparison, numbered from 1', () => {
    const charts = compareCharts(compareDoc());
    expect(charts.map((chart) => [chart.id, chart.title])).toEqual([
      ['compare-1-ranking', 'mb: cases ranked by total'],
      ['compare-1-levels', 'mb: level of each criterion in each case'],
      ['compare-2-ranking', 'ma: cases ranked by total'],
      ['compare-2-levels', 'ma: level of each criterion in each case'],
    ]);
    // the heatmap's rows are the criteria and its columns the cases
    const encoding = (charts[1]!.spec as { encoding: { x: { title: string }; y: { title: string } } }).encoding;
    expect([encoding.y.title, encoding.x.title]).toEqual(['Criterion', 'Case']);
  });

  it('draws the band edges of the matrix the comparison names, whatever its place in the list', () => {
    const edges = (spec: unknown) => (spec as { layer: Values[] }).layer[0]!.data.values;
    const charts = compareCharts(compareDoc());
    // mb's bands above 0: pass at 50; ma's: good at 60, fair at 30
    expect(edges(charts[0]!.spec)).toEqual([{ min: 50, label: 'pass' }]);
    expect(edges(charts[2]!.spec)).toEqual([
      { min: 60, label: 'good' },
      { min: 30, label: 'fair' },
    ]);
  });

  it('ranks the bars best first, unranked cases last in their given order, each labelled rank · total · verdict', () => {
    const bars = (compareCharts(compareDoc())[0]!.spec as { layer: Values[] }).layer[1]!.data.values;
    expect(bars).toEqual([
      { record: 'c', low: 80, high: 80, label: '#1 · 80 · good' },
      { record: 'a', low: 50, high: 50, label: '#2 (tied) · 50 · fair' },
      { record: 'b', low: 40, high: 75, label: '#1–3 · 40–75 · good or fair' },
      // no total at all: a bar of nothing
      { record: 'd', low: 0, high: 0, label: 'unranked · no total · no verdict' },
    ]);
  });

  it('says "no verdict" when a case has neither a verdict nor a list of them', () => {
    const bars = (compareCharts(compareDoc())[2]!.spec as { layer: Values[] }).layer[1]!.data.values as { label: string }[];
    expect(bars[0]!.label).toBe('#1 · 10 · no verdict');
  });

  it('gives each criterion × case cell its words and its place between the lowest and highest level', () => {
    const cells = (compareCharts(compareDoc())[3]!.spec as Values).data.values;
    expect(cells).toEqual([
      { row: 'c1', column: 'x', value: 0.25, text: 'high' }, // 1 of 4 points
      { row: 'c1', column: 'y', value: null, text: '? low–none' }, // open: no colour, even with points
      { row: 'c1', column: 'z', value: 0, text: 'none' }, // a criterion worth 0 points sits at 0
      { row: 'c1', column: 'w', value: null, text: '?' }, // no level known
      { row: 'c2', column: 'x', value: null, text: 'n/a' }, // n/a, though it has 0 points
      { row: 'c2', column: 'y', value: null, text: 'mid' }, // a level but no points
      { row: 'c2', column: 'z', value: 0.75, text: 'mid' }, // a range of one level is that level
      { row: 'c2', column: 'w', value: null, text: 'n/a' },
    ]);
  });

  it('writes an open range’s missing ends as "none"', () => {
    const doc = compareDoc();
    const open = cell('c1', { level: null, levelRange: { low: null, high: 'high' }, points: null });
    const charts = compareCharts({ ...doc, comparisons: [{ ...levelsComparison('ma'), rows: [compareRow('q', { criteria: [open, cell('c2')] })] }] });
    expect((charts[1]!.spec as Values).data.values[0]).toEqual({ row: 'c1', column: 'q', value: null, text: '? none–high' });
  });
});

describe('comparePage', () => {
  it('titles the page with every record and heads it with every matrix and the as-of date', () => {
    const html = comparePage(compareDoc(), svgs(4));
    expect(html).toContain('<title>Comparison: a, b</title>');
    expect(html).toContain('<dt>Matrix</dt><dd><code>ma</code> 1 — M ma, <code>ma.yaml</code>');
    expect(html).toContain('<dt>Matrix</dt><dd><code>mb</code> 1 — M mb, <code>mb.yaml</code>');
    expect(html).toContain('<dt>Record</dt><dd><code>b</code> — R b (2015-01-01)');
    expect(html).toContain('<dt>As of</dt><dd>2016-01-01</dd>');
  });

  it('gives each comparison a section: its ranking figure and table, then its levels figure and table', () => {
    const html = comparePage(compareDoc(), svgs(4));
    const ranking = table(
      'Cases ranked by total; equal totals share a rank',
      ['Case', 'Rank', 'Total', 'Verdict', 'As of'],
      [
        row('<code>c</code>', ['1', '80', 'good', '2015-10-01'], [1, 2]),
        row('<code>a</code>', ['2 (tied)', '50', 'fair', '2015-10-01'], [1, 2]),
        row('<code>b</code>', ['1–3', '40–75', 'good or fair', '2015-10-01'], [1, 2]),
        row('<code>d</code>', ['unranked', 'no total', 'no verdict', '2015-10-01'], [1, 2]),
      ],
    );
    const levels = table('Level of each criterion in each case', ['Criterion', 'a', 'b', 'c', 'd'], [row('<code>c1</code>', ['high', 'high', 'high', 'high'])]);
    const first =
      '<section id="compare-1"><h2>mb</h2>\n' +
      `<figure id="compare-1-ranking">\n${labelled('compare-1-ranking', 1)}\n` +
      '<figcaption id="compare-1-ranking-caption">Cases ranked by total, with the verdict band edges as dashed rules.</figcaption>\n' +
      `${ranking}\n</figure>\n` +
      `<figure id="compare-1-levels">\n${labelled('compare-1-levels', 2)}\n` +
      '<figcaption id="compare-1-levels-caption">Criteria × cases: darker is a higher level; n/a and unknown are written out.</figcaption>\n' +
      `${levels}\n</figure>\n</section>\n<section id="compare-2"><h2>ma</h2>\n<figure id="compare-2-ranking">\n`;
    // sections in order, joined by a newline, the first one whole
    expect(mainOf(html).slice(0, first.length)).toBe(first);
    // the second comparison takes the third and fourth SVG
    expect(html).toContain(`<figure id="compare-2-ranking">\n${labelled('compare-2-ranking', 3)}\n`);
    expect(html).toContain(`<figure id="compare-2-levels">\n${labelled('compare-2-levels', 4)}\n`);
    expect(mainOf(html).slice(-'</figure>\n</section>'.length)).toBe('</figure>\n</section>');
  });

  it('writes each cell of the levels table in words: n/a, an open range, an unknown level', () => {
    const html = comparePage(compareDoc(), svgs(4));
    expect(html).toContain(
      table(
        'Level of each criterion in each case',
        ['Criterion', 'x', 'y', 'z', 'w'],
        [row('<code>c1</code>', ['high', '? low–none', 'none', '?']), row('<code>c2</code>', ['n/a', 'mid', 'mid', 'n/a'])],
      ),
    );
    expect(html).toContain(row('<code>x</code>', ['1', '10', 'no verdict', '2015-10-01'], [1, 2]));
  });

  it('leaves a figure without a chart when no SVG was given', () => {
    const html = comparePage(compareDoc(), []);
    expect(html).toContain('<figure id="compare-1-ranking">\n\n<figcaption id="compare-1-ranking-caption">');
    expect(html).toContain('<figure id="compare-1-levels">\n\n<figcaption id="compare-1-levels-caption">');
    expect(html).toContain('<figure id="compare-2-levels">\n\n<figcaption id="compare-2-levels-caption">');
  });
});

// ---- timeline ----

function timelineDoc(): TimelineDocument {
  const points: TimelinePoint[] = [
    {
      date: '2015-01-01',
      score: 40,
      verdict: 'fair',
      verdictChange: null,
      arrived: [
        { id: 'e1', date: '2015-01-01', type: 'statement' },
        { id: 'd1', date: '2015-01-01', type: 'deadline' },
      ],
      changes: [
        { criterion: 'c1', party: 'US', to: { applicable: true, level: 'high' }, direction: 'up', events: ['e1', 'e2'] },
        { criterion: 'c2', party: null, to: { applicable: false, level: null }, direction: 'down', events: [] },
      ],
    },
    {
      date: '2015-06-01',
      score: 70,
      verdict: null,
      verdictChange: null,
      arrived: [],
      changes: [{ criterion: 'c3', party: null, to: { applicable: true, level: null }, direction: 'other', events: ['e3'] }],
    },
    {
      date: '2016-01-01',
      score: null,
      verdict: null,
      verdictChange: null,
      arrived: [{ id: 'd2', date: '2015-12-31', type: 'deadline', title: 'D two' }],
      changes: [],
    },
  ];
  return { tool: TOOL, matrix: matrixInfo('m', THREE_BANDS), record: recordInfo('r'), points };
}

// The expected notes, from the changes above: criterion[party], the arrow of its direction, the
// level it moved to (n/a, or ? when unknown), the events that moved it; changes joined by "; ".
const NOTE_1 = 'c1[US] ↑ high (e1, e2); c2 ↓ n/a';
const NOTE_2 = 'c3 → ? (e3)';

describe('timelineCharts', () => {
  it('asks for one step chart of the scored dates, each with its verdict and what moved', () => {
    const charts = timelineCharts(timelineDoc());
    expect(charts.map((chart) => [chart.id, chart.title])).toEqual([['timeline', 'r under m: total over time']]);
    const layers = (charts[0]!.spec as { layer: Values[] }).layer;
    // the third date has no total and so no point
    expect(layers[2]!.data.values).toEqual([
      { date: '2015-01-01', score: 40, verdict: 'fair', note: NOTE_1 },
      { date: '2015-06-01', score: 70, verdict: 'no verdict', note: NOTE_2 },
    ]);
  });

  it('marks only the deadlines among the events that arrived, by their own date and id', () => {
    const layers = (timelineCharts(timelineDoc())[0]!.spec as { layer: Values[] }).layer;
    expect(layers).toHaveLength(4);
    expect(layers[3]!.data.values).toEqual([
      { date: '2015-01-01', label: 'd1' },
      { date: '2015-12-31', label: 'd2' },
    ]);
  });
});

describe('timelinePage', () => {
  it('follows the step chart with a table of every date: total, verdict, events, what moved', () => {
    const html = timelinePage(timelineDoc(), svgs(1));
    const expected = table(
      'The total at each date, and the events that moved it',
      ['Date', 'Total', 'Verdict', 'Events that arrived', 'What moved'],
      [
        row('2015-01-01', ['40', 'fair', '<code>e1</code>, <code>d1</code>', NOTE_1], [1]),
        row('2015-06-01', ['70', 'no verdict', '', NOTE_2], [1]),
        row('2016-01-01', ['no total', 'no verdict', '<code>d2</code>', ''], [1]),
      ],
    );
    expect(mainOf(html)).toBe(
      `<figure id="timeline">\n${labelled('timeline', 1)}\n<figcaption id="timeline-caption">The total as a step chart; dashed rules are the verdict band edges, ` +
        `annotations name the criteria that moved and the events that moved them.</figcaption>\n${expected}\n</figure>`,
    );
  });

  it('titles the page with the record and matrix and heads it with both', () => {
    const html = timelinePage(timelineDoc(), []);
    expect(html).toContain('<title>Timeline: r under m</title>');
    expect(html).toContain('<dt>Matrix</dt><dd><code>m</code> 1 — M m, <code>m.yaml</code>');
    expect(html).toContain('<dt>Record</dt><dd><code>r</code> — R r (2015-01-01), <code>r.yaml</code>');
    expect(html).toContain('<dt>As of</dt><dd>each record at its last event</dd>');
    // no SVG: the figure keeps its caption and table
    expect(html).toContain('<figure id="timeline">\n\n<figcaption id="timeline-caption">');
  });

  it('escapes the criteria and events it names', () => {
    const doc = timelineDoc();
    const point = { ...doc.points[1]!, arrived: [{ id: 'e<4>', date: '2015-06-01', type: 'vote' }] };
    const html = timelinePage({ ...doc, points: [{ ...point, changes: [{ ...point.changes[0]!, criterion: 'a&b' }] }] }, []);
    expect(html).toContain(row('2015-06-01', ['70', 'no verdict', '<code>e&lt;4&gt;</code>', 'a&amp;b → ? (e3)'], [1]));
  });
});

// ---- sensitivity ----

function sensitivityCases(): SensitivityCase[] {
  return [
    {
      record: 'r1',
      asOf: '2015-10-01',
      score: 55,
      verdict: 'fair',
      intervals: [
        { criterion: 'c1', weight: 2, from: 1, to: 3 },
        { criterion: 'c2', weight: 1, from: 0.5, to: null },
      ],
      sampling: {
        held: 0.875,
        verdicts: [
          { verdict: 'fair', count: 3 },
          { verdict: 'good', count: 1 },
        ],
        score: { min: 10, p5: 20, median: 30, p95: 40, max: 50 },
      },
    },
    { record: 'r2', asOf: '2015-10-02', score: null, verdict: null, intervals: [], sampling: null },
    // sampled, but with no distribution of the total
    {
      record: 'r3',
      asOf: '2015-10-03',
      score: 70,
      verdict: 'good',
      intervals: [{ criterion: 'c1', weight: 2, from: 0, to: 4 }],
      sampling: { held: 1, verdicts: [{ verdict: 'good', count: 4 }], score: null },
    },
  ];
}

function sensitivityDoc(fields: Partial<SensitivityDocument> = {}): SensitivityDocument {
  return {
    tool: TOOL,
    matrix: matrixInfo('m', THREE_BANDS),
    records: [recordInfo('r1'), recordInfo('r2'), recordInfo('r3')],
    asOf: null,
    method: { sampling: { samples: 1000, seed: 1 } },
    cases: sensitivityCases(),
    ...fields,
  };
}

describe('sensitivityCharts', () => {
  it('asks for the distribution and the verdict frequencies of the sampled cases, then the weight intervals', () => {
    const charts = sensitivityCharts(sensitivityDoc());
    expect(charts.map((chart) => [chart.id, chart.title])).toEqual([
      ['sensitivity-distribution', 'Total under resampled weights: min–max, 5th–95th percentile, median'],
      ['sensitivity-verdicts', 'How often each verdict came out'],
      ['sensitivity-intervals', 'Weights over which each verdict holds (tick: the matrix’s weight)'],
    ]);
    // only r1 has a distribution of its total
    expect((charts[0]!.spec as Values).data.values).toEqual([{ record: 'r1', min: 10, p5: 20, median: 30, p95: 40, max: 50 }]);
    // 3 and 1 of r1's 4 samples
    expect((charts[1]!.spec as Values).data.values).toEqual([
      { record: 'r1', verdict: 'fair', share: 0.75 },
      { record: 'r1', verdict: 'good', share: 0.25 },
    ]);
    expect((charts[2]!.spec as Values).data.values).toMatchObject([
      { row: 'r1 · c1', weight: 2, from: 1, to: 3 },
      { row: 'r1 · c2', weight: 1, from: 0.5, to: null },
      { row: 'r3 · c1', weight: 2, from: 0, to: 4 },
    ]);
  });

  it('asks for the weight intervals alone when no case has a sampled total', () => {
    const cases = sensitivityCases().slice(1);
    expect(sensitivityCharts(sensitivityDoc({ cases })).map((chart) => chart.id)).toEqual(['sensitivity-intervals']);
  });
});

describe('sensitivityPage', () => {
  it('gives the baseline, then each chart as a figure followed by its figures as a table', () => {
    const doc = sensitivityDoc();
    const html = sensitivityPage(doc, sensitivityCharts(doc), svgs(3));
    const baseline = table(
      'Baseline',
      ['Case', 'Total', 'Verdict', 'As of'],
      [
        row('<code>r1</code>', ['55', 'fair', '2015-10-01'], [1]),
        row('<code>r2</code>', ['no total', 'no verdict', '2015-10-02'], [1]),
        row('<code>r3</code>', ['70', 'good', '2015-10-03'], [1]),
      ],
    );
    // held 0.875 of the samples: 87.5%
    const distribution = table(
      'Distribution of the total',
      ['Case', 'Min', 'P5', 'Median', 'P95', 'Max', 'Verdict held'],
      [row('<code>r1</code>', ['10', '20', '30', '40', '50', '87.5%'], [1, 2, 3, 4, 5, 6])],
    );
    // r3 was sampled too, so its verdict counts are listed though its total has no distribution
    const verdicts = table(
      'Verdicts across the samples',
      ['Case', 'Verdict', 'Samples'],
      [row('<code>r1</code>', ['fair', '3'], [2]), row('<code>r1</code>', ['good', '1'], [2]), row('<code>r3</code>', ['good', '4'], [2])],
    );
    const intervals = table(
      'Weight intervals',
      ['Case', 'Criterion', 'Weight', 'From', 'To'],
      [
        row('<code>r1</code>', ['c1', '2', '1', '3'], [2, 3, 4]),
        row('<code>r1</code>', ['c2', '1', '0.5', 'no upper bound'], [2, 3, 4]),
        row('<code>r3</code>', ['c1', '2', '0', '4'], [2, 3, 4]),
      ],
    );
    expect(mainOf(html)).toBe(
      [
        baseline,
        `<figure id="sensitivity-distribution">\n${labelled('sensitivity-distribution', 1)}\n` +
          `<figcaption id="sensitivity-distribution-caption">Monte Carlo: 1000 samples, seed 1.</figcaption>\n${distribution}\n</figure>`,
        `<figure id="sensitivity-verdicts">\n${labelled('sensitivity-verdicts', 2)}\n` +
          `<figcaption id="sensitivity-verdicts-caption">Verdict frequencies across the samples.</figcaption>\n${verdicts}\n</figure>`,
        `<figure id="sensitivity-intervals">\n${labelled('sensitivity-intervals', 3)}\n` +
          '<figcaption id="sensitivity-intervals-caption">One weight at a time: the range over which the verdict holds, around the matrix’s weight.</figcaption>\n' +
          `${intervals}\n</figure>`,
      ].join('\n'),
    );
  });

  it('titles the page with every record and heads it with the matrix', () => {
    const doc = sensitivityDoc();
    const html = sensitivityPage(doc, sensitivityCharts(doc), svgs(3));
    expect(html).toContain('<title>Sensitivity: r1, r2, r3</title>');
    expect(html).toContain('<dt>Matrix</dt><dd><code>m</code> 1 — M m, <code>m.yaml</code>');
    expect(html).toContain('<dt>Record</dt><dd><code>r3</code> — R r3 (2015-01-01)');
  });

  it('names no matrix when the document has none, and says only "sampling" without the method’s numbers', () => {
    const doc = sensitivityDoc({ matrix: undefined, method: { sampling: null } });
    const html = sensitivityPage(doc, sensitivityCharts(doc), svgs(3));
    expect(html).not.toContain('<dt>Matrix</dt>');
    expect(html).toContain('<figcaption id="sensitivity-distribution-caption">Monte Carlo: sampling.</figcaption>');
  });

  it('leaves each figure without a chart when no SVG was given', () => {
    const doc = sensitivityDoc();
    const html = sensitivityPage(doc, sensitivityCharts(doc), []);
    for (const id of ['sensitivity-distribution', 'sensitivity-verdicts', 'sensitivity-intervals']) {
      expect(html).toContain(`<figure id="${id}">\n\n<figcaption id="${id}-caption">`);
    }
  });

  it('gives only the baseline and the weight intervals when there is no distribution chart', () => {
    const doc = sensitivityDoc({ cases: sensitivityCases().slice(1) });
    const html = sensitivityPage(doc, sensitivityCharts(doc), svgs(1));
    expect(html).not.toContain('sensitivity-distribution');
    expect(html).not.toContain('sensitivity-verdicts');
    expect(mainOf(html)).toMatch(/^<table>\n<caption>Baseline<\/caption>[^]*<\/table>\n<figure id="sensitivity-intervals">\n<svg role="img"[^]*<\/figure>$/);
  });
});
