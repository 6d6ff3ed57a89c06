// The tool validates with JSON Schema validators precompiled at build time
// (scripts/build-validators.mjs -> dist/schema/validators.cjs), and falls back to compiling the
// schemas with ajv where there are none (running from src/). Both must give the same diagnostics,
// word for word and at the same positions: checked here on the whole test corpus and the bundled files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../../src/load/check-schema.js';
import { runtimeValidator, type SchemaName } from '../../../src/schema/validate.js';
import { isBundledFile } from '../../../src/load/bundled.js';
import { parseYamlDocument } from '../../../src/load/yaml-document.js';
import { PACKAGE_FILES } from '../../../src/load/read-input.js';

const require = createRequire(import.meta.url);
const PRECOMPILED = new URL('../../../dist/schema/validators.cjs', import.meta.url);

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ya?ml|json)$/.test(entry.name) && !entry.name.endsWith('expectations.json') ? [path] : [];
  });
}

/** Which schema a file is checked against: as validate tells kinds apart, by its top-level keys. */
function kindOf(data: unknown): SchemaName | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if ('criteria' in data) return 'matrix';
  if ('events' in data) return 'record';
  if ('tests' in data) return 'tests';
  return undefined;
}

describe('the precompiled JSON Schema validators', () => {
  it('are built into dist/', () => expect(existsSync(PRECOMPILED)).toBe(true));

  const corpus = [...files('test/corpus'), ...files('matrices'), ...files('fixtures'), ...files('test/ci')];

  it('cover a corpus with schema errors of every kind', () => expect(corpus.length).toBeGreaterThan(80));

  it('give the same diagnostics as the runtime validators on every file of the corpus', () => {
    const precompiled = require(PRECOMPILED.pathname) as Record<SchemaName, ValidateFunction>;
    let compared = 0;
    let withProblems = 0;
    for (const file of corpus) {
      const doc = parseYamlDocument(file, readFileSync(file, 'utf8'));
      if (Array.isArray(doc)) continue;
      // Every schema on every document: a record's schema on a matrix is a good test of odd errors too.
      const kinds: SchemaName[] = kindOf(doc.data) ? [kindOf(doc.data)!, 'matrix', 'record', 'tests'] : ['matrix', 'record', 'tests'];
      for (const kind of kinds) {
        const runtime = checkSchema(kind, doc, runtimeValidator(kind));
        const built = checkSchema(kind, doc, precompiled[kind]);
        expect(built, `${file} as a ${kind}`).toEqual(runtime);
        compared++;
        if (runtime.length > 0) withProblems++;
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(withProblems).toBeGreaterThan(100);
  });
});

describe('the bundled matrices and records stored at build time', () => {
  const store = new URL('../../../dist/bundled/', import.meta.url);
  const bundled = [
    ...readdirSync('matrices')
      .filter((n) => isBundledFile('matrix', n))
      .map((n) => ({ kind: 'matrix' as const, file: `matrices/${n}` })),
    ...readdirSync('fixtures')
      .filter((n) => isBundledFile('record', n))
      .map((n) => ({ kind: 'record' as const, file: `fixtures/${n}` })),
  ];

  it.each(bundled)('load to exactly what loading $file gives, under any file name', async ({ kind, file }) => {
    const { precompiledInput } = await import('../../../src/load/precompiled.js');
    const { loadMatrix } = await import('../../../src/load/load-matrix.js');
    const { loadRecord } = await import('../../../src/load/load-record.js');
    const { readInputFile } = await import('../../../src/load/read-input.js');
    const input = readInputFile(file, PACKAGE_FILES);
    // Run from src/, the loaders have no store and load the YAML.
    const fresh = kind === 'matrix' ? loadMatrix(input) : loadRecord(input);
    const stored = precompiledInput(kind, input, store);
    if ('extends' in fresh && fresh.extends) {
      expect(stored).toBeUndefined();
      return;
    }
    expect(stored).toStrictEqual(fresh);
    const renamed = { ...input, file: 'elsewhere/copy.yaml' };
    expect(precompiledInput(kind, renamed, store)).toStrictEqual(kind === 'matrix' ? loadMatrix(renamed) : loadRecord(renamed));
    // A changed file is not the stored one.
    expect(precompiledInput(kind, { ...input, sha256: '0'.repeat(64) }, store)).toBeUndefined();
  });
});

describe('the bundled files stored as parsed documents', () => {
  const store = new URL('../../../dist/bundled/', import.meta.url);
  // Every YAML file below matrices/ and fixtures/ (validate walks fixtures/coders/ too).
  const below = (folder: string) => (readdirSync(folder, { recursive: true }) as string[]).map((n) => `${folder}/${n}`);
  const bundled = [...below('matrices'), ...below('fixtures')].filter((f) => f.endsWith('.yaml'));

  /** Every path in the data, and a missing path below each container and each scalar. */
  function* pathsOf(value: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
    yield path;
    yield [...path, Array.isArray(value) ? 999 : 'no-such-key', 'deeper'];
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) yield* pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]);
  }

  it.each(bundled)("%s: the data and every position, of values and keys, are the YAML reader's", async (file) => {
    const { precompiledDocument } = await import('../../../src/load/precompiled.js');
    const { readInputFile } = await import('../../../src/load/read-input.js');
    const input = readInputFile(file, PACKAGE_FILES);
    const stored = precompiledDocument({ ...input, file: 'elsewhere/copy.yaml' }, store)!;
    const careful = parseYamlDocument('elsewhere/copy.yaml', input.text);
    if (Array.isArray(careful)) throw new Error(`${file} does not parse`);
    expect(stored.file).toBe('elsewhere/copy.yaml');
    expect(stored.data).toStrictEqual(careful.data);
    let compared = 0;
    for (const path of pathsOf(careful.data)) {
      expect([path, stored.locate(path)]).toEqual([path, careful.locate(path)]);
      expect([path, stored.locate(path, { key: true })]).toEqual([path, careful.locate(path, { key: true })]);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
    expect(precompiledDocument({ ...input, sha256: '0'.repeat(64) }, store)).toBeUndefined();
  });
});
