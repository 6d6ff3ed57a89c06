import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord, type CaseResult } from '../../src/engine/index.js';
import { makeRecord, matrixFrom } from '../helpers/build.js';

const MATRIX = `
id: test-matrix
title: Test matrix
version: "1"
source: {author: Tests}
# A mechanism whose participation is not stated is not a military channel: this matrix says so.
fields:
  participation: {type: string, absent: false}
criteria:
  - id: talks
    title: Talks started
    weight: 3
    gates:
      - {above: weak, requires: agreed}
      - {above: fair, requires: held}
    levels:
      - {label: held, score: 2, when: {some: {type: meeting}}}
      - {label: agreed, score: 1, when: {some: {type: mechanism}}}
      - {label: none, score: 0}
  - id: penalty
    title: No concession
    weight: 1
    levels:
      - {label: clean, score: 0, when: {none: {type: concession}}}
      - {label: conceded, score: -1}
  - id: military
    title: Military channel
    weight: 2
    appliesWhen: {some: {field: participation, equals: military}}
    levels:
      - {label: yes, score: 1, when: {some: {type: hotline}}}
      - {label: no, score: 0}
  - id: shown
    title: Shown, not counted
    weight: 0
    levels:
      - {label: endorsed, score: 0, when: {some: {type: endorsement}}}
      - {label: silent, score: 0}
verdicts:
  - {label: strong, min: 75}
  - {label: fair, min: 50}
  - {label: weak, min: 0}
`;

const compiled = compileMatrix(matrixFrom(MATRIX));
const level = (result: CaseResult, id: string) => result.criteria.find((c) => c.id === id)!;

describe('evaluateRecord', () => {
  it('takes the first level from the top whose condition holds, and weights normalised scores', () => {
    const result = evaluateRecord(compiled, makeRecord([{ id: 'm', type: 'mechanism' }]));
    expect(level(result, 'talks')).toMatchObject({ level: { label: 'agreed', score: 1 }, points: 1, maxPoints: 2 });
    expect(level(result, 'penalty')).toMatchObject({ level: { label: 'clean', score: 0 }, points: 1, maxPoints: 1 });
    // talks 3 x 0.5 + penalty 1 x 1 over weights 4 (military does not apply; shown has weight 0)
    expect(result.score).toBe(62.5);
    expect(result.criteria.reduce((sum, c) => sum + c.contribution!, 0)).toBeCloseTo(62.5, 9);
  });

  it('leaves a criterion that does not apply out of the denominator, visibly', () => {
    const result = evaluateRecord(compiled, makeRecord([{ id: 'm', type: 'meeting' }]));
    expect(level(result, 'military')).toMatchObject({ applicable: false, level: null, points: null, contribution: 0 });
    expect(level(result, 'military').explanation?.failure.expected).toBe('some event where participation = military');
    expect(result.score).toBe(100);
  });

  it('counts an applicable criterion in the denominator', () => {
    const result = evaluateRecord(compiled, makeRecord([{ id: 'm', type: 'meeting', fields: { participation: 'military' } }]));
    expect(level(result, 'military')).toMatchObject({ applicable: true, level: { label: 'no' } });
    expect(result.score).toBeCloseTo((100 * 4) / 6, 5);
  });

  it('shows a weight-0 criterion with its level but never counts it', () => {
    const result = evaluateRecord(compiled, makeRecord([{ id: 'e', type: 'endorsement' }]));
    expect(level(result, 'shown')).toMatchObject({ level: { label: 'endorsed' }, contribution: 0 });
    expect(result.score).toBe(25);
  });

  it('caps the verdict at the band a failed gate names', () => {
    const agreed = evaluateRecord(compiled, makeRecord([{ id: 'm', type: 'mechanism' }]));
    expect(agreed).toMatchObject({ band: 'fair', verdict: 'fair' });
    expect(agreed.gates).toEqual([
      { criterion: 'talks', above: 'weak', requires: 'agreed', level: 'agreed', status: 'passed' },
      { criterion: 'talks', above: 'fair', requires: 'held', level: 'agreed', status: 'failed' },
    ]);
    const conceded = evaluateRecord(
      compiled,
      makeRecord([
        { id: 'm', type: 'meeting' },
        { id: 'c', type: 'concession' },
      ]),
    );
    expect(conceded).toMatchObject({ score: 75, band: 'strong', verdict: 'strong' });
    const nothing = evaluateRecord(compiled, makeRecord([{ id: 'c', type: 'concession' }]));
    expect(nothing).toMatchObject({ score: 0, band: 'weak', verdict: 'weak' });
  });

  it('keeps the gate cap when the score alone earns a better band', () => {
    const matrix = compileMatrix(
      matrixFrom(
        MATRIX.replace('weight: 3', 'weight: 1').replace('weight: 1\n    levels:\n      - {label: clean', 'weight: 9\n    levels:\n      - {label: clean'),
      ),
    );
    const result = evaluateRecord(matrix, makeRecord([{ id: 'm', type: 'mechanism' }]));
    expect(result.band).toBe('strong');
    expect(result.verdict).toBe('fair');
  });

  it('explains the next level up, and nothing at the top level', () => {
    const result = evaluateRecord(compiled, makeRecord([{ id: 'm', type: 'mechanism' }]));
    expect(level(result, 'talks').explanation).toMatchObject({
      level: { label: 'held', score: 2 },
      failure: { path: 'criteria[0].levels[0].when', expected: 'some event where type = meeting' },
    });
    expect(level(result, 'penalty').explanation).toBeNull();
  });

  it('cites the events that earned a level, in record order, with their sources', () => {
    const result = evaluateRecord(
      compiled,
      makeRecord([
        { id: 'b', type: 'meeting' },
        { id: 'a', type: 'meeting' },
      ]),
    );
    expect(level(result, 'talks').evidence.map((e) => e.event)).toEqual(['b', 'a']);
    expect(level(result, 'talks').evidence[0]?.sources[0]?.url).toBe('https://example.org/source');
  });

  it('gives a criterion no level, scoring it as the lowest, when nothing matches and no level is the default', () => {
    const matrix = compileMatrix(
      matrixFrom(
        MATRIX.replace('      - {label: none, score: 0}\n', '').replace(
          '{label: agreed, score: 1, when: {some: {type: mechanism}}}',
          '{label: agreed, score: 0, when: {some: {type: mechanism}}}',
        ),
      ),
    );
    const result = evaluateRecord(matrix, makeRecord([{ id: 'x', type: 'statement' }]));
    expect(level(result, 'talks')).toMatchObject({ level: null, points: 0 });
    expect(level(result, 'talks').explanation?.level?.label).toBe('agreed');
    expect(result.gates[0]?.status).toBe('failed');
  });

  it('judges at the as-of date, defaulting to the last event', () => {
    const events = [
      { id: 'm', type: 'mechanism' },
      { id: 'meet', date: '2015-12-01', type: 'meeting' },
    ];
    expect(evaluateRecord(compiled, makeRecord(events), { asOf: '2015-11-30' })).toMatchObject({ asOf: '2015-11-30', verdict: 'fair' });
    expect(evaluateRecord(compiled, makeRecord(events))).toMatchObject({ asOf: '2015-12-01', verdict: 'strong' });
  });

  it('has no total and no verdict when no weighted criterion applies', () => {
    const matrix = compileMatrix(
      matrixFrom(`
id: m
title: M
version: "1"
source: {author: T}
criteria:
  - id: only
    title: Only
    weight: 1
    appliesWhen: {some: {type: meeting}}
    levels: [{label: a, score: 1, when: {some: {type: meeting}}}, {label: b, score: 0}]
verdicts: [{label: any, min: 0}]
`),
    );
    expect(evaluateRecord(matrix, makeRecord([]))).toMatchObject({ score: null, band: null, verdict: null });
  });

  it('gives the same result for the same input', () => {
    const record = makeRecord([
      { id: 'm', type: 'mechanism' },
      { id: 'c', type: 'concession' },
    ]);
    expect(JSON.stringify(evaluateRecord(compiled, record))).toBe(JSON.stringify(evaluateRecord(compiled, record)));
  });
});
