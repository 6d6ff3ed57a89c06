// Results and grids built by hand for the format tests (test/format/evaluation-rows.test.ts,
// test/format/grid.test.ts): every field set, so each figure a test expects follows from the
// fields it changes. `makeGrid` is 3 commitments x 2 members, one cell of each kind.
import type { CaseResult, CriterionResult, Grid, GridAverage, LevelRef, PartyCell } from '../../src/engine/index.js';

export const level = (label: string, score = 1): LevelRef => ({ label, score });

export function criterion(id: string, fields: Partial<CriterionResult> = {}): CriterionResult {
  return {
    id,
    criterion: id.split('/')[0]!,
    title: id,
    subject: id.includes('/') ? id.split('/')[1]! : null,
    weight: 1,
    maxPoints: 2,
    applicable: true,
    level: level('high', 2),
    levelRange: { low: level('high', 2), high: level('high', 2) },
    points: 2,
    normalised: 1,
    normalisedRange: { low: 1, high: 1 },
    evidence: [],
    explanation: null,
    unknown: [],
    contribution: 50,
    contributionRange: { low: 50, high: 50 },
    parties: null,
    ...fields,
  };
}

export const party = (id: string, fields: Partial<PartyCell> = {}): PartyCell => ({
  party: id,
  applicable: true,
  level: level('full', 1),
  levelRange: { low: level('full', 1), high: level('full', 1) },
  points: 1,
  normalised: 1,
  normalisedRange: { low: 1, high: 1 },
  evidence: [],
  explanation: null,
  unknown: [],
  ...fields,
});

export function caseResult(fields: Partial<CaseResult> = {}): CaseResult {
  return {
    record: { id: 'r', title: 'R', date: '2015-09-25' },
    asOf: '2015-10-01',
    score: 100,
    scoreRange: { low: 100, high: 100 },
    band: 'good',
    verdict: 'good',
    verdicts: ['good'],
    undetermined: false,
    unknown: { share: 0, criteria: [] },
    gates: [],
    criteria: [],
    grid: null,
    ...fields,
  };
}

export const average = (fields: Partial<GridAverage> = {}): GridAverage => ({
  cells: 0,
  notApplicable: 0,
  notAssessed: 0,
  average: null,
  fraction: null,
  averageText: null,
  percent: null,
  percentText: null,
  range: null,
  ...fields,
});

export const range = (text: string, percentText: string) => ({ low: -1 / 3, high: 1 / 3, text, percentLow: 33, percentHigh: 67, percentText });

const assessment = (fields: Record<string, unknown>) => ({
  event: 'a1',
  date: '2016-01-10',
  score: 1,
  assessor: null,
  window: null,
  rationale: null,
  superseded: [],
  byWindow: {},
  problem: null,
  ...fields,
});

export function makeGrid(fields: Partial<Grid> = {}): Grid {
  return {
    rules: { averageDecimals: 2, averageSign: 'always', percentDecimals: 0, rounding: 'half-up', minus: '−', rows: 'commitments' },
    overallMethod: 'cells',
    members: [
      { id: 'US', name: 'United States' },
      { id: 'CN', name: 'China' },
    ],
    commitments: [
      { id: 'k/p1', criterion: 'k', subject: 'p1', title: 'Climate finance', addedIn: null, area: 'climate' },
      { id: 'k/p2', criterion: 'k', subject: 'p2', title: 'Trade', addedIn: 'final', area: null },
      { id: 'k/p3', criterion: 'k', subject: 'p3', title: 'Health', addedIn: null, area: null },
    ],
    cells: [
      [
        {
          status: 'scored',
          score: 1,
          level: 'full',
          text: '+1',
          assessment: assessment({ assessor: 'G20 RG', window: 'interim', rationale: 'On time', superseded: ['a0', 'a-1'] }),
        },
        { status: 'not-applicable', score: null, level: null, text: 'n/a', assessment: null },
      ],
      [
        {
          status: 'not-assessed',
          score: null,
          level: null,
          text: 'not assessed',
          assessment: assessment({ event: 'a2', date: '2016-02-01', score: 5, problem: 'score 5 is not on the scale' }),
        },
        { status: 'scored', score: -1, level: 'none', text: '−1', assessment: null },
      ],
      [
        { status: 'not-assessed', score: null, level: null, text: 'not assessed', assessment: null },
        { status: 'scored', score: 0, level: 'partial', text: '0', assessment: null },
      ],
    ],
    parties: ['US', 'CN'],
    criteria: ['k/p1', 'k/p2', 'k/p3'],
    byParty: [
      { party: 'US', ...average({ cells: 1, notAssessed: 2 }) },
      { party: 'CN', ...average({ cells: 2, notApplicable: 1, average: -0.5, averageText: '−0.50', percent: 25, percentText: '25%' }) },
    ],
    byCriterion: [
      { criterion: 'k/p1', ...average({ cells: 1, notApplicable: 1, average: 1, averageText: '+1.00', percent: 100, percentText: '100%' }) },
      { criterion: 'k/p2', ...average({ cells: 1, notAssessed: 1, range: range('−1.00 to +1.00', '0% to 50%') }) },
      { criterion: 'k/p3', ...average({ cells: 1, notAssessed: 1, percentText: '50%' }) },
    ],
    overall: average({ cells: 3, notApplicable: 1, notAssessed: 2, range: range('−0.33 to +0.33', '33% to 67%') }),
    windows: null,
    ...fields,
  };
}
