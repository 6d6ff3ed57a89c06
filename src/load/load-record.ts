import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { dayNumber } from '../engine/dates.js';
import { CORE_FIELDS } from '../engine/fields.js';
import { LINK_KINDS, type AssessmentWindow, type CaseRecord, type Citation, type FieldValue, type LinkKind, type SummitEvent } from '../engine/types.js';
import { didYouMean } from '../suggest.js';
import { recordBibliography } from './record-bibliography.js';
import { resolveCitation, type Bibliography, type KeyedCitation } from './load-bibliography.js';
import { checkDocument, DiagnosticSink, orThrow, parseOrThrow, type Checked } from './load-document.js';
import { precompiledInput } from './precompiled.js';
import type { InputText } from './read-input.js';
import type * as RecordSchema from './schema-types/record.js';
import type { DataPath, ParsedDocument } from './yaml-document.js';

export interface LoadedRecord {
  readonly record: CaseRecord;
  readonly file: string;
  readonly sha256: string;
  readonly warnings: readonly Diagnostic[];
}

/** Loads a record and checks what the schema cannot: real dates, unique ids, links that resolve. */
export function loadRecord(input: InputText): LoadedRecord {
  return precompiledInput<LoadedRecord>('record', input) ?? orThrow(checkRecord(parseOrThrow(input), input.sha256, input.maxBytes));
}

/**
 * Where the data of each record checked from a file stands in it, as its one parse found it: a
 * later warning is placed without parsing the text again (which doubled a large record's peak
 * memory). Beside the record, not in it: a loaded record stays plain data.
 */
const locators = new WeakMap<CaseRecord, ParsedDocument['locate']>();

/** Where a path of a record's data stands in its file; undefined for a record not checked from a parse (a bundled one). */
export function recordLocator(record: CaseRecord): ParsedDocument['locate'] | undefined {
  return locators.get(record);
}

/** Checks a parsed record against the schema and everything it cannot express; never throws. */
export function checkRecord(doc: ParsedDocument, sha256: string, maxBytes: number): Checked<LoadedRecord> {
  const schemaProblems = checkDocument(doc, 'record');
  if (schemaProblems.length > 0) return { diagnostics: schemaProblems };
  const { value: record, diagnostics } = recordFromData(doc, doc.data as RecordSchema.RecordDocument, { maxBytes });
  // The locator alone, not the document: the parsed tree the record was built from can go.
  const { locate } = doc;
  if (record) locators.set(record, locate);
  return record ? { value: { record, file: doc.file, sha256, warnings: diagnostics }, diagnostics } : { diagnostics };
}

/** The data recordFromData builds a record from: a record file's, or a test case's inline events, whose parties may be none. */
export type RecordData = Omit<RecordSchema.RecordDocument, 'parties'> & { readonly parties: readonly string[] };

export interface RecordOptions {
  /** Where the record stands in its document: [] for a record file, ['tests', 3] for a test case's events. */
  readonly at?: DataPath;
  /** Whether an event without sources earns a NO_SOURCE warning (not for a test case's made-up events). */
  readonly requireSources?: boolean;
  /** The input limit a bibliography file the record names is read under: the record's own. */
  readonly maxBytes: number;
}

/** Builds a record from schema-checked data, checking what the schema cannot. */
export function recordFromData(doc: ParsedDocument, raw: RecordData, options: RecordOptions): Checked<CaseRecord> {
  const prefix = options.at ?? [];
  const sink = new DiagnosticSink(doc);
  // Read when a source is first cited by key: most records name no file of their own.
  let bibliography: Bibliography | undefined;
  // Paths are worked out only for a problem (`dayNumber(text) ?? badDate(text, path)`): a large
  // record has thousands of dates and links, and a closure or a path per date shows in a profile.
  const badDate = (text: string, path: DataPath): number => {
    sink.error('BAD_DATE', path, `${text} is not a calendar date`);
    return 0;
  };

  /** A date at a path below the record's. */
  const day = (text: string, path: DataPath): number => dayNumber(text) ?? badDate(text, [...prefix, ...path]);

  const recordDay = dayNumber(raw.date) ?? badDate(raw.date, [...prefix, 'date']);
  if (raw.endDate !== undefined && dayNumber(raw.endDate) === undefined) badDate(raw.endDate, [...prefix, 'endDate']);
  const parties = new Map<string, number>();
  raw.parties.forEach((party, i) => {
    // Party codes compare without case, so US and us cannot both stand for someone.
    const earlier = parties.get(party.toLowerCase());
    if (earlier === undefined) parties.set(party.toLowerCase(), i);
    else sink.error('DUPLICATE_ID', [...prefix, 'parties', i], `party \`${party}\` is \`${raw.parties[earlier]}\` again (codes compare without case)`);
  });
  const partySet = new Set(raw.parties);
  for (const party of Object.keys(raw.partyNames ?? {})) {
    if (!partySet.has(party))
      sink.error('NOT_ALLOWED', [...prefix, 'partyNames', party], `\`${party}\` is not one of the record's parties`, didYouMean(party, raw.parties), true);
  }
  const windowIds = checkWindows(raw.windows ?? [], prefix, sink, day);
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
  const knownIds = () => [...ids.keys()];

  // One pass per event, allocating only what the event keeps: records can hold many thousands.
  const eventsAt: DataPath = [...prefix, 'events'];
  const eventAt = (i: number, ...rest: (string | number)[]): DataPath => [...prefix, 'events', i, ...rest];
  const events = raw.events.map((event, i): SummitEvent => {
    const eventDay = dayNumber(event.date) ?? badDate(event.date, eventAt(i, 'date'));
    if (event.endDate !== undefined && dayNumber(event.endDate) === undefined) badDate(event.endDate, eventAt(i, 'endDate'));
    // The schema leaves a field's value free; parsed YAML or JSON holds nothing but FieldValues.
    const fields = (event.fields ?? {}) as Readonly<Record<string, FieldValue>>;
    // Five look-ups, not a walk over every field: the walk (in the fields' order) only when one is there.
    if (shadowsCoreField(fields)) {
      for (const key of Object.keys(fields)) {
        if ((CORE_FIELDS as readonly string[]).includes(key)) {
          sink.error(
            'SHADOWED_FIELD',
            eventAt(i, 'fields', key),
            `fields.${key} repeats the event's own \`${key}\`, so conditions could never read it`,
            'rename it',
            true,
          );
        }
      }
    }
    const deadline = fields['deadline'];
    if (typeof deadline === 'string' && dayNumber(deadline) === undefined) badDate(deadline, eventAt(i, 'fields', 'deadline'));
    const links: Partial<Record<LinkKind, readonly string[]>> = {};
    const rawLinks = event.links;
    if (rawLinks !== undefined) {
      for (const kind of LINK_KINDS) {
        const value = rawLinks[kind];
        if (value === undefined) continue;
        const targets = Array.isArray(value) ? value : [value];
        for (let ti = 0; ti < targets.length; ti++) {
          const target = targets[ti]!;
          if (target !== event.id && ids.has(target)) continue;
          const path = Array.isArray(value) ? eventAt(i, 'links', kind, ti) : eventAt(i, 'links', kind);
          // With a duplicated id the link most likely means the other event: one message, from DUPLICATE_ID.
          if (target === event.id && !duplicated.has(event.id))
            sink.error('SELF_LINK', path, `${event.id} links (${kind}) to itself`, 'link it to the event it relates to');
          else if (!ids.has(target)) {
            sink.error(
              'UNKNOWN_LINK',
              path,
              `${event.id} links (${kind}) to \`${target}\`, which is not an event of this record`,
              didYouMean(target, knownIds()),
            );
          }
        }
        links[kind] = targets;
      }
    }
    const rawSources = event.sources;
    const sources: Citation[] = [];
    if (rawSources !== undefined) {
      for (let si = 0; si < rawSources.length; si++) {
        const source = rawSources[si]!;
        if (source.key !== undefined) {
          // Cited by key: the bibliography gives the url, title, publisher and date.
          bibliography ??= recordBibliography(doc, raw.bibliography, [...prefix, 'bibliography'], sink, options.maxBytes);
          const resolved = resolveCitation(source as KeyedCitation, eventAt(i, 'sources', si), sink, bibliography);
          if (resolved !== undefined) sources.push(resolved);
          continue;
        }
        if (source.date !== undefined && dayNumber(source.date) === undefined) badDate(source.date, eventAt(i, 'sources', si, 'date'));
        if (source.url === undefined && source.title === undefined && source.publisher === undefined) {
          sink.error('MISSING_KEY', eventAt(i, 'sources', si), 'a source needs a url, a title or a publisher');
        }
        // Made a Citation where it stands: the parsed data is the loader's own, and a copy per
        // source (a spread) was the largest cost of building a large record. Building twice
        // (a test case's events) finds `verified` set and gives the same.
        if (source.verified === undefined) source.verified = true;
        sources.push(source as Citation);
      }
    }
    // An event whose only source is a key the bibliography lacks cites one, wrongly: UNKNOWN_SOURCE says so, once.
    if ((rawSources === undefined || rawSources.length === 0) && options.requireSources !== false)
      sink.warning('NO_SOURCE', eventAt(i, 'id'), `event ${event.id} cites no source`, 'add `sources:` with a bibliography key, or a url, title and date');
    // A JSON document's events find their place only if asked: no path is made per event.
    const location = doc.sourceLocation ? doc.sourceLocation(eventsAt, i) : { file: doc.file, ...doc.locate([...eventsAt, i]) };
    const actors = event.actors ?? [];
    const { assessment } = event;
    if (assessment !== undefined) {
      const at = (key: string) => eventAt(i, 'assessment', key);
      if (!partySet.has(assessment.member))
        sink.error('NOT_ALLOWED', at('member'), `\`${assessment.member}\` is not one of the record's parties`, didYouMean(assessment.member, raw.parties));
      if (!ids.has(assessment.commitment)) {
        sink.error(
          'UNKNOWN_LINK',
          at('commitment'),
          `${event.id} assesses \`${assessment.commitment}\`, which is not an event of this record`,
          didYouMean(assessment.commitment, knownIds()),
        );
      }
      if (assessment.window !== undefined && !windowIds.includes(assessment.window)) {
        sink.error(
          'NOT_ALLOWED',
          at('window'),
          `\`${assessment.window}\` is not one of the record's windows`,
          windowIds.length > 0 ? didYouMean(assessment.window, windowIds) : 'declare it under `windows:`',
        );
      }
      const built: SummitEvent =
        event.title !== undefined
          ? { id: event.id, date: event.date, day: eventDay, type: event.type, title: event.title, actors, fields, links, sources, location, assessment }
          : { id: event.id, date: event.date, day: eventDay, type: event.type, actors, fields, links, sources, location, assessment };
      return built;
    }
    return event.title !== undefined
      ? { id: event.id, date: event.date, day: eventDay, type: event.type, title: event.title, actors, fields, links, sources, location }
      : { id: event.id, date: event.date, day: eventDay, type: event.type, actors, fields, links, sources, location };
  });

  if (hasErrors(sink.diagnostics)) return { diagnostics: sink.diagnostics };
  const record: CaseRecord = {
    id: raw.id,
    title: raw.title,
    date: raw.date,
    day: recordDay,
    parties: raw.parties,
    events,
    ...(raw.partyNames !== undefined && { partyNames: raw.partyNames }),
    ...(raw.windows !== undefined && { windows: raw.windows }),
  };
  return { value: record, diagnostics: sink.diagnostics };
}

/** Report windows: unique ids, real dates, each cut-off on or after its start. Returns the ids. */
function checkWindows(windows: readonly AssessmentWindow[], prefix: DataPath, sink: DiagnosticSink, day: (text: string, path: DataPath) => number): string[] {
  const ids: string[] = [];
  windows.forEach((window, i) => {
    if (ids.includes(window.id)) sink.error('DUPLICATE_ID', [...prefix, 'windows', i, 'id'], `window id \`${window.id}\` appears twice`);
    ids.push(window.id);
    // `day` reports a bad date with the record's prefix itself.
    const from = day(window.from, ['windows', i, 'from']);
    const to = day(window.to, ['windows', i, 'to']);
    // A date that is not one is reported once, as BAD_DATE: the order of the two is not known.
    const known = dayNumber(window.from) !== undefined && dayNumber(window.to) !== undefined;
    if (known && to < from)
      sink.error('END_BEFORE_START', [...prefix, 'windows', i, 'to'], `window ${window.id} ends (${window.to}) before it starts (${window.from})`);
  });
  return ids;
}

/** Whether free fields name one of the event's own (CORE_FIELDS), looked up without a closure per event. */
function shadowsCoreField(fields: Record<string, FieldValue>): boolean {
  for (const key of CORE_FIELDS) if (Object.hasOwn(fields, key)) return true;
  return false;
}
