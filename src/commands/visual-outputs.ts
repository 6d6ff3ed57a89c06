import type { VisualInput } from '../format/html/index.js';
import { isVisualFormat, type VisualFormat } from '../format/visual-formats.js';
import type { OutputTarget } from './output-options.js';

/**
 * Charts render asynchronously (Vega's headless view), every other format synchronously: the
 * chart outputs of a run are rendered first, so the run still writes all its outputs or none.
 * The renderer is loaded only when a chart format is asked for.
 */
export async function renderVisuals(targets: readonly OutputTarget<string>[], input: () => VisualInput): Promise<ReadonlyMap<VisualFormat, string>> {
  const formats = [...new Set(targets.map((target) => target.format).filter(isVisualFormat))];
  if (formats.length === 0) return new Map();
  const { renderVisual } = await import('../format/html/index.js');
  const source = input();
  const rendered = new Map<VisualFormat, string>();
  for (const format of formats) rendered.set(format, await renderVisual(source, format));
  return rendered;
}
