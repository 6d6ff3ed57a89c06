import type { Chart } from './vega.js';
import type { Band } from './documents.js';
import { bandColours, COMPLIANCE_COLOURS, MUTED, OKABE_ITO } from './palette.js';
import { itemAt } from '../../checked-index.js';

/** The bands as spans of the 0–100 scale, best first, each with its colour. */
function bandSpans(bands: readonly Band[]) {
  const colours = bandColours(bands.length);
  return bands.map((band, i) => ({ label: band.label, from: band.min, to: i === 0 ? 100 : itemAt(bands, i - 1).min, colour: itemAt(colours, i) }));
}

/** The verdict on its band scale: the bands as spans, the score as a rule, an interval as a bar. */
export function bandScaleChart(id: string, title: string, bands: readonly Band[], score: readonly [number, number] | null): Chart {
  const spans = bandSpans(bands);
  const layers: Record<string, unknown>[] = [
    {
      data: { values: spans },
      mark: { type: 'rect', stroke: 'white' },
      encoding: {
        x: { field: 'from', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Total (0–100)' },
        x2: { field: 'to' },
        color: { field: 'label', type: 'nominal', scale: { domain: spans.map((s) => s.label), range: spans.map((s) => s.colour) }, legend: null },
      },
    },
    {
      data: { values: spans },
      mark: { type: 'text', baseline: 'top', dy: 4, fontSize: 11, color: '#111' },
      encoding: { x: { field: 'mid', type: 'quantitative' }, text: { field: 'label' } },
      transform: [{ calculate: '(datum.from + datum.to) / 2', as: 'mid' }],
    },
  ];
  if (score !== null) {
    const [low, high] = score;
    const marks = [{ low, high, text: low === high ? `${low}` : `${low}–${high}` }];
    if (low !== high) {
      layers.push({
        data: { values: marks },
        mark: { type: 'rect', color: '#000', opacity: 0.35, y: 18, y2: 34 },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      });
    }
    layers.push(
      {
        data: { values: marks },
        mark: { type: 'rule', color: '#000', strokeWidth: 3, y: 14, y2: 38 },
        encoding: { x: { field: low === high ? 'low' : 'high', type: 'quantitative' } },
      },
      {
        data: { values: marks },
        mark: { type: 'text', baseline: 'bottom', dy: -2, y: 14, fontWeight: 'bold' },
        encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'text' } },
      },
    );
  }
  return { id, title, spec: { title, width: 560, height: 40, layer: layers } };
}

export interface CriterionBar {
  readonly criterion: string;
  readonly title: string;
  /** Points the criterion adds to the total, on the 0–100 scale (the interval's ends). */
  readonly low: number;
  readonly high: number;
  /** The most it could add: its share of the weight. */
  readonly max: number;
  /** What the bar says in words: the level, "n/a" or "unknown". */
  readonly label: string;
  readonly state: 'scored' | 'n/a' | 'unknown' | 'descriptive';
}

/** One bar per criterion: its contribution against the most it could add, labelled with its level. */
export function criterionBarsChart(id: string, title: string, bars: readonly CriterionBar[]): Chart {
  const values = bars.map((bar) => ({ ...bar, shown: `${bar.label}${bar.low === bar.high ? ` · ${bar.low}` : ` · ${bar.low}–${bar.high}`} of ${bar.max}` }));
  const y = { field: 'criterion', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } };
  return {
    id,
    title,
    spec: {
      title,
      width: 420,
      height: { step: 26 },
      data: { values },
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
            color: {
              field: 'state',
              type: 'nominal',
              scale: { domain: ['scored', 'unknown', 'n/a', 'descriptive'], range: [OKABE_ITO[0], OKABE_ITO[1], MUTED, MUTED] },
              legend: { title: null, orient: 'bottom' },
            },
          },
        },
        {
          mark: { type: 'bar', height: 14, opacity: 0.45, color: OKABE_ITO[1] },
          transform: [{ filter: 'datum.high > datum.low' }],
          encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
        },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { y, x: { field: 'max', type: 'quantitative' }, text: { field: 'shown' } } },
      ],
    },
  };
}

export interface HeatCell {
  readonly row: string;
  readonly column: string;
  /** 0–1 where the cell is scored; null for n/a or unknown. */
  readonly value: number | null;
  readonly text: string;
}

/** A rows × columns grid of levels, each cell coloured by its normalised score and labelled in words. */
export function heatmapChart(id: string, title: string, cells: readonly HeatCell[], rowTitle: string, columnTitle: string): Chart {
  return {
    id,
    title,
    spec: {
      title,
      data: { values: cells },
      width: { step: 110 },
      height: { step: 28 },
      encoding: {
        x: { field: 'column', type: 'nominal', sort: null, title: columnTitle, axis: { orient: 'top', labelAngle: 0, labelLimit: 105 } },
        y: { field: 'row', type: 'nominal', sort: null, title: rowTitle, axis: { labelLimit: 220 } },
      },
      layer: [
        {
          name: 'heat_cells',
          // A cell the record leaves open has no value; 'show' keeps it (grey) instead of dropping it.
          mark: { type: 'rect', stroke: 'white', invalid: 'show' },
          encoding: {
            color: {
              condition: { test: 'datum.value === null', value: '#f2f2f2' },
              field: 'value',
              type: 'quantitative',
              scale: { domain: [0, 1], range: ['#eff3ff', '#08519c'] },
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
  };
}

export interface ComplianceCell {
  readonly member: string;
  readonly commitment: string;
  readonly score: -1 | 0 | 1 | null;
  readonly text: string;
}

/** Members × commitments, −1/0/+1 by colour and by printed sign; n/a and not assessed in words. */
export function complianceChart(id: string, title: string, cells: readonly ComplianceCell[]): Chart {
  const domain = ['-1', '0', '1', 'n/a', 'not assessed'];
  const range = [COMPLIANCE_COLOURS['-1'], COMPLIANCE_COLOURS['0'], COMPLIANCE_COLOURS['1'], '#ffffff', '#f2f2f2'];
  return {
    id,
    title,
    spec: {
      title,
      data: { values: cells.map((cell) => ({ ...cell, key: cell.score === null ? cell.text : String(cell.score) })) },
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
          encoding: { color: { field: 'key', type: 'nominal', scale: { domain, range }, legend: { title: 'score' } } },
        },
        {
          mark: { type: 'text', fontSize: 11 },
          encoding: { text: { field: 'text' }, color: { condition: { test: "datum.key === '1' || datum.key === '-1'", value: 'white' }, value: '#111' } },
        },
      ],
    },
  };
}

export interface RankBar {
  readonly record: string;
  readonly low: number;
  readonly high: number;
  readonly label: string;
}

/** Cases ranked by total, their intervals and verdicts in words. */
export function rankingChart(id: string, title: string, bars: readonly RankBar[], bands: readonly Band[]): Chart {
  const edges = bands.filter((band) => band.min > 0).map((band) => ({ min: band.min, label: band.label }));
  return {
    id,
    title,
    spec: {
      title,
      width: 420,
      height: { step: 26 },
      layer: [
        { data: { values: edges }, mark: { type: 'rule', strokeDash: [4, 3], color: MUTED }, encoding: { x: { field: 'min', type: 'quantitative' } } },
        {
          data: { values: bars },
          name: 'ranking_bars',
          mark: { type: 'bar', color: OKABE_ITO[0], height: 14 },
          encoding: {
            y: { field: 'record', type: 'nominal', sort: null, title: null },
            x: { field: 'low', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Total (0–100)' },
            x2: { datum: 0 },
          },
        },
        {
          data: { values: bars },
          transform: [{ filter: 'datum.high > datum.low' }],
          mark: { type: 'bar', color: OKABE_ITO[1], opacity: 0.5, height: 14 },
          encoding: { y: { field: 'record', type: 'nominal', sort: null }, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
        },
        {
          data: { values: bars },
          mark: { type: 'text', align: 'left', dx: 4 },
          encoding: { y: { field: 'record', type: 'nominal', sort: null }, x: { field: 'high', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
  };
}

export interface TimelinePoint {
  readonly date: string;
  readonly score: number | null;
  readonly verdict: string;
  readonly note: string;
}

/** The score as a step chart over time, the band edges as rules, each change annotated. */
export function timelineChart(
  id: string,
  title: string,
  points: readonly TimelinePoint[],
  bands: readonly Band[],
  deadlines: readonly { date: string; label: string }[],
): Chart {
  const edges = bands.filter((band) => band.min > 0).map((band) => ({ min: band.min, label: `${band.label} ≥ ${band.min}` }));
  const x = { field: 'date', type: 'temporal', title: 'Date', axis: { format: '%Y-%m' } };
  const layers: Record<string, unknown>[] = [
    { data: { values: edges }, mark: { type: 'rule', strokeDash: [4, 3], color: MUTED }, encoding: { y: { field: 'min', type: 'quantitative' } } },
    {
      data: { values: edges },
      mark: { type: 'text', align: 'left', baseline: 'bottom', x: 2, dy: -2, fontSize: 10, color: '#555' },
      encoding: { y: { field: 'min', type: 'quantitative' }, text: { field: 'label' } },
    },
    {
      data: { values: points.filter((point) => point.score !== null) },
      layer: [
        {
          name: 'timeline_line',
          mark: { type: 'line', interpolate: 'step-after', color: OKABE_ITO[0], strokeWidth: 2 },
          encoding: { x, y: { field: 'score', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Total (0–100)' } },
        },
        {
          name: 'timeline_points',
          mark: { type: 'point', filled: true, color: OKABE_ITO[0], size: 40 },
          encoding: { x, y: { field: 'score', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', align: 'left', dx: 5, dy: -8, fontSize: 10, angle: 0 },
          transform: [{ filter: "datum.note !== ''" }],
          encoding: { x, y: { field: 'score', type: 'quantitative' }, text: { field: 'note' } },
        },
      ],
    },
  ];
  if (deadlines.length > 0) {
    layers.push({ data: { values: deadlines }, mark: { type: 'rule', color: OKABE_ITO[5], strokeDash: [2, 2] }, encoding: { x: { ...x } } });
  }
  return { id, title, spec: { title, width: 620, height: 260, layer: layers } };
}

export interface Distribution {
  readonly record: string;
  readonly min: number;
  readonly p5: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

/** The Monte Carlo distribution of each case's total: min–max as a rule, p5–p95 as a bar, the median as a tick. */
export function distributionChart(id: string, title: string, rows: readonly Distribution[]): Chart {
  const y = { field: 'record', type: 'nominal', sort: null, title: null };
  return {
    id,
    title,
    spec: {
      title,
      width: 420,
      height: { step: 30 },
      data: { values: rows },
      layer: [
        {
          mark: { type: 'rule', color: '#555' },
          encoding: {
            y,
            x: { field: 'min', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Total under resampled weights (0–100)' },
            x2: { field: 'max' },
          },
        },
        {
          name: 'distribution_bars',
          mark: { type: 'bar', color: OKABE_ITO[4], height: 14 },
          encoding: { y, x: { field: 'p5', type: 'quantitative' }, x2: { field: 'p95' } },
        },
        { mark: { type: 'tick', color: '#000', thickness: 2 }, encoding: { y, x: { field: 'median', type: 'quantitative' } } },
      ],
    },
  };
}

/** How often each verdict came out of the samples, per case. */
export function frequencyChart(id: string, title: string, rows: readonly { record: string; verdict: string; share: number }[]): Chart {
  return {
    id,
    title,
    spec: {
      title,
      width: 420,
      height: { step: 22 },
      data: { values: rows },
      layer: [
        {
          name: 'frequency_bars',
          mark: { type: 'bar', color: OKABE_ITO[2] },
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
  };
}

/** For each weight, the range over which the verdict holds, around the matrix's own weight. */
export function weightIntervalChart(id: string, title: string, rows: readonly { row: string; weight: number; from: number; to: number | null }[]): Chart {
  const top = Math.max(1, ...rows.map((row) => Math.max(row.weight, row.to ?? row.weight * 2)));
  const values = rows.map((row) => ({ ...row, toShown: row.to ?? top, open: row.to === null ? 'no upper bound' : '' }));
  const y = { field: 'row', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260 } };
  return {
    id,
    title,
    spec: {
      title,
      width: 420,
      height: { step: 26 },
      data: { values },
      layer: [
        {
          name: 'interval_bars',
          mark: { type: 'bar', color: OKABE_ITO[4], height: 12 },
          encoding: {
            y,
            x: { field: 'from', type: 'quantitative', title: 'Weight at which the verdict still holds', scale: { domainMin: 0 } },
            x2: { field: 'toShown' },
          },
        },
        { mark: { type: 'tick', color: '#000', thickness: 2 }, encoding: { y, x: { field: 'weight', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { y, x: { field: 'toShown', type: 'quantitative' }, text: { field: 'open' } } },
      ],
    },
  };
}
