import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/engine/dates.js';
import { compileMatrix } from '../../src/engine/evaluate.js';
import { evaluateTimeline, parseDuration, stepDates, windowDates, type TimelinePoint } from '../../src/engine/timeline.js';
import type { CaseRecord, Condition, Matrix, SummitEvent } from '../../src/engine/types.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';

// The edges of the timeline the neighbouring tests leave out: degenerate durations and steps,
// each kind of condition an as-of window can hide in, cells that come and go (forEach subjects),
// cells with no level or an open range, and verdicts that are intervals or withheld. Every
// expected value is worked out by hand from the documented contract.

const day = (text: string) => dayNumber(text)!;

describe('parseDuration and stepDates at their degenerate edges', () => {
  it('refuses a bare P and the empty text alike', () => {
    // Neither names any unit: no duration, whichever way it is read.
    expect(parseDuration('P')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
  });

  it('gives up at the limit when a step never advances, rather than stepping forever', () => {
    // A zero step would list the first date again and again: more than any limit of dates.
    expect(stepDates('2020-01-01', '2020-01-02', { months: 0, days: 0 }, 5)).toBeUndefined();
  });

  it('ends on the last date exactly when the steps land on it, the limit counting it once', () => {
    // 1, 5, 9 January: the third step lands on the last date, which is not added a second time.
    expect(stepDates('2020-01-01', '2020-01-09', { months: 0, days: 4 }, 3)).toEqual(['2020-01-01', '2020-01-05', '2020-01-09']);
    expect(stepDates('2020-01-01', '2020-01-09', { months: 0, days: 4 }, 2)).toBeUndefined();
  });
});

describe('windowDates finds an as-of window inside every kind of condition', () => {
  // One event on 10 January 2020; a window of 7 days lets it go on 17 January. Each case puts the
  // window in one kind of condition alone, so no other condition can supply the same width.
  const r: CaseRecord = {
    id: 'r',
    title: 'R',
    date: '2020-01-01',
    day: day('2020-01-01'),
    parties: [],
    events: [{ id: 'e', date: '2020-01-10', day: day('2020-01-10'), type: 't', actors: [], fields: {}, links: {}, sources: [] } satisfies SummitEvent],
  };
  const window: Condition = { op: 'after', path: 'w', anchor: { kind: 'asOf', daysBefore: 7 } };
  const inLevel = (when: Condition) =>
    ({ criteria: [{ id: 'c', title: 'C', weight: 1, gates: [], levels: [{ label: 'L', score: 1, when }] }] }) as unknown as Matrix;
  const cases: [string, Condition][] = [
    ['any', { op: 'any', path: 'a', conditions: [window] }],
    ['atLeast', { op: 'atLeast', path: 'a', count: 1, conditions: [window] }],
    ['not', { op: 'not', path: 'a', condition: window }],
    ['none', { op: 'none', path: 'a', where: window }],
    ['link', { op: 'link', path: 'a', kind: 'of', to: window }],
    ['within', { op: 'within', path: 'w', days: 5, anchor: { kind: 'asOf', daysBefore: 7 } }],
  ];
  for (const [op, when] of cases)
    it(`inside ${op}`, () => {
      expect(windowDates(inLevel(when), r)).toEqual(['2020-01-17']);
    });
});

const HEAD = `
id: m
title: M
version: "1"
source: {author: test}
fields:
  level:
    type: string
    values: {leaders: Heads of state, expert: Experts}
`;
const ANY_VERDICT = `
verdicts:
  - {label: any, min: 0}
`;
/** A level that holds for an event of the type whose level is leaders (unknown when the level is unstated). */
const led = (type: string) => `{some: {all: [{type: ${type}}, {field: level, in: [leaders]}]}}`;

function timeline(matrixText: string, events: EventSpec[], dates: string[]): TimelinePoint[] {
  return evaluateTimeline(compileMatrix(matrixFrom(matrixText)), makeRecord(events, '2020-01-01'), dates);
}

describe('evaluateTimeline: cells with no level, and cells whose level or applicability is open', () => {
  it('ranks a cell at no level (and no default) below every level, with no range', () => {
    const points = timeline(
      `${HEAD}${ANY_VERDICT}criteria:
  - id: bare
    title: Bare
    weight: 1
    levels:
      - {label: top, score: 2, when: {some: {type: meeting}}}
      - {label: mid, score: 1, when: {some: {type: plan}}}
`,
      [{ id: 'p', type: 'plan', date: '2020-01-10' }],
      ['2020-01-01', '2020-01-15'],
    );
    // No level at all, then the lowest: that is a move up the matrix's order.
    const [change] = points[1]!.changes;
    expect(points[1]!.changes).toHaveLength(1);
    expect(change).toMatchObject({ criterion: 'bare', direction: 'up', cause: 'events', events: ['p'], to: { applicable: true, level: 'mid' } });
    expect(change!.from).toMatchObject({ applicable: true, level: null });
    // Determined (nothing may hold): not a range, and nothing open about whether it applies.
    expect(change!.from).not.toHaveProperty('range');
    expect(change!.from).not.toHaveProperty('mayNotApply');
  });

  it('gives a cell that may apply, at no level if it does, the empty range and mayNotApply', () => {
    const points = timeline(
      `${HEAD}${ANY_VERDICT}criteria:
  - id: vague
    title: Vague
    weight: 1
    appliesWhen: ${led('org')}
    levels:
      - {label: top, score: 2, when: {some: {type: meeting}}}
      - {label: mid, score: 1, when: {some: {type: plan}}}
`,
      // The organisation's level is not stated: whether the criterion applies is open.
      [{ id: 'org', type: 'org', date: '2020-01-10' }],
      ['2020-01-01', '2020-01-15'],
    );
    expect(points[1]!.changes).toHaveLength(1);
    expect(points[1]!.changes[0]).toMatchObject({
      criterion: 'vague',
      from: { applicable: false },
      to: { applicable: true, level: null, range: { low: null, high: null }, mayNotApply: true },
      direction: 'other',
      // The event whose unstated fact opened the cell moved it.
      cause: 'events',
      events: ['org'],
    });
  });

  /** Applies if the org is led by leaders (unknown while its level is unstated); no meeting, so at `low` if it does. */
  const SETTLED = `${HEAD}${ANY_VERDICT}criteria:
  - id: settled
    title: Settled
    weight: 1
    appliesWhen: ${led('org')}
    levels:
      - {label: high, score: 1, when: {some: {type: meeting}}}
      - {label: low, score: 0}
`;

  it('keeps the level of a cell whose level is settled though whether it applies is not', () => {
    const points = timeline(SETTLED, [{ id: 'org', type: 'org', date: '2020-01-10' }], ['2020-01-01', '2020-01-15']);
    // No meeting: if it applies, it is at `low`, and nothing can make it higher; its level is not
    // open, but whether it applies is (the org's level is not stated): it may not apply.
    expect(points[1]!.changes).toHaveLength(1);
    expect(points[1]!.changes[0]).toMatchObject({
      criterion: 'settled',
      from: { applicable: false },
      to: { applicable: true, level: 'low', mayNotApply: true },
    });
    expect(points[1]!.changes[0]!.to).not.toHaveProperty('range');
  });

  it('reports a cell with a settled level that comes surely to apply', () => {
    const points = timeline(
      SETTLED,
      [
        { id: 'org', type: 'org', date: '2020-01-10' },
        // The leaders' org arrives: now it surely applies, at `low` still.
        { id: 'org2', type: 'org', date: '2020-01-20', fields: { level: 'leaders' } },
      ],
      ['2020-01-15', '2020-01-25'],
    );
    expect(points[1]!.changes).toHaveLength(1);
    expect(points[1]!.changes[0]).toMatchObject({ criterion: 'settled', from: { level: 'low', mayNotApply: true }, to: { applicable: true, level: 'low' } });
    expect(points[1]!.changes[0]!.to).not.toHaveProperty('mayNotApply');
  });

  const LADDER = (id: string, a: string, b: string) => `  - id: ${id}
    title: ${id}
    weight: 1
    levels:
      - {label: a, score: 2, when: ${led(a)}}
      - {label: b, score: 1, when: ${led(b)}}
      - {label: c, score: 0}
`;

  it('reports a range whose low end rises while its high end stays', () => {
    const points = timeline(
      `${HEAD}${ANY_VERDICT}criteria:\n${LADDER('lowrise', 'xa', 'xb')}`,
      [
        { id: 'xa', type: 'xa', date: '2020-01-10' },
        { id: 'xb', type: 'xb', date: '2020-02-10', fields: { level: 'leaders' } },
      ],
      ['2020-01-01', '2020-01-15', '2020-02-15'],
    );
    const c = { applicable: true, level: 'c', rank: 2 };
    const open = (low: string, rank: number) => ({ applicable: true, level: null, rank, range: { low, high: 'a' } });
    const change = (from: unknown, to: unknown, direction: string, events: string[]) => ({
      result: 'lowrise',
      criterion: 'lowrise',
      party: null,
      from,
      to,
      direction,
      cause: 'events',
      events,
    });
    // 15 January: C surely, A perhaps (xa's level unstated): the level that surely holds is still
    // C, so neither up nor down. 15 February: xb (leaders) makes B sure, A still perhaps: up.
    expect(points.map((p) => p.changes)).toEqual([[], [change(c, open('c', 2), 'other', ['xa'])], [change(open('c', 2), open('b', 1), 'up', ['xb'])]]);
  });

  it('reports a range whose high end rises while its low end stays, as neither up nor down', () => {
    const points = timeline(
      `${HEAD}${ANY_VERDICT}criteria:\n${LADDER('highrise', 'ya', 'yb')}`,
      [
        { id: 'yb', type: 'yb', date: '2020-01-10' },
        { id: 'ya', type: 'ya', date: '2020-02-10' },
      ],
      ['2020-01-01', '2020-01-15', '2020-02-15'],
    );
    // C surely throughout; B perhaps from 15 January, A perhaps from 15 February (levels unstated).
    expect(points[2]!.changes).toEqual([
      {
        result: 'highrise',
        criterion: 'highrise',
        party: null,
        from: { applicable: true, level: null, rank: 2, range: { low: 'c', high: 'b' } },
        to: { applicable: true, level: null, rank: 2, range: { low: 'c', high: 'a' } },
        direction: 'other',
        cause: 'events',
        events: ['ya'],
      },
    ]);
  });

  it('reports a cell that comes surely to apply, its range unchanged', () => {
    const points = timeline(
      `${HEAD}${ANY_VERDICT}criteria:
  - id: maybe
    title: Maybe
    weight: 1
    appliesWhen: ${led('mech')}
    levels:
      - {label: a, score: 1, when: ${led('za')}}
      - {label: c, score: 0}
`,
      [
        { id: 'mech1', type: 'mech', date: '2020-01-10' },
        { id: 'za', type: 'za', date: '2020-01-10' },
        { id: 'mech2', type: 'mech', date: '2020-02-10', fields: { level: 'leaders' } },
      ],
      ['2020-01-01', '2020-01-15', '2020-02-15'],
    );
    const range = { low: 'c', high: 'a' };
    // 15 January: may apply (mech1's level unstated), between C and A (za's). 15 February: mech2
    // (leaders) settles that it applies; the range stays. mech2 is neither evidence nor an open
    // fact of the cell, so the move is unattributed, as for a criterion that comes to apply.
    expect(points.map((p) => p.changes.map((c) => [c.from, c.to, c.direction, c.cause]))).toEqual([
      [],
      [[{ applicable: false }, { applicable: true, level: null, rank: 1, range, mayNotApply: true }, 'other', 'events']],
      [[{ applicable: true, level: null, rank: 1, range, mayNotApply: true }, { applicable: true, level: null, rank: 1, range }, 'other', 'unattributed']],
    ]);
  });
});

describe('evaluateTimeline: results that appear and disappear (forEach subjects)', () => {
  it('reports a subject that arrives from nothing and one that leaves to nothing', () => {
    const points = timeline(
      `${HEAD}${ANY_VERDICT}criteria:
  - id: follow
    title: Follow
    weight: 1
    forEach: {all: [{type: pledge}, {after: {daysBefore: 30, of: asOf}}]}
    levels:
      - {label: kept, score: 1, when: {some: {type: delivery}}}
      - {label: none, score: 0}
`,
      [{ id: 'p1', type: 'pledge', date: '2020-01-10' }],
      ['2020-01-01', '2020-01-15', '2020-02-15'],
    );
    const none = { applicable: true, level: 'none', rank: 1 };
    // 1 January: no pledge yet. 15 January: p1 is within 30 days before: its result appears.
    // 15 February: 30 days before is 16 January, p1 (10 January) is no longer a subject, and no
    // event arrived: time passed.
    expect(points[0]!.changes).toEqual([]);
    expect(points[1]!.changes).toHaveLength(1);
    expect(points[1]!.changes[0]).toMatchObject({ result: 'follow/p1', criterion: 'follow', party: null, from: null, to: none, direction: 'other' });
    expect(points[2]!.changes).toEqual([
      { result: 'follow/p1', criterion: 'follow', party: null, from: none, to: null, direction: 'other', cause: 'time', events: [] },
    ]);
  });
});

describe('evaluateTimeline: events that move a criterion by linking to its evidence', () => {
  // The pledge comes due once it is 30 days old: by 15 February (30 days before is 16 January)
  // the pledge of 5 January is, on 15 January it was not. The level moves with time, and its
  // evidence (the pledge) arrived long before; the only event that arrived is the meeting.
  const LINKED = `${HEAD}${ANY_VERDICT}criteria:
  - id: due
    title: Due
    weight: 1
    levels:
      - {label: due, score: 1, when: {some: {all: [{type: pledge}, {before: {daysBefore: 30, of: asOf}}]}}}
      - {label: pending, score: 0}
`;
  const run = (targets: string[]) =>
    timeline(
      LINKED,
      [
        { id: 's1', type: 'statement', date: '2020-01-05' },
        { id: 'p1', type: 'pledge', date: '2020-01-05' },
        { id: 'm1', type: 'meeting', date: '2020-02-10', links: { fulfils: targets } },
      ],
      ['2020-01-15', '2020-02-15'],
    )[1]!.changes;
  const move = { criterion: 'due', from: { level: 'pending' }, to: { level: 'due' }, direction: 'up' };

  it('names an arrived meeting that fulfils the pledge the new level cites', () => {
    expect(run(['p1'])).toMatchObject([{ ...move, cause: 'events', events: ['m1'] }]);
  });

  it('names it too when it also fulfils something the level does not cite', () => {
    // One of its links reaching the cited pledge is enough.
    expect(run(['s1', 'p1'])).toMatchObject([{ ...move, cause: 'events', events: ['m1'] }]);
  });

  it('names no event when the arrived meeting links only to what the level does not cite', () => {
    expect(run(['s1'])).toMatchObject([{ ...move, cause: 'unattributed', events: [] }]);
  });
});

describe('evaluateTimeline: arrivals and verdicts that are intervals or withheld', () => {
  const THREE = `${HEAD}
verdicts:
  - {label: strong, min: 70}
  - {label: fair, min: 40}
  - {label: weak, min: 0}
criteria:
${[1, 2, 3]
  .map(
    (n) => `  - id: c${n}
    title: C${n}
    weight: 1
    levels:
      - {label: yes, score: 1, when: ${led(`t${n}`)}}
      - {label: no, score: 0}
`,
  )
  .join('')}`;

  it('counts an event on a point date as arriving there only, and reports a change in the bands an interval allows', () => {
    const points = timeline(
      THREE,
      [
        { id: 'e1', type: 't1', date: '2020-01-10', fields: { level: 'leaders' } },
        { id: 'e2', type: 't2', date: '2020-01-10' },
        { id: 'e3', type: 't3', date: '2020-03-10' },
      ],
      ['2020-01-01', '2020-01-10', '2020-02-10', '2020-03-15'],
    );
    // Three criteria of weight 1, each 0 or 1. 1 January: 0 -> weak. 10 January: c1 = 1, c2 open
    // (e2's level unstated): 33.33 to 66.67 -> fair or weak. 10 February: nothing new (the
    // events of 10 January arrived at that point), the same two bands: no verdict change.
    // 15 March: c3 open too: 33.33 to 100 -> strong, fair or weak; no single verdict before or
    // after, but the bands moved.
    expect(points.map((p) => [p.date, p.arrived.map((e) => e.id), p.result.verdicts])).toEqual([
      ['2020-01-01', [], ['weak']],
      ['2020-01-10', ['e1', 'e2'], ['fair', 'weak']],
      ['2020-02-10', [], ['fair', 'weak']],
      ['2020-03-15', ['e3'], ['strong', 'fair', 'weak']],
    ]);
    expect(points.map((p) => p.verdictChange)).toEqual([
      null,
      { from: 'weak', to: null, fromVerdicts: ['weak'], toVerdicts: ['fair', 'weak'] },
      null,
      { from: null, to: null, fromVerdicts: ['fair', 'weak'], toVerdicts: ['strong', 'fair', 'weak'] },
    ]);
    // Nothing arrived on 10 February and nothing moved.
    expect(points[2]!.changes).toEqual([]);
  });

  it('reports a verdict withheld where there was none to give', () => {
    const points = timeline(
      `${HEAD}
missingData: {maxUnknownShare: 0.5}
verdicts:
  - {label: good, min: 50}
  - {label: poor, min: 0}
criteria:
  - id: c
    title: C
    weight: 1
    appliesWhen: {some: {type: pledge}}
    levels:
      - {label: yes, score: 1, when: ${led('x')}}
      - {label: no, score: 0}
`,
      [
        { id: 'p', type: 'pledge', date: '2020-01-10' },
        { id: 'x1', type: 'x', date: '2020-01-10' },
      ],
      ['2020-01-01', '2020-01-15'],
    );
    // 1 January: no criterion applies, so no verdict, and none withheld. 15 January: the one
    // criterion applies, its level open: all the weight is unknown (1 > 0.5), the verdict withheld.
    expect(points.map((p) => [p.result.verdict, p.result.verdicts, p.result.undetermined])).toEqual([
      [null, [], false],
      [null, [], true],
    ]);
    expect(points[1]!.verdictChange).toEqual({ from: null, to: null, fromVerdicts: [], toVerdicts: [] });
  });
});
