import type { Diagnostic, ErrorCode } from '../diagnostics.js';
import { CORE_FIELDS, fieldReader, sameValue, type FieldReader } from '../engine/fields.js';
import { fieldUses } from '../engine/fields-read.js';
import type { CaseRecord, FieldDeclaration, FieldValue, Matrix, SummitEvent } from '../engine/types.js';
import { closestMatch } from '../suggest.js';
import { itemAt } from '../checked-index.js';
import { formatPath } from './data-path.js';
import { mismatch } from './load-fields.js';
import { recordLocator } from './load-record.js';
import type { InputText } from './read-input.js';
import { parseYamlDocument, type DataPath, type ParsedDocument, type Position } from './yaml-document.js';

/** Where a path of the record's data stands in its file; worked out only for a problem. */
export type RecordLocator = (path: DataPath, options?: { key?: boolean }) => Position & { readonly file: string };

/**
 * What a record says that a matrix cannot read, at the record's own positions: a value of a
 * declared field outside its values or of another type (with the declared value most likely
 * meant), and a field the matrix reads, whose absence it leaves unknown, that events it reads
 * it on do not state. Warnings, or errors when `strict`.
 */
export interface VocabularyOptions {
  readonly strict?: boolean;
  /** Fields not to report as unstated (validate reports those no record has at the matrix). */
  readonly skip?: ReadonlySet<string>;
  /** `some` (validate): a field some events it is read on leave out; `all` (evaluate): only one the record never states there. */
  readonly unstated?: 'some' | 'all';
}

export function checkVocabulary(matrix: Matrix, record: CaseRecord, locate: RecordLocator, options: VocabularyOptions = {}): Diagnostic[] {
  const severity = options.strict ? 'error' : 'warning';
  const diagnostics: Diagnostic[] = [];
  const problem = (code: ErrorCode, path: DataPath, message: string, hint?: string, key = false): void => {
    diagnostics.push({ severity, code, ...locate(path, { key }), path: formatPath(path), message, ...(hint && { hint }) });
  };
  const reads = declaredReads(matrix);
  const declared = reads.all;

  // No allocation per event and field unless there is a problem: this runs for every record of a stream.
  let i = -1;
  for (const event of record.events) {
    i++;
    if (statesDeclaredWell(event, reads)) continue;
    for (const declaration of declared) {
      const value = read(event, declaration.name);
      if (value === undefined || value === null) continue;
      const wrong = mismatch(value, declaration.type);
      if (wrong !== undefined) {
        problem(
          'UNDECLARED_VALUE',
          [...pathOf(i, declaration.name)],
          `event ${event.id}: \`${declaration.name}\` is ${wrong}, but matrix ${matrix.id} reads it as a ${declaration.type}`,
          'a test of it is unknown; see `summit-score codebook` for the field',
        );
        continue;
      }
      const values = declaration.values;
      if (values === undefined) continue;
      const many = declaration.type === 'list' && Array.isArray(value);
      const count = many ? value.length : 1;
      for (let ii = 0; ii < count; ii++) {
        const item: FieldValue = many ? (value[ii] as FieldValue) : value;
        if (isDeclared(values, item)) continue;
        const at = many ? [...pathOf(i, declaration.name), ii] : [...pathOf(i, declaration.name)];
        problem(
          'UNDECLARED_VALUE',
          at,
          `event ${event.id}: \`${declaration.name}\` ${JSON.stringify(item)} is not among the values matrix ${matrix.id} declares, so a test of it is unknown`,
          valueHint(item, declaration),
        );
      }
    }
  }

  for (const [name, types] of unknownWhenAbsent(matrix)) {
    if (options.skip?.has(name)) continue;
    // Counted in one pass without allocating: this runs for every record of a stream.
    let relevant = 0;
    let first = -1;
    let silentCount = 0;
    let at = -1;
    for (const event of record.events) {
      at++;
      if (types !== 'any' && !types.has(event.type)) continue;
      relevant++;
      const value = read(event, name);
      if (value !== undefined && value !== null) continue;
      silentCount++;
      if (first < 0) first = at;
    }
    if (silentCount === 0 || (options.unstated === 'all' && silentCount < relevant)) continue;
    const silent = record.events
      .map((event, i) => ({ event, i }))
      .filter(({ event }) => (types === 'any' || types.has(event.type)) && (read(event, name) ?? null) === null);
    const kind = types === 'any' ? '' : `${[...types].join(' or ')} `;
    const ids =
      silent
        .slice(0, 3)
        .map(({ event }) => event.id)
        .join(', ') + (silent.length > 3 ? ', ...' : '');
    const which = relevant === 1 ? `the only ${kind}event` : `${silentCount === relevant ? 'any' : silentCount} of the ${relevant} ${kind}events`;
    problem(
      'FIELD_NOT_STATED',
      ['events', first, ...(Object.keys(itemAt(record.events, first).fields).length > 0 ? ['fields'] : [])],
      `\`${name}\` is not stated on ${which} that matrix ${matrix.id} reads it on (${ids}): a test of it is unknown there`,
      'state it where the sources give it, or say in the matrix what its absence means (`absent:`)',
      true,
    );
  }
  return diagnostics;
}

/** The declared fields of a matrix: all of them, those on an event's own keys (`actors`), and the rest by the key of `fields` they start at. */
interface DeclaredReads {
  readonly all: readonly FieldDeclaration[];
  readonly core: readonly FieldDeclaration[];
  readonly byKey: ReadonlyMap<string, readonly FieldDeclaration[]>;
}

const declaredReadsCache = new WeakMap<Matrix, DeclaredReads>();

function declaredReads(matrix: Matrix): DeclaredReads {
  const cached = declaredReadsCache.get(matrix);
  if (cached) return cached;
  const all = Object.values(matrix.fields ?? {});
  const core: FieldDeclaration[] = [];
  const byKey = new Map<string, FieldDeclaration[]>();
  for (const declaration of all) {
    if ((CORE_FIELDS as readonly string[]).includes(declaration.name)) core.push(declaration);
    else {
      const key = declaration.name.split('.', 1)[0] ?? declaration.name;
      byKey.set(key, [...(byKey.get(key) ?? []), declaration]);
    }
  }
  const reads = { all, core, byKey };
  declaredReadsCache.set(matrix, reads);
  return reads;
}

/**
 * Whether an event states every declared field it states as declared: the keys of its `fields`
 * are walked once, where reading each declared field by name was a look-up per declaration on
 * objects of many shapes. An event that is not is checked field by field, in the matrix's order.
 */
function statesDeclaredWell(event: SummitEvent, reads: DeclaredReads): boolean {
  for (const declaration of reads.core) if (!statedWell(read(event, declaration.name), declaration)) return false;
  if (reads.byKey.size === 0) return true;
  const fields = event.fields;
  for (const key in fields) {
    const declarations = reads.byKey.get(key);
    if (declarations === undefined) continue;
    // `fields[key]` with the key of the walk: V8 reads it by the walk's own index of the keys.
    for (const declaration of declarations) if (!statedWell(declaration.name === key ? fields[key] : read(event, declaration.name), declaration)) return false;
  }
  return true;
}

/** Whether a value (undefined when not stated) is of its declared type and among its declared values. */
function statedWell(value: FieldValue | undefined, declaration: FieldDeclaration): boolean {
  if (value === undefined || value === null) return true;
  if (mismatch(value, declaration.type) !== undefined) return false;
  const values = declaration.values;
  if (values === undefined) return true;
  if (declaration.type === 'list' && Array.isArray(value)) {
    for (const item of value) if (!isDeclared(values, item as FieldValue)) return false;
    return true;
  }
  return isDeclared(values, value);
}

function isDeclared(values: readonly { readonly value: FieldValue }[], item: FieldValue): boolean {
  for (const declared of values) if (sameValue(declared.value, item)) return true;
  return false;
}

const readOnCache = new WeakMap<Matrix, ReadonlyMap<string, ReadonlySet<string> | 'any'>>();

/** Each field the matrix reads whose absence is unknown, and the event types it reads it on ('any': every event). */
function unknownWhenAbsent(matrix: Matrix): ReadonlyMap<string, ReadonlySet<string> | 'any'> {
  const cached = readOnCache.get(matrix);
  if (cached) return cached;
  const readOn = new Map<string, Set<string> | 'any'>();
  for (const use of fieldUses(matrix)) {
    if ((CORE_FIELDS as readonly string[]).includes(use.field)) continue;
    if ((matrix.fields?.[use.field]?.absent.kind ?? 'unknown') !== 'unknown') continue;
    const before = readOn.get(use.field);
    if (use.types === undefined || before === 'any') readOn.set(use.field, 'any');
    else readOn.set(use.field, new Set([...(before ?? []), ...use.types]));
  }
  readOnCache.set(matrix, readOn);
  return readOn;
}

const readers = new Map<string, FieldReader>();

/** The engine's reader of a field, made once per name: this runs for every event of a stream. */
function read(event: SummitEvent, name: string): FieldValue | undefined {
  let reader = readers.get(name);
  if (!reader) readers.set(name, (reader = fieldReader(name)));
  return reader(event);
}

function pathOf(i: number, name: string): DataPath {
  return (CORE_FIELDS as readonly string[]).includes(name) ? ['events', i, name] : ['events', i, 'fields', ...name.split('.')];
}

function valueHint(item: FieldValue, declaration: FieldDeclaration): string {
  const known = declaration.values!.map((value) => String(value.value));
  const meant = typeof item === 'string' ? closestValue(item, known) : undefined;
  if (meant !== undefined) return `did you mean \`${meant}\`?`;
  const shown = known.length <= 8 ? known.join(', ') : `${known.slice(0, 8).join(', ')}, ... (summit-score codebook lists them)`;
  return `values: ${shown}`;
}

/**
 * The declared value a word most likely stands for: a typo of it, or the only one it is a
 * shortening of by whole hyphenated parts (`un-gge-2015` for `un-gge-2015-report`).
 */
export function closestValue(word: string, candidates: readonly string[]): string | undefined {
  const typo = closestMatch(word, candidates);
  if (typo !== undefined) return typo;
  const longer = candidates.filter((candidate) => candidate.startsWith(`${word}-`) || candidate.endsWith(`-${word}`));
  return longer.length === 1 ? longer[0] : undefined;
}

/**
 * checkVocabulary for a record as a command loaded it: positions are those its parse kept (a
 * second parse of a large YAML record doubled its peak memory), or for a bundled record, which
 * keeps none, from its text parsed again only when there is a problem to place.
 */
export function checkLoadedVocabulary(matrix: Matrix, record: CaseRecord, input: InputText, options: VocabularyOptions = {}): Diagnostic[] {
  const kept = recordLocator(record);
  let doc: Pick<ParsedDocument, 'locate'> | undefined = kept && { locate: kept };
  const locate: RecordLocator = (path, at) => {
    if (doc === undefined) {
      const parsed = parseYamlDocument(input.file, input.text);
      // The record loaded, so its text parses.
      doc = Array.isArray(parsed) ? { file: input.file, data: null, locate: () => ({ line: 1, col: 1 }) } : parsed;
    }
    return { file: input.file, ...doc.locate(path, at) };
  };
  return checkVocabulary(matrix, record, locate, options);
}

/**
 * checkVocabulary for a record streamed from NDJSON: a problem is placed at its event (the line
 * keeps no document, and working out finer places would cost every record).
 */
export function checkStreamedVocabulary(matrix: Matrix, record: CaseRecord, file: string, options: VocabularyOptions = {}): Diagnostic[] {
  const locate: RecordLocator = (path) => {
    const event = typeof path[1] === 'number' ? record.events[path[1]] : undefined;
    return event?.location ?? { file, line: 1, col: 1 };
  };
  return checkVocabulary(matrix, record, locate, options);
}
