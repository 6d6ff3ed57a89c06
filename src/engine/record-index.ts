import { dayNumber } from './dates.js';
import type { CaseRecord, DeadlineState, LinkKind, SummitEvent } from './types.js';

/**
 * One record as the conditions see it at one date: only the events that exist by `asOfDay`,
 * and indexes so that links resolve by id instead of by scanning all pairs.
 */
export interface RecordIndex {
  readonly record: CaseRecord;
  readonly summitDay: number;
  readonly asOfDay: number;
  readonly events: readonly SummitEvent[];
  readonly byId: ReadonlyMap<string, SummitEvent>;
  /** kind -> target id -> the events that link to that target with that kind. */
  readonly linkedBy: ReadonlyMap<LinkKind, ReadonlyMap<string, readonly SummitEvent[]>>;
  /** Each existing event's place in the record, so evidence lists in record order. */
  readonly order: ReadonlyMap<SummitEvent, number>;
  /** The state of each existing event's `fields.deadline` at `asOfDay`, for events that have one. */
  readonly deadlines: ReadonlyMap<SummitEvent, DeadlineState>;
  /** The party a per-party criterion is being scored for. */
  readonly party?: string;
  /** The event a forEach criterion is being scored about. */
  readonly subject?: SummitEvent;
}

/** Builds the index once per record and as-of date; every condition then reads it. */
export function indexRecord(record: CaseRecord, asOfDay: number): RecordIndex {
  const events: SummitEvent[] = [];
  const byId = new Map<string, SummitEvent>();
  const order = new Map<SummitEvent, number>();
  const linkedBy = new Map<LinkKind, Map<string, SummitEvent[]>>();
  const all = record.events;
  for (let i = 0; i < all.length; i++) {
    const event = all[i]!;
    if (event.day > asOfDay) continue;
    events.push(event);
    byId.set(event.id, event);
    order.set(event, i);
  }
  for (const event of events) {
    for (const kind in event.links) {
      const targets = event.links[kind as LinkKind];
      if (targets === undefined) continue;
      let byTarget = linkedBy.get(kind as LinkKind);
      if (!byTarget) linkedBy.set(kind as LinkKind, (byTarget = new Map()));
      for (const target of targets) {
        const sources = byTarget.get(target);
        if (sources) sources.push(event);
        else byTarget.set(target, [event]);
      }
    }
  }
  const deadlines = new Map<SummitEvent, DeadlineState>();
  const fulfilledBy = linkedBy.get('fulfils');
  for (const event of events) {
    const deadline = Object.hasOwn(event.fields, 'deadline') ? event.fields['deadline'] : undefined;
    if (typeof deadline !== 'string') continue;
    const deadlineDay = dayNumber(deadline);
    if (deadlineDay === undefined) continue;
    let first = Infinity;
    for (const fulfilment of fulfilledBy?.get(event.id) ?? NO_EVENTS) if (fulfilment.day < first) first = fulfilment.day;
    deadlines.set(event, first <= deadlineDay ? 'met' : first !== Infinity ? 'met-late' : asOfDay > deadlineDay ? 'missed' : 'pending');
  }
  return { record, summitDay: record.day, asOfDay, events, byId, linkedBy, order, deadlines };
}

const NO_EVENTS: readonly SummitEvent[] = [];
const NO_IDS: readonly string[] = [];

/** The existing events that `event` links to with `kind`. */
export function linkTargets(index: RecordIndex, event: SummitEvent, kind: LinkKind): SummitEvent[] {
  const targets: SummitEvent[] = [];
  for (const id of event.links[kind] ?? NO_IDS) {
    const target = index.byId.get(id);
    if (target) targets.push(target);
  }
  return targets;
}

/** The existing events that link to `event` with `kind`. */
export function linkSources(index: RecordIndex, event: SummitEvent, kind: LinkKind): readonly SummitEvent[] {
  return index.linkedBy.get(kind)?.get(event.id) ?? NO_EVENTS;
}
