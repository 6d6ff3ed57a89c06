// evaluate, compare, timeline and sensitivity find their records as validate finds files (folders, globs)
// and read NDJSON as evaluate does: the same records, however named, give the same results.
import { createHash } from 'node:crypto';
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

// evaluate finds its records with the same finder (findInputFiles in src/commands/load-inputs.ts).
describe('evaluate finds its records', () => {
  /** What evaluate says of each record, without where it was read from. */
  const results = (doc: any) => doc.results.map((r: any) => [r.record.id, r.score, r.verdict, r.criteria.map((c: any) => c.level?.label ?? null)]).sort();

  it.each([
    ['a folder, its subfolders included, a bibliography and a matrix in it passed over', () => [records]],
    ['a glob', () => [join(records, '**/*.yaml')]],
  ])('in %s: the same results as the files named one by one', async (_name, args) => {
    const named = results(await json(['evaluate', ...NAMES, '-m', 'lewis-2015']));
    const found = await json(['evaluate', ...args(), '-m', 'lewis-2015']);
    expect(named).toHaveLength(2);
    expect(results(found)).toEqual(named);
    expect(found.results.map((r: any) => r.record.file).sort()).toEqual([join(records, `${NAMES[0]}.yaml`), join(records, 'more', `${NAMES[1]}.yaml`)].sort());
  });

  it('reads the NDJSON files a folder holds as NDJSON, a record per line', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder, { recursive: true });
    copyFileSync(ndjson, join(folder, 'two.ndjson'));
    copyFileSync(`fixtures/${NAMES[1]}.yaml`, join(folder, `${NAMES[1]}.yaml`));
    const doc = await json(['evaluate', folder, '-m', 'lewis-2015']);
    expect(doc.results.map((r: any) => r.record.file)).toEqual([join(folder, 'two.ndjson:1'), join(folder, 'two.ndjson:2'), join(folder, `${NAMES[1]}.yaml`)]);
    expect(results({ results: doc.results.slice(0, 2) })).toEqual(results(await json(['evaluate', ...NAMES, '-m', 'lewis-2015'])));
  });

  it('streams the NDJSON a glob finds with -f ndjson, a line per record', async () => {
    const folder = join(dir, 'streamed');
    mkdirSync(folder, { recursive: true });
    copyFileSync(ndjson, join(folder, 'two.ndjson'));
    copyFileSync(`fixtures/${NAMES[1]}.yaml`, join(folder, `${NAMES[1]}.yaml`));
    const result = await run(['evaluate', join(folder, '*.ndjson'), '-m', 'lewis-2015', '-f', 'ndjson']);
    expect(result.exitCode, result.stderr).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l: any) => l.record.id)).toEqual(NAMES);
  });

  it('says so when a folder holds no record, and reports it with the run’s other problems', async () => {
    const none = await run(['evaluate', 'matrices', '-m', 'lewis-2015']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/^error FILE_NOT_FOUND matrices:1:1 found no record/);
    const both = await run(['evaluate', join(dir, 'no-such-*.yaml'), 'us-china-2017-4', '-m', 'lewis-2015']);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('the pattern matches no .yaml, .yml or .json file');
    expect(both.stderr).toContain('did you mean `us-china-2017-04`?');
  });
});

// diff reads each side as validate finds files, and evaluate's NDJSON: a side's results, however
// they are named, give the same cases.
describe('diff finds its evaluations', () => {
  const sides = join(dir, 'diff');
  const A = ['--as-of', '2015-09-25'];
  const evaluate = async (argv: string[]) => {
    const result = await run(['evaluate', ...argv, '-m', 'lewis-2015']);
    expect(result.exitCode, result.stderr).toBe(0);
  };
  const setUp = (async () => {
    mkdirSync(join(sides, 'a', 'sub'), { recursive: true });
    mkdirSync(join(sides, 'b'), { recursive: true });
    await evaluate([...NAMES, ...A, '-f', 'json', '-o', join(sides, 'a.json')]);
    await evaluate([...NAMES, '-f', 'json', '-o', join(sides, 'b.json')]);
    await evaluate([...NAMES, ...A, '-f', 'ndjson', '-o', join(sides, 'a.ndjson')]);
    await evaluate([...NAMES, '-f', 'ndjson', '-o', join(sides, 'b.ndjson')]);
    // One evaluation per record, in a folder and a subfolder, beside a file that is no evaluation.
    await evaluate([NAMES[0]!, ...A, '-f', 'json', '-o', join(sides, 'a', `${NAMES[0]}.json`)]);
    await evaluate([NAMES[1]!, ...A, '-f', 'json', '-o', join(sides, 'a', 'sub', `${NAMES[1]}.json`)]);
    copyFileSync('matrices/lewis-2015.yaml', join(sides, 'a', 'lewis-2015.yaml'));
    await evaluate([NAMES[0]!, '-f', 'json', '-o', join(sides, 'b', `${NAMES[0]}.json`)]);
    await evaluate([NAMES[1]!, '-f', 'json', '-o', join(sides, 'b', `${NAMES[1]}.json`)]);
  })();
  const diff = async (a: string, b: string, options: { stdin?: string } = {}) => {
    await setUp;
    const result = await run(['diff', a, b, '-f', 'json'], options);
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };
  const byRecord = (doc: any) => [...doc.cases].sort((x: any, y: any) => (x.record < y.record ? -1 : 1));

  it.each([
    ['NDJSON files (evaluate -f ndjson)', () => [join(sides, 'a.ndjson'), join(sides, 'b.ndjson')]],
    ['folders of an evaluation per record, a matrix passed over', () => [join(sides, 'a'), join(sides, 'b')]],
    ['a glob and an NDJSON file', () => [join(sides, 'a', '**', '*.json'), join(sides, 'b.ndjson')]],
  ])('from %s: the cases of the two evaluation JSONs', async (_name, args) => {
    const named = await diff(join(sides, 'a.json'), join(sides, 'b.json'));
    // Two records, one of which changed between the dates: a diff with something in it.
    expect(named.cases.map((c: any) => c.status).sort()).toEqual(['changed', 'unchanged']);
    const [a, b] = args();
    expect(byRecord(await diff(a!, b!))).toEqual(byRecord(named));
  });

  it('reads NDJSON on stdin, and names a side of several files by the hash of their sha256sum lines', async () => {
    const doc = await diff('-', join(sides, 'b'), { stdin: readFileSync(join(sides, 'a.ndjson'), 'utf8') });
    expect(byRecord(doc)).toEqual(byRecord(await diff(join(sides, 'a.json'), join(sides, 'b.json'))));
    expect(doc.a.file).toBe('<stdin>');
    const files = NAMES.map((name) => join(sides, 'b', `${name}.json`)).sort();
    const sum = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
    expect(doc.b).toMatchObject({ file: join(sides, 'b'), sha256: sum(files.map((file) => `${sum(readFileSync(file))}  ${file}\n`).join('')) });
  });

  it('reports a bad NDJSON line at its line and column, with the problems of the other side', async () => {
    await setUp;
    const lines = readFileSync(join(sides, 'a.ndjson'), 'utf8').split('\n');
    const bad = join(sides, 'bad.ndjson');
    writeFileSync(bad, [lines[0], lines[1]!.replace(/"score":[^,]*/, '"score":"high"'), ''].join('\n'));
    const result = await run(['diff', bad, join(sides, 'no-such-folder')]);
    expect(result.exitCode).toBe(2);
    const col = readFileSync(bad, 'utf8').split('\n')[1]!.indexOf('"score":') + '"score":'.length + 1;
    expect(result.stderr).toMatch(new RegExp(`^error WRONG_TYPE ${bad.replace(/[.]/g, '\\.')}:2:${col} .*score must be a number`, 'm'));
    expect(result.stderr).toContain('no-such-folder:1:1 no such file');
  });

  it('refuses a side whose results are under two matrices, at the matrix of the odd one', async () => {
    await setUp;
    const mixed = join(sides, 'mixed');
    mkdirSync(mixed, { recursive: true });
    copyFileSync(join(sides, 'a', `${NAMES[0]}.json`), join(mixed, '1.json'));
    const other = await run(['evaluate', NAMES[1]!, '-m', 'lewis-2015-v1', '-f', 'json', '-o', join(mixed, '2.json')]);
    expect(other.exitCode, other.stderr).toBe(0);
    const result = await run(['diff', mixed, join(sides, 'b')]);
    expect(result.exitCode).toBe(2);
    // At the value of the odd file's `"matrix":` key, found here in its text.
    const text = readFileSync(join(mixed, '2.json'), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('"matrix":'));
    const place = `${line + 1}:${text[line]!.indexOf('"matrix":') + '"matrix": '.length + 1}`;
    expect(result.stderr).toMatch(
      new RegExp(`^error NOT_ALLOWED .*mixed/2\\.json:${place} scored under matrix lewis-2015-v1 1\\.0, where .*1\\.json is under lewis-2015 2\\.0`, 'm'),
    );
  });

  it('says so when a folder holds no evaluation', async () => {
    const result = await run(['diff', 'matrices', 'matrices']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error FILE_NOT_FOUND matrices:1:1 found no evaluation/m);
  });
});
