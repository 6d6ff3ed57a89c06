// The formats of `summit-score compare` (src/format/compare.ts) on results built by hand: three
// records under two matrices, with a tie, an open total and a record without one. Rows go in rank
// order (unranked last); a tie is marked "=", an open place "best–worst"; a criterion's cell is its
// level, or the mean share of points of its subjects or parties; bars count eighths of a block on
// one 0-100 scale. Each expected line is written out from those rules, CSV by RFC 4180.
import { describe, expect, it } from 'vitest';
import type { CaseResult, Matrix } from '../../src/engine/index.js';
import type { RankPlace } from '../../src/engine/rank.js';
import { compareFormats, type CompareReport } from '../../src/format/compare.js';
import { matrixFrom } from '../helpers/build.js';
import { caseResult, criterion, level, makeGrid, party } from '../helpers/hand-results.js';

const held = criterion('talks', {
  maxPoints: 1,
  level: level('held', 1),
  levelRange: { low: level('held', 1), high: level('held', 1) },
  points: 1,
  contribution: 50,
});
const record = (id: string) => ({ id, title: id.toUpperCase(), date: '2015-09-25' });
const result = (id: string, fields: Partial<CaseResult>) => caseResult({ record: record(id), score: 75, scoreRange: { low: 75, high: 75 }, ...fields });
const place = (rank: number | null, best: number | null, worst = best, tied = false): RankPlace => ({
  rank,
  tied,
  rankRange: best === null ? null : { best, worst: worst! },
});

// Under m: us and uk tie at 75 (rank =1), cn is open, 20 to 60 (rank 2–3).
const M = [
  result('cn', {
    score: null,
    scoreRange: { low: 20, high: 60 },
    band: null,
    verdict: null,
    verdicts: ['good', 'weak'],
    criteria: [
      criterion('talks', {
        maxPoints: 1,
        level: null,
        levelRange: { low: level('none', 0), high: level('held', 1) },
        points: null,
        normalised: null,
        contribution: null,
        contributionRange: { low: 0, high: 50 },
      }),
    ],
  }),
  result('us', {
    criteria: [
      held,
      criterion('pledge/e1', { contribution: 25, normalised: 1 }),
      criterion('pledge/e2', {
        contribution: 0,
        normalised: 0,
        level: level('none', 0),
        levelRange: { low: level('none', 0), high: level('none', 0) },
        points: 0,
      }),
    ],
  }),
  result('uk', { criteria: [held, criterion('pledge/e1', { contribution: 25, normalised: 1 })] }),
];
// Under n: uk first, cn second, us without a total.
const N = [
  result('cn', {
    score: 50,
    scoreRange: { low: 50, high: 50 },
    criteria: [criterion('pp', { normalised: 0.5, contribution: 50, parties: [party('US', { normalised: 0.5 })] })],
  }),
  result('us', {
    score: null,
    scoreRange: null,
    band: null,
    verdict: null,
    verdicts: [],
    criteria: [
      criterion('pp', {
        applicable: false,
        normalised: null,
        contribution: null,
        contributionRange: { low: 0, high: 0 },
        parties: [party('US', { applicable: false })],
      }),
    ],
  }),
  result('uk', { score: 100, scoreRange: { low: 100, high: 100 }, criteria: [criterion('pp', { normalised: 1, contribution: 100, parties: [party('US')] })] }),
];

const matrix = (id: string, version: string, criteria: string[]) => ({
  definition: {
    id,
    title: id.toUpperCase(),
    version,
    aggregation: 'weighted-mean',
    criteria: criteria.map((c) => ({ id: c, title: c.toUpperCase(), weight: 1 })),
    verdicts: [
      { label: 'good', min: 50 },
      { label: 'weak', min: 0 },
    ],
  } as unknown as Matrix,
  file: `${id}.yaml`,
  sha256: id.repeat(16),
});

const report = (comparisons = 2): CompareReport => ({
  tool: { name: 'summit-score', version: '9.9.9' },
  asOf: null,
  records: ['cn', 'us', 'uk'].map((id) => ({ record: { ...record(id), day: 0, parties: [], events: [] }, file: `${id}.yaml`, sha256: id })),
  comparisons: [
    { matrix: matrix('m', '1', ['talks', 'pledge']), results: M, places: [place(null, 2, 3), place(1, 1, 1, true), place(1, 1, 1, true)] },
    { matrix: matrix('n', '2', ['pp']), results: N, places: [place(2, 2), place(null, null), place(1, 1)] },
  ].slice(0, comparisons),
});
const context = { color: false, width: 200 };

const RANKING =
  'by total, highest first; equal totals share a rank (1, 2, 2, 4) and are flagged as tied; a total the record leaves open (an interval) has the range ' +
  'of places it allows (2–4), and so may the cases it overlaps; a case without a total is not ranked';

describe('compare -f markdown', () => {
  it('tabulates each matrix in rank order, then each record under each matrix, then how ranks are given', () => {
    expect(compareFormats.markdown(report(), context)).toBe(
      [
        '## M',
        '',
        'Matrix `m` 1 (m.yaml, sha256 `mmmmmmmmmmmm`), aggregation weighted-mean.',
        '',
        '| Rank | Record | talks | pledge | Total | Verdict |',
        '| ---: | --- | --- | --- | ---: | --- |',
        '| =1 | `us` | held | 50% (2 subjects) | 75.00 | good |',
        '| =1 | `uk` | held | high | 75.00 | good |',
        '| 2–3 | `cn` | none..held | - | 20.00–60.00 | good or weak |',
        '',
        '## N',
        '',
        'Matrix `n` 2 (n.yaml, sha256 `nnnnnnnnnnnn`), aggregation weighted-mean.',
        '',
        '| Rank | Record | pp | Total | Verdict |',
        '| ---: | --- | --- | ---: | --- |',
        '| 1 | `uk` | 100% | 100.00 | good |',
        '| 2 | `cn` | 50% | 50.00 | good |',
        '| - | `us` | n/a |  | none |',
        '',
        '## Each record under each matrix',
        '',
        '| Record | `m` | `n` |',
        '| --- | --- | --- |',
        '| `cn` | 20.00–60.00 good or weak (2–3) | 50.00 good (2) |',
        '| `us` | 75.00 good (=1) | - none (-) |',
        '| `uk` | 75.00 good (=1) | 100.00 good (1) |',
        '',
        `Ranks: ${RANKING}; = marks a tie.`,
        '',
      ].join('\n'),
    );
  });

  it('has no cross table for one matrix', () => {
    expect(compareFormats.markdown(report(1), context)).not.toContain('Each record under each matrix');
  });
});

describe('compare -f table', () => {
  it("draws each matrix's rows in rank order with bars, then the cross table and how ranks are given", () => {
    const text = compareFormats.table(report(), context);
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['M', 'matrix m 1 (m.yaml), aggregation weighted-mean']);
    const rows = lines.filter((line) => /^│ (=?\d|-|2–3) /.test(line));
    // talks 50 of 100 is 40 eighths (5 blocks); pledge 25, 20 eighths (2 blocks and a half); a total of 75, 60 (7 and a half); 20, 16 (2).
    expect(rows[0]).toMatch(/^│ =1\s+│ us\s+│ held █████\s+│ 50% \(2 subjects\) ██▌\s+│ 75\.00\s+│ good\s+│ ███████▌\s+│$/);
    expect(rows[1]).toMatch(/^│ =1\s+│ uk\s+│ held █████\s+│ high ██▌\s+│ 75\.00\s+│ good\s+│ ███████▌\s+│$/);
    expect(rows[2]).toMatch(/^│ 2–3\s+│ cn\s+│ none\.\.held\s+│ -\s+│ 20\.00–60\.00\s+│ good or weak\s+│ ██\s+│$/);
    expect(rows[3]).toMatch(/^│ 1\s+│ uk\s+│ 100% ██████████\s+│ 100\.00\s+│ good\s+│ ██████████\s+│$/);
    expect(rows[5]).toMatch(/^│ -\s+│ us\s+│ n\/a\s+│ -\s+│ none\s+│\s+│$/);
    expect(text).toContain("Bars: each criterion's contribution and the total, on one scale (a full bar is 100); = tied: the same total as another case\n");
    expect(text).toContain("Bars: each criterion's contribution and the total, on one scale (a full bar is 100)\n\nEach record under each matrix\n");
    expect(lines.find((line) => line.startsWith('│ cn '))).toMatch(/^│ cn\s+│ 20\.00–60\.00 good or weak \(rank 2–3\)\s+│ 50\.00 good \(rank 2\)\s+│$/);
    expect(lines.find((line) => line.startsWith('│ us '))).toMatch(/^│ us\s+│ 75\.00 good \(rank =1\)\s+│ - none \(rank -\)\s+│$/);
    // The ranking note is longer than 200 columns: at 1000 it stands on one line.
    expect(compareFormats.table(report(), { color: false, width: 1000 }).endsWith(`\n\nRanks: ${RANKING}.\n`)).toBe(true);
    expect(compareFormats.table(report(1), context)).not.toContain('Each record under each matrix');
  });

  it('paints verdicts in colour, an open one plain', () => {
    const text = compareFormats.table(report(), { color: true, width: 200 });
    expect(text).toContain('\u001b[1m\u001b[32mgood\u001b[39m\u001b[22m');
    expect(text).toContain('\u001b[33mnone\u001b[39m');
    expect(text).toMatch(/ good or weak +\u001b\[90m│/);
  });
});

describe('compare -f csv and -f long', () => {
  it('csv: a row per matrix and record with its case, rank and wide cells, over every result id of every matrix', () => {
    const lines = compareFormats.csv(report(), context).split('\n');
    const wide = (id: string) => [id, `${id}_low`, `${id}_high`, `${id}_applicable`, `${id}_points`];
    expect(lines[0]!.split(',')).toEqual([
      'matrix',
      'matrix_version',
      'record',
      'title',
      'as_of',
      'score',
      'score_low',
      'score_high',
      'band',
      'verdict',
      'verdicts',
      'unknown_share',
      'rank',
      'rank_best',
      'rank_worst',
      'tied',
      ...wide('talks'),
      ...wide('pledge_e1'),
      ...wide('pledge_e2'),
      ...wide('pp'),
    ]);
    expect(lines.slice(1)).toEqual([
      'm,1,cn,CN,2015-10-01,,20,60,,,good;weak,0,,2,3,FALSE,,none,held,TRUE,,,,,,,,,,,,,,,,',
      'm,1,us,US,2015-10-01,75,75,75,good,good,good,0,1,1,1,TRUE,held,held,held,TRUE,1,high,high,high,TRUE,2,none,none,none,TRUE,0,,,,,',
      'm,1,uk,UK,2015-10-01,75,75,75,good,good,good,0,1,1,1,TRUE,held,held,held,TRUE,1,high,high,high,TRUE,2,,,,,,,,,,',
      'n,2,cn,CN,2015-10-01,50,50,50,good,good,good,0,2,2,2,FALSE,,,,,,,,,,,,,,,,per-party,,,TRUE,2',
      'n,2,us,US,2015-10-01,,,,,,,0,,,,FALSE,,,,,,,,,,,,,,,,,,,FALSE,2',
      'n,2,uk,UK,2015-10-01,100,100,100,good,good,good,0,1,1,1,FALSE,,,,,,,,,,,,,,,,per-party,,,TRUE,2',
      '',
    ]);
  });

  it('long: a row per matrix, record and cell, with the case and its rank', () => {
    const lines = compareFormats.long(report(), context).split('\n');
    const columns = lines[0]!.split(',');
    expect(columns.slice(0, 5)).toEqual(['matrix', 'matrix_version', 'record', 'as_of', 'criterion']);
    expect(columns.slice(-4)).toEqual(['rank', 'rank_best', 'rank_worst', 'tied']);
    expect(lines.slice(1, -1).map((line) => line.split(',').slice(0, 6).join(' '))).toEqual([
      'm 1 cn 2015-10-01 talks ',
      'm 1 us 2015-10-01 talks ',
      'm 1 us 2015-10-01 pledge/e1 e1',
      'm 1 us 2015-10-01 pledge/e2 e2',
      'm 1 uk 2015-10-01 talks ',
      'm 1 uk 2015-10-01 pledge/e1 e1',
      'n 2 cn 2015-10-01 pp ',
      'n 2 us 2015-10-01 pp ',
      'n 2 uk 2015-10-01 pp ',
    ]);
    expect(lines.map((line) => line.split(',').slice(-4).join(' '))).toEqual([
      'rank rank_best rank_worst tied',
      ' 2 3 FALSE',
      '1 1 1 TRUE',
      '1 1 1 TRUE',
      '1 1 1 TRUE',
      '1 1 1 TRUE',
      '1 1 1 TRUE',
      '2 2 2 FALSE',
      '   FALSE',
      '1 1 1 FALSE',
      '',
    ]);
  });
});

describe('compare -f json and -f ndjson', () => {
  const usRow = {
    record: 'us',
    asOf: '2015-10-01',
    score: 75,
    scoreRange: { low: 75, high: 75 },
    band: 'good',
    verdict: 'good',
    verdicts: ['good'],
    undetermined: false,
    unknownShare: 0,
    rank: 1,
    rankRange: { best: 1, worst: 1 },
    tied: true,
    criteria: [
      {
        id: 'talks',
        criterion: 'talks',
        subject: null,
        applicable: true,
        level: 'held',
        levelRange: { low: 'held', high: 'held' },
        levelScore: 1,
        points: 1,
        maxPoints: 1,
        contribution: 50,
        contributionRange: { low: 50, high: 50 },
        parties: null,
      },
      {
        id: 'pledge/e1',
        criterion: 'pledge',
        subject: 'e1',
        applicable: true,
        level: 'high',
        levelRange: { low: 'high', high: 'high' },
        levelScore: 2,
        points: 2,
        maxPoints: 2,
        contribution: 25,
        contributionRange: { low: 50, high: 50 },
        parties: null,
      },
      {
        id: 'pledge/e2',
        criterion: 'pledge',
        subject: 'e2',
        applicable: true,
        level: 'none',
        levelRange: { low: 'none', high: 'none' },
        levelScore: 0,
        points: 0,
        maxPoints: 2,
        contribution: 0,
        contributionRange: { low: 50, high: 50 },
        parties: null,
      },
    ],
  };

  it('json: the schema, tool, how ranks are given, the matrices and records, then each comparison in the order given', () => {
    const text = compareFormats.json(report(), context);
    const document = JSON.parse(text);
    expect(Object.keys(document)).toEqual(['schema', 'tool', 'asOf', 'ranking', 'matrices', 'records', 'comparisons']);
    expect(document).toMatchObject({ schema: 'summit-score/compare@2', tool: { name: 'summit-score', version: '9.9.9' }, asOf: null, ranking: RANKING });
    expect(document.matrices.map((m: { id: string }) => m.id)).toEqual(['m', 'n']);
    expect(document.records[0]).toEqual({ id: 'cn', title: 'CN', date: '2015-09-25', file: 'cn.yaml', sha256: 'cn' });
    expect(document.comparisons[0].matrix).toBe('m');
    expect(document.comparisons[0].criteria).toEqual([
      { id: 'talks', title: 'TALKS', weight: 1 },
      { id: 'pledge', title: 'PLEDGE', weight: 1 },
    ]);
    expect(document.comparisons[0].rows.map((row: { record: string }) => row.record)).toEqual(['cn', 'us', 'uk']);
    expect(JSON.stringify(document.comparisons[0].rows[1])).toBe(JSON.stringify(usRow));
    expect(document.comparisons[0].rows[0]).toMatchObject({
      score: null,
      scoreRange: { low: 20, high: 60 },
      rank: null,
      rankRange: { best: 2, worst: 3 },
      tied: false,
    });
    expect(document.comparisons[1].rows[0].criteria[0].parties).toEqual([{ party: 'US', applicable: true, level: 'full', points: 1 }]);
    expect(document.comparisons[1].rows[1]).toMatchObject({ score: null, scoreRange: null, rank: null, rankRange: null });
    expect(document.comparisons[0].across).toBeNull();
    expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it('ndjson: one line per matrix and record, with its schema and matrix', () => {
    const lines = compareFormats.ndjson(report(), context).split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe(JSON.stringify({ schema: 'summit-score/compare-row@2', matrix: { id: 'm', version: '1', sha256: 'm'.repeat(16) }, ...usRow }));
    expect(JSON.parse(lines[4]!)).toMatchObject({ matrix: { id: 'n', version: '2' }, record: 'us', score: null });
  });
});

describe('compare under a compliance matrix', () => {
  // Every criterion per party: the tables across summits follow the ranking (their figures are
  // the engine's, tested in test/engine; here, that each format shows them where it should).
  const grid = () => {
    const definition = matrixFrom(`
id: g
title: G
version: "1"
source: {author: T}
aggregation: cell-mean
criteria:
  - id: k
    title: K
    weight: 1
    perParty: true
    forEach: {type: commitment}
    levels:
      - {label: full, score: 1, when: {some: {type: fulfilment}}}
      - {label: partial, score: 0, when: {some: {type: statement}}}
      - {label: none, score: -1}
verdicts: [{label: good, min: 50}, {label: weak, min: 0}]
`);
    const results = ['cn', 'us', 'uk'].map((id) => result(id, { grid: makeGrid(), criteria: [] }));
    return {
      ...report(1),
      comparisons: [
        { matrix: { definition, file: 'g.yaml', sha256: 'gg' }, results, places: [place(1, 1, 1, true), place(1, 1, 1, true), place(1, 1, 1, true)] },
      ],
    };
  };

  it('adds the tables by member and by issue area to the table and Markdown, and makes the CSV those tables', () => {
    const text = compareFormats.table(grid(), context);
    expect(text).toContain('\nCompliance by member, summit by summit\n┌');
    expect(text).toMatch(/\nBy issue area\n┌/);
    expect(text).toMatch(/│ Member\s+│ cn\s+│ %\s+│ us\s+│ %\s+│ uk\s+│ %\s+│ All summits\s+│ %\s+│/);
    const markdown = compareFormats.markdown(grid(), context);
    expect(markdown).toContain(
      '\n\nCompliance by member, summit by summit:\n\n| Member | cn | % | us | % | uk | % | All summits | % |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n',
    );
    expect(markdown).toContain('\n\nBy issue area:\n\n| Issue area | cn | % | us | % | uk | % | All summits | % |\n');
    expect(compareFormats.csv(grid(), context).split('\n')[0]).toBe(
      'matrix,matrix_version,table,id,name,scope,record,cells,not_applicable,not_assessed,average,percent,average_low,average_high,percent_low,percent_high',
    );
    expect(JSON.parse(compareFormats.json(grid(), context)).comparisons[0].across.summits.map((s: { record: string }) => s.record)).toEqual(['cn', 'us', 'uk']);
    // One matrix that is not a grid, and the CSV is the wide rows again.
    const mixed = { ...grid(), comparisons: [...grid().comparisons, report(1).comparisons[0]!] };
    expect(compareFormats.csv(mixed, context).split('\n')[0]).toMatch(/^matrix,matrix_version,record,title,/);
  });
});

describe('compare: heads, order, colour and cells, one rule at a time', () => {
  it('heads the rank table and the cross table', () => {
    const lines = compareFormats.table(report(), context).split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^│ Rank\s+│ Record\s+│ talks\s+│ pledge\s+│ Total\s+│ Verdict\s+│\s+│$/));
    expect(lines).toContainEqual(expect.stringMatching(/^│ Record\s+│ m\s+│ n\s+│$/));
  });

  it('orders rows by best place, then worst, then as given; unranked last', () => {
    const base = report(1).comparisons[0]!;
    const places = [place(null, 2, 3), place(2, 2), place(null, null)];
    const ordered = compareFormats.markdown({ ...report(1), comparisons: [{ ...base, places }] }, context);
    const records = ordered
      .split('\n')
      .filter((line) => /^\| (\d|-|2–3) /.test(line))
      .map((line) => line.split(' | ')[1]);
    expect(records).toEqual(['`us`', '`cn`', '`uk`']);
  });

  it('paints the verdicts of the rank table and the cross table', () => {
    const lines = compareFormats.table(report(), { color: true, width: 200 }).split('\n');
    const painted = '\u001b[1m\u001b[32mgood\u001b[39m\u001b[22m';
    expect(lines.find((line) => line.includes(' =1 ') && line.includes(' us '))).toContain(painted);
    expect(lines.find((line) => line.includes(' uk ') && line.includes('(rank 1)'))).toContain(`100.00 ${painted} (rank 1)`);
  });

  it('counts one subject, says n/a for a cell that applies but is open, and shows an undetermined verdict in words', () => {
    const one = result('cn', {
      score: null,
      scoreRange: { low: 10, high: 20 },
      verdict: null,
      verdicts: [],
      undetermined: true,
      unknown: { share: 0.123456, criteria: ['pledge/e1'] },
      criteria: [
        criterion('talks', { parties: [party('US')], normalised: null, points: null, contribution: null }),
        criterion('pledge/e1', { parties: [party('US', { level: null })], normalised: 0.5 }),
      ],
    });
    const base = report(1);
    const only = { ...base, records: [base.records[0]!], comparisons: [{ ...base.comparisons[0]!, results: [one], places: [place(null, 1, 1)] }] };
    expect(compareFormats.markdown(only, context)).toContain('| 1–1 | `cn` | n/a | 50% (1 subject) | 10.00–20.00 | undetermined |');
    expect(compareFormats.table(only, context)).toMatch(/│ undetermined\s+│/);
    const row = JSON.parse(compareFormats.json(only, context)).comparisons[0].rows[0];
    expect(row.unknownShare).toBe(0.1235);
    expect(row.criteria[0]).toMatchObject({ points: null, contribution: null });
    expect(row.criteria[1].parties[0]).toEqual({ party: 'US', applicable: true, level: null, points: 1 });
  });
});
