// The Vega-Lite specifications behind the HTML report's charts (src/format/html/charts.ts), built
// from small hand-made inputs. Each spec is compared whole: the data layers are worked out from
// the inputs (band spans from the bands' minimums, best first, the first reaching 100; the
// criterion bars' "level · points of max" text; compliance keys; the weight intervals' open ends),
// the rest is the documented look of each chart (docs/formats.md, "HTML reports"). The Vega
// expressions in filters, conditions and calculations are plain JavaScript over `datum`; they are
// also run on sample data to check they select what the chart means them to.
import { describe, expect, it } from 'vitest';
import {
  bandScaleChart,
  complianceChart,
  criterionBarsChart,
  distributionChart,
  frequencyChart,
  heatmapChart,
  rankingChart,
  timelineChart,
  weightIntervalChart,
  type ComplianceCell,
  type CriterionBar,
  type HeatCell,
} from '../../src/format/html/charts.js';
import type { Band } from '../../src/format/html/documents.js';
import type { Chart } from '../../src/format/html/vega.js';

// The ramp of palette.ts (best band darkest), Okabe-Ito's first colours, the muted grey and the
// compliance colours, as test/format/html-palette.test.ts pins them.
const RAMP = ['#08519c', '#3182bd', '#6baed6', '#bdd7e7', '#eff3ff'];
const BLUE = '#0072B2';
const ORANGE = '#E69F00';
const GREEN = '#009E73';
const SKY = '#56B4E9';
const VERMILLION = '#D55E00';
const MUTED = '#888888';

const THREE_BANDS: Band[] = [
  { label: 'good', min: 60 },
  { label: 'fair', min: 30 },
  { label: 'poor', min: 0 },
];

const layers = (chart: Chart) => chart.spec.layer as any[];

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a Vega expression over `datum` is a JavaScript expression
const expression = (source: string) => new Function('datum', `return (${source});`) as (datum: object) => unknown;

describe('bandScaleChart', () => {
  // good 60–100, fair 30–60, poor 0–30: each band reaches up to the minimum of the band above it.
  const spans = [
    { label: 'good', from: 60, to: 100, colour: RAMP[0] },
    { label: 'fair', from: 30, to: 60, colour: RAMP[1] },
    { label: 'poor', from: 0, to: 30, colour: RAMP[2] },
  ];
  const bandLayers = [
    {
      data: { values: spans },
      mark: { type: 'rect', stroke: 'white' },
      encoding: {
        x: { field: 'from', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Total (0–100)' },
        x2: { field: 'to' },
        // Each band keeps its own colour: the domain is the labels best first, the range their colours.
        color: { field: 'label', type: 'nominal', scale: { domain: ['good', 'fair', 'poor'], range: [RAMP[0], RAMP[1], RAMP[2]] }, legend: null },
      },
    },
    {
      data: { values: spans },
      mark: { type: 'text', baseline: 'top', dy: 4, fontSize: 11, color: '#111' },
      encoding: { x: { field: 'mid', type: 'quantitative' }, text: { field: 'label' } },
      transform: [{ calculate: '(datum.from + datum.to) / 2', as: 'mid' }],
    },
  ];

  it('draws a single total as a rule at it, labelled with the number alone', () => {
    const chart = bandScaleChart('case-1-verdict', 'r1: total on the verdict bands', THREE_BANDS, [45, 45]);
    const marks = [{ low: 45, high: 45, text: '45' }];
    expect(chart).toEqual({
      id: 'case-1-verdict',
      title: 'r1: total on the verdict bands',
      spec: {
        title: 'r1: total on the verdict bands',
        width: 560,
        height: 40,
        layer: [
          ...bandLayers,
          { data: { values: marks }, mark: { type: 'rule', color: '#000', strokeWidth: 3, y: 14, y2: 38 }, encoding: { x: { field: 'low', type: 'quantitative' } } },
          {
            data: { values: marks },
            mark: { type: 'text', baseline: 'bottom', dy: -2, y: 14, fontWeight: 'bold' },
            encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'text' } },
          },
        ],
      },
    });
  });

  it('draws an interval as a translucent bar from its low to its high end, the rule and label at the high end', () => {
    const chart = bandScaleChart('v', 't', THREE_BANDS, [40, 75]);
    const marks = [{ low: 40, high: 75, text: '40–75' }];
    expect(layers(chart)).toEqual([
      ...bandLayers,
      {
        data: { values: marks },
        mark: { type: 'rect', color: '#000', opacity: 0.35, y: 18, y2: 34 },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
      { data: { values: marks }, mark: { type: 'rule', color: '#000', strokeWidth: 3, y: 14, y2: 38 }, encoding: { x: { field: 'high', type: 'quantitative' } } },
      {
        data: { values: marks },
        mark: { type: 'text', baseline: 'bottom', dy: -2, y: 14, fontWeight: 'bold' },
        encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'text' } },
      },
    ]);
  });

  it('draws the bands alone when there is no total', () => {
    expect(bandScaleChart('v', 't', THREE_BANDS, null)).toEqual({ id: 'v', title: 't', spec: { title: 't', width: 560, height: 40, layer: bandLayers } });
  });

  it('labels each band at the middle of its span', () => {
    const [, text] = layers(bandScaleChart('v', 't', THREE_BANDS, null));
    const mid = expression(text.transform[0].calculate);
    expect(text.data.values.map((span: object) => mid(span))).toEqual([80, 45, 15]);
  });

  it('spreads the ramp over six bands, each span still ending at the band above', () => {
    // bandColours(6) takes ramp steps 0, 1, 2, 2, 3, 4 (i x 4 / 5 rounded).
    const bands = [90, 70, 50, 30, 10, 0].map((min, i) => ({ label: `b${i}`, min }));
    const [rect] = layers(bandScaleChart('v', 't', bands, null));
    expect(rect.data.values).toEqual([
      { label: 'b0', from: 90, to: 100, colour: RAMP[0] },
      { label: 'b1', from: 70, to: 90, colour: RAMP[1] },
      { label: 'b2', from: 50, to: 70, colour: RAMP[2] },
      { label: 'b3', from: 30, to: 50, colour: RAMP[2] },
      { label: 'b4', from: 10, to: 30, colour: RAMP[3] },
      { label: 'b5', from: 0, to: 10, colour: RAMP[4] },
    ]);
    expect(rect.encoding.color.scale).toEqual({ domain: ['b0', 'b1', 'b2', 'b3', 'b4', 'b5'], range: [RAMP[0], RAMP[1], RAMP[2], RAMP[2], RAMP[3], RAMP[4]] });
  });
});

describe('criterionBarsChart', () => {
  const bars: CriterionBar[] = [
    { criterion: 'c1', title: 'First', low: 12.5, high: 12.5, max: 25, label: 'high', state: 'scored' },
    { criterion: 'c2', title: 'Second', low: 0, high: 10, max: 25, label: 'unknown (none–high)', state: 'unknown' },
    { criterion: 'c3', title: 'Third', low: 0, high: 0, max: 0, label: 'n/a', state: 'n/a' },
  ];

  it('draws each criterion against the most it could add, coloured by state, its interval and its text', () => {
    const chart = criterionBarsChart('case-1-criteria', 'r1: contribution of each criterion', bars);
    // The shared row encoding: criteria in the order given, no axis title.
    const y = { field: 'criterion', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } };
    expect(chart).toEqual({
      id: 'case-1-criteria',
      title: 'r1: contribution of each criterion',
      spec: {
        title: 'r1: contribution of each criterion',
        width: 420,
        height: { step: 26 },
        data: {
          values: [
            // A point contribution is written once, an interval as its two ends.
            { ...bars[0], shown: 'high · 12.5 of 25' },
            { ...bars[1], shown: 'unknown (none–high) · 0–10 of 25' },
            { ...bars[2], shown: 'n/a · 0 of 0' },
          ],
        },
        layer: [
          {
            name: 'criterion_max',
            mark: { type: 'bar', color: '#eeeeee', stroke: '#cccccc' },
            encoding: { y, x: { field: 'max', type: 'quantitative', title: 'Contribution to the total (points of 100)', scale: { domainMin: 0 } } },
          },
          {
            name: 'criterion_bars',
            mark: { type: 'bar', height: 14 },
            encoding: {
              y,
              x: { field: 'low', type: 'quantitative' },
              x2: { datum: 0 },
              // scored blue, unknown orange, n/a and descriptive grey.
              color: {
                field: 'state',
                type: 'nominal',
                scale: { domain: ['scored', 'unknown', 'n/a', 'descriptive'], range: [BLUE, ORANGE, MUTED, MUTED] },
                legend: { title: null, orient: 'bottom' },
              },
            },
          },
          {
            mark: { type: 'bar', height: 14, opacity: 0.45, color: ORANGE },
            transform: [{ filter: 'datum.high > datum.low' }],
            encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
          },
          { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { y, x: { field: 'max', type: 'quantitative' }, text: { field: 'shown' } } },
        ],
      },
    });
  });

  it('draws the interval bar only for a criterion whose high end is above its low end', () => {
    const chart = criterionBarsChart('c', 't', bars);
    const open = expression(layers(chart)[2].transform[0].filter);
    expect(bars.map((bar) => open(bar))).toEqual([false, true, false]);
  });
});

describe('heatmapChart', () => {
  const cells: HeatCell[] = [
    { row: 'c1', column: 'r1', value: 0.75, text: 'high' },
    { row: 'c1', column: 'r2', value: 0.5, text: 'medium' },
    { row: 'c2', column: 'r1', value: null, text: 'n/a' },
  ];

  it('lays the cells out rows × columns in the given order, coloured by value, labelled in words', () => {
    expect(heatmapChart('compare-1-levels', 'm: levels', cells, 'Criterion', 'Case')).toEqual({
      id: 'compare-1-levels',
      title: 'm: levels',
      spec: {
        title: 'm: levels',
        data: { values: cells },
        width: { step: 110 },
        height: { step: 28 },
        encoding: {
          x: { field: 'column', type: 'nominal', sort: null, title: 'Case', axis: { orient: 'top', labelAngle: 0, labelLimit: 105 } },
          y: { field: 'row', type: 'nominal', sort: null, title: 'Criterion', axis: { labelLimit: 220 } },
        },
        layer: [
          {
            name: 'heat_cells',
            mark: { type: 'rect', stroke: 'white', invalid: 'show' },
            encoding: {
              color: {
                condition: { test: 'datum.value === null', value: '#f2f2f2' },
                field: 'value',
                type: 'quantitative',
                // 0 the palest step of the band ramp, 1 its darkest.
                scale: { domain: [0, 1], range: [RAMP[4], RAMP[0]] },
                legend: { title: 'level (0 lowest, 1 highest)' },
              },
            },
          },
          {
            mark: { type: 'text', fontSize: 10 },
            encoding: { text: { field: 'text' }, color: { condition: { test: 'datum.value !== null && datum.value > 0.6', value: 'white' }, value: '#111' } },
          },
        ],
      },
    });
  });

  it('greys out only the open cells, and writes white only on the dark ones', () => {
    const [rect, text] = layers(heatmapChart('h', 't', cells, 'R', 'C'));
    const open = expression(rect.encoding.color.condition.test);
    const dark = expression(text.encoding.color.condition.test);
    expect(cells.map((cell) => open(cell))).toEqual([false, false, true]);
    expect(cells.map((cell) => dark(cell))).toEqual([true, false, false]);
    expect(dark({ value: 0.6 })).toBe(false);
  });
});

describe('complianceChart', () => {
  const cells: ComplianceCell[] = [
    { member: 'US', commitment: 'k/alpha', score: -1, text: '−1' },
    { member: 'CN', commitment: 'k/alpha', score: 0, text: '0' },
    { member: 'US', commitment: 'k/beta', score: 1, text: '+1' },
    { member: 'CN', commitment: 'k/beta', score: null, text: 'n/a' },
    { member: 'EU', commitment: 'k/beta', score: null, text: 'not assessed' },
  ];

  it('keys each cell by its score, or by its words where it has none, and colours the keys', () => {
    expect(complianceChart('case-1-grid', 'r1: members × commitments', cells)).toEqual({
      id: 'case-1-grid',
      title: 'r1: members × commitments',
      spec: {
        title: 'r1: members × commitments',
        data: {
          values: [
            { ...cells[0], key: '-1' },
            { ...cells[1], key: '0' },
            { ...cells[2], key: '1' },
            { ...cells[3], key: 'n/a' },
            { ...cells[4], key: 'not assessed' },
          ],
        },
        width: { step: 70 },
        height: { step: 26 },
        encoding: {
          x: { field: 'member', type: 'nominal', sort: null, title: 'Member', axis: { orient: 'top', labelAngle: 0, labelLimit: 85 } },
          y: { field: 'commitment', type: 'nominal', sort: null, title: 'Commitment', axis: { labelLimit: 320 } },
        },
        layer: [
          {
            name: 'compliance_cells',
            mark: { type: 'rect', stroke: '#999999' },
            encoding: {
              color: {
                field: 'key',
                type: 'nominal',
                // −1 vermillion, 0 grey, +1 blue; n/a white, not assessed the pale grey of open cells.
                scale: { domain: ['-1', '0', '1', 'n/a', 'not assessed'], range: [VERMILLION, '#bbbbbb', BLUE, '#ffffff', '#f2f2f2'] },
                legend: { title: 'score' },
              },
            },
          },
          {
            mark: { type: 'text', fontSize: 11 },
            encoding: { text: { field: 'text' }, color: { condition: { test: "datum.key === '1' || datum.key === '-1'", value: 'white' }, value: '#111' } },
          },
        ],
      },
    });
  });

  it('writes white on the two dark colours only, +1 and −1', () => {
    const chart = complianceChart('g', 't', cells);
    const white = expression(layers(chart)[1].encoding.color.condition.test);
    expect((chart.spec.data as { values: object[] }).values.map((cell) => white(cell))).toEqual([true, false, true, false, false]);
  });
});

describe('rankingChart', () => {
  const bars = [
    { record: 'r2', low: 70, high: 70, label: '#1 · 70 · good' },
    { record: 'r1', low: 40, high: 55, label: '#2 · 40–55 · fair or poor' },
  ];

  it('draws a dashed rule at every band edge above 0, then the cases in rank order with their intervals and labels', () => {
    expect(rankingChart('compare-1-ranking', 'm: cases ranked by total', bars, THREE_BANDS)).toEqual({
      id: 'compare-1-ranking',
      title: 'm: cases ranked by total',
      spec: {
        title: 'm: cases ranked by total',
        width: 420,
        height: { step: 26 },
        layer: [
          // The worst band starts at 0, the axis itself: no rule for it.
          {
            data: { values: [{ min: 60, label: 'good' }, { min: 30, label: 'fair' }] },
            mark: { type: 'rule', strokeDash: [4, 3], color: MUTED },
            encoding: { x: { field: 'min', type: 'quantitative' } },
          },
          {
            data: { values: bars },
            name: 'ranking_bars',
            mark: { type: 'bar', color: BLUE, height: 14 },
            encoding: {
              y: { field: 'record', type: 'nominal', sort: null, title: null },
              x: { field: 'low', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Total (0–100)' },
              x2: { datum: 0 },
            },
          },
          {
            data: { values: bars },
            transform: [{ filter: 'datum.high > datum.low' }],
            mark: { type: 'bar', color: ORANGE, opacity: 0.5, height: 14 },
            encoding: { y: { field: 'record', type: 'nominal', sort: null }, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
          },
          {
            data: { values: bars },
            mark: { type: 'text', align: 'left', dx: 4 },
            encoding: { y: { field: 'record', type: 'nominal', sort: null }, x: { field: 'high', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    });
  });

  it('draws the interval part only for a case whose total is an interval', () => {
    const interval = expression(layers(rankingChart('r', 't', bars, THREE_BANDS))[2].transform[0].filter);
    expect(bars.map((bar) => interval(bar))).toEqual([false, true]);
  });

  it('draws no edge for bands that all start at 0', () => {
    const [edges] = layers(rankingChart('r', 't', bars, [{ label: 'only', min: 0 }]));
    expect(edges.data.values).toEqual([]);
  });
});

describe('timelineChart', () => {
  const bands: Band[] = [
    { label: 'pass', min: 50 },
    { label: 'fail', min: 0 },
  ];
  const points = [
    { date: '2015-09-25', score: 40, verdict: 'fail', note: '' },
    { date: '2016-01-01', score: null, verdict: 'no verdict', note: 'c1 → ?' },
    { date: '2016-06-01', score: 60, verdict: 'pass', note: 'c1 ↑ high (e1)' },
  ];
  const x = { field: 'date', type: 'temporal', title: 'Date', axis: { format: '%Y-%m' } };
  const edges = [{ min: 50, label: 'pass ≥ 50' }];
  const baseLayers = [
    { data: { values: edges }, mark: { type: 'rule', strokeDash: [4, 3], color: MUTED }, encoding: { y: { field: 'min', type: 'quantitative' } } },
    {
      data: { values: edges },
      mark: { type: 'text', align: 'left', baseline: 'bottom', x: 2, dy: -2, fontSize: 10, color: '#555' },
      encoding: { y: { field: 'min', type: 'quantitative' }, text: { field: 'label' } },
    },
    {
      // A date without a total has no place on the line.
      data: { values: [points[0], points[2]] },
      layer: [
        {
          name: 'timeline_line',
          mark: { type: 'line', interpolate: 'step-after', color: BLUE, strokeWidth: 2 },
          encoding: { x, y: { field: 'score', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Total (0–100)' } },
        },
        { name: 'timeline_points', mark: { type: 'point', filled: true, color: BLUE, size: 40 }, encoding: { x, y: { field: 'score', type: 'quantitative' } } },
        {
          mark: { type: 'text', align: 'left', dx: 5, dy: -8, fontSize: 10, angle: 0 },
          transform: [{ filter: "datum.note !== ''" }],
          encoding: { x, y: { field: 'score', type: 'quantitative' }, text: { field: 'note' } },
        },
      ],
    },
  ];

  it('steps the scored totals over time over the band edges, and marks each deadline with a dashed rule', () => {
    const deadlines = [{ date: '2016-03-01', label: 'd1' }];
    expect(timelineChart('timeline', 'r under m: total over time', points, bands, deadlines)).toEqual({
      id: 'timeline',
      title: 'r under m: total over time',
      spec: {
        title: 'r under m: total over time',
        width: 620,
        height: 260,
        layer: [...baseLayers, { data: { values: deadlines }, mark: { type: 'rule', color: VERMILLION, strokeDash: [2, 2] }, encoding: { x } }],
      },
    });
  });

  it('adds no deadline layer when there is no deadline', () => {
    expect(layers(timelineChart('t', 't', points, bands, []))).toEqual(baseLayers);
  });

  it('annotates only the dates where something moved', () => {
    const notes = expression(layers(timelineChart('t', 't', points, bands, []))[2].layer[2].transform[0].filter);
    expect(points.map((point) => notes(point))).toEqual([false, true, true]);
  });
});

describe('distributionChart', () => {
  it('draws each case min–max as a rule, p5–p95 as a bar, the median as a tick', () => {
    const rows = [
      { record: 'r1', min: 10, p5: 20, median: 30, p95: 40, max: 50 },
      { record: 'r2', min: 55, p5: 60, median: 65, p95: 70, max: 80 },
    ];
    const y = { field: 'record', type: 'nominal', sort: null, title: null };
    expect(distributionChart('sensitivity-distribution', 'Total under resampled weights', rows)).toEqual({
      id: 'sensitivity-distribution',
      title: 'Total under resampled weights',
      spec: {
        title: 'Total under resampled weights',
        width: 420,
        height: { step: 30 },
        data: { values: rows },
        layer: [
          {
            mark: { type: 'rule', color: '#555' },
            encoding: { y, x: { field: 'min', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Total under resampled weights (0–100)' }, x2: { field: 'max' } },
          },
          { name: 'distribution_bars', mark: { type: 'bar', color: SKY, height: 14 }, encoding: { y, x: { field: 'p5', type: 'quantitative' }, x2: { field: 'p95' } } },
          { mark: { type: 'tick', color: '#000', thickness: 2 }, encoding: { y, x: { field: 'median', type: 'quantitative' } } },
        ],
      },
    });
  });
});

describe('frequencyChart', () => {
  const rows = [
    { record: 'r1', verdict: 'good', share: 0.75 },
    { record: 'r1', verdict: 'fair', share: 0.25 },
  ];

  it('draws one bar per case and verdict, its share of the samples as a percentage', () => {
    expect(frequencyChart('sensitivity-verdicts', 'How often each verdict came out', rows)).toEqual({
      id: 'sensitivity-verdicts',
      title: 'How often each verdict came out',
      spec: {
        title: 'How often each verdict came out',
        width: 420,
        height: { step: 22 },
        data: { values: rows },
        layer: [
          {
            name: 'frequency_bars',
            mark: { type: 'bar', color: GREEN },
            encoding: {
              y: { field: 'row', type: 'nominal', sort: null, title: null },
              x: { field: 'share', type: 'quantitative', axis: { format: '.0%' }, scale: { domain: [0, 1] }, title: 'Share of samples' },
            },
          },
          {
            mark: { type: 'text', align: 'left', dx: 4 },
            encoding: { y: { field: 'row', type: 'nominal', sort: null }, x: { field: 'share', type: 'quantitative' }, text: { field: 'share', format: '.1%' } },
          },
        ],
        transform: [{ calculate: "datum.record + ' · ' + datum.verdict", as: 'row' }],
      },
    });
  });

  it('names each row by its case and verdict', () => {
    const spec = frequencyChart('f', 't', rows).spec as { transform: { calculate: string }[] };
    const row = expression(spec.transform[0]!.calculate);
    expect(rows.map((r) => row(r))).toEqual(['r1 · good', 'r1 · fair']);
  });
});

describe('weightIntervalChart', () => {
  it('draws each weight interval with its tick, an open one reaching to the top of the axis', () => {
    const rows = [
      { row: 'r1 · a', weight: 0.2, from: 0.1, to: 0.5 },
      { row: 'r1 · b', weight: 1.5, from: 0.5, to: null },
    ];
    // The axis reaches the largest upper end or twice an open row's weight, and at least 1:
    // max(1, 0.5, 2 x 1.5 = 3) = 3.
    const y = { field: 'row', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260 } };
    expect(weightIntervalChart('sensitivity-intervals', 'Weights', rows)).toEqual({
      id: 'sensitivity-intervals',
      title: 'Weights',
      spec: {
        title: 'Weights',
        width: 420,
        height: { step: 26 },
        data: {
          values: [
            { ...rows[0], toShown: 0.5, open: '' },
            { ...rows[1], toShown: 3, open: 'no upper bound' },
          ],
        },
        layer: [
          {
            name: 'interval_bars',
            mark: { type: 'bar', color: SKY, height: 12 },
            encoding: { y, x: { field: 'from', type: 'quantitative', title: 'Weight at which the verdict still holds', scale: { domainMin: 0 } }, x2: { field: 'toShown' } },
          },
          { mark: { type: 'tick', color: '#000', thickness: 2 }, encoding: { y, x: { field: 'weight', type: 'quantitative' } } },
          { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { y, x: { field: 'toShown', type: 'quantitative' }, text: { field: 'open' } } },
        ],
      },
    });
  });

  it('ends an open interval at the largest closed end when that is above twice its weight', () => {
    const rows = [
      { row: 'a', weight: 1, from: 0.5, to: 4 },
      { row: 'b', weight: 1.2, from: 1, to: null },
    ];
    // max(1, 4, 2.4) = 4.
    const values = (weightIntervalChart('w', 't', rows).spec.data as { values: { toShown: number }[] }).values;
    expect(values.map((value) => value.toShown)).toEqual([4, 4]);
  });

  it('ends an open interval at 1 at least, for small weights', () => {
    // max(1, 2 x 0.2 = 0.4) = 1.
    const values = (weightIntervalChart('w', 't', [{ row: 'a', weight: 0.2, from: 0, to: null }]).spec.data as { values: object[] }).values;
    expect(values).toEqual([{ row: 'a', weight: 0.2, from: 0, to: null, toShown: 1, open: 'no upper bound' }]);
  });
});
