// evaluate -f markdown on hand-built cases: every line of a section, written out by hand from the
// matrix below (scores 1 and 0, so a criterion's points are its level's score out of 1, and the
// total is the weighted mean of the normalised scores times 100: talks weighs 3, zero weighs 0).
import { describe, expect, it } from 'vitest';
import { AGGREGATION_METHODS } from '../../src/engine/index.js';
import { formatEvaluationMarkdown } from '../../src/format/markdown.js';
import type { EvaluationReport } from '../../src/format/report.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';
import { evaluationReport } from '../helpers/evaluation-report.js';

const MATRIX_TEXT = `
id: m
title: M *starred*
version: "2"
source: {author: T}
criteria:
  - id: talks
    title: Talks
    weight: 3
    gates: [{above: weak, requires: held}]
    levels:
      - {label: held, score: 1, when: {some: {all: [{type: meeting}, {field: level, equals: leaders}]}}}
      - {label: none, score: 0}
  - id: zero
    title: Zero
    weight: 0
    levels:
      - {label: yes, score: 1, when: {some: {type: statement}}}
      - {label: no, score: 0}
verdicts: [{label: good, min: 50}, {label: weak, min: 0}]
`;
const matrix = matrixFrom(MATRIX_TEXT);

const report = (...records: EventSpec[][]): EvaluationReport =>
  evaluationReport(
    matrix,
    records.map((events) => makeRecord(events)),
    { matrixSha256: '0123456789abcdef', recordFile: (i) => `r${i}.yaml` },
  );

/** A matrix of one criterion, `deal`, that applies when `appliesWhen` holds and is `done` when `doneWhen` does. */
function dealMatrix(appliesWhen: string, doneWhen: string) {
  return matrixFrom(`
id: a
title: A
version: "1"
source: {author: T}
criteria:
  - id: deal
    title: Deal
    weight: 1
    appliesWhen: ${appliesWhen}
    levels:
      - {label: done, score: 1, when: ${doneWhen}}
      - {label: none, score: 0}
verdicts: [{label: good, min: 50}, {label: weak, min: 0}]
`);
}

const leaders: EventSpec = { id: 'meet', type: 'meeting', fields: { level: 'leaders' } };
const md = (r: EvaluationReport, explain = false) => formatEvaluationMarkdown(r, { color: false, explain });

describe('evaluate -f markdown', () => {
  it('prints the matrix heading once, then a section per record: its table, total, verdict and gates', () => {
    const text = md(report([leaders], [{ id: 'talk', type: 'statement' }]));
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toBe('## M \\*starred\\*');
    expect(paragraphs[1]).toBe(`Matrix \`m\` 2 (m.yaml, sha256 \`0123456789ab\`). Aggregation: weighted-mean, ${AGGREGATION_METHODS['weighted-mean']}.`);
    expect(paragraphs[2]).toBe('### A case (`case`)');
    expect(paragraphs[3]).toBe('As of 2015-09-25; record r0.yaml.');
    expect(paragraphs[4]).toBe(
      [
        '| Criterion | Level | Points | Weight | Contribution | Evidence |',
        '| --- | --- | ---: | ---: | ---: | --- |',
        '| talks (gate) | held (1) | 1/1 | 3 | 100.00 | meet 2015-09-25 |',
        '| zero | no (0) | 0/1 | 0 | - |  |',
      ].join('\n'),
    );
    expect(paragraphs[5]).toBe('**Total 100.00 / 100, verdict: good**');
    expect(paragraphs[6]).toBe('Gates: talks at held or above for better than weak: passed.');
    // The second record: no meeting, so talks is none, the total 0 and the gate failed.
    expect(paragraphs[7]).toBe('### A case (`case`)');
    expect(paragraphs[8]).toBe('As of 2015-09-25; record r1.yaml.');
    expect(paragraphs[9]!.split('\n').slice(2)).toEqual([
      '| talks (gate) | none (0) | 0/1 | 3 | 0.00 |  |',
      '| zero | yes (1) | 1/1 | 0 | - | talk 2015-09-25 |',
    ]);
    expect(paragraphs[10]).toBe('**Total 0.00 / 100, verdict: weak**');
    expect(paragraphs[11]).toBe('Gates: talks at held or above for better than weak: failed.\n');
    expect(paragraphs).toHaveLength(12);
  });

  it('leaves an open figure blank, and gives an open total as its bounds, never as no total', () => {
    // The meeting's level is not recorded: talks may be held (1) or none (0), so the total is 0 to 100.
    const text = md(report([{ id: 'meet', type: 'meeting' }]));
    expect(text).toContain('| talks (gate) | none (0) .. held (1) unknown |  | 3 |  |  |');
    expect(text).toContain('\n\n**Total 0.00–100.00 / 100, verdict: good or weak**\n\n');
    expect(text).not.toContain('No total');
  });

  it('says when a gate caps the verdict: the score alone earns a better band', () => {
    const capping = matrixFrom(`
id: c
title: C
version: "1"
source: {author: T}
criteria:
  - id: talks
    title: Talks
    weight: 1
    gates: [{above: weak, requires: held}]
    levels:
      - {label: held, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
  - id: words
    title: Words
    weight: 3
    levels:
      - {label: said, score: 1, when: {some: {type: statement}}}
      - {label: silent, score: 0}
verdicts: [{label: good, min: 50}, {label: weak, min: 0}]
`);
    const text = formatEvaluationMarkdown(evaluationReport(capping, [makeRecord([{ id: 'talk', type: 'statement' }])], { matrixFile: 'c.yaml' }), {
      color: false,
    });
    // words earns 3 of the 4 weight: 75.00, good by the bands; talks is not held, so its gate caps it at weak.
    expect(text).toContain('**Total 75.00 / 100, verdict: weak** (the score alone earns good; a gate caps it)');
  });

  it('marks evidence with an unverified source, or with none, and says what † means', () => {
    const base = report([leaders]);
    const result = base.results[0]!.result;
    const talks = result.criteria[0]!;
    for (const sources of [[{ verified: false }], []]) {
      const criteria = [{ ...talks, evidence: [{ ...talks.evidence[0]!, sources }] }, ...result.criteria.slice(1)];
      const text = md({ ...base, results: [{ ...base.results[0]!, result: { ...result, criteria } }] });
      expect(text).toContain('| meet 2015-09-25 † |');
      expect(text).toContain('\n\n† rests on a source marked unverified');
    }
    expect(md(base)).not.toContain('†');
  });

  it('explains, with --explain, why each criterion is not at the next level up, and only then', () => {
    const text = md(report([{ id: 'talk', type: 'statement' }]), true);
    expect(text).toContain('Why not the next level up:\n\n- **talks**: not held');
    expect(text).toMatch(/- \*\*zero\*\*: |^(?![\s\S]*\*\*zero\*\*)/);
    expect(md(report([{ id: 'talk', type: 'statement' }]))).not.toContain('Why not');
  });

  it('lists each party of a per-party criterion, n/a for a criterion that does not apply', () => {
    const result = report([leaders]).results[0]!.result;
    const talks = result.criteria[0]!;
    const parties = [
      { ...talks, party: 'US', applicable: true as const },
      { ...talks, party: 'CN', applicable: false as const, level: null },
    ];
    const criteria = [
      { ...talks, parties },
      { ...result.criteria[1]!, applicable: false as const },
    ];
    const base = report([leaders]);
    const text = md({ ...base, results: [{ ...base.results[0]!, result: { ...result, criteria } }] });
    expect(text).toContain('| talks (gate) | US: held, CN: n/a |');
    expect(text).toContain('| zero | n/a |');
  });
  it('points each explanation at its place in the matrix, and says nothing when every criterion is at its top level', () => {
    const lines = MATRIX_TEXT.split('\n');
    const held = lines.findIndex((line) => line.includes('label: held'));
    const where = `matrix.yaml:${held + 1}:${lines[held]!.indexOf('{type: meeting}') + 1}`;
    expect(md(report([{ id: 'talk', type: 'statement' }]), true)).toContain(
      `- **talks**: not held (${where}): expected some event where type = meeting; actual none of the 1 events as of 2015-09-25`,
    );
    // A leaders' meeting and a statement: talks is held and zero is yes, both their top level.
    expect(md(report([leaders, { id: 'talk', type: 'statement' }]), true)).not.toContain('Why not');
  });

  it('says there is no total when no weighted criterion applies', () => {
    const applying = dealMatrix('{some: {type: agreement}}', '{some: {type: agreement}}');
    const text = formatEvaluationMarkdown(evaluationReport(applying, [makeRecord([{ id: 'talk', type: 'statement' }])], { matrixFile: 'a.yaml' }), {
      color: false,
    });
    expect(text).toContain('\n\nNo total: no weighted criterion applies.');
    expect(text).toContain('| deal | n/a |  | 1 | - |  |');
  });

  it('says (may not apply) beside a level, settled or open, when the record leaves open whether the criterion applies', () => {
    const maybe = dealMatrix('{some: {field: level, equals: ministerial}}', '{some: {all: [{type: statement}, {field: level, equals: leaders}]}}');
    const cell = (events: EventSpec[]) => {
      const text = formatEvaluationMarkdown(evaluationReport(maybe, [makeRecord(events)], { matrixFile: 'a.yaml' }), { color: false });
      return text
        .split('\n')
        .find((line) => line.startsWith('| deal |'))
        ?.split(' | ')[1];
    };
    // The meeting's level is not recorded, so it may be ministerial: deal may apply, or not.
    expect(
      cell([
        { id: 'meet', type: 'meeting' },
        { id: 's', type: 'statement', fields: { level: 'leaders' } },
      ]),
    ).toBe('done (1) (may not apply)');
    expect(
      cell([
        { id: 'meet', type: 'meeting' },
        { id: 's', type: 'statement' },
      ]),
    ).toBe('none (0) .. done (1) unknown (may not apply)');
    expect(
      cell([
        { id: 'meet', type: 'meeting', fields: { level: 'ministerial' } },
        { id: 's', type: 'statement', fields: { level: 'leaders' } },
      ]),
    ).toBe('done (1)');
  });

  it('prints a party cell that applies but has no level as (none)', () => {
    const result = report([leaders]).results[0]!.result;
    const talks = result.criteria[0]!;
    const criteria = [{ ...talks, parties: [{ ...talks, party: 'US', applicable: true as const, level: null }] }, ...result.criteria.slice(1)];
    const base = report([leaders]);
    expect(md({ ...base, results: [{ ...base.results[0]!, result: { ...result, criteria } }] })).toContain('| talks (gate) | US: (none) |');
  });

  it('prints a party x criterion grid only for a matrix whose every criterion is per party', () => {
    const criterion = (id: string, perParty: boolean) => `
  - id: ${id}
    title: ${id}
    weight: 1
    perParty: ${perParty}
    levels:
      - {label: met, score: 1, when: {some: {all: [{type: meeting}${perParty ? ', {partyIn: actors}' : ''}]}}}
      - {label: unmet, score: 0}`;
    const head = 'id: p\ntitle: P\nversion: "1"\nsource: {author: T}\nverdicts: [{label: good, min: 50}, {label: weak, min: 0}]\ncriteria:';
    const sectionOf = (text: string) => {
      const evaluated = evaluationReport(matrixFrom(text), [makeRecord([{ id: 'meet', type: 'meeting', actors: ['US'] }])], { matrixFile: 'p.yaml' });
      expect(evaluated.results[0]!.result.grid).not.toBeNull();
      return formatEvaluationMarkdown(evaluated, { color: false });
    };
    const header = '| Criterion | Level | Points | Weight | Contribution | Evidence |';
    expect(sectionOf(head + criterion('kept', true))).not.toContain(header);
    expect(sectionOf(head + criterion('kept', true) + criterion('said', false))).toContain(header);
  });
});
