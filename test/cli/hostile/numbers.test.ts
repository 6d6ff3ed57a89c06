// Numbers at their limits. A weight too small to compute with is refused with a code; diff reads
// only the numbers an evaluation can hold, so it never prints Infinity; and at a band edge the
// printed total, the verdict and --fail-below agree, because all three follow one rule
// (src/engine/band-edge.ts): a total is judged by its printed figure, hundredths with halves up.
// The oracle below works in whole millionths and cents (integers), independently of that code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord } from '../../../src/engine/index.js';
import { analyseSensitivity } from '../../../src/engine/sensitivity.js';
import { resolveInput } from '../../../src/load/bundled.js';
import { loadMatrix } from '../../../src/load/load-matrix.js';
import { loadRecord } from '../../../src/load/load-record.js';
import { readInputFile } from '../../../src/load/read-input.js';
import { run } from '../../helpers/fake-io.js';
import { PACKAGE_FILES } from '../../../src/load/read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-hostile-numbers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

const RECORD = file('record.yaml', 'id: edge\ntitle: Edge\ndate: 2015-09-25\nparties: [US, CN]\nevents: []\n');

/** A whole number of millionths as a decimal (69996000 -> "69.996"). */
const decimal = (micro: number) => `${Math.floor(micro / 1e6)}.${String(micro % 1e6).padStart(6, '0')}`.replace(/\.?0+$/, '');

/** Two criteria: one always at its top level (weight t), one never (weight 100 - t): the total is t. */
function matrixScoring(micro: number, bands: readonly (readonly [string, string])[], weight = decimal(micro)) {
  return `id: edge
title: Edge
version: "1.0"
source: {author: Tests}
criteria:
  - id: hit
    title: Hit
    weight: ${weight}
    levels:
      - {label: yes, score: 1, when: {none: {type: absent}}}
      - {label: no, score: 0}
  - id: miss
    title: Miss
    weight: ${decimal(100e6 - micro)}
    levels:
      - {label: yes, score: 1, when: {some: {type: absent}}}
      - {label: no, score: 0}
verdicts:
${bands.map(([label, min]) => `  - {label: ${label}, min: ${min}}`).join('\n')}
`;
}

describe('weights', () => {
  const lewis = readFileSync('matrices/lewis-2015.yaml', 'utf8');
  const withWeight = (weight: string) => lewis.replace(/^( {4}weight: )4$/m, `$1${weight}`);

  it.each(['5e-324', '4.9e-324', '1e-310', '2.2250738585072014e-308', '1e-7', '0.00000099'])(
    'refuses a weight of %s, above 0 and below a millionth, with its place',
    async (weight) => {
      const text = withWeight(weight);
      const path = file(`weight-${weight}.yaml`, text);
      for (const argv of [
        ['validate', path],
        ['sensitivity', 'us-china-2015-09', '-m', path, '--samples', '10'],
        ['evaluate', 'us-china-2015-09', '-m', path],
      ]) {
        const { exitCode, stdout, stderr } = await run(argv);
        // validate reports problems found with exit 1 (docs/ci.md: exit codes of validate and test).
        expect(exitCode, argv[0]).toBe(argv[0] === 'validate' ? 1 : 2);
        expect(stderr + stdout).toContain(
          `error OUT_OF_RANGE ${path}:${lineOf(text, `weight: ${weight}`)}:13 criteria[0].weight is ${Number(weight)}: a weight is 0 or from 0.000001 to 1000000`,
        );
        expect(stderr).not.toMatch(/internal error|\n\s+at /);
      }
    },
  );

  it('accepts a millionth and 0', async () => {
    for (const weight of ['0.000001', '0']) expect((await run(['validate', file(`ok-${weight}.yaml`, withWeight(weight))])).exitCode).toBe(0);
  });

  it('the sensitivity engine does not throw on subnormal weights given to it directly', () => {
    const matrix = loadMatrix(readInputFile('matrices/lewis-2015.yaml', PACKAGE_FILES)).matrix;
    const records = ['us-china-2015-09', 'us-china-2013-06'].map((id) => loadRecord(readInputFile(resolveInput('record', id), PACKAGE_FILES)).record);
    for (const weight of [5e-324, 1e-320, 2.2e-308]) {
      const tiny = { ...matrix, criteria: matrix.criteria.map((c) => ({ ...c, weight: c.weight > 0 ? weight : 0 })) };
      const results = records.map((record) => evaluateRecord(compileMatrix(tiny), record));
      const analysis = analyseSensitivity(tiny, results, { weightStep: 0.1, samples: 20, seed: 1 });
      expect(analysis.cases).toHaveLength(2);
    }
  });
});

describe('diff reads only the numbers an evaluation can hold', () => {
  async function evaluation(): Promise<string> {
    const { stdout } = await run(['evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '-f', 'json']);
    return stdout;
  }

  it.each([
    ['score', '1.7e308'],
    ['score', '-1.7e308'],
    ['score', '100.01'],
    ['score', '-0.5'],
    ['weight', '1.7e308'],
    ['weight', '-1'],
    ['contribution', '-1.7e308'],
    ['contribution', '1e300'],
    ['points', '1.7e308'],
    ['points', '-2'],
  ])('refuses a %s of %s with OUT_OF_RANGE at its place, and never prints Infinity', async (key, value) => {
    const original = await evaluation();
    // The first occurrence of the key: the result's score, or the first criterion's number.
    const at = original.indexOf(`"${key}": `);
    const end = original.slice(at).search(/[,\n]/) + at;
    const tampered = `${original.slice(0, at)}"${key}": ${value}${original.slice(end)}`;
    const a = file('a.json', original);
    const b = file(`b-${key}-${value}.json`, tampered);
    const line = tampered.slice(0, at).split('\n').length;
    for (const format of ['table', 'json', 'csv', 'markdown']) {
      const { exitCode, stdout, stderr } = await run(['diff', a, b, '-f', format]);
      expect(exitCode).toBe(2);
      expect(stdout + stderr).not.toMatch(/Infinity|NaN|internal error/);
      if (format === 'table') {
        expect(stderr.startsWith(`error OUT_OF_RANGE ${b}:${line}:`)).toBe(true);
        expect(stderr).toMatch(
          new RegExp(`:\\d+ results\\.0\\.\\S*${key} is ${String(Number(value)).replace('+', '\\+')}, not a number from -?\\d+ to \\d+ as evaluate gives\\n$`),
        );
        expect(stderr.split('\n')).toHaveLength(2);
      }
    }
  });

  it('still compares two real evaluations, and numbers at the edges of the ranges', async () => {
    const original = await evaluation();
    const a = file('a.json', original);
    const zero = file('zero.json', original.replace(/"score": 75,/, '"score": 0,'));
    const { exitCode, stdout } = await run(['diff', a, zero, '-f', 'json']);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).cases[0].score).toEqual({ a: 75, b: 0, delta: -75 });
  });
});

describe('at a band edge the printed total, the verdict and --fail-below agree', () => {
  const LEWIS_BANDS = [
    ['promise', '70'],
    ['gesture', '45'],
    ['concession', '20'],
    ['broken', '0'],
  ] as const;
  const ODD_BANDS = [
    ['top', '99.99'],
    ['mid', '50.05'],
    ['low', '0.01'],
    ['none', '0'],
  ] as const;
  const OFFSETS = [-10_000, -5_001, -5_000, -4_999, -4_000, -1, 0, 1, 4_000, 4_999, 5_000, 5_001];
  const cents = (text: string) => Math.round(Number(text) * 100);

  // Every edge of both band sets, approached from both sides, plus seeded totals anywhere.
  const totals: { micro: number; bands: readonly (readonly [string, string])[] }[] = [];
  for (const bands of [LEWIS_BANDS, ODD_BANDS]) {
    for (const [, min] of bands) for (const offset of OFFSETS) totals.push({ micro: Math.round(Number(min) * 1e6) + offset, bands });
  }
  let seed = 20_151_025;
  for (let i = 0; i < 24; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    totals.push({ micro: 1 + (seed % 99_999_998), bands: i % 2 ? LEWIS_BANDS : ODD_BANDS });
  }
  const cases = totals.filter(({ micro }) => micro >= 1 && micro <= 99_999_999);

  it.each(cases)('a total of $micro millionths', async ({ micro, bands }) => {
    const matrix = file(`edge-${micro}-${bands[0]![0]}.yaml`, matrixScoring(micro, bands));
    // The oracle: cents with halves up, from the exact millionths; the best band whose edge they reach.
    const printed = Math.floor((micro + 5_000) / 10_000);
    const text = `${Math.floor(printed / 100)}.${String(printed % 100).padStart(2, '0')}`;
    const verdict = bands.find(([, min]) => printed >= cents(min))![0];

    const table = await run(['evaluate', RECORD, '-m', matrix]);
    expect(table.stdout).toContain(`Total ${text} / 100  Verdict: ${verdict}\n`);
    const json = JSON.parse((await run(['evaluate', RECORD, '-m', matrix, '-f', 'json'])).stdout);
    expect([json.results[0].score, json.results[0].verdict]).toEqual([Number(text), verdict]);
    expect((await run(['evaluate', RECORD, '-m', matrix, '-f', 'markdown'])).stdout).toContain(`**Total ${text} / 100, verdict: ${verdict}**`);
    const [head, row] = (await run(['evaluate', RECORD, '-m', matrix, '-f', 'csv'])).stdout.split('\n').map((line) => line.split(','));
    expect([row![head!.indexOf('score')], row![head!.indexOf('verdict')]]).toEqual([String(Number(text)), verdict]);
    expect((await run(['sensitivity', RECORD, '-m', matrix, '--samples', '0'])).stdout).toContain(`Total ${text}, verdict ${verdict},`);
    for (const [, min] of bands) {
      const gate = await run(['evaluate', RECORD, '-m', matrix, '--fail-below', min]);
      expect(gate.exitCode, `--fail-below ${min}`).toBe(printed >= cents(min) ? 0 : 1);
      if (gate.exitCode === 1) expect(gate.stderr).toBe(`below --fail-below ${min}: edge scored ${text}\n`);
    }
  });
});
