import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/diagnostics.js';
import { bundledIds } from '../../src/load/bundled.js';
import { pageWith } from '../helpers/docs.js';
import { run } from '../helpers/fake-io.js';

// The JSON Schemas of compare, timeline, sensitivity and errors describe the real output of every
// bundled matrix on every bundled record, and those of diff, validate and test the output on good
// and broken inputs: strict schemas (no key they do not name), checked here against what the
// commands print, so neither can drift from the other.

const schema = (name: string) => JSON.parse(readFileSync(`src/schema/${name}.schema.json`, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
const NAMES = ['compare', 'timeline', 'sensitivity', 'diff', 'validate', 'test', 'list', 'errors'];
const validators = Object.fromEntries(NAMES.map((name) => [name, ajv.compile(schema(name))]));
const MATRICES = bundledIds('matrix');
/** The version of each output's schema id: compare and timeline carry the intervals of evaluation@2. */
const VERSIONS: Record<string, number> = { compare: 2, timeline: 2, sensitivity: 1, diff: 1, validate: 1, test: 1, list: 1, errors: 1 };
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
  it.each(NAMES)('%s has its $id and is what `schema` prints', async (name) => {
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

  it.each(['errors', 'validate', 'test'])('%s names exactly the codes the tool has', (name) => {
    const diagnostic = (schema(name)['definitions'] as Record<string, { properties: { code: { enum: string[] } } }>)['diagnostic']!;
    expect(diagnostic.properties.code.enum).toEqual(Object.keys(ERROR_CODES));
  });

  it('validate: clean bundled files; errors and warnings with related places; a whole corpus of broken files, one skipped', async () => {
    const clean = (await printed(['validate', 'matrices', 'fixtures'], 'validate')) as { summary: { ok: boolean } };
    expect(clean.summary.ok).toBe(true);
    const warned = (await printed(['validate', '--matrix', 'lewis-2015', 'fixtures/coders/b/us-china-2015-09.yaml'], 'validate')) as {
      files: { diagnostics: { related: unknown[] }[] }[];
    };
    expect(warned.files.some((file) => file.diagnostics.some((d) => d.related.length > 0))).toBe(true);
    const broken = (await printed(['validate', 'test/corpus', '--max-warnings', '0'], 'validate', 1)) as { files: { kind: string | null; skipped: boolean }[] };
    expect(new Set(broken.files.map((file) => file.kind))).toEqual(new Set([null, 'matrix', 'record']));
    expect(broken.files.some((file) => file.skipped)).toBe(true);
  });

  it('test: the bundled golden cases with full coverage; failing cases; coverage below the minimum; a matrix that does not load', async () => {
    await printed(['test', '--bundled', '--min-coverage', '100'], 'test');
    const failing = (await printed(['test', 'test/ci/failing/failing.yaml', '--min-coverage', '90'], 'test', 1)) as {
      matrices: { tests: { mismatches: unknown[] }[]; coverage: { belowMinimum: boolean } }[];
    };
    expect(failing.matrices[0]!.tests.some((t) => t.mismatches.length > 0)).toBe(true);
    expect(failing.matrices[0]!.coverage.belowMinimum).toBe(true);
    const unloadable = (await printed(['test', 'test/corpus/matrices/misspelt-required-key.yaml'], 'test', 2)) as {
      matrices: { coverage: unknown; problems: unknown[] }[];
    };
    expect(unloadable.matrices[0]).toMatchObject({ coverage: null, problems: [expect.anything()] });
  });

  it('diff: two dates, two matrix versions, added and removed cases, and per-party criteria', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-diff-schema-'));
    const evaluation = async (name: string, argv: string[]) => {
      const result = await run(['evaluate', ...argv, '-f', 'json', '-o', join(dir, name)]);
      expect(result.exitCode, result.stderr).toBe(0);
      return join(dir, name);
    };
    const early = await evaluation('early.json', ['us-china-2015-09', 'us-china-2013-06', '-m', 'lewis-2015', '--as-of', '2015-09-25']);
    const late = await evaluation('late.json', ['us-china-2015-09', 'us-china-2017-04', 'us-china-2023-11', '-m', 'lewis-2015']);
    const v1 = await evaluation('v1.json', ['us-china-2015-09', 'us-china-2023-11', '-m', 'lewis-2015-v1']);
    const grid = await evaluation('grid.json', ['us-china-2015-09', '-m', 'g20-compliance']);
    const gridEarly = await evaluation('grid-early.json', ['us-china-2015-09', '-m', 'g20-compliance', '--as-of', '2016-01-01']);
    const statuses = new Set<string>();
    for (const [a, b] of [
      [early, late],
      [late, v1],
      [gridEarly, grid],
      [grid, grid],
    ] as const) {
      const document = (await printed(['diff', a, b], 'diff')) as { cases: { status: string }[] };
      for (const item of document.cases) statuses.add(item.status);
    }
    expect(statuses).toEqual(new Set(['changed', 'unchanged', 'added', 'removed']));
  });

  it.each([
    ['validate', ['validate', 'fixtures/coders/b/us-china-2015-09.yaml', '--matrix', 'lewis-2015'], (d: any) => d.files[0].diagnostics[0], 'message'],
    ['test', ['test', 'lewis-2015'], (d: any) => d.matrices[0].tests[0], 'name'],
    ['errors', ['evaluate', 'no-such-record', '-m', 'lewis-2015'], (d: any) => d.errors[0], 'message'],
  ] as const)('%s catches drift: a key it does not describe, or a missing one, fails', async (name, argv, inner, key) => {
    const result = await run([...argv, '-f', 'json']);
    const document = JSON.parse(result.stdout);
    const validate = validators[name]!;
    expect(validate(document)).toBe(true);
    inner(document).extra = 1;
    expect(validate(document)).toBe(false);
    delete inner(document).extra;
    delete inner(document)[key];
    expect(validate(document)).toBe(false);
  });

  it('list: every bundled matrix and record, each named bundled:ID', async () => {
    const document = (await printed(['list'], 'list')) as { matrices: { id: string; file: string }[]; records: { id: string; file: string }[] };
    expect(document.matrices.map((m) => m.id)).toEqual(MATRICES);
    expect(document.records.map((r) => r.id)).toEqual(RECORDS);
    for (const item of [...document.matrices, ...document.records]) expect(item.file).toBe(`bundled:${item.id}`);
  });

  it('docs/json.md lists every output schema with the id its file says, and `schema` prints each', async () => {
    const rows = [...pageWith('## JSON output').matchAll(/^\| `(summit-score\/[\w-]+@\d+)` \| .* \| `(\w+)` \|$/gm)].map(
      (match) => [match[1]!, match[2]!] as const,
    );
    expect(rows.map(([, name]) => name).sort()).toEqual(['agreement', 'evaluation', ...NAMES].sort());
    for (const [id, name] of rows) {
      expect((schema(name)['properties'] as { schema: { const: string } }).schema.const).toBe(id);
      expect(JSON.parse((await run(['schema', name])).stdout)).toEqual(schema(name));
    }
  });
});

// -f ndjson prints, per line, one item of the JSON document (a result, a row, a point, a case)
// with the document's schema-like head: each line's item is the JSON's item, as its schema
// describes it, and its head is the named keys with the document's values.
describe('the NDJSON lines', () => {
  const lineAjv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
  for (const name of ['evaluation', 'compare', 'timeline', 'sensitivity', 'diff']) lineAjv.addSchema(schema(name));
  const definition = (name: string, item: string) => lineAjv.getSchema(`https://summit-score.invalid/schemas/${name}.schema.json#/definitions/${item}`)!;
  const lines = async (argv: readonly string[]) => {
    const result = await run([...argv, '-f', 'ndjson']);
    expect(result.exitCode, result.stderr).toBe(0);
    return result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };
  const json = async (argv: readonly string[]) => JSON.parse((await run([...argv, '-f', 'json'])).stdout);
  const without = (line: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(Object.entries(line).filter(([key]) => !keys.includes(key)));
  const expectValid = (validate: ReturnType<typeof definition>, item: unknown) =>
    expect(validate(item), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const matrixHead = (doc: any) => ({ id: doc.matrix?.id ?? doc.matrices?.[0]?.id, version: doc.matrix?.version ?? doc.matrices?.[0]?.version });

  it('evaluate: a result per line, with the schema, the tool and the matrix', async () => {
    const argv = ['evaluate', 'us-china-2015-09', 'us-china-2023-11', '-m', 'lewis-2015'];
    const [found, doc] = [await lines(argv), await json(argv)];
    expect(found.map((line) => without(line, ['schema', 'tool', 'matrix']))).toEqual(doc.results);
    for (const line of found) {
      expect(line).toMatchObject({
        schema: 'summit-score/evaluation-result@2',
        tool: doc.tool,
        matrix: { id: 'lewis-2015', file: doc.matrix.file, sha256: doc.matrix.sha256 },
      });
      expectValid(definition('evaluation', 'result'), without(line, ['schema', 'tool', 'matrix']));
    }
  });

  it('compare: a row per line; timeline: a point per line; with the schema, the matrix (and the record)', async () => {
    const compareArgv = ['compare', 'us-china-2015-09', 'us-china-2013-06', '-m', 'lewis-2015'];
    const compare = await json(compareArgv);
    const rows = await lines(compareArgv);
    expect(rows.map((line) => without(line, ['schema', 'matrix']))).toEqual(compare.comparisons[0].rows);
    for (const row of rows) {
      expect(row).toMatchObject({ schema: 'summit-score/compare-row@2', matrix: matrixHead(compare) });
      expectValid(definition('compare', 'row'), without(row, ['schema', 'matrix']));
    }
    const timelineArgv = ['timeline', 'us-china-2015-09', '-m', 'lewis-2015'];
    const timeline = await json(timelineArgv);
    const points = await lines(timelineArgv);
    expect(points.map((line) => without(line, ['schema', 'matrix', 'record']))).toEqual(timeline.points);
    for (const point of points) {
      expect(point).toMatchObject({ schema: 'summit-score/timeline-point@2', matrix: matrixHead(timeline), record: timeline.record.id });
      expectValid(definition('timeline', 'point'), without(point, ['schema', 'matrix', 'record']));
    }
  });

  it('sensitivity: a case per line, then the ranking; diff: a case per line, with both sides', async () => {
    const argv = ['sensitivity', 'us-china-2015-09', 'us-china-2013-06', '-m', 'lewis-2015', '--samples', '20'];
    const doc = await json(argv);
    const found = await lines(argv);
    const cases = found.filter((line) => line['schema'] === 'summit-score/sensitivity-case@1');
    expect(cases.map((line) => without(line, ['schema', 'matrix', 'method']))).toEqual(doc.cases);
    for (const line of cases) expectValid(definition('sensitivity', 'case'), without(line, ['schema', 'matrix', 'method']));
    // The ranking's line holds the ranking's keys themselves.
    expect(found.at(-1)).toEqual({ schema: 'summit-score/sensitivity-ranking@1', matrix: found[0]!['matrix'], method: doc.method, ...doc.ranking });
    expect(Object.keys(doc.ranking).length).toBeGreaterThan(0);
    for (const line of found) expect(line['matrix']).toMatchObject(matrixHead(doc));

    const dir = mkdtempSync(join(tmpdir(), 'summit-ndjson-'));
    await run(['evaluate', 'us-china-2015-09', 'us-china-2013-06', '-m', 'lewis-2015', '--as-of', '2015-09-25', '-f', 'json', '-o', join(dir, 'a.json')]);
    await run(['evaluate', 'us-china-2015-09', 'us-china-2017-04', '-m', 'lewis-2015', '-f', 'json', '-o', join(dir, 'b.json')]);
    const diffArgv = ['diff', join(dir, 'a.json'), join(dir, 'b.json')];
    const diff = await json(diffArgv);
    const diffLines = await lines(diffArgv);
    expect(diffLines.map((line) => without(line, ['schema', 'a', 'b']))).toEqual(diff.cases);
    for (const line of diffLines) {
      expect(line).toMatchObject({ schema: 'summit-score/diff-case@1', a: diff.a, b: diff.b });
      expectValid(definition('diff', 'case'), without(line, ['schema', 'a', 'b']));
    }
  });
});
