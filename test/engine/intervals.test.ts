// Scores under unknown facts (issue 10, section 1): a level is a range, the score an interval,
// the verdict the set of bands it touches, gates decided at both ends, and the missing-data rule.
// Every expectation is worked out by hand from the matrix below, and checked against the
// record with the unknown fact settled each way (the true value must lie inside the interval).
import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord, type CaseResult } from '../../src/engine/index.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';

const MATRIX = `
id: m
title: M
version: "1"
source: {author: test}
fields:
  level:
    type: string
    values: {leaders: Heads of state, ministerial: Ministers, expert: Experts}
verdicts:
  - {label: strong, min: 70}
  - {label: fair, min: 40}
  - {label: weak, min: 0}
criteria:
  - id: channel
    title: Channel
    weight: 1
    gates:
      - {above: fair, requires: political}
    levels:
      - label: political
        score: 2
        when: {some: {all: [{type: mechanism}, {field: level, in: [leaders, ministerial]}]}}
      - label: created
        score: 1
        when: {some: {type: mechanism}}
      - label: none
        score: 0
  - id: talks
    title: Talks
    weight: 1
    levels:
      - {label: met, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
`;

const score = (level: string | undefined, extra = ''): CaseResult => {
  const events: EventSpec[] = [
    { id: 'channel', type: 'mechanism', ...(level !== undefined && { fields: { level } }) },
    { id: 'talk', type: 'meeting' },
  ];
  return evaluateRecord(compileMatrix(matrixFrom(MATRIX + extra)), makeRecord(events));
};

describe('a score under an unknown fact', () => {
  const open = score(undefined);
  const channel = open.criteria.find((c) => c.id === 'channel')!;

  it('gives the level as a range, from the best level that surely holds to the best that may', () => {
    expect(channel.level).toBeNull();
    expect(channel.levelRange).toEqual({ low: { label: 'created', score: 1 }, high: { label: 'political', score: 2 } });
    expect(channel.points).toBeNull();
    expect(channel.normalisedRange).toEqual({ low: 0.5, high: 1 });
  });

  it('gives the score as an interval: (0.5 + 1) / 2 to (1 + 1) / 2', () => {
    expect(open.score).toBeNull();
    expect(open.scoreRange).toEqual({ low: 75, high: 100 });
  });

  it('decides the gate at both ends: unknown when the low end fails it and the high end passes', () => {
    expect(open.gates.map((gate) => gate.status)).toEqual(['unknown']);
  });

  it('gives every band the interval and the gates allow, and no single verdict', () => {
    // Both ends are `strong` by score; the gate may cap at `fair`.
    expect(open.verdicts).toEqual(['strong', 'fair']);
    expect(open.verdict).toBeNull();
    expect(open.undetermined).toBe(false);
  });

  it('always says how much of the weight is unknown, and names the fact that would settle it', () => {
    expect(open.unknown).toEqual({ share: 0.5, criteria: ['channel'] });
    expect(channel.unknown).toEqual([{ event: 'channel', field: 'level', reason: 'not-recorded', path: expect.stringContaining('criteria[0].levels[0]') }]);
  });

  it.each([
    ['leaders', 100, 'strong', 'passed'],
    ['ministerial', 100, 'strong', 'passed'],
    ['expert', 75, 'fair', 'failed'],
  ])('settled as %s it scores %d (%s, gate %s), inside the interval and among the verdicts', (level, total, verdict, gate) => {
    const settled = score(level);
    expect(settled.score).toBe(total);
    expect(settled.scoreRange).toEqual({ low: total, high: total });
    expect(settled.verdict).toBe(verdict);
    expect(settled.verdicts).toEqual([verdict]);
    expect(settled.gates[0]!.status).toBe(gate);
    expect(settled.unknown).toEqual({ share: 0, criteria: [] });
    expect(total).toBeGreaterThanOrEqual(open.scoreRange!.low);
    expect(total).toBeLessThanOrEqual(open.scoreRange!.high);
    expect(open.verdicts).toContain(verdict);
  });

  it('reads a value outside the declared ones as unknown, not as a failing value', () => {
    const typo = score('minsterial');
    expect(typo.scoreRange).toEqual({ low: 75, high: 100 });
    expect(typo.criteria[0]!.unknown[0]).toMatchObject({ reason: 'undeclared-value', value: 'minsterial' });
  });

  it('withholds the verdict under the missing-data rule when more than the declared share is unknown', () => {
    const strict = score(undefined, 'missingData: {maxUnknownShare: 0.4}\n');
    expect(strict.undetermined).toBe(true);
    expect(strict.verdicts).toEqual([]);
    expect(strict.verdict).toBeNull();
    expect(strict.scoreRange).toEqual({ low: 75, high: 100 });
    const lenient = score(undefined, 'missingData: {maxUnknownShare: 0.5}\n');
    expect(lenient.undetermined).toBe(false);
    expect(lenient.verdicts).toEqual(['strong', 'fair']);
  });
});

describe('what would settle it (--explain)', () => {
  const compiled = compileMatrix(matrixFrom(MATRIX));
  const record = makeRecord([
    { id: 'channel', type: 'mechanism' },
    { id: 'talk', type: 'meeting' },
  ]);

  it('tries each declared value of the unknown fact and groups the values that agree, as scoring each settled record does', () => {
    const result = evaluateRecord(compiled, record, { settle: true });
    // The oracle: the record scored with the level stated each way (the table above).
    const settledAs = (level: string) =>
      evaluateRecord(compiled, { ...record, events: record.events.map((e) => (e.id === 'channel' ? { ...e, fields: { level } } : e)) });
    expect(settledAs('leaders').criteria[0]!.level!.label).toBe('political');
    expect(settledAs('expert').criteria[0]!.level!.label).toBe('created');
    expect(result.settlements).toEqual([
      {
        criterion: 'channel',
        fact: expect.objectContaining({ event: 'channel', field: 'level', reason: 'not-recorded' }),
        outcomes: [
          {
            values: ['leaders', 'ministerial'],
            level: 'political',
            levelRange: { low: 'political', high: 'political' },
            verdict: settledAs('leaders').verdict,
            verdicts: ['strong'],
          },
          { values: ['expert'], level: 'created', levelRange: { low: 'created', high: 'created' }, verdict: settledAs('expert').verdict, verdicts: ['fair'] },
        ],
      },
    ]);
  });

  it('is not tried unless asked, nor on a record with nothing unknown', () => {
    expect(evaluateRecord(compiled, record).settlements).toBeUndefined();
    const known = makeRecord([{ id: 'channel', type: 'mechanism', fields: { level: 'expert' } }]);
    expect(evaluateRecord(compiled, known, { settle: true }).settlements).toBeUndefined();
  });
});

describe('--unverified: what a verdict rests on', () => {
  const compiled = compileMatrix(matrixFrom(MATRIX));
  // The meeting rests only on a source marked unverified; the mechanism's level is known.
  const base = makeRecord([
    { id: 'channel', type: 'mechanism', fields: { level: 'leaders' } },
    { id: 'talk', type: 'meeting' },
  ]);
  const record = {
    ...base,
    events: base.events.map((event) => (event.id === 'talk' ? { ...event, sources: [{ url: 'https://example.org/rumour', verified: false }] } : event)),
  };

  it.each([
    // talks: met (1) when the meeting counts, none (0) when it is absent, either when unknown
    ['include', { low: 100, high: 100 }, ['strong']],
    ['exclude', { low: 50, high: 50 }, ['fair']],
    ['unknown', { low: 50, high: 100 }, ['strong', 'fair']],
  ] as const)('%s gives %j', (mode, scoreRange, verdicts) => {
    const result = evaluateRecord(compiled, record, { unverified: mode });
    expect(result.scoreRange).toEqual(scoreRange);
    expect(result.verdicts).toEqual(verdicts);
  });

  it('names the unverified event as the fact that would settle it', () => {
    const result = evaluateRecord(compiled, record, { unverified: 'unknown' });
    expect(result.criteria.find((c) => c.id === 'talks')!.unknown).toEqual([
      { event: 'talk', field: 'sources', reason: 'unverified', path: expect.any(String) },
    ]);
  });
});
