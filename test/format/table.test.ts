import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord } from '../../src/engine/index.js';
import type { EvaluationReport } from '../../src/format/report.js';
import { formatTable } from '../../src/format/table.js';
import { safeText } from '../../src/terminal-text.js';
import { makeRecord, matrixFrom } from '../helpers/build.js';

const matrix = matrixFrom(`
id: m
title: M
version: "2"
source: {author: T}
criteria:
  - id: talks
    title: Talks
    weight: 1
    gates: [{above: weak, requires: held}]
    levels:
      - {label: held, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
verdicts: [{label: good, min: 50}, {label: weak, min: 0}]
`);

function report(events: Parameters<typeof makeRecord>[0], title = 'A case'): EvaluationReport {
  const record = { ...makeRecord(events), title };
  return {
    tool: { name: 'summit-score', version: '0.0.0' },
    matrix: { definition: matrix, file: 'm.yaml', sha256: '' },
    asOf: null,
    results: [{ file: 'r.yaml', sha256: '', result: evaluateRecord(compileMatrix(matrix), record) }],
    bundledDefault: false,
  };
}

describe('formatTable', () => {
  it('shows level, points, weight, contribution and evidence per criterion, then total and gates', () => {
    const text = formatTable(report([{ id: 'meet', type: 'meeting' }]), { color: false, explain: false });
    expect(text).toMatch(/│ talks \(gate\)\s+│ held \(1\)\s+│ 1\/1\s+│ 1\s+│ 100\.00\s+│ meet 2015-09-25\s+│/);
    expect(text).toContain('Total 100.00 / 100  Verdict: good');
    expect(text).toContain('Gates: talks at held or above for better than weak: passed');
    expect(text).toContain('Aggregation: weighted-mean');
  });

  it('says when a gate caps the verdict, and explains with --explain', () => {
    const text = formatTable(report([{ id: 's', type: 'statement' }]), { color: false, explain: true });
    expect(text).toContain('Verdict: weak');
    expect(text).toContain('talks: not held');
    expect(text).toContain('expected: some event where type = meeting');
  });

  it('marks evidence that rests on an unverified source', () => {
    const base = report([{ id: 'meet', type: 'meeting' }]);
    const result = base.results[0]!.result;
    const criterion = result.criteria[0]!;
    const evidence = [{ ...criterion.evidence[0]!, sources: [{ verified: false }] }];
    const text = formatTable(
      { ...base, results: [{ ...base.results[0]!, result: { ...result, criteria: [{ ...criterion, evidence }] } }] },
      { color: false, explain: false },
    );
    expect(text).toContain('meet 2015-09-25 †');
    expect(text).toContain('† rests on a source marked unverified');
  });

  it('never passes escape sequences from record text to the terminal', () => {
    const text = formatTable(report([{ id: 'meet', type: 'meeting' }], 'Evil \u001b[2J\u001b[31mtitle'), { color: false, explain: false });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Evil \\u001b[2J\\u001b[31mtitle');
  });

  it('uses colour only when asked', () => {
    expect(formatTable(report([]), { color: true, explain: false })).toMatch(/\u001b\[/);
    expect(formatTable(report([]), { color: false, explain: false })).not.toMatch(/\u001b\[/);
  });
});

describe('safeText', () => {
  it('keeps printable text, and shows line breaks and control characters as escapes', () => {
    expect(safeText('a\nb\tc\u0007\u009b')).toBe('a\\u000ab\\u0009c\\u0007\\u009b');
  });
});
