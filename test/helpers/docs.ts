import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** README.md and every docs/*.md page, by path. */
export function markdownFiles(): string[] {
  return [
    'README.md',
    ...readdirSync('docs')
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => join('docs', name)),
  ];
}

/** The headings of a Markdown text, outside fenced blocks (command outputs hold `## ` lines). */
export function headings(text: string): string[] {
  let fenced = false;
  const found: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('```')) fenced = !fenced;
    else if (!fenced && /^#{1,6} /.test(line)) found.push(line);
  }
  return found;
}

/**
 * The text of the one page (README.md or docs/*.md) that has `heading` as a heading, so a test
 * that reads a section finds it wherever the documentation keeps it. Throws when no page or more
 * than one page has it: a test must not read a section that is not there.
 */
export function pageWith(heading: string): string {
  return readFileSync(pathWith(heading), 'utf8');
}

/** The path of the page that has `heading`, as pageWith finds it. */
export function pathWith(heading: string): string {
  const files = markdownFiles().filter((file) => headings(readFileSync(file, 'utf8')).includes(heading));
  if (files.length !== 1) throw new Error(`${files.length} pages have the heading "${heading}"`);
  return files[0]!;
}

/** The part of a Markdown text from `heading` to the next `## ` heading (or the end). */
export function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const next = text.indexOf('\n## ', start + heading.length + 2);
  return text.slice(start, next === -1 ? undefined : next);
}
