import { anchorDays, isWithin } from './anchors.js';
import { deadlineState, fieldReader, passesFieldTest } from './fields.js';
import { linkSources, type RecordIndex } from './record-index.js';
import type { Comparison, Condition, SummitEvent } from './types.js';

/**
 * A compiled condition. `event` is the event in scope: set inside `some`, `none`, `count` and
 * links, undefined at record level (the loader rejects event tests outside a quantifier).
 */
export type Test = (index: RecordIndex, event: SummitEvent | undefined) => boolean;

/** Compiles a condition once into plain closures: no interpretation per event. */
export function compileCondition(condition: Condition): Test {
  switch (condition.op) {
    case 'all': {
      const tests = condition.conditions.map(compileCondition);
      return (index, event) => {
        for (const test of tests) if (!test(index, event)) return false;
        return true;
      };
    }
    case 'any': {
      const tests = condition.conditions.map(compileCondition);
      return (index, event) => {
        for (const test of tests) if (test(index, event)) return true;
        return false;
      };
    }
    case 'not': {
      const test = compileCondition(condition.condition);
      return (index, event) => !test(index, event);
    }
    case 'atLeast': {
      const tests = condition.conditions.map(compileCondition);
      const needed = condition.count;
      return (index, event) => {
        let held = 0;
        for (const test of tests) if (test(index, event) && ++held >= needed) return true;
        return needed <= 0;
      };
    }
    case 'some': {
      const test = compileCondition(condition.where);
      return (index) => {
        for (const candidate of index.events) if (test(index, candidate)) return true;
        return false;
      };
    }
    case 'none': {
      const test = compileCondition(condition.where);
      return (index) => {
        for (const candidate of index.events) if (test(index, candidate)) return false;
        return true;
      };
    }
    case 'count': {
      const test = compileCondition(condition.where);
      const { comparison, value } = condition;
      return (index) => {
        let count = 0;
        for (const candidate of index.events) if (test(index, candidate)) count++;
        return compareNumbers(count, comparison, value);
      };
    }
    case 'field': {
      const read = fieldReader(condition.field);
      const check = condition.check;
      return (_index, event) => passesFieldTest(read(event!), check);
    }
    case 'before':
    case 'after': {
      const { anchor } = condition;
      const isBefore = condition.op === 'before';
      return (index, event) =>
        anchorDays(anchor, index, event!).some((day) => (isBefore ? event!.day < day : event!.day > day));
    }
    case 'within': {
      const { anchor, days } = condition;
      return (index, event) => anchorDays(anchor, index, event!).some((day) => isWithin(event!.day, day, days));
    }
    case 'deadline': {
      const states = condition.states;
      return (index, event) => {
        const state = deadlineState(index, event!);
        return state !== undefined && states.includes(state);
      };
    }
    case 'link': {
      const { kind } = condition;
      const test = condition.to ? compileCondition(condition.to) : undefined;
      return (index, event) => {
        for (const id of event!.links[kind] ?? []) {
          const target = index.byId.get(id);
          if (target && (!test || test(index, target))) return true;
        }
        return false;
      };
    }
    case 'linkedBy': {
      const { kind } = condition;
      const test = condition.where ? compileCondition(condition.where) : undefined;
      return (index, event) => {
        for (const source of linkSources(index, event!, kind)) if (!test || test(index, source)) return true;
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
