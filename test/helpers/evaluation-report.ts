// An evaluation report as the evaluate command hands it to a format, from a matrix and records
// built in memory: the tests of the formats that print one (table, Markdown, their shared rows).
import { compileMatrix, evaluateRecord, type CaseRecord, type EvaluateOptions, type Matrix } from '../../src/engine/index.js';
import type { EvaluationReport } from '../../src/format/report.js';

export interface ReportOptions {
  /** The matrix's file and sha256 as printed: m.yaml and none unless named. */
  readonly matrixFile?: string;
  readonly matrixSha256?: string;
  /** The file of the record at an index as printed: r.yaml unless named. */
  readonly recordFile?: (index: number) => string;
  readonly evaluate?: EvaluateOptions;
}

/** Each record scored under the matrix, as of its own last event. */
export function evaluationReport(matrix: Matrix, records: readonly CaseRecord[], options: ReportOptions = {}): EvaluationReport {
  const compiled = compileMatrix(matrix);
  return {
    tool: { name: 'summit-score', version: '0.0.0' },
    matrix: { definition: matrix, file: options.matrixFile ?? 'm.yaml', sha256: options.matrixSha256 ?? '' },
    asOf: null,
    results: records.map((record, index) => ({
      file: options.recordFile?.(index) ?? 'r.yaml',
      sha256: '',
      result: evaluateRecord(compiled, record, options.evaluate),
    })),
    bundledDefault: false,
  };
}
