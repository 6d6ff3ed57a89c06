// Reads the criterion rows back from the terminal table and from Markdown, and compares them: the
// two formats print the same rows (src/format/criterion-rows.ts). Where the record leaves a figure
// open, the table prints its bounds and Markdown leaves the cell blank.
import { expect } from 'vitest';

export interface Row {
  readonly criterion: string;
  readonly points: string;
  readonly weight: string;
  readonly contribution: string;
  readonly evidence: readonly string[];
}

const HEAD = ['Criterion', 'Level', 'Points', 'Weight', 'Contribution', 'Evidence'];

/** The criterion tables of the terminal output (no colour, wide enough not to wrap), row by row. */
export function tableRows(text: string): Row[][] {
  const tables: Row[][] = [];
  let block: string[][] = [];
  let rows: Row[] | null = null;
  const cellsOf = (line: string) =>
    line
      .split('│')
      .slice(1, -1)
      .map((cell) => cell.trim());
  const close = () => {
    if (block.length === 0) return;
    const columns = HEAD.map((_, c) => block.map((line) => line[c] ?? '').filter((cell) => cell !== ''));
    if (columns[0]!.join(' ') === 'Criterion') {
      rows = [];
      tables.push(rows);
    } else {
      const [criterion, , points, weight, contribution] = columns.map((lines) => lines.join(' '));
      rows?.push({ criterion: criterion!, points: points!, weight: weight!, contribution: contribution!, evidence: columns[5]! });
    }
    block = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('│')) block.push(cellsOf(line));
    else if (line.startsWith('├') || line.startsWith('└') || line.startsWith('┌')) close();
    if (line.startsWith('└')) rows = null;
  }
  return tables;
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

/** The criterion tables of the Markdown output, row by row, with Markdown's escapes undone. */
export function markdownRows(text: string): Row[][] {
  const tables: Row[][] = [];
  let rows: Row[] | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith('| ')) {
      rows = null;
      continue;
    }
    const cells = line
      .slice(2, -2)
      .split(/ (?<!\\)\| /)
      .map(unescape);
    if (cells.join(',') === HEAD.join(',')) {
      rows = [];
      tables.push(rows);
    } else if (rows && !cells[0]!.startsWith('---')) {
      const [criterion, , points, weight, contribution, evidence] = cells;
      rows.push({
        criterion: criterion!,
        points: points!,
        weight: weight!,
        contribution: contribution!,
        evidence: evidence === '' ? [] : evidence!.split('; '),
      });
    }
  }
  return tables;
}

const BOUNDS = /^$|^\d+(\.\d+)?(–\d+(\.\d+)?)?(\/\d+)?$/;

/** Markdown's rows are the table's: the same criteria, weights and evidence; figures alike when settled. */
export function expectSameRows(table: string, markdown: string): number {
  const fromTable = tableRows(table);
  const fromMarkdown = markdownRows(markdown);
  expect(fromMarkdown.length).toBe(fromTable.length);
  let compared = 0;
  fromTable.forEach((rows, t) => {
    const other = fromMarkdown[t]!;
    expect(other.map((row) => row.criterion)).toEqual(rows.map((row) => row.criterion));
    rows.forEach((row, r) => {
      const md = other[r]!;
      expect(md.weight, row.criterion).toBe(row.weight);
      expect(md.evidence, row.criterion).toEqual(row.evidence);
      for (const figure of ['points', 'contribution'] as const) {
        // Markdown leaves an open figure blank; the table then shows its bounds (one figure when they meet), or nothing.
        if (md[figure] === '') expect(row[figure], `${row.criterion} ${figure}`).toMatch(BOUNDS);
        else expect(md[figure], `${row.criterion} ${figure}`).toBe(row[figure]);
      }
      compared++;
    });
  });
  return compared;
}
