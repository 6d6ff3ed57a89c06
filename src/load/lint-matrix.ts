import type { Diagnostic } from '../diagnostics.js';
import { CORE_FIELDS } from '../engine/fields.js';
import { fieldUses } from '../engine/fields-read.js';
import type { Condition, FieldDeclaration, FieldTest, FieldValue, Matrix } from '../engine/types.js';
import { didYouMean } from '../suggest.js';
import { closestValue } from './check-vocabulary.js';
import { DiagnosticSink } from './load-document.js';
import type * as MatrixSchema from './schema-types/matrix.js';
import type { DataPath, ParsedDocument } from './yaml-document.js';
import { itemAt } from '../checked-index.js';

/** A condition's mapping (or any mapping of the matrix) as parsed, walked for its operators. */
type ConditionNode = Readonly<Record<string, unknown>>;

/**
 * Mistakes a matrix can carry and still load, found by `validate`: levels that can never be
 * reached, a lowest level that is not a default, gates that can never matter.
 * Takes a schema-checked document; evaluate does not run these, so they change no score.
 */
export function lintMatrix(doc: ParsedDocument): Diagnostic[] {
  const raw = doc.data as MatrixSchema.MatrixDocument;
  const sink = new DiagnosticSink(doc);
  const bestBand = raw.verdicts[0]?.label;
  raw.criteria.forEach((criterion, ci) => {
    const { levels } = criterion;
    levels.forEach((level, li) => {
      if (level.when === undefined) return;
      const shadow = levels.slice(0, li).find((above) => above.when !== undefined && implies(level.when, above.when));
      if (shadow) {
        const same = sameCondition(level.when, shadow.when);
        sink.error(
          'UNREACHABLE_LEVEL',
          ['criteria', ci, 'levels', li, 'when'],
          `level \`${level.label}\` of ${criterion.id} can never be reached: \`${shadow.label}\` above it ` +
            `${same ? 'has the same condition' : 'has a condition that holds whenever this one does'}, and the first level that holds wins`,
          same
            ? 'make this condition differ from the one above: often a copy-paste left unchanged'
            : `narrow the condition of \`${shadow.label}\`, or list the narrower level first`,
          true,
        );
      }
    });
    const lowest = itemAt(levels, levels.length - 1);
    const aboveLowest = levels[levels.length - 2];
    if (lowest.when !== undefined && !(aboveLowest?.when !== undefined && complements(lowest.when, aboveLowest.when))) {
      sink.warning(
        'NO_DEFAULT_LEVEL',
        ['criteria', ci, 'levels', levels.length - 1],
        `the lowest level \`${lowest.label}\` of ${criterion.id} has a \`when\`, so a record that meets no level gets none`,
        'drop its `when` to make it the default, or add a default level below it',
      );
    }
    (criterion.gates ?? []).forEach((gate, gi) => {
      if (gate.above === bestBand) {
        sink.warning(
          'GATE_NO_EFFECT',
          ['criteria', ci, 'gates', gi, 'above'],
          `no verdict is better than \`${gate.above}\`, the best band, so this gate never applies`,
          'name the band a verdict must be better than to need this level',
        );
      } else if (gate.requires === lowest.label && lowest.when === undefined) {
        sink.warning(
          'GATE_NO_EFFECT',
          ['criteria', ci, 'gates', gi, 'requires'],
          `every record reaches \`${gate.requires}\` (the default level) or better, so this gate never fails`,
          'require a level above the lowest',
        );
      }
    });
  });
  return sink.diagnostics;
}

function isConditionNode(value: unknown): value is ConditionNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The single operator of a combining condition (`all`, `any`, `not`, `some`, `none`), if that is what it is. */
function combinator(node: ConditionNode, op: 'all' | 'any' | 'not' | 'some' | 'none'): unknown {
  const keys = Object.keys(node);
  return keys.length === 1 && keys[0] === op ? node[op] : undefined;
}

function list(value: unknown): ConditionNode[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every(isConditionNode) ? value : undefined;
}

/**
 * Whether one condition holds exactly when the other does not (`some: X` beside `none: X`, or
 * `not: C` beside `C`), so that two levels with them leave no record without a level: a lowest
 * level may then keep its `when`, which names the events that put a record there.
 */
function complements(a: unknown, b: unknown): boolean {
  if (!isConditionNode(a) || !isConditionNode(b)) return false;
  const [someA, noneB] = [combinator(a, 'some'), combinator(b, 'none')];
  if (someA !== undefined && noneB !== undefined && sameCondition(someA, noneB)) return true;
  const [noneA, someB] = [combinator(a, 'none'), combinator(b, 'some')];
  if (noneA !== undefined && someB !== undefined && sameCondition(noneA, someB)) return true;
  return sameCondition(combinator(a, 'not'), b) || sameCondition(a, combinator(b, 'not'));
}

/** Same data, whatever the key order. */
function sameCondition(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isConditionNode(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Whether condition `b` implies `a` (whenever `b` holds, `a` does too), as far as the structure
 * alone proves it (same condition, one branch of an `any`, one more item in an `all`,
 * and so on through `some`, `none` and `not`). False means "not proved", never "proved not".
 */
export function implies(b: unknown, a: unknown): boolean {
  if (!isConditionNode(a) || !isConditionNode(b)) return false;
  if (sameCondition(b, a)) return true;
  const anyA = list(combinator(a, 'any'));
  if (anyA?.some((child) => implies(b, child))) return true;
  const allA = list(combinator(a, 'all'));
  if (allA?.every((child) => implies(b, child))) return true;
  const allB = list(combinator(b, 'all'));
  if (allB?.some((child) => implies(child, a))) return true;
  const anyB = list(combinator(b, 'any'));
  if (anyB?.every((child) => implies(child, a))) return true;
  const [someA, someB] = [combinator(a, 'some'), combinator(b, 'some')];
  if (someA !== undefined && someB !== undefined && implies(someB, someA)) return true;
  // No event meets the weaker condition, so none meets the stronger one; likewise for `not`.
  const [noneA, noneB] = [combinator(a, 'none'), combinator(b, 'none')];
  if (noneA !== undefined && noneB !== undefined && implies(noneA, noneB)) return true;
  const [notA, notB] = [combinator(a, 'not'), combinator(b, 'not')];
  return notA !== undefined && notB !== undefined && implies(notA, notB);
}

/**
 * Mistakes against the matrix's own declared fields (`fields:`), found by `validate`: `equals:`
 * given a list, a tested value a field does not declare (with the one meant), a field read but
 * not declared, and a level whose condition the declared values can never satisfy.
 */
export function lintVocabulary(matrix: Matrix, doc: ParsedDocument): Diagnostic[] {
  const sink = new DiagnosticSink(doc);
  const fields = matrix.fields ?? {};
  const hasFields = matrix.fields !== undefined;
  const faulty = new Set<Condition>();
  const undeclaredReported = new Set<string>();

  for (const use of fieldUses(matrix)) {
    const { condition, check } = use;
    const path = pathOf(condition.path);
    const node = nodeAt(doc.data, path);
    const shorthand = use.field === 'type' && isConditionNode(node) && Object.hasOwn(node, 'type');
    const declaration = fields[use.field];
    if (check?.test === 'equals' && Array.isArray(check.value) && declaration?.type !== 'list') {
      const listed = (check.value as readonly FieldValue[]).map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ');
      const message = `\`equals:\` is given a list, so \`${use.field}\` would have to be that whole list; it holds one value`;
      const hint = `did you mean \`in: [${listed}]\`?`;
      if (declaration) sink.error('EQUALS_LIST', [...path, 'equals'], message, hint);
      else sink.warning('EQUALS_LIST', [...path, 'equals'], message, hint);
      faulty.add(condition);
      continue;
    }
    if (!declaration) {
      if (hasFields && !(CORE_FIELDS as readonly string[]).includes(use.field) && !undeclaredReported.has(use.field)) {
        undeclaredReported.add(use.field);
        const at = use.check === undefined ? path : [...path, 'field'];
        sink.warning(
          'UNDECLARED_FIELD',
          at,
          `the matrix reads \`${use.field}\`, which its \`fields:\` do not declare, so it has no declared values and its absence is unknown`,
          didYouMean(use.field, Object.keys(fields)) ?? `declare it under \`fields:\``,
        );
      }
      continue;
    }
    if (check === undefined) continue;
    for (const { value, at } of testedValues(check, path, shorthand)) {
      const problem = valueProblem(value, declaration);
      if (problem === undefined) continue;
      faulty.add(condition);
      const known = (declaration.values ?? []).map((declared) => String(declared.value));
      const meant = typeof value === 'string' ? closestValue(value, known) : undefined;
      sink.error(
        'UNDECLARED_TEST_VALUE',
        at,
        `\`${use.field}\` is tested for ${JSON.stringify(value)}, ${problem}, so the test never holds`,
        meant !== undefined ? `did you mean \`${meant}\`?` : known.length > 0 ? `values: ${known.join(', ')}` : undefined,
      );
    }
  }

  matrix.criteria.forEach((criterion, ci) => {
    criterion.levels.forEach((level, li) => {
      if (level.when === undefined || containsAny(level.when, faulty)) return;
      const reason = neverHolds(level.when, fields);
      if (reason !== undefined) {
        sink.error(
          'LEVEL_NEVER_HOLDS',
          ['criteria', ci, 'levels', li, 'when'],
          `level \`${level.label}\` of ${criterion.id} can never be reached under the declared fields: ${reason}`,
          'see `summit-score codebook` for the values each field declares',
        );
      }
    });
  });
  return sink.diagnostics;
}

/** `criteria[0].levels[1].when.some.all[1]` as a data path. */
function pathOf(text: string): DataPath {
  const path: (string | number)[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) path.push(match[2] !== undefined ? Number(match[2]) : itemAt(match, 1));
  return path;
}

function nodeAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const segment of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  return node;
}

/** Each value a test compares with, and where it is written. */
function testedValues(check: FieldTest, path: DataPath, shorthand: boolean): { value: FieldValue; at: DataPath }[] {
  switch (check.test) {
    case 'equals':
      return [{ value: check.value, at: [...path, shorthand ? 'type' : 'equals'] }];
    case 'in':
      return check.values.map((value, i) => ({ value, at: [...path, shorthand ? 'type' : 'in', i] }));
    case 'contains':
      return [{ value: check.value, at: [...path, 'contains'] }];
    default:
      return [];
  }
}

/** Why a declared field can never hold `value` (undefined: it can). */
function valueProblem(value: FieldValue, declaration: FieldDeclaration): string | undefined {
  if (value === null || typeof value === 'object') return undefined;
  const itemType = declaration.type === 'list' ? undefined : declaration.type;
  const wrongType =
    itemType === 'date'
      ? typeof value === 'string'
        ? undefined
        : 'not a date'
      : itemType !== undefined && typeof value !== itemType
        ? `a ${typeof value}, where \`${declaration.name}\` is a ${declaration.type}`
        : undefined;
  if (wrongType !== undefined) return wrongType;
  if (declaration.values !== undefined && !declaration.values.some((declared) => declared.value === value)) return 'which is not among its declared values';
  return undefined;
}

function containsAny(condition: Condition, set: ReadonlySet<Condition>): boolean {
  if (set.has(condition)) return true;
  return children(condition).some((child) => containsAny(child, set));
}

function children(condition: Condition): Condition[] {
  switch (condition.op) {
    case 'all':
    case 'any':
    case 'atLeast':
      return [...condition.conditions];
    case 'not':
      return [condition.condition];
    case 'some':
    case 'none':
    case 'count':
      return [condition.where];
    case 'link':
      return condition.to ? [condition.to] : [];
    case 'linkedBy':
      return condition.where ? [condition.where] : [];
    default:
      return [];
  }
}

/**
 * Why a condition can never hold when every field takes only its declared values (undefined: it
 * may hold, or this cannot prove otherwise). Within one `all`, the tests of a closed field must
 * leave it some value they all accept.
 */
function neverHolds(condition: Condition, fields: Readonly<Record<string, FieldDeclaration>>): string | undefined {
  switch (condition.op) {
    case 'all': {
      for (const child of condition.conditions) {
        const reason = neverHolds(child, fields);
        if (reason !== undefined) return reason;
      }
      const allowed = new Map<string, FieldValue[]>();
      for (const child of condition.conditions) {
        if (child.op !== 'field') continue;
        const declaration = fields[child.field];
        if (!declaration?.values || declaration.type === 'list') continue;
        const accepted = acceptedValues(child.check, declaration);
        if (accepted === undefined) continue;
        const before = allowed.get(child.field);
        const now = before === undefined ? accepted : before.filter((value) => accepted.includes(value));
        if (now.length === 0)
          return `it asks \`${child.field}\` for ${before!.map((v) => JSON.stringify(v)).join(' or ')} and for ${accepted.map((v) => JSON.stringify(v)).join(' or ')} at once`;
        allowed.set(child.field, now);
      }
      return undefined;
    }
    case 'any': {
      const reasons = condition.conditions.map((child) => neverHolds(child, fields));
      return reasons.every((reason) => reason !== undefined) ? reasons[0] : undefined;
    }
    case 'some':
    case 'link':
      return condition.op === 'some' ? neverHolds(condition.where, fields) : condition.to && neverHolds(condition.to, fields);
    case 'linkedBy':
      return condition.where && neverHolds(condition.where, fields);
    case 'count': {
      const zeroHolds =
        condition.comparison === 'equals'
          ? condition.value === 0
          : condition.comparison === 'lt'
            ? condition.value > 0
            : condition.comparison === 'lte'
              ? condition.value >= 0
              : false;
      return zeroHolds ? undefined : neverHolds(condition.where, fields);
    }
    default:
      return undefined;
  }
}

/** The declared values a field test accepts; undefined when the test is not one on its values. */
function acceptedValues(check: FieldTest, declaration: FieldDeclaration): FieldValue[] | undefined {
  const values = declaration.values!.map((declared) => declared.value);
  switch (check.test) {
    case 'equals':
      return values.filter((value) => value === check.value);
    case 'in':
      return values.filter((value) => check.values.includes(value));
    default:
      return undefined;
  }
}
