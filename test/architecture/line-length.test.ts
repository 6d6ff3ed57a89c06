// ESLint's max-len (eslint.config.js) holds the code to 200 characters a line, but ESLint does not
// read the JSON Schemas, whose descriptions are the one place a line grows unnoticed: this holds
// them to the same limit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIMIT = 200;
const SCHEMAS = join(import.meta.dirname, '../../src/schema');

/** `file:line (length)` for each line of a text longer than the limit. */
function longLines(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, index) => (line.length > LIMIT ? [`${file}:${index + 1} (${line.length})`] : []));
}

describe('the JSON Schemas', () => {
  it('have no line longer than the code may have', () => {
    const files = readdirSync(SCHEMAS).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((name) => longLines(name, readFileSync(join(SCHEMAS, name), 'utf8')))).toEqual([]);
  });

  it('would be caught with one line too long', () => {
    expect(longLines('x.json', `{\n  "description": "${'a'.repeat(LIMIT)}"\n}\n`)).toEqual(['x.json:2 (219)']);
    expect(longLines('x.json', 'a'.repeat(LIMIT))).toEqual([]);
  });
});
