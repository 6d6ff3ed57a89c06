// The one contract of a format, for every command: a function from the command's report to text,
// kept in a table with one entry per format name (as Spectral's Record<OutputFormat, Formatter>).

export const FORMAT_NAMES = ['table', 'json', 'markdown', 'csv', 'long', 'ndjson'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatContext {
  readonly color: boolean;
  /** The columns a terminal table may use (default: 80, src/format/fit-table.ts). */
  readonly width?: number;
  /** evaluate --explain: the evidence behind each level too (the research commands ignore it). */
  readonly explain?: boolean;
}

export type Formatter<R> = (report: R, context: FormatContext) => string;
export type Formats<R> = { readonly [F in FormatName]: Formatter<R> };
