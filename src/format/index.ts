import { formatEvaluationCsv, formatEvaluationLong, formatEvaluationNdjson } from './csv.js';
import { formatJson } from './json.js';
import { formatEvaluationMarkdown } from './markdown.js';
import type { Formats } from './formatter.js';
import type { EvaluationReport } from './report.js';
import { formatTable } from './table.js';

export const formatters = {
  table: formatTable,
  json: formatJson,
  markdown: formatEvaluationMarkdown,
  csv: formatEvaluationCsv,
  long: formatEvaluationLong,
  ndjson: formatEvaluationNdjson,
} satisfies Formats<EvaluationReport>;
