// The passages read for the bundled sources the research notes do not hold
// (test/bundled/search-excerpts.yaml), by address: what the records and bibliography tests
// check those sources' quotes, titles and names against.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../bundled/search-excerpts.yaml');

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each address's passages, joined and with white space squashed. */
export function searchExcerpts(): Map<string, string> {
  const { excerpts } = parse(readFileSync(FILE, 'utf8')) as { excerpts: { url: string; search: string; passages: string[] }[] };
  return new Map(excerpts.map((entry) => [entry.url, entry.passages.map(squash).join(' | ')]));
}
