import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { dayNumber } from '../engine/dates.js';
import { CORE_FIELDS } from '../engine/fields.js';
import { LINK_KINDS, type CaseRecord, type Citation, type FieldValue, type LinkKind, type SummitEvent } from '../engine/types.js';
import { didYouMean } from '../suggest.js';
import { checkDocument, DiagnosticSink, orThrow, parseOrThrow, type Checked } from './load-document.js';
import type { InputText } from './read-input.js';
import type { DataPath, ParsedDocument } from './yaml-document.js';

export interface LoadedRecord {
  readonly record: CaseRecord;
  readonly file: string;
  readonly sha256: string;
  readonly warnings: readonly Diagnostic[];
}

interface RawSource extends Omit<Citation, 'verified'> {
  verified?: boolean;
}
export interface RawEvent {
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
export interface RawRecord {
  id: string;
  title: string;
  date: string;
  endDate?: string;
  parties: string[];
  events: RawEvent[];
}

/** Loads a record and checks what the schema cannot: real dates, unique ids, links that resolve. */
export function loadRecord(input: InputText): LoadedRecord {
  return orThrow(checkRecord(parseOrThrow(input), input.sha256));
}

/** Checks a parsed record against the schema and everything it cannot express; never throws. */
export function checkRecord(doc: ParsedDocument, sha256: string): Checked<LoadedRecord> {
  const schemaProblems = checkDocument(doc, 'record');
  if (schemaProblems.length > 0) return { diagnostics: schemaProblems };
  const { value: record, diagnostics } = recordFromData(doc, doc.data as RawRecord);
  return record ? { value: { record, file: doc.file, sha256, warnings: diagnostics }, diagnostics } : { diagnostics };
}

export interface RecordOptions {
  /** Where the record stands in its document: [] for a record file, ['tests', 3] for a test case's events. */
  readonly at?: DataPath;
  /** Whether an event without sources earns a NO_SOURCE warning (not for a test case's made-up events). */
  readonly requireSources?: boolean;
}

/** Builds a record from schema-checked data, checking what the schema cannot. */
export function recordFromData(doc: ParsedDocument, raw: RawRecord, options: RecordOptions = {}): Checked<CaseRecord> {
  const prefix = options.at ?? [];
  const sink = new DiagnosticSink(doc);
  const day = (text: string, path: DataPath): number => {
    const value = dayNumber(text);
    if (value === undefined) sink.error('BAD_DATE', [...prefix, ...path], `${text} is not a calendar date`);
    return value ?? 0;
  };

  const recordDay = day(raw.date, ['date']);
  if (raw.endDate !== undefined) day(raw.endDate, ['endDate']);
  const parties = new Map<string, number>();
  raw.parties.forEach((party, i) => {
    // Party codes compare without case, so US and us cannot both stand for someone.
    const earlier = parties.get(party.toLowerCase());
    if (earlier === undefined) parties.set(party.toLowerCase(), i);
    else sink.error('DUPLICATE_ID', [...prefix, 'parties', i], `party \`${party}\` is \`${raw.parties[earlier]}\` again (codes compare without case)`);
  });
  const ids = new Map<string, number>();
  const duplicated = new Set<string>();
  raw.events.forEach((event, i) => {
    const earlier = ids.get(event.id);
    if (earlier === undefined) {
      ids.set(event.id, i);
      return;
    }
    duplicated.add(event.id);
    sink.error('DUPLICATE_ID', [...prefix, 'events', i, 'id'], `event id \`${event.id}\` appears twice (first at events[${earlier}])`);
  });
  const knownIds = [...ids.keys()];

  const events = raw.events.map((event, i): SummitEvent => {
    const local = (...rest: (string | number)[]): DataPath => ['events', i, ...rest];
    const at = (...rest: (string | number)[]): DataPath => [...prefix, ...local(...rest)];
    const eventDay = day(event.date, local('date'));
    if (event.endDate !== undefined) day(event.endDate, local('endDate'));
    const fields = event.fields ?? {};
    for (const key of Object.keys(fields)) {
      if ((CORE_FIELDS as readonly string[]).includes(key)) {
        sink.error('SHADOWED_FIELD', at('fields', key), `fields.${key} repeats the event's own \`${key}\`, so conditions could never read it`, 'rename it', true);
      }
    }
    if (typeof fields['deadline'] === 'string') day(fields['deadline'], local('fields', 'deadline'));
    const links: Partial<Record<LinkKind, readonly string[]>> = {};
    for (const kind of LINK_KINDS) {
      const value = event.links?.[kind];
      if (value === undefined) continue;
      const targets = Array.isArray(value) ? value : [value];
      targets.forEach((target, ti) => {
        const path = Array.isArray(value) ? at('links', kind, ti) : at('links', kind);
        // With a duplicated id the link most likely means the other event: one message, from DUPLICATE_ID.
        if (target === event.id && !duplicated.has(event.id)) sink.error('SELF_LINK', path, `${event.id} links (${kind}) to itself`, 'link it to the event it relates to');
        else if (!ids.has(target)) {
          sink.error('UNKNOWN_LINK', path, `${event.id} links (${kind}) to \`${target}\`, which is not an event of this record`, didYouMean(target, knownIds));
        }
      });
      links[kind] = targets;
    }
    const sources = (event.sources ?? []).map((source, si): Citation => {
      if (source.date !== undefined) day(source.date, local('sources', si, 'date'));
      if (source.url === undefined && source.title === undefined && source.publisher === undefined) {
        sink.error('MISSING_KEY', at('sources', si), 'a source needs a url, a title or a publisher');
      }
      return { ...source, verified: source.verified ?? true };
    });
    if (sources.length === 0 && options.requireSources !== false) sink.warning('NO_SOURCE', at('id'), `event ${event.id} cites no source`, 'add `sources:` with a url, title and date');
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

  if (hasErrors(sink.diagnostics)) return { diagnostics: sink.diagnostics };
  const record: CaseRecord = { id: raw.id, title: raw.title, date: raw.date, day: recordDay, parties: raw.parties, events };
  return { value: record, diagnostics: sink.diagnostics };
}
