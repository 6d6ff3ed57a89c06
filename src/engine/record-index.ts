import type { CaseRecord, LinkKind, SummitEvent } from './types.js';

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
}

export function indexRecord(record: CaseRecord, asOfDay: number): RecordIndex {
  const events = record.events.filter((event) => event.day <= asOfDay);
  const byId = new Map<string, SummitEvent>();
  const linkedBy = new Map<LinkKind, Map<string, SummitEvent[]>>();
  for (const event of events) byId.set(event.id, event);
  for (const event of events) {
    for (const [kind, targets] of Object.entries(event.links) as [LinkKind, readonly string[]][]) {
      let byTarget = linkedBy.get(kind);
      if (!byTarget) linkedBy.set(kind, (byTarget = new Map()));
      for (const target of targets) {
        const sources = byTarget.get(target);
        if (sources) sources.push(event);
        else byTarget.set(target, [event]);
      }
    }
  }
  return { record, summitDay: record.day, asOfDay, events, byId, linkedBy };
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
