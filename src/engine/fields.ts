import { dayNumber } from './dates.js';
import { linkSources, type RecordIndex } from './record-index.js';
import type { DeadlineState, FieldTest, FieldValue, SummitEvent } from './types.js';

/** Event properties a condition can name directly; every other name is looked up in `fields`. */
export const CORE_FIELDS = ['id', 'type', 'date', 'title', 'actors'] as const;

export type FieldReader = (event: SummitEvent) => FieldValue | undefined;

/** A reader for `name`, where a dotted name (`chairs.us`) walks into nested maps. */
export function fieldReader(name: string): FieldReader {
  if ((CORE_FIELDS as readonly string[]).includes(name)) {
    const key = name as (typeof CORE_FIELDS)[number];
    return (event) => event[key];
  }
  const [head, ...rest] = name.split('.') as [string, ...string[]];
  if (rest.length === 0) return (event) => own(event.fields, head);
  return (event) => {
    let value: FieldValue | undefined = own(event.fields, head);
    for (const key of rest) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      value = own(value as Record<string, FieldValue>, key);
    }
    return value;
  };
}

function own(map: Readonly<Record<string, FieldValue>>, key: string): FieldValue | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  return false;
}

/** Whether `actual` passes `check`; values of different types never compare. */
export function passesFieldTest(actual: FieldValue | undefined, check: FieldTest): boolean {
  switch (check.test) {
    case 'exists':
      return (actual !== undefined && actual !== null) === check.value;
    case 'equals':
      return sameValue(actual, check.value);
    case 'in':
      return check.values.some((value) => sameValue(actual, value));
    case 'contains':
      if (Array.isArray(actual)) return actual.some((item) => sameValue(item, check.value));
      return typeof actual === 'string' && typeof check.value === 'string' && actual.includes(check.value);
    case 'compare': {
      if (typeof actual !== typeof check.value) return false;
      const a = actual as number | string;
      switch (check.comparison) {
        case 'gt':
          return a > check.value;
        case 'gte':
          return a >= check.value;
        case 'lt':
          return a < check.value;
        case 'lte':
          return a <= check.value;
      }
    }
  }
}

/**
 * The state of an event's `deadline` field at the index's as-of date: met when an event that
 * fulfils it is dated on or before the deadline, met-late when only later, missed when none has
 * come and the deadline has passed, pending otherwise. Undefined when the event has no deadline.
 */
export function deadlineState(index: RecordIndex, event: SummitEvent): DeadlineState | undefined {
  const deadline = event.fields['deadline'];
  if (typeof deadline !== 'string' || !Object.hasOwn(event.fields, 'deadline')) return undefined;
  const deadlineDay = dayNumber(deadline);
  if (deadlineDay === undefined) return undefined;
  let first = Infinity;
  for (const fulfilment of linkSources(index, event, 'fulfils')) first = Math.min(first, fulfilment.day);
  if (first <= deadlineDay) return 'met';
  if (first !== Infinity) return 'met-late';
  return index.asOfDay > deadlineDay ? 'missed' : 'pending';
}
