import { formatEvaluationCsv, formatEvaluationLong, formatEvaluationNdjson } from './csv.js';
import { formatJson } from './json.js';
import { formatEvaluationMarkdown } from './markdown.js';
import type { Formatter } from './report.js';
import { formatTable } from './table.js';

export const formatters = {
  table: formatTable,
  json: formatJson,
  markdown: formatEvaluationMarkdown,
  csv: formatEvaluationCsv,
  long: formatEvaluationLong,
  ndjson: formatEvaluationNdjson,
} satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];
