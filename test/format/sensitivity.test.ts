// The structured formats of `summit-score sensitivity` (src/format/sensitivity.ts): JSON, NDJSON,
// CSV and long CSV, on the analysis built by hand in test/helpers/sensitivity-report.ts.
// Expectations follow docs/research.md#summit-score-sensitivity and the rules each format shares:
// totals in hundredths (halves up), weights to 4 decimals, interval ends to 2, CSV by RFC 4180
// (booleans TRUE/FALSE, null empty).
import { describe, expect, it } from 'vitest';
import type { CaseSensitivity } from '../../src/engine/sensitivity.js';
import { sensitivityFormats } from '../../src/format/sensitivity.js';
import { DISTRIBUTION, lowest, place, report } from '../helpers/sensitivity-report.js';

const context = { color: false, width: 400 };
const METHOD = {
  weightStep: { share: 0.1, absolute: 0.3 },
  levelStep: 1,
  sampling: { samples: 1000, seed: 7, generator: 'mulberry32', distribution: DISTRIBUTION },
  intervals:
    'one weight at a time, the others as the matrix has them: the weights for which the verdict (or the ranking) stays as it is, exact (a total is a ratio of sums linear in the weight)',
  ranking: 'by total, highest first; the ranking holds while no case falls strictly behind one it was ahead of (ties forming or breaking are no change)',
};
const outcome = (score: number | null, verdict: string | null) => ({ score, verdict });
const CASE_A = {
  record: 'a',
  asOf: '2015-10-01',
  score: 62.5,
  scoreRange: { low: 62.5, high: 62.5 },
  verdict: 'fair',
  verdicts: ['fair'],
  rank: 2,
  tied: false,
  weights: [
    { criterion: 'talks', weight: 2, down: { weight: 1.7, ...outcome(58, 'fair') }, up: { weight: 2.3, ...outcome(80.13, 'strong') } },
    { criterion: 'pledge', weight: 1, down: null, up: { weight: 1.3333, ...outcome(49.99, 'weak') } },
  ],
  levels: [
    { criterion: 'talks', party: null, level: 'partial', down: { level: 'none', ...outcome(30, 'weak') }, up: { level: 'held', ...outcome(100, 'strong') } },
    { criterion: 'pledge', party: 'US', level: 'kept', down: { level: 'unkept', ...outcome(50, 'fair') }, up: null },
    { criterion: 'pledge', party: 'CN', level: null, down: null, up: { level: 'kept', ...outcome(75, 'strong') } },
  ],
  intervals: [
    { criterion: 'pledge', weight: 1, from: 0, to: null, below: null, above: null },
    { criterion: 'talks', weight: 2, from: 1, to: 2.46, below: 'weak', above: 'strong' },
  ],
  sampling: {
    held: 0.7265,
    verdicts: [
      { verdict: 'fair', count: 726 },
      { verdict: 'strong', count: 200 },
      { verdict: 'weak', count: 74 },
    ],
    score: { min: 40, p5: 50.01, median: 62.5, p95: 79.99, max: 90 },
  },
  nextUp: {
    target: 'strong',
    changes: [
      { criterion: 'talks', party: null, from: 'partial', to: 'held', steps: 1, meaning: 'Talks were held' },
      { criterion: 'pledge', party: 'CN', from: null, to: 'kept', steps: 1, meaning: 'when some event where type = fulfilment' },
    ],
    outcome: outcome(100, 'strong'),
  },
  nextDown: {
    target: 'weak',
    changes: [{ criterion: 'talks', party: null, from: 'partial', to: 'none', steps: 1, meaning: 'otherwise (the default level)' }],
    outcome: outcome(30, 'weak'),
  },
};
const EMPTY = { weights: [], levels: [], intervals: [], sampling: null, nextUp: { target: null, changes: null, outcome: null } };
const CASE_B = {
  ...EMPTY,
  record: 'b',
  asOf: '2015-10-01',
  score: null,
  scoreRange: { low: 20, high: 60 },
  verdict: null,
  verdicts: ['fair', 'weak'],
  rank: null,
  tied: false,
  nextDown: { target: null, changes: null, outcome: null },
};
const CASE_C = { ...CASE_B, record: 'c', scoreRange: null, verdicts: [] };
const CASE_D = {
  ...EMPTY,
  record: 'd',
  asOf: '2015-10-01',
  score: 80,
  scoreRange: { low: 80, high: 80 },
  verdict: 'strong',
  verdicts: ['strong'],
  rank: 1,
  tied: false,
  nextDown: { target: 'fair', changes: null, outcome: null },
};
const RANKING = {
  intervals: [
    { criterion: 'talks', weight: 2, from: 0.5, to: 3.46, below: ['d', 'a'], above: null },
    { criterion: 'pledge', weight: 1.2346, from: 0, to: null, below: null, above: ['a', 'd'] },
  ],
  sampling: { held: 0.9, tau: { min: -0.3333, p5: 0.1234, median: 0.8, p95: 1, max: 1 } },
};

describe('sensitivity as JSON', () => {
  it('gives the method, every case rounded as documented, and the ranking', () => {
    const doc = JSON.parse(sensitivityFormats.json(report(), context));
    expect(doc.schema).toBe('summit-score/sensitivity@1');
    expect(doc.tool).toEqual({ name: 'summit-score', version: '9.9.9' });
    expect(doc.matrix).toMatchObject({ id: 'm', title: 'M <1>', version: '2', file: 'm.yaml', sha256: 'abcdef0123456789', extends: null });
    expect(doc.records).toEqual([{ id: 'a', title: 'Case A', date: '2015-09-25', file: 'a.yaml', sha256: 'aa' }]);
    expect(doc.asOf).toBe('2015-10-01');
    expect(doc.method).toEqual(METHOD);
    expect(doc.cases).toEqual([CASE_A, CASE_B, CASE_C, CASE_D]);
    expect(doc.ranking).toEqual(RANKING);
    expect(Object.keys(doc)).toEqual(['schema', 'tool', 'matrix', 'records', 'asOf', 'method', 'cases', 'ranking']);
  });

  it('gives null for Monte Carlo and ranking when there are none, and rank null outside a ranking', () => {
    const doc = JSON.parse(sensitivityFormats.json(lowest(), context));
    expect(doc.method.sampling).toBeNull();
    expect(doc.ranking).toBeNull();
    expect(doc.cases[0]).toMatchObject({ rank: null, tied: false, sampling: null });
    expect(doc.cases[0].nextUp).toEqual({
      target: 'fair',
      changes: [{ criterion: 'talks', party: null, from: 'none', to: 'vanished', steps: 3, meaning: 'no level' }],
      outcome: { score: 55, verdict: null },
    });
    expect(doc.cases[0].nextDown).toEqual({ target: null, changes: null, outcome: null });
  });

  it('keeps a tied place, and a ranking without tau or without sampling', () => {
    const base = report();
    const ranking = { ...base.analysis.ranking!, places: [place(1, true), place(null), place(null), place(1, true)], sampling: { held: 0.5, tau: null } };
    const doc = JSON.parse(sensitivityFormats.json({ ...base, analysis: { ...base.analysis, ranking } }, context));
    expect(doc.cases.map((c: { rank: number | null; tied: boolean }) => [c.rank, c.tied])).toEqual([
      [1, true],
      [null, false],
      [null, false],
      [1, true],
    ]);
    expect(doc.ranking.sampling).toEqual({ held: 0.5, tau: null });
    const unsampled = JSON.parse(sensitivityFormats.json({ ...base, analysis: { ...base.analysis, ranking: { ...ranking, sampling: null } } }, context));
    expect(unsampled.ranking.sampling).toBeNull();
  });
});

describe('sensitivity as NDJSON', () => {
  it('gives one line per case with the matrix and method, then the ranking', () => {
    const lines = sensitivityFormats.ndjson(report(), context).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('');
    const parsed = lines.slice(0, 5).map((line) => JSON.parse(line));
    const matrix = { id: 'm', version: '2', sha256: 'abcdef0123456789' };
    expect(parsed[0]).toEqual({ schema: 'summit-score/sensitivity-case@1', matrix, method: METHOD, ...CASE_A });
    expect(parsed.slice(1, 4)).toEqual([CASE_B, CASE_C, CASE_D].map((c) => ({ schema: 'summit-score/sensitivity-case@1', matrix, method: METHOD, ...c })));
    expect(parsed[4]).toEqual({ schema: 'summit-score/sensitivity-ranking@1', matrix, method: METHOD, ...RANKING });
  });

  it('has no ranking line without a ranking', () => {
    const lines = sensitivityFormats.ndjson(lowest(), context).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).schema)).toEqual(['summit-score/sensitivity-case@1']);
  });
});

describe('sensitivity as CSV', () => {
  it('gives one row per case: total, rank, Monte Carlo and the moves of a band', () => {
    expect(sensitivityFormats.csv(report(), context)).toBe(
      [
        'matrix,record,score,verdict,rank,tied,verdict_held,score_p5,score_median,score_p95,next_up,next_up_changes,next_up_score,next_down,next_down_changes,next_down_score',
        'm,a,62.5,fair,2,FALSE,0.7265,50.01,62.5,79.99,strong,talks=held pledge@CN=kept,100,weak,talks=none,30',
        'm,b,,,,FALSE,,,,,,,,,,',
        'm,c,,,,FALSE,,,,,,,,,,',
        'm,d,80,strong,1,FALSE,,,,,,,,fair,,',
        '',
      ].join('\n'),
    );
  });

  it('marks a tie, and leaves rank empty without a ranking', () => {
    const base = report();
    const ranking = { ...base.analysis.ranking!, places: [place(1, true), place(null), place(null), place(1, true)] };
    const rows = sensitivityFormats.csv({ ...base, analysis: { ...base.analysis, ranking } }, context).split('\n');
    expect(rows[1]).toMatch(/^m,a,62\.5,fair,1,TRUE,/);
    expect(rows[4]).toMatch(/^m,d,80,strong,1,TRUE,/);
    expect(sensitivityFormats.csv(lowest(), context).split('\n')[1]).toBe('m,w,10,weak,,FALSE,,,,,fair,talks=vanished,55,,,');
  });
});

describe('sensitivity as long CSV', () => {
  it('gives one row per case, criterion and party, with the weight and level moves and the interval', () => {
    expect(sensitivityFormats.long(report(), context)).toBe(
      [
        'matrix,record,criterion,party,level,weight,weight_down,weight_down_score,weight_down_verdict,weight_up,weight_up_score,weight_up_verdict,' +
          'level_down,level_down_score,level_down_verdict,level_up,level_up_score,level_up_verdict,verdict_holds_from,verdict_holds_to,score,verdict',
        'm,a,talks,,partial,2,1.7,58,fair,2.3,80.13,strong,none,30,weak,held,100,strong,1,2.46,62.5,fair',
        'm,a,pledge,US,kept,1,,,,1.3333,49.99,weak,unkept,50,fair,,,,0,,62.5,fair',
        'm,a,pledge,CN,,1,,,,1.3333,49.99,weak,,,,kept,75,strong,0,,62.5,fair',
        'm,b,talks,,,2,,,,,,,,,,,,,,,,',
        'm,d,talks,,held,2,,,,,,,,,,,,,,,80,strong',
        '',
      ].join('\n'),
    );
  });

  it('leaves a score empty where a move reaches no total', () => {
    const base = report();
    const a = base.analysis.cases[0]!;
    const changed: CaseSensitivity = {
      ...a,
      weights: [{ ...a.weights[0]!, down: { weight: 0, score: null, verdict: null } }, a.weights[1]!],
      levels: [{ ...a.levels[0]!, down: { level: 'none', score: null, verdict: null } }, a.levels[1]!, a.levels[2]!],
    };
    const rows = sensitivityFormats.long({ ...base, analysis: { ...base.analysis, cases: [changed, ...base.analysis.cases.slice(1)] } }, context).split('\n');
    expect(rows[1]).toBe('m,a,talks,,partial,2,0,,,2.3,80.13,strong,none,,,held,100,strong,1,2.46,62.5,fair');
  });
});
