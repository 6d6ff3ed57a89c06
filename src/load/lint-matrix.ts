import type { Diagnostic } from '../diagnostics.js';
import { DiagnosticSink } from './load-document.js';
import type { RawMatrix } from './load-matrix.js';
import type { ParsedDocument } from './yaml-document.js';

type Raw = Readonly<Record<string, unknown>>;

/**
 * Mistakes a matrix can carry and still load, found by `validate`: levels that can never be
 * reached, a lowest level that is not a default, gates that can never matter.
 * Takes a schema-checked document; evaluate does not run these, so they change no score.
 */
export function lintMatrix(doc: ParsedDocument): Diagnostic[] {
  const raw = doc.data as RawMatrix;
  const sink = new DiagnosticSink(doc);
  const bestBand = raw.verdicts[0]?.label;
  raw.criteria.forEach((criterion, ci) => {
    const { levels } = criterion;
    levels.forEach((level, li) => {
      if (level.when === undefined) return;
      const shadow = levels.slice(0, li).find((above) => above.when !== undefined && implies(level.when, above.when));
      if (shadow) {
        const same = sameCondition(level.when, shadow.when);
        sink.error(
          'UNREACHABLE_LEVEL',
          ['criteria', ci, 'levels', li, 'when'],
          `level \`${level.label}\` of ${criterion.id} can never be reached: \`${shadow.label}\` above it ${same ? 'has the same condition' : 'has a condition that holds whenever this one does'}, and the first level that holds wins`,
          same ? 'make this condition differ from the one above: often a copy-paste left unchanged' : `narrow the condition of \`${shadow.label}\`, or list the narrower level first`,
          true,
        );
      }
    });
    const lowest = levels[levels.length - 1]!;
    const aboveLowest = levels[levels.length - 2];
    if (lowest.when !== undefined && !(aboveLowest?.when !== undefined && complements(lowest.when, aboveLowest.when))) {
      sink.warning(
        'NO_DEFAULT_LEVEL',
        ['criteria', ci, 'levels', levels.length - 1],
        `the lowest level \`${lowest.label}\` of ${criterion.id} has a \`when\`, so a record that meets no level gets none`,
        'drop its `when` to make it the default, or add a default level below it',
      );
    }
    (criterion.gates ?? []).forEach((gate, gi) => {
      if (gate.above === bestBand) {
        sink.warning('GATE_NO_EFFECT', ['criteria', ci, 'gates', gi, 'above'], `no verdict is better than \`${gate.above}\`, the best band, so this gate never applies`, 'name the band a verdict must be better than to need this level');
      } else if (gate.requires === lowest.label && lowest.when === undefined) {
        sink.warning('GATE_NO_EFFECT', ['criteria', ci, 'gates', gi, 'requires'], `every record reaches \`${gate.requires}\` (the default level) or better, so this gate never fails`, 'require a level above the lowest');
      }
    });
  });
  return sink.diagnostics;
}

function isRaw(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The single operator of a combining condition (`all`, `any`, `not`, `some`, `none`), if that is what it is. */
function combinator(node: Raw, op: 'all' | 'any' | 'not' | 'some' | 'none'): unknown {
  const keys = Object.keys(node);
  return keys.length === 1 && keys[0] === op ? node[op] : undefined;
}

function list(value: unknown): Raw[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every(isRaw) ? value : undefined;
}

/**
 * Whether one condition holds exactly when the other does not (`some: X` beside `none: X`, or
 * `not: C` beside `C`), so that two levels with them leave no record without a level: a lowest
 * level may then keep its `when`, which names the events that put a record there.
 */
function complements(a: unknown, b: unknown): boolean {
  if (!isRaw(a) || !isRaw(b)) return false;
  const [someA, noneB] = [combinator(a, 'some'), combinator(b, 'none')];
  if (someA !== undefined && noneB !== undefined && sameCondition(someA, noneB)) return true;
  const [noneA, someB] = [combinator(a, 'none'), combinator(b, 'some')];
  if (noneA !== undefined && someB !== undefined && sameCondition(noneA, someB)) return true;
  return sameCondition(combinator(a, 'not'), b) || sameCondition(a, combinator(b, 'not'));
}

/** Same data, whatever the key order. */
function sameCondition(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRaw(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Whether condition `b` implies `a` (whenever `b` holds, `a` does too), as far as the structure
 * alone proves it (same condition, one branch of an `any`, one more item in an `all`,
 * and so on through `some`, `none` and `not`). False means "not proved", never "proved not".
 */
export function implies(b: unknown, a: unknown): boolean {
  if (!isRaw(a) || !isRaw(b)) return false;
  if (sameCondition(b, a)) return true;
  const anyA = list(combinator(a, 'any'));
  if (anyA?.some((child) => implies(b, child))) return true;
  const allA = list(combinator(a, 'all'));
  if (allA?.every((child) => implies(b, child))) return true;
  const allB = list(combinator(b, 'all'));
  if (allB?.some((child) => implies(child, a))) return true;
  const anyB = list(combinator(b, 'any'));
  if (anyB?.every((child) => implies(child, a))) return true;
  const [someA, someB] = [combinator(a, 'some'), combinator(b, 'some')];
  if (someA !== undefined && someB !== undefined && implies(someB, someA)) return true;
  // No event meets the weaker condition, so none meets the stronger one; likewise for `not`.
  const [noneA, noneB] = [combinator(a, 'none'), combinator(b, 'none')];
  if (noneA !== undefined && noneB !== undefined && implies(noneA, noneB)) return true;
  const [notA, notB] = [combinator(a, 'not'), combinator(b, 'not')];
  return notA !== undefined && notB !== undefined && implies(notA, notB);
}
