import { distributionChart, frequencyChart, heatmapChart, rankingChart, timelineChart, weightIntervalChart, type HeatCell } from './charts.js';
import type { Band, MatrixInfo, RecordInfo } from './documents.js';
import { text } from './escape.js';
import { figure, htmlTable, page } from './page.js';
import type { Chart } from './vega.js';
import { itemAt } from '../../checked-index.js';

// compare@1, timeline@1 and sensitivity@1 as the HTML report reads them.

interface CompareCriterionCell {
  readonly id: string;
  readonly applicable: boolean;
  readonly level: string | null;
  readonly levelScore: number | null;
  readonly points: number | null;
  readonly maxPoints: number;
  readonly levelRange?: { readonly low: string | null; readonly high: string | null } | null;
}
interface CompareRow {
  readonly record: string;
  readonly asOf: string;
  readonly score: number | null;
  readonly scoreRange?: { readonly low: number; readonly high: number } | null;
  readonly verdicts?: readonly string[];
  readonly rankRange?: { readonly best: number; readonly worst: number } | null;
  readonly verdict: string | null;
  readonly rank: number | null;
  readonly tied: boolean;
  readonly criteria: readonly CompareCriterionCell[];
}
export interface CompareDocument {
  readonly tool: { readonly name: string; readonly version: string };
  readonly asOf: string | null;
  readonly matrices: readonly (MatrixInfo & { readonly verdicts: readonly Band[] })[];
  readonly records: readonly RecordInfo[];
  readonly comparisons: readonly {
    readonly matrix: string;
    readonly criteria: readonly { readonly id: string; readonly title: string; readonly weight: number }[];
    readonly rows: readonly CompareRow[];
  }[];
}

interface TimelineChange {
  readonly criterion: string;
  readonly party: string | null;
  readonly to: { readonly applicable: boolean; readonly level: string | null };
  readonly direction: string;
  readonly events: readonly string[];
}
interface TimelinePointDocument {
  readonly date: string;
  readonly score: number | null;
  readonly verdict: string | null;
  readonly verdictChange: unknown;
  readonly arrived: readonly { readonly id: string; readonly date: string; readonly type: string; readonly title?: string | null }[];
  readonly changes: readonly TimelineChange[];
}
export interface TimelineDocument {
  readonly tool: { readonly name: string; readonly version: string };
  readonly matrix: MatrixInfo & { readonly verdicts: readonly Band[] };
  readonly record: RecordInfo;
  readonly points: readonly TimelinePointDocument[];
}

interface SensitivityCase {
  readonly record: string;
  readonly asOf: string;
  readonly score: number | null;
  readonly verdict: string | null;
  readonly intervals: readonly { readonly criterion: string; readonly weight: number; readonly from: number; readonly to: number | null }[];
  readonly sampling: {
    readonly held: number;
    readonly verdicts: readonly { readonly verdict: string; readonly count: number }[];
    readonly score: { readonly min: number; readonly p5: number; readonly median: number; readonly p95: number; readonly max: number } | null;
  } | null;
}
export interface SensitivityDocument {
  readonly tool: { readonly name: string; readonly version: string };
  readonly matrix?: MatrixInfo;
  readonly records: readonly RecordInfo[];
  readonly asOf: string | null;
  readonly method: { readonly sampling: { readonly samples: number; readonly seed: number } | null };
  readonly cases: readonly SensitivityCase[];
}

function intervalText(score: number | null, range?: { readonly low: number; readonly high: number } | null): string {
  if (range && range.low !== range.high) return `${range.low}–${range.high}`;
  return score === null ? 'no total' : String(score);
}

/** One verdict, the verdicts an open total allows, or none. */
function verdictOf(row: { readonly verdict: string | null; readonly verdicts?: readonly string[] }): string {
  return row.verdict ?? (row.verdicts && row.verdicts.length > 0 ? row.verdicts.join(' or ') : 'no verdict');
}

function compareCellText(cell: CompareCriterionCell): string {
  if (!cell.applicable) return 'n/a';
  if (cell.levelRange && cell.levelRange.low !== cell.levelRange.high) return `? ${cell.levelRange.low ?? 'none'}–${cell.levelRange.high ?? 'none'}`;
  return cell.level ?? '?';
}

export function compareCharts(doc: CompareDocument): Chart[] {
  return doc.comparisons.flatMap((comparison, i) => {
    const matrix = doc.matrices.find((candidate) => candidate.id === comparison.matrix) ?? itemAt(doc.matrices, i);
    const ranked = [...comparison.rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    const bars = ranked.map((row) => {
      const low = row.scoreRange?.low ?? row.score ?? 0;
      const high = row.scoreRange?.high ?? row.score ?? 0;
      return {
        record: row.record,
        low,
        high,
        label:
          `${row.rank === null ? (row.rankRange ? `#${row.rankRange.best}–${row.rankRange.worst}` : 'unranked') : `#${row.rank}${row.tied ? ' (tied)' : ''}`}` +
          ` · ${intervalText(row.score, row.scoreRange)} · ${verdictOf(row)}`,
      };
    });
    const cells: HeatCell[] = comparison.criteria.flatMap((criterion, c) =>
      comparison.rows.map((row) => {
        const cell = itemAt(row.criteria, c);
        const shown = compareCellText(cell);
        // Points over the most the criterion gives is the level's place between its lowest and highest.
        const value = !cell.applicable || shown.startsWith('?') || cell.points === null ? null : cell.maxPoints > 0 ? cell.points / cell.maxPoints : 0;
        return { row: criterion.id, column: row.record, value, text: shown };
      }),
    );
    return [
      rankingChart(`compare-${i + 1}-ranking`, `${comparison.matrix}: cases ranked by total`, bars, matrix.verdicts),
      heatmapChart(`compare-${i + 1}-levels`, `${comparison.matrix}: level of each criterion in each case`, cells, 'Criterion', 'Case'),
    ];
  });
}

export function comparePage(doc: CompareDocument, svgs: readonly string[]): string {
  const body = doc.comparisons
    .map((comparison, i) => {
      const ranking = htmlTable(
        'Cases ranked by total; equal totals share a rank',
        ['Case', 'Rank', 'Total', 'Verdict', 'As of'],
        [...comparison.rows]
          .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
          .map((row) => [
            `<code>${text(row.record)}</code>`,
            row.rank === null ? (row.rankRange ? `${row.rankRange.best}–${row.rankRange.worst}` : 'unranked') : `${row.rank}${row.tied ? ' (tied)' : ''}`,
            text(intervalText(row.score, row.scoreRange)),
            text(verdictOf(row)),
            text(row.asOf),
          ]),
        new Set([1, 2]),
      );
      const levels = htmlTable(
        'Level of each criterion in each case',
        ['Criterion', ...comparison.rows.map((row) => row.record)],
        comparison.criteria.map((criterion, c) => [
          `<code>${text(criterion.id)}</code>`,
          ...comparison.rows.map((row) => text(compareCellText(itemAt(row.criteria, c)))),
        ]),
      );
      return [
        `<section id="compare-${i + 1}"><h2>${text(comparison.matrix)}</h2>`,
        figure(`compare-${i + 1}-ranking`, 'Cases ranked by total, with the verdict band edges as dashed rules.', svgs[2 * i] ?? '', ranking),
        figure(`compare-${i + 1}-levels`, 'Criteria × cases: darker is a higher level; n/a and unknown are written out.', svgs[2 * i + 1] ?? '', levels),
        `</section>`,
      ].join('\n');
    })
    .join('\n');
  return page({
    title: `Comparison: ${doc.records.map((record) => record.id).join(', ')}`,
    tool: doc.tool,
    matrices: doc.matrices,
    records: doc.records,
    asOf: doc.asOf,
    body,
    sources: [],
  });
}

function changeNote(point: TimelinePointDocument): string {
  const moved = point.changes.map(
    (change) =>
      `${change.criterion}${change.party ? `[${change.party}]` : ''} ${change.direction === 'up' ? '↑' : change.direction === 'down' ? '↓' : '→'} ` +
      `${change.to.applicable ? (change.to.level ?? '?') : 'n/a'}${change.events.length > 0 ? ` (${change.events.join(', ')})` : ''}`,
  );
  return moved.join('; ');
}

export function timelineCharts(doc: TimelineDocument): Chart[] {
  const points = doc.points.map((point) => ({ date: point.date, score: point.score, verdict: point.verdict ?? 'no verdict', note: changeNote(point) }));
  const deadlines = doc.points.flatMap((point) =>
    point.arrived.filter((event) => event.type === 'deadline').map((event) => ({ date: event.date, label: event.id })),
  );
  return [timelineChart('timeline', `${doc.record.id} under ${doc.matrix.id}: total over time`, points, doc.matrix.verdicts, deadlines)];
}

export function timelinePage(doc: TimelineDocument, svgs: readonly string[]): string {
  const table = htmlTable(
    'The total at each date, and the events that moved it',
    ['Date', 'Total', 'Verdict', 'Events that arrived', 'What moved'],
    doc.points.map((point) => [
      text(point.date),
      text(point.score ?? 'no total'),
      text(point.verdict ?? 'no verdict'),
      point.arrived.map((event) => `<code>${text(event.id)}</code>`).join(', '),
      text(changeNote(point)),
    ]),
    new Set([1]),
  );
  const body = figure(
    'timeline',
    'The total as a step chart; dashed rules are the verdict band edges, annotations name the criteria that moved and the events that moved them.',
    svgs[0] ?? '',
    table,
  );
  return page({
    title: `Timeline: ${doc.record.id} under ${doc.matrix.id}`,
    tool: doc.tool,
    matrices: [doc.matrix],
    records: [doc.record],
    asOf: null,
    body,
    sources: [],
  });
}

export function sensitivityCharts(doc: SensitivityDocument): Chart[] {
  const sampled = doc.cases.filter((item) => item.sampling?.score);
  const charts: Chart[] = [];
  if (sampled.length > 0) {
    charts.push(
      distributionChart(
        'sensitivity-distribution',
        'Total under resampled weights: min–max, 5th–95th percentile, median',
        sampled.map((item) => ({ record: item.record, ...item.sampling!.score! })),
      ),
    );
    const total = (item: SensitivityCase) => item.sampling!.verdicts.reduce((sum, entry) => sum + entry.count, 0);
    charts.push(
      frequencyChart(
        'sensitivity-verdicts',
        'How often each verdict came out',
        sampled.flatMap((item) => item.sampling!.verdicts.map((entry) => ({ record: item.record, verdict: entry.verdict, share: entry.count / total(item) }))),
      ),
    );
  }
  charts.push(
    weightIntervalChart(
      'sensitivity-intervals',
      'Weights over which each verdict holds (tick: the matrix’s weight)',
      doc.cases.flatMap((item) =>
        item.intervals.map((interval) => ({ row: `${item.record} · ${interval.criterion}`, weight: interval.weight, from: interval.from, to: interval.to })),
      ),
    ),
  );
  return charts;
}

export function sensitivityPage(doc: SensitivityDocument, charts: readonly Chart[], svgs: readonly string[]): string {
  const byId = new Map(charts.map((chart, i) => [chart.id, svgs[i] ?? '']));
  const sampling = doc.method.sampling;
  const parts: string[] = [];
  if (byId.has('sensitivity-distribution')) {
    parts.push(
      figure(
        'sensitivity-distribution',
        `Monte Carlo: ${sampling ? `${sampling.samples} samples, seed ${sampling.seed}` : 'sampling'}.`,
        byId.get('sensitivity-distribution')!,
        htmlTable(
          'Distribution of the total',
          ['Case', 'Min', 'P5', 'Median', 'P95', 'Max', 'Verdict held'],
          doc.cases
            .filter((item) => item.sampling?.score)
            .map((item) => [
              `<code>${text(item.record)}</code>`,
              ...['min', 'p5', 'median', 'p95', 'max'].map((key) => String(item.sampling!.score![key as 'min'])),
              `${Math.round(item.sampling!.held * 1000) / 10}%`,
            ]),
          new Set([1, 2, 3, 4, 5, 6]),
        ),
      ),
      figure(
        'sensitivity-verdicts',
        'Verdict frequencies across the samples.',
        byId.get('sensitivity-verdicts')!,
        htmlTable(
          'Verdicts across the samples',
          ['Case', 'Verdict', 'Samples'],
          doc.cases.flatMap((item) =>
            (item.sampling?.verdicts ?? []).map((entry) => [`<code>${text(item.record)}</code>`, text(entry.verdict), String(entry.count)]),
          ),
          new Set([2]),
        ),
      ),
    );
  }
  parts.push(
    figure(
      'sensitivity-intervals',
      'One weight at a time: the range over which the verdict holds, around the matrix’s weight.',
      byId.get('sensitivity-intervals') ?? '',
      htmlTable(
        'Weight intervals',
        ['Case', 'Criterion', 'Weight', 'From', 'To'],
        doc.cases.flatMap((item) =>
          item.intervals.map((interval) => [
            `<code>${text(item.record)}</code>`,
            text(interval.criterion),
            String(interval.weight),
            String(interval.from),
            interval.to === null ? 'no upper bound' : String(interval.to),
          ]),
        ),
        new Set([2, 3, 4]),
      ),
    ),
  );
  const baseline = htmlTable(
    'Baseline',
    ['Case', 'Total', 'Verdict', 'As of'],
    doc.cases.map((item) => [`<code>${text(item.record)}</code>`, text(item.score ?? 'no total'), text(item.verdict ?? 'no verdict'), text(item.asOf)]),
    new Set([1]),
  );
  return page({
    title: `Sensitivity: ${doc.records.map((record) => record.id).join(', ')}`,
    tool: doc.tool,
    matrices: doc.matrix ? [doc.matrix] : [],
    records: doc.records,
    asOf: doc.asOf,
    body: [baseline, ...parts].join('\n'),
    sources: [],
  });
}
