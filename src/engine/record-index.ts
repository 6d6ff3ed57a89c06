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
  /**
   * What is worked out only when a condition or the evidence first needs it: filled in place on
   * first use, and shared by every scope of the index (so not `readonly`, as the rest is).
   */
  cache: IndexCache;
  /** The party a per-party criterion is being scored for. */
  readonly party?: string;
  /** The event a forEach criterion is being scored about. */
  readonly subject?: SummitEvent;
  /** Events that may or may not have happened (`--unverified unknown`): each counts as unknown where it would hold. */
  readonly uncertain?: ReadonlySet<SummitEvent>;
}

/** Mutable: each entry is set once, the first time it is asked for, and read after. */
interface IndexCache {
  /** Each existing event's place in the record, so evidence lists in record order. */
  order?: Map<SummitEvent, number>;
  /** The state of each existing event's `fields.deadline` at the as-of date, for events that have one. */
  deadlines?: Map<SummitEvent, DeadlineState>;
  /** The existing events of each type, in record order. */
  byType?: Map<string, SummitEvent[]>;
  /** The existing events of each list of types a quantifier asks for, in record order. */
  byTypes?: Map<readonly string[], SummitEvent[]>;
  /** The existing events that have a deadline, in record order. */
  withDeadline?: SummitEvent[];
  /** Room for the record positions of a cell's witnesses, reused from cell to cell. */
  positions?: Int32Array;
}

/**
 * Builds the index once per record and as-of date; every condition then reads it. `allExist`:
 * the caller knows no event is dated after `asOfDay` (the default as-of date is the last event's),
 * so the events need not be scanned for one.
 */
export function indexRecord(record: CaseRecord, asOfDay: number, uncertain?: ReadonlySet<SummitEvent>, allExist = false): RecordIndex {
  const all = record.events;
  let later = false;
  for (let i = 0; !allExist && i < all.length; i++) {
    if (all[i]!.day > asOfDay) {
      later = true;
      break;
    }
  }
  // Judged as of the last event (the default), every event exists: the record's own list serves.
  const events = later ? all.filter((event) => event.day <= asOfDay) : all;
  const byId = new Map<string, SummitEvent>();
  const linkedBy = new Map<LinkKind, Map<string, SummitEvent[]>>();
  for (let i = 0; i < events.length; i++) byId.set(events[i]!.id, events[i]!);
  for (const event of events) {
    const links = event.links;
    // A for-in over the kinds an event has, most events having one or none: fewer instructions
    // on the whole of explain-off than reading all four kinds by name (callgrind, bench records).
    for (const kind in links) {
      const targets = links[kind as LinkKind];
      if (targets === undefined) continue;
      let byTarget = linkedBy.get(kind as LinkKind);
      if (!byTarget) linkedBy.set(kind as LinkKind, (byTarget = new Map<string, SummitEvent[]>()));
      for (const target of targets) {
        const sources = byTarget.get(target);
        // A target listed twice is one link: the event counts once among its sources.
        if (sources) {
          if (sources[sources.length - 1] !== event) sources.push(event);
        } else byTarget.set(target, [event]);
      }
    }
  }
  // Every index has the same shape (party and subject set or not), so the compiled tests read it fast.
  return { record, summitDay: record.day, asOfDay, events, byId, linkedBy, cache: {}, party: undefined, subject: undefined, uncertain };
}

/** Each existing event's place in the record. */
export function eventOrder(index: RecordIndex): ReadonlyMap<SummitEvent, number> {
  let order = index.cache.order;
  if (!order) {
    order = new Map();
    const all = index.record.events;
    for (let i = 0; i < all.length; i++) order.set(all[i]!, i);
    index.cache.order = order;
  }
  return order;
}

const NO_EVENTS_OF_TYPE: readonly SummitEvent[] = [];

/** The existing events of one type, in record order (an index built the first time a quantifier asks). */
export function eventsOfType(index: RecordIndex, type: string): readonly SummitEvent[] {
  let byType = index.cache.byType;
  if (!byType) {
    byType = new Map();
    for (const event of index.events) {
      const list = byType.get(event.type);
      if (list) list.push(event);
      else byType.set(event.type, [event]);
    }
    index.cache.byType = byType;
  }
  return byType.get(type) ?? NO_EVENTS_OF_TYPE;
}

/**
 * The existing events of any of several types, in record order, for `type: [a, b]`. Keyed by the
 * compiled condition's own list, so a per-party scope (which shares the cache) finds it at once.
 */
export function eventsOfTypes(index: RecordIndex, types: readonly string[]): readonly SummitEvent[] {
  const byTypes = (index.cache.byTypes ??= new Map<readonly string[], SummitEvent[]>());
  let events = byTypes.get(types);
  if (!events) {
    events = [];
    for (const event of index.events) if (types.includes(event.type)) events.push(event);
    byTypes.set(types, events);
  }
  return events;
}

/** The existing events with a deadline, in record order. */
export function eventsWithDeadline(index: RecordIndex): readonly SummitEvent[] {
  deadlinesOf(index);
  return index.cache.withDeadline!;
}

/**
 * The state of an event's `deadline` field at the index's as-of date: met when an event that
 * fulfils it is dated on or before the deadline, met-late when only later, missed when none has
 * come and the deadline has passed, pending otherwise. Undefined when the event has no deadline.
 * Worked out for every event at once, the first time a condition asks.
 */
export function deadlineState(index: RecordIndex, event: SummitEvent): DeadlineState | undefined {
  return deadlinesOf(index).get(event);
}

function deadlinesOf(index: RecordIndex): ReadonlyMap<SummitEvent, DeadlineState> {
  let deadlines = index.cache.deadlines;
  if (!deadlines) {
    deadlines = new Map();
    const withDeadline: SummitEvent[] = [];
    const fulfilledBy = index.linkedBy.get('fulfils');
    for (const candidate of index.events) {
      // Read as the loader reads it: 'deadline' is no property of Object.prototype, so no own-check.
      const deadline = candidate.fields['deadline'];
      if (typeof deadline !== 'string') continue;
      const deadlineDay = dayNumber(deadline);
      if (deadlineDay === undefined) continue;
      let first = Infinity;
      for (const fulfilment of fulfilledBy?.get(candidate.id) ?? NO_EVENTS) if (fulfilment.day < first) first = fulfilment.day;
      withDeadline.push(candidate);
      deadlines.set(candidate, first <= deadlineDay ? 'met' : first !== Infinity ? 'met-late' : index.asOfDay > deadlineDay ? 'missed' : 'pending');
    }
    index.cache.deadlines = deadlines;
    index.cache.withDeadline = withDeadline;
  }
  return deadlines;
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
