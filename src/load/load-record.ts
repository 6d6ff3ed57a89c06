import { hasErrors, InputError, type Diagnostic } from '../diagnostics.js';
import { dayNumber } from '../engine/dates.js';
import { CORE_FIELDS } from '../engine/fields.js';
import { LINK_KINDS, type CaseRecord, type Citation, type FieldValue, type LinkKind, type SummitEvent } from '../engine/types.js';
import { didYouMean } from '../suggest.js';
import { DiagnosticSink, parseAndCheck } from './load-document.js';
import type { InputText } from './read-input.js';
import type { DataPath } from './yaml-document.js';

export interface LoadedRecord {
  readonly record: CaseRecord;
  readonly file: string;
  readonly sha256: string;
  readonly warnings: readonly Diagnostic[];
}

interface RawSource extends Omit<Citation, 'verified'> {
  verified?: boolean;
}
interface RawEvent {
  id: string;
  date: string;
  endDate?: string;
  type: string;
  title?: string;
  actors?: string[];
  fields?: Record<string, FieldValue>;
  links?: Partial<Record<LinkKind, string | string[]>>;
  sources?: RawSource[];
}
interface RawRecord {
  id: string;
  title: string;
  date: string;
  endDate?: string;
  parties: string[];
  events: RawEvent[];
}

/** Loads a record and checks what the schema cannot: real dates, unique ids, links that resolve. */
export function loadRecord(input: InputText): LoadedRecord {
  const doc = parseAndCheck(input, 'record');
  const raw = doc.data as RawRecord;
  const sink = new DiagnosticSink(doc);
  const day = (text: string, path: DataPath): number => {
    const value = dayNumber(text);
    if (value === undefined) sink.error('BAD_DATE', path, `${text} is not a calendar date`);
    return value ?? 0;
  };

  const recordDay = day(raw.date, ['date']);
  if (raw.endDate !== undefined) day(raw.endDate, ['endDate']);
  const ids = new Map<string, number>();
  raw.events.forEach((event, i) => {
    const earlier = ids.get(event.id);
    if (earlier === undefined) ids.set(event.id, i);
    else sink.error('DUPLICATE_ID', ['events', i, 'id'], `event id \`${event.id}\` appears twice (first at events[${earlier}])`);
  });
  const knownIds = [...ids.keys()];

  const events = raw.events.map((event, i): SummitEvent => {
    const at = (...rest: (string | number)[]): DataPath => ['events', i, ...rest];
    const eventDay = day(event.date, at('date'));
    if (event.endDate !== undefined) day(event.endDate, at('endDate'));
    const fields = event.fields ?? {};
    for (const key of Object.keys(fields)) {
      if ((CORE_FIELDS as readonly string[]).includes(key)) {
        sink.error('SHADOWED_FIELD', at('fields', key), `fields.${key} repeats the event's own \`${key}\`, so conditions could never read it`, 'rename it', true);
      }
    }
    if (typeof fields['deadline'] === 'string') day(fields['deadline'], at('fields', 'deadline'));
    const links: Partial<Record<LinkKind, readonly string[]>> = {};
    for (const kind of LINK_KINDS) {
      const value = event.links?.[kind];
      if (value === undefined) continue;
      const targets = Array.isArray(value) ? value : [value];
      targets.forEach((target, ti) => {
        if (!ids.has(target)) {
          const path = Array.isArray(value) ? at('links', kind, ti) : at('links', kind);
          sink.error('UNKNOWN_LINK', path, `${event.id} links (${kind}) to \`${target}\`, which is not an event of this record`, didYouMean(target, knownIds));
        }
      });
      links[kind] = targets;
    }
    const sources = (event.sources ?? []).map((source, si): Citation => {
      if (source.date !== undefined) day(source.date, at('sources', si, 'date'));
      if (source.url === undefined && source.title === undefined && source.publisher === undefined) {
        sink.error('MISSING_KEY', at('sources', si), 'a source needs a url, a title or a publisher');
      }
      return { ...source, verified: source.verified ?? true };
    });
    if (sources.length === 0) sink.warning('NO_SOURCE', at('id'), `event ${event.id} cites no source`, 'add `sources:` with a url, title and date');
    const position = doc.locate(at());
    return {
      id: event.id,
      date: event.date,
      day: eventDay,
      type: event.type,
      ...(event.title !== undefined && { title: event.title }),
      actors: event.actors ?? [],
      fields,
      links,
      sources,
      location: { file: doc.file, ...position },
    };
  });

  if (hasErrors(sink.diagnostics)) throw new InputError(sink.diagnostics);
  const record: CaseRecord = { id: raw.id, title: raw.title, date: raw.date, day: recordDay, parties: raw.parties, events };
  return { record, file: input.file, sha256: input.sha256, warnings: sink.diagnostics };
}
