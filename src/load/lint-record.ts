import type { Diagnostic } from '../diagnostics.js';
import { dayNumber } from '../engine/dates.js';
import { DiagnosticSink } from './load-document.js';
import type * as RecordSchema from './schema-types/record.js';
import type { DataPath, ParsedDocument } from './yaml-document.js';

/**
 * Mistakes a record can carry and still load, found by `validate`: a deadline before the summit or
 * before the event that sets it, an end before its start. Month-only dates (`2015-12`) count as any
 * day of their month, so only an order that holds for every such day is reported.
 */
export function lintRecord(doc: ParsedDocument, raw: Pick<RecordSchema.RecordDocument, 'date' | 'endDate' | 'events'>, at: DataPath = []): Diagnostic[] {
  const sink = new DiagnosticSink(doc);
  if (raw.endDate !== undefined && before(raw.endDate, raw.date)) {
    sink.error('END_BEFORE_START', [...at, 'endDate'], `the summit ends (${raw.endDate}) before it starts (${raw.date})`);
  }
  raw.events.forEach((event, i) => {
    const path = (...rest: (string | number)[]): DataPath => [...at, 'events', i, ...rest];
    if (event.endDate !== undefined && before(event.endDate, event.date)) {
      sink.error('END_BEFORE_START', path('endDate'), `event ${event.id} ends (${event.endDate}) before it starts (${event.date})`);
    }
    const deadline = event.fields?.['deadline'];
    if (typeof deadline !== 'string' || dayNumber(deadline) === undefined) return;
    if (before(deadline, raw.date)) {
      sink.error(
        'EARLY_DEADLINE',
        path('fields', 'deadline'),
        `event ${event.id} has deadline ${deadline}, before the summit (${raw.date})`,
        'check the year: a deadline set at or after the summit falls after it',
      );
    } else if (before(deadline, event.date)) {
      sink.error(
        'EARLY_DEADLINE',
        path('fields', 'deadline'),
        `event ${event.id} has deadline ${deadline}, before the event itself (${event.date})`,
        'check the year, or the event date',
      );
    }
  });
  return sink.diagnostics;
}

/** Whether `a` ends before `b` begins, for every day that month-only dates may stand for. */
function before(a: string, b: string): boolean {
  const lastOfA = dayNumber(a);
  const firstOfB = firstDay(b);
  return lastOfA !== undefined && firstOfB !== undefined && lastOfA < firstOfB;
}

function firstDay(text: string): number | undefined {
  return dayNumber(/^\d{4}-\d{2}$/.test(text) ? `${text}-01` : text);
}
