// The passages read for the bundled sources the research notes do not hold
// (test/bundled/search-excerpts.yaml), by address: what the records and bibliography tests
// check those sources' quotes, titles and names against.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../bundled/search-excerpts.yaml');
// A copy of the project's research notes (shared/domain/SOURCES.md, beside the repository), kept
// in it so that the checks against them run wherever the tests do instead of skipping.
const NOTES = resolve(dirname(fileURLToPath(import.meta.url)), '../bundled/research-notes.md');

/** The research notes the bundled sources' quotes, titles and names are checked against, white space squashed. */
export function researchNotes(): string {
  return squash(readFileSync(NOTES, 'utf8'));
}

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each address's passages, joined and with white space squashed. */
export function searchExcerpts(): Map<string, string> {
  const { excerpts } = parse(readFileSync(FILE, 'utf8')) as { excerpts: { url: string; search: string; passages: string[] }[] };
  return new Map(excerpts.map((entry) => [entry.url, entry.passages.map(squash).join(' | ')]));
}
