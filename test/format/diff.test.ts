// The formats of `summit-score diff` (src/format/diff.ts) on a diff built by hand: a case that
// changed in every way a criterion can (level, weight, points, contribution, a party, added,
// removed), one unchanged with an open total, one added. Numbers print with two decimals, deltas
// signed (B minus A), weights and ranks as integers; "-" for a missing side. Each expected line is
// written out from those rules; CSV by RFC 4180, JSON as JSON.stringify of the projection.
import { describe, expect, it } from 'vitest';
import type { CaseDiff, CriterionDiff, NumberChange } from '../../src/engine/diff.js';
import { diffFormats, type DiffReport } from '../../src/format/diff.js';

const n = (a: number | null, b: number | null): NumberChange => ({ a, b, delta: a === null || b === null ? null : b - a });
const same = <T>(value: T) => ({ a: value, b: value });

function criterion(id: string, fields: Partial<CriterionDiff>): CriterionDiff {
  return {
    id,
    status: 'changed',
    applicable: same(true),
    weight: n(1, 1),
    level: same('x'),
    points: n(1, 1),
    contribution: n(10, 10),
    parties: [],
    ...fields,
  };
}

const CHANGED: CaseDiff = {
  record: 'us-2015',
  title: 'US 2015',
  status: 'changed',
  asOf: { a: '2015-10-01', b: '2016-01-01' },
  score: n(50, 62.5),
  scoreRange: { a: { low: 50, high: 50 }, b: { low: 62.5, high: 62.5 } },
  verdict: { a: 'weak', b: 'good' },
  rank: n(2, 1),
  criteria: [
    criterion('talks', { level: { a: 'none', b: 'held' }, points: n(0, 1), contribution: n(0, 12.5) }),
    criterion('deal', { level: same('done'), weight: n(3, 2), points: n(2, 2), contribution: n(50, 50) }),
    criterion('kept', {
      level: same(null),
      points: n(0.5, 1),
      contribution: n(0, 0),
      parties: [
        { party: 'US', changed: false, level: same('met'), points: n(1, 1) },
        { party: 'CN', changed: true, level: { a: 'unmet', b: 'met' }, points: n(0, 1) },
      ],
    }),
    criterion('new', {
      status: 'added',
      applicable: { a: null, b: true },
      level: { a: null, b: 'yes' },
      weight: n(null, 1),
      points: n(null, 1),
      contribution: n(null, 5),
    }),
    criterion('old', {
      status: 'removed',
      applicable: { a: true, b: null },
      level: { a: 'no', b: null },
      weight: n(1, null),
      points: n(0, null),
      contribution: n(0, null),
    }),
    criterion('same', { status: 'unchanged' }),
  ],
};
const UNCHANGED: CaseDiff = {
  record: 'uk-2015',
  title: 'UK 2015',
  status: 'unchanged',
  asOf: same('2015-10-01'),
  score: n(null, null),
  scoreRange: same({ low: 25, high: 50 }),
  verdict: same('good or weak'),
  rank: n(3, 3),
  criteria: [criterion('same', { status: 'unchanged', contribution: n(null, null) })],
};
const ADDED: CaseDiff = {
  record: 'cn-2016',
  title: 'CN 2016',
  status: 'added',
  asOf: { a: null, b: '2016-05-01' },
  score: n(null, 40),
  scoreRange: { a: null, b: { low: 40, high: 40 } },
  verdict: { a: null, b: 'weak' },
  rank: n(null, 2),
  criteria: [],
};

const report = (cases: CaseDiff[], b: DiffReport['diff']['matrix']['b'] = { id: 'm', version: '2', sha256: null }): DiffReport => ({
  tool: { name: 'summit-score', version: '9.9.9' },
  a: { file: 'a.json', sha256: 'aa' },
  b: { file: 'b.json', sha256: 'bb' },
  diff: { matrix: { a: { id: 'm', version: '1', sha256: 's1' }, b }, cases },
});
const ALL = report([CHANGED, UNCHANGED, ADDED]);
const context = { color: false, width: 200 };

const CHANGES = [
  'talks: level none -> held, points 0.00 -> 1.00 (+1.00), contribution 0.00 -> 12.50 (+12.50)',
  'deal: weight 3 -> 2 (-1)',
  'kept: points 0.50 -> 1.00 (+0.50), parties: CN unmet -> met',
  'new: added (yes)',
  'old: removed (was no)',
];

describe('diff -f markdown', () => {
  it('names both sides, tabulates each case and lists each criterion that changed', () => {
    expect(diffFormats.markdown(ALL, context)).toBe(
      [
        '## Differences between two evaluations',
        '',
        'A: a.json (matrix m 1). B: b.json (matrix m 2). Deltas are B minus A; a negative rank delta is a climb.',
        '',
        '| Record | Status | As of | Score | Verdict | Rank |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `us-2015` | changed | 2015-10-01 -> 2016-01-01 | 50.00 -> 62.50 (+12.50) | weak -> good | 2 -> 1 (-1) |',
        '| `uk-2015` | unchanged | 2015-10-01 | 25.00–50.00 | good or weak | 3 |',
        '| `cn-2016` | added | - -> 2016-05-01 | - -> 40.00 | - -> weak | - -> 2 |',
        '',
        '### Criteria that changed',
        '',
        ...CHANGES.map((line) => `- \`us-2015\` ${line}`),
        '',
      ].join('\n'),
    );
  });

  it('says when no criterion changed, "?" for a side without a matrix, and "no level" where a side has none', () => {
    const text = diffFormats.markdown(report([UNCHANGED], null), context);
    expect(text).toContain('B: b.json (matrix ?).');
    expect(text.endsWith('\n\nNo criterion changed.\n')).toBe(true);
    const bare = {
      ...CHANGED,
      criteria: [criterion('new', { status: 'added', level: same(null) }), criterion('old', { status: 'removed', level: same(null) })],
    };
    expect(diffFormats.markdown(report([bare]), context)).toContain('- `us-2015` new: added (no level)\n- `us-2015` old: removed (was no level)\n');
  });

  it('writes a weight that appears as "- -> 2", a falling score with its minus, and an equal delta without one', () => {
    const moved = {
      ...CHANGED,
      score: n(62.5, 50),
      scoreRange: { a: { low: 62.5, high: 62.5 }, b: { low: 50, high: 50 } },
      rank: n(1, 2),
      criteria: [criterion('w', { weight: n(null, 2), points: n(1.5, 0.25), contribution: { a: 1, b: 2, delta: 0 } })],
    };
    const text = diffFormats.markdown(report([moved]), context);
    expect(text).toContain('| `us-2015` | changed | 2015-10-01 -> 2016-01-01 | 62.50 -> 50.00 (-12.50) | weak -> good | 1 -> 2 (+1) |');
    expect(text).toContain('- `us-2015` w: weight - -> 2, points 1.50 -> 0.25 (-1.25)\n');
  });
});

describe('diff -f table', () => {
  it('names both sides, draws a row per case, then the criteria that changed under their record', () => {
    const lines = diffFormats.table(ALL, context).split('\n');
    expect(lines.slice(0, 2)).toEqual(['A: a.json (matrix m 1)', 'B: b.json (matrix m 2)']);
    const row = (record: string) => lines.find((line) => line.startsWith(`│ ${record} `));
    expect(lines[3]).toMatch(/^│ Record\s+│ Status\s+│ As of\s+│ Score\s+│ Verdict\s+│ Rank\s+│$/);
    expect(row('us-2015')).toMatch(
      /^│ us-2015\s+│ changed\s+│ 2015-10-01 -> 2016-01-01\s+│ 50\.00 -> 62\.50 \(\+12\.50\)\s+│ weak -> good\s+│ 2 -> 1 \(-1\)\s+│$/,
    );
    expect(row('uk-2015')).toMatch(/^│ uk-2015\s+│ unchanged\s+│ 2015-10-01\s+│ 25\.00–50\.00\s+│ good or weak\s+│ 3\s+│$/);
    expect(row('cn-2016')).toMatch(/^│ cn-2016\s+│ added\s+│ - -> 2016-05-01\s+│ - -> 40\.00\s+│ - -> weak\s+│ - -> 2\s+│$/);
    const from = lines.indexOf('Criteria that changed:');
    expect(lines.slice(from)).toEqual([
      'Criteria that changed:',
      '  us-2015',
      ...CHANGES.map((line) => `    ${line}`),
      'Deltas are B minus A; a negative rank delta is a climb.',
      '',
    ]);
  });

  it('says when no criterion changed, and marks a missing verdict "-"', () => {
    const none = { ...UNCHANGED, verdict: same(null) };
    const text = diffFormats.table(report([none], null), context);
    expect(text).toContain('B: b.json (matrix ?)');
    expect(text).toMatch(/│ uk-2015\s+│ unchanged\s+│ 2015-10-01\s+│ 25\.00–50\.00\s+│ -\s+│ 3\s+│/);
    expect(text.endsWith('\nNo criterion changed.\nDeltas are B minus A; a negative rank delta is a climb.\n')).toBe(true);
  });

  it('paints a change yellow, no change dim and a changed verdict bold, and escapes record text before painting it', () => {
    const hostile = { ...CHANGED, record: 'x\u001b[2J', criteria: [] };
    const text = diffFormats.table(report([hostile, UNCHANGED]), { color: true, width: 200 });
    expect(text).toContain('\u001b[33mchanged\u001b[39m');
    expect(text).toContain('\u001b[2munchanged\u001b[22m');
    expect(text).toContain('\u001b[1mweak -> good\u001b[22m');
    expect(text).toContain('x\\u001b[2J');
    expect(text).toContain('\u001b[1mA: a.json (matrix m 1)\u001b[22m');
    expect(text).toContain('\u001b[2mDeltas are B minus A; a negative rank delta is a climb.\u001b[22m');
  });
});

describe('diff -f csv and -f long', () => {
  it('csv: one row per case, the verdict change as TRUE/FALSE and the count of criteria that changed', () => {
    expect(diffFormats.csv(ALL, context)).toBe(
      [
        'record,status,as_of_a,as_of_b,score_a,score_b,score_delta,verdict_a,verdict_b,verdict_changed,rank_a,rank_b,rank_delta,criteria_changed',
        'us-2015,changed,2015-10-01,2016-01-01,50,62.5,12.5,weak,good,TRUE,2,1,-1,5',
        'uk-2015,unchanged,2015-10-01,2015-10-01,,,,good or weak,good or weak,FALSE,3,3,0,0',
        'cn-2016,added,,2016-05-01,,40,,,weak,TRUE,,2,,0',
        '',
      ].join('\n'),
    );
  });

  it('long: one row per criterion, or per party of a per-party criterion, with both sides and the totals', () => {
    const tail = '50,62.5,weak,good';
    expect(diffFormats.long(ALL, context)).toBe(
      [
        'record,criterion,party,status,level_a,level_b,points_a,points_b,points_delta,weight_a,weight_b,contribution_a,contribution_b,contribution_delta,score_a,score_b,verdict_a,verdict_b',
        `us-2015,talks,,changed,none,held,0,1,1,1,1,0,12.5,12.5,${tail}`,
        `us-2015,deal,,changed,done,done,2,2,0,3,2,50,50,0,${tail}`,
        `us-2015,kept,US,unchanged,met,met,1,1,0,1,1,0,0,0,${tail}`,
        `us-2015,kept,CN,changed,unmet,met,0,1,1,1,1,0,0,0,${tail}`,
        `us-2015,new,,added,,yes,,1,,,1,,5,,${tail}`,
        `us-2015,old,,removed,no,,0,,,1,,0,,,${tail}`,
        `us-2015,same,,unchanged,x,x,1,1,0,1,1,10,10,0,${tail}`,
        'uk-2015,same,,unchanged,x,x,1,1,0,1,1,,,,,,good or weak,good or weak',
        '',
      ].join('\n'),
    );
  });
});

describe('diff -f json and -f ndjson', () => {
  const side = (file: string, sha256: string, matrix: unknown) => ({ file, sha256, matrix });
  const projected = (item: CaseDiff) => ({
    record: item.record,
    title: item.title,
    status: item.status,
    asOf: item.asOf,
    score: item.score,
    scoreRange: item.scoreRange,
    verdict: { a: item.verdict.a, b: item.verdict.b, changed: item.verdict.a !== item.verdict.b },
    rank: item.rank,
    criteria: item.criteria,
  });
  const a = side('a.json', 'aa', { id: 'm', version: '1', sha256: 's1' });
  const b = side('b.json', 'bb', { id: 'm', version: '2', sha256: null });

  it('json: the schema, the tool, both sides, what the deltas mean, and each case, indented by two', () => {
    const text = diffFormats.json(ALL, context);
    const expected = {
      schema: 'summit-score/diff@1',
      tool: { name: 'summit-score', version: '9.9.9' },
      a,
      b,
      deltas: 'B minus A; a negative rank delta is a climb; ranks are by total within each evaluation',
      cases: [CHANGED, UNCHANGED, ADDED].map(projected),
    };
    expect(text).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(JSON.parse(text).cases[1].verdict.changed).toBe(false);
  });

  it('ndjson: one line per case, each with its schema and both sides', () => {
    const lines = diffFormats.ndjson(ALL, context).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe(JSON.stringify({ schema: 'summit-score/diff-case@1', a, b, ...projected(CHANGED) }));
    expect(lines[2]).toBe(JSON.stringify({ schema: 'summit-score/diff-case@1', a, b, ...projected(ADDED) }));
  });
});
