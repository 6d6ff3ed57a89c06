// mergeRecords fact by fact, on records written here as plain data: when a fact is contested (links
// `of: x` and `of: [x]` say the same; a field's `x` and `[x]` do not), what each policy keeps and
// how it names the resolution, an event's presence, fields and links merged name by name, an
// event left out under unanimous and the links to it, and which keys the consensus states at all.
// Every expectation is read off the records below by the rules in docs/coders.md.
import { describe, expect, it } from 'vitest';
import { mergeRecords, type CoderData } from '../../../src/engine/agreement-merge.js';

const record = (events: object[], extra: object = {}) => ({ id: 'case', title: 'A case', date: '2015-09-25', parties: ['US', 'CN'], events, ...extra });
const event = (id: string, extra: object = {}) => ({ id, date: '2015-09-25', type: 'mechanism', sources: [{ url: `https://example.org/${id}` }], ...extra });
const coders = (...records: object[]) => records.map((data, i) => ({ coder: 'abc'[i]!, data })) as unknown as CoderData[];
const eventsOf = (data: { events?: unknown }) => data.events as Record<string, unknown>[];

describe('when a fact is contested', () => {
  it('a link to one event written as a list or alone is the same link', () => {
    const { data, contested } = mergeRecords(
      coders(record([event('body'), event('talk', { links: { of: 'body' } })]), record([event('body'), event('talk', { links: { of: ['body'] } })])),
      'majority',
    );
    expect(contested).toEqual([]);
    expect(eventsOf(data)[1]!['links']).toEqual({ of: 'body' });
  });

  it('a field written as a list of one value is not that value', () => {
    const { contested } = mergeRecords(
      coders(record([event('body', { fields: { level: 'x' } })]), record([event('body', { fields: { level: ['x'] } })])),
      'first',
    );
    expect(contested).toEqual([
      {
        fact: 'events[body].fields.level',
        event: 'body',
        alternatives: [
          { coder: 'a', value: 'x' },
          { coder: 'b', value: ['x'] },
        ],
        resolution: 'first',
        kept: 'x',
      },
    ]);
  });

  it('refuses to merge no records', () => {
    expect(() => mergeRecords([], 'majority')).toThrow(new RangeError('mergeRecords needs at least one record'));
  });
});

describe('record keys', () => {
  it('unanimous: a contested optional key is not stated at all, a required one is the first coder’s', () => {
    const { data, contested } = mergeRecords(
      coders(record([], { description: 'one', title: 'T1' }), record([], { description: 'two', title: 'T2' })),
      'unanimous',
    );
    expect(Object.keys(data)).toEqual(['id', 'title', 'date', 'parties', 'events']);
    expect(data['title']).toBe('T1');
    expect(contested.map((c) => [c.fact, c.resolution, c.kept])).toEqual([
      ['title', 'required', 'T1'],
      ['description', 'unknown', undefined],
    ]);
  });

  it('a key only a later coder states is contested: a tie of two keeps the first coder’s none', () => {
    const { data, contested } = mergeRecords(coders(record([]), record([], { description: 'two' })), 'majority');
    // a states no description, b does: a tie of two, so a's (none) is kept.
    expect(contested.map((c) => [c.fact, c.resolution, c.kept])).toEqual([['description', 'tie', undefined]]);
    expect('description' in data).toBe(false);
  });
});

describe('an event’s presence', () => {
  it('unanimous: an event one coder lacks is left out, whoever lacks it, and named as contested', () => {
    for (const [first, second] of [
      [[event('body'), event('extra')], [event('body')]],
      [[event('body')], [event('body'), event('extra')]],
    ]) {
      const { data, contested } = mergeRecords(coders(record(first!), record(second!)), 'unanimous');
      expect(eventsOf(data).map((e) => e['id'])).toEqual(['body']);
      const extraInA = first!.length === 2;
      expect(contested).toEqual([
        {
          fact: 'events[extra]',
          event: 'extra',
          alternatives: [
            { coder: 'a', value: extraInA ? 'extra' : undefined },
            { coder: 'b', value: extraInA ? undefined : 'extra' },
          ],
          resolution: 'unknown',
          kept: undefined,
        },
      ]);
    }
  });

  it('majority: an event two coders of three have is kept', () => {
    const { data, contested } = mergeRecords(
      coders(record([event('body')]), record([event('body'), event('talk')]), record([event('talk'), event('body')])),
      'majority',
    );
    expect(eventsOf(data).map((e) => e['id'])).toEqual(['body', 'talk']);
    expect(contested.map((c) => [c.fact, c.resolution, c.kept])).toEqual([['events[talk]', 'majority', 'talk']]);
  });
});

describe('an event’s keys', () => {
  it('fields and links merge name by name; an event without them gives none', () => {
    const { data, contested } = mergeRecords(
      coders(
        record([event('body'), event('talk', { fields: { level: 'x', cadence: 'yearly' }, links: { of: 'body', fulfils: 'body' } })]),
        record([event('body'), event('talk', { fields: { level: 'y', cadence: 'yearly' }, links: { of: 'body', fulfils: 'other' } })]),
        record([event('body'), event('talk')]),
      ),
      'first',
    );
    expect(eventsOf(data)[1]).toMatchObject({ fields: { level: 'x', cadence: 'yearly' }, links: { of: 'body', fulfils: 'body' } });
    expect(Object.keys(eventsOf(data)[1]!['fields'] as object)).toEqual(['level', 'cadence']);
    // c's event states neither fields nor links: each name is contested, c's value none.
    expect(contested.map((c) => [c.fact, c.alternatives.map((a) => a.value)])).toEqual([
      ['events[talk].fields.level', ['x', 'y', undefined]],
      ['events[talk].fields.cadence', ['yearly', 'yearly', undefined]],
      ['events[talk].links.of', ['body', 'body', undefined]],
      ['events[talk].links.fulfils', ['body', 'other', undefined]],
    ]);
  });

  it('an event whose fields are null has none', () => {
    const { data } = mergeRecords(coders(record([event('body', { fields: null })])), 'majority');
    expect(eventsOf(data)[0]).toEqual(event('body'));
  });

  it('unanimous: a contested optional key of an event is not stated; the event stays', () => {
    const { data, contested } = mergeRecords(coders(record([event('body', { actors: ['US'] })]), record([event('body', { actors: ['CN'] })])), 'unanimous');
    expect(eventsOf(data)).toEqual([event('body')]);
    expect(contested.map((c) => [c.fact, c.resolution])).toEqual([['events[body].actors', 'unknown']]);
  });

  it('unanimous: a contested type leaves the event out, named with the coders who state it', () => {
    const { data, contested } = mergeRecords(coders(record([event('body')]), record([event('body', { type: 'meeting' })])), 'unanimous');
    expect(eventsOf(data)).toEqual([]);
    expect(contested.at(-1)).toEqual({
      fact: 'events[body]',
      event: 'body',
      alternatives: [
        { coder: 'a', value: 'body' },
        { coder: 'b', value: 'body' },
      ],
      resolution: 'left-out',
      kept: undefined,
    });
  });
});

describe('links to an event left out', () => {
  it('keeps the other targets of a list and says which remain; a link whose targets all stay is not contested', () => {
    const { data, contested } = mergeRecords(
      coders(
        record([event('one'), event('two', { type: 'meeting' }), event('talk', { links: { of: ['one', 'two'], fulfils: 'one' } })]),
        record([event('one'), event('two'), event('talk', { links: { of: ['one', 'two'], fulfils: 'one' } })]),
      ),
      'unanimous',
    );
    expect(eventsOf(data).map((e) => e['id'])).toEqual(['one', 'talk']);
    expect(eventsOf(data)[1]!['links']).toEqual({ of: ['one'], fulfils: 'one' });
    expect(contested.filter((c) => c.fact.startsWith('events[talk]'))).toEqual([
      { fact: 'events[talk].links.of', event: 'talk', alternatives: [], resolution: 'unknown', kept: ['one'] },
    ]);
  });
});
