import type { Diagnostic, ErrorCode } from '../diagnostics.js';
import { CORE_FIELDS, sameValue } from '../engine/fields.js';
import { fieldUses } from '../engine/fields-read.js';
import type { CaseRecord, FieldDeclaration, FieldValue, Matrix, SummitEvent } from '../engine/types.js';
import { closestMatch } from '../suggest.js';
import { formatPath } from './data-path.js';
import { mismatch } from './load-fields.js';
import type { DataPath, Position } from './yaml-document.js';

/** Where a path of the record's data stands in its file; worked out only for a problem. */
export type RecordLocator = (path: DataPath, options?: { key?: boolean }) => Position & { readonly file: string };

/** The codes of the problems a record has with the vocabulary of a matrix: warnings, errors under --strict. */
export const VOCABULARY_CODES: readonly ErrorCode[] = ['UNDECLARED_VALUE', 'FIELD_NOT_STATED'];

/**
 * What a record says that a matrix cannot read, at the record's own positions: a value of a
 * declared field outside its values or of another type (with the declared value most likely
 * meant), and a field the matrix reads, whose absence it leaves unknown, that events it reads
 * it on do not state. Warnings, or errors when `strict`.
 */
export function checkVocabulary(matrix: Matrix, record: CaseRecord, locate: RecordLocator, options: { strict?: boolean; skip?: ReadonlySet<string> } = {}): Diagnostic[] {
  const severity = options.strict ? 'error' : 'warning';
  const diagnostics: Diagnostic[] = [];
  const problem = (code: ErrorCode, path: DataPath, message: string, hint?: string, key = false): void => {
    diagnostics.push({ severity, code, ...locate(path, { key }), path: formatPath(path), message, ...(hint && { hint }) });
  };
  const fields = matrix.fields ?? {};
  const declared = Object.values(fields);

  record.events.forEach((event, i) => {
    for (const declaration of declared) {
      const value = read(event, declaration.name);
      if (value === undefined || value === null) continue;
      const path = (): DataPath => [...pathOf(i, declaration.name)];
      const wrong = mismatch(value, declaration.type);
      if (wrong !== undefined) {
        problem('UNDECLARED_VALUE', path(), `event ${event.id}: \`${declaration.name}\` is ${wrong}, but matrix ${matrix.id} reads it as a ${declaration.type}`, 'a test of it is unknown; see `summit-score codebook` for the field');
        continue;
      }
      if (declaration.values === undefined) continue;
      const items = declaration.type === 'list' && Array.isArray(value) ? value : [value];
      items.forEach((item, ii) => {
        if (declaration.values!.some((known) => sameValue(known.value, item))) return;
        const at = items === value ? [...path(), ii] : path();
        problem('UNDECLARED_VALUE', at, `event ${event.id}: \`${declaration.name}\` ${JSON.stringify(item)} is not among the values matrix ${matrix.id} declares, so a test of it is unknown`, valueHint(item, declaration));
      });
    }
  });

  // Each field read with absence unknown: the events it is read on that do not state it.
  const readOn = new Map<string, Set<string> | 'any'>();
  for (const use of fieldUses(matrix)) {
    if ((CORE_FIELDS as readonly string[]).includes(use.field) || options.skip?.has(use.field)) continue;
    if ((fields[use.field]?.absent.kind ?? 'unknown') !== 'unknown') continue;
    const before = readOn.get(use.field);
    if (use.types === undefined || before === 'any') readOn.set(use.field, 'any');
    else readOn.set(use.field, new Set([...(before ?? []), ...use.types]));
  }
  for (const [name, types] of readOn) {
    const relevant = record.events.map((event, i) => ({ event, i })).filter(({ event }) => types === 'any' || types.has(event.type));
    const silent = relevant.filter(({ event }) => read(event, name) === undefined || read(event, name) === null);
    if (silent.length === 0) continue;
    const kind = types === 'any' ? '' : `${[...types].join(' or ')} `;
    const ids = silent.slice(0, 3).map(({ event }) => event.id).join(', ') + (silent.length > 3 ? ', ...' : '');
    const which = relevant.length === 1 ? `the only ${kind}event` : `${silent.length === relevant.length ? 'any' : silent.length} of the ${relevant.length} ${kind}events`;
    problem(
      'FIELD_NOT_STATED',
      ['events', silent[0]!.i, ...(Object.keys(silent[0]!.event.fields).length > 0 ? ['fields'] : [])],
      `\`${name}\` is not stated on ${which} that matrix ${matrix.id} reads it on (${ids}): a test of it is unknown there`,
      'state it where the sources give it, or say in the matrix what its absence means (`absent:`)',
      true,
    );
  }
  return diagnostics;
}

function read(event: SummitEvent, name: string): FieldValue | undefined {
  switch (name) {
    case 'id':
    case 'type':
    case 'date':
    case 'title':
    case 'actors':
      return event[name];
  }
  let value: FieldValue | undefined = event.fields;
  for (const key of name.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Readonly<Record<string, FieldValue>>)[key];
  }
  return value;
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
