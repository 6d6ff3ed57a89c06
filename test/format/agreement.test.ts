// The formats of `summit-score agree` (src/format/agreement.ts, agreement-text.ts,
// agreement-html.ts) on an agreement built by hand: two coders, five units (one of each kind of
// coding: a level, a disagreement with its evidence and the facts behind it, a unit one coder
// lacks, one left open, one not assessed) and statistics set by hand. Figures print with three
// decimals ("undefined" for none), JSON rounds to six; each expected line is written out from the
// rules of the text, CSV by RFC 4180.
import { describe, expect, it } from 'vitest';
import type { Agreement, AgreementStatistics, AgreementUnit, UnitCoding } from '../../src/engine/agreement.js';
import { fileOf, formatAgreementJson, passesMinAlpha, round6, type AgreementReport } from '../../src/format/agreement.js';
import { formatAgreementHtml } from '../../src/format/agreement-html.js';
import { formatAgreementCsv, formatAgreementMarkdown, formatAgreementTable, statisticsLines, unitName } from '../../src/format/agreement-text.js';
import { level } from '../helpers/hand-results.js';

const coding = (coder: string, fields: Partial<UnitCoding> = {}): UnitCoding => ({
  coder,
  coded: true,
  applicable: true,
  known: true,
  notAssessed: false,
  level: level('held', 1),
  levelRange: null,
  evidence: [],
  explanation: null,
  ...fields,
});
const unit = (id: string, fields: Partial<AgreementUnit>): AgreementUnit => ({
  case: 'us-2015',
  id,
  criterion: id.split('/')[0]!,
  party: null,
  metric: 'ordinal',
  codings: [coding('ann'), coding('bob')],
  agree: true,
  differences: [],
  ...fields,
});
const failure = { path: 'p', expected: 'a meeting with US', actual: 'none', operator: 'some', events: [] };

const UNITS: AgreementUnit[] = [
  unit('talks', {}),
  unit('kept', {
    party: 'US',
    metric: 'interval',
    agree: false,
    codings: [
      coding('ann', {
        level: level('met', 1),
        evidence: [
          {
            event: 'm1',
            date: '2015-09-25',
            type: 'meeting',
            location: { file: 'ann/us.yaml', line: 12, col: 3 },
            sources: [
              { publisher: 'Reuters', verified: true },
              { url: 'https://example.org/x', verified: false },
              { title: 'T', verified: true },
            ],
          },
        ],
      }),
      coding('bob', {
        level: level('unmet', 0),
        evidence: [{ event: 'm2', date: '2015-09-26', type: 'note', sources: [] }],
        explanation: { level: level('met', 1), failure: { ...failure, event: 'm1' } },
      }),
    ],
    differences: [
      {
        event: 'm1',
        fact: 'fields.level',
        decisive: true,
        values: [
          { coder: 'ann', value: 'leaders', location: { file: 'ann/us.yaml', line: 14, col: 5 } },
          { coder: 'bob', value: undefined },
        ],
      },
      {
        event: 'm3',
        fact: 'event',
        decisive: false,
        values: [
          { coder: 'ann', value: true, location: { file: 'ann/us.yaml', line: 20, col: 3 } },
          { coder: 'bob', value: undefined },
        ],
      },
      {
        event: 'm1',
        fact: 'actors',
        decisive: false,
        values: [
          { coder: 'ann', value: ['US', 'CN'] },
          { coder: 'cat', value: ['US'] },
        ],
      },
    ],
  }),
  unit('deal', {
    agree: false,
    codings: [
      coding('ann', { coded: false, level: null }),
      coding('bob', { known: false, applicable: 'unknown', level: null, levelRange: { low: null, high: level('done', 2) } }),
    ],
  }),
  unit('grid/x', {
    metric: 'interval',
    agree: false,
    codings: [coding('ann', { known: false, notAssessed: true, level: null }), coding('bob', { applicable: false, level: null, explanation: { failure } })],
  }),
  unit('extra', { codings: [coding('ann', { level: null }), coding('bob', { known: false, level: null })] }),
];

const stats = (fields: Partial<AgreementStatistics>): AgreementStatistics => ({
  metric: 'ordinal',
  units: 5,
  pairableUnits: 3,
  agreeingUnits: 2,
  percentAgreement: 2 / 3,
  alpha: 0.4123456789,
  interval: {
    low: 0.1,
    high: 0.7,
    level: 0.95,
    samples: 1000,
    undefinedSamples: 3,
    seed: 42,
    generator: 'mulberry32',
    method: 'units resampled with replacement, percentile interval',
  },
  cohen: { unweighted: 0.25, linear: 1 / 3, quadratic: null, units: 3 },
  fleiss: { kappa: -0.0624, units: 3 },
  ...fields,
});
const OPEN = stats({
  metric: 'interval',
  units: 2,
  pairableUnits: 2,
  agreeingUnits: 0,
  percentAgreement: null,
  alpha: null,
  interval: { ...stats({}).interval, low: null, high: null, undefinedSamples: 600 },
  cohen: null,
  fleiss: null,
});

const AGREEMENT: Agreement = {
  coders: ['ann', 'bob'],
  cases: ['us-2015'],
  units: UNITS,
  overall: [stats({})],
  criteria: [
    { criterion: 'talks', title: 'Talks', statistics: stats({ units: 1 }) },
    { criterion: 'kept', title: 'Kept', statistics: OPEN },
  ],
  bootstrap: { samples: 1000, seed: 42, level: 0.95 },
};
const report = (fields: Partial<AgreementReport> = {}): AgreementReport => ({
  tool: { name: 'summit-score', version: '9.9.9' },
  matrix: { id: 'm', version: '1', title: 'M', file: 'm.yaml', sha256: 'mm' },
  asOf: null,
  files: [
    { coder: 'ann', case: 'us-2015', title: 'US 2015', date: '2015-09-25', file: 'ann/us.yaml', sha256: 'a1' },
    { coder: 'bob', case: 'us-2015', title: 'US 2015', date: '2015-09-25', file: 'bob/us.yaml', sha256: 'b1' },
  ],
  agreement: AGREEMENT,
  minAlpha: 0.5,
  ...fields,
});

const HEADLINE = 'Agreement of 2 coders (ann, bob) on us-2015, matrix m 1: 2 of 5 units agree';
const STATISTICS = [
  "Krippendorff's alpha (ordinal) over 3 units: 0.412 (95% interval 0.100 to 0.700, 1000 bootstrap samples of the units, seed 42)",
  'Percent agreement: 66.7% (2 of 5 units agree)',
  "Left out of the statistics: 2 of 5 units, where a coder's record does not settle the level (unknown or not assessed): missing codings, not disagreements",
  "Cohen's kappa over 3 units: 0.250 unweighted, 0.333 linear, undefined quadratic",
  "Fleiss' kappa over 3 units: -0.062",
];
const KEPT = [
  '  ann: met (1)',
  '    earned by m1 2015-09-25: Reuters; https://example.org/x (unverified); a source',
  '  bob: unmet (0)',
  '    earned by m2 2015-09-26: no source',
  '    not met: expected a meeting with US; actual m1: none',
  '  decided by: m1 fields.level: ann leaders (ann/us.yaml:14), bob (not stated) (bob/us.yaml)',
  '  also differs: event m3: ann true (ann/us.yaml:20), bob (no such event) (bob/us.yaml)',
  '  also differs: m1 actors: ann ["US","CN"] (ann/us.yaml), cat ["US"]',
];
const DEAL = ['  ann: (not coded)', '  bob: unknown: not applicable or no level..done'];
const GRID = ['  ann: not assessed', '  bob: not applicable', '    not applicable: expected a meeting with US; actual none'];

describe('statistics in words', () => {
  it('says alpha, its interval, percent agreement, what is left out, and the kappas', () => {
    expect(statisticsLines(stats({}))).toEqual(STATISTICS);
  });

  it('says "undefined" for a figure there is none of, and why there is no interval', () => {
    expect(statisticsLines(OPEN)).toEqual([
      "Krippendorff's alpha (interval) over 2 units: undefined (no 95% interval (alpha undefined on 600 of 1000 bootstrap samples))",
      'Percent agreement: undefined (0 of 2 units agree)',
    ]);
  });

  it('names a unit by its id and party, and by its case when there are several', () => {
    expect(unitName(UNITS[1]!, 1)).toBe('kept [US]');
    expect(unitName(UNITS[1]!, 2)).toBe('us-2015: kept [US]');
    expect(unitName(UNITS[0]!, 3)).toBe('us-2015: talks');
  });
});

describe('--min-alpha', () => {
  it('is judged on alpha rounded to six decimals, as the JSON prints it; an undefined alpha fails', () => {
    const at = (alpha: number | null, minAlpha: number | null) =>
      passesMinAlpha(report({ minAlpha, agreement: { ...AGREEMENT, overall: [stats({ alpha })] } }));
    expect(at(0.49999951, 0.5)).toBe(true);
    expect(at(0.49999949, 0.5)).toBe(false);
    expect(at(0.5, 0.5)).toBe(true);
    expect(at(null, 0.5)).toBe(false);
    expect(at(null, null)).toBe(true);
    expect(passesMinAlpha(report({ agreement: { ...AGREEMENT, overall: [stats({ alpha: 0.9 }), stats({ alpha: 0.1 })] } }))).toBe(false);
    expect(round6(null)).toBeNull();
    expect(round6(1 / 3)).toBe(0.333333);
  });

  it('finds the file of a coder and case', () => {
    expect(fileOf(report(), 'bob', 'us-2015')?.file).toBe('bob/us.yaml');
    expect(fileOf(report(), 'bob', 'uk-2015')).toBeUndefined();
    expect(fileOf(report(), 'cat', 'us-2015')).toBeUndefined();
  });
});

describe('agree -f table', () => {
  it('heads the run, tabulates the units, says the statistics, each criterion of several units and each disagreement', () => {
    const lines = formatAgreementTable(report(), { color: false, width: 200 }).split('\n');
    expect(lines[0]).toBe(HEADLINE);
    const row = (name: string) => lines.find((line) => line.startsWith(`│ ${name} `));
    expect(row('kept [US]')).toMatch(/^│ kept \[US\]\s+│ met \(1\)\s+│ unmet \(0\)\s+│ no\s+│$/);
    expect(row('deal')).toMatch(/^│ deal\s+│ \(not coded\)\s+│ unknown: not applicable or no level\.\.done\s+│ no\s+│$/);
    expect(row('extra')).toMatch(/^│ extra\s+│ no level\s+│ unknown: any level\s+│ yes\s+│$/);
    const from = lines.indexOf(STATISTICS[0]!);
    expect(lines.slice(from)).toEqual([
      ...STATISTICS,
      'Per criterion:',
      '  kept: alpha (interval) undefined over 2 units, 0 of 2 agree',
      'Disagreements:',
      'kept [US]: ann met, bob unmet',
      ...KEPT,
      'deal: ann (not coded), bob unknown: not applicable or no level..done',
      ...DEAL,
      'grid/x: ann not assessed, bob not applicable',
      ...GRID,
      'alpha below --min-alpha 0.5',
      '',
    ]);
  });

  it('says when there are no disagreements, when alpha reaches --min-alpha, and nothing of it without one', () => {
    const agreed = { ...AGREEMENT, units: [UNITS[0]!], criteria: [] };
    const text = formatAgreementTable(report({ agreement: agreed, minAlpha: 0.4 }), { color: false, width: 200 });
    expect(text).toContain('\nNo disagreements.\nalpha reaches --min-alpha 0.4\n');
    expect(text).not.toContain('Per criterion:');
    expect(formatAgreementTable(report({ agreement: agreed, minAlpha: null }), { color: false, width: 200 })).not.toContain('min-alpha');
  });

  it('paints a disagreement and a failed --min-alpha red, and names several cases by count', () => {
    const text = formatAgreementTable(report(), { color: true, width: 200 });
    expect(text).toContain('\u001b[31mno\u001b[39m');
    expect(text).toContain('\u001b[31malpha below --min-alpha 0.5\u001b[39m');
    const several = { ...AGREEMENT, cases: ['us-2015', 'uk-2015'] };
    expect(formatAgreementTable(report({ agreement: several }), { color: false, width: 200 })).toContain('on 2 cases, matrix m 1');
  });
});

describe('agree -f markdown', () => {
  it('heads the run, tabulates the units, lists the statistics and each disagreement, nested', () => {
    const nested = (lines: string[]) => lines.map((line) => (line.startsWith('    ') ? `  - ${line.trim()}` : `- ${line.trim()}`));
    const escape = (text: string) => text.replace(/([[\]])/g, '\\$1');
    expect(formatAgreementMarkdown(report())).toBe(
      [
        `## ${HEADLINE}`,
        '',
        '| Unit | ann | bob | Agree |',
        '| --- | --- | --- | --- |',
        '| talks | held (1) | held (1) | yes |',
        '| kept \\[US\\] | met (1) | unmet (0) | **no** |',
        '| deal | (not coded) | unknown: not applicable or no level..done | **no** |',
        '| grid/x | not assessed | not applicable | **no** |',
        '| extra | no level | unknown: any level | yes |',
        '',
        ...STATISTICS.map((line) => `- ${line}`),
        '',
        '### Disagreements',
        '',
        '**kept \\[US\\]**',
        '',
        ...nested(KEPT).map(escape),
        '',
        '**deal**',
        '',
        ...nested(DEAL),
        '',
        '**grid/x**',
        '',
        ...nested(GRID),
        '',
      ].join('\n'),
    );
    expect(formatAgreementMarkdown(report({ agreement: { ...AGREEMENT, units: [UNITS[0]!] } }))).not.toContain('Disagreements');
  });
});

describe('agree -f csv', () => {
  it("has a row per unit, each coder's level and score where the coding is known and applies", () => {
    expect(formatAgreementCsv(report())).toBe(
      [
        'case,unit,criterion,party,metric,agree,ann_level,ann_score,bob_level,bob_score',
        'us-2015,talks,talks,,ordinal,TRUE,held,1,held,1',
        'us-2015,kept,kept,US,interval,FALSE,met,1,unmet,0',
        'us-2015,deal,deal,,ordinal,FALSE,,,,',
        'us-2015,grid/x,grid,,interval,FALSE,,,,',
        'us-2015,extra,extra,,ordinal,TRUE,,,,',
        '',
      ].join('\n'),
    );
  });
});

describe('agree -f json', () => {
  it('writes the schema, the inputs, the bootstrap, every statistic to six decimals and every unit', () => {
    const document = JSON.parse(formatAgreementJson(report()));
    expect(Object.keys(document)).toEqual([
      'schema',
      'tool',
      'matrix',
      'asOf',
      'coders',
      'cases',
      'files',
      'bootstrap',
      'overall',
      'criteria',
      'units',
      'minAlpha',
      'passed',
    ]);
    expect(document).toMatchObject({
      schema: 'summit-score/agreement@1',
      asOf: null,
      coders: ['ann', 'bob'],
      cases: ['us-2015'],
      minAlpha: 0.5,
      passed: false,
    });
    expect(document.files).toEqual(report().files);
    expect(document.bootstrap).toEqual({
      samples: 1000,
      seed: 42,
      level: 0.95,
      generator: 'mulberry32',
      method: 'units resampled with replacement, percentile interval',
    });
    expect(document.overall).toEqual([
      {
        metric: 'ordinal',
        units: 5,
        pairableUnits: 3,
        agreeingUnits: 2,
        percentAgreement: 0.666667,
        alpha: 0.412346,
        interval: { low: 0.1, high: 0.7, level: 0.95, undefinedSamples: 3 },
        cohen: { unweighted: 0.25, linear: 0.333333, quadratic: null, units: 3 },
        fleiss: { kappa: -0.0624, units: 3 },
      },
    ]);
    expect(document.criteria[1]).toEqual({
      criterion: 'kept',
      title: 'Kept',
      statistics: {
        metric: 'interval',
        units: 2,
        pairableUnits: 2,
        agreeingUnits: 0,
        percentAgreement: null,
        alpha: null,
        interval: { low: null, high: null, level: 0.95, undefinedSamples: 600 },
        cohen: null,
        fleiss: null,
      },
    });
    expect(document.units[1]).toEqual({
      case: 'us-2015',
      id: 'kept',
      criterion: 'kept',
      party: 'US',
      metric: 'interval',
      agree: false,
      codings: [
        {
          coder: 'ann',
          coded: true,
          applicable: true,
          known: true,
          notAssessed: false,
          level: { label: 'met', score: 1 },
          levelRange: null,
          evidence: [
            {
              event: 'm1',
              date: '2015-09-25',
              line: 12,
              sources: [{ publisher: 'Reuters', verified: true }, { url: 'https://example.org/x', verified: false }, { verified: true }],
            },
          ],
          explanation: null,
        },
        {
          coder: 'bob',
          coded: true,
          applicable: true,
          known: true,
          notAssessed: false,
          level: { label: 'unmet', score: 0 },
          levelRange: null,
          evidence: [{ event: 'm2', date: '2015-09-26', sources: [] }],
          explanation: { level: 'met', expected: 'a meeting with US', actual: 'none', event: 'm1' },
        },
      ],
      differences: [
        {
          event: 'm1',
          fact: 'fields.level',
          decisive: true,
          values: [
            { coder: 'ann', stated: true, value: 'leaders', file: 'ann/us.yaml', line: 14 },
            { coder: 'bob', stated: false, value: null, file: 'bob/us.yaml', line: null },
          ],
        },
        {
          event: 'm3',
          fact: 'event',
          decisive: false,
          values: [
            { coder: 'ann', stated: true, value: true, file: 'ann/us.yaml', line: 20 },
            { coder: 'bob', stated: false, value: null, file: 'bob/us.yaml', line: null },
          ],
        },
        {
          event: 'm1',
          fact: 'actors',
          decisive: false,
          values: [
            { coder: 'ann', stated: true, value: ['US', 'CN'], file: 'ann/us.yaml', line: null },
            { coder: 'cat', stated: true, value: ['US'], file: null, line: null },
          ],
        },
      ],
    });
    expect(document.units[2].codings[1].levelRange).toEqual({ low: null, high: 'done' });
    expect(document.units[3].codings[1].explanation).toEqual({ level: null, expected: 'a meeting with US', actual: 'none', event: null });
    const text = formatAgreementJson(report());
    expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it('names the default generator and method when there is no overall statistic, and passes without --min-alpha', () => {
    const document = JSON.parse(formatAgreementJson(report({ minAlpha: null, agreement: { ...AGREEMENT, overall: [] } })));
    expect(document.bootstrap).toEqual({
      samples: 1000,
      seed: 42,
      level: 0.95,
      generator: 'mulberry32',
      method: 'units resampled with replacement, percentile interval',
    });
    expect(document.passed).toBe(true);
    const other = { ...stats({}).interval, generator: 'xorshift', method: 'other' } as unknown as AgreementStatistics['interval'];
    const named = JSON.parse(formatAgreementJson(report({ agreement: { ...AGREEMENT, overall: [stats({ interval: other })] } })));
    expect(named.bootstrap).toMatchObject({ generator: 'xorshift', method: 'other' });
  });
});

describe('agree -f html', () => {
  it('tabulates the levels, lists the statistics and the disagreements with their places, and cites the sources', () => {
    const html = formatAgreementHtml(report());
    expect(html).toContain('<title>Agreement of 2 coders under m</title>');
    expect(html).toContain('<dt>Matrix</dt><dd><code>m</code> 1 — M, <code>m.yaml</code>, sha256 <span class="hash">mm</span></dd>');
    expect(html).toContain(
      '<h2 id="levels">Levels</h2>\n<table>\n<caption>Each coder’s level per unit</caption>\n' +
        '<thead><tr><th scope="col">Unit</th><th scope="col">ann</th><th scope="col">bob</th><th scope="col">Agree</th></tr></thead>',
    );
    expect(html).toContain('</table>\n<h2 id="statistics">Agreement</h2>\n<ul>\n<li>');
    expect(html).toContain('</ul>\n<h2 id="disagreements">Disagreements</h2>\n<h3>kept [US]</h3>');
    expect(html).toContain('</ul>\n<h3>deal</h3>');
    expect(html).toContain('<tr><th scope="row">kept [US]</th><td>met (1)</td><td>unmet (0)</td><td><strong>no</strong></td></tr>');
    expect(html).toContain('<tr><th scope="row">talks</th><td>held (1)</td><td>held (1)</td><td>yes</td></tr>');
    expect(html).toContain(`<ul>\n${STATISTICS.map((line) => `<li>${line.replace(/'/g, '&#39;')}</li>`).join('\n')}\n</ul>`);
    const kept = KEPT.map((line) => `<li>${line.trim().replace(/"/g, '&quot;')}</li>`).join('\n');
    expect(html).toContain(`<h3>kept [US]</h3>\n<ul>\n${kept}\n</ul>`);
    expect(html).toContain('<h3>deal</h3>\n<ul>\n<li>ann: (not coded)</li>\n<li>bob: unknown: not applicable or no level..done</li>\n</ul>');
    expect(html).toContain('Reuters');
    expect(html).toContain('coder ann: US 2015');
    expect(html).not.toContain('None: every coder gives every unit the same level.');
    // Two statistics (one per metric) are two lists, one after the other.
    const two = formatAgreementHtml(report({ agreement: { ...AGREEMENT, overall: [stats({}), OPEN] } }));
    expect(two).toContain(`<li>${STATISTICS[4]!.replace(/'/g, '&#39;')}</li>\n</ul>\n<ul>\n<li>Krippendorff&#39;s alpha (interval) over 2 units: undefined`);
    const agreed = formatAgreementHtml(report({ agreement: { ...AGREEMENT, units: [UNITS[0]!] } }));
    expect(agreed).toContain('<h2 id="disagreements">Disagreements</h2>\n<p>None: every coder gives every unit the same level.</p>');
  });
});
