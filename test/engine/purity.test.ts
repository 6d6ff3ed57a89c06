import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ENGINE_DIR = new URL('../../src/engine/', import.meta.url);
const files = readdirSync(ENGINE_DIR).filter((name) => name.endsWith('.ts'));

// The engine is pure and synchronous: everything it needs comes in as data.
const FORBIDDEN: [string, RegExp][] = [
  ['a Node built-in', /from ['"]node:/],
  ['an I/O or presentation library', /from ['"](yaml|ajv|chalk|cli-table3|commander|fs|path|os|child_process)['"]/],
  ['code outside the engine', /from ['"]\.\.\//],
  ['the process', /\bprocess\./],
  ['the clock', /Date\.now\(|new Date\(\)/],
  ['randomness', /Math\.random/],
  ['asynchrony', /\basync\b|\bawait\b|Promise/],
  ['code from data', /\beval\(|new Function\(/],
];

describe('the engine', () => {
  it('has source files to check', () => expect(files.length).toBeGreaterThan(5));

  describe.each(files)('%s', (file) => {
    const text = readFileSync(new URL(file, ENGINE_DIR), 'utf8');
    it.each(FORBIDDEN)('uses no %s', (_what, pattern) => expect(text).not.toMatch(pattern));
  });
});
