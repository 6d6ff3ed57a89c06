// The terminal table and Markdown print the same rows (src/format/criterion-rows.ts): read back
// from the text each prints, a record's rows agree cell by cell, on every bundled matrix and
// record and on a matrix with a gated `forEach` criterion and an open record. Where the record
// leaves a figure open, the table prints its bounds and Markdown leaves the cell blank.
import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord } from '../../src/engine/index.js';
import { formatEvaluationMarkdown } from '../../src/format/markdown.js';
import type { EvaluationReport } from '../../src/format/report.js';
import { formatTable } from '../../src/format/table.js';
import { makeRecord, matrixFrom } from '../helpers/build.js';
import { run } from '../helpers/fake-io.js';

interface Row {
  readonly criterion: string;
  readonly points: string;
  readonly weight: string;
  readonly contribution: string;
  readonly evidence: readonly string[];
}

const HEAD = ['Criterion', 'Level', 'Points', 'Weight', 'Contribution', 'Evidence'];

/** The criterion tables of the terminal output (no colour, wide enough not to wrap), row by row. */
function tableRows(text: string): Row[][] {
  const tables: Row[][] = [];
  let block: string[][] = [];
  let rows: Row[] | null = null;
  const cellsOf = (line: string) =>
    line
      .split('│')
      .slice(1, -1)
      .map((cell) => cell.trim());
  const close = () => {
    if (block.length === 0) return;
    const columns = HEAD.map((_, c) => block.map((line) => line[c] ?? '').filter((cell) => cell !== ''));
    if (columns[0]!.join(' ') === 'Criterion') {
      rows = [];
      tables.push(rows);
    } else {
      const [criterion, , points, weight, contribution] = columns.map((lines) => lines.join(' '));
      rows?.push({ criterion: criterion!, points: points!, weight: weight!, contribution: contribution!, evidence: columns[5]! });
    }
    block = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('│')) block.push(cellsOf(line));
    else if (line.startsWith('├') || line.startsWith('└') || line.startsWith('┌')) close();
    if (line.startsWith('└')) rows = null;
  }
  return tables;
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

/** The criterion tables of the Markdown output, row by row, with Markdown's escapes undone. */
function markdownRows(text: string): Row[][] {
  const tables: Row[][] = [];
  let rows: Row[] | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith('| ')) {
      rows = null;
      continue;
    }
    const cells = line
      .slice(2, -2)
      .split(/ (?<!\\)\| /)
      .map(unescape);
    if (cells.join(',') === HEAD.join(',')) {
      rows = [];
      tables.push(rows);
    } else if (rows && !cells[0]!.startsWith('---')) {
      const [criterion, , points, weight, contribution, evidence] = cells;
      rows.push({
        criterion: criterion!,
        points: points!,
        weight: weight!,
        contribution: contribution!,
        evidence: evidence === '' ? [] : evidence!.split('; '),
      });
    }
  }
  return tables;
}

const BOUNDS = /^$|^\d+(\.\d+)?(–\d+(\.\d+)?)?(\/\d+)?$/;

/** Markdown's rows are the table's: the same criteria, weights and evidence; figures alike when settled. */
function expectSameRows(table: string, markdown: string): number {
  const fromTable = tableRows(table);
  const fromMarkdown = markdownRows(markdown);
  expect(fromMarkdown.length).toBe(fromTable.length);
  let compared = 0;
  fromTable.forEach((rows, t) => {
    const other = fromMarkdown[t]!;
    expect(other.map((row) => row.criterion)).toEqual(rows.map((row) => row.criterion));
    rows.forEach((row, r) => {
      const md = other[r]!;
      expect(md.weight, row.criterion).toBe(row.weight);
      expect(md.evidence, row.criterion).toEqual(row.evidence);
      for (const figure of ['points', 'contribution'] as const) {
        // Markdown leaves an open figure blank; the table then shows its bounds (one figure when they meet), or nothing.
        if (md[figure] === '') expect(row[figure], `${row.criterion} ${figure}`).toMatch(BOUNDS);
        else expect(md[figure], `${row.criterion} ${figure}`).toBe(row[figure]);
      }
      compared++;
    });
  });
  return compared;
}

const BUNDLED = ['lewis-2015', 'lewis-2015-v1', 'critics-2015', 'summit-deliverables', 'summit-deliverables-v1'];
const RECORDS = [
  'us-china-2013-06',
  'us-china-2015-09',
  'us-china-2017-04',
  'us-china-2021-11',
  'us-china-2023-11',
  'uk-china-2015-10',
  'us-dprk-2018-06',
  'us-russia-2021-06',
];

describe('the table and Markdown rows of evaluate', () => {
  it.each(BUNDLED)('agree on every bundled record under %s, now and as of an earlier date', async (matrix) => {
    for (const asOf of [[], ['--as-of', '2016-01-01']]) {
      const args = ['--width', '1000', 'evaluate', ...RECORDS, '-m', matrix, ...asOf];
      const table = await run([...args, '-f', 'table']);
      const markdown = await run([...args, '-f', 'markdown']);
      expect(table.exitCode, table.stderr).toBe(0);
      expect(markdown.exitCode, markdown.stderr).toBe(0);
      // Every record prints its rows: a table that read back empty would agree with anything.
      expect(expectSameRows(table.stdout, markdown.stdout)).toBeGreaterThanOrEqual(RECORDS.length);
    }
  });

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
