import type { Diagnostic, ErrorCode } from '../diagnostics.js';
import { dayNumber } from '../engine/dates.js';
import type { Condition, DateAnchor, DeadlineState, FieldValue, LinkKind } from '../engine/types.js';
import { formatPath } from './data-path.js';
import type { DataPath, ParsedDocument } from './yaml-document.js';
import { itemAt } from '../checked-index.js';

/** One condition's mapping as parsed, before its operator is known. */
type ConditionNode = Record<string, unknown>;

/** The key that names what a condition does; every condition has exactly one. */
const OPERATORS = [
  'all',
  'any',
  'not',
  'atLeast',
  'some',
  'none',
  'count',
  'field',
  'type',
  'before',
  'after',
  'within',
  'deadline',
  'link',
  'linkedBy',
  'partyIn',
  'isSubject',
] as const;
type Operator = (typeof OPERATORS)[number];

const COMPARISONS = ['equals', 'gt', 'gte', 'lt', 'lte'] as const;
const FIELD_TESTS = [...COMPARISONS, 'in', 'contains', 'exists'] as const;

/** Keys that only make sense beside a given operator. */
const COMPANIONS: Partial<Record<Operator, readonly string[]>> = {
  atLeast: ['of'],
  count: COMPARISONS,
  field: FIELD_TESTS,
  link: ['to'],
  linkedBy: ['where', 'min'],
};

/** Operators that test one event, and so need an event in scope (inside some/none/count or a link). */
const EVENT_TESTS: ReadonlySet<Operator> = new Set(['field', 'type', 'before', 'after', 'within', 'deadline', 'link', 'linkedBy', 'partyIn', 'isSubject']);

const MAX_DEPTH = 64;

/** What a condition may refer to where it stands. */
interface ConditionScope {
  /** An event is in scope from the start (a forEach selector). */
  readonly event?: boolean;
  /** The criterion is scored per party, so `partyIn` has a party to test. */
  readonly party?: boolean;
  /** The criterion is scored per forEach subject, so `isSubject` means something. */
  readonly subject?: boolean;
}

export interface ConditionParser {
  parse(raw: unknown, path: DataPath, scope?: ConditionScope): Condition | undefined;
  readonly diagnostics: Diagnostic[];
}

/**
 * Turns schema-checked condition mappings into the engine's condition tree, checking what the
 * schema cannot: one operator per mapping, the test or comparison it needs, and event scope.
 */
export function conditionParser(doc: ParsedDocument): ConditionParser {
  const diagnostics: Diagnostic[] = [];
  const report = (code: ErrorCode, path: DataPath, message: string, hint?: string, key?: string): undefined => {
    const target = key === undefined ? path : [...path, key];
    diagnostics.push({
      severity: 'error',
      code,
      file: doc.file,
      ...doc.locate(target, { key: key !== undefined }),
      path: formatPath(target),
      message,
      ...(hint && { hint }),
    });
    return undefined;
  };

  let scope: ConditionScope = {};
  const parse = (raw: unknown, path: DataPath, inEvent: boolean, depth: number): Condition | undefined => {
    if (depth > MAX_DEPTH) return report('BAD_CONDITION', path, `conditions nest deeper than ${MAX_DEPTH} levels`);
    const node = raw as ConditionNode;
    const keys = Object.keys(node);
    const operators = keys.filter((key): key is Operator => (OPERATORS as readonly string[]).includes(key));
    if (operators.length === 0) {
      return report('BAD_CONDITION', path, `\`${keys[0]}\` needs an operator beside it`, companionHint(itemAt(keys, 0)));
    }
    if (operators.length > 1) {
      return report(
        'BAD_CONDITION',
        path,
        `one operator per condition, found ${operators.map((op) => `\`${op}\``).join(' and ')}`,
        'list them under `all:` (or `any:`), one per item',
        operators[1],
      );
    }
    const op = itemAt(operators, 0);
    const allowed = new Set<string>([op, ...(COMPANIONS[op] ?? [])]);
    const stray = keys.find((key) => !allowed.has(key));
    if (stray !== undefined) {
      return report('BAD_CONDITION', path, `\`${stray}\` does not go with \`${op}\``, companionHint(stray), stray);
    }
    if (EVENT_TESTS.has(op) && !inEvent) {
      return report(
        'EVENT_TEST_OUTSIDE_QUANTIFIER',
        path,
        `\`${op}\` tests one event, but no event is in scope here`,
        'put it inside `some:`, `none:` or `count:`',
        op,
      );
    }
    if (op === 'partyIn' && !scope.party) {
      return report(
        'BAD_CONDITION',
        path,
        '`partyIn` tests the party being scored, but this criterion is not scored per party',
        'add `perParty: true` to the criterion',
        op,
      );
    }
    if (op === 'isSubject' && !scope.subject) {
      return report(
        'BAD_CONDITION',
        path,
        '`isSubject` tests the event being scored about, but this criterion has no `forEach`',
        'add `forEach:` to the criterion',
        op,
      );
    }
    const base = { path: formatPath(path), location: { file: doc.file, ...doc.locate(path) } };
    const child = (key: string, scope: boolean) => parse(node[key], [...path, key], scope, depth + 1);
    const list = (key: string, scope: boolean) => {
      const items = (node[key] as unknown[]).map((item, i) => parse(item, [...path, key, i], scope, depth + 1));
      return items.every((item) => item !== undefined) ? items : undefined;
    };

    switch (op) {
      case 'all':
      case 'any': {
        const conditions = list(op, inEvent);
        return conditions && { ...base, op, conditions };
      }
      case 'not': {
        const condition = child('not', inEvent);
        return condition && { ...base, op, condition };
      }
      case 'atLeast': {
        if (!Object.hasOwn(node, 'of')) return report('BAD_CONDITION', path, '`atLeast` needs `of:`, the list of conditions to count', undefined, 'atLeast');
        const count = node['atLeast'] as number;
        const conditions = list('of', inEvent);
        if (conditions && count > conditions.length) {
          return report('BAD_CONDITION', path, `atLeast ${count} of ${conditions.length} conditions can never hold`, undefined, 'atLeast');
        }
        return conditions && { ...base, op, count, conditions };
      }
      case 'some':
      case 'none': {
        const where = child(op, true);
        return where && { ...base, op, where };
      }
      case 'count': {
        const comparison = single(node, COMPARISONS);
        if (comparison === undefined) {
          return report('BAD_CONDITION', path, '`count` needs exactly one comparison: equals, gt, gte, lt or lte', undefined, 'count');
        }
        const value = node[comparison];
        if (typeof value !== 'number')
          return report('WRONG_TYPE', path, `the count is compared with ${JSON.stringify(value)}, which is not a number`, undefined, comparison);
        const where = child('count', true);
        return where && { ...base, op, where, comparison, value };
      }
      case 'field':
        return parseFieldTest(node, base, path, report);
      case 'type': {
        const value = node['type'] as string | string[];
        const check = Array.isArray(value) ? { test: 'in' as const, values: value } : { test: 'equals' as const, value };
        return { ...base, op: 'field', field: 'type', check };
      }
      case 'before':
      case 'after': {
        const anchor = parseAnchor(node[op], [...path, op], report);
        return anchor && { ...base, op, anchor };
      }
      case 'within': {
        const within = node['within'] as { days: number; of: unknown };
        const anchor = parseAnchor(within.of, [...path, 'within', 'of'], report);
        return anchor && { ...base, op, days: within.days, anchor };
      }
      case 'deadline': {
        const value = node['deadline'] as DeadlineState | DeadlineState[];
        return { ...base, op, states: Array.isArray(value) ? value : [value] };
      }
      case 'link': {
        const to = Object.hasOwn(node, 'to') ? child('to', true) : undefined;
        if (Object.hasOwn(node, 'to') && !to) return undefined;
        return { ...base, op, kind: node['link'] as LinkKind, ...(to && { to }) };
      }
      case 'linkedBy': {
        const where = Object.hasOwn(node, 'where') ? child('where', true) : undefined;
        if (Object.hasOwn(node, 'where') && !where) return undefined;
        return { ...base, op, kind: node['linkedBy'] as LinkKind, ...(where && { where }), min: (node['min'] as number | undefined) ?? 1 };
      }
      case 'partyIn':
        return { ...base, op, field: node['partyIn'] as string };
      case 'isSubject':
        return { ...base, op, value: node['isSubject'] as boolean };
    }
  };

  return {
    parse: (raw, path, where = {}) => {
      scope = where;
      return parse(raw, path, where.event ?? false, 0);
    },
    diagnostics,
  };
}

type Report = (code: ErrorCode, path: DataPath, message: string, hint?: string, key?: string) => undefined;

function parseFieldTest(node: ConditionNode, base: { path: string; location: Condition['location'] }, path: DataPath, report: Report): Condition | undefined {
  const field = node['field'] as string;
  const present = FIELD_TESTS.filter((test) => Object.hasOwn(node, test));
  if (present.length !== 1) {
    const found = present.length === 0 ? 'none' : present.join(' and ');
    return report(
      'BAD_CONDITION',
      path,
      `field \`${field}\` needs exactly one test (found ${found})`,
      `one of: ${FIELD_TESTS.join(', ')}`,
      present[1] ?? 'field',
    );
  }
  const test = itemAt(present, 0);
  const value = node[test] as FieldValue;
  switch (test) {
    case 'equals':
      return { ...base, op: 'field', field, check: { test, value } };
    case 'in':
      return { ...base, op: 'field', field, check: { test, values: value as FieldValue[] } };
    case 'contains':
      return { ...base, op: 'field', field, check: { test, value } };
    case 'exists':
      return { ...base, op: 'field', field, check: { test, value: value as boolean } };
    default:
      return { ...base, op: 'field', field, check: { test: 'compare', comparison: test, value: value as number | string } };
  }
}

function parseAnchor(raw: unknown, path: DataPath, report: Report): DateAnchor | undefined {
  if (typeof raw === 'object' && raw !== null) {
    const anchor = raw as { linked?: LinkKind; daysBefore?: number; of?: 'summit' | 'asOf' };
    if (anchor.linked !== undefined && anchor.daysBefore === undefined && anchor.of === undefined) return { kind: 'linked', link: anchor.linked };
    if (anchor.linked === undefined && anchor.daysBefore !== undefined && anchor.of !== undefined) return { kind: anchor.of, daysBefore: anchor.daysBefore };
    return report(
      'BAD_CONDITION',
      path,
      'an anchor mapping is either `{linked: <link kind>}` or `{daysBefore: <days>, of: summit|asOf}`',
      'after: {daysBefore: 365, of: asOf}',
    );
  }
  const text = raw as string;
  if (text === 'summit') return { kind: 'summit' };
  if (text === 'asOf') return { kind: 'asOf' };
  const day = dayNumber(text);
  if (day === undefined) return report('BAD_DATE', path, `${text} is not a calendar date`);
  return { kind: 'date', date: text, day };
}

function single<T extends string>(node: ConditionNode, keys: readonly T[]): T | undefined {
  const present = keys.filter((key) => Object.hasOwn(node, key));
  return present.length === 1 ? present[0] : undefined;
}

function companionHint(key: string): string | undefined {
  const owners = Object.entries(COMPANIONS)
    .filter(([, companions]) => companions.includes(key))
    .map(([op]) => `\`${op}\``);
  return owners.length > 0 ? `\`${key}\` goes with ${owners.join(' or ')}` : undefined;
}
