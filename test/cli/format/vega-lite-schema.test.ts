// -f vega-lite writes chart specifications that any Vega-Lite tool must accept: each one is valid
// against the JSON Schema the vega-lite package ships (build/vega-lite-schema.json), the schema
// its `$schema` names, for every command that draws.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';

const require = createRequire(import.meta.url);
// The package's exports name neither the schema file nor package.json: read where npm installs it.
const schema = JSON.parse(readFileSync('node_modules/vega-lite/build/vega-lite-schema.json', 'utf8')) as object;
const addFormats = require('ajv-formats') as (ajv: unknown) => void;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate: ValidateFunction = ajv.compile(schema);

const RUNS: Record<string, string[]> = {
  evaluate: ['evaluate'],
  compare: ['compare', 'us-china-2015-09', 'us-china-2013-06', 'us-china-2023-11', '-m', 'lewis-2015'],
  timeline: ['timeline', 'us-china-2015-09', '-m', 'lewis-2015'],
  sensitivity: ['sensitivity', 'us-china-2015-09', 'us-china-2013-06', '-m', 'lewis-2015', '--samples', '50'],
};

async function charts(argv: readonly string[]): Promise<{ id: string; spec: Record<string, unknown> }[]> {
  const result = await run([...argv, '-f', 'vega-lite']);
  expect(result.exitCode, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { charts: { id: string; spec: Record<string, unknown> }[] }).charts;
}

describe('-f vega-lite against the Vega-Lite schema', () => {
  it.each(Object.entries(RUNS))('%s: every chart is a valid Vega-Lite specification', async (_name, argv) => {
    const found = await charts(argv);
    expect(found.length).toBeGreaterThan(0);
    for (const chart of found) {
      expect(chart.spec['$schema']).toMatch(/^https:\/\/vega\.github\.io\/schema\/vega-lite\/v6/);
      expect(validate(chart.spec), `${chart.id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('has teeth: a mark type Vega-Lite does not have is refused', async () => {
    const [chart] = await charts(RUNS['timeline']!);
    const text = JSON.stringify(chart!.spec);
    expect(text).toMatch(/"mark":\{"type":"[a-z]+"/);
    expect(validate(JSON.parse(text.replace(/"mark":\{"type":"[a-z]+"/, '"mark":{"type":"wobble"')))).toBe(false);
  });
});
