import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord, formatAverage, roundHalfAway, DEFAULT_GRID_RULES, type CaseResult } from '../../src/engine/index.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';
import { readFileSync } from 'node:fs';

// The bundled G7/G20 Research Group matrix, scored on generated records: each party gets a
// list of cell scores (+1, 0, -1) over commitments c0, c1, ...
const matrix = compileMatrix(matrixFrom(readFileSync(new URL('../../matrices/g20-compliance.yaml', import.meta.url), 'utf8')));

function record(scores: Record<string, (1 | 0 | -1 | 'n/a')[]>): ReturnType<typeof makeRecord> {
  const parties = Object.keys(scores);
  const count = Math.max(...parties.map((party) => scores[party]!.length));
  const events: EventSpec[] = [];
  for (let i = 0; i < count; i++) {
    const bound = parties.filter((party) => scores[party]![i] !== 'n/a');
    events.push({ id: `c${i}`, type: 'commitment', actors: bound });
    for (const party of bound) {
      const score = scores[party]![i];
      if (score === 1) events.push({ id: `full-${party}-${i}`, type: 'report', actors: [party], links: { fulfils: [`c${i}`] } });
      if (score === 0) events.push({ id: `part-${party}-${i}`, type: 'report', actors: [party], fields: { extent: 'partial' }, links: { fulfils: [`c${i}`] } });
    }
  }
  return { ...makeRecord(events), parties };
}

const evaluate = (scores: Parameters<typeof record>[0]): CaseResult => evaluateRecord(matrix, record(scores));

describe('per-party scoring with the G7/G20 Research Group rules', () => {
  it('scores one cell per party and commitment, and averages by party, commitment and overall', () => {
    const result = evaluate({ US: [1, 1, 0, -1], CN: [1, -1, 'n/a', -1] });
    const grid = result.grid!;
    expect(grid.criteria).toEqual(['compliance/c0', 'compliance/c1', 'compliance/c2', 'compliance/c3']);
    expect(result.criteria[1]!.parties!.map((cell) => [cell.party, cell.level?.label])).toEqual([
      ['US', 'full'],
      ['CN', 'none'],
    ]);
    expect(grid.byParty).toEqual([
      { party: 'US', cells: 4, notApplicable: 0, average: 0.25, averageText: '+0.25', percent: 63 },
      { party: 'CN', cells: 3, notApplicable: 1, average: -1 / 3, averageText: '-0.33', percent: 33 },
    ]);
    expect(grid.byCriterion.map((column) => [column.averageText, column.percent, column.notApplicable])).toEqual([
      ['+1.00', 100, 0],
      ['0.00', 50, 0],
      ['0.00', 50, 1],
      ['-1.00', 0, 0],
    ]);
    expect(grid.overall).toMatchObject({ cells: 7, notApplicable: 1, averageText: '0.00', percent: 50 });
  });

  it('makes the total the mean over all applicable cells (cell-mean), which is the overall percentage', () => {
    const result = evaluate({ US: [1, 1, 0, -1], CN: [1, -1, 'n/a', -1] });
    expect(result.score).toBeCloseTo(50, 9);
    const lopsided = evaluate({ US: [1, 1, 1], CN: [-1, 'n/a', 'n/a'] });
    // 3 of 4 cells full: 75, where averaging the criteria first would give (0.5 + 1 + 1) / 3 = 83.3
    expect(lopsided.score).toBeCloseTo(75, 9);
    expect(lopsided.grid!.overall.percent).toBe(75);
  });

  it('reproduces published member figures: 90 % for +0.80 and 75 % for +0.50 over ten commitments', () => {
    const grid = evaluate({ US: [1, 1, 1, 1, 1, 1, 1, 1, 1, -1], CA: [1, 1, 1, 1, 1, 1, 1, 0, -1, -1] }).grid!;
    expect(grid.byParty.map((row) => [row.party, row.averageText, row.percent])).toEqual([
      ['US', '+0.80', 90],
      ['CA', '+0.50', 75],
    ]);
  });

  it('computes the percentage from the unrounded average: +0.05 printed, 52 % not 53 %', () => {
    // 6 full, 11 partial, 5 none: S = 1/22 = 0.04545..., P = 52.27 -> 52; from the rounded 0.05 it would be 52.5 -> 53
    const scores: (1 | 0 | -1)[] = [...Array(6).fill(1), ...Array(11).fill(0), ...Array(5).fill(-1)];
    const row = evaluate({ US: scores }).grid!.byParty[0]!;
    expect(row).toMatchObject({ averageText: '+0.05', percent: 52 });
  });

  it('rounds a half percent up: +0.25 is 62.5, printed 63 %', () => {
    expect(evaluate({ US: [1, 0, 0, 0] }).grid!.byParty[0]).toMatchObject({ averageText: '+0.25', percent: 63 });
  });

  it('takes the printing rules from the matrix', () => {
    expect(formatAverage(0.4, DEFAULT_GRID_RULES)).toBe('+0.40');
    expect(formatAverage(-0.456, DEFAULT_GRID_RULES)).toBe('-0.46');
    expect(formatAverage(-0.001, DEFAULT_GRID_RULES)).toBe('0.00');
    expect(formatAverage(0.4, { ...DEFAULT_GRID_RULES, averageSign: 'negative', averageDecimals: 3 })).toBe('0.400');
    expect(roundHalfAway(62.5, 0)).toBe(63);
    expect(roundHalfAway(52.272727, 0)).toBe(52);
    expect(roundHalfAway(1.005 * 100, 0)).toBe(101);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
  });

  it('counts a breach the party is accused of against full compliance', () => {
    const events: EventSpec[] = [
      { id: 'c', type: 'commitment', actors: ['US', 'CN'] },
      { id: 'talks', type: 'meeting', actors: ['US', 'CN'], links: { fulfils: ['c'] } },
      { id: 'indictment', type: 'indictment', actors: ['US'], fields: { accused: 'CN' }, links: { breaches: ['c'] } },
    ];
    const cells = evaluateRecord(matrix, makeRecord(events)).criteria[0]!.parties!;
    expect(cells.map((cell) => [cell.party, cell.level?.label])).toEqual([
      ['US', 'full'],
      ['CN', 'partial'],
    ]);
  });

  it('rejects partyIn outside a per-party criterion, with its position', () => {
    const text = readFileSync(new URL('../../matrices/g20-compliance.yaml', import.meta.url), 'utf8').replace('    perParty: true\n', '');
    expect(() => matrixFrom(text)).toThrow(/BAD_CONDITION .*partyIn/);
  });
});
