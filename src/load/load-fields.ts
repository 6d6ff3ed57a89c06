import { dayNumber } from '../engine/dates.js';
import type { AbsentMeaning, DeclaredValue, FieldDeclaration, FieldType, FieldValue, SourceLocation } from '../engine/types.js';
import { didYouMean } from '../suggest.js';
import type { DiagnosticSink } from './load-document.js';
import type * as MatrixSchema from './schema-types/matrix.js';
import type { DataPath } from './yaml-document.js';

/**
 * Builds the declared fields of a schema-checked matrix: each value key read as the field's type,
 * and `absent` read as unknown, false or a value the field can hold.
 */
export function declaredFields(
  raw: Readonly<Record<string, MatrixSchema.FieldDeclaration>>,
  sink: DiagnosticSink,
  location: (path: DataPath) => SourceLocation,
): Record<string, FieldDeclaration> {
  const fields: Record<string, FieldDeclaration> = {};
  for (const [name, declaration] of Object.entries(raw)) {
    const at = (...rest: (string | number)[]): DataPath => ['fields', name, ...rest];
    const values = declaredValues(name, declaration, sink, at);
    fields[name] = {
      name,
      type: declaration.type,
      ...(declaration.description !== undefined && { description: declaration.description }),
      ...(values && { values }),
      absent: absentMeaning(name, declaration, values, sink, at),
      location: location(at()),
    };
  }
  return fields;
}

function declaredValues(
  name: string,
  declaration: MatrixSchema.FieldDeclaration,
  sink: DiagnosticSink,
  at: (...rest: (string | number)[]) => DataPath,
): DeclaredValue[] | undefined {
  if (declaration.values === undefined) return undefined;
  if (declaration.type === 'date') {
    sink.error(
      'NOT_ALLOWED',
      at('values'),
      `\`${name}\` is a date field, so it cannot list values`,
      'drop `values:`, or make it a string field if the dates are codes',
    );
    return undefined;
  }
  const values: DeclaredValue[] = [];
  let unread = false;
  for (const [key, meaning] of Object.entries(declaration.values)) {
    const value = valueOfKey(key, declaration.type);
    if (value === undefined) {
      unread = true;
      sink.error(
        'WRONG_TYPE',
        at('values', key),
        `\`${key}\` is not a ${declaration.type === 'boolean' ? 'boolean (true or false)' : 'number'}, as the ${declaration.type} field \`${name}\` needs`,
        undefined,
        true,
      );
    } else {
      values.push({ value, meaning });
    }
  }
  // With a value unread, whether `absent` names a declared value cannot be told: one message, not two.
  return unread ? undefined : values;
}

/** A `values` key as a value of the field's type; undefined when it is not one. */
function valueOfKey(key: string, type: FieldType): string | number | boolean | undefined {
  if (type === 'boolean') return key === 'true' ? true : key === 'false' ? false : undefined;
  if (type === 'number') {
    const number = Number(key);
    return key.trim() !== '' && Number.isFinite(number) ? number : undefined;
  }
  return key;
}

function absentMeaning(
  name: string,
  declaration: MatrixSchema.FieldDeclaration,
  values: readonly DeclaredValue[] | undefined,
  sink: DiagnosticSink,
  at: (...rest: (string | number)[]) => DataPath,
): AbsentMeaning {
  const absent = declaration.absent;
  if (absent === undefined || absent === 'unknown') return { kind: 'unknown' };
  // On a boolean field `absent: false` is the value false; on others it cannot be a value, so tests fail.
  if (absent === false && declaration.type !== 'boolean') return { kind: 'false' };
  const explicit = typeof absent === 'object' && absent !== null;
  const value = explicit ? absent.value : absent;
  const path = explicit ? at('absent', 'value') : at('absent');
  const typeProblem = mismatch(value, declaration.type);
  if (typeProblem !== undefined) {
    sink.error(
      'WRONG_TYPE',
      path,
      `\`absent\` of the ${declaration.type} field \`${name}\` is ${typeProblem}`,
      'write unknown, false, or a value the field can hold',
    );
    return { kind: 'unknown' };
  }
  if (values !== undefined && !values.some((declared) => declared.value === value)) {
    const known = values.map((declared) => String(declared.value));
    sink.error(
      'NOT_ALLOWED',
      path,
      `\`absent\` reads \`${name}\` as ${JSON.stringify(value)}, which is not among its values`,
      didYouMean(String(value), known) ?? `values: ${known.join(', ')}`,
    );
    return { kind: 'unknown' };
  }
  return { kind: 'value', value: value };
}

/** What is wrong with `value` as a value of a field of `type` (undefined: nothing). */
export function mismatch(value: FieldValue | undefined, type: FieldType): string | undefined {
  // Described only when wrong: this runs for every declared field of every event of a stream.
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : shown(value);
    case 'number':
      return typeof value === 'number' ? undefined : shown(value);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : shown(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value) && dayNumber(value) !== undefined
        ? undefined
        : `${shown(value)}, not a calendar date`;
    case 'list':
      // One value alone stands for a list of one (`accused: CN`), as conditions read it.
      return value !== null && (Array.isArray(value) || typeof value !== 'object') ? undefined : shown(value);
  }
}

function shown(value: FieldValue | undefined): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : `${typeof value} ${JSON.stringify(value)}`;
}
