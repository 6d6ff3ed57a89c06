import { linkTargets, type RecordIndex } from './record-index.js';
import type { DateAnchor, SummitEvent } from './types.js';

/** The days a date condition measures from: one day, or one per linked event. */
export function anchorDays(anchor: DateAnchor, index: RecordIndex, event: SummitEvent): number[] {
  switch (anchor.kind) {
    case 'date':
      return [anchor.day];
    case 'summit':
      return [index.summitDay - (anchor.daysBefore ?? 0)];
    case 'asOf':
      return [index.asOfDay - (anchor.daysBefore ?? 0)];
    case 'linked':
      return linkTargets(index, event, anchor.link).map((target) => target.day);
  }
}

/** `within` holds when the event falls on, or at most `days` days after, the anchor. */
export function isWithin(day: number, anchorDay: number, days: number): boolean {
  return day >= anchorDay && day - anchorDay <= days;
}
