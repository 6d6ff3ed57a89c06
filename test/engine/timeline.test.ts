import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/engine/dates.js';
import { compileMatrix } from '../../src/engine/evaluate.js';
import { addDuration, evaluateTimeline, eventDates, parseDuration, stepDates, windowDates } from '../../src/engine/timeline.js';
import type { CaseRecord, Condition, Criterion, Matrix, SummitEvent } from '../../src/engine/types.js';
import { makeRecord, matrixFrom } from '../helpers/build.js';

// The pure parts of the timeline: durations, the dates stepped through, and the dates an as-of
// window moves past. Every date worked out on a calendar by hand.
const day = (text: string) => dayNumber(text)!;

describe('parseDuration', () => {
  it('reads ISO 8601 years, months, weeks and days as months and days', () => {
    expect(parseDuration('P1Y')).toEqual({ months: 12, days: 0 });
    expect(parseDuration('P1M')).toEqual({ months: 1, days: 0 });
    expect(parseDuration('P2W')).toEqual({ months: 0, days: 14 });
    expect(parseDuration('P10D')).toEqual({ months: 0, days: 10 });
    expect(parseDuration('P1Y2M3W4D')).toEqual({ months: 14, days: 25 });
    expect(parseDuration('P9999Y99999M99999W999999D')).toEqual({ months: 9999 * 12 + 99999, days: 7 * 99999 + 999999 });
  });

  it('refuses an empty, zero or malformed duration', () => {
    for (const text of ['P', 'P0D', 'P0Y0M0W0D', 'PT1H', 'P12345Y', 'P123456M', 'P1234567D', 'p1d', ' P1D', 'P1D ', 'P1D1M', '1D', 'P-1D', 'P1.5D', ''])
      expect(parseDuration(text), text).toBeUndefined();
  });
});

describe('addDuration', () => {
  it('adds months on the calendar, keeping the day or taking the month end, then days', () => {
    expect(addDuration(day('2020-01-31'), { months: 1, days: 0 }, 1)).toBe(day('2020-02-29'));
    expect(addDuration(day('2020-01-31'), { months: 1, days: 0 }, 2)).toBe(day('2020-03-31'));
    expect(addDuration(day('2019-01-31'), { months: 1, days: 0 }, 1)).toBe(day('2019-02-28'));
    expect(addDuration(day('2020-11-15'), { months: 3, days: 0 }, 1)).toBe(day('2021-02-15'));
    expect(addDuration(day('2020-12-15'), { months: 12, days: 0 }, 3)).toBe(day('2023-12-15'));
    expect(addDuration(day('2020-02-28'), { months: 0, days: 1 }, 2)).toBe(day('2020-03-01'));
    expect(addDuration(day('2020-01-31'), { months: 1, days: 1 }, 1)).toBe(day('2020-03-01'));
    expect(addDuration(day('2020-05-05'), { months: 1, days: 1 }, 0)).toBe(day('2020-05-05'));
    // Backwards too: a month before 15 January is 15 December of the year before.
    expect(addDuration(day('2020-01-15'), { months: 1, days: 0 }, -1)).toBe(day('2019-12-15'));
    expect(addDuration(day('2020-03-31'), { months: 1, days: 0 }, -1)).toBe(day('2020-02-29'));
    expect(addDuration(day('2020-01-15'), { months: 13, days: 0 }, -1)).toBe(day('2018-12-15'));
  });
});

describe('stepDates', () => {
  it('steps from the first date while not past the last, and ends on the last', () => {
    const month = { months: 1, days: 0 };
    expect(stepDates('2020-01-01', '2020-03-15', month, 10)).toEqual(['2020-01-01', '2020-02-01', '2020-03-01', '2020-03-15']);
    expect(stepDates('2020-01-01', '2020-03-01', month, 10)).toEqual(['2020-01-01', '2020-02-01', '2020-03-01']);
    expect(stepDates('2020-01-31', '2020-04-30', month, 10)).toEqual(['2020-01-31', '2020-02-29', '2020-03-31', '2020-04-30']);
    expect(stepDates('2020-01-01', '2020-01-01', month, 1)).toEqual(['2020-01-01']);
    expect(stepDates('2020-01-01', '2020-01-10', { months: 0, days: 4 }, 10)).toEqual(['2020-01-01', '2020-01-05', '2020-01-09', '2020-01-10']);
  });

  it('gives up past the limit of dates', () => {
    const month = { months: 1, days: 0 };
    expect(stepDates('2020-01-01', '2020-03-15', month, 4)).toHaveLength(4);
    expect(stepDates('2020-01-01', '2020-03-15', month, 3)).toBeUndefined();
    expect(stepDates('2020-01-01', '2020-03-01', month, 3)).toHaveLength(3);
    expect(stepDates('2020-01-01', '2020-03-01', month, 2)).toBeUndefined();
  });
});

const event = (id: string, date: string): SummitEvent => ({ id, date, day: day(date), type: 't', actors: [], fields: {}, links: {}, sources: [] });
const record = (date: string, events: SummitEvent[]): CaseRecord => ({ id: 'r', title: 'R', date, day: day(date), parties: [], events });

describe('eventDates and windowDates', () => {
  it('eventDates: the summit day and each event day, once each, in order', () => {
    const r = record('2020-03-01', [event('b', '2020-05-01'), event('a', '2020-02-01'), event('c', '2020-05-01'), event('d', '2020-03-01')]);
    expect(eventDates(r)).toEqual(['2020-02-01', '2020-03-01', '2020-05-01']);
  });

  it('windowDates: each event day moved by each as-of window, wherever the window stands', () => {
    const r = record('2020-01-01', [event('a', '2020-01-10'), event('b', '2020-01-05')]);
    const asOf = (daysBefore: number | undefined, op: 'before' | 'after' | 'within' = 'after'): Condition =>
      op === 'within'
        ? { op, path: 'w', days: 5, anchor: { kind: 'asOf', ...(daysBefore === undefined ? {} : { daysBefore }) } }
        : { op, path: 'w', anchor: { kind: 'asOf', ...(daysBefore === undefined ? {} : { daysBefore }) } };
    const nest = (inner: Condition): Condition => ({
      op: 'all',
      path: 'a',
      conditions: [{ op: 'any', path: 'b', conditions: [{ op: 'not', path: 'c', condition: { op: 'some', path: 'd', where: inner } }] }],
    });
    const level = (when: Condition) => ({ label: 'L', score: 1, when });
    const criterion = (fields: Partial<Criterion>): Criterion => ({ id: 'c', title: 'C', weight: 1, levels: [], gates: [], ...fields });
    const matrix = {
      criteria: [
        criterion({ appliesWhen: asOf(10), levels: [level(nest(asOf(undefined))), level({ op: 'atLeast', path: 'x', count: 1, conditions: [asOf(0)] })] }),
        criterion({ forEach: { op: 'count', path: 'n', comparison: 'gt', value: 0, where: asOf(30, 'before') } }),
        criterion({ levels: [level({ op: 'link', path: 'l', kind: 'of', to: asOf(10, 'within') })] }),
        criterion({ levels: [level({ op: 'linkedBy', path: 'l', kind: 'of', min: 1, where: asOf(365) })] }),
        criterion({ levels: [level({ op: 'none', path: 'n', where: { op: 'after', path: 'x', anchor: { kind: 'summit', daysBefore: 99 } } })] }),
        criterion({ levels: [level({ op: 'link', path: 'l', kind: 'of' })] }),
      ],
    } as unknown as Matrix;
    // Widths 10, 30 and 365 (0 and none are no window; a summit anchor is none either):
    // 2020-01-05 and 2020-01-10 plus 10 (15th, 20th), plus 30 (2020-02-04, 02-09), plus 365
    // (2020 is a leap year: 2021-01-04, 2021-01-09).
    expect(windowDates(matrix, r)).toEqual(['2020-01-15', '2020-01-20', '2020-02-04', '2020-02-09', '2021-01-04', '2021-01-09']);
    expect(windowDates({ criteria: [] } as unknown as Matrix, r)).toEqual([]);
  });
});

const TIMELINE_MATRIX = `
id: m
title: M
version: "1"
source: {author: test}
fields:
  level:
    type: string
    values: {leaders: Heads of state, expert: Experts}
verdicts:
  - {label: strong, min: 70}
  - {label: fair, min: 40}
  - {label: weak, min: 0}
criteria:
  - id: talks
    title: Talks
    weight: 1
    levels:
      - {label: met, score: 2, when: {some: {type: meeting}}}
      - {label: planned, score: 1, when: {some: {type: plan}}}
      - {label: none, score: 0}
  - id: channel
    title: Channel
    weight: 1
    levels:
      - label: political
        score: 2
        when: {some: {all: [{type: mechanism}, {field: level, in: [leaders]}]}}
      - {label: created, score: 1, when: {some: {type: mechanism}}}
      - {label: none, score: 0}
  - id: recent
    title: Recent
    weight: 1
    levels:
      - label: fresh
        score: 1
        when: {some: {all: [{type: meeting}, {after: {daysBefore: 60, of: asOf}}]}}
      - {label: none, score: 0}
`;

describe('evaluateTimeline', () => {
  it('scores each date, names the events that arrived, and each cell and verdict that moved, with its cause', () => {
    const compiled = compileMatrix(matrixFrom(TIMELINE_MATRIX));
    const r = makeRecord(
      [
        { id: 'plan', type: 'plan', date: '2020-01-10' },
        { id: 'meet', type: 'meeting', date: '2020-02-10' },
        { id: 'mech', type: 'mechanism', date: '2020-03-10' },
      ],
      '2020-01-01',
    );
    const points = evaluateTimeline(compiled, r, ['2020-01-01', '2020-01-15', '2020-02-15', '2020-03-15', '2020-04-15']);
    // Totals by hand (each criterion's points over its best, averaged): 0; talks 1/2 -> 16.67;
    // talks 2/2 and recent (the meeting is after 60 days before 15 February) -> 66.67; the
    // channel open between created and political (level unstated) -> 83.33 to 100; on 15 April
    // the meeting is no longer after 60 days before (15 February) -> 50 to 66.67.
    expect(points.map((p) => [p.date, p.arrived.map((e) => e.id), p.result.verdict, p.result.verdicts])).toEqual([
      ['2020-01-01', [], 'weak', ['weak']],
      ['2020-01-15', ['plan'], 'weak', ['weak']],
      ['2020-02-15', ['meet'], 'fair', ['fair']],
      ['2020-03-15', ['mech'], 'strong', ['strong']],
      ['2020-04-15', [], 'fair', ['fair']],
    ]);
    expect(points.map((p) => p.verdictChange)).toEqual([
      null,
      null,
      { from: 'weak', to: 'fair', fromVerdicts: ['weak'], toVerdicts: ['fair'] },
      { from: 'fair', to: 'strong', fromVerdicts: ['fair'], toVerdicts: ['strong'] },
      { from: 'strong', to: 'fair', fromVerdicts: ['strong'], toVerdicts: ['fair'] },
    ]);
    const at = (level: string, rank: number) => ({ applicable: true, level, rank });
    const change = (criterion: string, from: unknown, to: unknown, direction: string, cause: string, events: string[]) => ({
      result: criterion,
      criterion,
      party: null,
      from,
      to,
      direction,
      cause,
      events,
    });
    expect(points.map((p) => p.changes)).toEqual([
      [],
      [change('talks', at('none', 2), at('planned', 1), 'up', 'events', ['plan'])],
      [change('talks', at('planned', 1), at('met', 0), 'up', 'events', ['meet']), change('recent', at('none', 1), at('fresh', 0), 'up', 'events', ['meet'])],
      [change('channel', at('none', 2), { applicable: true, level: null, rank: 1, range: { low: 'created', high: 'political' } }, 'up', 'events', ['mech'])],
      [change('recent', at('fresh', 0), at('none', 1), 'down', 'time', [])],
    ]);
  });
});

const PARTY_MATRIX = `
id: p
title: P
version: "1"
source: {author: test}
fields:
  level:
    type: string
    values: {leaders: Heads of state, expert: Experts}
verdicts:
  - {label: good, min: 50}
  - {label: poor, min: 0}
criteria:
  - id: voice
    title: Voice
    weight: 1
    perParty: true
    levels:
      - {label: spoke, score: 1, when: {some: {all: [{type: statement}, {partyIn: actors}]}}}
      - {label: silent, score: 0}
  - id: follow
    title: Follow-up
    weight: 1
    appliesWhen: {some: {type: pledge}}
    levels:
      - {label: kept, score: 1, when: {some: {type: delivery}}}
      - {label: none, score: 0}
  - id: channel
    title: Channel
    weight: 1
    appliesWhen: {some: {all: [{type: mechanism}, {field: level, in: [leaders]}]}}
    levels:
      - {label: works, score: 1, when: {some: {all: [{type: meeting}, {field: level, in: [leaders]}]}}}
      - {label: idle, score: 0}
`;

describe('evaluateTimeline, cells per party and cells that come to apply', () => {
  it('keys each party cell apart, and calls a change from not applying neither up nor down', () => {
    const compiled = compileMatrix(matrixFrom(PARTY_MATRIX));
    const r = makeRecord(
      [
        { id: 's1', type: 'statement', actors: ['US'], date: '2020-01-10' },
        { id: 'p1', type: 'pledge', date: '2020-02-10' },
        { id: 'm1', type: 'mechanism', date: '2020-03-10' },
        { id: 'mt', type: 'meeting', date: '2020-03-12' },
      ],
      '2020-01-01',
    );
    const points = evaluateTimeline(compiled, r, ['2020-01-01', '2020-01-15', '2020-02-15', '2020-03-15']);
    const at = (level: string, rank: number) => ({ applicable: true, level, rank });
    const out = { applicable: false };
    // 15 January: the US spoke (CN did not). 15 February: the pledge makes follow-up apply, at
    // its lowest level; no arrived event is its evidence or the reason it is not higher, so the
    // change is unattributed. 15 March: the mechanism may make the channel apply (its level is
    // not stated), and the meeting may make it work (nor is its level): open from idle to works,
    // and it may not apply; the two events are the facts that would settle it.
    expect(points.map((p) => p.changes.map((c) => [c.result, c.party, c.from, c.to, c.direction, c.cause, c.events]))).toEqual([
      [],
      [['voice', 'US', at('silent', 1), at('spoke', 0), 'up', 'events', ['s1']]],
      [['follow', null, out, at('none', 1), 'other', 'unattributed', []]],
      [
        [
          'channel',
          null,
          out,
          { applicable: true, level: null, rank: 1, range: { low: 'idle', high: 'works' }, mayNotApply: true },
          'other',
          'events',
          ['m1', 'mt'],
        ],
      ],
    ]);
  });
});
