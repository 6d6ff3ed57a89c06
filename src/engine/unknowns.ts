import { compileConditionIn, type DeclaredFields, type Test } from './compile.js';
import { fieldReader } from './fields.js';
import { linkSources, linkTargets, type RecordIndex } from './record-index.js';
import { FAILS, UNKNOWN } from './truth.js';
import type { Condition, FieldValue, SummitEvent } from './types.js';

/** Why a test is unknown: one fact the record does not settle. */
export type UnknownReason =
  /** The event does not state the field, and the matrix does not say what absence means. */
  | 'not-recorded'
  /** The event's value is not among the field's declared values. */
  | 'undeclared-value'
  /** The event is dated by its month only, and the test needs the day. */
  | 'month-only'
  /** Every source of the event is marked unverified (`--unverified unknown`): it may not have happened. */
  | 'unverified'
  /** The cell is under assessment and nobody has assessed it (by the as-of date). */
  | 'not-assessed';

export interface UnknownFact {
  readonly event: string;
  readonly field: string;
  readonly reason: UnknownReason;
  /** The value the event states, for an undeclared value. */
  readonly value?: FieldValue;
  /** Where the unknown test stands in the matrix. */
  readonly path: string;
}

/** At most this many facts per cell: enough to say what would settle it, never a flood. */
const MAX_FACTS = 12;

/**
 * The facts that leave a condition unknown, found by walking down from it through the parts that
 * are themselves unknown, to the leaf tests. Every truth is the compiled engine's own (each part
 * compiled on its own, once, when first asked), so this names exactly the facts the score rests on.
 */
export function unknownFacts(condition: Condition, fields: DeclaredFields, index: RecordIndex, out: UnknownFact[]): void {
  walk(settler(condition, fields, false), index, undefined, out, new Set());
}

/**
 * The facts that leave it open whether `subject` is one of a forEach criterion's subjects: the
 * subject itself when it may not have happened (an unverified event), and the facts about it that
 * leave `forEach` unknown. Only the subject's: another event that surely passes `forEach` settles
 * nothing about this one.
 */
export function subjectFacts(forEach: Condition, fields: DeclaredFields, index: RecordIndex, subject: SummitEvent, out: UnknownFact[]): void {
  const node = settler(forEach, fields, true);
  if (index.uncertain?.has(subject) && node.truth(index, subject) !== FAILS)
    out.push({ event: subject.id, field: 'sources', reason: 'unverified', path: forEach.path });
  walk(node, index, subject, out, new Set());
}

interface Settler {
  readonly fields: DeclaredFields;
  readonly condition: Condition;
  readonly truth: Test;
  readonly children: readonly Settler[];
}

const settlers = new WeakMap<Condition, Map<boolean, Settler>>();

function settler(condition: Condition, fields: DeclaredFields, nested: boolean): Settler {
  let byNesting = settlers.get(condition);
  if (!byNesting) settlers.set(condition, (byNesting = new Map<boolean, Settler>()));
  let found = byNesting.get(nested);
  if (!found || found.fields !== fields) {
    const inner = (c: Condition | undefined) => (c ? [settler(c, fields, true)] : []);
    const children =
      condition.op === 'all' || condition.op === 'any' || condition.op === 'atLeast'
        ? condition.conditions.map((c) => settler(c, fields, nested))
        : condition.op === 'not'
          ? [settler(condition.condition, fields, nested)]
          : condition.op === 'some' || condition.op === 'none' || condition.op === 'count'
            ? inner(condition.where)
            : condition.op === 'link'
              ? inner(condition.to)
              : condition.op === 'linkedBy'
                ? inner(condition.where)
                : [];
    found = { fields, condition, truth: compileConditionIn(condition, nested, fields), children };
    byNesting.set(nested, found);
  }
  return found;
}

function walk(node: Settler, index: RecordIndex, event: SummitEvent | undefined, out: UnknownFact[], seen: Set<string>): void {
  if (out.length >= MAX_FACTS || node.truth(index, event) !== UNKNOWN) return;
  const { condition } = node;
  const push = (fact: UnknownFact) => {
    const key = `${fact.event}\u0000${fact.field}\u0000${fact.reason}`;
    if (seen.has(key) || out.length >= MAX_FACTS) return;
    seen.add(key);
    out.push(fact);
  };
  switch (condition.op) {
    case 'all':
    case 'any':
    case 'atLeast':
    case 'not':
      for (const child of node.children) walk(child, index, event, out, seen);
      return;
    case 'some':
    case 'none':
    case 'count':
      for (const candidate of index.events) {
        if (index.uncertain?.has(candidate) && node.children[0]!.truth(index, candidate) !== 0)
          push({ event: candidate.id, field: 'sources', reason: 'unverified', path: condition.path });
        walk(node.children[0]!, index, candidate, out, seen);
      }
      return;
    case 'link':
      for (const target of linkTargets(index, event!, condition.kind)) walk(node.children[0]!, index, target, out, seen);
      return;
    case 'linkedBy':
      for (const source of linkSources(index, event!, condition.kind)) walk(node.children[0]!, index, source, out, seen);
      return;
    case 'field':
    case 'partyIn': {
      const value = fieldReader(condition.field)(event!);
      if (value === undefined || value === null) push({ event: event!.id, field: condition.field, reason: 'not-recorded', path: condition.path });
      else push({ event: event!.id, field: condition.field, reason: 'undeclared-value', value, path: condition.path });
      return;
    }
    case 'before':
    case 'after':
    case 'within': {
      if (event!.date.length === 7) push({ event: event!.id, field: 'date', reason: 'month-only', path: condition.path });
      if (condition.anchor.kind === 'linked') {
        for (const target of linkTargets(index, event!, condition.anchor.link)) {
          if (target.date.length === 7) push({ event: target.id, field: 'date', reason: 'month-only', path: condition.path });
        }
      }
      return;
    }
    case 'deadline':
      push({ event: event!.id, field: 'deadline', reason: 'not-recorded', path: condition.path });
      return;
    default:
      return;
  }
}
