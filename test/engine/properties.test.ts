// Property tests of the three-valued scores (issue 10, done-when), seeded so a failure replays:
// - the bench matrix, which declares every field it reads `absent: false`, scores exactly as the
//   hand-written baseline of the old semantics
//   (bench/handwritten.mjs, an independent path): the same levels, totals and verdicts;
// - the true value always lies inside the interval: the record read with absence as false is one
//   way the unknown facts could be, so its score lies in the interval of the same record read with
//   absence unknown, and its verdict among the verdicts;
// - adding a fact never widens an interval: dropping stated fields from events can only widen it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench is plain JavaScript without types
import { makeRecord, MATRIX_YAML, seeded } from '../../bench/generate.mjs';
// @ts-expect-error: the bench is plain JavaScript without types
import { engineSignature, handSignature, scoreByHand } from '../../bench/handwritten.mjs';
import { compileMatrix, evaluateRecord, type CaseRecord, type CaseResult, type SummitEvent } from '../../src/engine/index.js';
import { ndjsonLine } from '../../src/load/ndjson.js';
import { matrixFrom } from '../helpers/build.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';

const legacy = matrixFrom(MATRIX_YAML as string);
const undeclared = { ...legacy, fields: {} };
const compiledLegacy = compileMatrix(legacy);
const compiledUnknown = compileMatrix(undeclared);

function recordOf(seed: number, events: number): CaseRecord {
  return ndjsonLine('p.ndjson', 1, Buffer.from(JSON.stringify(makeRecord(seeded(seed), seed, events))), DEFAULT_MAX_INPUT_BYTES)!.record!.record;
}

/** The record with some stated fields dropped: `drops` picks (event, field) pairs by number. */
function without(record: CaseRecord, drops: readonly number[]): CaseRecord {
  const events = record.events.map((event): SummitEvent => ({ ...event, fields: { ...event.fields } }));
  for (const drop of drops) {
    const event = events[drop % events.length]!;
    const keys = Object.keys(event.fields);
    if (keys.length > 0) delete (event.fields as Record<string, unknown>)[keys[drop % keys.length]!];
  }
  return { ...record, events };
}

const range = (result: CaseResult) => result.scoreRange ?? { low: -Infinity, high: Infinity };
const OPTIONS = { seed: 20151, numRuns: 60 };

describe('three-valued scores: properties', () => {
  it('with every field it reads absent as false: scores as the hand-written baseline of the old semantics', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const record = recordOf(seed, 40);
        const result = evaluateRecord(compiledLegacy, record, { explain: false });
        expect(engineSignature(result)).toBe(handSignature(scoreByHand(record)));
        expect(result.scoreRange).toEqual(result.score === null ? null : { low: result.score, high: result.score });
      }),
      OPTIONS,
    );
  });

  it('the true value lies inside the interval, and its verdict among the verdicts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const record = recordOf(seed, 40);
        const truth = evaluateRecord(compiledLegacy, record, { explain: false });
        const interval = evaluateRecord(compiledUnknown, record, { explain: false });
        if (truth.score === null) return;
        expect(truth.score).toBeGreaterThanOrEqual(range(interval).low - 1e-6);
        expect(truth.score).toBeLessThanOrEqual(range(interval).high + 1e-6);
        expect(interval.verdicts).toContain(truth.verdict);
      }),
      OPTIONS,
    );
  });

  it('adding a fact never widens an interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (seed, drops) => {
        const full = recordOf(seed, 30);
        const fewer = without(full, drops);
        const known = range(evaluateRecord(compiledUnknown, full, { explain: false }));
        const less = range(evaluateRecord(compiledUnknown, fewer, { explain: false }));
        expect(less.low).toBeLessThanOrEqual(known.low + 1e-6);
        expect(less.high).toBeGreaterThanOrEqual(known.high - 1e-6);
      }),
      OPTIONS,
    );
  });
});
