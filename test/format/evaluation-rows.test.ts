// The rows of evaluate's CSV and long outputs (src/format/evaluation-rows.ts), on results built by
// hand, so that every figure follows from the fields set: the total and its interval in
// hundredths, contributions in cents that add up to the printed total (each rounded down, the
// cents left over to the largest remainders, the first on a tie), a party's share of its
// criterion's contribution in proportion to its normalised score, and the level words.
import { describe, expect, it } from 'vitest';
import type { CaseResult, CriterionResult, Matrix } from '../../src/engine/index.js';
import {
  caseCells,
  CASE_COLUMNS,
  CELL_COLUMNS,
  cellRows,
  levelRangeWord,
  longEvaluationRows,
  resultIds,
  scoreOf,
  wideCells,
  wideColumns,
  wideEvaluationRows,
} from '../../src/format/evaluation-rows.js';
import type { EvaluationReport } from '../../src/format/report.js';
import { caseResult, criterion, level, party } from '../helpers/hand-results.js';

const contributionsOf = (result: CaseResult) => cellRows(result).map((row) => row[CELL_COLUMNS.indexOf('contribution')]);

describe('caseCells and scoreOf', () => {
  it('gives the total in hundredths (69.995 up, as written), its interval, band, verdicts and unknown share', () => {
    const result = caseResult({
      score: 69.995,
      scoreRange: { low: 12.344, high: 80.126 },
      band: 'fair',
      verdict: null,
      verdicts: ['good', 'fair'],
      unknown: { share: 0.123456, criteria: ['x'] },
    });
    // unknown share: 12.3456 % rounded to 12.35, as a share 0.1235.
    expect(caseCells(result)).toEqual([70, 12.34, 80.13, 'fair', null, 'good;fair', 0.1235]);
    expect(CASE_COLUMNS).toEqual(['score', 'score_low', 'score_high', 'band', 'verdict', 'verdicts', 'unknown_share']);
  });

  it('leaves out what is not known: no total, no interval, no verdicts', () => {
    const result = caseResult({ score: null, scoreRange: null, band: null, verdict: null, verdicts: [] });
    expect(caseCells(result)).toEqual([null, null, null, null, null, null, 0]);
    expect(scoreOf(result)).toBeNull();
    expect(scoreOf(caseResult({ score: 33.335 }))).toBe(33.34);
  });
});

describe('cellRows', () => {
  it('writes a row per criterion, cell by cell', () => {
    const result = caseResult({
      score: 50,
      criteria: [
        criterion('a', { points: 2 / 3, weight: 3, contributionRange: { low: 12.345, high: 60.555 } }),
        criterion('b/e1', { applicable: 'unknown', level: null, levelRange: { low: null, high: level('top', 3) }, points: null, contribution: null }),
        criterion('c', { applicable: false, level: null, levelRange: null, points: null, contribution: 7, contributionRange: { low: 0, high: 0 } }),
      ],
    });
    const rows = cellRows(result);
    expect(CELL_COLUMNS).toEqual([
      'criterion',
      'subject',
      'party',
      'applicable',
      'level',
      'level_low',
      'level_high',
      'level_score',
      'points',
      'max_points',
      'weight',
      'contribution',
      'contribution_low',
      'contribution_high',
    ]);
    // The total 50 is 5000 cents: a's 50 takes them all; c does not apply, so it has none.
    expect(rows).toEqual([
      ['a', null, null, true, 'high', 'high', 'high', 2, 0.67, 2, 3, 50, 12.35, 60.56],
      ['b/e1', 'e1', null, null, null, null, 'top', null, null, 2, 1, null, 50, 50],
      ['c', null, null, false, null, null, null, null, null, 2, 1, null, 0, 0],
    ]);
  });

  it('rounds contributions to cents that add up to the total, the cent left over to the largest remainder', () => {
    // 100/3 and 200/3 round down to 33.33 and 66.66, 99.99; the total 100 has one cent more, which
    // goes to 66.66 (remainder 0.67 of a cent against 0.33).
    const result = caseResult({ score: 100, criteria: [criterion('a', { contribution: 100 / 3 }), criterion('b', { contribution: 200 / 3 })] });
    expect(contributionsOf(result)).toEqual([33.33, 66.67]);
    // Two remainders alike: the cent goes to the first.
    const tie = caseResult({ score: 200 / 3, criteria: [criterion('a', { contribution: 100 / 3 }), criterion('b', { contribution: 100 / 3 })] });
    expect(contributionsOf(tie)).toEqual([33.34, 33.33]);
    // Floors of 10.00 + 20.00 + 30.00 against a total of 60.02: two cents left over, to the two
    // largest remainders (0.9 and 0.7 of a cent, not 0.4).
    const two = caseResult({
      score: 60.02,
      criteria: [criterion('a', { contribution: 10.004 }), criterion('b', { contribution: 20.007 }), criterion('c', { contribution: 30.009 })],
    });
    expect(contributionsOf(two)).toEqual([10, 20.01, 30.01]);
    // A contribution that is null takes no cent: the two left over go to the others.
    const open = caseResult({
      score: 30.02,
      criteria: [criterion('a', { contribution: 10.004 }), criterion('b', { contribution: null }), criterion('c', { contribution: 20.007 })],
    });
    expect(contributionsOf(open)).toEqual([10.01, null, 20.01]);
  });

  it('rounds each contribution to the nearest cent when there is no total', () => {
    const result = caseResult({
      score: null,
      criteria: [criterion('a', { contribution: 12.345678 }), criterion('b', { contribution: 1.004 }), criterion('c', { contribution: null })],
    });
    expect(contributionsOf(result)).toEqual([12.35, 1, null]);
  });

  it("gives each party its share of the criterion's contribution, in proportion to its normalised score", () => {
    const perParty = criterion('p', {
      contribution: 30,
      contributionRange: { low: 30, high: 30 },
      parties: [
        party('US', { normalised: 1 }),
        party('CN', { normalised: 0.5, level: level('part', 0), levelRange: { low: level('part', 0), high: level('full', 1) }, points: 0.5 }),
        party('RU', { applicable: false, level: null, levelRange: null, points: null, normalised: null }),
        party('JP', { applicable: 'unknown', normalised: null, level: null }),
      ],
    });
    // US 30 x 1 / 1.5 = 20, CN 30 x 0.5 / 1.5 = 10; JP's "unknown" counts as applicable with 0.
    const rows = cellRows(caseResult({ score: 30, criteria: [perParty] }));
    expect(rows).toEqual([
      ['p', null, 'US', true, 'full', 'full', 'full', 1, 1, 2, 1, 20, null, null],
      ['p', null, 'CN', true, 'part', 'part', 'full', 0, 0.5, 2, 1, 10, null, null],
      ['p', null, 'RU', false, null, null, null, null, null, 2, 1, null, null, null],
      ['p', null, 'JP', null, null, 'full', 'full', null, 1, 2, 1, 0, null, null],
    ]);
  });

  it('gives every applicable party 0 when none scores, and none when the criterion has no contribution', () => {
    const zero = criterion('p', { contribution: 0, parties: [party('US', { normalised: 0 }), party('CN', { normalised: 0 })] });
    expect(contributionsOf(caseResult({ score: 0, criteria: [zero] }))).toEqual([0, 0]);
    const open = criterion('p', { contribution: null, parties: [party('US'), party('CN')] });
    expect(contributionsOf(caseResult({ score: null, criteria: [open] }))).toEqual([null, null]);
  });
});

describe('the level words', () => {
  const open = (applicable: CriterionResult['applicable'], low: string | null, high: string | null) =>
    criterion('x', { applicable, level: null, levelRange: { low: low === null ? null : level(low), high: high === null ? null : level(high) } });

  it('gives a label, n/a, per-party, or low..high while the record leaves the level open', () => {
    expect(levelRangeWord(undefined)).toBeNull();
    expect(levelRangeWord(criterion('x', { level: level('mid') }))).toBe('mid');
    expect(levelRangeWord(criterion('x', { applicable: false, level: null, levelRange: null }))).toBe('n/a');
    expect(levelRangeWord(criterion('x', { parties: [party('US')] }))).toBe('per-party');
    expect(levelRangeWord(criterion('x', { level: null, levelRange: null }))).toBeNull();
    expect(levelRangeWord(open(true, 'low', 'high'))).toBe('low..high');
    expect(levelRangeWord(open(true, null, 'high'))).toBe('(none)..high');
    expect(levelRangeWord(open(true, 'low', null))).toBe('low..(none)');
    expect(levelRangeWord(open(true, 'same', 'same'))).toBeNull();
    expect(levelRangeWord(open('unknown', 'low', 'high'))).toBe('n/a..high');
    expect(levelRangeWord(open('unknown', 'same', 'same'))).toBe('n/a..same');
    expect(levelRangeWord(open('unknown', null, null))).toBe('n/a..(none)');
  });

  it('names the five wide columns of a criterion and fills them', () => {
    expect(wideColumns('espionage-ip')).toEqual(['espionage-ip', 'espionage-ip_low', 'espionage-ip_high', 'espionage-ip_applicable', 'espionage-ip_points']);
    expect(wideCells(undefined)).toEqual([null, null, null, null, null]);
    expect(wideCells(criterion('x', { level: level('mid'), levelRange: { low: level('low'), high: level('mid') }, points: 2 / 3 }))).toEqual([
      'mid',
      'low',
      'mid',
      true,
      0.67,
    ]);
    expect(wideCells(criterion('x', { parties: [party('US')], points: 0.5 }))).toEqual(['per-party', null, null, true, 0.5]);
    expect(wideCells(criterion('x', { applicable: false, level: null, levelRange: null, points: null }))).toEqual([null, null, null, false, null]);
    expect(wideCells(open('unknown', 'low', 'high'))).toEqual([null, 'low', 'high', null, 2]);
    expect(wideCells(criterion('x', { points: 0 }))).toEqual(['high', 'high', 'high', true, 0]);
    // An open level with a missing end: that end empty.
    expect(wideCells(open(true, 'low', null))).toEqual([null, 'low', null, true, 2]);
    expect(wideCells(open(true, null, 'high'))).toEqual([null, null, 'high', true, 2]);
    const ends = (low: string | null, high: string | null) => cellRows(caseResult({ score: null, criteria: [open(true, low, high)] }))[0]!.slice(5, 7);
    expect(ends('low', null)).toEqual(['low', null]);
    expect(ends(null, 'high')).toEqual([null, 'high']);
  });
});

describe('resultIds', () => {
  it('lists result ids in matrix order, forEach subjects in the order they first appear across results', () => {
    const matrix = { criteria: [{ id: 'a' }, { id: 'b' }, { id: 'z' }] } as unknown as Matrix;
    const results = [
      caseResult({ criteria: [criterion('b/e2'), criterion('a'), criterion('b/e1')] }),
      caseResult({ criteria: [criterion('b/e3'), criterion('b/e1'), criterion('a')] }),
    ];
    expect(resultIds(matrix, results)).toEqual(['a', 'b/e2', 'b/e1', 'b/e3']);
  });
});

describe('longEvaluationRows and wideEvaluationRows', () => {
  const report = (results: CaseResult[]): EvaluationReport => ({
    tool: { name: 'summit-score', version: '9.9.9' },
    matrix: { definition: { id: 'm', version: '2', criteria: [{ id: 'a' }, { id: 'b' }] } as unknown as Matrix, file: 'm.yaml', sha256: 'f00d' },
    asOf: null,
    results: results.map((result) => ({ file: 'r.yaml', sha256: '', result })),
    bundledDefault: false,
  });
  const one = caseResult({ score: 50, scoreRange: { low: 50, high: 50 }, criteria: [criterion('a')] });
  const two = caseResult({ record: { id: 's', title: 'S', date: '2016-01-01' }, asOf: '2016-02-01', score: 50, criteria: [criterion('b')] });

  it('long: one row per record and cell, with the matrix, the record, the case and the provenance', () => {
    const table = longEvaluationRows(report([one, two]));
    expect(table.columns).toEqual(['matrix', 'matrix_version', 'record', 'as_of', ...CELL_COLUMNS, ...CASE_COLUMNS, 'tool_version', 'matrix_sha256']);
    expect(table.rows).toEqual([
      [
        'm',
        '2',
        'r',
        '2015-10-01',
        'a',
        null,
        null,
        true,
        'high',
        'high',
        'high',
        2,
        2,
        2,
        1,
        50,
        50,
        50,
        50,
        50,
        50,
        'good',
        'good',
        'good',
        0,
        '9.9.9',
        'f00d',
      ],
      [
        'm',
        '2',
        's',
        '2016-02-01',
        'b',
        null,
        null,
        true,
        'high',
        'high',
        'high',
        2,
        2,
        2,
        1,
        50,
        50,
        50,
        50,
        100,
        100,
        'good',
        'good',
        'good',
        0,
        '9.9.9',
        'f00d',
      ],
    ]);
  });

  it('wide: one row per record, five columns per result id, empty where a record lacks one', () => {
    const table = wideEvaluationRows(report([one, two]));
    expect(table.columns).toEqual([
      'matrix',
      'matrix_version',
      'record',
      'title',
      'as_of',
      ...CASE_COLUMNS,
      ...['a', 'a_low', 'a_high', 'a_applicable', 'a_points'],
      ...['b', 'b_low', 'b_high', 'b_applicable', 'b_points'],
      'tool_version',
      'matrix_sha256',
    ]);
    expect(table.rows).toEqual([
      ['m', '2', 'r', 'R', '2015-10-01', 50, 50, 50, 'good', 'good', 'good', 0, 'high', 'high', 'high', true, 2, null, null, null, null, null, '9.9.9', 'f00d'],
      [
        'm',
        '2',
        's',
        'S',
        '2016-02-01',
        50,
        100,
        100,
        'good',
        'good',
        'good',
        0,
        null,
        null,
        null,
        null,
        null,
        'high',
        'high',
        'high',
        true,
        2,
        '9.9.9',
        'f00d',
      ],
    ]);
  });
});
