import { FAILS, HOLDS, UNKNOWN, truthOf, type Truth } from './truth.js';
import type { AbsentMeaning, FieldDeclaration, FieldTest, FieldValue, SummitEvent } from './types.js';

export { deadlineState } from './record-index.js';

/** Event properties a condition can name directly; every other name is looked up in `fields`. */
export const CORE_FIELDS = ['id', 'type', 'date', 'title', 'actors'] as const;

export type FieldReader = (event: SummitEvent) => FieldValue | undefined;

/** A reader for `name`, where a dotted name (`chairs.us`) walks into nested maps. */
export function fieldReader(name: string): FieldReader {
  switch (name) {
    case 'id':
      return (event) => event.id;
    case 'type':
      return (event) => event.type;
    case 'date':
      return (event) => event.date;
    case 'title':
      return (event) => event.title;
    case 'actors':
      return (event) => event.actors;
  }
  const [head, ...rest] = name.split('.') as [string, ...string[]];
  if (rest.length === 0) return (event) => (Object.hasOwn(event.fields, head) ? event.fields[head] : undefined);
  return (event) => {
    let value: FieldValue | undefined = own(event.fields, head);
    for (const key of rest) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      value = own(value as Record<string, FieldValue>, key);
    }
    return value;
  };
}

function own(map: Readonly<Record<string, FieldValue>>, key: string): FieldValue | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item: FieldValue, i) => sameValue(item, b[i] as FieldValue | undefined));
  }
  return false;
}

/** What the matrix says about one field: what its absence means, and its closed set of values. */
export interface FieldMeaning {
  readonly absent: AbsentMeaning;
  /** The declared values of a closed field; a value outside them is not known to the matrix. */
  readonly closed?: ReadonlySet<FieldValue>;
}

const UNDECLARED: FieldMeaning = { absent: { kind: 'unknown' } };
/**
 * What the matrix says of one field. A field it does not declare (and every field of a matrix with
 * no `fields:` block) reads absent as unknown: silence is never "false" unless the matrix says so.
 */
export function fieldMeaning(fields: Readonly<Record<string, FieldDeclaration>> | undefined, name: string): FieldMeaning {
  if (fields === undefined) return UNDECLARED;
  const declaration = Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (!declaration) return UNDECLARED;
  return declaration.values ? { absent: declaration.absent, closed: new Set(declaration.values.map((v) => v.value)) } : { absent: declaration.absent };
}

/** Whether any value is known and absence is unknown or false (not a stand-in value): the fast tests apply. */
export const isUndeclared = (meaning: FieldMeaning): boolean => meaning.absent.kind !== 'value' && meaning.closed === undefined;

function undeclared(actual: FieldValue, closed: ReadonlySet<FieldValue>): boolean {
  if (Array.isArray(actual)) return actual.some((item: FieldValue) => undeclared(item, closed));
  return actual === null || typeof actual !== 'object' ? !closed.has(actual) : false;
}

/**
 * The one definition of a field test's truth. An event that does not state the field (or states
 * null) gives what the matrix declares for its absence: unknown unless it says `false` or a value.
 * A value outside a closed field's declared values is unknown (it may be a slip for one of them),
 * except that a list which contains the value sought holds whatever else it lists. `exists` on
 * an absent field is unknown too (silence does not say the field has no value), unless absence
 * is declared. `passes` is the two-valued test of a stated value (passesFieldTest, or its
 * compiled form).
 */
export function fieldTruth(actual: FieldValue | undefined, check: FieldTest, meaning: FieldMeaning, passes: (actual: FieldValue) => boolean): Truth {
  const { absent, closed } = meaning;
  if (check.test === 'exists') {
    if ((actual !== undefined && actual !== null) || absent.kind === 'value') return truthOf(check.value);
    return absent.kind === 'false' ? truthOf(!check.value) : UNKNOWN;
  }
  if (actual === undefined || actual === null) {
    if (absent.kind === 'unknown') return UNKNOWN;
    if (absent.kind === 'false') return FAILS;
    actual = absent.value;
  }
  if (closed !== undefined && undeclared(actual, closed)) return check.test === 'contains' && passes(actual) ? HOLDS : UNKNOWN;
  return passes(actual) ? HOLDS : FAILS;
}

/** Whether a stated value passes `check`; values of different types never compare. */
export function passesFieldTest(actual: FieldValue | undefined, check: FieldTest): boolean {
  switch (check.test) {
    case 'exists':
      return (actual !== undefined && actual !== null) === check.value;
    case 'equals':
      return sameValue(actual, check.value);
    case 'in':
      return check.values.some((value) => sameValue(actual, value));
    case 'contains':
      if (Array.isArray(actual)) return actual.some((item: FieldValue) => sameValue(item, check.value));
      return typeof actual === 'string' && typeof check.value === 'string' && containsText(actual, check.value);
    case 'compare': {
      if (typeof actual !== typeof check.value) return false;
      const a = actual as number | string;
      switch (check.comparison) {
        case 'gt':
          return a > check.value;
        case 'gte':
          return a >= check.value;
        case 'lt':
          return a < check.value;
        case 'lte':
          return a <= check.value;
      }
    }
  }
}

/** Patterns up to this length use the built-in search, whose worst case is then linear too. */
const SHORT_PATTERN = 64;

/**
 * Whether `text` contains `pattern` (UTF-16 code units, like String.prototype.includes), in time
 * linear in their lengths. The built-in search is fast on real text, but on crafted text (a long
 * `aaa…ab…a` sought in `aaa…a`) it takes time proportional to the product of the lengths: minutes
 * for inputs well under the size limit. Long patterns therefore use Knuth–Morris–Pratt.
 */
export function containsText(text: string, pattern: string): boolean {
  if (pattern.length <= SHORT_PATTERN || pattern.length > text.length) return text.includes(pattern);
  // failure[i]: the length of the longest proper prefix of pattern[0..i] that is also its suffix.
  const failure = new Int32Array(pattern.length);
  for (let i = 1, k = 0; i < pattern.length; i++) {
    while (k > 0 && pattern.charCodeAt(i) !== pattern.charCodeAt(k)) k = failure[k - 1]!;
    if (pattern.charCodeAt(i) === pattern.charCodeAt(k)) k++;
    failure[i] = k;
  }
  for (let i = 0, k = 0; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== pattern.charCodeAt(k)) k = failure[k - 1]!;
    if (text.charCodeAt(i) === pattern.charCodeAt(k)) k++;
    if (k === pattern.length) return true;
  }
  return false;
}

/** Whether a field holds the party: equals it, or (a list) contains it. */
function holdsParty(value: FieldValue | undefined, party: string | undefined): boolean {
  if (party === undefined) return false;
  return Array.isArray(value) ? value.includes(party) : value === party;
}

/** Whether the party is in a field (`actors`, `accused`); an absent field reads as the matrix declares. */
export function partyTruth(actual: FieldValue | undefined, party: string | undefined, meaning: FieldMeaning): Truth {
  if (party === undefined) return FAILS;
  if (actual === undefined || actual === null) {
    if (meaning.absent.kind === 'unknown') return UNKNOWN;
    if (meaning.absent.kind === 'false') return FAILS;
    actual = meaning.absent.value;
  }
  return holdsParty(actual, party) ? HOLDS : FAILS;
}
