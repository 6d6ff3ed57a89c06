// buildGrid (src/engine/grid.ts) on criterion results built by hand, cell by cell: which results
// make a grid, what each kind of party cell becomes, the averages and percentages by member, by
// commitment and overall under each overall method, scales with decimals and of other spans, the
// record's titles, areas and party names, and the report windows side by side. Every expected
// figure is worked out by hand with the G20 Research Group method: an average is the mean of the
// scores over the members (or commitments) assessed, n/a left out; on a -1..+1 scale the percent
// is (average + 1) / 2 x 100, and in general the mean of (score - lowest) / (highest - lowest) x 100,
// rounded half away from zero (DEFAULT_GRID_RULES: two decimals with a sign, whole percents).
import { describe, expect, it } from 'vitest';
import { ratio } from '../../src/engine/decimal.js';
import { buildGrid, formatAverage } from '../../src/engine/grid.js';
import type { CellAssessment, CriterionResult, PartyCell } from '../../src/engine/results.js';
import { DEFAULT_GRID_RULES, type AssessedScore, type CaseRecord, type GridRules, type Matrix } from '../../src/engine/types.js';

/** A matrix with only what buildGrid reads: criteria (id and level scores), aggregation and grid rules. */
function matrixOf(criteria: Record<string, number[]>, extra: { aggregation?: string; grid?: Partial<GridRules> } = {}): Matrix {
  return {
    id: 'm',
    aggregation: extra.aggregation ?? 'cell-mean',
    criteria: Object.entries(criteria).map(([id, scores]) => ({
      id,
      title: id,
      weight: 1,
      gates: [],
      levels: scores.map((score) => ({ label: `L${score}`, score })),
    })),
    ...(extra.grid ? { grid: { ...DEFAULT_GRID_RULES, ...extra.grid } } : {}),
  } as unknown as Matrix;
}
const rg = matrixOf({ compliance: [1, 0, -1] });

type Spec = number | 'n/a' | 'not-assessed' | { cell: Partial<PartyCell> };
function partyCell(party: string, spec: Spec, assessment: CellAssessment | null = null): PartyCell {
  const base = {
    party,
    applicable: true,
    level: null,
    levelRange: null,
    points: null,
    normalised: null,
    normalisedRange: null,
    evidence: [],
    explanation: null,
    unknown: [],
    assessment,
  };
  if (spec === 'n/a') return { ...base, applicable: false };
  if (spec === 'not-assessed') return { ...base, notAssessed: true };
  if (typeof spec === 'number') return { ...base, level: { label: `L${spec}`, score: spec }, normalised: 0 };
  return { ...base, ...spec.cell };
}
/** One commitment's result: cells by party, in the order given. */
function commitment(subject: string | null, cells: Record<string, Spec>, criterion = 'compliance'): CriterionResult {
  return {
    id: subject === null ? criterion : `${criterion}/${subject}`,
    criterion,
    subject,
    title: `Title of ${criterion}`,
    parties: Object.entries(cells).map(([party, spec]) => partyCell(party, spec)),
  } as unknown as CriterionResult;
}
const notPerParty = { id: 'summary', criterion: 'compliance', subject: null, title: 'Summary', parties: null } as unknown as CriterionResult;

const figures = (average: { averageText: string | null; percentText: string | null }) => [average.averageText, average.percentText];

describe('which results make a grid', () => {
  it('is null when no result is per party, and leaves out the results that are not', () => {
    expect(buildGrid(rg, [notPerParty])).toBeNull();
    const grid = buildGrid(rg, [notPerParty, commitment('c1', { US: 1 })])!;
    expect(grid.criteria).toEqual(['compliance/c1']);
    expect(grid.commitments.map((c) => c.id)).toEqual(['compliance/c1']);
    // No record: no windows, members named by their ids.
    expect(grid.windows).toBeNull();
    expect(grid.members).toEqual([{ id: 'US', name: 'US' }]);
  });

  it('gives a member missing from a commitment an n/a cell in that row', () => {
    const grid = buildGrid(rg, [commitment('c1', { US: 1, CN: 0 }), commitment('c2', { CN: -1 }), commitment('c3', { US: 0 })])!;
    const na = { status: 'not-applicable', score: null, level: null, text: 'n/a', assessment: null };
    expect(grid.cells[1]).toEqual([na, { status: 'scored', score: -1, level: 'L-1', text: '-1', assessment: null }]);
    expect(grid.cells[2]).toEqual([{ status: 'scored', score: 0, level: 'L0', text: '0', assessment: null }, na]);
    expect(grid.byParty.map((row) => [row.party, row.cells])).toEqual([
      ['US', 2],
      ['CN', 2],
    ]);
  });
});

describe('the averages of a 3 x 3 grid', () => {
  //       US   CN   DE
  // c1    +1    0   -1    commitment average 0/3 = 0.00, 50%
  // c2    +1   +1   n/a   2/2 = +1.00, 100%
  // c3     0   +1   +1    2/3 = +0.67, (2/3 + 1)/2 = 83.3 -> 83%
  // US 2/3 +0.67 83%; CN 2/3 +0.67 83%; DE 0/2 0.00 50% (one n/a).
  // Overall, pooled cells: 4/8 = +0.50, 75%. Members: (2/3 + 2/3 + 0)/3 = 4/9 = +0.44, (13/9)/2 = 72.2 -> 72%.
  // Commitments: (0 + 1 + 2/3)/3 = 5/9 = +0.56, (14/9)/2 = 77.8 -> 78%.
  const results = [commitment('c1', { US: 1, CN: 0, DE: -1 }), commitment('c2', { US: 1, CN: 1, DE: 'n/a' }), commitment('c3', { US: 0, CN: 1, DE: 1 })];

  it('averages by member and by commitment over the applicable cells', () => {
    const grid = buildGrid(rg, results)!;
    expect(grid.byParty.map((row) => [row.party, row.cells, row.notApplicable, row.fraction, ...figures(row), row.percent])).toEqual([
      ['US', 3, 0, '2/3', '+0.67', '83%', 83],
      ['CN', 3, 0, '2/3', '+0.67', '83%', 83],
      ['DE', 2, 1, '0', '0.00', '50%', 50],
    ]);
    expect(grid.byCriterion.map((row) => [row.criterion, ...figures(row)])).toEqual([
      ['compliance/c1', '0.00', '50%'],
      ['compliance/c2', '+1.00', '100%'],
      ['compliance/c3', '+0.67', '83%'],
    ]);
    expect(grid.cells.map((row) => row.map((cell) => cell.text))).toEqual([
      ['+1', '0', '-1'],
      ['+1', '+1', 'n/a'],
      ['0', '+1', '+1'],
    ]);
  });

  it('pools the cells overall for a cell-mean matrix that names no method, and means the commitments otherwise', () => {
    const pooled = buildGrid(rg, results)!;
    expect([pooled.overallMethod, ...figures(pooled.overall), pooled.overall.average]).toEqual(['cells', '+0.50', '75%', 0.5]);
    const weighted = buildGrid(matrixOf({ compliance: [1, 0, -1] }, { aggregation: 'weighted-mean' }), results)!;
    expect([weighted.overallMethod, ...figures(weighted.overall), weighted.overall.fraction]).toEqual(['commitments', '+0.56', '78%', '5/9']);
  });

  it('means the member averages when the matrix says so, with the counts of the whole grid', () => {
    const grid = buildGrid(matrixOf({ compliance: [1, 0, -1] }, { grid: { overall: 'members' } }), results)!;
    expect(grid.overall).toMatchObject({ cells: 8, notApplicable: 1, notAssessed: 0, fraction: '4/9', averageText: '+0.44', percent: 72 });
  });

  it('works out the mean of another grid of the same matrix anew', () => {
    const members = matrixOf({ compliance: [1, 0, -1] }, { grid: { overall: 'members' } });
    buildGrid(members, results);
    // US +1, CN -1: (1 - 1)/2 = 0.00, 50%.
    const second = buildGrid(members, [commitment('c1', { US: 1, CN: -1 })])!;
    expect(figures(second.overall)).toEqual(['0.00', '50%']);
  });
});

describe('members and grids with no applicable cell', () => {
  it('gives a member with only n/a cells no average, and leaves it out of the mean of members', () => {
    // US +1 +1 = +1.00; CN 0 -1 = -0.50; DE n/a n/a. Members: (1 - 0.5)/2 = +0.25, 62.5 -> 63%.
    const grid = buildGrid(matrixOf({ compliance: [1, 0, -1] }, { grid: { overall: 'members' } }), [
      commitment('c1', { US: 1, CN: 0, DE: 'n/a' }),
      commitment('c2', { US: 1, CN: -1, DE: 'n/a' }),
    ])!;
    expect(grid.byParty[2]).toEqual({
      party: 'DE',
      cells: 0,
      notApplicable: 2,
      notAssessed: 0,
      average: null,
      fraction: null,
      averageText: null,
      percent: null,
      percentText: null,
      range: null,
    });
    expect(grid.overall).toMatchObject({ cells: 4, notApplicable: 2, averageText: '+0.25', percent: 63 });
  });

  it('has no overall figure when no cell applies, whatever the method', () => {
    const none = {
      cells: 0,
      notApplicable: 2,
      notAssessed: 0,
      average: null,
      fraction: null,
      averageText: null,
      percent: null,
      percentText: null,
      range: null,
    };
    for (const overall of ['cells', 'members', 'commitments'] as const) {
      const grid = buildGrid(matrixOf({ compliance: [1, 0, -1] }, { grid: { overall } }), [commitment('c1', { US: 'n/a', CN: 'n/a' })])!;
      expect(grid.overall).toEqual(none);
    }
  });
});

describe('what each kind of party cell becomes', () => {
  it('scores a stated level, and reads undetermined cells as unknown and a derived cell with no level as the lowest', () => {
    const assessment = { event: 'a1' } as unknown as CellAssessment;
    const row = commitment('c1', {
      A: 1,
      B: { cell: { applicable: 'unknown', level: { label: 'L1', score: 1 }, normalised: 1, assessment } },
      C: { cell: { level: null, normalised: null } },
      D: { cell: { level: null, normalised: 0 } },
      E: 'not-assessed',
      F: 'n/a',
    });
    const grid = buildGrid(rg, [row])!;
    expect(grid.cells[0]).toEqual([
      { status: 'scored', score: 1, level: 'L1', text: '+1', assessment: null },
      { status: 'not-assessed', score: null, level: null, text: 'unknown', assessment },
      { status: 'not-assessed', score: null, level: null, text: 'unknown', assessment: null },
      { status: 'scored', score: -1, level: null, text: '-1', assessment: null },
      { status: 'not-assessed', score: null, level: null, text: 'not assessed', assessment: null },
      { status: 'not-applicable', score: null, level: null, text: 'n/a', assessment: null },
    ]);
    // Scored +1 and -1, three unknown cells anywhere from -1 to +1: (0 - 3)/5 to (0 + 3)/5.
    expect(grid.byCriterion[0]!.range).toMatchObject({ text: '-0.60 to +0.60', percentText: '20% to 80%' });
  });

  it('takes the lowest level on a scale with decimals as its score, not as the integer it is counted in', () => {
    const half = matrixOf({ half: [0.5, 0, -0.5] });
    const grid = buildGrid(half, [commitment('h1', { US: { cell: { level: null, normalised: 0 } } }, 'half')])!;
    expect(grid.cells[0]![0]!.score).toBe(-0.5);
    expect(grid.byParty[0]).toMatchObject({ fraction: '-1/2', averageText: '-0.50', percent: 0 });
  });
});

describe('scales other than -1..+1', () => {
  it('counts scores with decimals exactly, each criterion normalised over its own span', () => {
    // half: -0.5..0.5; quarter: 0..0.75.
    // US 0.5 and 0.75: average 1.25/2 = 5/8 = +0.63 (0.625 half away from zero); both at the top: 100%.
    // CN -0.5 and 0.25: average -0.25/2 = -1/8 = -0.13; normalised 0 and 0.25/0.75 = 1/3: 1/6 = 16.7 -> 17%.
    // h1: 0, (1 + 0)/2 = 50%. q1: 1/2 = +0.50, (1 + 1/3)/2 = 66.7 -> 67%.
    // Overall: (0.5 - 0.5 + 0.75 + 0.25)/4 = +0.25; (1 + 0 + 1 + 1/3)/4 = 7/12 = 58.3 -> 58%.
    const matrix = matrixOf({ half: [0.5, 0, -0.5], quarter: [0.75, 0.25, 0] });
    const grid = buildGrid(matrix, [commitment('h1', { US: 0.5, CN: -0.5 }, 'half'), commitment('q1', { US: 0.75, CN: 0.25 }, 'quarter')])!;
    expect(grid.byParty.map((row) => [row.party, row.fraction, ...figures(row)])).toEqual([
      ['US', '5/8', '+0.63', '100%'],
      ['CN', '-1/8', '-0.13', '17%'],
    ]);
    expect(grid.byCriterion.map((row) => figures(row))).toEqual([
      ['0.00', '50%'],
      ['+0.50', '67%'],
    ]);
    expect([grid.overall.fraction, ...figures(grid.overall)]).toEqual(['1/4', '+0.25', '58%']);
  });

  it('normalises criteria of spans 3 and 2 side by side', () => {
    // four: 0..3; three: -1..1. US 1 (1/3 of the span) and 0 (1/2): average 1/2, percent (1/3 + 1/2)/2 = 5/12 = 41.7 -> 42%.
    // CN 3 (top) and -1 (bottom): average 1, percent 50%.
    // Overall (1 + 0 + 3 - 1)/4 = +0.75; (1/3 + 1/2 + 1 + 0)/4 = 11/24 = 45.8 -> 46%.
    const matrix = matrixOf({ four: [3, 2, 1, 0], three: [1, 0, -1] });
    const grid = buildGrid(matrix, [commitment('f1', { US: 1, CN: 3 }, 'four'), commitment('t1', { US: 0, CN: -1 }, 'three')])!;
    expect(grid.byParty.map((row) => figures(row))).toEqual([
      ['+0.50', '42%'],
      ['+1.00', '50%'],
    ]);
    expect(figures(grid.overall)).toEqual(['+0.75', '46%']);
  });

  it('counts a cell of a one-level criterion at 0% and lets that criterion leave the others alone', () => {
    // flat: the single level 0, normalised 0 (no span). US 0 on flat and +1 on three: average 1/2, percent (0 + 1)/2 = 50%.
    const matrix = matrixOf({ flat: [0], three: [1, 0, -1] });
    const grid = buildGrid(matrix, [commitment('f1', { US: 0 }, 'flat'), commitment('t1', { US: 1 }, 'three')])!;
    expect(figures(grid.byParty[0]!)).toEqual(['+0.50', '50%']);
    expect(grid.byCriterion.map((row) => figures(row))).toEqual([
      ['0.00', '0%'],
      ['+1.00', '100%'],
    ]);
  });
});

describe('formatAverage', () => {
  it('prints an exact fraction as it rounds', () => {
    expect(formatAverage(ratio(-1n, 3n), DEFAULT_GRID_RULES)).toBe('-0.33');
    expect(formatAverage(ratio(5n, 8n), DEFAULT_GRID_RULES)).toBe('+0.63');
  });
});

describe('what the grid takes from the record', () => {
  const record = {
    id: 'r',
    events: [
      { id: 'c1', title: 'Aid for trade', fields: { area: 'trade' } },
      { id: 'c2', fields: { area: 7 } },
    ],
    partyNames: { US: 'United States' },
  } as unknown as CaseRecord;
  const results = [commitment('c1', { US: 1, CN: 0 }), commitment('c2', { US: 1, CN: 0 }), commitment(null, { US: 1, CN: 0 }, 'conduct')];
  const matrix = matrixOf({ compliance: [1, 0, -1], conduct: [1, 0, -1] });

  it("titles a commitment by its event, else its id, and gives it the event's area when that is a string", () => {
    const grid = buildGrid(matrix, results, record)!;
    expect(grid.commitments).toEqual([
      { id: 'compliance/c1', criterion: 'compliance', subject: 'c1', title: 'Aid for trade', addedIn: null, area: 'trade' },
      { id: 'compliance/c2', criterion: 'compliance', subject: 'c2', title: 'c2', addedIn: null, area: null },
      { id: 'conduct', criterion: 'conduct', subject: null, title: 'Title of conduct', addedIn: null, area: null },
    ]);
  });

  it("names members by the record's partyNames, the others by their ids, and needs none", () => {
    expect(buildGrid(matrix, results, record)!.members).toEqual([
      { id: 'US', name: 'United States' },
      { id: 'CN', name: 'CN' },
    ]);
    const { partyNames: _, ...unnamed } = record;
    expect(buildGrid(matrix, results, unnamed as CaseRecord)!.members.map((m) => m.name)).toEqual(['US', 'CN']);
  });
});

describe('report windows side by side', () => {
  const stated = (byWindow: Record<string, AssessedScore>) => ({ event: 'a', byWindow }) as unknown as CellAssessment;
  /** A cell stated by assessments in windows: the grid counts the latest score overall and, per window, byWindow. */
  const assessedCell = (party: string, score: number | 'not-assessed', byWindow: Record<string, AssessedScore>): PartyCell =>
    partyCell(party, score, stated(byWindow));
  const row = (subject: string, cells: PartyCell[]) => ({ ...commitment(subject, {}), parties: cells }) as CriterionResult;
  const windowsRecord = (windows: object[]) => ({ id: 'r', events: [], windows }) as unknown as CaseRecord;

  it('shows each window with assessments, the commitments it assessed, and each member change from first to last', () => {
    //         interim              final
    // k1   US 0, CN -1, DE n/a    US +1, CN 0, DE n/a
    // k2   (none)                 US +1, CN not assessed in it (no assessment at all), DE -1
    // k3   derived cells, in no window
    // Interim: US 0.00 50%; CN -1.00 0%; DE no applicable cell. Overall (pooled) (0 - 1)/2 = -0.50, 25%.
    // Final: US (1 + 1)/2 = +1.00 100%; CN 0 and unknown: -0.50 to +0.50, 25% to 75%; DE -1.00 0%.
    // Overall: 1, 0, 1, -1 and one unknown: (1 - 1)/5 = 0.00 to (1 + 1)/5 = +0.40; (2.5 + 0)/5 = 50% to 3.5/5 = 70%.
    const record = windowsRecord([
      { id: 'interim', title: 'Interim', to: '2016-04-06' },
      { id: 'final', to: '2016-09-05' },
      { id: 'late', title: 'Late', to: '2017-01-01' },
    ]);
    const results = [
      row('k1', [
        assessedCell('US', 1, { interim: 0, final: 1 }),
        assessedCell('CN', 0, { interim: -1, final: 0 }),
        partyCell('DE', 'n/a', stated({ interim: 'not-applicable', final: 'not-applicable' })),
      ]),
      row('k2', [assessedCell('US', 1, { final: 1 }), partyCell('CN', 'not-assessed'), assessedCell('DE', -1, { final: -1 })]),
      row('k3', [partyCell('US', 1), partyCell('CN', 1), partyCell('DE', 1)]),
    ];
    const grid = buildGrid(rg, results, record)!;
    const windows = grid.windows!;
    expect(windows.windows.map((w) => [w.window, w.title, w.to, w.commitments])).toEqual([
      ['interim', 'Interim', '2016-04-06', ['compliance/k1']],
      ['final', 'final', '2016-09-05', ['compliance/k1', 'compliance/k2']],
    ]);
    const [interim, final] = windows.windows;
    expect(interim!.byParty.map((r) => [r.party, r.cells, r.notApplicable, r.notAssessed, ...figures(r)])).toEqual([
      ['US', 1, 0, 0, '0.00', '50%'],
      ['CN', 1, 0, 0, '-1.00', '0%'],
      ['DE', 0, 1, 0, null, null],
    ]);
    expect(figures(interim!.overall)).toEqual(['-0.50', '25%']);
    expect(final!.byParty.map((r) => [r.party, r.cells, r.notAssessed, ...figures(r), r.range?.text ?? null, r.range?.percentText ?? null])).toEqual([
      ['US', 2, 0, '+1.00', '100%', null, null],
      ['CN', 1, 1, null, null, '-0.50 to +0.50', '25% to 75%'],
      ['DE', 1, 0, '-1.00', '0%', null, null],
    ]);
    expect(final!.overall.range).toMatchObject({ text: '0.00 to +0.40', percentText: '50% to 70%' });
    // Only US is known in both: 0 -> +1 is +1.00, 50% -> 100% is +50 points. CN is a range at the end, DE has no figure at the start.
    expect(windows.change).toEqual([
      { party: 'US', average: '+1.00', percentPoints: '+50' },
      { party: 'CN', average: null, percentPoints: null },
      { party: 'DE', average: null, percentPoints: null },
    ]);
    expect(windows.overallChange).toEqual({ average: null, percentPoints: null });
    expect(grid.commitments.map((c) => c.addedIn)).toEqual([null, 'final', null]);
  });

  it('forms each window overall figure by the method the matrix names', () => {
    //        interim        final
    // k1     US +1, CN -1   US +1, CN +1
    // k2     US +1, CN n/a  US 0,  CN n/a
    // Interim: cells (1 - 1 + 1)/3 = +0.33, (1 + 0 + 1)/3 = 67%; members (1 + -1)/2 = 0.00, 50%; commitments (0 + 1)/2 = +0.50, 75%.
    // Final: cells 2/3 = +0.67, (1 + 1 + 0.5)/3 = 83%; members (0.5 + 1)/2 = +0.75, 87.5 -> 88%; commitments (1 + 0)/2 = +0.50, 75%.
    // Changes: cells +0.33 and 83.3 - 66.7 = 16.7 -> +17 points; members +0.75, +37.5 -> +38; commitments 0.00, 0.
    const record = windowsRecord([
      { id: 'interim', to: '2016-04-06' },
      { id: 'final', to: '2016-09-05' },
    ]);
    const results = [
      row('k1', [assessedCell('US', 1, { interim: 1, final: 1 }), assessedCell('CN', 1, { interim: -1, final: 1 })]),
      row('k2', [assessedCell('US', 0, { interim: 1, final: 0 }), partyCell('CN', 'n/a', stated({ interim: 'not-applicable', final: 'not-applicable' }))]),
    ];
    const expected = {
      cells: [['+0.33', '67%'], ['+0.67', '83%'], { average: '+0.33', percentPoints: '+17' }],
      members: [['0.00', '50%'], ['+0.75', '88%'], { average: '+0.75', percentPoints: '+38' }],
      commitments: [['+0.50', '75%'], ['+0.50', '75%'], { average: '0.00', percentPoints: '0' }],
    };
    for (const overall of ['cells', 'members', 'commitments'] as const) {
      const windows = buildGrid(matrixOf({ compliance: [1, 0, -1] }, { grid: { overall } }), results, record)!.windows!;
      expect([...windows.windows.map((w) => figures(w.overall)), windows.overallChange], overall).toEqual(expected[overall]);
    }
  });

  it('has no comparison with fewer than two windows that assessed something', () => {
    const results = [row('k1', [assessedCell('US', 1, { final: 1 })])];
    expect(buildGrid(rg, results, windowsRecord([{ id: 'final', to: '2016-09-05' }]))!.windows).toBeNull();
    expect(
      buildGrid(
        rg,
        results,
        windowsRecord([
          { id: 'interim', to: '2016-04-06' },
          { id: 'final', to: '2016-09-05' },
        ]),
      )!.windows,
    ).toBeNull();
  });
});
