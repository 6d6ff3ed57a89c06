// A consensus record from several coders' records of one case, fact by fact. A fact is a
// record-level key (title, date, parties...), an event's presence, or one of its keys (date,
// type, actors, each `fields.NAME` and `links.KIND`). Where the coders state a fact differently it
// is contested, resolved by the policy, and kept with all its alternatives so the consensus can be
// audited. Sources are evidence, not claims: an event keeps every source any coder cited.
// Works on the records as plain data (what the YAML says), so the consensus is a record file.

import { canonical } from './agreement.js';
import type { FieldValue } from './types.js';

export const MERGE_POLICIES = ['majority', 'first', 'unanimous'] as const;
/**
 * majority: the value most coders give (a tie goes to the coder named first); first: the first
 * coder's value; unanimous: only what every coder states alike, a contested fact is left unknown.
 */
export type MergePolicy = (typeof MERGE_POLICIES)[number];

type Data = { readonly [key: string]: FieldValue };

export interface CoderData {
  readonly coder: string;
  readonly data: Data;
}

interface Alternative {
  readonly coder: string;
  /** Undefined: the coder's record does not state it. */
  readonly value: FieldValue | undefined;
}

type Resolution =
  /** Most coders gave the value kept. */
  | 'majority'
  /** As many coders for two values or more: the first coder's is kept. */
  | 'tie'
  | 'first'
  /** unanimous: left out, so the consensus does not state it. */
  | 'unknown'
  /** unanimous, but a record cannot be without it: the first coder's is kept. */
  | 'required'
  /** unanimous: the event is left out, because its date or type is contested and an event needs both. */
  | 'left-out';

export interface Contested {
  /** `title`, `events[hl-dialogue]` (the event itself), `events[hl-dialogue].fields.level`. */
  readonly fact: string;
  /** The event the fact belongs to, if any. */
  readonly event?: string;
  readonly alternatives: readonly Alternative[];
  readonly resolution: Resolution;
  /** The value the consensus states (undefined: it states none). */
  readonly kept: FieldValue | undefined;
}

export interface Consensus {
  readonly data: Data;
  readonly contested: readonly Contested[];
}

const REQUIRED_RECORD_KEYS = new Set(['id', 'title', 'date', 'parties']);
const REQUIRED_EVENT_KEYS = new Set(['date', 'type']);

function isMap(value: FieldValue | undefined): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function keysOf(maps: readonly (Data | undefined)[]): string[] {
  return [...new Set(maps.flatMap((map) => (map ? Object.keys(map) : [])))];
}

/** Links compare as lists: `of: x` and `of: [x]` say the same. */
function comparable(fact: string, value: FieldValue | undefined): string {
  if (fact.startsWith('links.') && typeof value === 'string') return canonical([value]);
  return canonical(value);
}

/** Decides one fact; `alternatives` are in coder order. */
function resolve(
  fact: string,
  alternatives: readonly Alternative[],
  policy: MergePolicy,
  required: boolean,
): { kept: FieldValue | undefined; resolution: Resolution } | undefined {
  const keys = alternatives.map((a) => comparable(fact, a.value));
  if (keys.every((key) => key === keys[0])) return undefined;
  const first = alternatives[0]!.value;
  if (policy === 'first') return { kept: first, resolution: 'first' };
  if (policy === 'unanimous') return required ? { kept: first, resolution: 'required' } : { kept: undefined, resolution: 'unknown' };
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const most = Math.max(...counts.values());
  const winners = keys.filter((key) => counts.get(key) === most);
  const winner = keys.find((key) => counts.get(key) === most)!;
  return { kept: alternatives[keys.indexOf(winner)]!.value, resolution: new Set(winners).size > 1 ? 'tie' : 'majority' };
}

/** Merges the records of one case (same id) into one, by the policy. Coders in order of precedence. */
export function mergeRecords(codings: readonly CoderData[], policy: MergePolicy): Consensus {
  if (codings.length === 0) throw new RangeError('mergeRecords needs at least one record');
  const contested: Contested[] = [];
  const out: Record<string, FieldValue> = {};

  for (const key of keysOf(codings.map((c) => c.data))) {
    if (key === 'events') continue;
    const alternatives = codings.map((c) => ({ coder: c.coder, value: c.data[key] }));
    const decided = resolve(key, alternatives, policy, REQUIRED_RECORD_KEYS.has(key));
    const kept = decided ? decided.kept : (alternatives[0]!.value ?? alternatives.find((a) => a.value !== undefined)?.value);
    if (decided) contested.push({ fact: key, alternatives, ...decided });
    if (kept !== undefined) out[key] = kept;
  }

  const eventsOf = (c: CoderData) => new Map(((c.data['events'] ?? []) as readonly Data[]).map((event) => [event['id'] as string, event]));
  const byCoder = codings.map((c) => ({ coder: c.coder, events: eventsOf(c) }));
  const ids = [...new Set(byCoder.flatMap(({ events }) => [...events.keys()]))];
  const merged: { id: string; event: Record<string, FieldValue> }[] = [];
  const leftOut = new Set<string>();
  for (const id of ids) {
    const events = byCoder.map(({ coder, events }) => ({ coder, event: events.get(id) }));
    const presence = resolve(
      'event',
      events.map(({ coder, event }) => ({ coder, value: event === undefined ? undefined : id })),
      policy,
      false,
    );
    if (presence)
      contested.push({
        fact: `events[${id}]`,
        event: id,
        alternatives: events.map(({ coder, event }) => ({ coder, value: event === undefined ? undefined : id })),
        ...presence,
      });
    const included = presence ? presence.kept !== undefined : true;
    if (!included) {
      leftOut.add(id);
      continue;
    }
    const stating = events.filter((e): e is { coder: string; event: Data } => e.event !== undefined);
    const event: Record<string, FieldValue> = { id };
    let unknownRequired = false;
    for (const key of keysOf(stating.map((e) => e.event))) {
      if (key === 'id') continue;
      if (key === 'sources') {
        const all = stating.flatMap((e) => (e.event['sources'] ?? []) as readonly FieldValue[]);
        event['sources'] = all.filter((source, i) => all.findIndex((other) => canonical(other) === canonical(source)) === i);
        continue;
      }
      if (key === 'fields' || key === 'links') {
        const maps = stating.map((e) => (isMap(e.event[key]) ? e.event[key] : undefined));
        const inner: Record<string, FieldValue> = {};
        for (const name of keysOf(maps)) {
          const alternatives = stating.map((e, i) => ({ coder: e.coder, value: maps[i]?.[name] }));
          const fact = `${key}.${name}`;
          const decided = resolve(fact, alternatives, policy, false);
          const kept = decided ? decided.kept : alternatives[0]!.value;
          if (decided) contested.push({ fact: `events[${id}].${fact}`, event: id, alternatives, ...decided });
          if (kept !== undefined) inner[name] = kept;
        }
        if (Object.keys(inner).length > 0) event[key] = inner;
        continue;
      }
      const alternatives = stating.map((e) => ({ coder: e.coder, value: e.event[key] }));
      // An event cannot be without a date or a type: under unanimous, contesting one leaves the event out.
      const decided = resolve(key, alternatives, policy, false);
      const kept = decided ? decided.kept : alternatives[0]!.value;
      if (decided) contested.push({ fact: `events[${id}].${key}`, event: id, alternatives, ...decided });
      if (kept !== undefined) event[key] = kept;
      else if (REQUIRED_EVENT_KEYS.has(key)) unknownRequired = true;
    }
    if (unknownRequired) {
      leftOut.add(id);
      contested.push({
        fact: `events[${id}]`,
        event: id,
        alternatives: stating.map((e) => ({ coder: e.coder, value: id })),
        resolution: 'left-out',
        kept: undefined,
      });
      continue;
    }
    merged.push({ id, event });
  }

  // A link to an event the consensus left out would not resolve: it goes too, marked.
  for (const { id, event } of merged) {
    const links = event['links'];
    if (!isMap(links)) continue;
    const kept: Record<string, FieldValue> = {};
    for (const [kind, target] of Object.entries(links)) {
      const targets = (Array.isArray(target) ? target : [target]) as FieldValue[];
      const remaining = targets.filter((t) => !leftOut.has(t as string));
      if (remaining.length < targets.length) {
        contested.push({
          fact: `events[${id}].links.${kind}`,
          event: id,
          alternatives: [],
          resolution: 'unknown',
          kept: remaining.length > 0 ? remaining : undefined,
        });
      }
      if (remaining.length > 0) kept[kind] = Array.isArray(target) ? remaining : remaining[0]!;
    }
    if (Object.keys(kept).length > 0) event['links'] = kept;
    else delete event['links'];
  }

  out['events'] = merged.map(({ event }) => event);
  // The record's keys in the order the schema documents them, events last.
  const ordered: Record<string, FieldValue> = {};
  for (const key of Object.keys(out)) if (key !== 'events') ordered[key] = out[key]!;
  ordered['events'] = out['events'];
  return { data: ordered, contested };
}
