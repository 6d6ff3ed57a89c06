import type { Condition, FieldTest, Matrix } from './types.js';

/** One place where a matrix reads an event field. */
export interface FieldUse {
  /** As the condition names it: `level`, `type`, `chairs.US`. */
  readonly field: string;
  /** The test, for `field:` and `type:` conditions; `deadline:` and `partyIn:` read the field without one. */
  readonly check?: FieldTest;
  readonly condition: Condition;
}

/** Every field test of a matrix, in matrix order: levels, appliesWhen and forEach of each criterion. */
export function fieldUses(matrix: Matrix): FieldUse[] {
  const uses: FieldUse[] = [];
  const visit = (condition: Condition | undefined): void => {
    if (condition === undefined) return;
    switch (condition.op) {
      case 'all':
      case 'any':
      case 'atLeast':
        condition.conditions.forEach(visit);
        return;
      case 'not':
        visit(condition.condition);
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
        uses.push({ field: condition.field, check: condition.check, condition });
        return;
      case 'deadline':
        uses.push({ field: 'deadline', condition });
        return;
      case 'partyIn':
        uses.push({ field: condition.field, condition });
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

/** The names of the fields a matrix reads, each once, in the order it first reads them. */
export function fieldsRead(matrix: Matrix): string[] {
  return [...new Set(fieldUses(matrix).map((use) => use.field))];
}
