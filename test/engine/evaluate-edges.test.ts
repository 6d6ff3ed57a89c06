// Edges of evaluateRecord under unknown facts: the bounds of each contribution and the unknown
// share, per-party cells that are undetermined or do not apply, gates decided at both ends,
// unverified events and forEach subjects. Every expectation is worked out by hand from the
// matrices below (the arithmetic is in the comments), and the intervals are also checked by
// brute force: each unknown fact settled every way, the true value must lie inside the interval
// and the interval's ends must be reached.
import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord, isUnverified, type CaseResult } from '../../src/engine/evaluate.js';
import type { CaseRecord, SummitEvent } from '../../src/engine/types.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';

const HEAD = `
id: m
title: M
version: "1"
source: {author: test}
fields:
  level: {type: string, values: {a: A, b: B}}
  flag: {type: string, values: {on: On, off: Off}}
verdicts:
  - {label: strong, min: 70}
  - {label: fair, min: 40}
  - {label: weak, min: 0}
`;

const byId = (result: CaseResult, id: string) => result.criteria.find((c) => c.id === id)!;

/** Every record with each of the given (event, field) facts set to each of its values. */
function settledEach(record: CaseRecord, facts: { event: string; field: string; values: string[] }[]): CaseRecord[] {
  let records = [record];
  for (const fact of facts) {
    records = records.flatMap((r) =>
      fact.values.map((value) => ({
        ...r,
        events: r.events.map((e) => (e.id === fact.event ? { ...e, fields: { ...e.fields, [fact.field]: value } } : e)),
      })),
    );
  }
  return records;
}

describe('the totals under unknown facts', () => {
  // A: level unknown, 1 (mid) or 2 (top) of 2: normalised 0.5..1, surely applies, weight 1.
  // B: determined at mid, 0.5, weight 3. C: applies unknown (flag not stated), level yes (1), weight 2.
  const MATRIX =
    HEAD +
    `
criteria:
  - id: a
    title: A
    weight: 1
    levels:
      - {label: top, score: 2, when: {some: {all: [{type: x}, {field: level, in: [a]}]}}}
      - {label: mid, score: 1, when: {some: {type: x}}}
      - {label: none, score: 0}
  - id: b
    title: B
    weight: 3
    levels:
      - {label: top, score: 2, when: {some: {type: summit}}}
      - {label: mid, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
  - id: c
    title: C
    weight: 2
    appliesWhen: {some: {all: [{type: y}, {field: flag, in: [on]}]}}
    levels:
      - {label: yes, score: 1, when: {some: {type: hotline}}}
      - {label: no, score: 0}
`;
  const compiled = compileMatrix(matrixFrom(MATRIX));
  const record = makeRecord([
    { id: 'x', type: 'x' },
    { id: 'meet', type: 'meeting' },
    { id: 'y', type: 'y' },
    { id: 'hot', type: 'hotline' },
  ]);
  const open = evaluateRecord(compiled, record);
  const worlds = settledEach(record, [
    { event: 'x', field: 'level', values: ['a', 'b'] },
    { event: 'y', field: 'flag', values: ['on', 'off'] },
  ]).map((r) => evaluateRecord(compiled, r));

  it('gives the score interval: low (1x0.5 + 3x0.5)/4 = 50, high (1x1 + 3x0.5 + 2x1)/6 = 75', () => {
    expect(open.score).toBeNull();
    expect(open.band).toBeNull();
    expect(open.scoreRange).toEqual({ low: 50, high: 75 });
    const totals = worlds.map((w) => w.score!);
    expect(Math.min(...totals)).toBe(50);
    expect(Math.max(...totals)).toBe(75);
  });

  it('bounds each contribution; a part that surely counts reaches both ends', () => {
    // sure weight 1 + 3 = 4, maybe weight 6.
    // A: low 100x1x0.5/6, high 100x1x1/4 = 25. B: low 100x3x0.5/6 = 25, high 100x3x0.5/4 = 37.5.
    const a = byId(open, 'a').contributionRange;
    expect(a.low).toBeCloseTo(50 / 6, 9);
    expect(a.high).toBeCloseTo(25, 9);
    expect(byId(open, 'b').contributionRange.low).toBeCloseTo(25, 9);
    expect(byId(open, 'b').contributionRange.high).toBeCloseTo(37.5, 9);
    // C may not count: its low is 0.
    expect(byId(open, 'c').contributionRange.low).toBe(0);
    for (const id of ['a', 'b', 'c']) {
      const range = byId(open, id).contributionRange;
      expect(Object.keys(range).sort()).toEqual(['high', 'low']);
      const values = worlds.map((w) => byId(w, id).contribution!);
      for (const v of values) {
        expect(v).toBeGreaterThanOrEqual(range.low - 1e-9);
        expect(v).toBeLessThanOrEqual(range.high + 1e-9);
      }
      if (id !== 'c') {
        expect(Math.min(...values)).toBeCloseTo(range.low, 9);
        expect(Math.max(...values)).toBeCloseTo(range.high, 9);
      }
    }
  });

  it('gives the unknown share of the counted weight: (1 + 2) / 6, and names A and C in order', () => {
    expect(open.unknown).toEqual({ share: 0.5, criteria: ['a', 'c'] });
    expect(byId(open, 'c').applicable).toBe('unknown');
  });

  it('gives every band from the best (75: strong) to the worst (50: fair)', () => {
    expect(open.verdicts).toEqual(['strong', 'fair']);
    expect(open.verdict).toBeNull();
    expect(open.undetermined).toBe(false);
    for (const w of worlds) expect(open.verdicts).toContain(w.verdict);
  });

  it('withholds the verdict only when the share is above maxUnknownShare', () => {
    const strict = evaluateRecord(compileMatrix(matrixFrom(MATRIX + 'missingData: {maxUnknownShare: 0.49}\n')), record);
    expect(strict).toMatchObject({ undetermined: true, verdicts: [], verdict: null, unknown: { share: 0.5 } });
    const exact = evaluateRecord(compileMatrix(matrixFrom(MATRIX + 'missingData: {maxUnknownShare: 0.5}\n')), record);
    expect(exact).toMatchObject({ undetermined: false, verdicts: ['strong', 'fair'] });
  });

  it('counts a criterion that surely does not apply in no bound', () => {
    // C surely out (no event y): A 0.5..1 (w 1), B 0.5 (w 3): (0.5+1.5)/4 = 50 .. (1+1.5)/4 = 62.5.
    const noY = { ...record, events: record.events.filter((e) => e.id !== 'y') };
    const result = evaluateRecord(compiled, noY);
    expect(result.scoreRange).toEqual({ low: 50, high: 62.5 });
    expect(byId(result, 'c')).toMatchObject({ applicable: false, contributionRange: { low: 0, high: 0 } });
    expect(result.unknown).toEqual({ share: 0.25, criteria: ['a'] });
    // A: 100x1x0.5/4 .. 100x1x1/4
    expect(byId(result, 'a').contributionRange).toEqual({ low: 12.5, high: 25 });
  });

  it('a determined criterion that does not apply adds nothing, and a verdict of null is no band', () => {
    // Nothing applies: weight total 0, every contribution 0, no score and no verdicts.
    const nothing = evaluateRecord(
      compileMatrix(matrixFrom(MATRIX.replace('weight: 1\n', 'weight: 0\n').replace('weight: 3\n', 'weight: 0\n'))),
      makeRecord([
        { id: 'x', type: 'x', fields: { level: 'a' } },
        { id: 'meet', type: 'meeting' },
      ]),
    );
    expect(nothing.score).toBeNull();
    expect(nothing.verdict).toBeNull();
    expect(nothing.verdicts).toEqual([]);
    expect(nothing.criteria.map((c) => c.contribution)).toEqual([0, 0, 0]);
  });
});

describe('an undetermined total whose weights are all 0, or whose interval is a point', () => {
  const MATRIX =
    HEAD +
    `
criteria:
  - id: z
    title: Z
    weight: 0
    levels:
      - {label: top, score: 2, when: {some: {all: [{type: x}, {field: level, in: [a]}]}}}
      - {label: mid, score: 1, when: {some: {type: x}}}
      - {label: none, score: 0}
  - id: k
    title: K
    weight: 1
    levels:
      - {label: yes, score: 1, when: {some: {type: meeting}}}
      - {label: no, score: 0}
`;
  const compiled = compileMatrix(matrixFrom(MATRIX));

  it('with no weight to share (K does not apply): no score, contributions 0..0, share 0, Z still named', () => {
    const kOut = MATRIX.replace('title: K\n    weight: 1\n', 'title: K\n    weight: 1\n    appliesWhen: {some: {type: summit}}\n');
    const result = evaluateRecord(compileMatrix(matrixFrom(kOut)), makeRecord([{ id: 'x', type: 'x' }]));
    expect(result.scoreRange).toBeNull();
    expect(result.score).toBeNull();
    expect(result.band).toBeNull();
    expect(result.verdicts).toEqual([]);
    expect(result.verdict).toBeNull();
    expect(result.unknown).toEqual({ share: 0, criteria: ['z'] });
    expect(byId(result, 'z').contributionRange).toEqual({ low: 0, high: 0 });
    expect(byId(result, 'k').contributionRange).toEqual({ low: 0, high: 0 });
  });

  it('with the unknown on weight 0 only: the score is the point 100, in the top band', () => {
    // K at yes (1), weight 1; Z weighs nothing: 100x1x1/1 = 100 whatever Z's level.
    const result = evaluateRecord(
      compiled,
      makeRecord([
        { id: 'x', type: 'x' },
        { id: 'meet', type: 'meeting' },
      ]),
    );
    expect(result.scoreRange).toEqual({ low: 100, high: 100 });
    expect(result.score).toBe(100);
    expect(result.band).toBe('strong');
    expect(result.verdicts).toEqual(['strong']);
    expect(result.verdict).toBe('strong');
    expect(result.unknown).toEqual({ share: 0, criteria: ['z'] });
    expect(byId(result, 'k').contributionRange).toEqual({ low: 100, high: 100 });
  });

  it('with the point in the middle band: 50 is fair', () => {
    // K at yes (1) and a second criterion at 0, both weight 1: 50.
    const two = compileMatrix(
      matrixFrom(
        MATRIX +
          '  - id: l\n    title: L\n    weight: 1\n    levels:\n      - {label: yes, score: 1, when: {some: {type: summit}}}\n      - {label: no, score: 0}\n',
      ),
    );
    const result = evaluateRecord(
      two,
      makeRecord([
        { id: 'x', type: 'x' },
        { id: 'meet', type: 'meeting' },
      ]),
    );
    expect(result).toMatchObject({ score: 50, band: 'fair', verdict: 'fair', verdicts: ['fair'] });
  });
});

describe('the level range of one cell', () => {
  // Q: levels -1..1 (max points 2); top when level a, mid (same score as a second label) when x.
  const MATRIX =
    HEAD +
    `
criteria:
  - id: q
    title: Q
    weight: 1
    levels:
      - {label: top, score: 1, when: {some: {all: [{type: x}, {field: level, in: [a]}]}}}
      - {label: mid, score: 0, when: {some: {type: x}}}
      - {label: low, score: -1}
  - id: t
    title: T
    weight: 1
    levels:
      - {label: first, score: 1, when: {some: {all: [{type: x}, {field: level, in: [a]}]}}}
      - {label: second, score: 1, when: {some: {type: x}}}
      - {label: none, score: 0}
  - id: s
    title: S
    weight: 1
    appliesWhen: {some: {all: [{type: y}, {field: flag, in: [on]}]}}
    levels:
      - {label: yes, score: 1, when: {some: {type: hotline}}}
      - {label: no, score: 0}
  - id: d
    title: D
    weight: 1
    levels:
      - {label: a, score: 3, when: {some: {all: [{type: x}, {field: level, in: [a]}]}}}
      - {label: ab, score: 2, when: {some: {all: [{type: x}, {field: level, in: [a, b]}]}}}
      - {label: one, score: 1, when: {some: {all: [{type: y}, {field: flag, in: [on]}]}}}
      - {label: none, score: 0}
`;
  const compiled = compileMatrix(matrixFrom(MATRIX));
  const record = makeRecord([
    { id: 'x', type: 'x' },
    { id: 'y', type: 'y' },
    { id: 'hot', type: 'hotline' },
  ]);
  const result = evaluateRecord(compiled, record);

  it('normalises against the range from the lowest score: mid 0 is 1/2, top 1 is 2/2', () => {
    expect(byId(result, 'q')).toMatchObject({ level: null, points: null, normalised: null, normalisedRange: { low: 0.5, high: 1 } });
  });

  it('has points and a normalised score, but no single level, when the possible levels score alike', () => {
    // first or second, both 1 of 1.
    const t = byId(result, 't');
    expect(t.level).toBeNull();
    expect(t.points).toBe(1);
    expect(t.normalised).toBe(1);
    expect(t.normalisedRange).toEqual({ low: 1, high: 1 });
    expect(t.levelRange).toEqual({ low: { label: 'second', score: 1 }, high: { label: 'first', score: 1 } });
  });

  it('keeps the level of a cell whose applicability alone is unknown, with no points', () => {
    const s = byId(result, 's');
    expect(s.applicable).toBe('unknown');
    expect(s.level).toEqual({ label: 'yes', score: 1 });
    expect(s.levelRange).toEqual({ low: { label: 'yes', score: 1 }, high: { label: 'yes', score: 1 } });
    expect(s.points).toBeNull();
    expect(s.normalised).toBeNull();
    expect(s.normalisedRange).toEqual({ low: 1, high: 1 });
    // What would settle it: the flag of y, named by appliesWhen.
    expect(s.unknown.map((f) => `${f.event} ${f.field} ${f.reason}`)).toEqual(['y flag not-recorded']);
    expect(s.evidence.map((e) => e.event)).toEqual(['hot']);
  });

  it('keeps a cell at its lowest level with unknown applicability at that level only', () => {
    const lowOnly = makeRecord([{ id: 'y', type: 'y' }]);
    const s = byId(evaluateRecord(compiled, lowOnly), 's');
    expect(s).toMatchObject({ applicable: 'unknown', level: { label: 'no', score: 0 }, normalisedRange: { low: 0, high: 0 } });
  });

  it('names each fact once, and different facts each', () => {
    // D's two top levels each read x's level (one fact, named by two levels); the next reads y's flag.
    const d = byId(result, 'd');
    expect(d.unknown.map((f) => `${f.event} ${f.field}`)).toEqual(['x level', 'y flag']);
    expect(d.normalisedRange).toEqual({ low: 0, high: 1 });
  });

  it('gives no evidence and no explanation when explain is off', () => {
    const quiet = evaluateRecord(compiled, record, { explain: false });
    expect(byId(quiet, 's').evidence).toEqual([]);
    const known = evaluateRecord(
      compiled,
      makeRecord([
        { id: 'x', type: 'x', fields: { level: 'a' } },
        { id: 'hot', type: 'hotline' },
      ]),
      { explain: false },
    );
    expect(byId(known, 'q')).toMatchObject({ level: { label: 'top' }, evidence: [], explanation: null });
    expect(byId(known, 'q').evidence).toEqual([]);
  });
});

describe('per-party cells', () => {
  // P per party: applies when a bind event of the party has flag on (unknown without a flag);
  // full (2) when an act of the party has level a, part (1) with any act, none (0). Gates:
  // full for better than strong, part for better than fair.
  const matrixOf = (aggregation: string, parties = 'true') =>
    compileMatrix(
      matrixFrom(
        HEAD +
          `aggregation: ${aggregation}
criteria:
  - id: k
    title: K
    weight: 1
    levels:
      - {label: yes, score: 1, when: {some: {type: summit}}}
      - {label: no, score: 0}
  - id: p
    title: P
    weight: 1
    perParty: ${parties}
    appliesWhen: {some: {all: [{type: bind}, {partyIn: actors}, {field: flag, in: [on]}]}}
    gates:
      - {above: strong, requires: full}
      - {above: fair, requires: part}
    levels:
      - {label: full, score: 2, when: {some: {all: [{type: act}, {partyIn: actors}, {field: level, in: [a]}]}}}
      - {label: part, score: 1, when: {some: {all: [{type: act}, {partyIn: actors}]}}}
      - {label: none, score: 0}
`,
      ),
    );
  const weighted = matrixOf('weighted-mean');
  type Applies = 'yes' | 'no' | 'maybe';
  type Level = 'full' | 'part' | 'maybe' | 'none';
  const recordOf = (us: [Applies, Level], cn: [Applies, Level]): CaseRecord => {
    const events: EventSpec[] = [];
    for (const [party, [applies, level]] of [
      ['US', us],
      ['CN', cn],
    ] as const) {
      if (applies !== 'no') events.push({ id: `bind-${party}`, type: 'bind', actors: [party], ...(applies === 'yes' && { fields: { flag: 'on' } }) });
      if (level === 'full') events.push({ id: `act-${party}`, type: 'act', actors: [party], fields: { level: 'a' } });
      if (level === 'part') events.push({ id: `act-${party}`, type: 'act', actors: [party], fields: { level: 'b' } });
      if (level === 'maybe') events.push({ id: `act-${party}`, type: 'act', actors: [party] });
    }
    return makeRecord(events);
  };
  const p = (result: CaseResult) => byId(result, 'p');
  const gates = (result: CaseResult) => result.gates.map((g) => g.status);

  it('a criterion no party applies to: not applicable, no points, no range, gates not applicable', () => {
    const result = evaluateRecord(weighted, recordOf(['no', 'full'], ['no', 'part']));
    expect(p(result)).toMatchObject({ applicable: false, level: null, levelRange: null, points: null, normalised: null, normalisedRange: null });
    expect(p(result).parties!.map((c) => c.applicable)).toEqual([false, false]);
    expect(gates(result)).toEqual(['not-applicable', 'not-applicable']);
    // Only K counts, at no (0): score 0.
    expect(result.score).toBe(0);
  });

  it('determined: the mean of the applicable parties, (2 + 1) / 2 points, (1 + 0.5) / 2 normalised', () => {
    const result = evaluateRecord(weighted, recordOf(['yes', 'full'], ['yes', 'part']));
    expect(p(result)).toMatchObject({ applicable: true, level: null, levelRange: null, points: 1.5, normalised: 0.75 });
    expect(p(result).normalisedRange).toEqual({ low: 0.75, high: 0.75 });
    expect(p(result).evidence).toEqual([]);
    expect(p(result).unknown).toEqual([]);
    // K 0 and P 0.75, weight 1 each: 37.5. Gate full: CN at part fails it; gate part: both pass.
    expect(result.score).toBe(37.5);
    expect(gates(result)).toEqual(['failed', 'passed']);
    // Only CN applies: its part (1 point, 0.5).
    const one = evaluateRecord(weighted, recordOf(['no', 'full'], ['yes', 'part']));
    expect(p(one)).toMatchObject({ applicable: true, points: 1, normalised: 0.5, normalisedRange: { low: 0.5, high: 0.5 } });
  });

  it('scores only the parties a list names', () => {
    const listed = matrixOf('weighted-mean', '[CN]');
    const result = evaluateRecord(listed, recordOf(['yes', 'full'], ['yes', 'part']));
    expect(p(result).parties!.map((c) => c.party)).toEqual(['CN']);
    expect(p(result).points).toBe(1);
  });

  describe('one party sure (US, part 0.5), one whose applicability is unknown (CN, full 1)', () => {
    const record = recordOf(['yes', 'part'], ['maybe', 'full']);
    const worlds = settledEach(record, [{ event: 'bind-CN', field: 'flag', values: ['on', 'off'] }]);

    it('the criterion surely applies; its range runs from US alone (0.5) to both (0.75)', () => {
      const result = evaluateRecord(weighted, record);
      expect(p(result)).toMatchObject({
        applicable: true,
        level: null,
        levelRange: null,
        points: null,
        normalised: null,
        evidence: [],
        explanation: null,
        unknown: [],
      });
      expect(p(result).normalisedRange).toEqual({ low: 0.5, high: 0.75 });
      const settled = worlds.map((r) => p(evaluateRecord(weighted, r)).normalised);
      expect(settled.sort()).toEqual([0.5, 0.75]);
    });

    it('weighted-mean: K 0 and P 0.5..0.75: 25..37.5, unknown share 1/2', () => {
      const result = evaluateRecord(weighted, record);
      expect(result.score).toBeNull();
      expect(result.scoreRange).toEqual({ low: 25, high: 37.5 });
      expect(result.unknown).toEqual({ share: 0.5, criteria: ['p'] });
      expect(worlds.map((r) => evaluateRecord(weighted, r).score).sort()).toEqual([25, 37.5]);
    });

    it('cell-mean: cells K 0, US 0.5 and CN 1 maybe: (0 + 0.5)/2 = 25 .. (0 + 0.5 + 1)/3 = 50', () => {
      const cellMean = matrixOf('cell-mean');
      const result = evaluateRecord(cellMean, record);
      expect(result.scoreRange).toEqual({ low: 25, high: 50 });
      expect(worlds.map((r) => evaluateRecord(cellMean, r).score).sort()).toEqual([25, 50]);
    });

    it('gates: US (sure) at part fails "full"; "part" passes, whether CN (at full) applies or not', () => {
      expect(gates(evaluateRecord(weighted, record))).toEqual(['failed', 'passed']);
    });
  });

  it('no party sure, one maybe (US full 1), one not applicable: applicability unknown, range 1..1', () => {
    const result = evaluateRecord(weighted, recordOf(['maybe', 'full'], ['no', 'part']));
    expect(p(result)).toMatchObject({ applicable: 'unknown', points: null, normalised: null });
    expect(p(result).normalisedRange).toEqual({ low: 1, high: 1 });
    // Either P counts (K 0, P 1: 50) or not (K 0: 0).
    expect(result.scoreRange).toEqual({ low: 0, high: 50 });
    // Every counted cell may not apply, and passes if it does: both gates unknown.
    expect(gates(result)).toEqual(['unknown', 'unknown']);
  });

  it('leaves a party that surely does not apply out of the range, listed first or last', () => {
    // Only CN may count, at full (1): range 1..1, applicability unknown, whichever party is out.
    for (const record of [recordOf(['no', 'part'], ['maybe', 'full']), recordOf(['maybe', 'full'], ['no', 'part'])]) {
      const result = evaluateRecord(weighted, record);
      expect(p(result)).toMatchObject({ applicable: 'unknown', normalisedRange: { low: 1, high: 1 } });
      expect(result.scoreRange).toEqual({ low: 0, high: 50 });
    }
  });

  it('gates at both ends of a party cell whose applicability is unknown', () => {
    // US sure at full; CN may apply at part: "full" may fail (unknown), "part" passes either way.
    expect(gates(evaluateRecord(weighted, recordOf(['yes', 'full'], ['maybe', 'part'])))).toEqual(['unknown', 'passed']);
    // CN may apply at none: both gates may fail.
    expect(gates(evaluateRecord(weighted, recordOf(['yes', 'full'], ['maybe', 'none'])))).toEqual(['unknown', 'unknown']);
    // CN sure, its level part..full: "full" unknown, "part" passed.
    expect(gates(evaluateRecord(weighted, recordOf(['yes', 'full'], ['yes', 'maybe'])))).toEqual(['unknown', 'passed']);
  });

  it('a party cell whose level is unknown: the criterion surely applies, US 1 and CN 0.5..1: 0.75..1', () => {
    const result = evaluateRecord(weighted, recordOf(['yes', 'full'], ['yes', 'maybe']));
    expect(p(result)).toMatchObject({ applicable: true, normalisedRange: { low: 0.75, high: 1 } });
    expect(p(result).parties![1]).toMatchObject({ party: 'CN', applicable: true, normalisedRange: { low: 0.5, high: 1 } });
    expect(result.scoreRange).toEqual({ low: 37.5, high: 50 });
  });
});

const withSources = (record: CaseRecord, unverified: string[], extra: (e: SummitEvent) => Partial<SummitEvent> = () => ({})): CaseRecord => ({
  ...record,
  events: record.events.map((e) => ({
    ...e,
    ...(unverified.includes(e.id) && { sources: [{ url: 'https://example.org/rumour', verified: false }] }),
    ...extra(e),
  })),
});

describe('unverified events', () => {
  const event = (sources: SummitEvent['sources']): SummitEvent => ({ ...makeRecord([{ id: 'e' }]).events[0]!, sources });

  it('isUnverified: only an event every one of whose sources is marked unverified', () => {
    expect(isUnverified(event([]))).toBe(false);
    expect(isUnverified(event([{ url: 'https://a.example', verified: false }]))).toBe(true);
    expect(
      isUnverified(
        event([
          { url: 'https://a.example', verified: false },
          { url: 'https://b.example', verified: false },
        ]),
      ),
    ).toBe(true);
    expect(
      isUnverified(
        event([
          { url: 'https://a.example', verified: false },
          { url: 'https://b.example', verified: true },
        ]),
      ),
    ).toBe(false);
    expect(isUnverified(event([{ url: 'https://a.example', verified: true }]))).toBe(false);
  });

  const MATRIX =
    HEAD +
    `
criteria:
  - id: talks
    title: Talks
    weight: 1
    levels:
      - {label: met, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
  - id: channel
    title: Channel
    weight: 1
    levels:
      - {label: made, score: 1, when: {some: {type: mechanism}}}
      - {label: none, score: 0}
`;
  const compiled = compileMatrix(matrixFrom(MATRIX));
  const record = withSources(
    makeRecord([
      { id: 'talk', type: 'meeting' },
      { id: 'mech', type: 'mechanism' },
    ]),
    ['talk'],
  );

  it('exclude drops the unverified events and keeps the others', () => {
    const result = evaluateRecord(compiled, record, { unverified: 'exclude' });
    expect(result.criteria.map((c) => c.level?.label)).toEqual(['none', 'made']);
    expect(result.score).toBe(50);
    const included = evaluateRecord(compiled, record, { unverified: 'include' });
    expect(included.criteria.map((c) => c.level?.label)).toEqual(['met', 'made']);
  });

  it('unknown makes only what rests on an unverified event unknown', () => {
    const result = evaluateRecord(compiled, record, { unverified: 'unknown' });
    expect(result.unknown.criteria).toEqual(['talks']);
    expect(byId(result, 'channel')).toMatchObject({ applicable: true, level: { label: 'made' } });
  });

  it('settles the other facts under the same options', () => {
    // talks reads the meeting's level too: the settlement of x's level keeps the meeting unknown.
    const withLevel = compileMatrix(
      matrixFrom(
        MATRIX.replace(
          '{label: met, score: 1, when: {some: {type: meeting}}}',
          '{label: met, score: 1, when: {some: {all: [{type: meeting}, {field: level, in: [a]}]}}}',
        ),
      ),
    );
    const result = evaluateRecord(withLevel, record, { unverified: 'unknown', settle: true });
    const outcomes = result.settlements![0]!.outcomes;
    // level a: met if the meeting happened, none if not: still met..none, verdicts strong (100) or fair (50).
    expect(outcomes[0]).toMatchObject({ values: ['a'], levelRange: { low: 'none', high: 'met' }, verdicts: ['strong', 'fair'] });
  });

  it('rejects an as-of date that is not a calendar date, naming it', () => {
    expect(() => evaluateRecord(compiled, record, { asOf: '2015-02-30' })).toThrow(new RangeError('asOf is not a calendar date: 2015-02-30'));
  });
});

describe('forEach subjects', () => {
  const MATRIX =
    HEAD +
    `
criteria:
  - id: f
    title: Follow-up
    weight: 1
    forEach: {type: meeting}
    levels:
      - {label: high, score: 1, when: {some: {all: [{isSubject: true}, {field: level, in: [a]}]}}}
      - {label: low, score: 0}
`;
  const compiled = compileMatrix(matrixFrom(MATRIX));
  const base = makeRecord([
    { id: 'm1', type: 'meeting', fields: { level: 'a' } },
    { id: 'm2', type: 'meeting', fields: { level: 'b' } },
    { id: 's', type: 'statement' },
  ]);

  it('titles each result by the criterion and the subject: its title, else its id', () => {
    const record = withSources(base, [], (e) => (e.id === 'm1' ? { title: 'First talks' } : {}));
    const result = evaluateRecord(compiled, record);
    expect(result.criteria.map((c) => [c.id, c.title, c.subject])).toEqual([
      ['f/m1', 'Follow-up: First talks', 'm1'],
      ['f/m2', 'Follow-up: m2', 'm2'],
    ]);
  });

  it('an unverified subject under unknown: applicability unknown, the subject named; the verified one is determined', () => {
    const record = withSources(base, ['m1']);
    const result = evaluateRecord(compiled, record, { unverified: 'unknown' });
    const m1 = byId(result, 'f/m1');
    // m1 may not have happened: it may not be a subject, and its own level test may not hold (low..high).
    expect(m1).toMatchObject({ applicable: 'unknown', level: null, points: null, normalisedRange: { low: 0, high: 1 } });
    expect(m1.unknown.map((f) => `${f.event} ${f.field} ${f.reason}`)).toEqual(['m1 sources unverified']);
    expect(byId(result, 'f/m2')).toMatchObject({ applicable: true, level: { label: 'low' }, points: 0, unknown: [] });
    expect(result.unknown.criteria).toEqual(['f/m1']);
    // m1 counts (1 and 0: 50) or not (0): 0..50.
    expect(result.scoreRange).toEqual({ low: 0, high: 50 });
    // Taken as given, both are determined.
    const included = evaluateRecord(compiled, record);
    expect(included.criteria.map((c) => c.applicable)).toEqual([true, true]);
    expect(included.score).toBe(50);
  });

  it('names an unverified subject as what would settle whether it is one', () => {
    // G's level rests on a verified statement: only its applicability is unknown.
    const g = compileMatrix(
      matrixFrom(
        MATRIX +
          '  - id: g\n    title: G\n    weight: 1\n    forEach: {type: meeting}\n    levels:\n' +
          '      - {label: high, score: 1, when: {some: {type: statement}}}\n      - {label: low, score: 0}\n',
      ),
    );
    const record = withSources(
      makeRecord([
        { id: 'm1', type: 'meeting' },
        { id: 's', type: 'statement' },
      ]),
      ['m1'],
    );
    const cell = byId(evaluateRecord(g, record, { unverified: 'unknown' }), 'g/m1');
    expect(cell).toMatchObject({ applicable: 'unknown', level: { label: 'high' }, normalisedRange: { low: 1, high: 1 } });
    expect(cell.unknown.map((f) => `${f.event} ${f.field} ${f.reason}`)).toEqual(['m1 sources unverified']);
  });

  it('a verified subject whose level alone is unknown names only its level, not the unverified subjects', () => {
    const record = withSources(
      makeRecord([
        { id: 'm1', type: 'meeting' },
        { id: 'm2', type: 'meeting', fields: { level: 'b' } },
      ]),
      ['m2'],
    );
    const result = evaluateRecord(compiled, record, { unverified: 'unknown' });
    const m1 = byId(result, 'f/m1');
    expect(m1.applicable).toBe(true);
    expect(m1.unknown.map((f) => `${f.event} ${f.field} ${f.reason}`)).toEqual(['m1 level not-recorded']);
  });
});

describe('a level range with no default level', () => {
  it('runs from no level (scored as the lowest, 0) to the best that may hold', () => {
    const compiled = compileMatrix(
      matrixFrom(
        HEAD +
          `
criteria:
  - id: n
    title: N
    weight: 1
    levels:
      - {label: yes, score: 1, when: {some: {all: [{type: x}, {field: level, in: [a]}]}}}
      - {label: other, score: 0, when: {some: {type: treaty}}}
`,
      ),
    );
    const cell = evaluateRecord(compiled, makeRecord([{ id: 'x', type: 'x' }])).criteria[0]!;
    expect(cell.levelRange).toEqual({ low: null, high: { label: 'yes', score: 1 } });
    expect(cell.normalisedRange).toEqual({ low: 0, high: 1 });
  });
});

describe('what these cases found', () => {
  it('a cell whose applicability alone is unknown, at no level and with no default, is 0 points if it applies', () => {
    // N applies if the meeting's flag is on (not stated: unknown), and then reaches no level (no
    // treaty): 0 of 1 points. D is surely full. Settled each way: N applies (1 + 0) / 2 = 50, or
    // not, 1 / 1 = 100. The interval must run from 50 to 100.
    const compiled = compileMatrix(
      matrixFrom(
        HEAD +
          `
criteria:
  - id: d
    title: D
    weight: 1
    levels:
      - {label: full, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
  - id: n
    title: N
    weight: 1
    appliesWhen: {some: {all: [{type: meeting}, {field: flag, in: [on]}]}}
    levels:
      - {label: yes, score: 1, when: {some: {type: treaty}}}
      - {label: other, score: 0, when: {some: {type: protocol}}}
`,
      ),
    );
    const record = makeRecord([{ id: 'm', type: 'meeting' }]);
    const settled = settledEach(record, [{ event: 'm', field: 'flag', values: ['on', 'off'] }]).map((r) => evaluateRecord(compiled, r).score);
    expect(settled).toEqual([50, 100]);
    const result = evaluateRecord(compiled, record);
    expect(result.scoreRange).toEqual({ low: 50, high: 100 });
    expect(byId(result, 'n')).toMatchObject({
      applicable: 'unknown',
      level: null,
      levelRange: { low: null, high: null },
      normalisedRange: { low: 0, high: 0 },
    });
  });

  it('names only the unverified subject, not the others that forEach may pick', () => {
    const compiled = compileMatrix(
      matrixFrom(
        `${HEAD}criteria:
  - id: f
    title: F
    weight: 1
    forEach: {type: meeting}
    levels:
      - {label: held, score: 1, when: {some: {type: statement}}}
      - {label: none, score: 0}
`,
      ),
    );
    // Two unverified meetings and a verified one: each unverified subject's cell names itself.
    const record = withSources(
      makeRecord([
        { id: 'm1', type: 'meeting' },
        { id: 'm2', type: 'meeting' },
        { id: 'm3', type: 'meeting' },
      ]),
      ['m1', 'm2'],
    );
    const result = evaluateRecord(compiled, record, { unverified: 'unknown' });
    expect(result.criteria.map((c) => [c.id, c.applicable, c.unknown.map((f) => `${f.event} ${f.reason}`)])).toEqual([
      ['f/m1', 'unknown', ['m1 unverified']],
      ['f/m2', 'unknown', ['m2 unverified']],
      ['f/m3', true, []],
    ]);
  });
});

describe('evidence of many events', () => {
  it('cites every witness once, in record order, however many, after a level with few', () => {
    // Both levels need a meeting and a statement; the second criterion reads 70 events, the first 2.
    const both = '{all: [{some: {type: meeting}}, {some: {type: statement}}]}';
    const compiled = compileMatrix(
      matrixFrom(
        HEAD +
          `
criteria:
  - id: few
    title: Few
    weight: 1
    levels:
      - {label: yes, score: 1, when: {all: [{some: {type: summit}}, {some: {type: treaty}}]}}
      - {label: no, score: 0}
  - id: many
    title: Many
    weight: 1
    levels:
      - {label: yes, score: 1, when: ${both}}
      - {label: no, score: 0}
`,
      ),
    );
    const events: EventSpec[] = [
      { id: 't', type: 'treaty' },
      { id: 'sum', type: 'summit' },
    ];
    for (let i = 0; i < 35; i++) events.push({ id: `s${i}`, type: 'statement' }, { id: `m${i}`, type: 'meeting' });
    const result = evaluateRecord(compiled, makeRecord(events));
    expect(result.criteria[0]!.evidence.map((e) => e.event)).toEqual(['t', 'sum']);
    expect(result.criteria[1]!.evidence.map((e) => e.event)).toEqual(events.slice(2).map((e) => e.id));
  });
});

describe('evidence entries', () => {
  const compiled = compileMatrix(
    matrixFrom(
      HEAD +
        `
criteria:
  - id: talks
    title: Talks
    weight: 1
    levels:
      - {label: met, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
`,
    ),
  );

  it('carries the title and the location only when the event has them', () => {
    const location = { file: 'r.yaml', line: 3, col: 5 };
    const record = withSources(
      makeRecord([
        { id: 'plain', type: 'meeting' },
        { id: 'titled', type: 'meeting' },
        { id: 'located', type: 'meeting' },
        { id: 'both', type: 'meeting' },
      ]),
      [],
      (e) => ({
        ...((e.id === 'titled' || e.id === 'both') && { title: `T ${e.id}` }),
        ...((e.id === 'located' || e.id === 'both') && { location }),
      }),
    );
    const evidence = evaluateRecord(compiled, record).criteria[0]!.evidence;
    const sources = [{ url: 'https://example.org/source', verified: true }];
    expect(evidence).toStrictEqual([
      { event: 'plain', date: '2015-09-25', type: 'meeting', sources },
      { event: 'titled', date: '2015-09-25', type: 'meeting', title: 'T titled', sources },
      { event: 'located', date: '2015-09-25', type: 'meeting', location, sources },
      { event: 'both', date: '2015-09-25', type: 'meeting', title: 'T both', location, sources },
    ]);
  });
});
