import { describe, expect, it } from 'vitest';
import { anchorDays, dateTruth, firstDay, isWithin } from '../../src/engine/anchors.js';
import { indexRecord } from '../../src/engine/record-index.js';
import { FAILS, HOLDS, UNKNOWN } from '../../src/engine/truth.js';
import type { CaseRecord, SummitEvent } from '../../src/engine/types.js';

const event = (id: string, day: number, links: SummitEvent['links'] = {}): SummitEvent => ({
  id,
  date: '2020-01-01',
  day,
  type: 'statement',
  actors: [],
  fields: {},
  links,
  sources: [],
});

// The oracle for dateTruth: every pair of an event day in [from, to] and an anchor day in
// [anchorFrom, anchorTo], tried one by one.
function byPairs(op: 'before' | 'after' | 'within', from: number, to: number, anchorFrom: number, anchorTo: number, days: number): number {
  const outcomes = new Set<boolean>();
  for (let d = from; d <= to; d++)
    for (let a = anchorFrom; a <= anchorTo; a++) outcomes.add(op === 'before' ? d < a : op === 'after' ? d > a : d >= a && d - a <= days);
  return outcomes.size === 2 ? UNKNOWN : outcomes.has(true) ? HOLDS : FAILS;
}

describe('date tests', () => {
  it('dateTruth agrees with every pair of days', () => {
    for (const op of ['before', 'after', 'within'] as const)
      for (let from = 0; from <= 4; from++)
        for (let to = from; to <= 4; to++)
          for (let anchorFrom = 0; anchorFrom <= 4; anchorFrom++)
            for (let anchorTo = anchorFrom; anchorTo <= 4; anchorTo++)
              for (const days of [0, 1, 2])
                expect(dateTruth(op, from, to, anchorFrom, anchorTo, days), `${op} [${from}, ${to}] [${anchorFrom}, ${anchorTo}] ${days}`).toBe(
                  byPairs(op, from, to, anchorFrom, anchorTo, days),
                );
  });

  it('isWithin: on the anchor day or at most `days` after it', () => {
    expect(isWithin(10, 10, 0)).toBe(true);
    expect(isWithin(9, 10, 5)).toBe(false);
    expect(isWithin(15, 10, 5)).toBe(true);
    expect(isWithin(16, 10, 5)).toBe(false);
  });

  it('firstDay: the day, or the first of the month for a month-dated event', () => {
    // 2020-05-01 is day 18383 (2020-01-01 is 18262, then 31 + 29 + 31 + 30 days).
    expect(firstDay({ date: '2020-05', day: 18413 })).toBe(18383);
    expect(firstDay({ date: '2020-05-20', day: 18402 })).toBe(18402);
  });

  it('anchorDays: a date, the summit or as-of day moved earlier, or each linked event', () => {
    const target1 = event('t1', 100);
    const target2 = event('t2', 200);
    const linking = event('e', 300, { fulfils: ['t2', 'gone', 't1'] });
    const record: CaseRecord = { id: 'r', title: 'R', date: '2020-01-01', day: 50, parties: [], events: [target1, target2, linking] };
    const index = indexRecord(record, 1000);
    expect(anchorDays({ kind: 'date', date: '1970-01-08', day: 7 }, index, linking)).toEqual([7]);
    expect(anchorDays({ kind: 'summit' }, index, linking)).toEqual([50]);
    expect(anchorDays({ kind: 'summit', daysBefore: 10 }, index, linking)).toEqual([40]);
    expect(anchorDays({ kind: 'asOf' }, index, linking)).toEqual([1000]);
    expect(anchorDays({ kind: 'asOf', daysBefore: 365 }, index, linking)).toEqual([635]);
    expect(anchorDays({ kind: 'linked', link: 'fulfils' }, index, linking)).toEqual([200, 100]);
    expect(anchorDays({ kind: 'linked', link: 'breaches' }, index, linking)).toEqual([]);
  });
});
