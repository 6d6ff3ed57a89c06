// The HTML report of one evaluation (src/format/html/evaluation.ts), part by part: the charts it
// asks for, the verdict paragraph, the band, criteria, gates and grid tables, and the evidence
// details. Documents and the matrix are built by hand below; every expected fragment is worked out
// from those inputs and the markup rules of htmlTable/figure (first cell a row header, numeric
// columns class="num"), not copied from output.
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../src/engine/index.js';
import type { CriterionDocument, EvaluationDocument, ResultDocument } from '../../src/format/html/documents.js';
import { evaluationCharts, evaluationPage } from '../../src/format/html/evaluation.js';

type Party = NonNullable<CriterionDocument['parties']>[number];

const lv = (label: string, score = 1) => ({ label, score });

// Only what the report reads of a matrix: its bands and each criterion's level labels.
const matrix = {
  id: 'm',
  verdicts: [
    { label: 'good', min: 60 },
    { label: 'fair', min: 30 },
    { label: 'poor', min: 0 },
  ],
  criteria: [{ id: 'c1', levels: [{ label: 'high' }, { label: 'low' }] }],
} as unknown as Matrix;

function crit(id: string, fields: Partial<CriterionDocument> = {}): CriterionDocument {
  return {
    id,
    criterion: id.split('/')[0]!,
    subject: id.includes('/') ? id.split('/')[1]! : null,
    title: `Title ${id}`,
    weight: 1,
    maxPoints: 2,
    applicable: true,
    level: lv('high', 2),
    levelRange: { low: lv('high', 2), high: lv('high', 2) },
    points: 2,
    evidence: [],
    explanation: null,
    contribution: 50,
    contributionRange: { low: 50, high: 50 },
    parties: null,
    ...fields,
  };
}

function cell(partyId: string, fields: Partial<Party> = {}): Party {
  return { party: partyId, applicable: true, level: lv('full', 1), levelRange: null, points: 1, evidence: [], explanation: null, ...fields };
}

function result(fields: Partial<ResultDocument> = {}): ResultDocument {
  return {
    record: { id: 'r1', title: 'R one', date: '2015-09-25', file: 'r1.yaml', sha256: '' },
    asOf: '2015-10-01',
    score: 70,
    scoreRange: null,
    band: 'good',
    verdict: 'good',
    verdicts: null,
    gates: [],
    criteria: [crit('c1')],
    grid: null,
    sources: [],
    ...fields,
  };
}

function doc(results: ResultDocument[]): EvaluationDocument {
  return {
    schema: 'evaluation@2',
    tool: { name: 'summit-score', version: '0.0.0' },
    matrix: { id: 'm', title: 'M', version: '1', file: 'm.yaml', sha256: '' },
    asOf: null,
    results,
  };
}

const pageOf = (r: ResultDocument, svgs: string[] = []) => evaluationPage(doc([r]), matrix, svgs);
const row = (head: string, cells: string[], numeric: number[] = []) =>
  `<tr><th scope="row">${head}</th>${cells.map((c, i) => `<td${numeric.includes(i + 1) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`;

// A grid: three commitments (k/alpha, k/beta, and k with no subject) by US, CN, FR.
// c1 is scored as a whole (parties null): it is no column of the grid and gives no grid cell.
const gridCriteria = [
  crit('c1'),
  crit('k/alpha', { parties: [cell('US'), cell('CN', { level: lv('none', -1) })] }),
  crit('k/beta', {
    parties: [cell('US', { applicable: false }), cell('CN', { level: null }), cell('FR', { levelRange: { low: lv('none', -1), high: lv('full', 1) } })],
  }),
  crit('k', { subject: null, parties: [cell('US', { level: lv('half', 0) }), cell('FR', { level: lv('double', 2) })] }),
];
const grid = {
  parties: ['US', 'CN', 'FR'],
  criteria: ['k/alpha', 'k/beta', 'k'],
  byParty: [
    { party: 'US', cells: 3, notApplicable: 1, averageText: '+0.5', percent: 75 },
    { party: 'CN', cells: 3, notApplicable: 1, averageText: null, percent: null },
  ],
  byCriterion: [
    { criterion: 'k/alpha', cells: 2, notApplicable: 0, averageText: '0', percent: 50 },
    { criterion: 'k/beta', cells: 3, notApplicable: 1, averageText: null, percent: null },
    { criterion: 'k', cells: 2, notApplicable: 0, averageText: '+1', percent: 100 },
  ],
  overall: { cells: 8, notApplicable: 2, averageText: '+0.3', percent: 65 },
};

describe('evaluationCharts', () => {
  it('asks for a band scale and criterion bars per result, and a grid only for a result with one', () => {
    const charts = evaluationCharts(doc([result({ criteria: gridCriteria, grid }), result({ record: { ...result().record, id: 'r2' } })]), matrix);
    expect(charts.map((chart) => [chart.id, chart.title])).toEqual([
      ['case-1-verdict', 'r1: total on the verdict bands'],
      ['case-1-criteria', 'r1: contribution of each criterion'],
      ['case-1-grid', 'r1: members × commitments'],
      ['case-2-verdict', 'r2: total on the verdict bands'],
      ['case-2-criteria', 'r2: contribution of each criterion'],
    ]);
  });

  it('marks the score interval on the band scale: the range, a single total, or nothing', () => {
    const spec = (r: ResultDocument) => JSON.stringify(evaluationCharts(doc([r]), matrix)[0]!.spec);
    expect(spec(result({ score: null, scoreRange: { low: 40, high: 75 } }))).toContain('"low":40,"high":75,"text":"40–75"');
    expect(spec(result({ score: 70 }))).toContain('"low":70,"high":70,"text":"70"');
    expect(spec(result({ score: null }))).not.toContain('"low":');
  });

  it('gives each criterion its share of the applicable weight, its contribution and its state', () => {
    const criteria = [
      crit('c1'), // weight 1 of 3 applicable scored weight: 33.33
      crit('c2', { weight: 2, levelRange: { low: lv('low', 0), high: lv('high', 2) }, contributionRange: { low: 10, high: 40 } }), // 2 of 3: 66.67
      crit('c3', { applicable: false, weight: 5, contribution: null, contributionRange: null }),
      crit('c4', { weight: 0, contribution: 7, contributionRange: null }),
      crit('c5', { weight: 0, level: null, levelRange: null, contribution: null, contributionRange: null }),
    ];
    const values = (evaluationCharts(doc([result({ criteria })]), matrix)[1]!.spec as { data: { values: unknown[] } }).data.values;
    expect(values).toEqual([
      { criterion: 'c1', title: 'Title c1', low: 50, high: 50, max: 33.33, label: 'high', state: 'scored', shown: 'high · 50 of 33.33' },
      {
        criterion: 'c2',
        title: 'Title c2',
        low: 10,
        high: 40,
        max: 66.67,
        label: 'unknown: low to high',
        state: 'unknown',
        shown: 'unknown: low to high · 10–40 of 66.67',
      },
      { criterion: 'c3', title: 'Title c3', low: 0, high: 0, max: 0, label: 'n/a', state: 'n/a', shown: 'n/a · 0 of 0' },
      { criterion: 'c4', title: 'Title c4', low: 7, high: 7, max: 0, label: 'high', state: 'descriptive', shown: 'high · 7 of 0' },
      { criterion: 'c5', title: 'Title c5', low: 0, high: 0, max: 0, label: 'unknown', state: 'unknown', shown: 'unknown · 0 of 0' },
    ]);
  });

  it('gives no criterion a share when no applicable criterion carries weight', () => {
    const criteria = [crit('c1', { weight: 0 }), crit('c2', { applicable: false })];
    const values = (evaluationCharts(doc([result({ criteria })]), matrix)[1]!.spec as { data: { values: { max: number }[] } }).data.values;
    expect(values.map((value) => value.max)).toEqual([0, 0]);
  });

  it('gives the grid chart one cell per member and commitment, the score clamped to −1..+1', () => {
    const values = (evaluationCharts(doc([result({ criteria: gridCriteria, grid })]), matrix)[2]!.spec as { data: { values: unknown[] } }).data.values;
    expect(values).toEqual([
      { member: 'US', commitment: 'alpha', score: 1, text: '+1', key: '1' },
      { member: 'CN', commitment: 'alpha', score: -1, text: '−1', key: '-1' },
      { member: 'US', commitment: 'beta', score: null, text: 'n/a', key: 'n/a' },
      { member: 'CN', commitment: 'beta', score: null, text: 'not assessed', key: 'not assessed' },
      { member: 'FR', commitment: 'beta', score: null, text: 'not assessed', key: 'not assessed' },
      { member: 'US', commitment: 'k', score: 0, text: '0', key: '0' },
      // score 2 has no signed form: printed as 2, coloured as +1
      { member: 'FR', commitment: 'k', score: 1, text: '2', key: '1' },
    ]);
  });
});

describe('evaluationPage: the page around the results', () => {
  it('heads the page with the matrix, every record and the as-of date, and lists the sources of all results once', () => {
    const source = (url: string, events: string[]) => ({ url, title: null, publisher: null, date: null, verified: true, events });
    const first = result({ sources: [source('https://example.org/a', ['e1'])] });
    const second = result({
      record: { id: 'r2', title: 'R two', date: '2016-01-01', file: 'r2.yaml', sha256: 'ff' },
      sources: [source('https://example.org/a', ['e2']), source('https://example.org/b', ['e3'])],
    });
    const html = evaluationPage({ ...doc([first, second]), asOf: '2016-02-02' }, matrix, []);
    expect(html).toContain('<dt>Matrix</dt><dd><code>m</code> 1 — M, <code>m.yaml</code>, sha256 <span class="hash"></span></dd>');
    expect(html).toContain('<dt>Record</dt><dd><code>r1</code> — R one (2015-09-25), <code>r1.yaml</code>');
    expect(html).toContain('<dt>Record</dt><dd><code>r2</code> — R two (2016-01-01), <code>r2.yaml</code>');
    expect(html).toContain('<dt>As of</dt><dd>2016-02-02</dd>');
    // one section per result, in order, joined by a newline
    expect(html).toContain('</section>\n<section id="case-2" aria-labelledby="case-2-heading">');
    // the shared source is listed once, cited by the events of both results
    expect(html).toContain(
      '<ol class="sources">\n' +
        '<li><a href="https://example.org/a" rel="noreferrer noopener">https://example.org/a</a> — cited by <code>e1</code>, <code>e2</code></li>\n' +
        '<li><a href="https://example.org/b" rel="noreferrer noopener">https://example.org/b</a> — cited by <code>e3</code></li>\n</ol>',
    );
  });
});

describe('evaluationPage: the verdict paragraph', () => {
  it('states a single total and verdict, escaped, with no gate note when band and verdict agree', () => {
    const html = pageOf(result({ record: { ...result().record, id: 'a<b', title: 'x & y' } }));
    expect(html).toContain('<title>m 1: a&lt;b</title>');
    expect(html).toContain(
      '<section id="case-1" aria-labelledby="case-1-heading">\n<h2 id="case-1-heading">a&lt;b: x &amp; y</h2>\n' +
        '<p>As of <time>2015-10-01</time>: total <strong data-score="70">70</strong>, verdict <span class="verdict" data-verdict="good">good</span>.</p>',
    );
    expect(html).not.toContain('a gate caps it');
  });

  it('states an interval and every possible verdict, and the band a gate capped', () => {
    const html = pageOf(result({ score: null, scoreRange: { low: 40, high: 75 }, verdict: null, verdicts: ['good', 'fair'], band: 'good' }));
    expect(html).toContain(
      'total <strong data-score="40–75">40–75</strong>, verdict <span class="verdict" data-verdict="good or fair">good or fair</span> (the total alone reaches <em>good</em>; a gate caps it).</p>',
    );
  });

  it('falls back to the single verdict when the list is empty, and says when there is none', () => {
    expect(pageOf(result({ verdicts: [], verdict: 'fair', band: 'good' }))).toContain(
      'data-verdict="fair">fair</span> (the total alone reaches <em>good</em>; a gate caps it).</p>',
    );
    expect(pageOf(result({ score: null, verdicts: [], verdict: null, band: null }))).toContain(
      'total <strong data-score="no total">no total</strong>, verdict <span class="verdict" data-verdict="no verdict">no verdict</span>.</p>',
    );
  });
});

describe('evaluationPage: tables', () => {
  it('lists the bands best first, each running up to the next band’s start (the best to 100)', () => {
    expect(pageOf(result())).toContain(
      '<caption>Verdict bands of the matrix, best first</caption>\n' +
        '<thead><tr><th scope="col">Band</th><th scope="col">From</th><th scope="col">To</th></tr></thead>\n<tbody>\n' +
        [row('good', ['60', '100'], [1, 2]), row('fair', ['30', '60'], [1, 2]), row('poor', ['0', '30'], [1, 2])].join('\n') +
        '\n</tbody>',
    );
  });

  it('gives each criterion a row: level in words (marked when unknown), weight, contribution, most it could add', () => {
    const criteria = [
      crit('c<1>', { title: 'T & t' }),
      crit('c2', { weight: 2, levelRange: { low: null, high: lv('high', 2) }, contributionRange: { low: 10, high: 40 } }),
      crit('c3', { applicable: false, contribution: null, contributionRange: null }),
    ];
    const html = pageOf(result({ criteria }));
    // weights 1 and 2 applicable: shares 33.33 and 66.67; c3 is not applicable so adds at most 0
    expect(html).toContain(
      '<thead><tr><th scope="col">Criterion</th><th scope="col">Title</th><th scope="col">Level</th><th scope="col">Weight</th>' +
        '<th scope="col">Contribution</th><th scope="col">Most it could add</th></tr></thead>\n<tbody>\n' +
        [
          row('<code>c&lt;1&gt;</code>', ['T &amp; t', '<span class="">high</span>', '1', '50', '33.33'], [3, 4, 5]),
          row('<code>c2</code>', ['Title c2', '<span class="unknown">unknown: none to high</span>', '2', '10–40', '66.67'], [3, 4, 5]),
          row('<code>c3</code>', ['Title c3', '<span class="">n/a</span>', '1', '0', '0'], [3, 4, 5]),
        ].join('\n') +
        '\n</tbody>',
    );
  });

  it('says the matrix sets no gates, or lists each gate with its status', () => {
    expect(pageOf(result())).toContain('</figure>\n<p>The matrix sets no gates.</p>\n<h3>Evidence, and why not the next level</h3>\n');
    const gates = [
      { criterion: 'c1', above: 'fair', requires: 'high', level: null, status: 'capped' },
      { criterion: 'c2', above: 'poor', requires: 'low', level: 'l<w', status: 'met' },
    ];
    const html = pageOf(result({ gates }));
    expect(html).not.toContain('sets no gates');
    expect(html).toContain(
      '<caption>Gates: a verdict above a band needs the criterion at a level</caption>\n' +
        '<thead><tr><th scope="col">Criterion</th><th scope="col">Above</th><th scope="col">Requires</th><th scope="col">Level</th><th scope="col">Status</th></tr></thead>\n<tbody>\n' +
        row('<code>c1</code>', ['fair', 'high', 'n/a', '<span class="status-capped">capped</span>']) +
        '\n' +
        row('<code>c2</code>', ['poor', 'low', 'l&lt;w', '<span class="status-met">met</span>']) +
        '\n</tbody>',
    );
  });

  it('prints the grid by member and commitment with the averages it was given', () => {
    const html = pageOf(result({ criteria: gridCriteria, grid }), ['<svg a="1"></svg>', '<svg a="2"></svg>', '<svg a="3"></svg>']);
    const num = [1, 2, 3, 4, 5];
    expect(html).toContain(
      '<figure id="case-1-grid">\n<svg role="img" aria-labelledby="case-1-grid-caption" a="3"></svg>\n' +
        '<figcaption id="case-1-grid-caption">Compliance by member and commitment: −1, 0 or +1 in print and by colour; n/a and not assessed in words.</figcaption>\n' +
        '<table>\n<caption>Scores by member and commitment, with averages and percentages as the grid prints them</caption>\n' +
        '<thead><tr><th scope="col">Member</th><th scope="col">alpha</th><th scope="col">beta</th><th scope="col">k</th>' +
        '<th scope="col">Average</th><th scope="col">Percent</th></tr></thead>\n<tbody>\n' +
        [
          row('US', ['+1', 'n/a', '0', '+0.5', '75%'], num),
          // CN has no cell under k, and its averages are null
          row('CN', ['−1', 'not assessed', 'n/a', '—', '—'], num),
          // FR is not in byParty at all
          row('FR', ['n/a', 'not assessed', '2', '—', '—'], num),
          row('Average', ['0', '—', '+1', '+0.3', '65%'], num),
        ].join('\n') +
        '\n</tbody>\n</table>\n</figure>',
    );
    expect(html).toContain('<span class="">by member (see the grid)</span>');
  });

  it('prints a missing overall percent as a dash', () => {
    const html = pageOf(result({ criteria: gridCriteria, grid: { ...grid, overall: { ...grid.overall, percent: null } } }), ['<svg>', '<svg>', '<svg>']);
    expect(html).toContain(row('Average', ['0', '—', '+1', '+0.3', '—'], [1, 2, 3, 4, 5]));
  });
});

describe('evaluationPage: figures and the charts they hold', () => {
  it('hands each result its own SVGs in order, three for a result with a grid and two without', () => {
    const second = result({ record: { ...result().record, id: 'r2' } });
    const svgs = [1, 2, 3, 4, 5].map((n) => `<svg n="${n}"></svg>`);
    const html = evaluationPage(doc([result({ criteria: gridCriteria, grid }), second]), matrix, svgs);
    expect(html).toContain('<title>m 1: r1, r2</title>');
    expect(html).toContain('<figure id="case-1-verdict">\n<svg role="img" aria-labelledby="case-1-verdict-caption" n="1"></svg>\n');
    expect(html).toContain('<figure id="case-1-criteria">\n<svg role="img" aria-labelledby="case-1-criteria-caption" n="2"></svg>\n');
    expect(html).toContain('<figure id="case-1-grid">\n<svg role="img" aria-labelledby="case-1-grid-caption" n="3"></svg>\n');
    expect(html).toContain('<figure id="case-2-verdict">\n<svg role="img" aria-labelledby="case-2-verdict-caption" n="4"></svg>\n');
    expect(html).toContain('<figure id="case-2-criteria">\n<svg role="img" aria-labelledby="case-2-criteria-caption" n="5"></svg>\n');
    expect(html).not.toContain('case-2-grid');
  });

  it('leaves a figure without a chart when no SVG was given, and drops the grid figure', () => {
    const html = pageOf(result({ criteria: gridCriteria, grid }));
    expect(html).toContain(
      '<figure id="case-1-verdict">\n\n<figcaption id="case-1-verdict-caption">The total on the matrix’s verdict bands; a shaded bar marks an interval where facts are unknown.</figcaption>\n<table>',
    );
    expect(html).toContain(
      '<figure id="case-1-criteria">\n\n<figcaption id="case-1-criteria-caption">What each criterion adds to the total, against the most it could add; ' +
        'n/a, unknown and descriptive criteria are named in words.</figcaption>\n<table>',
    );
    expect(html).not.toContain('case-1-grid');
  });
});

describe('evaluationPage: evidence details', () => {
  it('names the level and the matrix’s levels, and says when no event earned one', () => {
    const html = pageOf(result({ criteria: [crit('c1'), crit('zz', { level: null, levelRange: { low: lv('low', 0), high: null } })] }));
    expect(html).toContain(
      '<h3>Evidence, and why not the next level</h3>\n' +
        '<details open>\n<summary><code>c1</code>: high (levels, best first: high › low)</summary>\n<p>No event earned a level.</p>\n\n</details>\n' +
        // zz is not in the matrix: no list of levels
        '<details open>\n<summary><code>zz</code>: unknown: low to none</summary>\n<p>No event earned a level.</p>\n\n</details>\n</section>',
    );
  });

  it('says why not the next level, naming it or not', () => {
    const named = pageOf(result({ criteria: [crit('c1', { explanation: { level: lv('top', 3), expected: 'a > b', actual: "b's", event: null } })] }));
    expect(named).toContain('<p>No event earned a level.</p>\n<p>Why not <strong>top</strong>: expected a &gt; b; found b&#39;s.</p>\n</details>');
    const unnamed = pageOf(result({ criteria: [crit('c1', { explanation: { level: null, expected: 'x', actual: 'y', event: null } })] }));
    expect(unnamed).toContain('<p>Why not <strong>the next level</strong>: expected x; found y.</p>');
  });

  it('lists each event with its date, type, title, place, verification and sources', () => {
    const evidence = [
      {
        event: 'e<1>',
        date: '2015-09-25',
        type: 'statement',
        title: 'T & t',
        file: 'r.yaml',
        line: 12,
        verified: false,
        sources: ['https://example.org/a', null, 'javascript:x'],
      },
      { event: 'e2', date: '2015-09-26', type: 'vote', title: null, file: null, line: null, verified: true, sources: [null] },
      { event: 'e3', date: '2015-09-27', type: 'vote', title: null, file: 'f.yaml', line: null, verified: true, sources: ['https://example.org/b'] },
    ];
    const html = pageOf(result({ criteria: [crit('c1', { evidence })] }));
    expect(html).toContain(
      '(levels, best first: high › low)</summary>\n<ul>\n' +
        '<li><code>e&lt;1&gt;</code> (2015-09-25, statement): T &amp; t — <code>r.yaml:12</code> <span class="unverified">verified: false</span>' +
        '<br>sources: <a href="https://example.org/a" rel="noreferrer noopener">https://example.org/a</a>, javascript:x</li>\n' +
        '<li><code>e2</code> (2015-09-26, vote) <span class="unverified">no source</span></li>\n' +
        '<li><code>e3</code> (2015-09-27, vote) — <code>f.yaml:</code><br>sources: <a href="https://example.org/b" rel="noreferrer noopener">https://example.org/b</a></li>\n' +
        '</ul>\n\n</details>',
    );
    expect(html).not.toContain('No event earned a level.');
  });
});
