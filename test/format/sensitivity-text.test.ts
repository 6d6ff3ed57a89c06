// The text formats of `summit-score sensitivity` (src/format/sensitivity.ts): the terminal table
// and Markdown, on the analysis built by hand in test/helpers/sensitivity-report.ts. Each line is
// written out from docs/research.md#summit-score-sensitivity: totals in hundredths, weights to 4
// decimals, interval ends to 2 (∞ for none), `↑`/`↓` where a move changes the verdict, a bar per
// verdict of the Monte Carlo counts (30 characters for all samples, in eighths of a block).
import { describe, expect, it } from 'vitest';
import { sensitivityFormats, type SensitivityReport } from '../../src/format/sensitivity.js';
import { lowest, place, report } from '../helpers/sensitivity-report.js';

const context = { color: false, width: 400 };
const METHOD = 'Method: each weight 0.3 down and up (10.0% of the sum of the weights), each criterion one level down and up.';
const NOT_ANALYSED =
  'Not analysed: the record leaves talks, pledge unknown (33% of the weight), so there is no one total to move; `evaluate --explain` names the facts that would settle it.';
const SAMPLED =
  'Monte Carlo over the weights (1000 samples, seed 7): the verdict holds in 72.6% of samples; total median 62.50 (5th-95th percentile 50.01-79.99, min 40.00, max 90.00)';

/** The lines of a block that are not part of a table. */
const prose = (block: string) => block.split('\n').filter((line) => !/^[│┌├└]/.test(line));
const tied = (base: SensitivityReport, sampling: SensitivityReport['analysis']['sampling'] = base.analysis.sampling) => ({
  ...base,
  analysis: {
    ...base.analysis,
    sampling,
    ranking: { ...base.analysis.ranking!, places: [place(1, true), place(null), place(null), place(1, true)], sampling: { held: 0.5, tau: null } },
  },
});

describe('sensitivity as a table', () => {
  it('heads the output with the matrix, the method and the Monte Carlo draw', () => {
    const blocks = sensitivityFormats.table(report(), context).split('\n\n');
    expect(blocks[0]).toBe(
      [
        'Sensitivity of M <1>',
        'matrix m 2 (m.yaml), aggregation weighted-mean',
        METHOD,
        'Monte Carlo: each weight times 2^u; generator mulberry32, seed 7.',
      ].join('\n'),
    );
    expect(blocks).toHaveLength(6);
  });

  it('gives a case its weight and level moves, the verdict interval, the Monte Carlo counts and the band moves', () => {
    const block = sensitivityFormats.table(report(), context).split('\n\n')[1]!;
    expect(prose(block)).toEqual([
      'Case A (a)',
      'Total 62.50, verdict fair, as of 2015-10-01',
      SAMPLED,
      // fair 726 of 1000: 174 eighths of 30 blocks; strong 200: 48; weak 74: 17.76, so 18.
      `  fair    726 ${'█'.repeat(21)}▊`,
      `  strong  200 ${'█'.repeat(6)}`,
      '  weak     74 ██▎',
      'To reach the next band up (strong), 2 changes giving 100.00 strong:',
      '  talks: partial -> held: Talks were held',
      '  pledge (CN): (no level) -> kept: when some event where type = fulfilment',
      'To fall to the next band down (weak), 1 change giving 30.00 weak:',
      '  talks: partial -> none: otherwise (the default level)',
    ]);
    expect(block).toMatch(/│ Weight of\s+│ Now\s+│ One step down\s+│ One step up\s+│ Verdict holds for weights\s+│/);
    expect(block).toMatch(/│ talks\s+│ 2\s+│ 1\.7: 58\.00 fair\s+│ 2\.3: 80\.13 strong ↑\s+│ 1 to 2\.46 \(below: weak\) \(above: strong\)\s+│/);
    expect(block).toMatch(/│ pledge\s+│ 1\s+│ -\s+│ 1\.3333: 49\.99 weak ↓\s+│ 0 to ∞\s+│/);
    expect(block).toMatch(/│ Level of\s+│ Now\s+│ One level down\s+│ One level up\s+│/);
    expect(block).toMatch(/│ talks\s+│ partial\s+│ none: 30\.00 weak ↓\s+│ held: 100\.00 strong ↑\s+│/);
    expect(block).toMatch(/│ pledge \(US\)\s+│ kept\s+│ unkept: 50\.00 fair\s+│ \(top\)\s+│/);
    expect(block).toMatch(/│ pledge \(CN\)\s+│ \(no level\)\s+│ \(lowest\)\s+│ kept: 75\.00 strong ↑\s+│/);
    // The weights' table comes first.
    expect(block.indexOf('Weight of')).toBeLessThan(block.indexOf('Level of'));
  });

  it('says why an open total and a missing total are not analysed, and names the best band', () => {
    const blocks = sensitivityFormats.table(report(), context).split('\n\n');
    expect(blocks[2]).toBe(['Case B (b)', 'Total 20.00–60.00, verdict fair or weak, as of 2015-10-01', NOT_ANALYSED].join('\n'));
    expect(blocks[3]).toBe(['Case C (c)', 'Total -, verdict none, as of 2015-10-01', 'No total: nothing to analyse.'].join('\n'));
    expect(prose(blocks[4]!)).toEqual([
      'Case D (d)',
      'Total 80.00, verdict strong, as of 2015-10-01',
      'To reach the next band up: none, it is in the best band.',
      'To fall to the next band down (fair): no change of levels reaches it.',
    ]);
  });

  it('ranks the cases with a total, best first, with Kendall tau and the weights for which the ranking holds', () => {
    const ranking = sensitivityFormats.table(report(), context).split('\n\n')[5]!;
    expect(prose(ranking)).toEqual([
      'Ranking',
      'By total: 1 d, 2 a',
      "Monte Carlo: no case overtook another in 90.0% of samples; Kendall's tau-b against it: median 0.80, 5th percentile 0.12, min -0.33",
      // The output ends with a newline.
      '',
    ]);
    expect(ranking).toMatch(/│ Weight of\s+│ Now\s+│ Ranking holds for weights\s+│/);
    expect(ranking).toMatch(/│ talks\s+│ 2\s+│ 0\.5 to 3\.46; below: a overtakes d\s+│/);
    expect(ranking).toMatch(/│ pledge\s+│ 1\.2346\s+│ 0 to ∞; above: d overtakes a\s+│/);
  });

  it('marks tied places with "=", in the order of the records, and leaves out tau when there is none', () => {
    const ranking = sensitivityFormats.table(tied(report()), context).split('\n\n')[5]!;
    expect(prose(ranking)).toEqual(['Ranking', 'By total: =1 a, =1 d', 'Monte Carlo: no case overtook another in 50.0% of samples', '']);
    // Without Monte Carlo for the analysis, no Monte Carlo line at all, not even a case's own.
    const text = sensitivityFormats.table(tied(report(), null), context);
    expect(text).not.toContain('Monte Carlo');
    expect(text.split('\n\n')[0]).toBe(['Sensitivity of M <1>', 'matrix m 2 (m.yaml), aggregation weighted-mean', METHOD].join('\n'));
  });

  it('names the lowest band, a label the matrix lacks and a move that reaches no band; no ranking for one case', () => {
    const blocks = sensitivityFormats.table(lowest(), context).split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(prose(blocks[1]!)).toEqual([
      'Case W (w)',
      'Total 10.00, verdict weak, as of 2015-10-01',
      'To reach the next band up (fair), 1 change giving 55.00 none:',
      '  talks: none -> vanished: no level',
      'To fall to the next band down: none, it is in the lowest band.',
      '',
    ]);
  });

  it('paints a rise green and a fall red, each verdict in its band colour, titles bold and the method dim', () => {
    const text = sensitivityFormats.table(report(), { color: true, width: 400 });
    const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
    expect(text.startsWith(`${bold('Sensitivity of M <1>')}\n`)).toBe(true);
    expect(text).toContain(`\u001b[2m${METHOD}\u001b[22m`);
    expect(text).toContain(`${bold('Case A (a)')}\nTotal 62.50, verdict ${bold('\u001b[33mfair\u001b[39m')}, as of`);
    expect(text).toContain('2.3: 80.13 strong\u001b[32m ↑\u001b[39m');
    expect(text).toContain('1.3333: 49.99 weak\u001b[31m ↓\u001b[39m');
    // The padding follows the verdict's letters, not its colour codes.
    expect(text).toContain(`\n  ${bold('\u001b[33mfair\u001b[39m')}    726 `);
    expect(text).toContain(`\n  ${bold('\u001b[32mstrong\u001b[39m')}  200 `);
    expect(text).toContain(`\n${bold('Ranking')}\n`);
    expect(text).toContain('Total -, verdict \u001b[33mnone\u001b[39m, as of');
  });
});

describe('sensitivity as Markdown', () => {
  const weightsHead = '| Weight of | Now | One step down | One step up | Verdict holds for weights |\n| --- | ---: | --- | --- | --- |';
  const levelsHead = '| Level of | Now | One level down | One level up |\n| --- | --- | --- | --- |';

  it('writes the heading, the matrix and the method, then each case and the ranking', () => {
    const blocks = sensitivityFormats.markdown(report(), context).split('\n\n');
    expect(blocks.slice(0, 3)).toEqual([
      '## Sensitivity of M \\<1>',
      'Matrix `m` 2 (m.yaml, sha256 `abcdef012345`), aggregation weighted-mean.',
      `${METHOD} Monte Carlo: each weight times 2^u; generator mulberry32, seed 7.`,
    ]);
  });

  it('gives an analysed case its two tables, the Monte Carlo counts and the band moves as lists', () => {
    const text = sensitivityFormats.markdown(report(), context);
    expect(text).toContain(
      [
        '### Case A (`a`)',
        'Total 62.50, verdict **fair**, as of 2015-10-01.',
        `${weightsHead}\n| talks | 2 | 1.7: 58.00 fair | 2.3: 80.13 strong ↑ | 1 to 2.46 (below: weak) (above: strong) |\n| pledge | 1 | - | 1.3333: 49.99 weak ↓ | 0 to ∞ |`,
        [
          levelsHead,
          '| talks | partial | none: 30.00 weak ↓ | held: 100.00 strong ↑ |',
          '| pledge (US) | kept | unkept: 50.00 fair | (top) |',
          '| pledge (CN) | (no level) | (lowest) | kept: 75.00 strong ↑ |',
        ].join('\n'),
        `${SAMPLED}: fair 726, strong 200, weak 74.`,
        'To reach the next band up (strong), 2 changes giving 100.00 strong:',
        '- talks: partial -> held: Talks were held',
        '- pledge (CN): (no level) -> kept: when some event where type = fulfilment',
        'To fall to the next band down (weak), 1 change giving 30.00 weak:',
        '- talks: partial -> none: otherwise (the default level)',
        '### Case B (`b`)',
      ].join('\n\n'),
    );
  });

  it('says why an open total is not analysed, and gives a case without a total no tables', () => {
    const text = sensitivityFormats.markdown(report(), context);
    expect(text).toContain(
      ['### Case B (`b`)', 'Total 20.00–60.00, verdict **fair or weak**, as of 2015-10-01.', NOT_ANALYSED.replace(/`/g, '\\`'), '### Case C (`c`)'].join(
        '\n\n',
      ),
    );
    // Case c: as in the table, a dash for the total and why nothing follows, then case d.
    expect(text).toContain(
      ['### Case C (`c`)', 'Total -, verdict **none**, as of 2015-10-01.', 'No total: nothing to analyse.', '### Case D (`d`)'].join('\n\n'),
    );
    expect(text).toContain(
      [
        '### Case D (`d`)',
        'Total 80.00, verdict **strong**, as of 2015-10-01.',
        weightsHead,
        levelsHead,
        'To reach the next band up: none, it is in the best band.',
        'To fall to the next band down (fair): no change of levels reaches it.',
        '### Ranking',
      ].join('\n\n'),
    );
  });

  it('ends with the ranking: the order, Kendall tau and the weights for which it holds', () => {
    const text = sensitivityFormats.markdown(report(), context);
    expect(
      text.endsWith(
        [
          '### Ranking',
          'By total: 1 `d`, 2 `a`.',
          "Monte Carlo: no case overtook another in 90.0% of samples; Kendall's tau-b median 0.80, 5th percentile 0.12, min -0.33.",
          '| Weight of | Now | Ranking holds for weights |\n| --- | ---: | --- |\n| talks | 2 | 0.5 to 3.46; below: a overtakes d |\n| pledge | 1.2346 | 0 to ∞; above: d overtakes a |\n',
        ].join('\n\n'),
      ),
    ).toBe(true);
  });

  it('marks ties, and has no Monte Carlo line for the ranking without tau', () => {
    const text = sensitivityFormats.markdown(tied(report()), context);
    expect(text).toContain('\n\n### Ranking\n\nBy total: =1 `a`, =1 `d`.\n\n| Weight of |');
    // Without Monte Carlo for the analysis, neither the method nor case a says any.
    expect(sensitivityFormats.markdown(tied(report(), null), context)).not.toContain('Monte Carlo');
  });

  it('names the lowest band and a label the matrix lacks; no ranking for one case', () => {
    expect(sensitivityFormats.markdown(lowest(), context)).toBe(
      [
        '## Sensitivity of M \\<1>',
        'Matrix `m` 2 (m.yaml, sha256 `abcdef012345`), aggregation weighted-mean.',
        METHOD,
        '### Case W (`w`)',
        'Total 10.00, verdict **weak**, as of 2015-10-01.',
        weightsHead,
        levelsHead,
        'To reach the next band up (fair), 1 change giving 55.00 none:',
        '- talks: none -> vanished: no level',
        'To fall to the next band down: none, it is in the lowest band.\n',
      ].join('\n\n'),
    );
  });
});
