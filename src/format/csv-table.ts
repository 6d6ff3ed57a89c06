// The shape every CSV output is built in before it is written: rows built once, rendered by csv.ts.

export type CsvValue = string | number | boolean | null;

/** Columns and rows, each row a value per column. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}
