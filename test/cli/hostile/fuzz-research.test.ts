// Seeded, bounded fuzzers (fast-check, fixed seeds: every run checks the same cases) for the
// research commands that do arithmetic on what they read:
// - sensitivity: random weights (0, a millionth, a million, subnormals and anything between), level scores
//   and band edges on the bundled matrix: the analysis never throws, every total it reports is
//   0-100 or none, every verdict is a band of the matrix, intervals run low to high, and the same
//   seed gives the same analysis;
// - diff: an evaluation with its numbers replaced by any double (±1.7e308, subnormals, -0) or by
//   other JSON: diff exits 0 or 2, never prints Infinity or NaN, never an internal error;
// - the grid: random G20-style compliance records: every member's and commitment's average lies
//   within the scores of its cells, and every cell is counted once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the bench's generator is plain JavaScript, without types.
import { makeComplianceRecord, seeded } from '../../../bench/generate.mjs';
import { buildGrid, compileMatrix, evaluateRecord, type CaseRecord, type Matrix } from '../../../src/engine/index.js';
import { analyseSensitivity } from '../../../src/engine/sensitivity.js';
import { resolveInput } from '../../../src/load/bundled.js';
import { loadMatrix } from '../../../src/load/load-matrix.js';
import { loadRecord } from '../../../src/load/load-record.js';
import { readInputFile } from '../../../src/load/read-input.js';
import { run } from '../../helpers/fake-io.js';
import { PACKAGE_FILES } from '../../../src/load/read-input.js';

const SEED = 20_150_925;
const TIMEOUT = 120_000;
const noStdin = PACKAGE_FILES;
const matrixOf = (id: string): Matrix => loadMatrix(readInputFile(resolveInput('matrix', id), noStdin)).matrix;
const recordOf = (id: string): CaseRecord => loadRecord(readInputFile(resolveInput('record', id), noStdin)).record;
const dir = mkdtempSync(join(tmpdir(), 'summit-hostile-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sensitivity, fuzzed', () => {
  const base = matrixOf('lewis-2015');
  const records = ['us-china-2015-09', 'us-china-2013-06', 'us-china-2017-04', 'uk-china-2015-10'].map(recordOf);
  // The bounds a matrix may hold (0, a millionth, a million), anything between, and subnormals.
  const weight = fc.oneof(
    fc.constantFrom(0, 0.000001, 1_000_000, 5e-324, 1e-310, 2.2250738585072014e-308),
    fc.double({ min: 0.000001, max: 1_000_000, noNaN: true }),
  );
  // Now and then every weight above 0 made one subnormal: the matrix that crashed the engine
  // (5e-324: its totals underflow to no number, and verdicts[-1] was read) before the loader refused it.
  const subnormal = fc.option(fc.constantFrom(5e-324, 1e-320, 2.2250738585072014e-308), { freq: 3 });
  const edges = fc
    .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 4 })
    .map((cents) => [...cents.sort((a, b) => b - a).map((c) => c / 100), 0]);

  it(
    "never throws, reports totals 0-100 and the matrix's bands, intervals low to high, the same twice",
    () => {
      fc.assert(
        fc.property(
          fc.array(weight, { minLength: base.criteria.length, maxLength: base.criteria.length }),
          edges,
          fc.integer({ min: 0, max: 2 ** 31 }),
          subnormal,
          (weights, mins, seed, tiny) => {
            const criteria = base.criteria.map((c, i) => ({ ...c, weight: tiny !== null && weights[i]! > 0 ? tiny : weights[i]! }));
            fc.pre(criteria.some((c) => c.weight > 0));
            const matrix: Matrix = { ...base, criteria, verdicts: mins.map((min, i) => ({ label: `band-${i}`, min })) };
            const compiled = compileMatrix(matrix);
            const results = records.map((record) => evaluateRecord(compiled, record));
            const options = { weightStep: 0.1, samples: 25, seed };
            const analysis = analyseSensitivity(matrix, results, options);
            const labels = new Set(matrix.verdicts.map((band) => band.label));
            const total = (score: number | null) => score === null || (score >= 0 && score <= 100);
            for (const item of analysis.cases) {
              expect(total(item.score)).toBe(true);
              if (item.verdict !== null) expect(labels).toContain(item.verdict);
              for (const move of item.weights)
                for (const outcome of [move.down, move.up]) if (outcome) expect(total(outcome.score), JSON.stringify(outcome)).toBe(true);
              for (const interval of item.intervals) if (interval.to !== null) expect(interval.from).toBeLessThanOrEqual(interval.to);
              for (const move of [item.nextUp, item.nextDown]) if (move.outcome) expect(total(move.outcome.score)).toBe(true);
              if (item.sampling) {
                expect(item.sampling.score.min).toBeGreaterThanOrEqual(0);
                expect(item.sampling.score.max).toBeLessThanOrEqual(100);
              }
            }
            expect(JSON.stringify(analyseSensitivity(matrix, results, options))).toBe(JSON.stringify(analysis));
          },
        ),
        { seed: SEED, numRuns: 60 },
      );
    },
    TIMEOUT,
  );
});

describe('diff, fuzzed', () => {
  const NUMBER_KEYS = ['score', 'weight', 'contribution', 'points'];
  const hostileNumber = fc.oneof(
    fc.constantFrom(1.7e308, -1.7e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, -0, 1e300, 100.000001, -1e-9),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
  const otherJson = fc.oneof(fc.constant(null), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant([]), fc.constant({}));
  const replacement = fc.oneof({ weight: 4, arbitrary: hostileNumber }, { weight: 1, arbitrary: otherJson });

  it(
    'exits 0 or 2 on evaluations with any numbers, never printing Infinity or NaN or an internal error',
    async () => {
      const { stdout: evaluation } = await run(['evaluate', 'us-china-2015-09', 'us-china-2017-04', '-m', 'lewis-2015-v1', '-f', 'json']);
      const a = join(dir, 'a.json');
      writeFileSync(a, evaluation);
      // Where the numbers diff reads stand: each `"key": number` in the document.
      const places = [...evaluation.matchAll(/"(\w+)": (-?[\d.e+-]+)(?=[,\n])/g)]
        .filter((m) => NUMBER_KEYS.includes(m[1]!))
        .map((m) => ({ at: m.index + m[1]!.length + 4, length: m[2]!.length }));
      expect(places.length).toBeGreaterThan(10);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(places.length - 1), replacement), { minLength: 1, maxLength: 3 }),
          fc.constantFrom('table', 'json', 'csv', 'markdown'),
          async (changes, format) => {
            let text = evaluation;
            const chosen = new Map(changes.map(([i, value]) => [i, value]));
            for (const i of [...chosen.keys()].sort((x, y) => y - x)) {
              const { at, length } = places[i]!;
              text = `${text.slice(0, at)}${JSON.stringify(chosen.get(i))}${text.slice(at + length)}`;
            }
            const b = join(dir, `b-${runs++}.json`);
            writeFileSync(b, text);
            const { exitCode, stdout, stderr } = await run(['diff', a, b, '-f', format]);
            expect([0, 2]).toContain(exitCode);
            expect(stdout + stderr).not.toMatch(/Infinity|NaN|internal error|\n\s+at /);
            if (exitCode === 2) for (const line of stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^error [A-Z_]+ \S+:\d+:\d+ /);
          },
        ),
        { seed: SEED, numRuns: 120 },
      );
    },
    TIMEOUT,
  );
});

describe('the grid, fuzzed', () => {
  const matrix = matrixOf('g20-compliance');
  const compiled = compileMatrix(matrix);

  it(
    "keeps every average within its cells' scores and counts every cell once",
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 2 ** 31 }), (commitments, members, seed) => {
          const raw = makeComplianceRecord(seeded(seed), commitments, members) as Record<string, unknown>;
          const path = join(dir, `grid-${seed}.json`);
          writeFileSync(path, JSON.stringify(raw));
          const record = loadRecord(readInputFile(path, noStdin)).record;
          const result = evaluateRecord(compiled, record);
          const grid = buildGrid(matrix, result.criteria, record)!;
          expect(grid.byParty.map((p) => p.party)).toEqual(grid.parties);
          expect(grid.cells).toHaveLength(grid.criteria.length);
          const within = (scores: (number | null)[], average: number | null) => {
            const known = scores.filter((s): s is number => s !== null);
            if (average === null || known.length === 0) return;
            expect(average).toBeGreaterThanOrEqual(Math.min(...known) - 1e-9);
            expect(average).toBeLessThanOrEqual(Math.max(...known) + 1e-9);
          };
          grid.byParty.forEach((p, m) =>
            within(
              grid.cells.map((row) => row[m]!.score),
              p.average,
            ),
          );
          grid.byCriterion.forEach((c, i) =>
            within(
              grid.cells[i]!.map((cell) => cell.score),
              c.average,
            ),
          );
          const scored = grid.cells.flat().filter((cell) => cell.score !== null).length;
          expect(grid.byParty.reduce((sum, p) => sum + p.cells, 0)).toBe(scored);
          expect(grid.byCriterion.reduce((sum, c) => sum + c.cells, 0)).toBe(scored);
        }),
        { seed: SEED, numRuns: 40 },
      );
    },
    TIMEOUT,
  );
});
