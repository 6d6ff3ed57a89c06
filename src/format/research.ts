import type { ChalkInstance } from 'chalk';
import { AGGREGATION_METHODS, type CaseRecord, type Matrix } from '../engine/index.js';
import type { ExtendsInfo } from '../provenance.js';
import { mdText } from './markdown-text.js';
import { safeText } from '../terminal-text.js';

// What the research commands (compare, timeline, sensitivity, diff) share: how they name their
// inputs and render them. Their formats follow the one contract of src/format/formatter.ts.

export interface MatrixInput {
  readonly definition: Matrix;
  readonly file: string;
  readonly sha256: string;
  readonly extends?: ExtendsInfo;
}

export interface RecordInput {
  readonly record: CaseRecord;
  readonly file: string;
  readonly sha256: string;
}

export interface Tool {
  readonly name: string;
  readonly version: string;
}

/** The matrix as every JSON output names it: where it came from, what it extends, how it aggregates. */
export function projectMatrix(input: MatrixInput) {
  const matrix = input.definition;
  return {
    id: matrix.id,
    title: matrix.title,
    version: matrix.version,
    file: input.file,
    sha256: input.sha256,
    extends: input.extends ? { bases: input.extends.bases.map((base) => ({ ...base })), overrides: input.extends.overrides.map((o) => ({ ...o })) } : null,
    aggregation: { method: matrix.aggregation, description: AGGREGATION_METHODS[matrix.aggregation] },
    verdicts: matrix.verdicts.map((band) => ({ label: band.label, min: band.min })),
  };
}

export function projectRecord(input: RecordInput) {
  return { id: input.record.id, title: input.record.title, date: input.record.date, file: input.file, sha256: input.sha256 };
}

/** "extends lewis-2015 1.0 (matrices/lewis-2015.yaml); changes: criteria.negotiation.weight 4 -> 1, verdicts" */
export function extendsLine(input: MatrixInput): string | undefined {
  const info = input.extends;
  if (!info) return undefined;
  const chain = info.bases.map((base) => `${base.id} ${base.version} (${base.file})`).join(', which extends ');
  const changes = info.overrides.map((o) => (o.change === 'changed' ? `${o.path} ${String(o.from)} -> ${String(o.to)}` : `${o.path} (${o.change})`));
  return `extends ${chain}; changes: ${changes.length > 0 ? changes.join(', ') : 'none'}`;
}

/** The header line naming a matrix in the terminal. */
export function matrixLine(input: MatrixInput, chalk: ChalkInstance): string {
  const matrix = input.definition;
  const lines = [chalk.dim(`matrix ${matrix.id} ${safeText(matrix.version)} (${safeText(input.file)}), aggregation ${matrix.aggregation}`)];
  const extended = extendsLine(input);
  if (extended) lines.push(chalk.dim(safeText(extended)));
  return lines.join('\n');
}

export function matrixMarkdown(input: MatrixInput): string {
  const matrix = input.definition;
  const extended = extendsLine(input);
  return (
    `Matrix \`${matrix.id}\` ${mdText(matrix.version)} (${mdText(input.file)}, sha256 \`${input.sha256.slice(0, 12)}\`), aggregation ` +
    `${matrix.aggregation}.${extended ? ` It ${mdText(extended)}.` : ''}`
  );
}

/** JSON with two-space indentation and a final newline, as every JSON output. */
export function jsonText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function ndjsonText(lines: readonly unknown[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}
