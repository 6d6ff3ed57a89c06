import type { Comparison, Condition, DateAnchor, FieldTest, FieldValue } from './types.js';

const COMPARISON_SYMBOLS: Record<Comparison, string> = { equals: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** A condition in one line of plain words, for explanations, tables and codebooks. */
export function describeCondition(condition: Condition): string {
  switch (condition.op) {
    case 'all':
      return `all of (${condition.conditions.map(describeCondition).join('; ')})`;
    case 'any':
      return `any of (${condition.conditions.map(describeCondition).join('; ')})`;
    case 'not':
      return `not (${describeCondition(condition.condition)})`;
    case 'atLeast':
      return `at least ${condition.count} of (${condition.conditions.map(describeCondition).join('; ')})`;
    case 'some':
      return `some event where ${describeCondition(condition.where)}`;
    case 'none':
      return `no event where ${describeCondition(condition.where)}`;
    case 'count':
      return `number of events where ${describeCondition(condition.where)} ${COMPARISON_SYMBOLS[condition.comparison]} ${condition.value}`;
    case 'field':
      return describeFieldTest(condition.field, condition.check);
    case 'before':
    case 'after':
      return `dated ${condition.op} ${describeAnchor(condition.anchor)}`;
    case 'within':
      return `dated within ${condition.days} days after ${describeAnchor(condition.anchor)}`;
    case 'deadline':
      return `deadline ${condition.states.join(' or ')}`;
    case 'link':
      return condition.to ? `links (${condition.kind}) to an event where ${describeCondition(condition.to)}` : `links (${condition.kind}) to an event`;
    case 'linkedBy': {
      const events = condition.min === 1 ? 'an event' : `at least ${condition.min} events`;
      return condition.where
        ? `is linked (${condition.kind}) from ${events} where ${describeCondition(condition.where)}`
        : `is linked (${condition.kind}) from ${events}`;
    }
    case 'partyIn':
      return `${condition.field} include the party`;
    case 'isSubject':
      return condition.value ? 'is the subject' : 'is not the subject';
  }
}

function describeFieldTest(field: string, check: FieldTest): string {
  switch (check.test) {
    case 'equals':
      return `${field} = ${describeValue(check.value)}`;
    case 'in':
      return `${field} in ${describeValue(check.values)}`;
    case 'compare':
      return `${field} ${COMPARISON_SYMBOLS[check.comparison]} ${describeValue(check.value)}`;
    case 'contains':
      return `${field} contains ${describeValue(check.value)}`;
    case 'exists':
      return check.value ? `${field} is set` : `${field} is not set`;
  }
}

function describeAnchor(anchor: DateAnchor): string {
  switch (anchor.kind) {
    case 'date':
      return anchor.date;
    case 'summit':
      return anchor.daysBefore ? `${anchor.daysBefore} days before the summit date` : 'the summit date';
    case 'asOf':
      return anchor.daysBefore ? `${anchor.daysBefore} days before the as-of date` : 'the as-of date';
    case 'linked':
      return `the event it links to (${anchor.link})`;
  }
}

export function describeValue(value: FieldValue | undefined): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
