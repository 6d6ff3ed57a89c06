import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/diagnostics.js';
import { bundledIds } from '../../src/load/bundled.js';
import { run } from '../helpers/fake-io.js';

// The JSON Schemas of compare, timeline, sensitivity and errors describe the real output of every
// bundled matrix on every bundled record: strict schemas (no key they do not name), checked here
// against what the commands print, so neither can drift from the other.

const schema = (name: string) => JSON.parse(readFileSync(`src/schema/${name}.schema.json`, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
const validators = Object.fromEntries(['compare', 'timeline', 'sensitivity', 'errors'].map((name) => [name, ajv.compile(schema(name))]));
const MATRICES = bundledIds('matrix');
/** The version of each output's schema id: compare and timeline carry the intervals of evaluation@2. */
const VERSIONS: Record<string, number> = { compare: 2, timeline: 2, sensitivity: 1, errors: 1 };
const RECORDS = bundledIds('record');

async function printed(argv: readonly string[], name: string, exitCode = 0): Promise<unknown> {
  const result = await run([...argv, '-f', 'json']);
  expect(result.exitCode, result.stderr).toBe(exitCode);
  const document = JSON.parse(result.stdout) as { schema: string };
  expect(document.schema).toBe(`summit-score/${name}@${VERSIONS[name]}`);
  const validate = validators[name]!;
  expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return document;
}

describe('the output schemas', () => {
  it.each(['compare', 'timeline', 'sensitivity', 'errors'])('%s has its $id and is what `schema` prints', async (name) => {
    expect(schema(name)['$id']).toBe(`https://summit-score.invalid/schemas/${name}.schema.json`);
    const { stdout, exitCode } = await run(['schema', name]);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual(schema(name));
  });

  it.each(MATRICES)('compare, timeline and sensitivity under %s, on every bundled record, as of now and of the 2015 summit', async (matrix) => {
    for (const asOf of [[], ['--as-of', '2015-09-25']]) {
      await printed(['compare', ...RECORDS, '-m', matrix, ...asOf], 'compare');
      await printed(['sensitivity', ...RECORDS, '-m', matrix, '--samples', '20', ...asOf], 'sensitivity');
    }
    await printed(['sensitivity', RECORDS[0]!, '-m', matrix, '--samples', '0'], 'sensitivity');
    for (const record of RECORDS) await printed(['timeline', record, '-m', matrix], 'timeline');
    await printed(['timeline', 'us-china-2015-09', '-m', matrix, '--step', 'P6M'], 'timeline');
  });

  it('compare under several matrices at once', async () => {
    const document = (await printed(['compare', ...RECORDS, ...MATRICES.flatMap((m) => ['-m', m])], 'compare')) as { comparisons: unknown[] };
    expect(document.comparisons).toHaveLength(MATRICES.length);
  });

  it('errors: what every command prints on stdout with -f json when its inputs cannot be used', async () => {
    await printed(['evaluate', 'no-such-record', '-m', 'lewis-2015'], 'errors', 2);
    await printed(['compare', 'us-china-2015-09', '-m', 'test/corpus/hostile/matrices/syntax-missing-colon.yaml'], 'errors', 2);
    await printed(['timeline', 'test/corpus/hostile/records/duplicate-key.yaml', '-m', 'lewis-2015'], 'errors', 2);
    await printed(['sensitivity', 'us-china-2015-09', '-m', 'lewis-2015', '--as-of', '2015-02-30'], 'errors', 2);
  });

  it('errors names exactly the codes the tool has', () => {
    const diagnostic = (schema('errors')['definitions'] as Record<string, { properties: { code: { enum: string[] } } }>)['diagnostic']!;
    expect(diagnostic.properties.code.enum).toEqual(Object.keys(ERROR_CODES));
  });
});
