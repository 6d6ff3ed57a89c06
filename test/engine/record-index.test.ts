// The record index every condition reads (src/engine/record-index.ts), on small records built
// here: which events exist as of a date (the boundary day included), the links both ways, the
// lists by type, each event's place in the record, and each deadline's state, the boundary days
// of met, met-late, missed and pending worked out on the calendar by hand.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/engine/dates.js';
import {
  deadlineState,
  eventOrder,
  eventsOfType,
  eventsOfTypes,
  eventsWithDeadline,
  indexRecord,
  linkSources,
  linkTargets,
} from '../../src/engine/record-index.js';
import type { SummitEvent } from '../../src/engine/types.js';
import { makeRecord, type EventSpec } from '../helpers/build.js';

const day = (text: string) => dayNumber(text)!;
const ids = (events: readonly SummitEvent[]) => events.map((event) => event.id);

const EVENTS: EventSpec[] = [
  { id: 'mech', type: 'mechanism', date: '2015-09-25' },
  { id: 'talk1', type: 'meeting', date: '2015-12-01', links: { of: ['mech', 'ghost'] } },
  { id: 'note', type: 'statement', date: '2015-12-02', links: { of: ['mech'], fulfils: ['talk1'] } },
  { id: 'talk2', type: 'meeting', date: '2016-06-14', links: { of: ['mech'] } },
];

describe('indexRecord', () => {
  it('keeps the events dated on or before the as-of day, in record order', () => {
    const record = makeRecord(EVENTS);
    expect(ids(indexRecord(record, day('2015-12-01')).events)).toEqual(['mech', 'talk1']);
    expect(ids(indexRecord(record, day('2015-11-30')).events)).toEqual(['mech']);
    expect(ids(indexRecord(record, day('2016-06-14')).events)).toEqual(['mech', 'talk1', 'note', 'talk2']);
    expect(indexRecord(record, day('2016-06-14')).events).toBe(record.events);
  });

  it('takes every event as existing when told so', () => {
    const record = makeRecord(EVENTS);
    expect(ids(indexRecord(record, day('2015-09-25'), undefined, true).events)).toEqual(['mech', 'talk1', 'note', 'talk2']);
  });

  it('finds the events by id and by what they link to, among the events that exist only', () => {
    const index = indexRecord(makeRecord(EVENTS), day('2015-12-02'));
    expect([...index.byId.keys()]).toEqual(['mech', 'talk1', 'note']);
    const mech = index.byId.get('mech')!;
    expect(ids(linkSources(index, mech, 'of'))).toEqual(['talk1', 'note']);
    expect(ids(linkSources(index, mech, 'fulfils'))).toEqual([]);
    expect(ids(linkSources(index, index.byId.get('talk1')!, 'fulfils'))).toEqual(['note']);
    expect(ids(linkTargets(index, index.byId.get('talk1')!, 'of'))).toEqual(['mech']);
    expect(ids(linkTargets(index, mech, 'of'))).toEqual([]);
  });

  it('reads a link kind an event lists as undefined as no link', () => {
    const index = indexRecord(makeRecord([{ id: 'a', links: { of: undefined, fulfils: ['b'] } }, { id: 'b' }]), day('2016-01-01'));
    expect(ids(linkSources(index, index.byId.get('b')!, 'fulfils'))).toEqual(['a']);
    expect([...index.linkedBy.keys()]).toEqual(['fulfils']);
  });
});

describe('the lists by type and the order of events', () => {
  it('gives the existing events of a type, or of several, in record order', () => {
    const index = indexRecord(makeRecord(EVENTS), day('2015-12-02'));
    expect(ids(eventsOfType(index, 'meeting'))).toEqual(['talk1']);
    expect(ids(eventsOfType(index, 'summit'))).toEqual([]);
    expect(ids(eventsOfTypes(index, ['statement', 'mechanism']))).toEqual(['mech', 'note']);
    const later = indexRecord(makeRecord(EVENTS), day('2016-12-31'));
    expect(ids(eventsOfType(later, 'meeting'))).toEqual(['talk1', 'talk2']);
    expect(ids(eventsOfTypes(later, ['meeting']))).toEqual(['talk1', 'talk2']);
  });

  it('gives the same list again for the same types, and another for other types', () => {
    const index = indexRecord(makeRecord(EVENTS), day('2016-12-31'));
    const types = ['meeting'];
    expect(eventsOfTypes(index, types)).toBe(eventsOfTypes(index, types));
    expect(ids(eventsOfTypes(index, ['statement']))).toEqual(['note']);
    expect(ids(eventsOfType(index, 'mechanism'))).toEqual(['mech']);
  });

  it("gives each event's place in the record, counting events not yet dated", () => {
    const record = makeRecord(EVENTS);
    const index = indexRecord(record, day('2015-12-01'));
    const order = eventOrder(index);
    expect(record.events.map((event) => order.get(event))).toEqual([0, 1, 2, 3]);
    expect(eventOrder(index)).toBe(order);
  });
});

describe('deadlineState', () => {
  // A commitment due 2015-12-31, with the events that fulfil it on the days given.
  function stateOf(asOf: string, fulfilments: string[], deadline: string | number = '2015-12-31') {
    const events: EventSpec[] = [
      { id: 'promise', type: 'commitment', date: '2015-09-25', fields: { deadline } },
      { id: 'other', type: 'commitment', date: '2015-09-25' },
      ...fulfilments.map((date, i) => ({ id: `done${i}`, type: 'meeting', date, links: { fulfils: ['promise'] } })),
    ];
    const index = indexRecord(makeRecord(events), day(asOf));
    return { state: deadlineState(index, index.byId.get('promise')!), index };
  }

  it('is met by a fulfilment on the deadline day, and met-late by one the day after', () => {
    expect(stateOf('2016-06-01', ['2015-12-31']).state).toBe('met');
    expect(stateOf('2016-06-01', ['2016-01-01']).state).toBe('met-late');
  });

  it('is met when the earliest of several fulfilments is in time, whatever their order', () => {
    expect(stateOf('2016-06-01', ['2016-03-01', '2015-12-30', '2016-01-02']).state).toBe('met');
    expect(stateOf('2016-06-01', ['2016-03-01', '2016-01-02']).state).toBe('met-late');
  });

  it('is pending up to the deadline day and missed from the day after, with no fulfilment', () => {
    expect(stateOf('2015-12-31', []).state).toBe('pending');
    expect(stateOf('2016-01-01', []).state).toBe('missed');
    // A fulfilment not yet dated as of the as-of day does not count.
    expect(stateOf('2015-12-31', ['2016-01-05']).state).toBe('pending');
  });

  it("reads a month-only deadline as the month's last day (as every month-only date), and has no state for an event without a deadline or with one that is no date", () => {
    expect(stateOf('2016-06-01', ['2015-12-31'], '2015-12').state).toBe('met');
    expect(stateOf('2016-06-01', ['2016-01-01'], '2015-12').state).toBe('met-late');
    expect(stateOf('2015-12-31', [], '2015-12').state).toBe('pending');
    const { index } = stateOf('2016-06-01', []);
    expect(deadlineState(index, index.byId.get('other')!)).toBeUndefined();
    expect(stateOf('2016-06-01', [], 'soon').state).toBeUndefined();
    expect(stateOf('2016-06-01', [], 20151231).state).toBeUndefined();
  });

  it('lists the existing events with a deadline, in record order', () => {
    const events: EventSpec[] = [
      { id: 'a', type: 'commitment', date: '2015-09-25', fields: { deadline: '2015-12-31' } },
      { id: 'b', type: 'commitment', date: '2015-09-25' },
      { id: 'c', type: 'commitment', date: '2015-09-26', fields: { deadline: 'not a date' } },
      { id: 'd', type: 'commitment', date: '2015-10-01', fields: { deadline: '2016-01-31' } },
      { id: 'e', type: 'commitment', date: '2016-01-01', fields: { deadline: '2016-02-01' } },
    ];
    expect(ids(eventsWithDeadline(indexRecord(makeRecord(events), day('2015-12-01'))))).toEqual(['a', 'd']);
  });
});
