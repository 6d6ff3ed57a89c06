import { AsyncLocalStorage } from 'node:async_hooks';
import { InputError } from '../diagnostics.js';
import { dayNumber } from '../engine/dates.js';
import type { Citation } from '../engine/types.js';
import { didYouMean } from '../suggest.js';
import { checkDocument, DiagnosticSink, orThrow, parseOrThrow, type Checked } from './load-document.js';
import { PACKAGE_FILES, readInputFile, type InputReader, type InputText } from './read-input.js';
import type * as BibliographySchema from './schema-types/bibliography.js';
import type { DataPath, ParsedDocument } from './yaml-document.js';

/** A person (family and given names) or an organisation (literal), as CSL-JSON names them. */
interface SourceName {
  readonly family?: string;
  readonly given?: string;
  readonly literal?: string;
}

type SourceType = 'article' | 'blog-post' | 'podcast' | 'report' | 'webpage';

/** One public source of the bibliography, under the key that matrices and records cite it by. */
export interface Source {
  readonly key: string;
  readonly type: SourceType;
  readonly authors?: readonly SourceName[];
  readonly title?: string;
  readonly publisher?: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  readonly date?: string;
  readonly url?: string;
  readonly accessed?: string;
  /** false where the source's details or address are not confirmed. */
  readonly verified: boolean;
  /** What the source supports: the facts taken from it. */
  readonly supports: string;
  readonly note?: string;
}

export interface Bibliography {
  readonly file: string;
  /** In the file's order. */
  readonly sources: readonly Source[];
  readonly byKey: ReadonlyMap<string, Source>;
}

/** The bibliography the bundled matrices and records cite, as inputs name it. */
const BUNDLED_BIBLIOGRAPHY_NAME = 'bundled:sources';

let bundled: Bibliography | undefined;

/** The bundled bibliography (fixtures/sources.yaml), read once, when a key is first cited. */
export function bundledBibliography(): Bibliography {
  bundled ??= loadBibliography(readInputFile(BUNDLED_BIBLIOGRAPHY_NAME, PACKAGE_FILES));
  return bundled;
}

// A command run with --bibliography FILE: its entries, then the bundled ones. Scoped to the run
// (not a module variable), so one in-process run's file never leaks into the next.
const commandBibliography = new AsyncLocalStorage<Bibliography>();

/** The bibliography a key resolves in: the bundled one, after the entries of --bibliography when the command was given one. */
export function citableBibliography(): Bibliography {
  return commandBibliography.getStore() ?? bundledBibliography();
}

/**
 * Runs a command with the bibliography of `--bibliography FILE` beside the bundled one. The file's
 * keys add to the bundled keys and may not redefine one (a bundled record would then cite two
 * things by one key): each such key is DUPLICATE_ID at its place, with the file's other problems.
 */
export function withBibliography<T>(file: string | undefined, reader: InputReader, run: () => T): T {
  if (file === undefined) return run();
  const doc = parseOrThrow(readInputFile(file, reader));
  const own = orThrow(checkBibliography(doc));
  const base = bundledBibliography();
  const sink = new DiagnosticSink(doc);
  own.sources.forEach((source, i) => {
    if (base.byKey.has(source.key))
      sink.error(
        'DUPLICATE_ID',
        ['sources', i, 'key'],
        `source key \`${source.key}\` is a key of the bundled bibliography already`,
        'cite the bundled entry, or give yours another key',
      );
  });
  if (sink.diagnostics.length > 0) throw new InputError(sink.diagnostics);
  const sources = [...own.sources, ...base.sources];
  return commandBibliography.run({ file: own.file, sources, byKey: new Map(sources.map((source) => [source.key, source])) }, run);
}

/** Loads a bibliography; throws an InputError with every problem. */
export function loadBibliography(input: InputText): Bibliography {
  return orThrow(checkBibliography(parseOrThrow(input)));
}

/** Checks a parsed bibliography against its schema and what the schema cannot say; never throws. */
export function checkBibliography(doc: ParsedDocument): Checked<Bibliography> {
  const schemaProblems = checkDocument(doc, 'bibliography');
  if (schemaProblems.length > 0) return { diagnostics: schemaProblems };
  const sink = new DiagnosticSink(doc);
  const raw = (doc.data as BibliographySchema.BibliographyDocument).sources;
  const byKey = new Map<string, Source>();
  const sources = raw.map((entry, i): Source => {
    const at = (...rest: (string | number)[]): DataPath => ['sources', i, ...rest];
    if (byKey.has(entry.key)) sink.error('DUPLICATE_ID', at('key'), `source key \`${entry.key}\` appears twice`);
    for (const field of ['date', 'accessed'] as const) {
      const text = entry[field];
      // A year alone is a date; a month or a day must be a real one.
      if (text !== undefined && text.length > 4 && dayNumber(text) === undefined) sink.error('BAD_DATE', at(field), `${text} is not a calendar date`);
    }
    (entry.authors ?? []).forEach((name, ni) => {
      if (name.literal === undefined && name.family === undefined)
        sink.error('MISSING_KEY', at('authors', ni), 'a name needs `family` (a person) or `literal` (an organisation)');
      if (name.literal !== undefined && (name.family !== undefined || name.given !== undefined)) {
        sink.error('NOT_ALLOWED', at('authors', ni, 'literal'), 'a name is either `literal` or `family` and `given`, not both');
      }
    });
    const source: Source = { ...entry, verified: entry.verified ?? true };
    if (!byKey.has(entry.key)) byKey.set(entry.key, source);
    return source;
  });
  if (sink.diagnostics.length > 0) return { diagnostics: sink.diagnostics };
  return { value: { file: doc.file, sources, byKey }, diagnostics: [] };
}

/** A citation by key, as a record or matrix writes it (`{key: lewis-2015-csis, quote: ...}`). */
export interface KeyedCitation {
  readonly key: string;
  readonly quote?: string;
  readonly verified?: boolean;
  readonly note?: string;
}

/** The fields a keyed citation takes from the bibliography, so it must not give them itself. */
const FROM_BIBLIOGRAPHY = ['url', 'title', 'publisher', 'date'] as const;

/**
 * The citation a keyed source stands for: url, title, publisher and date from the bibliography,
 * the quote and note its own, unverified when either says so. Reports an unknown key (with the
 * nearest known one) or a field the bibliography gives; undefined then.
 */
export function resolveCitation(
  cited: KeyedCitation & Partial<Record<(typeof FROM_BIBLIOGRAPHY)[number], string>>,
  path: DataPath,
  sink: DiagnosticSink,
  bibliography: Bibliography,
): Citation | undefined {
  const source = bibliography.byKey.get(cited.key);
  if (source === undefined) {
    sink.error(
      'UNKNOWN_SOURCE',
      [...path, 'key'],
      `no source \`${cited.key}\` in the bibliography (${bibliography.file})`,
      didYouMean(cited.key, [...bibliography.byKey.keys()]) ?? 'add it to the bibliography, or cite by url',
    );
    return undefined;
  }
  const doubled = FROM_BIBLIOGRAPHY.filter((field) => cited[field] !== undefined);
  for (const field of doubled) {
    sink.error(
      'NOT_ALLOWED',
      [...path, field],
      `a source cited by key takes its ${field} from the bibliography`,
      `remove \`${field}\`, or cite by url without \`key\``,
      true,
    );
  }
  if (doubled.length > 0) return undefined;
  return {
    ...(source.url !== undefined && { url: source.url }),
    ...(source.title !== undefined && { title: source.title }),
    ...(source.publisher !== undefined && { publisher: source.publisher }),
    ...(source.date !== undefined && { date: source.date }),
    ...(cited.quote !== undefined && { quote: cited.quote }),
    verified: source.verified && cited.verified !== false,
    ...(cited.note !== undefined && { note: cited.note }),
  };
}

/** The keys a matrix or record document cites (its events' sources and its own `sources`), once each, in order. */
export function citedKeys(data: unknown): string[] {
  const keys = new Set<string>();
  const add = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const cited of list)
      if (cited !== null && typeof cited === 'object' && typeof (cited as { key?: unknown }).key === 'string') keys.add((cited as { key: string }).key);
  };
  if (data === null || typeof data !== 'object') return [];
  const document = data as { sources?: unknown; events?: unknown };
  add(document.sources);
  if (Array.isArray(document.events))
    for (const event of document.events) if (event !== null && typeof event === 'object') add((event as { sources?: unknown }).sources);
  return [...keys];
}
