// Loading bundled matrices and records for the research tests, and reading CSV back.
import { parse } from 'csv-parse/sync';
import { compileMatrix, evaluateRecord, type CaseResult } from '../../src/engine/index.js';
import { bundledIds, resolveInput } from '../../src/load/bundled.js';
import { loadMatrix } from '../../src/load/load-matrix.js';
import { loadRecord } from '../../src/load/load-record.js';
import { readInputFile } from '../../src/load/read-input.js';
import { PACKAGE_FILES } from '../../src/load/read-input.js';

const noStdin = PACKAGE_FILES;

export const RECORDS = bundledIds('record');
export const MATRICES = bundledIds('matrix');

export function bundledMatrix(id: string) {
  return loadMatrix(readInputFile(resolveInput('matrix', id), noStdin));
}

export function bundledRecord(id: string) {
  return loadRecord(readInputFile(resolveInput('record', id), noStdin)).record;
}

export function scoreBundled(matrixId: string, recordIds: readonly string[], asOf?: string): CaseResult[] {
  const compiled = compileMatrix(bundledMatrix(matrixId).matrix);
  return recordIds.map((id) => evaluateRecord(compiled, bundledRecord(id), asOf === undefined ? {} : { asOf }));
}

/** Parses CSV as a reader that guesses types would: numbers become numbers, the rest stays text. */
export function readCsv(text: string): Record<string, unknown>[] {
  return parse<Record<string, unknown>>(text, { columns: true, cast: true, cast_date: false, skip_empty_lines: false });
}
