import type { ChalkInstance } from 'chalk';
import type { Matrix } from '../engine/index.js';
import { itemAt } from '../checked-index.js';

// Small pictures for the terminal, drawn with block characters so they survive copy and paste.

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar `width` characters wide at most, for a value from 0 to max. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.round((Math.min(value, max) / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + itemAt(EIGHTHS, eighths % 8);
}

const TICKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per value on a fixed 0-100 scale (so sparklines of different cases compare); a gap for null. */
export function sparkline(values: readonly (number | null)[]): string {
  return values.map((value) => (value === null ? ' ' : itemAt(TICKS, Math.min(7, Math.max(0, Math.floor((value / 100) * 8)))))).join('');
}

/**
 * The colour of a band: the best green, the worst red, those between yellow, magenta, blue in
 * turn, so that neighbouring bands (promise and gesture) never share one. Nothing without colour.
 */
export function verdictPaint(chalk: ChalkInstance, matrix: Matrix, verdict: string): ChalkInstance {
  const rank = matrix.verdicts.findIndex((band) => band.label === verdict);
  if (rank === 0) return chalk.green;
  if (rank === matrix.verdicts.length - 1) return chalk.red;
  return itemAt([chalk.yellow, chalk.magenta, chalk.blue], (rank - 1) % 3);
}

export function paintVerdict(chalk: ChalkInstance, matrix: Matrix, verdict: string | null): string {
  if (verdict === null) return chalk.yellow('none');
  return chalk.bold(verdictPaint(chalk, matrix, verdict)(verdict));
}
