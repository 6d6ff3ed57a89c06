import { isWithin } from './anchors.js';
import { containsText, fieldReader, holdsParty, sameValue, type FieldReader } from './fields.js';
import { CORE_FIELDS as CORE_FIELD_NAMES } from './fields.js';
import { deadlineState, eventsOfType, eventsWithDeadline, linkSources, type RecordIndex } from './record-index.js';
import type { Comparison, Condition, DateAnchor, FieldTest, FieldValue, LinkKind, SummitEvent } from './types.js';

/**
 * A compiled condition. `event` is the event in scope: set inside `some`, `none`, `count` and
 * links, undefined at record level (the loader rejects event tests outside a quantifier).
 */
export type Test = (index: RecordIndex, event: SummitEvent | undefined) => boolean;

/**
 * Compiles a condition once into plain closures: no interpretation per event, and nothing
 * allocated per event or per evaluation on the way (a nested quantifier or a chain of links keeps
 * a small cache per index, below). Each test is specialised when compiled: `type: meeting` becomes
 * one property read and one comparison.
 */
export function compileCondition(condition: Condition): Test {
  return compileConditionIn(condition, false);
}

/** Whether a condition reaches further than the event in scope: through links, or over all events. */
export function fansOut(condition: Condition): boolean {
  switch (condition.op) {
    case 'all':
    case 'any':
    case 'atLeast':
      return condition.conditions.some(fansOut);
    case 'not':
      return fansOut(condition.condition);
    case 'some':
    case 'none':
    case 'count':
    case 'link':
    case 'linkedBy':
      return true;
    default:
      return false;
  }
}

/** `nested`: inside an event scope (a quantifier or a link), where a quantifier runs once per outer event. */
export function compileConditionIn(condition: Condition, nested: boolean): Test {
  switch (condition.op) {
    case 'all': {
      const tests = condition.conditions.map((c) => compileConditionIn(c, nested));
      if (tests.length === 1) return tests[0]!;
      if (tests.length === 2) {
        const [a, b] = tests as [Test, Test];
        return (index, event) => a(index, event) && b(index, event);
      }
      if (tests.length === 3) {
        const [a, b, c] = tests as [Test, Test, Test];
        return (index, event) => a(index, event) && b(index, event) && c(index, event);
      }
      return (index, event) => {
        for (let i = 0; i < tests.length; i++) if (!tests[i]!(index, event)) return false;
        return true;
      };
    }
    case 'any': {
      const tests = condition.conditions.map((c) => compileConditionIn(c, nested));
      if (tests.length === 1) return tests[0]!;
      if (tests.length === 2) {
        const [a, b] = tests as [Test, Test];
        return (index, event) => a(index, event) || b(index, event);
      }
      return (index, event) => {
        for (let i = 0; i < tests.length; i++) if (tests[i]!(index, event)) return true;
        return false;
      };
    }
    case 'not': {
      const test = compileConditionIn(condition.condition, nested);
      return (index, event) => !test(index, event);
    }
    case 'atLeast': {
      const tests = condition.conditions.map((c) => compileConditionIn(c, nested));
      const needed = condition.count;
      if (needed <= 0) return () => true;
      return (index, event) => {
        let held = 0;
        for (let i = 0; i < tests.length; i++) if (tests[i]!(index, event) && ++held >= needed) return true;
        return false;
      };
    }
    case 'some': {
      const { candidates, test } = planQuantifier(condition.where);
      if (!test) return quantifier(nested, (index) => candidates(index).length > 0);
      return quantifier(nested, (index) => {
        const events = candidates(index);
        for (let i = 0; i < events.length; i++) if (test(index, events[i])) return true;
        return false;
      });
    }
    case 'none': {
      const { candidates, test } = planQuantifier(condition.where);
      if (!test) return quantifier(nested, (index) => candidates(index).length === 0);
      return quantifier(nested, (index) => {
        const events = candidates(index);
        for (let i = 0; i < events.length; i++) if (test(index, events[i])) return false;
        return true;
      });
    }
    case 'count': {
      const { candidates, test } = planQuantifier(condition.where);
      const { comparison, value } = condition;
      return quantifier(nested, (index) => {
        const events = candidates(index);
        let count = events.length;
        if (test) {
          count = 0;
          for (let i = 0; i < events.length; i++) if (test(index, events[i])) count++;
        }
        return compareNumbers(count, comparison, value);
      });
    }
    case 'field': {
      const direct = compileDirectFieldTest(condition.field, condition.check);
      if (direct) return direct;
      const passes = compileFieldTest(fieldReader(condition.field), condition.check);
      return (_index, event) => passes(event!);
    }
    case 'before':
    case 'after':
    case 'within':
      return compileDateTest(condition.op, condition.anchor, condition.op === 'within' ? condition.days : 0);
    case 'deadline': {
      const wanted = new Set<string>(condition.states);
      return (index, event) => {
        const state = deadlineState(index, event!);
        return state !== undefined && wanted.has(state);
      };
    }
    case 'link': {
      const { kind } = condition;
      if (!condition.to) {
        return (index, event) => {
          const ids = event!.links[kind];
          if (ids === undefined) return false;
          for (let i = 0; i < ids.length; i++) if (index.byId.has(ids[i]!)) return true;
          return false;
        };
      }
      const test = perEvent(condition.to, compileConditionIn(condition.to, true));
      return (index, event) => {
        const ids = event!.links[kind];
        if (ids === undefined) return false;
        for (let i = 0; i < ids.length; i++) {
          const target = index.byId.get(ids[i]!);
          if (target !== undefined && test(index, target)) return true;
        }
        return false;
      };
    }
    case 'linkedBy': {
      const { kind } = condition;
      const test = condition.where ? perEvent(condition.where, compileConditionIn(condition.where, true)) : undefined;
      const needed = condition.min;
      return (index, event) => {
        const sources = index.linkedBy.get(kind)?.get(event!.id);
        if (sources === undefined) return false;
        let found = 0;
        for (let i = 0; i < sources.length; i++) if ((!test || test(index, sources[i])) && ++found >= needed) return true;
        return false;
      };
    }
    case 'partyIn': {
      const read = fieldReader(condition.field);
      return (index, event) => holdsParty(read(event!), index.party);
    }
    case 'isSubject': {
      const wanted = condition.value;
      return (index, event) => (index.subject !== undefined && index.subject.id === event!.id) === wanted;
    }
  }
}

/** The events a quantifier needs to look at, and the test they must pass (none: every one of them counts). */
export interface QuantifierPlan {
  readonly candidates: (index: RecordIndex) => readonly SummitEvent[];
  readonly test: Test | undefined;
}

/**
 * forEach criteria ask about one event, the subject: `isSubject: true` can only be the subject,
 * and `link: fulfils, to: {isSubject: true}` only the events that link to it, found through the
 * reverse link index. Without this every cell (party x subject) would scan every event.
 */
export function subjectCandidates(condition: Condition): ((index: RecordIndex) => readonly SummitEvent[]) | undefined {
  if (condition.op === 'isSubject' && condition.value) return (index) => (index.subject ? [index.subject] : []);
  if (condition.op === 'link' && condition.to?.op === 'isSubject' && condition.to.value) {
    const { kind } = condition;
    return (index) => (index.subject ? linkSources(index, index.subject, kind) : []);
  }
  return undefined;
}

/** Whether a quantifier's first test is one its plan looks up (so events outside the plan fail it at once). */
export function isPlannedPart(condition: Condition | undefined): boolean {
  return condition !== undefined && (requiredType(condition) !== undefined || subjectCandidates(condition) !== undefined);
}

/** The type an event test requires, when it is `type: T` (or `field: type, equals: T`). */
export function requiredType(condition: Condition): string | undefined {
  return condition.op === 'field' && condition.field === 'type' && condition.check.test === 'equals' && typeof condition.check.value === 'string'
    ? condition.check.value
    : undefined;
}

/**
 * How a quantifier finds its events, as a query planner would: `some: {all: [{type: meeting}, ...]}`
 * looks only at the meetings (the index lists the events of each type, in record order) and tests
 * the rest of the `all` on them; a deadline test looks only at the events with a deadline. The
 * result is the same as testing every event; most events are skipped without a call.
 */
export function planQuantifier(where: Condition): QuantifierPlan {
  const subjectPlan = subjectCandidates(where);
  if (subjectPlan) return { candidates: subjectPlan, test: undefined };
  if (where.op === 'all') {
    const tied = where.conditions.findIndex((part) => subjectCandidates(part) !== undefined);
    if (tied >= 0) {
      const rest = where.conditions.filter((_, i) => i !== tied);
      const test = rest.length === 0 ? undefined : compileConditionIn({ ...where, conditions: rest }, true);
      return { candidates: subjectCandidates(where.conditions[tied]!)!, test };
    }
  }
  const type = requiredType(where);
  if (type !== undefined) return { candidates: (index) => eventsOfType(index, type), test: undefined };
  if (where.op === 'all') {
    const typed = where.conditions.findIndex((part) => requiredType(part) !== undefined);
    if (typed >= 0) {
      const partType = requiredType(where.conditions[typed]!)!;
      const rest = where.conditions.filter((_, i) => i !== typed);
      const test = rest.length === 0 ? undefined : compileConditionIn({ ...where, conditions: rest }, true);
      return { candidates: (index) => eventsOfType(index, partType), test };
    }
    if (where.conditions.some((part) => part.op === 'deadline')) return { candidates: eventsWithDeadline, test: compileConditionIn(where, true) };
  }
  if (where.op === 'deadline') return { candidates: eventsWithDeadline, test: compileConditionIn(where, true) };
  return { candidates: (index) => index.events, test: compileConditionIn(where, true) };
}

/*
 * A quantifier inside a quantifier, or a link test inside a link test, would otherwise run its
 * inner test again for every outer candidate: nested `some` or chained `link ... to:` cost
 * events^depth, and a 40-line matrix could hang the tool. A quantifier's result depends only on
 * the index (not on the event in scope), and a link's inner test only on the index and the event
 * it reaches, so each is computed once per index (and event) and remembered while that index is
 * the one being evaluated. Every index is a fresh, immutable object per record, as-of date, party
 * and subject, so the last index seen is all a cache needs to know. At record level a quantifier
 * runs once per index anyway, and keeps nothing.
 */
function quantifier(nested: boolean, test: (index: RecordIndex) => boolean): Test {
  if (!nested) return (index) => test(index);
  let lastIndex: RecordIndex | undefined;
  let last = false;
  return (index) => {
    if (index !== lastIndex) {
      last = test(index);
      lastIndex = index;
    }
    return last;
  };
}

/** A link's inner test, remembered per index and event when it can itself fan out (a chain of links). */
function perEvent(condition: Condition, test: Test): Test {
  if (!fansOut(condition)) return test;
  let lastIndex: RecordIndex | undefined;
  let results = new Map<SummitEvent, boolean>();
  return (index, event) => {
    if (index !== lastIndex) {
      results = new Map();
      lastIndex = index;
    }
    let result = results.get(event!);
    if (result === undefined) results.set(event!, (result = test(index, event)));
    return result;
  };
}

type EventTest = (event: SummitEvent) => boolean;

/**
 * The commonest field tests as one closure each, reading the field in place: `type: meeting`,
 * `type: [meeting, exercise]`, and equals / in / exists on a plain key of `fields`. Undefined for
 * the others, which go through a field reader.
 */
function compileDirectFieldTest(field: string, check: FieldTest): Test | undefined {
  const primitiveValues = check.test === 'in' && check.values.every(isPrimitive) && check.values.length <= 8;
  if (field === 'type') {
    if (check.test === 'equals' && typeof check.value === 'string') {
      const expected = check.value;
      return (_index, event) => event!.type === expected;
    }
    if (check.test === 'in' && primitiveValues) {
      const values = check.values;
      return (_index, event) => values.includes(event!.type);
    }
    return undefined;
  }
  if ((CORE_FIELD_NAMES as readonly string[]).includes(field) || field.includes('.')) return undefined;
  const key = field;
  // Read as an own property only: a key the prototype has (`constructor`) is not a field of the event.
  if (check.test === 'equals' && isPrimitive(check.value)) {
    const expected = check.value;
    return (_index, event) => {
      const fields = event!.fields;
      return fields[key] === expected && Object.hasOwn(fields, key);
    };
  }
  if (check.test === 'in' && primitiveValues) {
    const values: readonly FieldValue[] = check.values;
    return (_index, event) => {
      const fields = event!.fields;
      const actual = fields[key];
      return actual !== undefined && values.includes(actual) && Object.hasOwn(fields, key);
    };
  }
  if (check.test === 'exists') {
    const wanted = check.value;
    return (_index, event) => {
      const fields = event!.fields;
      const actual = fields[key];
      return (actual !== undefined && actual !== null && Object.hasOwn(fields, key)) === wanted;
    };
  }
  return undefined;
}

const isPrimitive = (value: FieldValue): value is string | number | boolean | null => value === null || typeof value !== 'object';

/** A field test specialised for its comparison and its value. Values of different types never compare. */
export function compileFieldTest(read: FieldReader, check: FieldTest): EventTest {
  switch (check.test) {
    case 'exists': {
      const wanted = check.value;
      return (event) => {
        const actual = read(event);
        return (actual !== undefined && actual !== null) === wanted;
      };
    }
    case 'equals': {
      const expected = check.value;
      if (isPrimitive(expected)) return (event) => read(event) === expected;
      return (event) => sameValue(read(event), expected);
    }
    case 'in': {
      const values = check.values;
      if (!values.every(isPrimitive)) return (event) => values.some((value) => sameValue(read(event), value));
      if (values.length > 8) {
        const set = new Set<FieldValue>(values);
        return (event) => {
          const actual = read(event);
          return actual !== undefined && set.has(actual);
        };
      }
      return (event) => {
        const actual = read(event);
        for (let i = 0; i < values.length; i++) if (actual === values[i]) return true;
        return false;
      };
    }
    case 'contains': {
      const expected = check.value;
      const primitive = isPrimitive(expected);
      const text = typeof expected === 'string' ? expected : undefined;
      return (event) => {
        const actual = read(event);
        if (Array.isArray(actual)) {
          if (primitive) {
            for (let i = 0; i < actual.length; i++) if (actual[i] === expected) return true;
            return false;
          }
          return actual.some((item) => sameValue(item, expected));
        }
        return text !== undefined && typeof actual === 'string' && containsText(actual, text);
      };
    }
    case 'compare': {
      const expected = check.value;
      const type = typeof expected;
      switch (check.comparison) {
        case 'gt':
          return (event) => {
            const actual = read(event);
            return typeof actual === type && (actual as number | string) > expected;
          };
        case 'gte':
          return (event) => {
            const actual = read(event);
            return typeof actual === type && (actual as number | string) >= expected;
          };
        case 'lt':
          return (event) => {
            const actual = read(event);
            return typeof actual === type && (actual as number | string) < expected;
          };
        case 'lte':
          return (event) => {
            const actual = read(event);
            return typeof actual === type && (actual as number | string) <= expected;
          };
      }
    }
  }
}

/** `before`, `after` and `within` a fixed day, the summit, the as-of date, or any linked event. */
function compileDateTest(op: 'before' | 'after' | 'within', anchor: DateAnchor, days: number): Test {
  const holds: (day: number, anchorDay: number) => boolean =
    op === 'before' ? (day, anchorDay) => day < anchorDay : op === 'after' ? (day, anchorDay) => day > anchorDay : (day, anchorDay) => isWithin(day, anchorDay, days);
  switch (anchor.kind) {
    case 'date': {
      const anchorDay = anchor.day;
      if (op === 'before') return (_index, event) => event!.day < anchorDay;
      if (op === 'after') return (_index, event) => event!.day > anchorDay;
      return (_index, event) => isWithin(event!.day, anchorDay, days);
    }
    case 'summit': {
      const shift = anchor.daysBefore ?? 0;
      if (op === 'before') return (index, event) => event!.day < index.summitDay - shift;
      if (op === 'after') return (index, event) => event!.day > index.summitDay - shift;
      return (index, event) => isWithin(event!.day, index.summitDay - shift, days);
    }
    case 'asOf': {
      const shift = anchor.daysBefore ?? 0;
      if (op === 'before') return (index, event) => event!.day < index.asOfDay - shift;
      if (op === 'after') return (index, event) => event!.day > index.asOfDay - shift;
      return (index, event) => isWithin(event!.day, index.asOfDay - shift, days);
    }
    case 'linked': {
      const kind: LinkKind = anchor.link;
      return (index, event) => {
        const ids = event!.links[kind];
        if (ids === undefined) return false;
        for (let i = 0; i < ids.length; i++) {
          const target = index.byId.get(ids[i]!);
          if (target !== undefined && holds(event!.day, target.day)) return true;
        }
        return false;
      };
    }
  }
}

export function compareNumbers(actual: number, comparison: Comparison, expected: number): boolean {
  switch (comparison) {
    case 'equals':
      return actual === expected;
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
  }
}
