import { readFileSync, readdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import evaluationSchema from '../../../src/schema/evaluation.schema.json' with { type: 'json' };
import { inputSchema } from '../../../src/schema/validate.js';
import { cli } from '../../ci/helpers.js';
import { isBundledFile } from '../../../src/load/bundled.js';

const validateEvaluation = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true }).compile(evaluationSchema);
const bundled = (dir: 'matrices' | 'fixtures') =>
  readdirSync(dir)
    .filter((name) => isBundledFile(dir === 'matrices' ? 'matrix' : 'record', name))
    .map((name) => `${dir}/${name}`)
    .sort();

describe('summit-score schema', () => {
  it.each(['matrix', 'record', 'tests'] as const)('prints the %s schema the loader checks with', async (name) => {
    const run = await cli(['schema', name]);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(inputSchema(name));
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(`src/schema/${name}.schema.json`, 'utf8')));
  });

  it('prints the schema of evaluate --format json', async () => {
    expect(JSON.parse((await cli(['schema', 'evaluation'])).stdout)).toEqual(evaluationSchema);
  });

  it('refuses a schema it does not have', async () => {
    const run = await cli(['schema', 'verdict']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('error USAGE');
  });
});

describe('the evaluation schema', () => {
  it.each(bundled('matrices'))('describes the real JSON output of %s on every bundled record', async (matrix) => {
    const records = bundled('fixtures');
    for (const asOf of [[], ['--as-of', '2015-09-25']]) {
      const run = await cli(['evaluate', '-m', matrix, ...records, ...asOf, '--format', 'json']);
      expect(run.exitCode, run.stderr).toBe(0);
      const output = JSON.parse(run.stdout) as { results: unknown[] };
      expect(output.results).toHaveLength(records.length);
      expect(validateEvaluation(output), JSON.stringify(validateEvaluation.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('catches drift: a key it does not describe, or a missing one, fails', async () => {
    const output = JSON.parse((await cli(['evaluate', '--format', 'json'])).stdout) as { results: Record<string, unknown>[] };
    expect(validateEvaluation({ ...output, extra: 1 })).toBe(false);
    const { verdict: _verdict, ...withoutVerdict } = output.results[0]!;
    expect(validateEvaluation({ ...output, results: [withoutVerdict] })).toBe(false);
  });
});
