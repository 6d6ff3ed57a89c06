import type { Matrix } from '../../engine/index.js';
import type { VisualFormat } from '../visual-formats.js';
import type { EvaluationDocument } from './documents.js';
import { evaluationCharts, evaluationPage } from './evaluation.js';
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
} from './research.js';
import { fullSpec, renderSvg, type Chart } from './vega.js';
import { itemAt } from '../../checked-index.js';

/** What a chart format renders: a command's documented JSON document (and, for evaluate, the matrix's levels and bands). */
export type VisualInput =
  | { readonly kind: 'evaluation'; readonly doc: EvaluationDocument; readonly matrix: Matrix }
  | { readonly kind: 'compare'; readonly doc: CompareDocument }
  | { readonly kind: 'timeline'; readonly doc: TimelineDocument }
  | { readonly kind: 'sensitivity'; readonly doc: SensitivityDocument };

const VEGA_LITE_SCHEMA_ID = 'summit-score/vega-lite@1';

function chartsOf(input: VisualInput): Chart[] {
  switch (input.kind) {
    case 'evaluation':
      return evaluationCharts(input.doc, input.matrix);
    case 'compare':
      return compareCharts(input.doc);
    case 'timeline':
      return timelineCharts(input.doc);
    case 'sensitivity':
      return sensitivityCharts(input.doc);
  }
}

/**
 * The one chart `-f svg` gives: the compliance grid when there is one, else the criteria of the
 * first case; compare's criteria × cases heatmap; the timeline; sensitivity's distribution.
 */
function mainChart(input: VisualInput, charts: readonly Chart[]): Chart {
  const preferred = {
    evaluation: ['case-1-grid', 'case-1-criteria'],
    compare: ['compare-1-levels'],
    timeline: ['timeline'],
    sensitivity: ['sensitivity-distribution', 'sensitivity-intervals'],
  }[input.kind];
  return preferred.map((id) => charts.find((chart) => chart.id === id)).find((chart) => chart !== undefined) ?? itemAt(charts, 0);
}

export async function renderVisual(input: VisualInput, format: VisualFormat): Promise<string> {
  const charts = chartsOf(input);
  if (format === 'vega-lite') {
    const document = { schema: VEGA_LITE_SCHEMA_ID, charts: charts.map((chart) => ({ id: chart.id, title: chart.title, spec: fullSpec(chart) })) };
    return `${JSON.stringify(document, null, 2)}\n`;
  }
  if (format === 'svg') return `${itemAt(await renderSvg([mainChart(input, charts)]), 0)}\n`;
  const svgs = await renderSvg(charts);
  switch (input.kind) {
    case 'evaluation':
      return evaluationPage(input.doc, input.matrix, svgs);
    case 'compare':
      return comparePage(input.doc, svgs);
    case 'timeline':
      return timelinePage(input.doc, svgs);
    case 'sensitivity':
      return sensitivityPage(input.doc, charts, svgs);
  }
}
