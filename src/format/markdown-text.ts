import { safeText } from '../terminal-text.js';

/**
 * Text for a Markdown table cell or paragraph: line breaks become spaces, every other control or
 * invisible format character (ESC, U+202E, zero-width space) is shown as an escape (safeText), and
 * characters that would start markup or break the table are escaped.
 */
export function mdText(text: string): string {
  return safeText(text.replace(/\s*[\r\n]+\s*/g, ' ')).replace(/([\\`*_[\]|<])/g, '\\$1');
}

/** A GitHub-flavoured Markdown table; `right` marks the columns to align right (numbers). */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const align = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(align), ...rows.map(line)].join('\n');
}
