// compare, timeline and sensitivity find their records as validate finds files (folders, globs)
// and read NDJSON as evaluate does: the same records, however named, give the same results.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/fake-io.js';

const NAMES = ['us-china-2013-06', 'us-china-2015-09'];
const dir = mkdtempSync(join(tmpdir(), 'summit-research-inputs-'));
const records = join(dir, 'records');
mkdirSync(join(records, 'more'), { recursive: true });
copyFileSync(`fixtures/${NAMES[0]}.yaml`, join(records, `${NAMES[0]}.yaml`));
copyFileSync(`fixtures/${NAMES[1]}.yaml`, join(records, 'more', `${NAMES[1]}.yaml`));
// Not records: found in the folder and passed over.
copyFileSync('fixtures/sources.yaml', join(records, 'sources.yaml'));
copyFileSync('matrices/lewis-2015.yaml', join(records, 'lewis-2015.yaml'));
const ndjson = join(dir, 'two.ndjson');
writeFileSync(ndjson, `${NAMES.map((name) => JSON.stringify(parse(readFileSync(`fixtures/${name}.yaml`, 'utf8')))).join('\n')}\n`);
const one = join(dir, 'one.jsonl');
writeFileSync(one, `\n${JSON.stringify(parse(readFileSync(`fixtures/${NAMES[1]}.yaml`, 'utf8')))}\n`);

async function json(argv: string[]): Promise<any> {
  const result = await run([...argv, '-f', 'json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}
/** What a compare says of each record, without where it was read from. */
const scores = (doc: any) => doc.comparisons[0].rows.map((r: any) => [r.record, r.score, r.verdict, r.criteria.map((c: any) => c.level)]);

describe('compare finds its records', () => {
  it.each([
    ['a folder, its subfolders included, a bibliography and a matrix in it passed over', () => [records]],
    ['a glob', () => [join(records, '**/*.yaml')]],
    ['an NDJSON file, a record per line', () => [ndjson]],
  ])('in %s: the same results as the files named one by one', async (_name, args) => {
    const named = scores(await json(['compare', ...NAMES, '-m', 'lewis-2015']));
    const found = scores(await json(['compare', ...args(), '-m', 'lewis-2015']));
    expect(named).toHaveLength(2);
    expect(found.sort()).toEqual(named.sort());
  });

  it('names an NDJSON record by its file and line', async () => {
    const doc = await json(['compare', ndjson, NAMES[0]!, '-m', 'lewis-2015']);
    expect(doc.records.map((r: any) => r.file)).toEqual([`${ndjson}:1`, `${ndjson}:2`, `bundled:${NAMES[0]}`]);
  });

  it('reports a bad NDJSON line at its line, and every other problem of the run, exit 2', async () => {
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, `${readFileSync(ndjson, 'utf8').split('\n')[0]}\n{"id": "x"}\n`);
    const result = await run(['compare', bad, 'us-china-2017-4', join(dir, 'no-such-folder'), '-m', 'lewis-2015']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^error MISSING_KEY ${bad.replace(/[.]/g, '\\.')}:2:1 `, 'm'));
    expect(result.stderr).toContain('did you mean `us-china-2017-04`?');
    expect(result.stderr).toContain('no-such-folder:1:1 no such file');
  });

  it('says so when a folder holds no record', async () => {
    const result = await run(['compare', 'matrices', '-m', 'lewis-2015']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error FILE_NOT_FOUND matrices:1:1 found no record/);
  });
});

describe('sensitivity and timeline', () => {
  it('sensitivity reads an NDJSON file as the records it holds', async () => {
    const named = await json(['sensitivity', ...NAMES, '-m', 'lewis-2015', '--samples', '0']);
    const found = await json(['sensitivity', ndjson, '-m', 'lewis-2015', '--samples', '0']);
    expect(found.cases).toEqual(named.cases.map((c: any, i: number) => ({ ...c, ...(c.file !== undefined && { file: `${ndjson}:${i + 1}` }) })));
  });

  it('timeline follows the one record of an NDJSON file, as it follows the YAML', async () => {
    const named = await json(['timeline', NAMES[1]!, '-m', 'lewis-2015']);
    const found = await json(['timeline', one, '-m', 'lewis-2015']);
    expect(found.points).toEqual(named.points);
    expect(found.points.length).toBeGreaterThan(5);
  });

  it('timeline refuses a file or folder of several records, with what to do', async () => {
    const result = await run(['timeline', ndjson, '-m', 'lewis-2015']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error USAGE .*two\.ndjson:1:1 a timeline follows one record, and this names 2 /);
    expect(result.stderr).toContain('compare puts several side by side');
  });
});
