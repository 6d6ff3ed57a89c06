// The reference explainer, kept in test/ as the oracle the compiled explainer
// (src/engine/explainer.ts) is compared against; production never imports it. `ok` means the
// condition surely holds; its truth comes from the reference interpreter (truth.ts here).
import { anchorDays } from '../../../src/engine/anchors.js';
import { subjectCandidates } from '../../../src/engine/compile.js';
import { formatDay } from '../../../src/engine/dates.js';
import { describeCondition, describeValue } from '../../../src/engine/describe.js';
import type { Failure } from '../../../src/engine/failure.js';
import { deadlineState, fieldReader } from '../../../src/engine/fields.js';
import { linkSources, linkTargets, type RecordIndex } from '../../../src/engine/record-index.js';
import { HOLDS, UNKNOWN } from '../../../src/engine/truth.js';
import type { Condition, Matrix, SummitEvent } from '../../../src/engine/types.js';
import { referenceTruth } from './truth.js';

export interface Outcome {
  readonly ok: boolean;
  /** Ids of the events that made the condition hold, in record order. */
  readonly witnesses: readonly string[];
  readonly failure?: Failure;
  /** Leaf tests that passed on the way: ranks near misses so the explanation shows the closest. */
  readonly progress: number;
}

/**
 * Evaluates a condition the slow way, keeping the evidence and the first failure. The compiled
 * tests decide levels; this runs once per reported criterion, to say why.
 *
 * An outcome depends only on the condition, the index and the event, so each is worked out once
 * per index and remembered while the index lives: nested quantifiers and chains of links would
 * otherwise be explained again along every path, at a cost of events^depth.
 */
export function explainCondition(condition: Condition, index: RecordIndex, event?: SummitEvent, fields?: Matrix['fields']): Outcome {
  if (fields !== currentFields) {
    explained = new WeakMap();
    currentFields = fields;
  }
  let byCondition = explained.get(index);
  if (!byCondition) explained.set(index, (byCondition = new Map()));
  let byEvent = byCondition.get(condition);
  if (!byEvent) byCondition.set(condition, (byEvent = new Map()));
  let outcome = byEvent.get(event);
  if (!outcome) byEvent.set(event, (outcome = explainOnce(condition, index, event, fields)));
  return outcome;
}

let explained = new WeakMap<RecordIndex, Map<Condition, Map<SummitEvent | undefined, Outcome>>>();
let currentFields: Matrix['fields'];

function explainOnce(condition: Condition, index: RecordIndex, event: SummitEvent | undefined, fields: Matrix['fields']): Outcome {
  const explain = (c: Condition, i: RecordIndex, e?: SummitEvent) => explainCondition(c, i, e, fields);
  const surely = (c: Condition, e: SummitEvent | undefined) => referenceTruth(c, index, e, fields) === HOLDS;
  const fail = (expected: string, actual: string, progress = 0, at: SummitEvent | undefined = event): Outcome => ({
    ok: false,
    witnesses: [],
    progress,
    failure: {
      path: condition.path,
      ...(condition.location && { location: condition.location }),
      operator: condition.op,
      events: at ? [at.id] : [],
      expected,
      actual,
      ...(at && { event: at.id }),
    },
  });
  const pass = (witnesses: readonly string[] = [], progress = 1): Outcome => ({ ok: true, witnesses, progress });

  switch (condition.op) {
    case 'all': {
      const witnesses: string[] = [];
      let progress = 0;
      for (const child of condition.conditions) {
        const outcome = explain(child, index, event);
        progress += outcome.progress;
        if (!outcome.ok) return { ...outcome, progress };
        witnesses.push(...outcome.witnesses);
      }
      return pass(unique(witnesses), progress);
    }
    case 'any': {
      const outcomes = condition.conditions.map((child) => explain(child, index, event));
      const held = outcomes.filter((outcome) => outcome.ok);
      if (held.length > 0) return pass(unique(held.flatMap((o) => o.witnesses)), Math.max(...held.map((o) => o.progress)));
      const closest = closestOf(outcomes);
      if (closest && closest.progress > 0) return closest;
      return fail(describeCondition(condition), 'none of them holds');
    }
    case 'not': {
      const outcome = explain(condition.condition, index, event);
      if (surely(condition, event)) return pass();
      const shown = outcome.witnesses.length > 0 ? ` (events: ${outcome.witnesses.join(', ')})` : '';
      return fail(describeCondition(condition), outcome.ok ? `it holds${shown}` : 'it may hold (unknown)');
    }
    case 'atLeast': {
      const outcomes = condition.conditions.map((child) => explain(child, index, event));
      const held = outcomes.filter((outcome) => outcome.ok);
      const progress = outcomes.reduce((sum, o) => sum + o.progress, 0);
      if (held.length >= condition.count) return pass(unique(held.flatMap((o) => o.witnesses)), progress);
      return fail(`at least ${condition.count} of ${condition.conditions.length} hold`, `${held.length} of ${condition.conditions.length} hold`, progress);
    }
    case 'some': {
      const witnesses: string[] = [];
      const misses: [SummitEvent, Outcome][] = [];
      // A test tied to a forEach subject comes first: near misses are sought among the events it
      // can match (the subject, or what links to it), as the compiled explainer does.
      const first = condition.where.op === 'all' ? condition.where.conditions[0] : condition.where;
      const pool = (first && subjectCandidates(first)?.(index)) ?? index.events;
      for (const candidate of pool) {
        const outcome = explain(condition.where, index, candidate);
        if (outcome.ok) witnesses.push(candidate.id, ...outcome.witnesses);
        else misses.push([candidate, outcome]);
      }
      if (witnesses.length > 0) return pass(unique(witnesses));
      const closest = closestOf(misses.map(([, outcome]) => outcome));
      if (closest && closest.progress > 0)
        return withTies(
          closest,
          misses.map(([, outcome]) => outcome),
        );
      return missingConjunct(condition.where, index, fields) ?? fail(`some event where ${describeCondition(condition.where)}`, noMatch(index));
    }
    case 'none': {
      for (const candidate of index.events) {
        const truth = referenceTruth(condition.where, index, candidate, fields);
        if (truth === HOLDS || truth === UNKNOWN) {
          return fail(
            `no event where ${describeCondition(condition.where)}`,
            truth === HOLDS ? `${candidate.id} matches` : `${candidate.id} may match (unknown)`,
            0,
            candidate,
          );
        }
      }
      return pass();
    }
    case 'count': {
      const matching: string[] = [];
      for (const candidate of index.events) {
        if (explain(condition.where, index, candidate).ok) matching.push(candidate.id);
      }
      if (surely(condition, event)) return pass(matching);
      return fail(describeCondition(condition), `${matching.length}${matching.length > 0 ? ` (${matching.join(', ')})` : ''}`);
    }
    case 'field': {
      const actual = fieldReader(condition.field)(event!);
      if (surely(condition, event)) return pass();
      return fail(describeCondition(condition), `${condition.field} = ${describeValue(actual)}`);
    }
    case 'before':
    case 'after':
    case 'within': {
      const days = anchorDays(condition.anchor, index, event!);
      if (surely(condition, event)) return pass();
      const anchors = days.length > 0 ? days.map(formatDay).join(', ') : 'no linked event';
      return fail(describeCondition(condition), `dated ${event!.date} (anchor: ${anchors})`);
    }
    case 'deadline': {
      const state = deadlineState(index, event!);
      if (state !== undefined && condition.states.includes(state)) return pass();
      const deadline = event!.fields['deadline'];
      return fail(describeCondition(condition), state === undefined ? 'no deadline' : `deadline ${state} (due ${describeValue(deadline)})`);
    }
    case 'partyIn': {
      const actual = fieldReader(condition.field)(event!);
      if (surely(condition, event)) return pass();
      return fail(`${condition.field} include ${index.party ?? 'the party'}`, `${condition.field} = ${describeValue(actual)}`);
    }
    case 'isSubject': {
      const isSubject = index.subject !== undefined && index.subject.id === event!.id;
      if (isSubject === condition.value) return pass();
      return fail(describeCondition(condition), `the subject is ${index.subject?.id ?? 'not set'}`);
    }
    case 'link':
    case 'linkedBy': {
      const related = condition.op === 'link' ? linkTargets(index, event!, condition.kind) : linkSources(index, event!, condition.kind);
      const sub = condition.op === 'link' ? condition.to : condition.where;
      if (related.length === 0) {
        return fail(describeCondition(condition), condition.op === 'link' ? `no ${condition.kind} link` : `nothing links to it (${condition.kind})`);
      }
      const needed = condition.op === 'linkedBy' ? condition.min : 1;
      const witnesses: string[] = [];
      const misses: Outcome[] = [];
      let matched = 0;
      for (const other of related) {
        const outcome = sub ? explain(sub, index, other) : { ok: true, witnesses: [], progress: 1 };
        if (outcome.ok) {
          matched++;
          witnesses.push(other.id, ...outcome.witnesses);
        } else misses.push(outcome);
      }
      if (matched >= needed) return pass(unique(witnesses), 2);
      if (matched > 0 || misses.length === 0) {
        return fail(describeCondition(condition), `${matched} (${witnesses.filter((id) => related.some((r) => r.id === id)).join(', ')})`, 1);
      }
      const closest = closestOf(misses)!;
      return { ...closest, progress: closest.progress + 1 };
    }
  }
}

/** Says how many other events failed at the same point as the one shown. */
function withTies(closest: Outcome, outcomes: readonly Outcome[]): Outcome {
  const others = outcomes.filter((o) => o !== closest && o.progress === closest.progress && o.failure?.path === closest.failure?.path).length;
  if (others === 0 || !closest.failure) return closest;
  const failure = { ...closest.failure, actual: `${closest.failure.actual} (${others} more event${others === 1 ? '' : 's'} fail here too)` };
  return { ...closest, failure };
}

/**
 * When no event gets past the first test of an `all`, the clearest explanation is the first part
 * that no event satisfies on its own: "no event where type = meeting".
 */
function missingConjunct(where: Condition, index: RecordIndex, fields: Matrix['fields']): Outcome | undefined {
  if (where.op !== 'all') return undefined;
  for (const part of where.conditions) {
    if (index.events.some((candidate) => explainCondition(part, index, candidate, fields).ok)) continue;
    return {
      ok: false,
      witnesses: [],
      progress: 0,
      failure: {
        path: part.path,
        ...(part.location && { location: part.location }),
        operator: part.op,
        events: [],
        expected: `some event where ${describeCondition(part)}`,
        actual: noMatch(index),
      },
    };
  }
  return undefined;
}

function closestOf(outcomes: readonly Outcome[]): Outcome | undefined {
  let best: Outcome | undefined;
  for (const outcome of outcomes) if (!best || outcome.progress > best.progress) best = outcome;
  return best;
}

function noMatch(index: RecordIndex): string {
  const count = index.events.length;
  const asOf = formatDay(index.asOfDay);
  return count === 0 ? `no events as of ${asOf}` : `none of the ${count} events as of ${asOf}`;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
