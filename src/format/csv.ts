import { formatJson, round2 } from './json.js';
import { longEvaluationRows, wideEvaluationRows } from './evaluation-rows.js';
import type { Formatter } from './report.js';

export type CsvValue = string | number | boolean | null;

/** Columns and rows, each row a value per column. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}

/**
 * RFC 4180 CSV with a header row and LF line ends: text is quoted when it holds a comma, a quote
 * or a line break; numbers are bare (R, Stata and pandas read them as numbers); booleans are
 * `true`/`false`; a missing value is an empty field (NA in R, NaN in pandas).
 */
export function toCsv(table: CsvTable): string {
  const lines = [table.columns.map(csvField), ...table.rows.map((row) => row.map(csvField))];
  return `${lines.map((fields) => fields.join(',')).join('\n')}\n`;
}

function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return /[",\r\n]/.test(value) || value === '' || value.trim() !== value ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number as the JSON outputs give it: two decimals. */
export function csvNumber(value: number | null): number | null {
  return value === null ? null : round2(value);
}

/** `evaluate -f csv`: one row per record, two columns per criterion (its level, and its points). */
export const formatEvaluationCsv: Formatter = (report) => toCsv(wideEvaluationRows(report));

/** `evaluate -f long`: one row per record x criterion, or per record x criterion x party. */
export const formatEvaluationLong: Formatter = (report) => toCsv(longEvaluationRows(report));

/** `evaluate -f ndjson`: one line per record: its result as in the JSON output, with the matrix it was scored against. */
export const formatEvaluationNdjson: Formatter = (report, context) => {
  const document = JSON.parse(formatJson(report, context)) as { tool: unknown; matrix: Record<string, unknown>; results: Record<string, unknown>[] };
  const matrix = { id: document.matrix['id'], version: document.matrix['version'], file: document.matrix['file'], sha256: document.matrix['sha256'] };
  return document.results.map((result) => `${JSON.stringify({ schema: EVALUATION_RESULT_SCHEMA_ID, tool: document.tool, matrix, ...result })}\n`).join('');
};

export const EVALUATION_RESULT_SCHEMA_ID = 'summit-score/evaluation-result@1';
