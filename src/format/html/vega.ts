// Charts are Vega-Lite specifications rendered to SVG in Node by Vega's headless view: no canvas,
// no browser, no network. The libraries load only when a chart format is asked for, so the
// default `evaluate` and `--version` start no slower.

export type VegaLiteSpec = Record<string, unknown>;

/** One chart of a report: its specification, and the name a reader and `-f vega-lite` know it by. */
export interface Chart {
  readonly id: string;
  readonly title: string;
  readonly spec: VegaLiteSpec;
}

/** Fonts are named, never measured from the machine, so the SVG is the same bytes everywhere. */
const CHART_CONFIG = {
  font: 'DejaVu Sans, Verdana, sans-serif',
  background: 'white',
  view: { stroke: null },
  axis: { labelColor: '#222', titleColor: '#222', gridColor: '#ddd', labelFontSize: 11, titleFontSize: 12 },
  legend: { labelColor: '#222', titleColor: '#222' },
  title: { color: '#111', fontSize: 13, anchor: 'start' },
} as const;

/** The whole, self-describing specification of a chart, as `-f vega-lite` prints it. */
export function fullSpec(chart: Chart): VegaLiteSpec {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', description: chart.title, config: CHART_CONFIG, ...chart.spec };
}

/** Renders charts in order; ids of SVG definitions restart per chart so output is deterministic. */
export async function renderSvg(charts: readonly Chart[]): Promise<string[]> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const svgs: string[] = [];
  for (const chart of charts) {
    vega.resetSVGDefIds();
    const compiled = vegaLite.compile(fullSpec(chart) as never).spec;
    // A loader that refuses every URL: a chart's data is inline, and nothing may be fetched.
    const loader = vega.loader();
    loader.load = () => Promise.reject(new Error('summit-score charts load nothing'));
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader });
    const svg = await view.toSVG();
    view.finalize();
    svgs.push(svg);
  }
  return svgs;
}
