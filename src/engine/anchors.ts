import { dayNumber } from './dates.js';
import { linkTargets, type RecordIndex } from './record-index.js';
import { FAILS, HOLDS, UNKNOWN, type Truth } from './truth.js';
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

/**
 * The first day an event may have happened on: its day, or the first of its month when the
 * record gives only the month (`day` is then the month's last day).
 */
export function firstDay(event: { readonly date: string; readonly day: number }): number {
  return event.date.length === 7 ? (dayNumber(`${event.date}-01`) ?? event.day) : event.day;
}

/**
 * The one definition of a date test's truth, for an event known to lie in [from, to] (one day,
 * or a month) and an anchor in [anchorFrom, anchorTo]: holds when every pair of days passes,
 * fails when none does, unknown otherwise (a `YYYY-MM` event against a day inside that month).
 */
export function dateTruth(op: 'before' | 'after' | 'within', from: number, to: number, anchorFrom: number, anchorTo: number, days: number): Truth {
  switch (op) {
    case 'before':
      return to < anchorFrom ? HOLDS : from >= anchorTo ? FAILS : UNKNOWN;
    case 'after':
      return from > anchorTo ? HOLDS : to <= anchorFrom ? FAILS : UNKNOWN;
    case 'within':
      // The gap (event day - anchor day) lies in [from - anchorTo, to - anchorFrom]; within wants it in [0, days].
      return from - anchorTo >= 0 && to - anchorFrom <= days ? HOLDS : to - anchorFrom < 0 || from - anchorTo > days ? FAILS : UNKNOWN;
  }
}
