// The regression guard (issue 16): the engine against the hand-written baseline
// (bench/handwritten.mjs) on a small generated set, in one process, interleaved, warm. A ratio of
// CPU times, never a time, taken on each side's fastest of 31 rounds. It fails when the engine
// falls below 0.35x hand-written with explanations off: the engine read 0.57x inside a whole
// `npm test` and 0.59-0.67x beside three other busy processes on two cores, so a 3x regression
// (d04b292's object spreads, put back into today's engine, read 0.14-0.19x) fails it and a busy
// machine does not.
// The figures are printed.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench is plain JavaScript without types
import { makeRecord, MATRIX_YAML, seeded } from '../../../bench/generate.mjs';
// @ts-expect-error: the bench is plain JavaScript without types
import { engineSignature, handSignature, scoreByHand } from '../../../bench/handwritten.mjs';
import { compileMatrix, evaluateRecord, type CaseRecord } from '../../../src/engine/index.js';
import { loadMatrix } from '../../../src/load/load-matrix.js';
import { ndjsonLine } from '../../../src/load/ndjson.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../../src/input-limit.js';

const FLOOR = 0.35;
const RECORDS = 60;
const EVENTS = 100;
const ROUNDS = 31;
// Enough for V8 to finish optimising the compiled conditions (about 2,000 records), also when a
// parallel `npm test` starves its compiler thread: 3 rounds left the engine half warm.
const WARM_ROUNDS = 40;

/** CPU time (user + system, ms) the process spends in `run`: unlike wall time, none of it is time
 * the scheduler gave to other processes, which a parallel `npm test` keeps busy. */
function timed(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('the engine against hand-written JavaScript', () => {
  it(`stays above ${FLOOR}x the hand-written baseline with explanations off`, () => {
    const matrix = loadMatrix({ file: 'bench-matrix.yaml', text: MATRIX_YAML as string, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES }).matrix;
    const compiled = compileMatrix(matrix);
    const random = seeded(7);
    const records: CaseRecord[] = Array.from(
      { length: RECORDS },
      (_, i) => ndjsonLine('guard.ndjson', i + 1, Buffer.from(JSON.stringify(makeRecord(random, i, EVENTS))), DEFAULT_MAX_INPUT_BYTES)!.record!.record,
    );
    // The two must compute the same thing, or the ratio means nothing.
    for (const record of records) expect(handSignature(scoreByHand(record))).toBe(engineSignature(evaluateRecord(compiled, record, { explain: false })));
    const engine = () => {
      for (const record of records) evaluateRecord(compiled, record, { explain: false });
    };
    const hand = () => {
      for (const record of records) scoreByHand(record);
    };
    for (let i = 0; i < WARM_ROUNDS; i++) {
      engine();
      hand();
    }
    const ratios: number[] = [];
    const engineTimes: number[] = [];
    const handTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const e = timed(engine);
      const h = timed(hand);
      engineTimes.push(e);
      handTimes.push(h);
      ratios.push(h / e);
    }
    // Judged on each side's fastest round: a busy machine only ever adds time (caches shared and
    // evicted, a starved compiler thread), so the fastest rounds are the ones it left most alone,
    // and their ratio is nearest what the code costs (the bench prints medians).
    const ratio = Math.min(...handTimes) / Math.min(...engineTimes);
    console.log(
      `guard: engine / hand-written throughput, explain off: ${ratio.toFixed(2)}x on the fastest rounds (per-round median ` +
        `${median(ratios).toFixed(2)}x, min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}) over ${ROUNDS} interleaved rounds of ${RECORDS} x ${EVENTS} events`,
    );
    expect(ratio).toBeGreaterThan(FLOOR);
  });
});
