// measureAgreement on small matrices and records written here: what each coder's coding of a unit
// says (coded, applicable, known, notAssessed), when two codings agree, the values the statistics
// read (ranks on an order, scores on an interval scale, per-criterion codes when nominal), the
// statistics over all units and per criterion, and the record facts found behind a disagreement.
// Every expectation is worked out by hand from the records below: levels from the matrix's
// conditions, percent agreement and the kappas from their textbook formulas (worked in comments);
// Krippendorff's alpha is taken from krippendorffAlpha over a table of values written by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../../src/engine/agreement-alpha.js';
import { DEFAULT_BOOTSTRAP } from '../../../src/engine/agreement-bootstrap.js';
import { canonical, measureAgreement, metricOf, type CodedCase } from '../../../src/engine/agreement.js';
import { compileMatrix } from '../../../src/engine/index.js';
import type { FieldValue } from '../../../src/engine/types.js';
import { makeRecord, matrixFrom, recordFrom, type EventSpec } from '../../helpers/build.js';

const BOOT = { samples: 20, seed: 3, level: 0.9 };

// channel: political 2 / created 1 / none 0 (an order); talks: met 1 / none 0 (an order);
// tone: warm 1 / neutral 0 / cold -1 (the compliance scale, so interval). A mechanism with no
// level leaves channel open between created and political.
const MATRIX = `
id: m
title: M
version: "1"
source: {author: test}
fields:
  level:
    type: string
    values: {leaders: Heads of state, expert: Experts}
    absent: unknown
verdicts:
  - {label: good, min: 50}
  - {label: bad, min: 0}
criteria:
  - id: channel
    title: Channel
    weight: 1
    levels:
      - label: political
        score: 2
        when: {some: {all: [{type: mechanism}, {field: level, in: [leaders]}]}}
      - {label: created, score: 1, when: {some: {type: mechanism}}}
      - {label: none, score: 0}
  - id: talks
    title: Talks
    weight: 1
    levels:
      - {label: met, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
  - id: tone
    title: Tone
    weight: 1
    levels:
      - {label: warm, score: 1, when: {some: {type: pledge}}}
      - {label: neutral, score: 0, when: {some: {type: summit}}}
      - {label: cold, score: -1}
`;
const compiled = compileMatrix(matrixFrom(MATRIX));

const mech = (level?: string): EventSpec => ({ id: 'mech', type: 'mechanism', ...(level && { fields: { level } }) });
const meeting: EventSpec = { id: 'talk', type: 'meeting' };
const pledge: EventSpec = { id: 'pledge', type: 'pledge' };
const coded = (id: string, ...coders: EventSpec[][]): CodedCase => ({
  id,
  codings: coders.map((events, i) => ({ coder: 'abc'[i]!, record: { ...makeRecord(events), id } })),
});

// Coder a, coder b:         channel          talks     tone
// c1  a: mech(expert), pledge  created 1 / political 2   none 0 / none 0   warm 1 / cold -1
//     b: mech(leaders)
// c2  both: mech(leaders), talk  political 2 / 2        met 1 / 1         cold / cold
// c3  a: talk; b: mech(expert)   none 0 / created 1      met 1 / none 0    cold / cold
// c4  a: mech (no level); b: -   open / none 0           none 0 / 0        cold / cold
const CASES = [
  coded('c1', [mech('expert'), pledge], [mech('leaders')]),
  coded('c2', [mech('leaders'), meeting], [mech('leaders'), meeting]),
  coded('c3', [meeting], [mech('expert')]),
  coded('c4', [mech()], []),
];
const result = measureAgreement(compiled, CASES, { bootstrap: BOOT });

describe('metricOf', () => {
  const levels = (...scores: number[]) =>
    compileMatrix(
      matrixFrom(`
id: s
title: S
version: "1"
source: {author: test}
verdicts: [{label: any, min: 0}]
criteria:
  - id: c
    title: C
    weight: 1
    levels:
${scores.map((score, i) => `      - {label: l${i}, score: ${score}${i < scores.length - 1 ? ', when: {some: {type: meeting}}' : ''}}`).join('\n')}
`),
    ).matrix.criteria[0]!;
  it('is interval only for a scale of -1, 0 and 1 (or -1 and 1)', () => {
    expect(metricOf(levels(1, 0, -1))).toBe('interval');
    expect(metricOf(levels(1, -1))).toBe('interval');
  });
  it('is ordinal for 1/0 (no -1), and for -1/0/1 with any other score beside them', () => {
    expect(metricOf(levels(1, 0))).toBe('ordinal');
    expect(metricOf(levels(2, 1, 0, -1))).toBe('ordinal');
  });
});

describe('the codings of a unit', () => {
  it('lists the units case by case, criterion by criterion, with each coder’s level', () => {
    expect(result.cases).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(result.coders).toEqual(['a', 'b']);
    expect(result.units.map((u) => [u.case, u.id, u.metric, u.codings.map((c) => c.level?.label ?? null), u.agree])).toEqual([
      ['c1', 'channel', 'ordinal', ['created', 'political'], false],
      ['c1', 'talks', 'ordinal', ['none', 'none'], true],
      ['c1', 'tone', 'interval', ['warm', 'cold'], false],
      ['c2', 'channel', 'ordinal', ['political', 'political'], true],
      ['c2', 'talks', 'ordinal', ['met', 'met'], true],
      ['c2', 'tone', 'interval', ['cold', 'cold'], true],
      ['c3', 'channel', 'ordinal', ['none', 'created'], false],
      ['c3', 'talks', 'ordinal', ['met', 'none'], false],
      ['c3', 'tone', 'interval', ['cold', 'cold'], true],
      ['c4', 'channel', 'ordinal', [null, 'none'], false],
      ['c4', 'talks', 'ordinal', ['none', 'none'], true],
      ['c4', 'tone', 'interval', ['cold', 'cold'], true],
    ]);
  });

  it('an open level is coded and applicable but not known, with the range it lies in', () => {
    const open = result.units.find((u) => u.case === 'c4' && u.id === 'channel')!.codings[0]!;
    expect(open).toMatchObject({ coder: 'a', coded: true, applicable: true, known: false, notAssessed: false, level: null });
    expect([open.levelRange?.low?.label, open.levelRange?.high?.label]).toEqual(['created', 'political']);
    const settled = result.units.find((u) => u.case === 'c4' && u.id === 'channel')!.codings[1]!;
    expect(settled).toMatchObject({ coded: true, applicable: true, known: true, notAssessed: false, levelRange: null });
  });

  it('a unit a coder’s record lacks: not coded, not applicable, not known, no evidence', () => {
    const one = measureAgreement(compiled, [CASES[0]!, coded('solo', [meeting])], { bootstrap: BOOT });
    const solo = one.units.find((u) => u.case === 'solo' && u.id === 'talks')!;
    expect(solo.codings[1]).toEqual({
      coder: 'b',
      coded: false,
      applicable: false,
      known: false,
      notAssessed: false,
      level: null,
      levelRange: null,
      evidence: [],
      explanation: null,
    });
  });
});

describe('the statistics', () => {
  const [ordinal, interval] = result.overall;

  it('one entry per metric, each over its own units only', () => {
    expect(result.overall.map((s) => [s.metric, s.units])).toEqual([
      ['ordinal', 8],
      ['interval', 4],
    ]);
  });

  it('ordinal: units agreeing, units paired, percent agreement', () => {
    // Agreeing units: c1 talks, c2 channel and talks, c4 talks = 4 of 8. c4 channel has one known
    // coding, so 7 units pair; of them c2 channel, c1/c2/c4 talks agree: 4/7.
    expect(ordinal).toMatchObject({ metric: 'ordinal', units: 8, agreeingUnits: 4, pairableUnits: 7 });
    expect(ordinal!.percentAgreement).toBeCloseTo(4 / 7, 12);
  });

  it('ordinal alpha over the ranks of each criterion’s levels, pooled across criteria', () => {
    // channel political 2, created 1, none 0; talks met 1, none 0.
    const expected = krippendorffAlpha(
      [
        [1, 2],
        [0, 0],
        [2, 2],
        [1, 1],
        [0, 1],
        [1, 0],
        [null, 0],
        [0, 0],
      ],
      'ordinal',
    ).alpha!;
    expect(ordinal!.alpha).toBeCloseTo(expected, 12);
  });

  it("Cohen's kappa of the two coders, unweighted, linear and quadratic", () => {
    // Pairs (a, b) of the 7 units both coded: (1,2) (0,0) (2,2) (1,1) (0,1) (1,0) (0,0).
    // Contingency rows a = 0,1,2: [2,1,0] [1,1,1] [0,0,1]; row sums 3,3,1, column sums 3,2,2.
    // Unweighted: p_o = 4/7, p_e = (9 + 6 + 2)/49 = 17/49, kappa = (28 - 17)/(49 - 17) = 11/32.
    // Linear (w = |i-j|/2): observed 1.5/7; expected (0.5*6 + 6 + 0.5*9 + 0.5*6 + 3 + 0.5*2)/49 = 20.5/49;
    //   kappa = 1 - (1.5/7)/(20.5/49) = 1 - 147/287 = 20/41.
    // Quadratic (w = (|i-j|/2)^2): observed 0.75/7; expected (1.5 + 6 + 2.25 + 1.5 + 3 + 0.5)/49 = 14.75/49;
    //   kappa = 1 - 5.25/14.75 = 38/59.
    expect(ordinal!.cohen!.units).toBe(7);
    expect(ordinal!.cohen!.unweighted).toBeCloseTo(11 / 32, 12);
    expect(ordinal!.cohen!.linear).toBeCloseTo(20 / 41, 12);
    expect(ordinal!.cohen!.quadratic).toBeCloseTo(38 / 59, 12);
  });

  it("Fleiss' kappa over the units both coders coded", () => {
    // 7 complete units, 4 agree: P = 4/7. Ratings: 0 six times, 1 five, 2 three of 14:
    // P_e = (36 + 25 + 9)/196 = 5/14; kappa = (4/7 - 5/14)/(1 - 5/14) = 1/3.
    expect(ordinal!.fleiss!.units).toBe(7);
    expect(ordinal!.fleiss!.kappa).toBeCloseTo(1 / 3, 12);
  });

  it('interval: the scores of the levels; kappa 0 when one coder gives a single category', () => {
    // tone: (1,-1) then (-1,-1) three times. Percent 3/4. Contingency rows -1: [3,0], 1: [1,0];
    // p_o = 3/4, p_e = (3*4 + 1*0)/16 = 3/4, so kappa = 0.
    expect(interval).toMatchObject({ metric: 'interval', units: 4, agreeingUnits: 3, pairableUnits: 4 });
    expect(interval!.percentAgreement).toBeCloseTo(3 / 4, 12);
    expect(interval!.alpha).toBeCloseTo(
      krippendorffAlpha(
        [
          [1, -1],
          [-1, -1],
          [-1, -1],
          [-1, -1],
        ],
        'interval',
      ).alpha!,
      12,
    );
    expect(interval!.cohen!.unweighted).toBeCloseTo(0, 12);
  });

  it('per criterion: its own units and its own metric', () => {
    expect(result.criteria.map((c) => [c.criterion, c.title, c.statistics.metric, c.statistics.units, c.statistics.agreeingUnits])).toEqual([
      ['channel', 'Channel', 'ordinal', 4, 1],
      ['talks', 'Talks', 'ordinal', 4, 3],
      ['tone', 'Tone', 'interval', 4, 3],
    ]);
    // talks: (0,0) (1,1) (1,0) (0,0): rows [2,0] [1,1], columns 3,1; p_o 3/4, p_e 8/16, kappa 1/2.
    const talks = result.criteria[1]!.statistics;
    expect(talks.percentAgreement).toBeCloseTo(3 / 4, 12);
    expect(talks.cohen!.unweighted).toBeCloseTo(1 / 2, 12);
    // channel: (1,2) (2,2) (0,1) paired, 1 agrees.
    expect(result.criteria[0]!.statistics.percentAgreement).toBeCloseTo(1 / 3, 12);
  });

  it('keeps the bootstrap options given, or the default ones', () => {
    expect(result.bootstrap).toEqual(BOOT);
    expect(measureAgreement(compiled, [CASES[1]!]).bootstrap).toEqual(DEFAULT_BOOTSTRAP);
  });
});

describe('a metric chosen for every criterion', () => {
  const under = (metric: 'nominal' | 'ordinal' | 'interval' | 'ratio') => measureAgreement(compiled, CASES, { metric, bootstrap: BOOT });

  it('nominal: each criterion’s levels are categories of their own, never another criterion’s', () => {
    const nominal = under('nominal');
    expect(nominal.overall.map((s) => [s.metric, s.units])).toEqual([['nominal', 12]]);
    expect(nominal.criteria.map((c) => c.statistics.metric)).toEqual(['nominal', 'nominal', 'nominal']);
    // Codes: channel 0/1/2, talks 10/11, tone cold 20 / warm 22 (any distinct codes will do).
    const table = [
      [1, 2],
      [10, 10],
      [22, 20],
      [2, 2],
      [11, 11],
      [20, 20],
      [0, 1],
      [11, 10],
      [20, 20],
      [null, 0],
      [10, 10],
      [20, 20],
    ];
    expect(nominal.overall[0]!.alpha).toBeCloseTo(krippendorffAlpha(table, 'nominal').alpha!, 12);
    // Fleiss over the 11 complete units, 7 of them agreeing: P = 7/11. Of the 22 ratings the
    // categories get 1, 2, 3 (channel), 5, 3 (talks), 1, 7 (tone): P_e = 98/484 = 49/242;
    // kappa = (154 - 49)/(242 - 49) = 105/193.
    expect(nominal.overall[0]!.fleiss).toEqual({ kappa: expect.closeTo(105 / 193, 12), units: 11 });
  });

  it('ordinal: the compliance scale read as ranks (warm 2, cold 0), pooled with the other orders', () => {
    const ordinal = under('ordinal');
    const table = [
      [1, 2],
      [0, 0],
      [2, 0],
      [2, 2],
      [1, 1],
      [0, 0],
      [0, 1],
      [1, 0],
      [0, 0],
      [null, 0],
      [0, 0],
      [0, 0],
    ];
    expect(ordinal.overall[0]!.alpha).toBeCloseTo(krippendorffAlpha(table, 'ordinal').alpha!, 12);
  });

  it.each(['interval', 'ratio'] as const)('%s: every level read as its score (tone 1 and -1)', (metric) => {
    const table = [
      [1, 2],
      [0, 0],
      [1, -1],
      [2, 2],
      [1, 1],
      [-1, -1],
      [0, 1],
      [1, 0],
      [-1, -1],
      [null, 0],
      [0, 0],
      [-1, -1],
    ];
    const measured = under(metric);
    expect(measured.overall.map((s) => s.metric)).toEqual([metric]);
    expect(measured.overall[0]!.alpha).toBeCloseTo(krippendorffAlpha(table, metric).alpha!, 12);
  });
});

describe('the number of coders', () => {
  it("three coders: no Cohen's kappa, Fleiss' kappa and percent agreement over the three", () => {
    const three = measureAgreement(compiled, [coded('c', [mech('leaders'), meeting], [mech('leaders'), meeting], [mech('expert')])], { bootstrap: BOOT });
    const ordinal = three.overall[0]!;
    // channel 2, 2, 1 and talks 1, 1, 0: one pair of three agrees in each unit.
    expect(ordinal).toMatchObject({ metric: 'ordinal', units: 2, agreeingUnits: 0, cohen: null });
    expect(ordinal.percentAgreement).toBeCloseTo(1 / 3, 12);
    // Counts over categories 0, 1, 2: channel [0,1,2], talks [1,2,0]; P_i = (1 + 4 - 3)/6 = 1/3 each.
    // Shares 1/6, 3/6, 2/6: P_e = 14/36 = 7/18; kappa = (6/18 - 7/18)/(11/18) = -1/11.
    expect(ordinal.fleiss).toEqual({ kappa: expect.closeTo(-1 / 11, 12), units: 2 });
  });

  it('one coder: no kappa of any kind, no percent agreement', () => {
    const one = measureAgreement(compiled, [coded('c', [mech('leaders'), meeting])], { bootstrap: BOOT });
    expect(one.overall[0]).toMatchObject({ units: 2, agreeingUnits: 2, percentAgreement: null, cohen: null, fleiss: null });
  });
});

describe('as of a date', () => {
  // a's mechanism (leaders) is set up on 1 October, b's (experts) on 25 September.
  const LATE = coded('late', [{ ...mech('leaders'), date: '2015-10-01' }], [mech('expert')]);

  it('scores each coding as of that date', () => {
    const now = measureAgreement(compiled, [LATE], { bootstrap: BOOT });
    expect(now.units[0]!.codings.map((c) => c.level?.label)).toEqual(['political', 'created']);
    const then = measureAgreement(compiled, [LATE], { asOf: '2015-09-26', bootstrap: BOOT });
    expect(then.units[0]!.codings.map((c) => c.level?.label)).toEqual(['none', 'created']);
  });

  it('tries the differences as of that date too: the date decides, the level does not', () => {
    // As of 26 September: b's record with a's date has no mechanism yet (none, a's level); with
    // a's level it is political (nobody's). a's record with b's date is political, with b's
    // level it still has no mechanism. (As of the last event, b's level would decide instead.)
    const then = measureAgreement(compiled, [LATE], { asOf: '2015-09-26', bootstrap: BOOT });
    expect(then.units[0]!.differences.map((d) => [d.event, d.fact, d.decisive])).toEqual([
      ['mech', 'date', true],
      ['mech', 'fields.level', false],
    ]);
  });
});

// met: a meeting linked `of:` a mechanism; spoke: per party, a statement the party is an actor
// of; gated: applies only where a leaders' mechanism is, then met when there is a meeting; both:
// applies where gated does, political when a meeting is of leaders too.
const FACTS_MATRIX = `
id: f
title: F
version: "1"
source: {author: test}
fields:
  level:
    type: string
    values: {leaders: Heads of state, expert: Experts}
    absent: unknown
verdicts:
  - {label: good, min: 50}
  - {label: bad, min: 0}
criteria:
  - id: met
    title: Met
    weight: 1
    levels:
      - {label: met, score: 1, when: {some: {all: [{type: meeting}, {link: of, to: {type: mechanism}}]}}}
      - {label: none, score: 0}
  - id: spoke
    title: Spoke
    weight: 1
    perParty: true
    levels:
      - {label: spoke, score: 1, when: {some: {all: [{type: statement}, {partyIn: actors}]}}}
      - {label: silent, score: 0}
  - id: gated
    title: Gated
    weight: 1
    appliesWhen: {some: {all: [{type: mechanism}, {field: level, in: [leaders]}]}}
    levels:
      - {label: met, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
  - id: both
    title: Both
    weight: 1
    appliesWhen: {some: {all: [{type: mechanism}, {field: level, in: [leaders]}]}}
    levels:
      - {label: political, score: 1, when: {some: {all: [{type: meeting}, {field: level, in: [leaders]}]}}}
      - {label: none, score: 0}
`;
const facts = compileMatrix(matrixFrom(FACTS_MATRIX));
const body: EventSpec = { id: 'body', type: 'mechanism' };
const talkOf = (id: string, extra: Partial<EventSpec> = {}): EventSpec => ({ id, type: 'meeting', links: { of: ['body'] }, ...extra });
const differencesOf = (matrix: typeof facts, coding: CodedCase, unit: string, party: string | null = null) =>
  measureAgreement(matrix, [coding], { bootstrap: BOOT })
    .units.find((u) => u.id === unit && u.party === party)!
    .differences.map((d) => [d.event, d.fact, d.values.map((v) => v.value), d.decisive]);

describe('the facts behind a disagreement', () => {
  it('an event type: b’s record given a’s type of the meeting is met', () => {
    expect(differencesOf(facts, coded('t', [body, talkOf('talk')], [body, talkOf('talk', { type: 'statement' })]), 'met')).toEqual([
      ['talk', 'type', ['meeting', 'statement'], true],
    ]);
  });

  it('a link: b’s record given a’s `of:` link is met', () => {
    expect(differencesOf(facts, coded('l', [body, talkOf('talk')], [body, { id: 'talk', type: 'meeting' }]), 'met')).toEqual([
      ['talk', 'links.of', [['body'], undefined], true],
    ]);
  });

  it('a field one record lacks: b’s record given a’s level earns a’s level', () => {
    // Main matrix, channel: a created (experts' mechanism), b open (no level).
    expect(differencesOf(compiled, coded('f', [mech('expert')], [mech()]), 'channel')).toEqual([['mech', 'fields.level', ['expert', undefined], true]]);
  });

  it('the actors of a per-party cell: each party’s unit is decided by the actors, read in that party’s cell', () => {
    const said = (actors: string[]): EventSpec => ({ id: 'said', type: 'statement', actors });
    const pair = coded('a', [said(['CN'])], [said(['US'])]);
    expect(differencesOf(facts, pair, 'spoke', 'US')).toEqual([['said', 'actors', [['CN'], ['US']], true]]);
    expect(differencesOf(facts, pair, 'spoke', 'CN')).toEqual([['said', 'actors', [['CN'], ['US']], true]]);
  });

  it('an event only one record has: only the one whose removal (or addition) changes the level decides, and comes first', () => {
    // b has two meetings of `body` and `body` itself; a has nothing (met none). Without either
    // meeting b is still met; a given one meeting has no `body` for it to be of; b without `body` is
    // none, a's level.
    const differences = differencesOf(facts, coded('e', [], [talkOf('one'), talkOf('two'), body]), 'met');
    expect(differences[0]).toEqual(['body', 'event', [undefined, 'body'], true]);
    expect(differences.slice(1).every((d) => d[1] === 'event' && d[3] === false)).toBe(true);
  });

  it('an event only one record has decides when the other record given it earns that level', () => {
    // a: body and two meetings of it (met); b: body, and `two` a statement (none). b given `one`
    // is met; a without `one` is still met by `two`. b given a's type of `two` is met too.
    const differences = differencesOf(facts, coded('g', [body, talkOf('one'), talkOf('two')], [body, talkOf('two', { type: 'statement' })]), 'met');
    expect(differences).toEqual([
      ['one', 'event', ['one', undefined], true],
      ['two', 'type', ['meeting', 'statement'], true],
    ]);
  });

  it('changing one kind of link keeps the others', () => {
    // a's meeting is of body and fulfils it, b's is a statement of body. a given b's (no) fulfils
    // link still has its of link, so is still met: fulfils decides nothing.
    const differences = differencesOf(
      facts,
      coded('k', [body, talkOf('talk', { links: { of: ['body'], fulfils: ['body'] } })], [body, talkOf('talk', { type: 'statement' })]),
      'met',
    );
    expect(differences).toEqual([
      ['talk', 'type', ['meeting', 'statement'], true],
      ['talk', 'links.fulfils', [['body'], undefined], false],
    ]);
  });

  it('no difference for the same data in another key order', () => {
    const withData = (data: FieldValue): EventSpec => ({ ...mech('expert'), fields: { level: 'expert', data } });
    const same = coded('s', [withData({ x: 1, y: [1, 2] }), meeting], [withData({ y: [1, 2], x: 1 })]);
    // channel agrees (created); talks differs, and only the meeting is behind it.
    expect(differencesOf(compiled, same, 'talks')).toEqual([['talk', 'event', ['talk', undefined], true]]);
  });
});

describe('codings that are not known', () => {
  it('a criterion whose applicability is open is not a known coding, and differs from an n/a one', () => {
    const gated = measureAgreement(facts, [coded('g', [mech(), meeting], [mech('expert'), meeting])], { bootstrap: BOOT });
    const unit = gated.units.find((u) => u.id === 'gated')!;
    expect(unit.codings.map((c) => [c.applicable, c.known, c.level])).toEqual([
      ['unknown', false, null],
      [false, true, null],
    ]);
    expect(unit.agree).toBe(false);
    // b's record given a's (absent) level stays n/a; a's given b's level is n/a: b's coding.
    expect(differencesOf(facts, coded('g', [mech(), meeting], [mech('expert'), meeting]), 'gated')).toEqual([
      ['mech', 'fields.level', [undefined, 'expert'], true],
    ]);
  });
});

describe('canonical', () => {
  it('writes a value the same whatever its key order, and nothing for no value', () => {
    expect(canonical(undefined)).toBe('');
    expect(canonical(null)).toBe('null');
    expect(canonical('x')).toBe('"x"');
    expect(canonical([1, 'a'])).toBe('[1,"a"]');
    expect(canonical({ b: 1, a: [true, { d: null, c: 2 }] })).toBe('{"a":[true,{"c":2,"d":null}],"b":1}');
  });
});

describe('when two codings agree', () => {
  it('an open applicability and an open level, both without a level, still differ', () => {
    // a: a mechanism of no stated level, so whether `both` applies is open. b: a leaders'
    // mechanism (it applies) and a meeting of no stated level (political or none: open).
    const both = measureAgreement(facts, [coded('o', [mech()], [mech('leaders'), { ...meeting, fields: {} }])], { bootstrap: BOOT });
    const unit = both.units.find((u) => u.id === 'both')!;
    expect(unit.codings.map((c) => [c.coded, c.applicable, c.known, c.level])).toEqual([
      [true, 'unknown', false, null],
      [true, true, false, null],
    ]);
    expect(unit.agree).toBe(false);
    // Neither coding is known, so no record given the other's fact earns it: nothing decides. No
    // event earned a level or explains a missed one, so every difference is kept.
    expect(unit.differences.map((d) => [d.event, d.fact, d.decisive])).toEqual([
      ['mech', 'fields.level', false],
      ['talk', 'event', false],
    ]);
  });

  it('a subject only one coder has differs from no coding, even when that coding is open', () => {
    // One row per commitment, applying where a leaders' mechanism is. a has commitment c1 and a
    // mechanism of no stated level (applicability open); b's record has no c1 at all.
    const each = compileMatrix(
      matrixFrom(`
id: e
title: E
version: "1"
source: {author: test}
fields:
  level: {type: string, values: {leaders: Heads of state}, absent: unknown}
verdicts: [{label: any, min: 0}]
criteria:
  - id: each
    title: Each
    weight: 1
    forEach: {type: commitment}
    appliesWhen: {some: {all: [{type: mechanism}, {field: level, in: [leaders]}]}}
    levels:
      - {label: kept, score: 1, when: {some: {type: meeting}}}
      - {label: none, score: 0}
`),
    );
    const unit = measureAgreement(each, [coded('s', [mech(), { id: 'c1', type: 'commitment' }], [mech()])], { bootstrap: BOOT }).units[0]!;
    expect(unit.id).toBe('each/c1');
    expect(unit.codings.map((c) => [c.coded, c.applicable, c.known, c.level])).toEqual([
      [true, 'unknown', false, null],
      [false, false, false, null],
    ]);
    expect(unit.agree).toBe(false);
  });
});

describe('the facts kept behind a disagreement', () => {
  it('keeps a fact of the event that explains why a level was missed, though it decides nothing', () => {
    // a's meeting t1 is of nothing: met fails at t1. b has t2 of body (met), and t1 a day earlier.
    // b without t2 is none (decisive); t1's date decides nothing but t1 is why a missed met.
    const explained = coded('x', [body, { id: 't1', type: 'meeting' }], [body, talkOf('t2'), { id: 't1', type: 'meeting', date: '2015-09-20' }]);
    expect(differencesOf(facts, explained, 'met')).toEqual([
      ['t2', 'event', [undefined, 't2'], true],
      ['t1', 'date', ['2015-09-25', '2015-09-20'], false],
    ]);
  });

  it('names where each coder’s record states the event, when it is read from a file', () => {
    const yaml = (events: string) => `id: case
title: A case
date: 2015-09-25
parties: [US, CN]
events:
${events}`;
    const line = (id: string, level: string) =>
      `  - {id: ${id}, date: 2015-09-25, type: mechanism, title: M, fields: {level: ${level}}, sources: [{title: s}]}\n`;
    const fromFiles: CodedCase = {
      id: 'case',
      codings: [
        { coder: 'a', record: recordFrom(yaml(line('mech', 'expert') + line('more', 'expert'))) },
        { coder: 'b', record: recordFrom(yaml(line('mech', 'leaders'))) },
      ],
    };
    const unit = measureAgreement(compiled, [fromFiles], { bootstrap: BOOT }).units.find((u) => u.id === 'channel')!;
    // Each event is the flow mapping at column 5 of its line: mech on line 6, more on line 7 of a's
    // file. `more` is kept though it decides nothing: it is one of the mechanisms that earn a's created.
    const at = (line: number) => ({ file: 'record.yaml', line, col: 5 });
    expect(unit.differences).toEqual([
      {
        event: 'mech',
        fact: 'fields.level',
        values: [
          { coder: 'a', value: 'expert', location: at(6) },
          { coder: 'b', value: 'leaders', location: at(6) },
        ],
        decisive: true,
      },
      {
        event: 'more',
        fact: 'event',
        values: [
          { coder: 'a', value: 'more', location: at(7) },
          { coder: 'b', value: undefined },
        ],
        decisive: false,
      },
    ]);
  });
});

/**
 * Two coders' records of one G20 commitment under the bundled compliance matrix, alike but for
 * the score each gives CN's cell (US scores 1 in both).
 */
function assessedPair(scoreA: string, scoreB: string): { g20: ReturnType<typeof compileMatrix>; pair: CodedCase } {
  const g20 = compileMatrix(matrixFrom(readFileSync(new URL('../../../matrices/g20-compliance.yaml', import.meta.url), 'utf8')));
  const text = (score: string) => `id: g
title: G
date: 2015-11-16
parties: [US, CN]
events:
  - {id: c1, date: 2015-11-16, type: commitment, title: Aid, sources: [{title: communique}]}
  - {id: us-c1, date: 2016-09-03, type: assessment, assessment: {member: US, commitment: c1, score: 1}, sources: [{title: final}]}
  - {id: cn-c1, date: 2016-09-03, type: assessment, assessment: {member: CN, commitment: c1, score: ${score}}, sources: [{title: final}]}
`;
  return {
    g20,
    pair: {
      id: 'g',
      codings: [
        { coder: 'a', record: recordFrom(text(scoreA)) },
        { coder: 'b', record: recordFrom(text(scoreB)) },
      ],
    },
  };
}

describe('a party cell nobody assessed', () => {
  it('is coded and applicable, marked not assessed, and not a known coding', () => {
    const { g20, pair } = assessedPair('not-assessed', '0');
    const cn = measureAgreement(g20, [pair], { bootstrap: BOOT }).units.find((u) => u.party === 'CN')!;
    expect(cn.codings.map((c) => [c.coded, c.applicable, c.notAssessed, c.known, c.level?.score ?? null])).toEqual([
      [true, true, true, false, null],
      [true, true, false, true, 0],
    ]);
    expect(cn.agree).toBe(false);
  });
});

describe('two coders whose records differ only in an assessment', () => {
  it('disagree on that cell, and the assessment is the fact that decides it', () => {
    const { g20, pair } = assessedPair('-1', '1');
    const units = measureAgreement(g20, [pair], { bootstrap: BOOT }).units;
    const cn = units.find((u) => u.party === 'CN')!;
    expect(cn.codings.map((c) => c.level?.score)).toEqual([-1, 1]);
    expect(cn.agree).toBe(false);
    // Nothing else differs; the US cell, stated alike, agrees.
    expect(cn.differences.map((d) => [d.event, d.fact, d.decisive, d.values.map((v) => (v.value as { score: number }).score)])).toEqual([
      ['cn-c1', 'assessment', true, [-1, 1]],
    ]);
    expect(units.find((u) => u.party === 'US')!.agree).toBe(true);
  });
});
