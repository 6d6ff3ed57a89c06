import { resultFields } from './json.js';
import { JsonFields, STREAMED, writeCompactJson } from './json-text.js';
import { longEvaluationRows, wideEvaluationRows } from './evaluation-rows.js';
import { isGridMatrix } from './grid.js';
import { gridCsv, gridLong } from './grid-outputs.js';
import type { Formatter } from './formatter.js';
import type { EvaluationReport, RecordResult } from './report.js';
import type { CsvTable, CsvValue } from './csv-table.js';

/**
 * RFC 4180 CSV with a header row and LF line ends, for R, pandas, Stata and spreadsheets: text is
 * quoted when it holds a comma, a quote or a line break; numbers are bare; booleans are
 * `TRUE`/`FALSE` (what R's read.csv and pandas read as logicals); a missing value is an empty
 * field (NA in R, NaN in pandas). Column names are identifiers (`espionage_ip`: Stata and SPSS
 * reject `-`). Text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab
 * or a carriage return) gets a leading `'`, as OWASP advises, so a record's title cannot run code.
 */
export function toCsv(table: CsvTable): string {
  // Line by line, each row's fields joined as it is reached: no second table of field texts (44,000
  // rows x 27 columns for a compliance grid, -f long).
  let text = `${table.columns.map((name) => csvField(columnName(name))).join(',')}\n`;
  for (const row of table.rows) text += `${row.map(csvField).join(',')}\n`;
  return text;
}

/** A column name as an identifier: letters, digits and `_`, not starting with a digit. */
function columnName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_]+/g, '_');
  return /^[0-9]/.test(safe) ? `c_${safe}` : safe;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text === '' || text.trim() !== text ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A UTF-8 byte order mark, for Excel (--bom), before CSV text. */
export const BOM = '\uFEFF';

/** `evaluate -f csv`: one row per record, two columns per criterion (its level, and its points). */
export const formatEvaluationCsv: Formatter<EvaluationReport> = (report) =>
  toCsv(isGridMatrix(report.matrix.definition) ? gridCsv(report) : wideEvaluationRows(report));

/** `evaluate -f long`: one row per record x criterion, or per record x criterion x party. */
export const formatEvaluationLong: Formatter<EvaluationReport> = (report) =>
  toCsv(isGridMatrix(report.matrix.definition) ? gridLong(report) : longEvaluationRows(report));

/** `evaluate -f ndjson`: one line per record: its result as in the JSON output, with the matrix it was scored against. */
export const formatEvaluationNdjson: Formatter<EvaluationReport> = (report) => {
  const pieces: string[] = [];
  streamedNdjson(report).write((piece) => pieces.push(piece));
  return pieces.join('');
};

/** `evaluate -f ndjson` as the writer takes it: formatEvaluationNdjson's text, piece by piece. */
export const streamedNdjson = (report: EvaluationReport) => {
  const line = ndjsonResultLine(report);
  return { write: (put: (piece: string) => void) => report.results.forEach((result) => line(result, put)) };
};

/**
 * The NDJSON line of one result, for a report's tool and matrix: what `-f ndjson` prints per
 * record, and what evaluate's streaming mode (src/commands/evaluate.ts) writes as each record is
 * scored. Handed to `put` in pieces, each criterion projected as its text is written: one line
 * of a compliance record of 2,000 commitments x 21 members is 40 MB, never made whole.
 */
export function ndjsonResultLine(report: Pick<EvaluationReport, 'tool' | 'matrix'>): (result: RecordResult, put: (piece: string) => void) => void {
  const tool = { name: report.tool.name, version: report.tool.version };
  const matrix = { id: report.matrix.definition.id, version: report.matrix.definition.version, file: report.matrix.file, sha256: report.matrix.sha256 };
  return (result, put) => {
    writeCompactJson(new JsonFields({ schema: EVALUATION_RESULT_SCHEMA_ID, tool, matrix, ...resultFields(result, STREAMED) }), put);
    put('\n');
  };
}

export const EVALUATION_RESULT_SCHEMA_ID = 'summit-score/evaluation-result@2';
