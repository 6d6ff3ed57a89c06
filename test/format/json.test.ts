// evaluate -f json (src/format/json.ts) on a result built by hand: the documented contract
// (summit-score/evaluation@2), every field by name, in order, numbers as the schema rounds them
// (totals in hundredths, points and contributions to two decimals, the unknown share to six),
// evidence and explanations with their places, and the sources the evidence cites. The expected
// document is written out field by field; the text is JSON.stringify(document, null, 2) and a
// final newline, streamed or not.
import { describe, expect, it } from 'vitest';
import type { Evidence, Matrix } from '../../src/engine/index.js';
import { EVALUATION_SCHEMA_ID, formatJson, projectResult, projectSource, streamedJson } from '../../src/format/json.js';
import { STREAMED, writeIndentedJson } from '../../src/format/json-text.js';
import type { EvaluationReport, RecordResult } from '../../src/format/report.js';
import { caseResult, criterion, level, party } from '../helpers/hand-results.js';

const MEET: Evidence = {
  event: 'meet',
  date: '2015-09-25',
  type: 'meeting',
  title: 'Meeting',
  location: { file: 'r.yaml', line: 10, col: 3 },
  sources: [
    { url: 'https://example.org/a', verified: true },
    { title: 'Title only', verified: true },
  ],
};
const SAID: Evidence = { event: 's', date: '2015-09-26', type: 'statement', sources: [{ publisher: 'Press', date: '2015-09-27', verified: false }] };
const BARE: Evidence = { event: 'b', date: '2015-09-27', type: 'note', sources: [] };

const failure = { path: 'criteria[0].levels[0].when', expected: 'a meeting', actual: 'none', operator: 'some', events: [] };

const RESULT = caseResult({
  score: 69.995,
  scoreRange: { low: 33.334, high: 69.995 },
  band: 'fair',
  verdict: null,
  verdicts: ['good', 'fair'],
  undetermined: true,
  unknown: { share: 0.1234567, criteria: ['talks'] },
  settlements: [
    {
      criterion: 'talks',
      fact: { event: 'meet', field: 'level', reason: 'not-recorded', path: 'p' },
      outcomes: [{ values: ['leaders'], level: 'held', levelRange: null, verdict: 'good', verdicts: ['good'] }],
    },
  ],
  gates: [{ criterion: 'talks', above: 'fair', requires: 'held', level: null, status: 'unknown' }],
  criteria: [
    criterion('talks', {
      weight: 2,
      maxPoints: 3,
      level: level('held', 1),
      levelRange: { low: level('held', 1), high: level('top', 2) },
      points: 1 / 3,
      normalisedRange: { low: 1 / 9, high: 2 / 9 },
      unknown: [{ event: 'meet', field: 'level', reason: 'not-recorded', path: 'criteria[0]' }],
      evidence: [MEET, SAID],
      explanation: { level: level('top', 2), failure: { ...failure, location: { file: 'm.yaml', line: 3, col: 5 }, event: 'meet' } },
      contribution: 100 / 3,
      contributionRange: { low: 10.004, high: 50.006 },
    }),
    criterion('kept', {
      level: null,
      levelRange: null,
      points: null,
      normalisedRange: null,
      explanation: { failure },
      contribution: null,
      evidence: [MEET, BARE],
      parties: [
        party('US', {
          evidence: [MEET],
          unknown: [{ event: 'x', field: 'f', reason: 'undeclared-value', value: 'odd', path: 'q' }],
          explanation: { level: level('full', 1), failure: { ...failure, event: 'x' } },
          points: 0.125,
          normalisedRange: { low: 0.125, high: 0.125 },
        }),
        party('CN', { level: null, levelRange: null, points: null, normalisedRange: null }),
      ],
    }),
  ],
});
const RECORD: RecordResult = { file: 'r.yaml', sha256: 'ab', result: { ...RESULT, record: { id: 'r', title: 'R', date: '2015-09-25' } } };

const MEET_JSON = {
  event: 'meet',
  date: '2015-09-25',
  type: 'meeting',
  title: 'Meeting',
  file: 'r.yaml',
  line: 10,
  verified: true,
  sources: ['https://example.org/a', 'Title only'],
};
const SAID_JSON = { event: 's', date: '2015-09-26', type: 'statement', title: null, file: null, line: null, verified: false, sources: ['Press'] };
const BARE_JSON = { event: 'b', date: '2015-09-27', type: 'note', title: null, file: null, line: null, verified: false, sources: [] };
const explanationJson = (fields: Record<string, unknown>) => ({
  level: null,
  path: 'criteria[0].levels[0].when',
  file: null,
  line: null,
  col: null,
  expected: 'a meeting',
  actual: 'none',
  event: null,
  ...fields,
});

const EXPECTED = {
  record: { id: 'r', title: 'R', date: '2015-09-25', file: 'r.yaml', sha256: 'ab' },
  asOf: '2015-10-01',
  score: 70,
  scoreRange: { low: 33.33, high: 70 },
  band: 'fair',
  verdict: null,
  verdicts: ['good', 'fair'],
  undetermined: true,
  unknown: {
    share: 0.123457,
    criteria: ['talks'],
    settlements: [
      {
        criterion: 'talks',
        event: 'meet',
        field: 'level',
        outcomes: [{ values: ['leaders'], level: 'held', levelRange: null, verdict: 'good', verdicts: ['good'] }],
      },
    ],
  },
  gates: [{ criterion: 'talks', above: 'fair', requires: 'held', level: null, status: 'unknown' }],
  criteria: [
    {
      id: 'talks',
      criterion: 'talks',
      subject: null,
      title: 'talks',
      weight: 2,
      applicable: true,
      level: { label: 'held', score: 1 },
      levelRange: { low: { label: 'held', score: 1 }, high: { label: 'top', score: 2 } },
      points: 0.33,
      // 1/9 and 2/9 of 3 points.
      pointsRange: { low: 0.33, high: 0.67 },
      unknown: [{ event: 'meet', field: 'level', reason: 'not-recorded', value: null, path: 'criteria[0]' }],
      evidence: [MEET_JSON, SAID_JSON],
      explanation: explanationJson({ level: { label: 'top', score: 2 }, file: 'm.yaml', line: 3, col: 5, event: 'meet' }),
      maxPoints: 3,
      contribution: 33.33,
      contributionRange: { low: 10, high: 50.01 },
      parties: null,
    },
    {
      id: 'kept',
      criterion: 'kept',
      subject: null,
      title: 'kept',
      weight: 1,
      applicable: true,
      level: null,
      levelRange: null,
      points: null,
      pointsRange: null,
      unknown: [],
      evidence: [MEET_JSON, BARE_JSON],
      explanation: explanationJson({}),
      maxPoints: 2,
      contribution: null,
      contributionRange: { low: 50, high: 50 },
      parties: [
        {
          party: 'US',
          applicable: true,
          level: { label: 'full', score: 1 },
          levelRange: { low: { label: 'full', score: 1 }, high: { label: 'full', score: 1 } },
          points: 0.13,
          pointsRange: { low: 0.25, high: 0.25 },
          unknown: [{ event: 'x', field: 'f', reason: 'undeclared-value', value: 'odd', path: 'q' }],
          evidence: [MEET_JSON],
          explanation: explanationJson({ level: { label: 'full', score: 1 }, event: 'x' }),
        },
        { party: 'CN', applicable: true, level: null, levelRange: null, points: null, pointsRange: null, unknown: [], evidence: [], explanation: null },
      ],
    },
  ],
  grid: null,
  // Each source once, by url, title or publisher, with the events citing it, in first-cited order.
  sources: [
    { url: 'https://example.org/a', title: null, publisher: null, date: null, verified: true, events: ['meet'] },
    { url: null, title: 'Title only', publisher: null, date: null, verified: true, events: ['meet'] },
    { url: null, title: null, publisher: 'Press', date: '2015-09-27', verified: false, events: ['s'] },
  ],
};

describe('projectResult', () => {
  it('projects every field of a result by name and in order, rounded as the schema says', () => {
    const projected = projectResult(RECORD);
    expect(projected).toEqual(EXPECTED);
    expect(JSON.stringify(projected)).toBe(JSON.stringify(EXPECTED));
  });

  it('shares an evidence item projected once in a tree, and gives the same text streamed', () => {
    const projected = projectResult(RECORD) as typeof EXPECTED;
    expect(projected.criteria[1]!.evidence[0]).toBe(projected.criteria[0]!.evidence[0]);
    expect(projected.criteria[1]!.parties![0]!.evidence[0]).toBe(projected.criteria[0]!.evidence[0]);
    const pieces: string[] = [];
    writeIndentedJson(projectResult(RECORD, STREAMED), (piece) => pieces.push(piece));
    expect(pieces.join('')).toBe(JSON.stringify(EXPECTED, null, 2));
  });

  it('writes no total, no interval and no settlements as null and empty', () => {
    const open = projectResult({ ...RECORD, result: { ...RECORD.result, score: null, scoreRange: null, settlements: undefined, criteria: [] } });
    expect(open).toMatchObject({
      score: null,
      scoreRange: null,
      unknown: { share: 0.123457, criteria: ['talks'], settlements: [] },
      criteria: [],
      sources: [],
    });
  });

  it('leaves out the evidence of a criterion that does not apply from the sources', () => {
    const off = criterion('off', { applicable: false, evidence: [SAID] });
    expect(projectResult({ ...RECORD, result: { ...RECORD.result, criteria: [off] } })).toMatchObject({ sources: [] });
  });
});

describe('projectSource', () => {
  it('names a source by its url, title, publisher and date, null where it has none', () => {
    expect(projectSource({ citation: { verified: false, quote: 'q', note: 'n' }, events: ['a', 'b'] })).toEqual({
      url: null,
      title: null,
      publisher: null,
      date: null,
      verified: false,
      events: ['a', 'b'],
    });
  });
});

describe('formatJson', () => {
  const report: EvaluationReport = {
    tool: { name: 'summit-score', version: '9.9.9' },
    matrix: {
      definition: { id: 'm', title: 'M', version: '2', source: { author: 'T' }, aggregation: 'weighted-mean', criteria: [], verdicts: [] } as unknown as Matrix,
      file: 'm.yaml',
      sha256: 'cd',
      extends: { bases: [{ id: 'b', version: '1', file: 'b.yaml', sha256: 'ef' }], overrides: [{ path: 'verdicts', change: 'replaced' }] },
    },
    asOf: '2016-01-01',
    results: [RECORD, RECORD],
    bundledDefault: false,
  };

  it('writes the schema, the tool, the matrix and where it came from, the as-of date and each result', () => {
    const document = {
      schema: 'summit-score/evaluation@2',
      tool: { name: 'summit-score', version: '9.9.9' },
      matrix: {
        id: 'm',
        title: 'M',
        version: '2',
        file: 'm.yaml',
        sha256: 'cd',
        extends: { bases: [{ id: 'b', version: '1', file: 'b.yaml', sha256: 'ef' }], overrides: [{ path: 'verdicts', change: 'replaced' }] },
        source: { author: 'T' },
        aggregation: { method: 'weighted-mean', description: expect.stringMatching(/^the weighted mean of each applicable criterion/) as unknown },
      },
      asOf: '2016-01-01',
      results: [EXPECTED, EXPECTED],
    };
    const text = formatJson(report, { color: false });
    expect(EVALUATION_SCHEMA_ID).toBe('summit-score/evaluation@2');
    expect(JSON.parse(text)).toEqual(document);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(Object.keys(JSON.parse(text))).toEqual(['schema', 'tool', 'matrix', 'asOf', 'results']);
    const pieces: string[] = [];
    streamedJson(report).write((piece) => pieces.push(piece));
    expect(pieces.join('')).toBe(text);
    expect(JSON.parse(formatJson({ ...report, matrix: { ...report.matrix, extends: undefined } }, { color: false })).matrix.extends).toBeNull();
  });
});
