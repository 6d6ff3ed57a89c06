import { Chalk } from 'chalk';
import Table from 'cli-table3';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { DEFAULT_WIDTH, MIN_WIDTH } from './width.js';

// Every terminal table goes through here, so that all of them fit the width they are given (the
// terminal's, 80 for a pipe or a file, or --width): text cells wrap at word boundaries, a word is
// never cut (ids and dates are words), and a table whose words cannot fit side by side is shown
// as one block per row instead. string-width is the measure cli-table3 itself uses: colour codes
// count for nothing, East Asian wide characters for two columns.

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

/** A borderless layout: what cli-table3 draws with every border character empty. */
const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
};

function lineWidths(cell: string): number[] {
  return cell.split('\n').map((line) => stringWidth(line));
}

function longestWord(cell: string): number {
  return Math.max(0, ...cell.split(/\s+/).map((word) => stringWidth(word)));
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
    for (let c = 0; c < columns; c++) if (widths[c]! > least[c]! && (widest < 0 || widths[c]! > widths[widest]!)) widest = c;
    const next = Math.max(least[widest]!, ...widths.filter((w, c) => c !== widest && w < widths[widest]!));
    const step = Math.max(1, Math.min(excess, widths[widest]! - next));
    widths[widest] = widths[widest]! - step;
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
  const labelWidth = Math.max(...labels.filter((_, c) => c !== key).map((label) => stringWidth(label))) + PADDING;
  // The value column takes what is left, unless one word is longer still: a word is never cut.
  const longest = Math.max(0, ...rows.flatMap((row) => row.filter((_, c) => c !== key).map(longestWord)));
  const valueWidth = Math.max(options.width - labelWidth, longest);
  const blocks = rows.map((row) => {
    const table = new Table({
      chars: NO_BORDERS,
      colWidths: [labelWidth, valueWidth],
      wordWrap: true,
      style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
    });
    head.forEach((_, c) => {
      if (c !== key && (row[c] ?? '') !== '') table.push([labels[c]!, row[c]!]);
    });
    const title = fitText(row[key] ?? '', options.width);
    const body = table.length > 0 ? `\n${trimLines(table.toString())}` : '';
    return `${new Chalk({ level: options.color ? 1 : 0 }).bold(title)}${body}`;
  });
  return blocks.join('\n\n');
}

function trimLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
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
      if (stringWidth(line) <= columns) return line;
      const indent = /^ */.exec(line)![0];
      const wrapped = wrapAnsi(line.slice(indent.length), Math.max(MIN_WIDTH / 2, columns - indent.length - 2), { hard: false, trim: true });
      return wrapped
        .split('\n')
        .map((part, i) => `${indent}${i === 0 ? '' : '  '}${part}`)
        .join('\n');
    })
    .join('\n');
}
