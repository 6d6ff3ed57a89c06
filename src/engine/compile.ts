import { dateTruth, firstDay, isWithin } from './anchors.js';
import { containsText, fieldMeaning, fieldReader, fieldTruth, isUndeclared, partyTruth, sameValue, type FieldMeaning, type FieldReader } from './fields.js';
import { CORE_FIELDS as CORE_FIELD_NAMES } from './fields.js';
import { atLeastTruth, compareRange, FAILS, HOLDS, UNKNOWN, type Truth } from './truth.js';
import { deadlineState, eventsOfType, eventsOfTypes, eventsWithDeadline, linkSources, type RecordIndex } from './record-index.js';
import type { Condition, DateAnchor, FieldTest, FieldValue, LinkKind, Matrix, SummitEvent } from './types.js';

/**
 * A compiled condition: holds, fails or unknown (truth.ts). `event` is the event in scope: set
 * inside `some`, `none`, `count` and links, undefined at record level (the loader rejects event
 * tests outside a quantifier).
 */
export type Test = (index: RecordIndex, event: SummitEvent | undefined) => Truth;

/** The matrix's declared fields: what absence means and which values a field may take. */
export type DeclaredFields = Matrix['fields'];

/**
 * Compiles a condition once into plain closures: no interpretation per event, and nothing
 * allocated per event or per evaluation on the way (a nested quantifier or a chain of links keeps
 * a small cache per index, below). Each test is specialised when compiled: `type: meeting` becomes
 * one property read and one comparison. The truth of each leaf is defined once, in fields.ts
 * (field tests) and anchors.ts (dates); the specialisations below agree with those definitions
 * (test/engine/truth-tables.test.ts and the property tests check it).
 */
export function compileCondition(condition: Condition, fields?: DeclaredFields): Test {
  return compileConditionIn(condition, false, fields);
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
export function compileConditionIn(condition: Condition, nested: boolean, fields?: DeclaredFields): Test {
  const compile = (c: Condition, inner = nested) => compileConditionIn(c, inner, fields);
  switch (condition.op) {
    case 'all': {
      const tests = condition.conditions.map((c) => compile(c));
      if (tests.length === 1) return tests[0]!;
      if (tests.length === 2) {
        const [a, b] = tests as [Test, Test];
        return (index, event) => {
          const x = a(index, event);
          if (x === FAILS) return FAILS;
          const y = b(index, event);
          return y < x ? y : x;
        };
      }
      return (index, event) => {
        let truth: Truth = HOLDS;
        for (let i = 0; i < tests.length; i++) {
          const part = tests[i]!(index, event);
          if (part === FAILS) return FAILS;
          if (part < truth) truth = part;
        }
        return truth;
      };
    }
    case 'any': {
      const tests = condition.conditions.map((c) => compile(c));
      if (tests.length === 1) return tests[0]!;
      if (tests.length === 2) {
        const [a, b] = tests as [Test, Test];
        return (index, event) => {
          const x = a(index, event);
          if (x === HOLDS) return HOLDS;
          const y = b(index, event);
          return y > x ? y : x;
        };
      }
      return (index, event) => {
        let truth: Truth = FAILS;
        for (let i = 0; i < tests.length; i++) {
          const part = tests[i]!(index, event);
          if (part === HOLDS) return HOLDS;
          if (part > truth) truth = part;
        }
        return truth;
      };
    }
    case 'not': {
      const test = compile(condition.condition);
      return (index, event) => (HOLDS - test(index, event)) as Truth;
    }
    case 'atLeast': {
      const tests = condition.conditions.map((c) => compile(c));
      const needed = condition.count;
      if (needed <= 0) return () => HOLDS;
      return (index, event) => {
        let held = 0;
        let maybe = 0;
        for (let i = 0; i < tests.length; i++) {
          const part = tests[i]!(index, event);
          if (part === HOLDS && ++held >= needed) return HOLDS;
          if (part === UNKNOWN) maybe++;
        }
        return atLeastTruth(held, maybe, needed);
      };
    }
    case 'some': {
      const { candidates, test, viaSubject = false } = planQuantifier(condition.where, fields);
      if (!test)
        return quantifier(nested, (index) =>
          index.uncertain === undefined ? (candidates(index).length > 0 ? HOLDS : FAILS) : someTruth(index, candidates(index), always, viaSubject),
        );
      return quantifier(nested, (index) => someTruth(index, candidates(index), test, viaSubject));
    }
    case 'none': {
      const { candidates, test, viaSubject = false } = planQuantifier(condition.where, fields);
      if (!test)
        return quantifier(nested, (index) =>
          index.uncertain === undefined
            ? candidates(index).length === 0
              ? HOLDS
              : FAILS
            : ((HOLDS - someTruth(index, candidates(index), always, viaSubject)) as Truth),
        );
      return quantifier(nested, (index) => (HOLDS - someTruth(index, candidates(index), test, viaSubject)) as Truth);
    }
    case 'count': {
      const { candidates, test, viaSubject = false } = planQuantifier(condition.where, fields);
      const { comparison, value } = condition;
      return quantifier(nested, (index) => {
        const events = candidates(index);
        const uncertain = index.uncertain;
        if (!test && uncertain === undefined) return compareRange(events.length, events.length, comparison, value);
        let held = 0;
        let maybe = 0;
        const doubtful = viaSubject && subjectDoubtful(index);
        for (let i = 0; i < events.length; i++) {
          let truth = test ? test(index, events[i]) : HOLDS;
          if (truth === HOLDS && uncertain !== undefined && (doubtful || uncertain.has(events[i]!))) truth = UNKNOWN;
          if (truth === HOLDS) held++;
          else if (truth === UNKNOWN) maybe++;
        }
        return compareRange(held, held + maybe, comparison, value);
      });
    }
    case 'field': {
      const meaning = fieldMeaning(fields, condition.field);
      const direct = isUndeclared(meaning)
        ? compileDirectFieldTest(condition.field, condition.check, meaning.absent.kind === 'false' ? FAILS : UNKNOWN)
        : undefined;
      if (direct) return direct;
      const passes = compileFieldTest(fieldReader(condition.field), condition.check, meaning);
      return (_index, event) => passes(event!);
    }
    case 'before':
    case 'after':
    case 'within':
      return compileDateTest(condition.op, condition.anchor, condition.op === 'within' ? condition.days : 0);
    case 'deadline': {
      const wanted = new Set<string>(condition.states);
      const absent = deadlineAbsence(fields);
      return (index, event) => {
        const state = deadlineState(index, event!);
        return state !== undefined ? (wanted.has(state) ? HOLDS : FAILS) : absent;
      };
    }
    case 'link': {
      const { kind } = condition;
      if (!condition.to) {
        return (index, event) => {
          const ids = event!.links[kind];
          if (ids === undefined) return FAILS;
          let truth: Truth = FAILS;
          for (let i = 0; i < ids.length; i++) {
            const target = index.byId.get(ids[i]!);
            if (target === undefined) continue;
            if (index.uncertain === undefined || !index.uncertain.has(target)) return HOLDS;
            truth = UNKNOWN;
          }
          return truth;
        };
      }
      const test = perEvent(condition.to, compile(condition.to, true));
      return (index, event) => {
        const ids = event!.links[kind];
        if (ids === undefined) return FAILS;
        let truth: Truth = FAILS;
        for (let i = 0; i < ids.length; i++) {
          const target = index.byId.get(ids[i]!);
          if (target === undefined) continue;
          let part = test(index, target);
          if (part === HOLDS && index.uncertain !== undefined && index.uncertain.has(target)) part = UNKNOWN;
          if (part === HOLDS) return HOLDS;
          if (part > truth) truth = part;
        }
        return truth;
      };
    }
    case 'linkedBy': {
      const { kind } = condition;
      const test = condition.where ? perEvent(condition.where, compile(condition.where, true)) : undefined;
      const needed = condition.min;
      return (index, event) => {
        const sources = index.linkedBy.get(kind)?.get(event!.id);
        if (sources === undefined) return FAILS;
        const uncertain = index.uncertain;
        if (!test && uncertain === undefined) return sources.length >= needed ? HOLDS : FAILS;
        let found = 0;
        let maybe = 0;
        for (let i = 0; i < sources.length; i++) {
          let truth = test ? test(index, sources[i]) : HOLDS;
          if (truth === HOLDS && uncertain !== undefined && uncertain.has(sources[i]!)) truth = UNKNOWN;
          if (truth === HOLDS && ++found >= needed) return HOLDS;
          if (truth === UNKNOWN) maybe++;
        }
        return atLeastTruth(found, maybe, needed);
      };
    }
    case 'partyIn': {
      const read = fieldReader(condition.field);
      const meaning = fieldMeaning(fields, condition.field);
      return (index, event) => partyTruth(read(event!), index.party, meaning);
    }
    case 'isSubject': {
      const wanted = condition.value;
      return (index, event) => ((index.subject !== undefined && index.subject.id === event!.id) === wanted ? HOLDS : FAILS);
    }
  }
}

/**
 * A deadline test on an event without a (valid) deadline: the date it needs is missing, so
 * unknown, unless the matrix declares that absence of `deadline` means false (or the matrix has no
 * `fields:` block, read as before). Only then may a quantifier skip the events without one.
 */
function deadlineAbsence(fields: DeclaredFields): Truth {
  return fieldMeaning(fields, 'deadline').absent.kind === 'false' ? FAILS : UNKNOWN;
}

/**
 * `some` over a list: holds if an event holds, else unknown if an event is unknown. An event that
 * may not have happened (index.uncertain) is unknown where it would hold, and so is every event of
 * a list `viaSubject` (the events that link to the subject) when the subject may not have happened.
 */
function someTruth(index: RecordIndex, events: readonly SummitEvent[], test: Test, viaSubject: boolean): Truth {
  const uncertain = index.uncertain;
  const doubtful = viaSubject && subjectDoubtful(index);
  let truth: Truth = FAILS;
  for (let i = 0; i < events.length; i++) {
    let part = test(index, events[i]);
    if (part === HOLDS && uncertain !== undefined && (doubtful || uncertain.has(events[i]!))) part = UNKNOWN;
    if (part === HOLDS) return HOLDS;
    if (part > truth) truth = part;
  }
  return truth;
}

const always: Test = () => HOLDS;

/**
 * A link to the subject holds only as surely as the subject happened: the events that link to an
 * unverified subject are unknown where they would hold, as a link to any unverified event is (the
 * `link` case above), however the quantifier finds them.
 */
const subjectDoubtful = (index: RecordIndex): boolean => index.uncertain !== undefined && index.uncertain.has(index.subject!);

/** The events a quantifier needs to look at, and the test they must pass (none: every one of them counts). */
export interface QuantifierPlan {
  readonly candidates: (index: RecordIndex) => readonly SummitEvent[];
  readonly test: Test | undefined;
  /** The candidates are the events that link to the subject, found through the reverse index. */
  readonly viaSubject?: true;
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

/**
 * The events a quantifier's first test can hold for, when that test is one the index looks up
 * (`type: T`, `isSubject`): every other event fails it at once, with no progress. Undefined when
 * any event may get past it.
 */
export function firstPartCandidates(condition: Condition | undefined, fields?: DeclaredFields): ((index: RecordIndex) => readonly SummitEvent[]) | undefined {
  if (condition === undefined) return undefined;
  const types = requiredTypes(condition, fields);
  return types !== undefined ? typedCandidates(types) : subjectCandidates(condition);
}

/**
 * The types an event test requires, when it is `type: T` or `type: [T, U]` (or `field: type,
 * equals/in`), so that events of other types surely fail it. Not when the matrix closes `type`:
 * an event of an undeclared type is then unknown, and must be looked at.
 */
function requiredTypes(condition: Condition, fields?: DeclaredFields): readonly string[] | undefined {
  if (fieldMeaning(fields, 'type').closed !== undefined) return undefined;
  if (condition.op !== 'field' || condition.field !== 'type') return undefined;
  const { check } = condition;
  if (check.test === 'equals') return typeof check.value === 'string' ? [check.value] : undefined;
  if (check.test === 'in' && check.values.length > 0 && check.values.every((value) => typeof value === 'string')) return [...new Set(check.values as string[])];
  return undefined;
}

/** The events of any of `types`, in record order. */
function typedCandidates(types: readonly string[]): (index: RecordIndex) => readonly SummitEvent[] {
  if (types.length === 1) {
    const type = types[0]!;
    return (index) => eventsOfType(index, type);
  }
  return (index) => eventsOfTypes(index, types);
}

/**
 * How a quantifier finds its events, as a query planner would: `some: {all: [{type: meeting}, ...]}`
 * looks only at the meetings (the index lists the events of each type, in record order) and tests
 * the rest of the `all` on them; a deadline test looks only at the events with a deadline. The
 * result is the same as testing every event; most events are skipped without a call.
 */
export function planQuantifier(where: Condition, fields?: DeclaredFields): QuantifierPlan {
  const subjectPlan = subjectCandidates(where);
  if (subjectPlan) return { candidates: subjectPlan, test: undefined, ...(where.op === 'link' && { viaSubject: true }) };
  if (where.op === 'all') {
    const tied = where.conditions.findIndex((part) => subjectCandidates(part) !== undefined);
    if (tied >= 0) {
      const rest = where.conditions.filter((_, i) => i !== tied);
      const test = rest.length === 0 ? undefined : compileConditionIn({ ...where, conditions: rest }, true, fields);
      const part = where.conditions[tied]!;
      return { candidates: subjectCandidates(part)!, test, ...(part.op === 'link' && { viaSubject: true }) };
    }
  }
  const types = requiredTypes(where, fields);
  if (types !== undefined) return { candidates: typedCandidates(types), test: undefined };
  if (where.op === 'all') {
    const typed = where.conditions.findIndex((part) => requiredTypes(part, fields) !== undefined);
    if (typed >= 0) {
      const partTypes = requiredTypes(where.conditions[typed]!, fields)!;
      const rest = where.conditions.filter((_, i) => i !== typed);
      const test = rest.length === 0 ? undefined : compileConditionIn({ ...where, conditions: rest }, true, fields);
      return { candidates: typedCandidates(partTypes), test };
    }
    if (deadlineAbsence(fields) === FAILS && where.conditions.some((part) => part.op === 'deadline'))
      return { candidates: eventsWithDeadline, test: compileConditionIn(where, true, fields) };
  }
  if (where.op === 'deadline' && deadlineAbsence(fields) === FAILS) return { candidates: eventsWithDeadline, test: compileConditionIn(where, true, fields) };
  return { candidates: (index) => index.events, test: compileConditionIn(where, true, fields) };
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
function quantifier(nested: boolean, test: (index: RecordIndex) => Truth): Test {
  if (!nested) return test;
  let lastIndex: RecordIndex | undefined;
  let last: Truth = FAILS;
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
  let results = new Map<SummitEvent, Truth>();
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

type EventTest = (event: SummitEvent) => Truth;

/**
 * The commonest field tests as one closure each, reading the field in place: `type: meeting`,
 * `type: [meeting, exercise]`, and equals / in / exists on a plain key of `fields`, for a field
 * the matrix does not declare (absent is unknown). Undefined for the others, which go through
 * fieldTruth.
 */
function compileDirectFieldTest(field: string, check: FieldTest, absent: Truth): Test | undefined {
  const primitiveValues = check.test === 'in' && check.values.every(isPrimitive) && check.values.length <= 8;
  if (field === 'type') {
    if (check.test === 'equals' && typeof check.value === 'string') {
      const expected = check.value;
      return (_index, event) => (event!.type === expected ? HOLDS : FAILS);
    }
    if (check.test === 'in' && primitiveValues) {
      const values = check.values;
      return (_index, event) => (values.includes(event!.type) ? HOLDS : FAILS);
    }
    return undefined;
  }
  // A key the prototype has (`constructor`) is not a field of the event: those go the careful way.
  if ((CORE_FIELD_NAMES as readonly string[]).includes(field) || field.includes('.') || field in Object.prototype) return undefined;
  const key = field;
  if (check.test === 'equals' && isPrimitive(check.value) && check.value !== null) {
    const expected = check.value;
    return (_index, event) => {
      const actual = event!.fields[key];
      return actual === expected ? HOLDS : actual === undefined || actual === null ? absent : FAILS;
    };
  }
  if (check.test === 'in' && primitiveValues && !check.values.includes(null)) {
    const values: readonly FieldValue[] = check.values;
    return (_index, event) => {
      const actual = event!.fields[key];
      return actual === undefined || actual === null ? absent : values.includes(actual) ? HOLDS : FAILS;
    };
  }
  if (check.test === 'exists') {
    const wanted = check.value;
    return (_index, event) => {
      const actual = event!.fields[key];
      if (actual !== undefined && actual !== null) return wanted ? HOLDS : FAILS;
      return absent === FAILS ? (wanted ? FAILS : HOLDS) : UNKNOWN;
    };
  }
  return undefined;
}

const isPrimitive = (value: FieldValue): value is string | number | boolean | null => value === null || typeof value !== 'object';

/** A field test specialised for its comparison and its value, with its truth as fieldTruth defines it. */
function compileFieldTest(read: FieldReader, check: FieldTest, meaning: FieldMeaning): EventTest {
  const passes = compileStatedTest(check);
  return (event) => fieldTruth(read(event), check, meaning, passes);
}

/** The two-valued test of a stated value. Values of different types never compare. */
function compileStatedTest(check: FieldTest): (actual: FieldValue) => boolean {
  switch (check.test) {
    case 'exists':
      return () => check.value;
    case 'equals': {
      const expected = check.value;
      if (isPrimitive(expected)) return (actual) => actual === expected;
      return (actual) => sameValue(actual, expected);
    }
    case 'in': {
      const values = check.values;
      if (!values.every(isPrimitive)) return (actual) => values.some((value) => sameValue(actual, value));
      if (values.length > 8) {
        const set = new Set<FieldValue>(values);
        return (actual) => set.has(actual);
      }
      return (actual) => {
        for (let i = 0; i < values.length; i++) if (actual === values[i]) return true;
        return false;
      };
    }
    case 'contains': {
      const expected = check.value;
      const primitive = isPrimitive(expected);
      const text = typeof expected === 'string' ? expected : undefined;
      return (actual) => {
        if (Array.isArray(actual)) {
          if (primitive) {
            for (let i = 0; i < actual.length; i++) if (actual[i] === expected) return true;
            return false;
          }
          return actual.some((item: FieldValue) => sameValue(item, expected));
        }
        return text !== undefined && typeof actual === 'string' && containsText(actual, text);
      };
    }
    case 'compare': {
      const expected = check.value;
      const type = typeof expected;
      switch (check.comparison) {
        case 'gt':
          return (actual) => typeof actual === type && (actual as number | string) > expected;
        case 'gte':
          return (actual) => typeof actual === type && (actual as number | string) >= expected;
        case 'lt':
          return (actual) => typeof actual === type && (actual as number | string) < expected;
        case 'lte':
          return (actual) => typeof actual === type && (actual as number | string) <= expected;
      }
    }
  }
}

/**
 * `before`, `after` and `within` a fixed day, the summit, the as-of date, or any linked event,
 * with their truth as dateTruth defines it: an event dated by its month alone is unknown against
 * a day inside that month.
 */
function compileDateTest(op: 'before' | 'after' | 'within', anchor: DateAnchor, days: number): Test {
  const exact: (day: number, anchorDay: number) => boolean =
    op === 'before'
      ? (day, anchorDay) => day < anchorDay
      : op === 'after'
        ? (day, anchorDay) => day > anchorDay
        : (day, anchorDay) => isWithin(day, anchorDay, days);
  const truth = (event: SummitEvent, anchorDay: number): Truth =>
    event.date.length === 7 ? dateTruth(op, firstDay(event), event.day, anchorDay, anchorDay, days) : exact(event.day, anchorDay) ? HOLDS : FAILS;
  switch (anchor.kind) {
    case 'date': {
      const anchorDay = anchor.day;
      return (_index, event) => truth(event!, anchorDay);
    }
    case 'summit': {
      const shift = anchor.daysBefore ?? 0;
      return (index, event) => truth(event!, index.summitDay - shift);
    }
    case 'asOf': {
      const shift = anchor.daysBefore ?? 0;
      return (index, event) => truth(event!, index.asOfDay - shift);
    }
    case 'linked': {
      const kind: LinkKind = anchor.link;
      return (index, event) => {
        const ids = event!.links[kind];
        if (ids === undefined) return FAILS;
        let result: Truth = FAILS;
        for (let i = 0; i < ids.length; i++) {
          const target = index.byId.get(ids[i]!);
          if (target === undefined) continue;
          let part = linkedDateTruth(op, event!, target, days);
          if (part === HOLDS && index.uncertain !== undefined && index.uncertain.has(target)) part = UNKNOWN;
          if (part === HOLDS) return HOLDS;
          if (part > result) result = part;
        }
        return result;
      };
    }
  }
}

/** A date test against a linked event, either of which may be known only by its month. */
function linkedDateTruth(op: 'before' | 'after' | 'within', event: SummitEvent, target: SummitEvent, days: number): Truth {
  return dateTruth(op, firstDay(event), event.day, firstDay(target), target.day, days);
}
