// The cells that assessment events state (src/engine/assessments.ts), read through evaluateRecord
// with the bundled G7/G20 Research Group matrix (full +1, partial 0, none -1) and variants of it:
// every field of a scored, an unassessed, a not-applicable and a not-assessed cell; which
// commitments are assessed and which are derived from events; assessments naming a criterion and
// naming none; which of several assessments of a cell counts (latest date, then latest in the
// record) and the ones it supersedes; the score of each window; the evidence of each kind of event.
// Expected values are written out from the records below: points = score - lowest (-1), normalised
// = points / (highest - lowest) = points / 2.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileMatrix, evaluateRecord, type CaseResult } from '../../src/engine/index.js';
import type { Criterion } from '../../src/engine/types.js';
import { matrixFrom, recordFrom } from '../helpers/build.js';

const definition = matrixFrom(readFileSync(new URL('../../matrices/g20-compliance.yaml', import.meta.url), 'utf8'));
const compliance = definition.criteria[0]!;
const matrix = compileMatrix(definition);
/** The bundled matrix with more criteria of the same shape (per party, for each commitment). */
const withCriteria = (...criteria: Criterion[]) => compileMatrix({ ...definition, criteria: [compliance, ...criteria] });

/** A record of parties US and CN, commitments c0 (and more as given), and the events given, one YAML flow map a line. */
function recordText(events: string[], extra = ''): string {
  return [
    'id: assessed',
    'title: Assessed',
    'date: 2015-11-16',
    'parties: [US, CN]',
    extra,
    'events:',
    '  - {id: c0, date: 2015-11-16, type: commitment, title: Aid for trade, sources: [{title: communique}]}',
    ...events.map((event) => `  - ${event}`),
  ].join('\n');
}
/** An assessment event: `a` is the assessment block's inner text. */
const assessment = (id: string, date: string, a: string, more = '') =>
  `{id: ${id}, date: ${date}, type: assessment${more}, assessment: {${a}}, sources: [{title: report}]}`;

const cellsOf = (result: CaseResult, id: string) => result.criteria.find((c) => c.id === id)!.parties!;
const evaluate = (text: string, compiled = matrix, asOf?: string) => evaluateRecord(compiled, recordFrom(text), asOf ? { asOf } : {});

describe('the fields of each kind of assessed cell', () => {
  const result = evaluate(
    recordText([
      '{id: c1, date: 2015-11-16, type: commitment, sources: [{title: communique}]}',
      assessment('a-us-0', '2016-09-03', 'member: US, commitment: c0, score: 0, assessor: G20 Research Group, rationale: halfway'),
      assessment('a-us-1', '2016-09-03', 'member: US, commitment: c1, score: -1'),
      assessment('a-cn-1', '2016-09-03', 'member: CN, commitment: c1, score: not-applicable'),
    ]),
  );

  it('gives a scored cell its level, points and normalised score, each as a range of one value', () => {
    const [us] = cellsOf(result, 'compliance/c0');
    const partial = { label: 'partial', score: 0 };
    expect(us).toMatchObject({
      party: 'US',
      applicable: true,
      level: partial,
      levelRange: { low: partial, high: partial },
      points: 1, // 0 - (-1)
      normalised: 0.5, // 1 / 2
      normalisedRange: { low: 0.5, high: 0.5 },
      explanation: null,
      unknown: [],
      assessment: {
        event: 'a-us-0',
        date: '2016-09-03',
        score: 0,
        assessor: 'G20 Research Group',
        window: null,
        rationale: 'halfway',
        superseded: [],
        byWindow: {},
        problem: null,
      },
    });
    expect(us!.notAssessed).toBeUndefined();
    const [none] = cellsOf(result, 'compliance/c1');
    expect([none!.level, none!.points, none!.normalised]).toEqual([{ label: 'none', score: -1 }, 0, 0]);
  });

  it('gives a member nobody assessed an unknown cell anywhere from the lowest level to the highest, and names the missing fact', () => {
    const [, cn] = cellsOf(result, 'compliance/c0');
    expect(cn).toEqual({
      party: 'CN',
      applicable: true,
      level: null,
      levelRange: { low: { label: 'none', score: -1 }, high: { label: 'full', score: 1 } },
      points: null,
      normalised: null,
      normalisedRange: { low: 0, high: 1 },
      evidence: [],
      explanation: null,
      unknown: [{ event: 'c0', field: 'assessment', reason: 'not-assessed', path: 'compliance' }],
      notAssessed: true,
      assessment: null,
    });
  });

  it('makes a not-applicable assessment a cell that does not apply, with the assessment as its evidence', () => {
    const [, cn] = cellsOf(result, 'compliance/c1');
    expect(cn).toMatchObject({ applicable: false, level: null, levelRange: null, points: null, normalised: null, normalisedRange: null, unknown: [] });
    expect(cn!.evidence.map((e) => e.event)).toEqual(['a-cn-1']);
    expect(cn!.assessment).toMatchObject({ event: 'a-cn-1', score: 'not-applicable', problem: null });
  });

  it('makes a not-assessed assessment an unknown cell that keeps the assessment, with no problem', () => {
    const text = recordText([assessment('a-us', '2016-09-03', 'member: US, commitment: c0, score: not-assessed')]);
    const [us] = cellsOf(evaluate(text), 'compliance/c0');
    expect(us).toMatchObject({
      level: null,
      notAssessed: true,
      normalisedRange: { low: 0, high: 1 },
      assessment: { event: 'a-us', score: 'not-assessed', problem: null },
    });
    expect(us!.evidence.map((e) => e.event)).toEqual(['a-us']);
  });
});

describe('scales', () => {
  it('names a score by the first level that has it', () => {
    const twice = withCriteria({
      ...compliance,
      id: 'twice',
      levels: [{ ...compliance.levels[0]!, label: 'complete' }, ...compliance.levels],
    });
    const text = recordText([assessment('a-us', '2016-09-03', 'member: US, commitment: c0, score: 1')]);
    expect(cellsOf(evaluate(text, twice), 'twice/c0')[0]!.level).toEqual({ label: 'complete', score: 1 });
  });

  it('gives a criterion of one level a normalised score of 0', () => {
    const one = withCriteria({ ...compliance, id: 'one', levels: [compliance.levels[0]!] });
    const text = recordText([assessment('a-us', '2016-09-03', 'member: US, commitment: c0, score: 1, criterion: one')]);
    expect(cellsOf(evaluate(text, one), 'one/c0')[0]).toMatchObject({
      level: { label: 'full', score: 1 },
      points: 0,
      normalised: 0,
      normalisedRange: { low: 0, high: 0 },
    });
  });
});

describe('which commitments are assessed', () => {
  it('derives from events the cells of a commitment no assessment is about, and the cells of a criterion not for each commitment', () => {
    // c1 binds US only, and US fulfils it: derived, US full and CN n/a. c0 is assessed for US only: CN unknown.
    const conduct = withCriteria({
      ...compliance,
      id: 'conduct',
      forEach: undefined,
      appliesWhen: undefined,
      levels: [{ label: 'done', score: 1 }],
    });
    const text = recordText([
      '{id: c1, date: 2015-11-16, type: commitment, actors: [US], sources: [{title: communique}]}',
      '{id: r1, date: 2016-01-10, type: report, actors: [US], links: {fulfils: [c1]}, sources: [{title: news}]}',
      assessment('a-us', '2016-09-03', 'member: US, commitment: c0, score: 1'),
    ]);
    const result = evaluate(text, conduct);
    expect(cellsOf(result, 'compliance/c1').map((cell) => [cell.party, cell.applicable, cell.level?.label ?? null, cell.assessment ?? null])).toEqual([
      ['US', true, 'full', null],
      ['CN', false, null, null],
    ]);
    expect(cellsOf(result, 'compliance/c0').map((cell) => [cell.party, cell.notAssessed ?? false])).toEqual([
      ['US', false],
      ['CN', true],
    ]);
    // No subject, no assessment: the criterion's one level, derived.
    expect(cellsOf(result, 'conduct').map((cell) => [cell.level?.label, cell.assessment ?? null])).toEqual([
      ['done', null],
      ['done', null],
    ]);
  });

  it('assesses only the criterion an assessment names, and every criterion by an assessment naming none', () => {
    const effort = { ...compliance, id: 'effort' };
    const text = recordText([
      '{id: c2, date: 2015-11-16, type: commitment, sources: [{title: communique}]}',
      // US on c0: the assessment naming effort is the later by date, though the earlier in the record.
      assessment('m-us', '2016-09-03', 'member: US, commitment: c0, score: 1, criterion: effort'),
      assessment('g-us', '2016-07-22', 'member: US, commitment: c0, score: 0'),
      // CN on c0: the same day; the one naming effort is the later in the record.
      assessment('g-cn', '2016-09-03', 'member: CN, commitment: c0, score: -1'),
      assessment('m-cn', '2016-09-03', 'member: CN, commitment: c0, score: 0, criterion: effort'),
      // c2 is assessed for effort only: its compliance cells are derived (no actors: not bound, n/a).
      assessment('m-us-2', '2016-09-03', 'member: US, commitment: c2, score: 1, criterion: effort'),
    ]);
    const result = evaluate(text, withCriteria(effort));
    const counted = (id: string) =>
      cellsOf(result, id).map((cell) => [cell.party, cell.level?.score ?? null, cell.assessment?.event ?? null, cell.assessment?.superseded ?? null]);
    expect(counted('compliance/c0')).toEqual([
      ['US', 0, 'g-us', []],
      ['CN', -1, 'g-cn', []],
    ]);
    expect(counted('effort/c0')).toEqual([
      ['US', 1, 'm-us', ['g-us']],
      ['CN', 0, 'm-cn', ['g-cn']],
    ]);
    expect(cellsOf(result, 'compliance/c2').map((cell) => [cell.applicable, cell.assessment ?? null])).toEqual([
      [false, null],
      [false, null],
    ]);
    expect(counted('effort/c2')).toEqual([
      ['US', 1, 'm-us-2', []],
      ['CN', null, null, null],
    ]);
  });
});

describe('several assessments of one cell', () => {
  const text = recordText(
    [
      assessment('a3', '2016-09-01', 'member: US, commitment: c0, score: 1, window: final'),
      assessment('a1', '2016-03-01', 'member: US, commitment: c0, score: -1, window: interim'),
      assessment('a2', '2016-06-01', 'member: US, commitment: c0, score: 0, window: interim'),
      assessment('b1', '2016-09-01', 'member: CN, commitment: c0, score: 0'),
    ],
    'windows:\n  - {id: interim, from: 2015-11-16, to: 2016-06-30}\n  - {id: final, from: 2015-11-16, to: 2016-09-30}',
  );

  it('counts the latest, lists the others latest first, and keeps the latest score of each window', () => {
    const [us, cn] = cellsOf(evaluate(text), 'compliance/c0');
    expect(us!.assessment).toMatchObject({ event: 'a3', score: 1, window: 'final', superseded: ['a2', 'a1'], byWindow: { interim: 0, final: 1 } });
    expect(us!.assessment!.byWindow).toEqual({ interim: 0, final: 1 });
    expect(us!.evidence.map((e) => e.event)).toEqual(['a3']);
    // No window named: nothing by window.
    expect(cn!.assessment!.byWindow).toEqual({});
  });

  it('counts only what was known by the as-of date', () => {
    const [us] = cellsOf(evaluate(text, matrix, '2016-07-01'), 'compliance/c0');
    expect(us!.assessment).toMatchObject({ event: 'a2', score: 0, superseded: ['a1'], byWindow: { interim: 0 } });
  });
});

describe('the evidence of an assessed cell', () => {
  it('has the title and the place of the assessment event only when it has them', () => {
    const text = recordText([
      assessment('titled', '2016-09-03', 'member: US, commitment: c0, score: 1', ', title: Final report'),
      assessment('plain', '2016-09-03', 'member: CN, commitment: c0, score: 0'),
    ]);
    const record = recordFrom(text);
    const keys = (r: typeof record) => cellsOf(evaluateRecord(matrix, r), 'compliance/c0').map((cell) => Object.keys(cell.evidence[0]!));
    expect(keys(record)).toEqual([
      ['event', 'date', 'type', 'title', 'location', 'sources'],
      ['event', 'date', 'type', 'location', 'sources'],
    ]);
    // The same events made without a place in a file.
    const unplaced = { ...record, events: record.events.map(({ location: _, ...event }) => event) };
    expect(keys(unplaced)).toEqual([
      ['event', 'date', 'type', 'title', 'sources'],
      ['event', 'date', 'type', 'sources'],
    ]);
    const [titled] = cellsOf(evaluateRecord(matrix, record), 'compliance/c0');
    expect(titled!.evidence[0]).toEqual({
      event: 'titled',
      date: '2016-09-03',
      type: 'assessment',
      title: 'Final report',
      location: { file: 'record.yaml', line: 8, col: 5 },
      sources: [{ title: 'report', verified: true }],
    });
  });
});
