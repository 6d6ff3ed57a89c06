import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord, formatAverage, DEFAULT_GRID_RULES, type CaseResult, type Grid } from '../../src/engine/index.js';
import { makeRecord, matrixFrom, recordFrom, type EventSpec } from '../helpers/build.js';
import { readFileSync } from 'node:fs';

// The bundled G7/G20 Research Group matrix, scored on generated records: each party gets a
// list of cell scores (+1, 0, -1) over commitments c0, c1, ...
const matrixText = readFileSync(new URL('../../matrices/g20-compliance.yaml', import.meta.url), 'utf8');
const definition = matrixFrom(matrixText);
const matrix = compileMatrix(definition);
const ascii = compileMatrix({ ...definition, grid: { ...definition.grid!, minus: '-' } });

type Score = 1 | 0 | -1 | 'n/a';

/** The derived path: fulfilling reports (full or partial) that the matrix turns into cells. */
function record(scores: Record<string, Score[]>): ReturnType<typeof makeRecord> {
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

/** The assessment path: the same cells stated directly, one assessment event per cell. */
function assessedRecordYaml(scores: Record<string, Score[]>, extra = ''): string {
  const parties = Object.keys(scores);
  const count = Math.max(...parties.map((party) => scores[party]!.length));
  const lines = ['id: assessed', 'title: Assessed', 'date: 2015-11-16', `parties: [${parties.join(', ')}]`, extra, 'events:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - {id: c${i}, date: 2015-11-16, type: commitment, sources: [{title: communique}]}`);
    for (const party of parties) {
      const score = scores[party]![i]!;
      const stated = score === 'n/a' ? 'not-applicable' : score;
      lines.push(
        `  - {id: a-${party.toLowerCase()}-${i}, date: 2016-09-03, type: assessment, assessment: {member: ${party}, commitment: c${i}, score: ${stated}}, sources: [{title: report}]}`,
      );
    }
  }
  return lines.join('\n');
}

const evaluate = (scores: Record<string, Score[]>, compiled = matrix): CaseResult => evaluateRecord(compiled, record(scores));

const printed = (grid: Grid) => ({
  cells: grid.cells.map((row) => row.map((cell) => cell.text)),
  byParty: grid.byParty.map((row) => [row.party, row.averageText, row.percentText]),
  byCriterion: grid.byCriterion.map((column) => [column.criterion, column.averageText, column.percentText]),
  overall: [grid.overall.averageText, grid.overall.percentText],
});

describe('per-party scoring with the G7/G20 Research Group rules', () => {
  it('scores one cell per party and commitment, and averages by party, commitment and overall', () => {
    const result = evaluate({ US: [1, 1, 0, -1], CN: [1, -1, 'n/a', -1] }, ascii);
    const grid = result.grid!;
    expect(grid.criteria).toEqual(['compliance/c0', 'compliance/c1', 'compliance/c2', 'compliance/c3']);
    expect(result.criteria[1]!.parties!.map((cell) => [cell.party, cell.level?.label])).toEqual([
      ['US', 'full'],
      ['CN', 'none'],
    ]);
    expect(grid.byParty).toMatchObject([
      { party: 'US', cells: 4, notApplicable: 0, notAssessed: 0, average: 0.25, fraction: '1/4', averageText: '+0.25', percent: 63 },
      { party: 'CN', cells: 3, notApplicable: 1, notAssessed: 0, fraction: '-1/3', averageText: '-0.33', percent: 33 },
    ]);
    expect(grid.byCriterion.map((column) => [column.averageText, column.percent, column.notApplicable])).toEqual([
      ['+1.00', 100, 0],
      ['0.00', 50, 0],
      ['0.00', 50, 1],
      ['-1.00', 0, 0],
    ]);
    expect(grid.overall).toMatchObject({ cells: 7, notApplicable: 1, averageText: '0.00', percent: 50 });
    expect(grid.cells.map((row) => row.map((cell) => cell.text))).toEqual([
      ['+1', '+1'],
      ['+1', '-1'],
      ['0', 'n/a'],
      ['-1', '-1'],
    ]);
  });

  it('prints the minus the matrix declares: U+2212 in the bundled matrix', () => {
    const grid = evaluate({ US: [1, -1, -1], CN: [-1, -1, 'n/a'] }).grid!;
    expect(grid.byParty.map((row) => row.averageText)).toEqual(['\u22120.33', '\u22121.00']);
    expect(grid.cells[1]![0]!.text).toBe('\u22121');
  });

  it('makes the total the mean over all applicable cells (cell-mean), which is the overall percentage', () => {
    const result = evaluate({ US: [1, 1, 0, -1], CN: [1, -1, 'n/a', -1] });
    expect(result.score).toBeCloseTo(50, 9);
    const lopsided = evaluate({ US: [1, 1, 1], CN: [-1, 'n/a', 'n/a'] });
    // 3 of 4 cells full: 75, where averaging the criteria first would give (0.5 + 1 + 1) / 3 = 83.3
    expect(lopsided.score).toBeCloseTo(75, 9);
    expect(lopsided.grid!.overall.percent).toBe(75);
    expect(lopsided.grid!.overallMethod).toBe('cells');
  });

  it('forms the overall figure as the matrix names it: pooled cells, mean of member averages, or of commitment averages', () => {
    // US: +1 +1 +1 (avg 1); CN: -1 n/a n/a (avg -1). Cells: 2/4 = +0.50. Members: (1 - 1)/2 = 0. Commitments: (0 + 1 + 1)/3 = +0.67.
    const scores: Record<string, Score[]> = { US: [1, 1, 1], CN: [-1, 'n/a', 'n/a'] };
    const overall = (method: 'cells' | 'members' | 'commitments') =>
      evaluate(scores, compileMatrix({ ...definition, grid: { ...definition.grid!, overall: method } })).grid!.overall;
    expect([overall('cells').averageText, overall('cells').percentText]).toEqual(['+0.50', '75%']);
    expect([overall('members').averageText, overall('members').percentText]).toEqual(['0.00', '50%']);
    expect([overall('commitments').averageText, overall('commitments').fraction, overall('commitments').percentText]).toEqual(['+0.67', '2/3', '83%']);
  });

  // 2015 Antalya interim report (Munk School release, 22 July 2016, SOURCES.md 5.1): 10 commitments,
  // United States 90 %, Canada and China 75 %, overall 63 %. The release gives no cells and no
  // averages: the cells below are one assignment with the published percentages, and +0.80 / +0.50
  // are what P = 50 x (S + 1) gives back; the published figures are the percentages.
  it('reproduces published member figures: 90 % for +0.80 and 75 % for +0.50 over ten commitments', () => {
    const grid = evaluate({ US: [1, 1, 1, 1, 1, 1, 1, 1, 1, -1], CA: [1, 1, 1, 1, 1, 1, 1, 0, -1, -1] }).grid!;
    expect(grid.byParty.map((row) => [row.party, row.averageText, row.percent])).toEqual([
      ['US', '+0.80', 90],
      ['CA', '+0.50', 75],
    ]);
  });

  it('computes the percentage from the unrounded average: +0.05 printed, 52 % not 53 %', () => {
    // 6 full, 11 partial, 5 none: S = 1/22 = 0.04545..., P = 52.27 -> 52; from the rounded 0.05 it would be 52.5 -> 53
    const scores: Score[] = [...Array(6).fill(1), ...Array(11).fill(0), ...Array(5).fill(-1)];
    const row = evaluate({ US: scores }).grid!.byParty[0]!;
    expect(row).toMatchObject({ averageText: '+0.05', percent: 52, fraction: '1/22' });
  });

  it('rounds a half percent up: +0.25 is 62.5, printed 63 %', () => {
    expect(evaluate({ US: [1, 0, 0, 0] }).grid!.byParty[0]).toMatchObject({ averageText: '+0.25', percent: 63 });
  });

  it('takes the printing rules from the matrix', () => {
    expect(formatAverage(0.4, DEFAULT_GRID_RULES)).toBe('+0.40');
    expect(formatAverage(-0.456, DEFAULT_GRID_RULES)).toBe('-0.46');
    expect(formatAverage(-0.001, DEFAULT_GRID_RULES)).toBe('0.00');
    expect(formatAverage(0.4, { ...DEFAULT_GRID_RULES, averageSign: 'negative', averageDecimals: 3 })).toBe('0.400');
    expect(formatAverage(-0.4, { ...DEFAULT_GRID_RULES, minus: '\u2212' })).toBe('\u22120.40');
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
    const text = matrixText.replace('    perParty: true\n', '');
    expect(() => matrixFrom(text)).toThrow(/BAD_CONDITION .*partyIn/);
  });
});

describe('assessments state cells directly', () => {
  const scores: Record<string, Score[]> = { US: [1, 1, 0, -1], CN: [1, -1, 'n/a', -1], DE: [0, 0, 1, 'n/a'] };

  it('gives the same grid as deriving the cells from events', () => {
    const derived = evaluate(scores).grid!;
    const assessed = evaluateRecord(matrix, recordFrom(assessedRecordYaml(scores))).grid!;
    expect(printed(assessed)).toEqual(printed(derived));
    expect(printed(assessed).byParty).toEqual([
      ['US', '+0.25', '63%'],
      ['CN', '\u22120.33', '33%'],
      ['DE', '+0.33', '67%'],
    ]);
    expect(assessed.cells[0]![0]!.assessment).toMatchObject({ event: 'a-us-0', superseded: [] });
  });

  it('lets a −1 cell carry its evidence: the assessment event and its sources', () => {
    const result = evaluateRecord(matrix, recordFrom(assessedRecordYaml(scores)));
    const cell = result.criteria[3]!.parties![0]!;
    expect([cell.party, cell.level?.score, cell.evidence.map((e) => e.event)]).toEqual(['US', -1, ['a-us-3']]);
    expect(cell.evidence[0]!.sources).toEqual([{ title: 'report', verified: true }]);
  });

  const recalibrated = `id: recal
title: Recalibrated
date: 2015-11-16
parties: [US, CN]
windows:
  - {id: interim, title: Interim, from: 2015-11-16, to: 2016-04-06}
  - {id: final, title: Final, from: 2015-11-16, to: 2016-09-05}
events:
  - {id: c1, date: 2015-11-16, type: commitment, title: Aid for trade, sources: [{title: communique}]}
  - {id: c2, date: 2015-11-16, type: commitment, title: Tax administration, sources: [{title: communique}]}
  - {id: us-c1-interim, date: 2016-07-22, type: assessment, assessment: {member: US, commitment: c1, score: 0, window: interim, assessor: G20 Research Group}, sources: [{title: interim}]}
  - {id: cn-c1-interim, date: 2016-07-22, type: assessment, assessment: {member: CN, commitment: c1, score: -1, window: interim}, sources: [{title: interim}]}
  - {id: us-c1-final, date: 2016-09-03, type: assessment, assessment: {member: US, commitment: c1, score: 1, window: final, rationale: programme completed}, sources: [{title: final}]}
  - {id: cn-c1-final, date: 2016-09-03, type: assessment, assessment: {member: CN, commitment: c1, score: 0, window: final}, sources: [{title: final}]}
  - {id: us-c2-final, date: 2016-09-03, type: assessment, assessment: {member: US, commitment: c2, score: 1, window: final}, sources: [{title: final}]}
  - {id: cn-c2-final, date: 2016-09-03, type: assessment, assessment: {member: CN, commitment: c2, score: not-assessed, window: final}, sources: [{title: final}]}
  - {id: cn-c2-recalibrated, date: 2016-12-10, type: assessment, sources: [{title: revised final}],
     assessment: {member: CN, commitment: c2, score: 1, window: final, rationale: new material after stakeholder review}}
`;

  it('lets a later assessment of a cell supersede an earlier one, and says which counted', () => {
    const grid = evaluateRecord(matrix, recordFrom(recalibrated)).grid!;
    expect(grid.cells.map((row) => row.map((cell) => [cell.text, cell.assessment?.event, cell.assessment?.superseded]))).toEqual([
      [
        ['+1', 'us-c1-final', ['us-c1-interim']],
        ['0', 'cn-c1-final', ['cn-c1-interim']],
      ],
      [
        ['+1', 'us-c2-final', []],
        ['+1', 'cn-c2-recalibrated', ['cn-c2-final']],
      ],
    ]);
    expect(grid.commitments.map((c) => [c.title, c.addedIn])).toEqual([
      ['Aid for trade', null],
      ['Tax administration', 'final'],
    ]);
  });

  it('shows what was known as of a date: an explicit not-assessed cell is unknown, and the averages are ranges', () => {
    const grid = evaluateRecord(matrix, recordFrom(recalibrated), { asOf: '2016-09-30' }).grid!;
    expect(grid.cells[1]!.map((cell) => [cell.status, cell.text])).toEqual([
      ['scored', '+1'],
      ['not-assessed', 'not assessed'],
    ]);
    // CN: 0 on c1, unknown on c2: between (0 - 1)/2 and (0 + 1)/2.
    expect(grid.byParty[1]).toMatchObject({
      cells: 1,
      notAssessed: 1,
      averageText: null,
      percent: null,
      range: { text: '\u22120.50 to +0.50', percentText: '25% to 75%' },
    });
    expect(grid.overall.range).toMatchObject({ text: '+0.25 to +0.75', percentText: '63% to 88%' });
  });

  it('before any assessment is published every assessed cell is unknown, never −1', () => {
    const result = evaluateRecord(matrix, recordFrom(recalibrated), { asOf: '2016-01-01' });
    const grid = result.grid!;
    expect(grid.cells.flat().map((cell) => cell.status)).toEqual(['not-assessed', 'not-assessed', 'not-assessed', 'not-assessed']);
    expect(grid.overall).toMatchObject({ average: null, range: { text: '\u22121.00 to +1.00', percentText: '0% to 100%' } });
    expect(result.criteria.flatMap((c) => c.parties!.map((cell) => cell.level))).toEqual([null, null, null, null]);
  });

  it('compares the interim and final windows per member, marking the commitment the final added', () => {
    const windows = evaluateRecord(ascii, recordFrom(recalibrated)).grid!.windows!;
    expect(windows.windows.map((w) => [w.window, w.commitments, w.byParty.map((row) => row.averageText), w.overall.percentText])).toEqual([
      ['interim', ['compliance/c1'], ['0.00', '-1.00'], '25%'],
      ['final', ['compliance/c1', 'compliance/c2'], ['+1.00', '+0.50'], '88%'],
    ]);
    expect(windows.change).toEqual([
      { party: 'US', average: '+1.00', percentPoints: '+50' },
      { party: 'CN', average: '+1.50', percentPoints: '+75' },
    ]);
  });

  it('keeps a window score off the scale out of that window too, as not assessed', () => {
    // US's final score on c1 is 3 on the -1..+1 scale: not assessed in the final window, as in the grid.
    // US in the final window: unknown on c1, +1 on c2, so -1 to +1 over two: 0.00 to +1.00, and no change.
    const text = recalibrated.replace('commitment: c1, score: 1, window: final', 'commitment: c1, score: 3, window: final');
    const grid = evaluateRecord(ascii, recordFrom(text)).grid!;
    expect(grid.cells[0]![0]).toMatchObject({ status: 'not-assessed', text: 'not assessed' });
    const windows = grid.windows!;
    expect(windows.windows.map((w) => [w.window, w.byParty[0]!.averageText, w.byParty[0]!.range?.text ?? null])).toEqual([
      ['interim', '0.00', null],
      ['final', null, '0.00 to +1.00'],
    ]);
    expect(windows.change[0]).toEqual({ party: 'US', average: null, percentPoints: null });
  });

  it('names parties by the record, in any script, apart from their ids', () => {
    const text = assessedRecordYaml({ TR: [1], SA: [0], AU: [-1], AFU: [1] }, 'partyNames: {TR: Türkiye, SA: Saudi Arabia, AU: Australia, AFU: African Union}');
    const grid = evaluateRecord(matrix, recordFrom(text)).grid!;
    expect(grid.members).toEqual([
      { id: 'TR', name: 'Türkiye' },
      { id: 'SA', name: 'Saudi Arabia' },
      { id: 'AU', name: 'Australia' },
      { id: 'AFU', name: 'African Union' },
    ]);
  });

  it('keeps a score that is not on the scale out of the averages, as unknown, and says why', () => {
    const text = assessedRecordYaml({ US: [1, 1] }).replace('score: 1}', 'score: 2}');
    const grid = evaluateRecord(matrix, recordFrom(text)).grid!;
    expect(grid.cells[0]![0]).toMatchObject({
      status: 'not-assessed',
      assessment: { problem: 'score 2 is not on the scale of criterion compliance (1, 0, -1)' },
    });
  });

  it('rejects an assessment of a member, commitment or window the record does not have, at its place', () => {
    const bad = recalibrated.replace('member: CN, commitment: c1, score: -1, window: interim', 'member: CX, commitment: c9, score: -1, window: interm');
    expect(() => recordFrom(bad)).toThrow(/error NOT_ALLOWED record\.yaml:12:82 `CX` is not one of the record's parties/);
    expect(() => recordFrom(bad)).toThrow(/UNKNOWN_LINK .*assesses `c9`/);
    expect(() => recordFrom(bad)).toThrow(/NOT_ALLOWED .*`interm` is not one of the record's windows.*interim/s);
  });
});
