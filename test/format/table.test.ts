import { describe, expect, it } from 'vitest';
import type { EvaluateOptions } from '../../src/engine/index.js';
import type { EvaluationReport } from '../../src/format/report.js';
import { formatTable } from '../../src/format/table.js';
import { safeText } from '../../src/terminal-text.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';
import { evaluationReport } from '../helpers/evaluation-report.js';

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

const report = (events: EventSpec[], title = 'A case'): EvaluationReport => evaluationReport(matrix, [{ ...makeRecord(events), title }]);

describe('formatTable', () => {
  it('shows level, points, weight, contribution and evidence per criterion, then total and gates', () => {
    const text = formatTable(report([{ id: 'meet', type: 'meeting' }]), { color: false, explain: false });
    expect(text).toMatch(/│ talks \(gate\)\s+│ held \(1\)\s+│ 1\/1\s+│ 1\s+│ 100\.00\s+│ meet 2015-09-25\s+│/);
    expect(text).toContain('Total 100.00 / 100  Verdict: good');
    expect(text).toContain('Gates: talks at held or above for better than weak: passed');
    expect(text).toContain('Aggregation: weighted-mean');
    expect(text).not.toContain('a gate caps it');
  });

  it('explains with --explain why a criterion is not at the next level up', () => {
    const text = formatTable(report([{ id: 's', type: 'statement' }]), { color: false, explain: true });
    expect(text).toContain('Verdict: weak');
    expect(text).not.toContain('a gate caps it');
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

// A second matrix, for what the first cannot show: a gate that caps a good score, a criterion
// that may not apply, a fact left open. Every figure below is worked out by hand from it: `deal`
// carries 3 of the 4 weight, so `deal` at its top level alone is 75.00, a good score.
const TWO_TEXT = `
id: m2
title: M2
version: "1"
source: {author: T}
fields:
  level:
    type: string
    values: {leaders: Heads of state, ministerial: Ministers}
criteria:
  - id: talks
    title: Talks
    weight: 1
    gates: [{above: weak, requires: held}]
    levels:
      - {label: held, score: 1, when: {some: {all: [{type: meeting}, {field: level, equals: leaders}]}}}
      - {label: none, score: 0}
  - id: deal
    title: Deal
    weight: 3
    appliesWhen: {some: {type: agreement}}
    levels:
      - {label: done, score: 2, when: {some: {all: [{type: agreement}, {field: level, equals: leaders}]}}}
      - {label: half, score: 1, when: {some: {type: agreement}}}
      - {label: none, score: 0}
verdicts: [{label: good, min: 50}, {label: weak, min: 0}]
`;
const two = matrixFrom(TWO_TEXT);

const reportOf = (matrixUsed: typeof two, events: EventSpec[], options: EvaluateOptions = {}): EvaluationReport =>
  evaluationReport(matrixUsed, [makeRecord(events)], { matrixFile: 'm2.yaml', evaluate: options });

const wide = { color: false, explain: false, width: 200 };
const agreed = { id: 'a', type: 'agreement', fields: { level: 'leaders' } };

describe('formatTable: totals, gates and what is not known', () => {
  it('says when a gate caps the verdict the score alone earns', () => {
    const text = formatTable(reportOf(two, [agreed]), wide);
    expect(text).toContain('Total 75.00 / 100  Verdict: weak (the score alone earns good; a gate caps it)');
    expect(text).toContain('Gates: talks at held or above for better than weak: failed');
  });

  it('prints an open total as its interval, the bands it allows and the unknown share, and names the open fact', () => {
    // The meeting's level is not recorded: talks is none (0) or held (1), 0 or 25 of the total.
    const text = formatTable(reportOf(two, [{ id: 'meet', type: 'meeting' }, agreed]), wide);
    expect(text).toContain('Total 75.00–100.00 / 100  Verdict: good or weak  (25% of the weight unknown)');
    expect(text).toContain('Gates: talks at held or above for better than weak: unknown');
    expect(text.endsWith(['Not known:', '  talks: none (0) .. held (1)', '    `level` of event `meet` is not recorded', ''].join('\n'))).toBe(true);
  });

  it('says with settle what each value of the open fact would make of it', () => {
    const text = formatTable(reportOf(two, [{ id: 'meet', type: 'meeting' }, agreed], { settle: true }), wide);
    expect(text).toContain('    `level` of event `meet` is not recorded: leaders makes it held (verdict good); ministerial makes it none (verdict weak)');
  });

  it('withholds the verdict when the matrix says too much is unknown', () => {
    const strict = matrixFrom(`${TWO_TEXT}missingData: {maxUnknownShare: 0.2}\n`);
    const text = formatTable(reportOf(strict, [{ id: 'meet', type: 'meeting' }, agreed]), wide);
    expect(text).toContain('Total 75.00–100.00 / 100  Verdict: undetermined (the matrix gives no verdict when more is unknown)  (25% of the weight unknown)');
  });

  it('says there is no total before the summit, and none when no weighted criterion applies', () => {
    const early = formatTable(reportOf(two, [agreed], { asOf: '2015-09-01' }), wide);
    expect(early).toContain('No total: as of 2015-09-01 the summit (2015-09-25) had not happened.');
    const dealOnly = matrixFrom(TWO_TEXT.replace(/ {2}- id: talks[\s\S]*?(?= {2}- id: deal)/, ''));
    expect(formatTable(reportOf(dealOnly, [{ id: 's', type: 'statement' }]), wide)).toContain('No total: no weighted criterion applies.');
  });

  it('explains a criterion that does not apply and one at its top level, pointing into the matrix', () => {
    const lines = TWO_TEXT.split('\n');
    const held = lines.findIndex((line) => line.includes('label: held'));
    const applies = lines.findIndex((line) => line.includes('appliesWhen'));
    const at = (index: number, text: string) => `${index + 1}:${lines[index]!.indexOf(text) + 1}`;
    const notApplying = formatTable(reportOf(two, [{ id: 's', type: 'statement' }]), { ...wide, explain: true });
    expect(notApplying).toContain(`  talks: not held matrix.yaml:${at(held, '{type: meeting}')}`);
    expect(notApplying).toContain(`  deal: does not apply matrix.yaml:${at(applies, '{some')}`);
    expect(notApplying).toContain('    expected: some event where type = agreement');
    expect(formatTable(reportOf(two, [agreed]), { ...wide, explain: true })).toContain('  deal: at its top level');
  });

  it('paints a failed gate red and a passed one green (ANSI 31 and 32), an unknown one not at all', () => {
    const failed = formatTable(reportOf(two, [agreed]), { ...wide, color: true });
    expect(failed).toContain('weak: \u001b[31mfailed\u001b[39m');
    const passed = formatTable(reportOf(two, [{ id: 'meet', type: 'meeting', fields: { level: 'leaders' } }]), { ...wide, color: true });
    expect(passed).toContain('weak: \u001b[32mpassed\u001b[39m');
    const open = formatTable(reportOf(two, [{ id: 'meet', type: 'meeting' }]), { ...wide, color: true });
    expect(open).toContain('weak: unknown');
  });

  it('names the bundled default it scores, and how to name your own', () => {
    const text = formatTable({ ...reportOf(two, [agreed]), bundledDefault: true }, wide);
    expect(text.split('\n')[0]).toBe('Scoring the bundled default: matrix m2 on record case. Name your own with: summit-score evaluate RECORD... -m MATRIX');
    expect(formatTable(reportOf(two, [agreed]), wide)).not.toContain('bundled default');
  });
});

// A matrix of every kind of row: a per-party criterion (scored for US and CN, so its mean is over
// two cells), one that weighs nothing, one that may not apply, and a forEach one. Every figure
// below is worked out by hand from it and the record the test gives.
const MIXED_TEXT = `
id: p
title: P
version: "1"
source: {author: T}
fields:
  level:
    type: string
    values: {leaders: Heads of state, ministerial: Ministers}
criteria:
  - id: kept
    title: Kept
    weight: 1
    perParty: true
    levels:
      - {label: met, score: 1, when: {some: {all: [{type: meeting}, {partyIn: actors}, {field: level, equals: leaders}]}}}
      - {label: unmet, score: 0}
  - id: said
    title: Said
    weight: 0
    levels:
      - {label: yes, score: 1, when: {some: {all: [{type: statement}, {field: level, equals: leaders}]}}}
      - {label: no, score: 0}
  - id: maybe
    title: Maybe
    weight: 1
    appliesWhen: {some: {field: level, equals: ministerial}}
    levels:
      - {label: yes, score: 1, when: {some: {type: statement}}}
      - {label: no, score: 0}
  - id: pledge
    title: Pledge
    weight: 1
    forEach: {type: commitment}
    levels:
      - {label: kept, score: 1, when: {some: {all: [{type: fulfilment}, {link: fulfils, to: {isSubject: true}}]}}}
      - {label: broken, score: 0}
verdicts: [{label: good, min: 50}, {label: weak, min: 0}]
`;
const mixed = matrixFrom(MIXED_TEXT);
const row = (text: string, label: string) => text.split('\n').find((line) => line.startsWith(`│ ${label} `));

describe('formatTable: the rows of each kind of criterion', () => {
  it('heads each record with its title, then its matrix and as-of date', () => {
    const lines = formatTable(reportOf(two, [agreed]), wide).split('\n');
    expect(lines.slice(0, 2)).toEqual(['A case (case)', 'matrix m2 1, as of 2015-09-25']);
  });

  it('says what the matrix extends and changes, when it does', () => {
    const base = reportOf(two, [agreed]);
    const extended = { ...base, matrix: { ...base.matrix, extends: { bases: [{ id: 'base', version: '3', file: 'base.yaml', sha256: '' }], overrides: [] } } };
    expect(formatTable(extended, wide).split('\n')[2]).toBe('extends base 3 (base.yaml); changes: none');
    expect(formatTable(base, wide)).not.toContain('extends');
  });

  it('prints a determined total on a line of its own, with no note of gates, unknowns or unverified sources it does not need', () => {
    // A leaders' meeting and agreement: talks held, deal done, 100; the gate passes.
    const text = formatTable(reportOf(two, [{ id: 'meet', type: 'meeting', fields: { level: 'leaders' } }, agreed]), wide);
    expect(text.split('\n')).toContain('Total 100.00 / 100  Verdict: good');
    for (const absent of ['Not known:', '†', 'Why not']) expect(text).not.toContain(absent);
    const noGates = matrixFrom(TWO_TEXT.replace('    gates: [{above: weak, requires: held}]\n', ''));
    expect(formatTable(reportOf(noGates, [agreed]), wide)).not.toContain('Gates:');
  });

  it('lists every gate, one after another', () => {
    const gated = matrixFrom(TWO_TEXT.replace('    weight: 3\n', '    weight: 3\n    gates: [{above: weak, requires: half}]\n'));
    expect(formatTable(reportOf(gated, [agreed]), wide)).toContain(
      'Gates: talks at held or above for better than weak: failed; deal at half or above for better than weak: passed',
    );
  });

  it('prints n/a for a criterion that does not apply, and an open level, points and contribution as their bounds', () => {
    expect(row(formatTable(reportOf(two, [{ id: 's', type: 'statement' }]), wide), 'deal')).toMatch(/^│ deal\s+│ n\/a\s+│\s+│ 3\s+│ -\s+│\s+│$/);
    const open = row(formatTable(reportOf(two, [{ id: 'meet', type: 'meeting' }, agreed]), wide), 'talks (gate)');
    expect(open).toMatch(/^│ talks \(gate\)\s+│ none \(0\) \.\. held \(1\) unknown\s+│ 0–1\/1\s+│ 1\s+│ 0\.00–25\.00\s+│\s+│$/);
  });

  it('prints a per-party criterion as the mean of its parties, a weightless one without a contribution, and the grid beside them', () => {
    // US met, CN unmet: a mean of 0.5 point of 1. The statement's level is not recorded: said is no or yes.
    // maybe applies (c1 is ministerial) and is yes; pledge/c1 is broken. (0.5 + 1 + 0) / 3 is 50.00, good.
    const events = [
      { id: 'meet', type: 'meeting', actors: ['US'], fields: { level: 'leaders' } },
      { id: 's', type: 'statement' },
      { id: 'c1', type: 'commitment', fields: { level: 'ministerial' } },
    ];
    const text = formatTable(reportOf(mixed, events), wide);
    expect(row(text, 'kept')).toMatch(/^│ kept\s+│ per party \(mean 0\.5\)\s+│ 0\.5\/1\s+│ 1\s+│ 16\.67\s+│/);
    expect(row(text, 'said')).toMatch(/^│ said\s+│ no \(0\) \.\. yes \(1\) unknown\s+│ 0–1\/1\s+│ 0\s+│ -\s+│/);
    expect(row(text, 'pledge/c1')).toMatch(/^│ pledge\/c1\s+│ broken \(0\)\s+│ 0\/1\s+│ 1\s+│ 0\.00\s+│/);
    expect(row(text, 'Member')).toBeDefined();
    // said weighs nothing, so the total is determined though said is not.
    expect(text.split('\n')).toContain('Total 50.00 / 100  Verdict: good');
    expect(text).toContain('Not known:\n  said: no (0) .. yes (1)\n    `level` of event `s` is not recorded\n');
  });

  it('prints an open per-party mean as its bounds, and names the party and the criterion that may not apply', () => {
    // The meeting's level is not recorded: US is unmet or met, a mean of 0 to 0.5 point.
    const text = formatTable(
      reportOf(mixed, [
        { id: 'meet', type: 'meeting', actors: ['US'] },
        { id: 's', type: 'statement', fields: { level: 'leaders' } },
      ]),
      wide,
    );
    expect(row(text, 'kept')).toMatch(/^│ kept\s+│ per party \(mean 0\.00–0\.50 unknown\)\s+│\s+│ 1\s+│/);
    // maybe's level is settled (the statement is there), but whether it applies is not.
    expect(row(text, 'maybe')).toMatch(/^│ maybe\s+│ yes \(1\) \(may not apply\)\s+│/);
    expect(text).toContain('Not known:\n  kept (US): unmet (0) .. met (1)\n    `level` of event `meet` is not recorded\n  maybe, may not apply\n');
  });

  it('prints a matrix scored per party only as its grid, without the criteria table', () => {
    const gridOnly = matrixFrom(MIXED_TEXT.replace(/ {2}- id: said[\s\S]*?(?=verdicts:)/, ''));
    const text = formatTable(reportOf(gridOnly, [{ id: 'meet', type: 'meeting', actors: ['US'], fields: { level: 'leaders' } }]), wide);
    expect(row(text, 'Member')).toBeDefined();
    expect(row(text, 'Criterion')).toBeUndefined();
    expect(text.split('\n').slice(0, 2)).toEqual(['A case (case)', 'matrix p 1, as of 2015-09-25']);
  });

  it('heads the explanations, and says which criteria are at their top level', () => {
    const text = formatTable(reportOf(two, [agreed]), { ...wide, explain: true });
    expect(text).toContain('\nWhy not the next level up:\n  talks: not held');
    expect(text).not.toContain('talks: at its top level');
  });
});

describe('safeText', () => {
  it('keeps printable text, and shows line breaks and control characters as escapes', () => {
    expect(safeText('a\nb\tc\u0007\u009b')).toBe('a\\u000ab\\u0009c\\u0007\\u009b');
  });
});

// Results changed by hand where the engine gives no such case to a small matrix, or to pin each
// line's words: every expected line follows from the rule of the table's text and the change made.
describe('formatTable: explanations, open cells and settlements, line by line', () => {
  type Result = EvaluationReport['results'][number]['result'];
  const changed = (base: EvaluationReport, change: (result: Result) => Result): EvaluationReport => ({
    ...base,
    results: [{ ...base.results[0]!, result: change(base.results[0]!.result) }],
  });
  const withCriterion = (base: EvaluationReport, id: string, fields: Record<string, unknown>) =>
    changed(base, (result) => ({ ...result, criteria: result.criteria.map((c) => (c.id === id ? { ...c, ...fields } : c)) }));
  const explain = { ...wide, explain: true };
  const failure = { path: 'criteria[0]', expected: 'a meeting', actual: 'no meeting', operator: 'some', events: [] };

  it('writes each explanation as a heading, then what was expected and what was found, naming the event looked at', () => {
    const base = reportOf(two, [agreed]);
    const lines = (fields: Record<string, unknown>) =>
      formatTable(withCriterion(base, 'talks', { explanation: { level: { label: 'held', score: 1 }, failure: { ...failure, ...fields } } }), explain).split(
        '\n',
      );
    // No place in the matrix: the heading ends at the target, with nothing after it.
    const plain = lines({});
    const at = plain.indexOf('  talks: not held');
    expect(plain.slice(at, at + 3)).toEqual(['  talks: not held', '    expected: a meeting', '    actual:   no meeting']);
    // An event looked at is named before what was found, unless the words already start with it.
    expect(lines({ event: 'meet' })).toContain('    actual:   meet: no meeting');
    expect(lines({ event: 'meet', actual: 'meet is a statement' })).toContain('    actual:   meet is a statement');
    expect(lines({ location: { file: 'm.yaml', line: 7, col: 3 } })).toContain('  talks: not held m.yaml:7:3');
  });

  it('says "at its top level" only of a criterion that applies and has a level, with no explanation', () => {
    const base = reportOf(two, [{ id: 'meet', type: 'meeting' }, agreed]);
    // talks is open (no level) and deal does not apply: neither is at its top level.
    const open = withCriterion(withCriterion(base, 'talks', { explanation: null, level: null }), 'deal', { explanation: null, applicable: false });
    const text = formatTable(open, explain);
    expect(text).not.toContain('talks: at its top level');
    expect(text).not.toContain('deal: at its top level');
    expect(text).toContain('Why not the next level up:');
  });

  it('dims the level of a criterion that does not apply, and only that one', () => {
    const text = formatTable(reportOf(two, [{ id: 's', type: 'statement' }]), { ...wide, color: true });
    expect(row(text.replace(/\u001b\[(?:36|90)m|\u001b\[39m/g, ''), 'deal')).toContain('│ \u001b[2mn/a\u001b[22m ');
    expect(row(text.replace(/\u001b\[(?:36|90)m|\u001b\[39m/g, ''), 'talks (gate)')).toContain('│ none (0) ');
  });

  it('prints an open total when the score is known but a gate leaves the verdict open', () => {
    // talks weighs nothing: deal done alone is 100.00; talks' gate is open, so good or weak.
    const gateOnly = matrixFrom(TWO_TEXT.replace('    weight: 1\n', '    weight: 0\n'));
    const text = formatTable(reportOf(gateOnly, [{ id: 'meet', type: 'meeting' }, agreed]), wide);
    expect(text).toContain('Total 100.00 / 100  Verdict: good or weak  (0% of the weight unknown)');
  });

  it('prints an open per-party mean in points: its normalised bounds times the maximum', () => {
    const base = reportOf(mixed, [
      { id: 'meet', type: 'meeting', actors: ['US'] },
      { id: 's', type: 'statement', fields: { level: 'leaders' } },
    ]);
    // 0.25 and 0.5 of 2 points: 0.50 to 1.00.
    const text = formatTable(withCriterion(base, 'kept', { maxPoints: 2, normalisedRange: { low: 0.25, high: 0.5 } }), wide);
    expect(row(text, 'kept')).toMatch(/^│ kept\s+│ per party \(mean 0\.50–1\.00 unknown\)/);
  });

  it('names a missing end of an open level "(no level)"', () => {
    const base = reportOf(two, [{ id: 'meet', type: 'meeting' }, agreed]);
    const text = formatTable(withCriterion(base, 'talks', { levelRange: { low: null, high: { label: 'held', score: 1 } } }), wide);
    expect(text).toContain('Not known:\n  talks: (no level) .. held (1)\n');
    const top = formatTable(withCriterion(base, 'talks', { levelRange: { low: { label: 'none', score: 0 }, high: null } }), wide);
    expect(top).toContain('Not known:\n  talks: none (0) .. (no level)\n');
  });

  it('gives each open fact the settlement of its own criterion, event and field', () => {
    const base = reportOf(two, [{ id: 'meet', type: 'meeting' }, agreed], { settle: true });
    const real = base.results[0]!.result.settlements![0]!;
    const decoy = (criterion: string, event: string, field: string) => ({
      criterion,
      fact: { ...real.fact, event, field },
      outcomes: [{ values: ['decoy'], level: 'wrong', levelRange: null, verdict: 'wrong', verdicts: [] }],
    });
    const decoys = [decoy('deal', 'meet', 'level'), decoy('talks', 'other', 'level'), decoy('talks', 'meet', 'other')];
    const text = formatTable(
      changed(base, (result) => ({ ...result, settlements: [...decoys, real] })),
      wide,
    );
    expect(text).toContain('    `level` of event `meet` is not recorded: leaders makes it held (verdict good); ministerial makes it none (verdict weak)');
    expect(text).not.toContain('decoy');
  });

  it('keeps the grid beside the criteria table free of explanations, which the criteria have', () => {
    const events = [{ id: 'meet', type: 'meeting', actors: ['US'], fields: { level: 'leaders' } }];
    const text = formatTable(reportOf(mixed, events), explain);
    expect(row(text, 'Member')).toBeDefined();
    expect(text).toContain('Why not the next level up:');
    expect(text).not.toContain('Where each cell comes from');
  });
});
