// The chart formats, named here without loading Vega, so a command can offer them for free and
// load the renderer (src/format/html/) only when one is asked for.

export const VISUAL_FORMATS = ['html', 'svg', 'vega-lite'] as const;
export type VisualFormat = (typeof VISUAL_FORMATS)[number];

export function isVisualFormat(format: string): format is VisualFormat {
  return (VISUAL_FORMATS as readonly string[]).includes(format);
}
