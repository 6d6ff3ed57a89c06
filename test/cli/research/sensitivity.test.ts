import { describe, expect, it } from 'vitest';
import { buildScoreModel, rescore, type CaseModel, type ScoreModel } from '../../../src/engine/rescore.js';
import { analyseSensitivity } from '../../../src/engine/sensitivity.js';
import type { Matrix } from '../../../src/engine/index.js';
import { run } from '../../helpers/fake-io.js';
import { bundledMatrix, RECORDS, scoreBundled } from '../../research/helpers.js';

const SIX = ['us-china-2015-09', 'us-china-2013-06', 'us-china-2017-04', 'uk-china-2015-10', 'us-russia-2021-06', 'us-china-2023-11'];
const options = { weightStep: 0.1, samples: 1000, seed: 1 };

function analyse(matrixId: string, records: readonly string[], asOf?: string, opts = options) {
  const { matrix } = bundledMatrix(matrixId);
  const results = scoreBundled(matrixId, records, asOf);
  return { matrix, results, analysis: analyseSensitivity(matrix, results, opts) };
}

const byRecord = (analysis: ReturnType<typeof analyse>['analysis'], id: string) => analysis.cases.find((c) => c.record === id)!;

// The figures below are pinned on lewis-2015 version 1.0, kept unchanged as lewis-2015-v1, so that
// the method's tests do not move when Lewis's matrix is revised.
describe('one at a time (plus-minus)', () => {
  const { analysis } = analyse('lewis-2015-v1', ['us-china-2015-09'], '2015-09-25');
  const item = analysis.cases[0]!;

  it('moves each weight a tenth of the weight sum down and up', () => {
    expect(analysis.weightStep).toEqual({ share: 0.1, absolute: 0.8 });
    const negotiation = item.weights.find((w) => w.criterion === 'negotiation')!;
    expect(negotiation.down).toMatchObject({ weight: 3.2, verdict: 'promise' });
    expect(negotiation.down!.score).toBeCloseTo(77.777778, 5);
    expect(negotiation.up.score).toBeCloseTo(72.727273, 5);
    // Weight-0 criteria whose levels all score the same cannot carry a weight: left out.
    expect(item.weights.map((w) => w.criterion)).toEqual(['negotiation', 'espionage-ip', 'code-of-conduct']);
  });

  it('moves each criterion one level down and up, gates included', () => {
    const negotiation = item.levels.find((l) => l.result === 'negotiation')!;
    expect(negotiation).toMatchObject({
      level: 'defined',
      down: { level: 'absent', score: 50, verdict: 'gesture' },
      up: { level: 'initiated', score: 100, verdict: 'progress' },
    });
    const code = item.levels.find((l) => l.result === 'code-of-conduct')!;
    expect(code).toMatchObject({ level: 'no-concession', up: null, down: { level: 'concession', score: 50, verdict: 'promise' } });
  });
});

describe('what would it take', () => {
  it('names the one change that moves the summit-day case up a band, in the matrix words', () => {
    const { analysis } = analyse('lewis-2015-v1', ['us-china-2015-09'], '2015-09-25');
    expect(analysis.cases[0]!.nextUp).toEqual({
      direction: 'up',
      target: 'progress',
      changes: [{ result: 'negotiation', criterion: 'negotiation', party: null, from: 'defined', to: 'initiated', steps: 1 }],
      outcome: { score: 100, verdict: 'progress' },
    });
  });

  it('finds that UK-China 2015 needs two changes to fall a band, each one level', () => {
    const { analysis } = analyse('lewis-2015-v1', SIX);
    const move = byRecord(analysis, 'uk-china-2015-10').nextDown;
    expect(move.target).toBe('concession');
    expect(move.changes!.map((c) => `${c.result}:${c.from}->${c.to}`)).toEqual(['espionage-ip:committed->raised', 'code-of-conduct:no-concession->concession']);
    expect(move.outcome).toEqual({ score: 12.5, verdict: 'concession' });
  });

  it('says so at the best and at the worst band', () => {
    const { analysis } = analyse('lewis-2015-v1', ['us-china-2015-09']);
    expect(analysis.cases[0]!.nextUp).toEqual({ direction: 'up', target: null, changes: null, outcome: null });
  });

  // Exhaustive search over every combination of levels: ours must use as few changes, and reach the band.
  it.each(['lewis-2015', 'summit-deliverables', 'critics-2015'])('uses as few changes as an exhaustive search (%s)', (matrixId) => {
    const { matrix, results, analysis } = analyse(matrixId, RECORDS, undefined, { ...options, samples: 0 });
    const model = buildScoreModel(matrix, results);
    analysis.cases.forEach((item, i) => {
      for (const move of [item.nextUp, item.nextDown]) {
        if (move.target === null) continue;
        const best = fewestChanges(model, model.cases[i]!, matrix, move.direction, move.target);
        if (best === undefined) expect(move.changes).toBeNull();
        else {
          expect(move.changes!.length).toBe(best);
          const reached = matrix.verdicts.findIndex((b) => b.label === move.outcome!.verdict);
          const target = matrix.verdicts.findIndex((b) => b.label === move.target);
          expect(move.direction === 'up' ? reached <= target : reached >= target).toBe(true);
        }
      }
    });
  });
});

function fewestChanges(model: ScoreModel, caseModel: CaseModel, matrix: Matrix, direction: 'up' | 'down', target: string): number | undefined {
  const t = matrix.verdicts.findIndex((b) => b.label === target);
  const sizes = caseModel.cells.map((cell) => model.criteria.get(cell.criterion)!.levels.length);
  let best: number | undefined;
  const levels = caseModel.cells.map((cell) => cell.level);
  const visit = (k: number, changed: number) => {
    if (best !== undefined && changed >= best) return;
    if (k === levels.length) {
      const changes = new Map(levels.map((level, i) => [i, level] as [number, number]).filter(([i, level]) => level !== caseModel.cells[i]!.level));
      const verdict = rescore(model, caseModel, model.weights, changes).verdict;
      if (direction === 'up' ? verdict <= t : verdict >= t) best = changed;
      return;
    }
    for (let level = 0; level < sizes[k]!; level++) {
      levels[k] = level;
      visit(k + 1, changed + (level === caseModel.cells[k]!.level ? 0 : 1));
    }
    levels[k] = caseModel.cells[k]!.level;
  };
  visit(0, 0);
  return best;
}

describe('weight intervals', () => {
  const { matrix, results, analysis } = analyse('lewis-2015-v1', SIX);

  it('gives the exact weights at which a verdict changes', () => {
    expect(
      byRecord(analysis, 'us-china-2017-04').intervals.map(({ criterion, from, to, below, above }) => ({
        criterion,
        from: round(from),
        to: to && round(to),
        below,
        above,
      })),
    ).toEqual([
      // A total reaches the band at 70 from 69.995 (it prints 70.00: src/engine/band-edge.ts).
      // (w + 2) / (w + 4) >= 0.69995  <=>  w >= 0.7998 / 0.30005 = 2.66555...
      { criterion: 'negotiation', from: 2.6656, to: null, below: 'promise', above: null },
      // 6 / (6 + w) >= 0.69995  <=>  w <= 6 / 0.69995 - 6 = 2.57204...
      { criterion: 'espionage-ip', from: 0, to: 2.572, below: null, above: 'promise' },
      // Likewise moved from 2/3 (at 0.7), the rescoring test below checks both sides of it.
      { criterion: 'code-of-conduct', from: 0.6656, to: null, below: 'promise', above: null },
    ]);
  });

  it('holds inside every interval and breaks just outside it (checked by rescoring)', () => {
    const model = buildScoreModel(matrix, results);
    analysis.cases.forEach((item, i) => {
      for (const interval of item.intervals) {
        const verdictAt = (w: number) => {
          const weights = new Map(model.weights).set(interval.criterion, w);
          return matrix.verdicts[rescore(model, model.cases[i]!, weights).verdict]?.label;
        };
        const top = interval.to ?? interval.from + 50;
        for (let k = 1; k < 20; k++) expect(verdictAt(interval.from + ((top - interval.from) * k) / 20)).toBe(item.verdict);
        if (interval.from > 0) expect(verdictAt(interval.from - 1e-6)).toBe(interval.below);
        if (interval.to !== null) expect(verdictAt(interval.to + 1e-6)).toBe(interval.above);
      }
    });
  });

  it('gives the weights within which no case overtakes another, and the pair that reverses first', () => {
    const intervals = analysis.ranking!.intervals.map(({ criterion, from, to, below, above }) => ({
      criterion,
      from: round(from),
      to: to && round(to),
      below,
      above,
    }));
    expect(intervals).toEqual([
      // 2017-04 (w + 2)/(w + 4) against UK-China 4/(w + 4): equal at w = 2
      { criterion: 'negotiation', from: 2, to: null, below: ['us-china-2017-04', 'uk-china-2015-10'], above: null },
      { criterion: 'espionage-ip', from: 0, to: 4, below: null, above: ['us-china-2017-04', 'uk-china-2015-10'] },
      { criterion: 'code-of-conduct', from: 0, to: null, below: null, above: null },
    ]);
  });
});

const round = (x: number) => Math.round(x * 10_000) / 10_000;

describe('Monte Carlo over the weights', () => {
  it('pins how often each verdict and the ranking hold, seed 1, 1000 samples', () => {
    const { analysis } = analyse('lewis-2015-v1', SIX);
    expect(analysis.sampling).toMatchObject({ samples: 1000, seed: 1, generator: 'mulberry32' });
    // us-china-2023-11 leaves its channels' level unrecorded: its total is 25-50, and it is not sampled.
    expect(Object.fromEntries(analysis.cases.map((c) => [c.record, c.sampling?.held ?? null]))).toEqual({
      'us-china-2015-09': 1,
      'us-china-2013-06': 0.988,
      'us-china-2017-04': 0.726,
      'uk-china-2015-10': 1,
      'us-russia-2021-06': 0.689,
      'us-china-2023-11': null,
    });
    expect(byRecord(analysis, 'us-china-2017-04').sampling!.verdicts).toEqual([
      { verdict: 'progress', count: 726 },
      { verdict: 'promise', count: 274 },
    ]);
    expect(analysis.ranking!.sampling!.held).toBe(0.901);
    // Five ranked cases (2023-11 has no one total): one pair of ten reversed is tau (9 - 1) / 10.
    expect(round(analysis.ranking!.sampling!.tau!.min)).toBe(0.8);
    expect(analysis.ranking!.sampling!.tau!.median).toBe(1);
  });

  it('gives other numbers for another seed, the same for the same one', () => {
    const first = analyse('lewis-2015-v1', SIX, undefined, { ...options, seed: 7 }).analysis;
    const again = analyse('lewis-2015-v1', SIX, undefined, { ...options, seed: 7 }).analysis;
    expect(again).toEqual(first);
    expect(byRecord(first, 'us-china-2017-04').sampling!.held).not.toBe(0.726);
  });

  it('ranks under weights that only ever halve or double', () => {
    const { analysis } = analyse('lewis-2015-v1', SIX);
    for (const item of analysis.cases.filter((c) => c.sampling !== null)) {
      const s = item.sampling!.score;
      expect(s.min).toBeLessThanOrEqual(s.p5);
      expect(s.p5).toBeLessThanOrEqual(s.median);
      expect(s.median).toBeLessThanOrEqual(s.p95);
      expect(s.p95).toBeLessThanOrEqual(s.max);
    }
    // 2017-04 is (a + c) / (a + b + c) with a = 4x, b = 2y, c = 2z and x, y, z in [1/2, 2].
    const { min, max } = byRecord(analysis, 'us-china-2017-04').sampling!.score;
    expect(min).toBeGreaterThan((100 * (2 + 1)) / (2 + 4 + 1));
    expect(max).toBeLessThan((100 * (8 + 4)) / (8 + 1 + 4));
  });

  it('reports progress while sampling, and only through the callback', () => {
    const calls: number[] = [];
    const { matrix } = bundledMatrix('lewis-2015-v1');
    analyseSensitivity(matrix, scoreBundled('lewis-2015-v1', SIX), { ...options, samples: 500, onProgress: (done) => calls.push(done) });
    expect(calls[calls.length - 1]).toBe(500);
    expect(calls.length).toBeGreaterThan(10);
    expect([...calls].sort((a, b) => a - b)).toEqual(calls);
  });
});

describe('summit-score sensitivity', () => {
  it('prints byte-identical output for a fixed seed, in every format', async () => {
    for (const format of ['table', 'json', 'markdown', 'csv', 'long', 'ndjson']) {
      const argv = ['sensitivity', ...SIX, '-m', 'lewis-2015', '--seed', '42', '--samples', '300', '-f', format];
      const first = await run(argv);
      expect(first.exitCode).toBe(0);
      expect((await run(argv)).stdout).toBe(first.stdout);
    }
  });

  it('names its schema, its method and the seed in the JSON', async () => {
    const { stdout } = await run([
      'sensitivity',
      'us-china-2015-09',
      'us-china-2017-04',
      '-m',
      'lewis-2015-v1',
      '-f',
      'json',
      '--seed',
      '9',
      '--samples',
      '50',
    ]);
    const document = JSON.parse(stdout);
    expect(document.schema).toBe('summit-score/sensitivity@1');
    expect(document.method.sampling).toMatchObject({ samples: 50, seed: 9, generator: 'mulberry32' });
    expect(document.method.weightStep).toEqual({ share: 0.1, absolute: 0.8 });
    expect(document.cases[1].nextDown.changes[0]).toMatchObject({
      criterion: 'negotiation',
      to: 'defined',
      meaning: 'Such a mechanism was agreed, but has not met yet.',
    });
  });

  it('shows progress on stderr only when stderr is a terminal', async () => {
    const tty = await run(['sensitivity', ...SIX, '-m', 'lewis-2015', '--samples', '2000', '-f', 'json'], { stderrIsTTY: true });
    expect(tty.stderr).toMatch(/\rsampling weights \d+\/2000/);
    expect(tty.stderr.endsWith('\r\u001b[K')).toBe(true);
    const piped = await run(['sensitivity', ...SIX, '-m', 'lewis-2015', '--samples', '2000', '-f', 'json']);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe(tty.stdout);
  });

  it('refuses a bad seed, sample count or step (exit 2)', async () => {
    for (const bad of [
      ['--seed', '-1'],
      ['--seed', '1.5'],
      ['--samples', '2000000'],
      ['--weight-step', '0'],
    ]) {
      const { exitCode, stderr } = await run(['sensitivity', 'us-china-2015-09', '-m', 'lewis-2015', ...bad]);
      expect(exitCode).toBe(2);
      expect(stderr).toMatch(/error USAGE/);
    }
  });

  it('skips the sampling with --samples 0', async () => {
    const { stdout } = await run(['sensitivity', 'us-china-2015-09', '-m', 'lewis-2015', '--samples', '0', '-f', 'json']);
    const document = JSON.parse(stdout);
    expect(document.method.sampling).toBeNull();
    expect(document.cases[0].sampling).toBeNull();
  });
});
