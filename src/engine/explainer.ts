import { anchorDays } from './anchors.js';
import { compileConditionIn, fansOut, firstPartCandidates, planQuantifier, type DeclaredFields } from './compile.js';
import { formatDay } from './dates.js';
import { describeCondition, describeValue } from './describe.js';
import type { Failure } from './failure.js';
import { deadlineState, fieldReader } from './fields.js';
import { linkTargets, type RecordIndex } from './record-index.js';
import { HOLDS as SURELY, FAILS as FAILS_TRUTH } from './truth.js';
import type { Condition, SummitEvent } from './types.js';

/**
 * The explaining evaluator, compiled: the same outcomes as explainCondition (src/engine/explain.ts,
 * the reference, kept for the tests that prove these agree), computed without building an
 * outcome per condition and event. Progress and the decision are packed in one number; the
 * failure's words and the list of witnesses are worked out only for the one condition and event
 * that are reported. Compiled once per matrix, with the levels' tests.
 */
export interface Explainer {
  /** Whether the condition surely holds (the compiled test says HOLDS). */
  readonly ok: (index: RecordIndex, event: SummitEvent | undefined) => boolean;
  /** 2 x progress, plus 1 when the condition holds: progress ranks near misses as explain.ts does. */
  readonly code: (index: RecordIndex, event: SummitEvent | undefined) => number;
  /** Whether it can name witnesses at all (quantifiers and links do; field tests, `not` and `none` never). */
  readonly yields: boolean;
  /**
   * Whether it decides in one step: its code is HOLDS or FAILS, never a partial progress, its
   * failure's path is its own, and it has no shared failure (leaves, `not`, `none`, `count`).
   */
  readonly flat: boolean;
  /** Whether the witnesses come distinct and in record order (a quantifier's own candidates), so the evidence needs no sorting. */
  readonly ordered: boolean;
  /** Adds the events that made a holding condition hold, in the order explain.ts lists them (repeats possible). */
  readonly witnesses: (index: RecordIndex, event: SummitEvent | undefined, out: SummitEvent[]) => void;
  /** The failure of a condition that does not hold. */
  readonly failure: (index: RecordIndex, event: SummitEvent | undefined) => Failure;
  /** That failure's path, without building it (to count ties). */
  readonly failurePath: (index: RecordIndex, event: SummitEvent | undefined) => string;
  /** The explainers of an `all`'s parts (the `some` explanation names the first part no event meets). */
  readonly parts?: readonly Explainer[];
  /**
   * For a failure that explain.ts hands on unchanged from a nested quantifier (one object for
   * every event in scope), a key naming that object; undefined when each event gets its own.
   * explain.ts does not count such copies of the one shown as ties, and neither does this.
   */
  readonly shared?: (index: RecordIndex, event: SummitEvent | undefined) => string | undefined;
}

export function compileExplainer(condition: Condition, fields?: DeclaredFields): Explainer {
  return explainer(condition, false, fields);
}

const HOLDS = 3; // progress 1, holds
const FAILS = 0; // progress 0

const progressOf = (code: number) => code >> 1;
const holds = (code: number) => (code & 1) === 1;

function failureAt(condition: Condition, expected: string, actual: string, at: SummitEvent | undefined, named: readonly string[] = []): Failure {
  // Built key by key, in the order the JSON output lists them: every criterion below its best
  // level reports one, and spreading optional parts cost more than the rest of the explanation.
  const failure: { -readonly [K in keyof Failure]: Failure[K] } = { path: condition.path } as Failure;
  if (condition.location) failure.location = condition.location;
  failure.expected = expected;
  failure.actual = actual;
  if (at) failure.event = at.id;
  failure.operator = condition.op;
  failure.events = at ? (named.length === 0 ? [at.id] : [...new Set([at.id, ...named])]) : named;
  return failure;
}

function ids(events: readonly SummitEvent[]): string[] {
  return [...new Set(events.map((event) => event.id))];
}

function noMatch(index: RecordIndex): string {
  const count = index.events.length;
  const asOf = formatDay(index.asOfDay);
  return count === 0 ? `no events as of ${asOf}` : `none of the ${count} events as of ${asOf}`;
}

const noWitnesses = (): void => {};
const NO_IDS: readonly string[] = [];
const NO_EVENTS: readonly SummitEvent[] = [];

/** A leaf test: holds or not, with progress 1 or 0, and a failure that says what the event has. */
function leaf(
  condition: Condition,
  ok: Explainer['ok'],
  actual: (index: RecordIndex, event: SummitEvent) => string,
  expected?: (index: RecordIndex) => string,
): Explainer {
  const described = describeCondition(condition);
  return {
    ok,
    yields: false,
    flat: true,
    ordered: true,
    code: (index, event) => (ok(index, event) ? HOLDS : FAILS),
    witnesses: noWitnesses,
    failure: (index, event) => failureAt(condition, expected ? expected(index) : described, actual(index, event!), event),
    failurePath: () => condition.path,
  };
}

function explainer(condition: Condition, nested: boolean, fields: DeclaredFields): Explainer {
  const truth = compileConditionIn(condition, nested, fields);
  const ok = (index: RecordIndex, event: SummitEvent | undefined) => truth(index, event) === SURELY;
  const path = condition.path;
  switch (condition.op) {
    case 'all': {
      const parts = condition.conditions.map((c) => explainer(c, nested, fields));
      const firstFailing = (index: RecordIndex, event: SummitEvent | undefined) => parts.find((part) => !part.ok(index, event))!;
      const yielding = parts.filter((part) => part.yields);
      return {
        ok,
        parts,
        yields: yielding.length > 0,
        flat: false,
        ordered: orderedParts(parts),
        code: (index, event) => {
          let progress = 0;
          for (let i = 0; i < parts.length; i++) {
            const code = parts[i]!.code(index, event);
            progress += progressOf(code);
            if (!holds(code)) return 2 * progress;
          }
          return 2 * progress + 1;
        },
        witnesses: (index, event, out) => {
          for (const part of yielding) part.witnesses(index, event, out);
        },
        failure: (index, event) => firstFailing(index, event).failure(index, event),
        failurePath: (index, event) => firstFailing(index, event).failurePath(index, event),
      };
    }
    case 'any': {
      const parts = condition.conditions.map((c) => explainer(c, nested, fields));
      /** The first part with the most progress, when none holds. */
      const closest = (index: RecordIndex, event: SummitEvent | undefined): { part: Explainer | undefined; progress: number } => {
        let best: Explainer | undefined;
        let bestProgress = -1;
        for (const part of parts) {
          const progress = progressOf(part.code(index, event));
          if (progress > bestProgress) [best, bestProgress] = [part, progress];
        }
        return { part: best, progress: bestProgress };
      };
      const described = describeCondition(condition);
      return {
        ok,
        yields: parts.some((part) => part.yields),
        flat: false,
        ordered: orderedParts(parts),
        code: (index, event) => {
          let held = -1;
          let best = -1;
          for (let i = 0; i < parts.length; i++) {
            const code = parts[i]!.code(index, event);
            const progress = progressOf(code);
            if (holds(code)) held = Math.max(held, progress);
            else if (progress > best) best = progress;
          }
          if (held >= 0) return 2 * held + 1;
          return best > 0 ? 2 * best : FAILS;
        },
        witnesses: (index, event, out) => {
          for (const part of parts) if (part.ok(index, event)) part.witnesses(index, event, out);
        },
        failure: (index, event) => {
          const { part, progress } = closest(index, event);
          return part && progress > 0 ? part.failure(index, event) : failureAt(condition, described, 'none of them holds', event);
        },
        failurePath: (index, event) => {
          const { part, progress } = closest(index, event);
          return part && progress > 0 ? part.failurePath(index, event) : path;
        },
        ...(parts.some((part) => part.shared) && {
          shared: (index: RecordIndex, event: SummitEvent | undefined) => {
            const { part, progress } = closest(index, event);
            return part && progress > 0 ? part.shared?.(index, event) : undefined;
          },
        }),
      };
    }
    case 'not': {
      const inner = explainer(condition.condition, nested, fields);
      const described = describeCondition(condition);
      return {
        ok,
        yields: false,
        flat: true,
        ordered: true,
        code: (index, event) => (ok(index, event) ? HOLDS : FAILS),
        witnesses: noWitnesses,
        failure: (index, event) => {
          const witnesses: SummitEvent[] = [];
          inner.witnesses(index, event, witnesses);
          const shown = witnesses.length > 0 ? ` (events: ${ids(witnesses).join(', ')})` : '';
          return failureAt(condition, described, inner.ok(index, event) ? `it holds${shown}` : 'it may hold (unknown)', event, ids(witnesses));
        },
        failurePath: () => path,
      };
    }
    case 'atLeast': {
      const parts = condition.conditions.map((c) => explainer(c, nested, fields));
      const { count } = condition;
      const total = parts.length;
      return {
        ok,
        yields: parts.some((part) => part.yields),
        flat: false,
        ordered: orderedParts(parts),
        code: (index, event) => {
          let progress = 0;
          let held = 0;
          for (let i = 0; i < parts.length; i++) {
            const code = parts[i]!.code(index, event);
            progress += progressOf(code);
            if (holds(code)) held++;
          }
          return 2 * progress + (held >= count ? 1 : 0);
        },
        witnesses: (index, event, out) => {
          for (const part of parts) if (part.ok(index, event)) part.witnesses(index, event, out);
        },
        failure: (index, event) => {
          const held = parts.filter((part) => part.ok(index, event)).length;
          return failureAt(condition, `at least ${count} of ${total} hold`, `${held} of ${total} hold`, event);
        },
        failurePath: () => path,
      };
    }
    case 'some': {
      const where = explainer(condition.where, true, fields);
      const plan = planQuantifier(condition.where, fields);
      const matches = plan.test ?? (() => SURELY);
      // When the event's type is the first thing tested, every other event fails at once with no
      // progress: near misses are found among the events of that type.
      const first = condition.where.op === 'all' ? condition.where.conditions[0] : condition.where;
      const scanned = firstPartCandidates(first, fields) ?? ((index: RecordIndex) => index.events);
      const described = `some event where ${describeCondition(condition.where)}`;
      /**
       * The first event with the most progress (none holds), that progress, and the other events
       * with as much, in the order scanned: the ties are counted among those, in the same scan.
       */
      const closest = (index: RecordIndex): { event: SummitEvent | undefined; progress: number; tied: readonly SummitEvent[] } => {
        let best: SummitEvent | undefined;
        let bestProgress = -1;
        let tied: SummitEvent[] = [];
        for (const candidate of scanned(index)) {
          const progress = progressOf(where.code(index, candidate));
          if (progress > bestProgress) {
            best = candidate;
            bestProgress = progress;
            tied = [];
          } else if (progress === bestProgress) tied.push(candidate);
        }
        return { event: best, progress: bestProgress, tied };
      };
      /** When no event gets past the first test of an `all`, the first part that no event meets on its own. */
      const missingPart = (index: RecordIndex): Condition | undefined => {
        if (condition.where.op !== 'all') return undefined;
        const parts = where.parts!;
        for (let p = 0; p < parts.length; p++) {
          if (index.events.some((candidate) => parts[p]!.ok(index, candidate))) continue;
          return condition.where.conditions[p];
        }
        return undefined;
      };
      // An `all` of parts that each decide in one step fails at the part its progress names, so
      // every event as far on fails at the same point as the one shown: no second scan to count them.
      const tiesFailAlike = condition.where.op === 'all' && where.parts!.every((part) => part.flat);
      /** Of the other events with the same progress, those that fail at the same point (one failure object counts once). */
      const ties = (index: RecordIndex, shown: SummitEvent, tied: readonly SummitEvent[], failurePath: string): number => {
        if (tiesFailAlike) return tied.length;
        const sharedShown = where.shared?.(index, shown);
        let others = 0;
        for (const candidate of tied) {
          if (where.failurePath(index, candidate) !== failurePath) continue;
          if (sharedShown !== undefined && where.shared!(index, candidate) === sharedShown) continue;
          others++;
        }
        return others;
      };
      return quantifier(nested, {
        ok,
        yields: true,
        flat: false,
        // Its candidates, in record order, each once; the inner condition's own witnesses are not.
        ordered: !where.yields,
        code: (index) => {
          let best = 0;
          for (const candidate of scanned(index)) {
            const code = where.code(index, candidate);
            if (holds(code)) return HOLDS;
            if (code > best) best = code;
          }
          return best >= 2 ? best : FAILS;
        },
        witnesses: (index, _event, out) => {
          for (const candidate of plan.candidates(index)) {
            if (matches(index, candidate) !== SURELY) continue;
            out.push(candidate);
            if (where.yields) where.witnesses(index, candidate, out);
          }
        },
        failure: (index, event) => {
          const near = closest(index);
          if (near.event && near.progress > 0) {
            const failure = where.failure(index, near.event);
            const others = ties(index, near.event, near.tied, failure.path);
            return others === 0 ? failure : { ...failure, actual: `${failure.actual} (${others} more event${others === 1 ? '' : 's'} fail here too)` };
          }
          const missing = missingPart(index);
          if (missing) {
            return {
              path: missing.path,
              ...(missing.location && { location: missing.location }),
              expected: `some event where ${describeCondition(missing)}`,
              actual: noMatch(index),
              operator: missing.op,
              events: [],
            };
          }
          return failureAt(condition, described, noMatch(index), event);
        },
        failurePath: (index) => {
          const near = closest(index);
          if (near.event && near.progress > 0) return where.failurePath(index, near.event);
          return missingPart(index)?.path ?? path;
        },
        // Shown without ties, the failure is the closest event's own, whatever the event in scope.
        shared: (index) => {
          const near = closest(index);
          if (!near.event || near.progress <= 0) return undefined;
          if (ties(index, near.event, near.tied, where.failurePath(index, near.event)) > 0) return undefined;
          return where.shared?.(index, near.event) ?? `${condition.where.path}@${near.event.id}`;
        },
      });
    }
    case 'none': {
      const { candidates, test } = planQuantifier(condition.where, fields);
      const described = `no event where ${describeCondition(condition.where)}`;
      return quantifier(nested, {
        ok,
        yields: false,
        flat: true,
        ordered: true,
        code: (index) => (ok(index, undefined) ? HOLDS : FAILS),
        witnesses: noWitnesses,
        failure: (index) => {
          const match = candidates(index).find((candidate) => !test || test(index, candidate) !== FAILS_TRUTH)!;
          return failureAt(condition, described, test && test(index, match) !== SURELY ? `${match.id} may match (unknown)` : `${match.id} matches`, match);
        },
        failurePath: () => path,
      });
    }
    case 'count': {
      const { candidates, test } = planQuantifier(condition.where, fields);
      const described = describeCondition(condition);
      const matching = (index: RecordIndex) => (test ? candidates(index).filter((candidate) => test(index, candidate) === SURELY) : candidates(index));
      return quantifier(nested, {
        ok,
        yields: true,
        flat: true,
        ordered: true,
        code: (index) => (ok(index, undefined) ? HOLDS : FAILS),
        witnesses: (index, _event, out) => {
          for (const candidate of matching(index)) out.push(candidate);
        },
        failure: (index, event) => {
          const found = matching(index);
          return failureAt(condition, described, `${found.length}${found.length > 0 ? ` (${found.map((e) => e.id).join(', ')})` : ''}`, event, ids(found));
        },
        failurePath: () => path,
      });
    }
    case 'field': {
      const read = fieldReader(condition.field);
      return leaf(condition, ok, (_index, event) => `${condition.field} = ${describeValue(read(event))}`);
    }
    case 'before':
    case 'after':
    case 'within': {
      const { anchor } = condition;
      return leaf(condition, ok, (index, event) => {
        const days = anchorDays(anchor, index, event);
        const anchors = days.length > 0 ? days.map(formatDay).join(', ') : 'no linked event';
        return `dated ${event.date} (anchor: ${anchors})`;
      });
    }
    case 'deadline':
      return leaf(condition, ok, (index, event) => {
        const state = deadlineState(index, event);
        return state === undefined ? 'no deadline' : `deadline ${state} (due ${describeValue(event.fields['deadline'])})`;
      });
    case 'partyIn': {
      const read = fieldReader(condition.field);
      return leaf(
        condition,
        ok,
        (_index, event) => `${condition.field} = ${describeValue(read(event))}`,
        (index) => `${condition.field} include ${index.party ?? 'the party'}`,
      );
    }
    case 'isSubject':
      return leaf(condition, ok, (index) => `the subject is ${index.subject?.id ?? 'not set'}`);
    case 'link':
    case 'linkedBy': {
      const isLink = condition.op === 'link';
      const { kind } = condition;
      const subCondition = isLink ? condition.to : condition.where;
      const sub = subCondition ? perEvent(subCondition, explainer(subCondition, true, fields)) : undefined;
      const needed = condition.op === 'linkedBy' ? condition.min : 1;
      const related = (index: RecordIndex, event: SummitEvent): readonly SummitEvent[] =>
        isLink ? linkTargets(index, event, kind) : (index.linkedBy.get(kind)?.get(event.id) ?? []);
      const described = describeCondition(condition);
      // What tally found, read right after each call (the engine is synchronous, and a condition
      // never contains itself, so no call of this explainer's tally comes in between).
      let found = 0;
      let matched = 0;
      let misses = 0;
      let best: SummitEvent | undefined;
      let bestProgress = -1;
      /**
       * How many related events there are, how many satisfy the inner condition, and the first one
       * with the most progress of those that do not: counted in place, without listing them (a
       * per-party forEach cell tests every report that links to its subject, once per party).
       */
      const tally = (index: RecordIndex, event: SummitEvent): void => {
        found = 0;
        matched = 0;
        misses = 0;
        best = undefined;
        bestProgress = -1;
        const ids = isLink ? (event.links[kind] ?? NO_IDS) : NO_IDS;
        const sources = isLink ? NO_EVENTS : (index.linkedBy.get(kind)?.get(event.id) ?? NO_EVENTS);
        const count = isLink ? ids.length : sources.length;
        for (let i = 0; i < count; i++) {
          const other = isLink ? index.byId.get(ids[i] as string) : sources[i];
          if (other === undefined) continue;
          found++;
          if (!sub) {
            matched++;
            continue;
          }
          const code = sub.code(index, other);
          if (holds(code)) matched++;
          else {
            misses++;
            if (progressOf(code) > bestProgress) {
              best = other;
              bestProgress = progressOf(code);
            }
          }
        }
      };
      return {
        ok,
        yields: true,
        flat: false,
        ordered: false,
        code: (index, event) => {
          tally(index, event!);
          if (found === 0) return FAILS;
          if (matched >= needed) return 5; // progress 2, holds
          if (matched > 0 || misses === 0) return 2; // progress 1
          return 2 * (bestProgress + 1);
        },
        witnesses: (index, event, out) => {
          for (const other of related(index, event!)) {
            if (sub && !sub.ok(index, other)) continue;
            out.push(other);
            sub?.witnesses(index, other, out);
          }
        },
        failure: (index, event) => {
          const others = related(index, event!);
          if (others.length === 0) return failureAt(condition, described, isLink ? `no ${kind} link` : `nothing links to it (${kind})`, event);
          tally(index, event!);
          if (matched > 0 || misses === 0) {
            const witnesses: string[] = [];
            for (const other of others) {
              if (sub && !sub.ok(index, other)) continue;
              const inner: SummitEvent[] = [];
              sub?.witnesses(index, other, inner);
              witnesses.push(other.id, ...ids(inner));
            }
            const shown = witnesses.filter((id) => others.some((r) => r.id === id)).join(', ');
            return failureAt(
              condition,
              described,
              `${matched} (${shown})`,
              event,
              witnesses.filter((id) => others.some((r) => r.id === id)),
            );
          }
          return sub!.failure(index, best);
        },
        failurePath: (index, event) => {
          tally(index, event!);
          if (found === 0) return path;
          return matched > 0 || misses === 0 ? path : sub!.failurePath(index, best);
        },
      };
    }
  }
}

/** Parts whose witnesses are ordered as a whole: at most one part names any, and its own are ordered. */
function orderedParts(parts: readonly Explainer[]): boolean {
  const yielding = parts.filter((part) => part.yields);
  return yielding.length <= 1 && yielding.every((part) => part.ordered);
}

/**
 * Each event once, in the order first found. A remembered list must not keep repeats: a
 * quantifier nested in a quantifier lists every event once per outer candidate, so with repeats
 * the lists grow as events^depth (60 nested `some` over 40 events made V8 abort the process).
 */
function distinct(events: readonly SummitEvent[]): SummitEvent[] {
  return events.length < 2 ? [...events] : [...new Set(events)];
}

/**
 * A quantifier's outcome depends only on the index; nested in an event scope it is worked out
 * once per index (see compile.ts). Its failure names the event in scope, so it is built each time.
 */
function quantifier(nested: boolean, inner: Explainer): Explainer {
  if (!nested) return inner;
  let codeIndex: RecordIndex | undefined;
  let code = 0;
  let witnessIndex: RecordIndex | undefined;
  let witnesses: SummitEvent[] = [];
  let pathIndex: RecordIndex | undefined;
  let failurePath = '';
  let sharedIndex: RecordIndex | undefined;
  let shared: string | undefined;
  return {
    ...inner,
    ...(inner.shared && {
      shared: (index: RecordIndex, event: SummitEvent | undefined) => {
        if (index !== sharedIndex) {
          shared = inner.shared!(index, event);
          sharedIndex = index;
        }
        return shared;
      },
    }),
    code: (index, event) => {
      if (index !== codeIndex) {
        code = inner.code(index, event);
        codeIndex = index;
      }
      return code;
    },
    witnesses: (index, event, out) => {
      if (index !== witnessIndex) {
        const found: SummitEvent[] = [];
        inner.witnesses(index, event, found);
        witnesses = distinct(found);
        witnessIndex = index;
      }
      for (const witness of witnesses) out.push(witness);
    },
    failurePath: (index, event) => {
      if (index !== pathIndex) {
        failurePath = inner.failurePath(index, event);
        pathIndex = index;
      }
      return failurePath;
    },
  };
}

/** A link's inner condition that can itself fan out: worked out once per index and event. */
function perEvent(condition: Condition, inner: Explainer): Explainer {
  if (!fansOut(condition)) return inner;
  let lastIndex: RecordIndex | undefined;
  let codes = new Map<SummitEvent, number>();
  let witnessLists = new Map<SummitEvent, SummitEvent[]>();
  let paths = new Map<SummitEvent, string>();
  const forIndex = (index: RecordIndex) => {
    if (index === lastIndex) return;
    codes = new Map();
    witnessLists = new Map();
    paths = new Map();
    lastIndex = index;
  };
  return {
    ...inner,
    code: (index, event) => {
      forIndex(index);
      let code = codes.get(event!);
      if (code === undefined) codes.set(event!, (code = inner.code(index, event)));
      return code;
    },
    witnesses: (index, event, out) => {
      forIndex(index);
      let list = witnessLists.get(event!);
      if (list === undefined) {
        const found: SummitEvent[] = [];
        inner.witnesses(index, event, found);
        list = distinct(found);
        witnessLists.set(event!, list);
      }
      for (const witness of list) out.push(witness);
    },
    failurePath: (index, event) => {
      forIndex(index);
      let found = paths.get(event!);
      if (found === undefined) paths.set(event!, (found = inner.failurePath(index, event)));
      return found;
    },
  };
}
