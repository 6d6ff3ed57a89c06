import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../../src/engine/agreement-alpha.js';
import { measureAgreement, metricOf, type CodedCase } from '../../../src/engine/agreement.js';
import { compileMatrix } from '../../../src/engine/index.js';
import { loadMatrix } from '../../../src/load/load-matrix.js';
import { loadRecord } from '../../../src/load/load-record.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../../src/input-limit.js';

const ROOT = new URL('../../../', import.meta.url);
const load = (path: string) => ({ file: path, text: readFileSync(new URL(path, ROOT), 'utf8'), sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES });
const matrix = (id: string) => compileMatrix(loadMatrix(load(`matrices/${id}.yaml`)).matrix);
const record = (path: string) => loadRecord(load(path)).record;

const CASE: CodedCase = {
  id: 'us-china-2015-09',
  codings: [
    { coder: 'a', record: record('fixtures/coders/a/us-china-2015-09.yaml') },
    { coder: 'b', record: record('fixtures/coders/b/us-china-2015-09.yaml') },
  ],
};

describe('the bundled example codings', () => {
  it("coder a's record states the same facts as the bundled record", () => {
    const bundled = record('fixtures/us-china-2015-09.yaml');
    const strip = (events: typeof bundled.events) => events.map(({ location: _location, ...event }) => event);
    expect(strip(CASE.codings[0]!.record.events)).toEqual(strip(bundled.events));
  });
});

describe('measureAgreement', () => {
  const lewis = measureAgreement(matrix('lewis-2015-v1'), [CASE], { bootstrap: { samples: 200, seed: 1, level: 0.95 } });

  it('makes each criterion a unit with each coder’s level, and finds the three disagreements', () => {
    expect(lewis.coders).toEqual(['a', 'b']);
    // b's record leaves three levels open: lecd's participation is not stated (negotiation), and
    // `un-gge-2015` is not a subject lewis-2015-v1 declares (code-of-conduct, gge-endorsement).
    expect(
      lewis.units.map((unit) => [
        unit.id,
        unit.codings.map((c) => (c.known ? c.level?.label : `${c.levelRange?.low?.label}..${c.levelRange?.high?.label}`)),
        unit.agree,
      ]),
    ).toEqual([
      ['negotiation', ['initiated', 'absent..initiated'], false],
      ['espionage-ip', ['committed', 'committed'], true],
      ['code-of-conduct', ['no-concession', 'concession..no-concession'], false],
      ['gge-endorsement', ['endorsed', 'not-endorsed..endorsed'], false],
      ['infrastructure-pledge', ['no-pledge', 'no-pledge'], true],
    ]);
  });

  it('names the record fact behind each disagreement', () => {
    const facts = (id: string) => lewis.units.find((unit) => unit.id === id)!.differences.map((d) => [d.event, d.fact, d.values.map((v) => v.value)]);
    expect(facts('gge-endorsement')).toEqual([['endorse-un-gge-2015', 'fields.subject', ['un-gge-2015-report', 'un-gge-2015']]]);
    expect(facts('negotiation')).toContainEqual(['hl-dialogue', 'fields.level', ['ministerial', 'senior-officials']]);
  });

  it('tries each differing fact and marks the one that decides the level, first', () => {
    const negotiation = lewis.units.find((unit) => unit.id === 'negotiation')!.differences;
    // b's record given a's level of hl-dialogue earns initiated; given a's date of dialogue-1, still absent.
    expect(negotiation[0]).toMatchObject({ event: 'hl-dialogue', fact: 'fields.level', decisive: true });
    expect(negotiation.find((d) => d.event === 'dialogue-1')).toMatchObject({ fact: 'date', decisive: false });
  });

  it('finds a decisive fact outside the evidence: a meeting date that makes a deadline late', () => {
    const deliverables = measureAgreement(matrix('summit-deliverables'), [CASE], { bootstrap: { samples: 10, seed: 1, level: 0.95 } });
    const deadlines = deliverables.units.find((unit) => unit.id === 'deadlines')!;
    expect(deadlines.codings.map((c) => c.level?.label)).toEqual(['met', 'met-late']);
    expect(deadlines.differences).toEqual([expect.objectContaining({ event: 'dialogue-1', fact: 'date', decisive: true })]);
  });

  it('computes ordinal alpha over the ranks of the levels (0 = lowest), an unknown level a missing coding', () => {
    // negotiation initiated (2) / unknown; espionage-ip 2/2; code-of-conduct 1 / unknown;
    // gge-endorsement endorsed (1) / unknown; infrastructure-pledge 0/0.
    const expected = krippendorffAlpha(
      [
        [2, null],
        [2, 2],
        [1, null],
        [1, null],
        [0, 0],
      ],
      'ordinal',
    ).alpha;
    expect(lewis.overall).toHaveLength(1);
    expect(lewis.overall[0]).toMatchObject({ metric: 'ordinal', units: 5, pairableUnits: 2, agreeingUnits: 2, percentAgreement: 1 });
    expect(lewis.overall[0]!.alpha).toBeCloseTo(expected!, 12);
    expect(lewis.overall[0]!.cohen!.units).toBe(2);
  });

  it('reads an unknown level as missing, never as the lowest level: the statistics of the other units are unchanged', () => {
    // The two units both coders settle: espionage-ip 2/2 and infrastructure-pledge 0/0, and nothing else.
    const settled = krippendorffAlpha(
      [
        [2, 2],
        [0, 0],
      ],
      'ordinal',
    ).alpha;
    expect(lewis.overall[0]!.alpha).toBeCloseTo(settled!, 12);
    const asLowest = krippendorffAlpha(
      [
        [2, 0],
        [2, 2],
        [1, 0],
        [1, 0],
        [0, 0],
      ],
      'ordinal',
    ).alpha;
    expect(lewis.overall[0]!.alpha).not.toBeCloseTo(asLowest!, 3);
  });

  it('chooses interval for the -1/0/+1 compliance scale and ordinal for other levels', () => {
    const g20 = matrix('g20-compliance').matrix;
    expect(g20.criteria.map(metricOf)).toEqual(['interval']);
    expect(matrix('lewis-2015-v1').matrix.criteria.map(metricOf)).toEqual(['ordinal', 'ordinal', 'ordinal', 'ordinal', 'ordinal']);
  });

  it('makes each party cell of a per-party criterion a unit', () => {
    const g20 = measureAgreement(matrix('g20-compliance'), [CASE], { bootstrap: { samples: 10, seed: 1, level: 0.95 } });
    expect(g20.units.map((unit) => `${unit.id}:${unit.party}`)).toContain('compliance/commit-norms:CN');
    expect(g20.units.every((unit) => unit.metric === 'interval' && unit.party !== null)).toBe(true);
  });

  it('treats a unit one coder’s record lacks as uncoded by that coder', () => {
    const lone = measureAgreement(matrix('lewis-2015-v1'), [{ id: 'x', codings: [CASE.codings[0]!] }, CASE], {
      bootstrap: { samples: 10, seed: 1, level: 0.95 },
    });
    const unit = lone.units[0]!;
    expect(unit.case).toBe('x');
    expect(unit.codings.map((c) => c.coded)).toEqual([true, false]);
    expect(unit.agree).toBe(true);
  });

  it('reads a compliance cell nobody assessed as a missing coding, not as the lowest level', () => {
    const compliance = (cnC1: number, cnC2: number | 'not-assessed') => `id: g20-case
title: A compliance case
date: 2015-11-16
parties: [US, CN]
events:
  - {id: c1, date: 2015-11-16, type: commitment, title: Aid for trade, sources: [{title: communique}]}
  - {id: c2, date: 2015-11-16, type: commitment, title: Tax administration, sources: [{title: communique}]}
  - {id: us-c1, date: 2016-09-03, type: assessment, assessment: {member: US, commitment: c1, score: 1}, sources: [{title: final}]}
  - {id: cn-c1, date: 2016-09-03, type: assessment, assessment: {member: CN, commitment: c1, score: ${cnC1}}, sources: [{title: final}]}
  - {id: us-c2, date: 2016-09-03, type: assessment, assessment: {member: US, commitment: c2, score: 1}, sources: [{title: final}]}
  - {id: cn-c2, date: 2016-09-03, type: assessment, assessment: {member: CN, commitment: c2, score: ${cnC2}}, sources: [{title: final}]}
`;
    const fromText = (text: string) => loadRecord({ file: 'case.yaml', text, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES }).record;
    const coded: CodedCase = {
      id: 'g20-case',
      codings: [
        { coder: 'a', record: fromText(compliance(0, 'not-assessed')) },
        { coder: 'b', record: fromText(compliance(-1, 1)) },
      ],
    };
    const result = measureAgreement(matrix('g20-compliance'), [coded], { bootstrap: { samples: 10, seed: 1, level: 0.95 } });
    const cell = result.units.find((unit) => unit.id === 'compliance/c2' && unit.party === 'CN')!;
    expect(cell.codings.map((c) => [c.coder, c.known, c.level?.score ?? null])).toEqual([
      ['a', false, null],
      ['b', true, 1],
    ]);
    expect(cell.agree).toBe(false);
    // US c1 1/1, CN c1 0/-1, US c2 1/1; CN c2 has b's coding only, so it pairs nothing.
    const expected = krippendorffAlpha(
      [
        [1, 1],
        [0, -1],
        [1, 1],
        [null, 1],
      ],
      'interval',
    );
    expect(result.overall[0]).toMatchObject({ metric: 'interval', units: 4, pairableUnits: 3 });
    expect(result.overall[0]!.alpha).toBeCloseTo(expected.alpha!, 12);
  });
});
