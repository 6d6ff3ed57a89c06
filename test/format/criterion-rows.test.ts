// The terminal table and Markdown print the same rows (src/format/criterion-rows.ts): read back
// from the text each prints, a record's rows agree cell by cell on a matrix with a gated `forEach`
// criterion (test/cli/criterion-rows.test.ts does it on every bundled matrix and record).
import { describe, expect, it } from 'vitest';
import type { CaseResult, CriterionResult } from '../../src/engine/index.js';
import { anyUnverified, criterionRows } from '../../src/format/criterion-rows.js';
import { formatEvaluationMarkdown } from '../../src/format/markdown.js';
import type { EvaluationReport } from '../../src/format/report.js';
import { formatTable } from '../../src/format/table.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';
import { evaluationReport } from '../helpers/evaluation-report.js';
import { expectSameRows, markdownRows, tableRows } from '../helpers/criterion-rows.js';

describe('the table and Markdown rows of evaluate', () => {
  const gated = matrixFrom(`
id: m
title: M
version: "1"
source: {author: T}
criteria:
  - id: kept
    title: Kept
    weight: 2
    forEach: {type: commitment}
    gates: [{above: weak, requires: met}]
    levels:
      - {label: met, score: 1, when: {some: {all: [{type: fulfilment}, {link: fulfils, to: {isSubject: true}}]}}}
      - {label: unmet, score: 0}
  - id: talks
    title: Talks
    weight: 1
    levels:
      - {label: held, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
verdicts: [{label: good, min: 50}, {label: weak, min: 0}]
`);

  const report = (events: EventSpec[]): EvaluationReport => evaluationReport(gated, [makeRecord(events)]);

  it('mark every subject of a gated forEach criterion "(gate)", in both', () => {
    const evaluated = report([
      { id: 'pledge-a', type: 'commitment' },
      { id: 'pledge-b', type: 'commitment' },
      { id: 'done-a', type: 'fulfilment', links: { fulfils: ['pledge-a'] } },
      { id: 'meet', type: 'meeting' },
    ]);
    const subjects = evaluated.results[0]!.result.criteria.filter((criterion) => criterion.criterion === 'kept').map((criterion) => criterion.id);
    expect(subjects).toHaveLength(2);
    const table = formatTable(evaluated, { color: false, width: 1000 });
    const markdown = formatEvaluationMarkdown(evaluated, { color: false });
    const labels = [...subjects.map((id) => `${id} (gate)`), 'talks'];
    expect(tableRows(table)[0]!.map((row) => row.criterion)).toEqual(labels);
    expect(markdownRows(markdown)[0]!.map((row) => row.criterion)).toEqual(labels);
    expect(expectSameRows(table, markdown)).toBe(3);
  });
});

describe('criterionRows, cell by cell', () => {
  // One criterion result built by hand, so each figure below follows from the fields it changes:
  // 2 of 4 points is 0.5 of the criterion, and with half the weight a contribution of 25.
  const base: CriterionResult = {
    id: 'talks',
    criterion: 'talks',
    title: 'Talks',
    subject: null,
    weight: 1,
    maxPoints: 4,
    applicable: true,
    level: { label: 'held', score: 2 },
    levelRange: { low: { label: 'held', score: 2 }, high: { label: 'held', score: 2 } },
    points: 2,
    normalised: 0.5,
    normalisedRange: { low: 0.5, high: 0.5 },
    contribution: 25,
    contributionRange: { low: 25, high: 25 },
    evidence: [],
    explanation: null,
    unknown: [],
    parties: null,
  };
  const plain = matrixFrom(`
id: m
title: M
version: "1"
source: {author: T}
criteria:
  - id: talks
    title: Talks
    weight: 1
    levels:
      - {label: held, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
verdicts: [{label: good, min: 50}, {label: weak, min: 0}]
`);
  const row = (criterion: Partial<CriterionResult>) =>
    criterionRows({ criteria: [{ ...base, ...criterion }] } as Pick<CaseResult, 'criteria'> as CaseResult, plain)[0]!;

  it('gives determined points as points/max, rounded to hundredths, with no bounds', () => {
    expect(row({}).points).toEqual({ exact: '2/4', bounds: '' });
    expect(row({ points: 4 / 3 }).points).toEqual({ exact: '1.33/4', bounds: '' });
  });

  it('gives open points as whole-point bounds on the criterion scale, and none for a per-party mean or a surely n/a cell', () => {
    // 0.25 and 0.75 of 4 points: 1 to 3.
    const open = { points: null, normalisedRange: { low: 0.25, high: 0.75 } };
    expect(row(open).points).toEqual({ exact: null, bounds: '1–3/4' });
    expect(row({ ...open, parties: [] }).points).toEqual({ exact: null, bounds: '' });
    expect(row({ points: null, normalisedRange: null }).points).toEqual({ exact: null, bounds: '' });
  });

  it('gives a contribution when the criterion takes part, its bounds when open, and - when it does not apply or weighs nothing', () => {
    expect(row({}).contribution).toEqual({ exact: '25.00', bounds: '25.00' });
    expect(row({ contribution: null, contributionRange: { low: 0, high: 25 } }).contribution).toEqual({ exact: null, bounds: '0.00–25.00' });
    expect(row({ applicable: 'unknown', contribution: null, contributionRange: { low: 0, high: 25 } }).contribution.bounds).toBe('0.00–25.00');
    expect(row({ applicable: false }).contribution).toEqual({ exact: '-', bounds: '-' });
    expect(row({ weight: 0 }).contribution).toEqual({ exact: '-', bounds: '-' });
    expect(row({ weight: 0 }).weight).toBe('0');
  });

  it('marks evidence verified only when it cites sources and every one is verified', () => {
    const evidence = (sources: { verified: boolean }[]) => ({ event: 'meet', date: '2015-09-25', type: 'meeting', sources });
    const marks = row({ evidence: [evidence([{ verified: true }]), evidence([{ verified: true }, { verified: false }]), evidence([])] }).evidence;
    expect(marks.map((mark) => mark.verified)).toEqual([true, false, false]);
    expect(marks[0]).toEqual({ event: 'meet', date: '2015-09-25', verified: true });
    expect(anyUnverified([row({ evidence: [evidence([{ verified: true }])] })])).toBe(false);
    expect(anyUnverified([row({}), row({ evidence: [evidence([])] })])).toBe(true);
  });
});
