import { Chalk } from 'chalk';
import Table from 'cli-table3';
import tableText from 'cli-table3/src/utils.js';
import { DEFAULT_WIDTH, MIN_WIDTH } from './width.js';
import { itemAt } from '../checked-index.js';

// Every terminal table goes through here, so that all of them fit the width they are given (the
// terminal's, 80 for a pipe or a file, or --width): text cells wrap at word boundaries, a word is
// never cut (ids and dates are words), and a table whose words cannot fit side by side is shown
// as one block per row instead. Text is measured and wrapped with cli-table3's own functions, so
// that prose and table cells break alike: colour codes count for nothing, East Asian wide
// characters for two columns.

export interface TableOptions {
  /** The columns the output may use (default: DEFAULT_WIDTH). */
  readonly width?: number | undefined;
  readonly color: boolean;
  /** The column that names a row in the vertical layout (default: the first). */
  readonly key?: number;
  /** The style of the head cells in colour (default: cyan). */
  readonly headStyle?: 'cyan' | 'bold';
}

const PADDING = 2;

/** Printable ASCII only: its width is its length (the common case, and measuring it is then free). */
const PLAIN = /^[\x20-\x7e]*$/;

/** The width of one line of text in terminal columns. */
function textWidth(line: string): number {
  return PLAIN.test(line) ? line.length : tableText.strlen(line);
}

function lineWidths(cell: string): number[] {
  return cell.split('\n').map(textWidth);
}

function longestWord(cell: string): number {
  return Math.max(0, ...cell.split(/\s+/).map(textWidth));
}

/** `text` wrapped to `width` columns at word boundaries, each line's colour closed and reopened. */
function wrapLines(text: string, width: number): string[] {
  return tableText.colorizeLines(tableText.wordWrap(width, text));
}

/**
 * A table of `head` and `rows` no wider than `options.width`: each column as wide as its text
 * when that fits, else the widest columns narrowed in turn (never below their longest word),
 * else one block per row.
 */
export function fitTable(head: readonly string[], rows: readonly (readonly string[])[], options: TableOptions): string {
  const width = widthOf(options);
  const cells = [head, ...rows];
  const columns = head.length;
  const natural = head.map((_, c) => Math.max(...cells.map((row) => Math.max(...lineWidths(row[c] ?? '')))) + PADDING);
  const least = head.map((_, c) => Math.max(...cells.map((row) => longestWord(row[c] ?? ''))) + PADDING);
  const borders = columns + 1;
  const sum = (widths: readonly number[]) => widths.reduce((total, w) => total + w, 0) + borders;
  if (sum(least) > width) return verticalLayout(head, rows, { ...options, width });
  const widths = [...natural];
  // Narrow the widest column that can still give, one column at a time: wide text columns give
  // first, and no column is squeezed while another has room to spare.
  let excess = sum(widths) - width;
  while (excess > 0) {
    let widest = -1;
    for (let c = 0; c < columns; c++) if (itemAt(widths, c) > itemAt(least, c) && (widest < 0 || itemAt(widths, c) > itemAt(widths, widest))) widest = c;
    const next = Math.max(itemAt(least, widest), ...widths.filter((w, c) => c !== widest && w <= itemAt(widths, widest)));
    const step = Math.max(1, Math.min(excess, itemAt(widths, widest) - next));
    widths[widest] = itemAt(widths, widest) - step;
    excess -= step;
  }
  // Colour is chalk's, decided by the caller: cli-table3's own styles go through @colors/colors,
  // which reads TERM and drops colour on a terminal that does not set it.
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const headStyle = options.headStyle ?? 'cyan';
  const table = new Table({
    head: head.map((text) => paint[headStyle](text)),
    colWidths: widths,
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const row of rows) table.push([...row]);
  const drawn = table.toString();
  return options.color ? drawn.replace(BORDER_RUN, (run) => paint.grey(run)) : drawn;
}

/** The box-drawing characters cli-table3 draws borders with. */
const BORDER_RUN = /[\u2500-\u257f]+/g;

function widthOf(options: { readonly width?: number | undefined }): number {
  return Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
}

/** One block per row: the key cell as its heading, then each other column as `Head  value`, wrapped. */
function verticalLayout(head: readonly string[], rows: readonly (readonly string[])[], options: TableOptions & { readonly width: number }): string {
  const key = options.key ?? 0;
  const indent = '  ';
  const labels = head.map((text) => `${indent}${text}`);
  const labelWidth = Math.max(...labels.filter((_, c) => c !== key).map(textWidth)) + PADDING;
  // The value column takes what is left, unless one word is longer still: a word is never cut.
  const longest = Math.max(0, ...rows.flatMap((row) => row.filter((_, c) => c !== key).map(longestWord)));
  const valueWidth = Math.max(options.width - labelWidth, longest);
  const bold = new Chalk({ level: options.color ? 1 : 0 }).bold;
  const blocks = rows.map((row) => {
    const lines = [bold(fitText(row[key] ?? '', options.width))];
    head.forEach((_, c) => {
      const value = row[c] ?? '';
      if (c === key || value === '') return;
      wrapLines(value, valueWidth).forEach((part, i) => {
        const label = i === 0 ? itemAt(labels, c) : '';
        lines.push(`${label}${' '.repeat(labelWidth - textWidth(label))}${part}`.trimEnd());
      });
    });
    return lines.join('\n');
  });
  return blocks.join('\n\n');
}

/**
 * Prose lines (titles, notes, legends) wrapped to `width` at word boundaries, a word never cut;
 * a wrapped line goes on indented two more than it began, so that it reads as one item.
 */
export function fitText(text: string, width: number | undefined): string {
  const columns = widthOf({ width });
  return text
    .split('\n')
    .map((line) => {
      if (textWidth(line) <= columns) return line;
      const indent = /^ */.exec(line)![0];
      return wrapLines(line.slice(indent.length), Math.max(MIN_WIDTH / 2, columns - indent.length - 2))
        .map((part, i) => `${indent}${i === 0 ? '' : '  '}${part}`)
        .join('\n');
    })
    .join('\n');
}
