// The analysis of `summit-score sensitivity` built by hand for test/format/sensitivity.test.ts and
// test/format/sensitivity-text.test.ts, so each figure a format prints is one the test sets:
// matrix m (talks, weight 2; pledge, per party, weight 1; bands strong 75, fair 50, weak 0) and
// four cases: a (62.5, fair) with every part of the analysis, b whose total the record leaves
// open (19.995 to 60.004), c without a total, and d (80, strong) in the best band, with no move
// of levels down. \`lowest()\` holds one case in the lowest band, without Monte Carlo or ranking.
import type { CaseResult, Condition, Matrix } from '../../src/engine/index.js';
import type { RankPlace } from '../../src/engine/rank.js';
import type { CaseSensitivity, SensitivityResult } from '../../src/engine/sensitivity.js';
import type { SensitivityReport } from '../../src/format/sensitivity.js';
import { caseResult, criterion, level, party } from './hand-results.js';

// The matrix as the loader gives it, built by hand (loading YAML costs a second on a cold start).
const someEvent = (path: string, type: string): Condition => ({
  path,
  op: 'some',
  where: { path: `${path}.some`, op: 'field', field: 'type', check: { test: 'equals', value: type } },
});
const matrix = (): Matrix => ({
  id: 'm',
  title: 'M <1>',
  version: '2',
  source: { author: 'T' },
  aggregation: 'weighted-mean',
  criteria: [
    {
      id: 'talks',
      title: 'Talks',
      weight: 2,
      gates: [],
      levels: [
        { label: 'held', score: 2, description: 'Talks were held', when: someEvent('criteria[0].levels[0].when', 'summit') },
        { label: 'partial', score: 1, when: someEvent('criteria[0].levels[1].when', 'meeting') },
        { label: 'none', score: 0 },
      ],
    },
    {
      id: 'pledge',
      title: 'Pledge',
      weight: 1,
      gates: [],
      perParty: true,
      levels: [
        { label: 'kept', score: 1, when: someEvent('criteria[1].levels[0].when', 'fulfilment') },
        { label: 'unkept', score: 0 },
      ],
    },
  ],
  verdicts: [
    { label: 'strong', min: 75 },
    { label: 'fair', min: 50 },
    { label: 'weak', min: 0 },
  ],
});
export const DISTRIBUTION = 'each weight times 2^u';

const record = (id: string) => ({ id, title: `Case ${id.toUpperCase()}`, date: '2015-09-25' });
const talks = (label: string | null) => criterion('talks', { weight: 2, level: label === null ? null : level(label, 1) });

function results(): CaseResult[] {
  return [
    caseResult({
      record: record('a'),
      score: 62.5,
      scoreRange: { low: 62.5, high: 62.5 },
      band: 'fair',
      verdict: 'fair',
      verdicts: ['fair'],
      criteria: [
        talks('partial'),
        criterion('pledge', { weight: 1, level: null, parties: [party('US', { level: level('kept', 1) }), party('CN', { level: null })] }),
      ],
    }),
    caseResult({
      record: record('b'),
      score: null,
      scoreRange: { low: 19.995, high: 60.004 },
      band: null,
      verdict: null,
      verdicts: ['fair', 'weak'],
      unknown: { share: 0.333, criteria: ['talks', 'pledge'] },
      criteria: [talks(null)],
    }),
    caseResult({ record: record('c'), score: null, scoreRange: null, band: null, verdict: null, verdicts: [], criteria: [] }),
    caseResult({
      record: record('d'),
      score: 80,
      scoreRange: { low: 80, high: 80 },
      band: 'strong',
      verdict: 'strong',
      verdicts: ['strong'],
      criteria: [talks('held')],
    }),
  ];
}

const noMove = (direction: 'up' | 'down') => ({ direction, target: null, changes: null, outcome: null });
const unanalysed = (id: string): CaseSensitivity => ({
  record: id,
  score: null,
  verdict: null,
  weights: [],
  levels: [],
  intervals: [],
  sampling: null,
  nextUp: noMove('up'),
  nextDown: noMove('down'),
});
export const place = (rank: number | null, tied = false): RankPlace => ({ rank, tied, rankRange: rank === null ? null : { best: rank, worst: rank } });

function analysis(): SensitivityResult {
  const a: CaseSensitivity = {
    record: 'a',
    score: 62.5,
    verdict: 'fair',
    weights: [
      { criterion: 'talks', weight: 2, down: { weight: 1.7, score: 58, verdict: 'fair' }, up: { weight: 2.3, score: 80.125, verdict: 'strong' } },
      // No step down (as for a weight already at 0).
      { criterion: 'pledge', weight: 1, down: null, up: { weight: 1.3333333, score: 49.994, verdict: 'weak' } },
    ],
    levels: [
      {
        result: 'talks',
        criterion: 'talks',
        party: null,
        level: 'partial',
        down: { level: 'none', score: 30, verdict: 'weak' },
        up: { level: 'held', score: 100, verdict: 'strong' },
      },
      { result: 'pledge', criterion: 'pledge', party: 'US', level: 'kept', down: { level: 'unkept', score: 50, verdict: 'fair' }, up: null },
      { result: 'pledge', criterion: 'pledge', party: 'CN', level: null, down: null, up: { level: 'kept', score: 75, verdict: 'strong' } },
    ],
    // Not in the order of the weights: each row finds its own criterion's interval.
    intervals: [
      { criterion: 'pledge', weight: 1, from: 0, to: null, below: null, above: null },
      { criterion: 'talks', weight: 2, from: 1.004, to: 2.456, below: 'weak', above: 'strong' },
    ],
    sampling: {
      held: 0.72649,
      verdicts: [
        { verdict: 'fair', count: 726 },
        { verdict: 'strong', count: 200 },
        { verdict: 'weak', count: 74 },
      ],
      score: { min: 40.004, p5: 50.005, median: 62.5, p95: 79.994, max: 90 },
    },
    nextUp: {
      direction: 'up',
      target: 'strong',
      changes: [
        { result: 'talks', criterion: 'talks', party: null, from: 'partial', to: 'held', steps: 1 },
        { result: 'pledge', criterion: 'pledge', party: 'CN', from: null, to: 'kept', steps: 1 },
      ],
      outcome: { score: 100, verdict: 'strong' },
    },
    nextDown: {
      direction: 'down',
      target: 'weak',
      changes: [{ result: 'talks', criterion: 'talks', party: null, from: 'partial', to: 'none', steps: 1 }],
      outcome: { score: 30, verdict: 'weak' },
    },
  };
  const d: CaseSensitivity = {
    ...unanalysed('d'),
    score: 80,
    verdict: 'strong',
    nextDown: { direction: 'down', target: 'fair', changes: null, outcome: null },
  };
  return {
    weightStep: { share: 0.1, absolute: 0.30000000000000004 },
    sampling: { samples: 1000, seed: 7, generator: 'mulberry32', distribution: DISTRIBUTION },
    cases: [a, unanalysed('b'), unanalysed('c'), d],
    ranking: {
      places: [place(2), place(null), place(null), place(1)],
      intervals: [
        { criterion: 'talks', weight: 2, from: 0.5, to: 3.456, below: ['d', 'a'], above: null },
        { criterion: 'pledge', weight: 1.23456, from: 0, to: null, below: null, above: ['a', 'd'] },
      ],
      sampling: { held: 0.9, tau: { min: -0.33333, p5: 0.12344, median: 0.8, p95: 0.99999, max: 1 } },
    },
  };
}

export function report(change: Partial<SensitivityReport> = {}): SensitivityReport {
  return {
    tool: { name: 'summit-score', version: '9.9.9' },
    matrix: { definition: matrix(), file: 'm.yaml', sha256: 'abcdef0123456789' },
    records: [{ record: { id: 'a', title: 'Case A', date: '2015-09-25', day: 0, parties: ['US', 'CN'], events: [] }, file: 'a.yaml', sha256: 'aa' }],
    asOf: '2015-10-01',
    results: results(),
    analysis: analysis(),
    ...change,
  };
}

// One case in the lowest band, 10.00 weak: its move up needs a label the matrix does not have
// (as from a matrix edited since), and reaches a total no band takes.
export function lowest(): SensitivityReport {
  const base = report();
  const w: CaseSensitivity = {
    ...unanalysed('w'),
    score: 10,
    verdict: 'weak',
    nextUp: {
      direction: 'up',
      target: 'fair',
      changes: [{ result: 'talks', criterion: 'talks', party: null, from: 'none', to: 'vanished', steps: 3 }],
      outcome: { score: 55, verdict: null },
    },
  };
  return {
    ...base,
    results: [
      caseResult({ record: record('w'), score: 10, scoreRange: { low: 10, high: 10 }, band: 'weak', verdict: 'weak', verdicts: ['weak'], criteria: [] }),
    ],
    analysis: { ...base.analysis, sampling: null, cases: [w], ranking: null },
  };
}
