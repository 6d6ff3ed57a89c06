// The terminal table and Markdown print the same rows (src/format/criterion-rows.ts): read back
// from the text each prints, a record's rows agree cell by cell on a matrix with a gated `forEach`
// criterion (test/cli/criterion-rows.test.ts does it on every bundled matrix and record).
import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord } from '../../src/engine/index.js';
import { formatEvaluationMarkdown } from '../../src/format/markdown.js';
import type { EvaluationReport } from '../../src/format/report.js';
import { formatTable } from '../../src/format/table.js';
import { makeRecord, matrixFrom } from '../helpers/build.js';
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

  function report(events: Parameters<typeof makeRecord>[0]): EvaluationReport {
    const record = makeRecord(events);
    return {
      tool: { name: 'summit-score', version: '0.0.0' },
      matrix: { definition: gated, file: 'm.yaml', sha256: '' },
      asOf: null,
      results: [{ file: 'r.yaml', sha256: '', result: evaluateRecord(compileMatrix(gated), record) }],
      bundledDefault: false,
    };
  }

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
