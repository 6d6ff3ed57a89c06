import type { Diagnostic, RelatedLocation } from '../diagnostics.js';
import { CORE_FIELDS } from '../engine/fields.js';
import type { CaseRecord, Matrix, SourceLocation } from '../engine/types.js';
import { closestMatch } from '../suggest.js';
import type { ParsedDocument } from './yaml-document.js';
import { itemAt } from '../checked-index.js';

export interface CheckedRecord {
  readonly record: CaseRecord;
  readonly doc: ParsedDocument;
}

interface Tested {
  readonly what: 'field' | 'event type';
  readonly name: string;
  readonly location?: SourceLocation;
}

/**
 * What the matrix reads that no record has: each field (by its first key) and event type that a
 * condition tests, when no event of any record carries it. One warning per name, at its first use
 * in the matrix, with the closest name the records do have (and where) as the likely typo. A field
 * the matrix declares is no typo of the matrix: what records leave out of it, checkVocabulary
 * reports at the records (src/load/check-vocabulary.ts).
 */
export function crossCheck(matrix: Matrix, records: readonly CheckedRecord[]): Diagnostic[] {
  if (records.length === 0) return [];
  const declared = matrix.fields ?? {};
  const have = { field: new Map<string, RelatedLocation>(), 'event type': new Map<string, RelatedLocation>() };
  for (const { record, doc } of records) {
    record.events.forEach((event, i) => {
      const at = (path: (string | number)[], key = false): RelatedLocation => ({ file: doc.file, ...doc.locate(path, { key }), message: '' });
      if (!have['event type'].has(event.type)) have['event type'].set(event.type, at(['events', i, 'type']));
      for (const key of Object.keys(event.fields)) {
        if (!have.field.has(key)) have.field.set(key, at(['events', i, 'fields', key], true));
      }
    });
  }
  const checked = records.map(({ record, doc }) => ({ file: doc.file, ...doc.locate(['events'], { key: true }), message: `record ${record.id}` }));
  const names = checked.map((place) => place.file).join(', ');

  const reported = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const tested of testedNames(matrix)) {
    const key = `${tested.what}:${tested.name}`;
    if (reported.has(key) || have[tested.what].has(tested.name)) continue;
    if (tested.what === 'field' && Object.hasOwn(declared, tested.name)) continue;
    reported.add(key);
    const near = closestMatch(tested.name, [...have[tested.what].keys()]);
    const nearPlace = near === undefined ? undefined : have[tested.what].get(near)!;
    const related = nearPlace ? [{ ...nearPlace, message: `${tested.what} \`${near}\`` }] : checked;
    const hint = nearPlace && `did you mean \`${near}\`? (${nearPlace.file}:${nearPlace.line}:${nearPlace.col})`;
    diagnostics.push({
      severity: 'warning',
      code: 'NOT_IN_RECORDS',
      ...(tested.location && { file: tested.location.file, line: tested.location.line, col: tested.location.col }),
      message: `the matrix tests ${tested.what} \`${tested.name}\`, which no event in ${records.length === 1 ? names : `the ${records.length} records`} has`,
      ...(hint && { hint }),
      related,
    });
  }
  return diagnostics;
}

/** The fields and event types a matrix's conditions test, in matrix order. */
function testedNames(matrix: Matrix): Tested[] {
  const found: Tested[] = [];
  // Walks every condition node, whatever its operator: any object with an `op` is a condition.
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    if (typeof node['op'] === 'string') {
      const location = node['location'] as SourceLocation | undefined;
      const field = node['field'];
      if (node['op'] === 'deadline') found.push({ what: 'field', name: 'deadline', ...(location && { location }) });
      if (typeof field === 'string') {
        if (field === 'type') {
          for (const type of typeValues(node['check'])) found.push({ what: 'event type', name: type, ...(location && { location }) });
        } else if (!(CORE_FIELDS as readonly string[]).includes(field)) {
          found.push({ what: 'field', name: itemAt(field.split('.'), 0), ...(location && { location }) });
        }
      }
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'location' && key !== 'check') visit(child);
  };
  for (const criterion of matrix.criteria) visit(criterion);
  return found;
}

function typeValues(check: unknown): string[] {
  const { test, value, values } = (check ?? {}) as { test?: string; value?: unknown; values?: unknown[] };
  const candidates = test === 'equals' ? [value] : test === 'in' ? (values ?? []) : [];
  return candidates.filter((candidate): candidate is string => typeof candidate === 'string');
}
