// Memory bounded by the input: peak RSS under 10 x the input + 100 MiB, for YAML shaped to need
// the most memory a value (bench/yaml-shapes.mjs), each as many values as the value bound lets
// through. Before: 99,900 one-digit numbers in 200 KB peaked at 183 MiB for validate and 287 MiB
// for evaluate (which parsed the text again to place a warning), where the bound is 102 MiB.
// Peak RSS is read from the process itself (bench/max-rss.cjs) as it exits.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the bench is plain JavaScript without types
import * as shapesModule from '../../../bench/yaml-shapes.mjs';
// @ts-expect-error: the bench is plain JavaScript without types
import * as generateModule from '../../../bench/generate.mjs';
import { MAX_YAML_VALUES, parseYamlDocument } from '../../../src/load/yaml-document.js';

const { countedValues, fitted, longStrings, YAML_SHAPES } = shapesModule as {
  countedValues: (text: string) => number;
  fitted: (make: (n: number) => string, values: number) => { units: number; text: string };
  longStrings: (count: number) => string;
  YAML_SHAPES: Record<string, (n: number) => string>;
};
const { makeComplianceRecord, makeRecord, MATRIX_YAML, seeded } = generateModule as {
  makeComplianceRecord: (random: () => number, commitments: number, members: number) => unknown;
  makeRecord: (random: () => number, index: number, events: number) => unknown;
  MATRIX_YAML: string;
  seeded: (seed: number) => () => number;
};
const TIMEOUT = 180_000;
const MIB = 2 ** 20;
const dir = mkdtempSync(join(tmpdir(), 'summit-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built command on `args`: its exit code, stderr and peak resident set size in bytes. */
function peak(args: readonly string[]): { status: number | null; stderr: string; rss: number } {
  const report = join(dir, 'rss.txt');
  rmSync(report, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, SUMMIT_BENCH_RSS: report };
  delete env['TERM'];
  const child = spawnSync(process.execPath, ['--require', './bench/max-rss.cjs', 'bin/summit-score.js', ...args], {
    encoding: 'utf8',
    env,
    maxBuffer: 1 << 28,
  });
  return { status: child.status, stderr: child.stderr, rss: Number(readFileSync(report, 'utf8').trim()) * 1024 };
}

const bound = (file: string) => 10 * statSync(file).size + 100 * MIB;

/** Runs the command on the file and checks it read it (no refusal, no crash) within the bound. */
function withinBound(args: readonly string[], file: string): string {
  const { status, stderr, rss } = peak(args);
  expect(stderr).not.toMatch(/internal error|heap out of memory|TOO_MANY_VALUES|^error /m);
  expect([0, 1]).toContain(status);
  expect(rss, `${args.join(' ')}: peak ${(rss / MIB).toFixed(1)} MiB`).toBeLessThanOrEqual(bound(file));
  return stderr;
}

const shapes = Object.entries(YAML_SHAPES).map(([name, make]) => {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
  const { units, text } = fitted(make, MAX_YAML_VALUES);
  writeFileSync(file, text);
  return { name, make, units, file };
});

describe('a YAML record at the value bound', () => {
  it(
    'is as large as the bound lets through: one unit more of its shape is TOO_MANY_VALUES',
    () => {
      // (That the file itself is read, the runs below check.)
      for (const { name, make, units, file } of shapes) {
        expect(countedValues(readFileSync(file, 'utf8')), name).toBeGreaterThan(MAX_YAML_VALUES * 0.98);
        const over = parseYamlDocument(file, make(units + 1));
        expect(Array.isArray(over) ? over.map((d) => d.code) : over, name).toEqual(['TOO_MANY_VALUES']);
      }
    },
    TIMEOUT,
  );

  it.each(shapes.map(({ name, file }) => [name, file]))(
    'validate reads %s within 10 x the input + 100 MiB',
    (_name, file) => {
      withinBound(['validate', file], file);
    },
    TIMEOUT,
  );

  // The shapes that need the most memory a byte, through each command that reads a record.
  const worst = shapes.filter(({ name }) => ['flow list of digits', 'lists nested 120 deep', 'one list and 99 aliases of it'].includes(name));
  it.each(worst.map(({ name, file }) => [name, file]))(
    'evaluate and timeline read %s within the bound, evaluate warning about it from the one parse',
    (_name, file) => {
      // The record states no `level`, which the matrix reads on a meeting: a warning at its `fields:`.
      const warned = withinBound(['evaluate', '-m', 'lewis-2015', file], file);
      expect(warned).toContain(`warning FIELD_NOT_STATED ${file}:11:5 \`level\` is not stated`);
      withinBound(['timeline', '-m', 'lewis-2015', file], file);
    },
    TIMEOUT,
  );

  it(
    'test reads a golden case of inline events at the bound within it',
    () => {
      copyFileSync('matrices/lewis-2015.yaml', join(dir, 'm.yaml'));
      const cases = (n: number) =>
        `tests:\n  - name: big\n    date: 2015-09-25\n    parties: [US, CN]\n    events:\n${Array.from(
          { length: n },
          (_, i) => `      - {id: e${i}, date: 2015-09-25, type: endorsement, fields: {subject: s, xs: [1,2,3,4,5,6,7,8]}}\n`,
        ).join('')}    expect:\n      levels:\n        code-of-conduct: no-concession\n`;
      let n = 1;
      while (countedValues(cases(2 * n)) <= MAX_YAML_VALUES) n *= 2;
      const tests = join(dir, 'm.tests.yaml');
      writeFileSync(tests, cases(n));
      expect(countedValues(readFileSync(tests, 'utf8'))).toBeGreaterThan(MAX_YAML_VALUES / 2);
      withinBound(['test', join(dir, 'm.yaml')], tests);
    },
    TIMEOUT,
  );

  it(
    'sixteen strings of a million characters are read within the bound',
    () => {
      const file = join(dir, 'long-strings.yaml');
      writeFileSync(file, longStrings(16));
      withinBound(['validate', file], file);
    },
    TIMEOUT,
  );
});

// JSON and NDJSON are read by JSON.parse, without the YAML reader's value bound, so the bound on
// memory must hold at sizes the YAML reader refuses. Before the JSON path, a 15 MB record of
// 100,000 events needed 1.6 GB.
describe('a large JSON or NDJSON record', () => {
  const record = makeRecord(seeded(15), 0, 40_000);
  const json = join(dir, 'large.json');
  const ndjson = join(dir, 'large.ndjson');
  writeFileSync(json, JSON.stringify(record, null, 2));
  writeFileSync(ndjson, `${JSON.stringify(record)}\n`);

  it(
    'validate and evaluate -f json read an indented JSON file of 40,000 events within 10 x the input + 100 MiB',
    () => {
      expect(statSync(json).size).toBeGreaterThan(16 * MIB);
      withinBound(['validate', json], json);
      const matrix = join(dir, 'bench-matrix.yaml');
      writeFileSync(matrix, MATRIX_YAML);
      withinBound(['evaluate', '-m', matrix, json, '-f', 'json', '-o', join(dir, 'out.json')], json);
    },
    TIMEOUT,
  );

  it(
    'validate reads the same record as one NDJSON line within the bound',
    () => {
      expect(statSync(ndjson).size).toBeGreaterThan(12 * MIB);
      withinBound(['validate', ndjson], ndjson);
    },
    TIMEOUT,
  );
});

// One very large NDJSON line, scored: its result's line (40 MB for the compliance record) is written
// in pieces, criterion by criterion, never made whole. Before, the compliance record's 11.2 MB
// line peaked at 438 MiB with -f ndjson and 241 MiB with -f json, and the 40,000 events' 13.5 MB
// line at 253 MiB with -f ndjson (224 with -f json), where the bounds are 212 and 235 MiB.
describe('one very large NDJSON line, scored', () => {
  const matrix = join(dir, 'bench-matrix-lines.yaml');
  writeFileSync(matrix, MATRIX_YAML);
  const lines = [
    { name: 'a compliance record of 2,000 commitments x 21 members', record: makeComplianceRecord(seeded(3), 2000, 21), matrix: 'g20-compliance' },
    { name: 'a record of 40,000 events', record: makeRecord(seeded(15), 0, 40_000), matrix },
  ].map(({ name, record, matrix }, i) => {
    const file = join(dir, `line-${i}.ndjson`);
    writeFileSync(file, `${JSON.stringify(record)}\n`);
    return { name, file, matrix };
  });

  it.each(lines.flatMap(({ name, file, matrix }) => ['ndjson', 'json'].map((format) => [name, format, file, matrix] as const)))(
    '%s as one line is scored with -f %s within 10 x the input + 100 MiB',
    (_name, format, file, matrix) => {
      expect(statSync(file).size).toBeGreaterThan(11 * MIB);
      const out = join(dir, `out.${format}`);
      withinBound(['evaluate', '-m', matrix, file, '-f', format, '-o', out], file);
      // The output was written, whole: its first line is a result (or the document) of this record.
      const written = readFileSync(out, 'utf8');
      expect(written.endsWith('\n')).toBe(true);
      const first =
        format === 'ndjson'
          ? (JSON.parse(written) as { record: { id: string } })
          : (JSON.parse(written) as { results: { record: { id: string } }[] }).results[0]!;
      expect(first.record.id).toBe((JSON.parse(readFileSync(file, 'utf8')) as { id: string }).id);
    },
    TIMEOUT,
  );
});
