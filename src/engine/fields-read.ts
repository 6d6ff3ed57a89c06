import type { Condition, FieldTest, Matrix } from './types.js';

/** One place where a matrix reads an event field. */
export interface FieldUse {
  /** As the condition names it: `level`, `type`, `chairs.US`. */
  readonly field: string;
  /** The test, for `field:` and `type:` conditions; `deadline:` and `partyIn:` read the field without one. */
  readonly check?: FieldTest;
  readonly condition: Condition;
  /**
   * The event types the test is read on, when an `all` around it also tests the event's type
   * (`all: [{type: mechanism}, {field: level, ...}]`); undefined when it is read on any event.
   */
  readonly types?: readonly string[];
}

/** Every field test of a matrix, in matrix order: levels, appliesWhen and forEach of each criterion. */
export function fieldUses(matrix: Matrix): FieldUse[] {
  const uses: FieldUse[] = [];
  // `types` is the type guard of the event the condition is about; a new event (some, none,
  // count, a link's target) starts without one.
  const visit = (condition: Condition | undefined, types?: readonly string[]): void => {
    if (condition === undefined) return;
    const at = (use: Omit<FieldUse, 'types'>) => uses.push(types === undefined ? use : { ...use, types });
    switch (condition.op) {
      case 'all': {
        const guard = condition.conditions.map(typeGuard).find((found) => found !== undefined) ?? types;
        condition.conditions.forEach((child) => visit(child, guard));
        return;
      }
      case 'any':
      case 'atLeast':
        condition.conditions.forEach((child) => visit(child, types));
        return;
      case 'not':
        visit(condition.condition, types);
        return;
      case 'some':
      case 'none':
      case 'count':
        visit(condition.where);
        return;
      case 'link':
        visit(condition.to);
        return;
      case 'linkedBy':
        visit(condition.where);
        return;
      case 'field':
        at({ field: condition.field, check: condition.check, condition });
        return;
      case 'deadline':
        at({ field: 'deadline', condition });
        return;
      case 'partyIn':
        at({ field: condition.field, condition });
        return;
      default:
        return;
    }
  };
  for (const criterion of matrix.criteria) {
    visit(criterion.forEach);
    visit(criterion.appliesWhen);
    for (const level of criterion.levels) visit(level.when);
  }
  return uses;
}

/** The types a `type: x` or `type: [x, y]` condition admits. */
function typeGuard(condition: Condition): readonly string[] | undefined {
  if (condition.op !== 'field' || condition.field !== 'type') return undefined;
  const { check } = condition;
  const values = check.test === 'equals' ? [check.value] : check.test === 'in' ? check.values : [];
  const types = values.filter((value): value is string => typeof value === 'string');
  return types.length > 0 ? types : undefined;
}

/** The names of the fields a matrix reads, each once, in the order it first reads them. */
export function fieldsRead(matrix: Matrix): string[] {
  return [...new Set(fieldUses(matrix).map((use) => use.field))];
}
