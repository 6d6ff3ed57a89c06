// The condition parser on its own: the tree it builds from a condition as a matrix author writes it,
// and the problems it reports (code, message, hint, path and the line and column they point at).
// Each expected position is counted by hand in the YAML beside it (lines and columns from 1).
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { dayNumber } from '../../src/engine/index.js';
import { conditionParser } from '../../src/load/parse-condition.js';
import { parseYamlDocument, type ParsedDocument } from '../../src/load/yaml-document.js';

type Scope = Parameters<ReturnType<typeof conditionParser>['parse']>[2];

function documentOf(yamlText: string): ParsedDocument {
  const doc = parseYamlDocument('c.yaml', yamlText);
  if (Array.isArray(doc)) throw new Error(doc.map((d) => d.message).join('\n'));
  return doc;
}

/** Parses the condition under `when:` of `yamlText`, as a matrix's level condition is parsed. */
function parsed(yamlText: string, scope?: Scope) {
  const doc = documentOf(yamlText);
  const parser = conditionParser(doc);
  const condition = parser.parse((doc.data as { when: unknown }).when, ['when'], scope);
  return { condition, diagnostics: parser.diagnostics };
}

/** The one problem `yamlText` has; fails the test if it parses or has more than one. */
function problem(yamlText: string, scope?: Scope): Diagnostic {
  const { condition, diagnostics } = parsed(yamlText, scope);
  expect(condition).toBeUndefined();
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
}

/** The tree `yamlText` parses to, without the paths and locations (checked on their own below). */
function tree(yamlText: string, scope?: Scope): unknown {
  const { condition, diagnostics } = parsed(yamlText, scope);
  expect(diagnostics).toEqual([]);
  return JSON.parse(JSON.stringify(condition, (key, value: unknown) => (key === 'path' || key === 'location' ? undefined : value)));
}

describe('the tree a condition parses to', () => {
  it('keeps where each condition stands: its path and its file, line and column', () => {
    const text = 'criteria:\n  - id: c\n    when:\n      some:\n        type: meeting\n';
    const doc = documentOf(text);
    const parser = conditionParser(doc);
    const raw = (doc.data as { criteria: { when: unknown }[] }).criteria[0]!.when;
    const condition = parser.parse(raw, ['criteria', 0, 'when']);
    // `some:` on line 4 at column 7 starts the mapping that is `when`; `type:` on line 5 column 9.
    expect(condition).toMatchObject({
      op: 'some',
      path: 'criteria[0].when',
      location: { file: 'c.yaml', line: 4, col: 7 },
      where: { op: 'field', path: 'criteria[0].when.some', location: { file: 'c.yaml', line: 5, col: 9 } },
    });
  });

  it('numbers the items of a list in their paths', () => {
    const { condition } = parsed('when:\n  all:\n    - some: {type: a}\n    - none: {type: b}\n');
    expect(condition).toMatchObject({ op: 'all', conditions: [{ path: 'when.all[0]' }, { path: 'when.all[1]' }] });
  });

  it.each([
    ['all', 'all: [{some: {type: a}}, {none: {type: b}}]', { op: 'all', conditions: [{ op: 'some' }, { op: 'none' }] }],
    ['any', 'any: [{some: {type: a}}]', { op: 'any', conditions: [{ op: 'some' }] }],
    ['not', 'not: {some: {type: a}}', { op: 'not', condition: { op: 'some' } }],
    ['atLeast with as many conditions as it counts', 'atLeast: 2\n  of: [{some: {type: a}}, {some: {type: b}}]', { op: 'atLeast', count: 2 }],
    ['count', 'count: {type: a}\n  gte: 2', { op: 'count', comparison: 'gte', value: 2, where: { op: 'field' } }],
  ])('builds %s', (_name, body, expected) => {
    expect(tree(`when:\n  ${body}\n`)).toMatchObject(expected);
  });

  it.each([
    ['equals', 'equals: high', { test: 'equals', value: 'high' }],
    ['in', 'in: [high, low]', { test: 'in', values: ['high', 'low'] }],
    ['contains', 'contains: cyber', { test: 'contains', value: 'cyber' }],
    ['exists', 'exists: false', { test: 'exists', value: false }],
    ['gt', 'gt: 3', { test: 'compare', comparison: 'gt', value: 3 }],
    ['gte', 'gte: 3', { test: 'compare', comparison: 'gte', value: 3 }],
    ['lt', 'lt: 3', { test: 'compare', comparison: 'lt', value: 3 }],
    ['lte', 'lte: "2016-01-01"', { test: 'compare', comparison: 'lte', value: '2016-01-01' }],
  ])('reads the field test %s', (_name, test, check) => {
    expect(tree(`when:\n  some: {field: level, ${test}}\n`)).toEqual({ op: 'some', where: { op: 'field', field: 'level', check } });
  });

  it('reads `type:` as a test of the field type: one value, or a list of them', () => {
    expect(tree('when: {some: {type: meeting}}\n')).toEqual({ op: 'some', where: { op: 'field', field: 'type', check: { test: 'equals', value: 'meeting' } } });
    expect(tree('when: {some: {type: [meeting, talks]}}\n')).toEqual({
      op: 'some',
      where: { op: 'field', field: 'type', check: { test: 'in', values: ['meeting', 'talks'] } },
    });
  });

  it.each([
    ['the summit', 'summit', { kind: 'summit' }],
    ['the as-of date', 'asOf', { kind: 'asOf' }],
    // 2015-12-31: 46 years after 1970-01-01 with 11 leap days (1972 to 2012) is 2016-01-01, day 16,801.
    ['a calendar date', '2015-12-31', { kind: 'date', date: '2015-12-31', day: 16_800 }],
    ['a linked event', '{linked: fulfils}', { kind: 'linked', link: 'fulfils' }],
    ['days before the as-of date', '{daysBefore: 365, of: asOf}', { kind: 'asOf', daysBefore: 365 }],
    ['no days before the summit', '{daysBefore: 0, of: summit}', { kind: 'summit', daysBefore: 0 }],
  ])('reads an anchor at %s', (_name, anchor, expected) => {
    expect(dayNumber('2015-12-31')).toBe(16_800);
    expect(tree(`when: {some: {before: ${anchor}}}\n`)).toEqual({ op: 'some', where: { op: 'before', anchor: expected } });
    expect(tree(`when: {some: {after: ${anchor}}}\n`)).toEqual({ op: 'some', where: { op: 'after', anchor: expected } });
    expect(tree(`when: {some: {within: {days: 30, of: ${anchor}}}}\n`)).toEqual({ op: 'some', where: { op: 'within', days: 30, anchor: expected } });
  });

  it('reads a deadline state, or a list of them, as a list', () => {
    expect(tree('when: {some: {deadline: met}}\n')).toEqual({ op: 'some', where: { op: 'deadline', states: ['met'] } });
    expect(tree('when: {some: {deadline: [met, met-late]}}\n')).toEqual({ op: 'some', where: { op: 'deadline', states: ['met', 'met-late'] } });
  });

  it('reads a link with or without the condition on the event it points to', () => {
    expect(tree('when: {some: {link: of}}\n')).toEqual({ op: 'some', where: { op: 'link', kind: 'of' } });
    // The event linked to is in scope inside `to:`, so `type:` may stand there.
    expect(tree('when: {some: {link: of, to: {type: mechanism}}}\n')).toEqual({
      op: 'some',
      where: { op: 'link', kind: 'of', to: { op: 'field', field: 'type', check: { test: 'equals', value: 'mechanism' } } },
    });
  });

  it('reads linkedBy with at least one linking event unless `min:` says more', () => {
    expect(tree('when: {some: {linkedBy: fulfils}}\n')).toEqual({ op: 'some', where: { op: 'linkedBy', kind: 'fulfils', min: 1 } });
    expect(tree('when: {some: {linkedBy: fulfils, where: {type: meeting}, min: 2}}\n')).toEqual({
      op: 'some',
      where: { op: 'linkedBy', kind: 'fulfils', min: 2, where: { op: 'field', field: 'type', check: { test: 'equals', value: 'meeting' } } },
    });
  });

  it('reads partyIn in a criterion scored per party, and isSubject in one with forEach', () => {
    expect(tree('when: {some: {partyIn: actors}}\n', { party: true })).toEqual({ op: 'some', where: { op: 'partyIn', field: 'actors' } });
    expect(tree('when: {some: {isSubject: false}}\n', { subject: true })).toEqual({ op: 'some', where: { op: 'isSubject', value: false } });
  });

  it('lets an event test stand at the top where an event is in scope from the start (a forEach selector)', () => {
    expect(tree('when: {type: commitment}\n', { event: true })).toEqual({ op: 'field', field: 'type', check: { test: 'equals', value: 'commitment' } });
    expect(tree('when: {not: {type: commitment}}\n', { event: true })).toMatchObject({ op: 'not', condition: { op: 'field' } });
  });

  it('keeps an event in scope through all, any, not and atLeast inside a quantifier', () => {
    const text = 'when:\n  count: {all: [{type: a}, {any: [{not: {type: b}}]}, {atLeast: 1, of: [{type: c}]}]}\n  equals: 1\n';
    expect(tree(text)).toMatchObject({ op: 'count', where: { op: 'all' } });
  });

  it('nests conditions 64 levels deep', () => {
    // The `when` mapping is level 0; under 64 `not:`s the innermost `all: []` stands at level 64.
    const text = `when: ${'{not: '.repeat(64)}{all: []}${'}'.repeat(64)}\n`;
    const { condition, diagnostics } = parsed(text);
    expect(diagnostics).toEqual([]);
    expect(condition).toMatchObject({ op: 'not' });
  });
});

describe('the problems a condition can have', () => {
  it('refuses conditions nested more than 64 levels deep, at the one too deep', () => {
    const text = `when: ${'{not: '.repeat(65)}{all: []}${'}'.repeat(65)}\n`;
    expect(problem(text)).toMatchObject({
      severity: 'error',
      code: 'BAD_CONDITION',
      message: 'conditions nest deeper than 64 levels',
      path: `when${'.not'.repeat(65)}`,
    });
  });

  it('counts a level of nesting for each list item as for each `not:`', () => {
    // Under n `not:`s the `any:` stands at level n and the item of its list at level n + 1: with
    // n = 63 that item is at 64; with n = 64 it is one too deep.
    const nested = (n: number) => `when: ${'{not: '.repeat(n)}{any: [{all: []}]}${'}'.repeat(n)}\n`;
    expect(parsed(nested(63)).diagnostics).toEqual([]);
    expect(problem(nested(64)).path).toBe(`when${'.not'.repeat(64)}.any[0]`);
  });

  it('refuses a mapping with no operator, naming the operators its key goes with', () => {
    // The mapping under `when:` starts at line 2, column 3.
    expect(problem('when:\n  of: [{some: {type: a}}]\n')).toEqual({
      severity: 'error',
      code: 'BAD_CONDITION',
      file: 'c.yaml',
      line: 2,
      col: 3,
      path: 'when',
      message: '`of` needs an operator beside it',
      hint: '`of` goes with `atLeast`',
    });
    expect(problem('when:\n  equals: 2\n').hint).toBe('`equals` goes with `count` or `field`');
    expect(problem('when:\n  min: 2\n').hint).toBe('`min` goes with `linkedBy`');
    expect(problem('when:\n  to: {type: a}\n').hint).toBe('`to` goes with `link`');
  });

  it('gives no hint for a key that goes with no operator', () => {
    const found = problem('when:\n  label: x\n');
    expect(found.message).toBe('`label` needs an operator beside it');
    expect(found).not.toHaveProperty('hint');
  });

  it('refuses two operators in one mapping, at the second', () => {
    expect(problem('when:\n  some: {type: a}\n  none: {type: b}\n')).toEqual({
      severity: 'error',
      code: 'BAD_CONDITION',
      file: 'c.yaml',
      line: 3,
      col: 3,
      path: 'when.none',
      message: 'one operator per condition, found `some` and `none`',
      hint: 'list them under `all:` (or `any:`), one per item',
    });
    expect(problem('when:\n  all: []\n  some: {type: a}\n  none: {type: b}\n')).toMatchObject({
      line: 3,
      path: 'when.some',
      message: 'one operator per condition, found `all` and `some` and `none`',
    });
  });

  it('refuses a key that does not go with the operator beside it, at that key', () => {
    expect(problem('when:\n  some: {type: a}\n  to: {type: b}\n')).toEqual({
      severity: 'error',
      code: 'BAD_CONDITION',
      file: 'c.yaml',
      line: 3,
      col: 3,
      path: 'when.to',
      message: '`to` does not go with `some`',
      hint: '`to` goes with `link`',
    });
    expect(problem('when:\n  count: {type: a}\n  equals: 1\n  of: []\n')).toMatchObject({
      line: 4,
      message: '`of` does not go with `count`',
      hint: '`of` goes with `atLeast`',
    });
    expect(problem('when:\n  not: {type: a}\n  label: b\n')).not.toHaveProperty('hint');
  });

  it.each([
    ['field', 'field: level\n  equals: high'],
    ['type', 'type: meeting'],
    ['before', 'before: summit'],
    ['after', 'after: asOf'],
    ['within', 'within: {days: 3, of: summit}'],
    ['deadline', 'deadline: met'],
    ['link', 'link: of'],
    ['linkedBy', 'linkedBy: fulfils'],
    ['partyIn', 'partyIn: actors'],
    ['isSubject', 'isSubject: true'],
  ])('refuses the event test %s where no event is in scope, at its key', (op, body) => {
    expect(problem(`when:\n  ${body}\n`, { party: true, subject: true })).toEqual({
      severity: 'error',
      code: 'EVENT_TEST_OUTSIDE_QUANTIFIER',
      file: 'c.yaml',
      line: 2,
      col: 3,
      path: `when.${op}`,
      message: `\`${op}\` tests one event, but no event is in scope here`,
      hint: 'put it inside `some:`, `none:` or `count:`',
    });
  });

  it('refuses an event test under all, any, not or atLeast outside a quantifier', () => {
    expect(problem('when: {all: [{type: a}]}\n').path).toBe('when.all[0].type');
    expect(problem('when: {any: [{type: a}]}\n').path).toBe('when.any[0].type');
    expect(problem('when: {not: {type: a}}\n').path).toBe('when.not.type');
    expect(problem('when: {atLeast: 1, of: [{type: a}]}\n').path).toBe('when.of[0].type');
  });

  it('refuses partyIn in a criterion not scored per party', () => {
    expect(problem('when:\n  some:\n    partyIn: actors\n', { subject: true })).toEqual({
      severity: 'error',
      code: 'BAD_CONDITION',
      file: 'c.yaml',
      line: 3,
      col: 5,
      path: 'when.some.partyIn',
      message: '`partyIn` tests the party being scored, but this criterion is not scored per party',
      hint: 'add `perParty: true` to the criterion',
    });
  });

  it('refuses isSubject in a criterion without forEach', () => {
    expect(problem('when:\n  some:\n    isSubject: true\n', { party: true })).toEqual({
      severity: 'error',
      code: 'BAD_CONDITION',
      file: 'c.yaml',
      line: 3,
      col: 5,
      path: 'when.some.isSubject',
      message: '`isSubject` tests the event being scored about, but this criterion has no `forEach`',
      hint: 'add `forEach:` to the criterion',
    });
  });

  it('takes each criterion scope as it is given: one parse per party does not carry over to the next', () => {
    const doc = documentOf('when: {some: {partyIn: actors}}\n');
    const parser = conditionParser(doc);
    const raw = (doc.data as { when: unknown }).when;
    expect(parser.parse(raw, ['when'], { party: true })).toBeDefined();
    expect(parser.parse(raw, ['when'])).toBeUndefined();
    expect(parser.diagnostics.map((d) => d.path)).toEqual(['when.some.partyIn']);
  });

  it('refuses atLeast without `of:`, at the atLeast key', () => {
    expect(problem('when:\n  atLeast: 1\n')).toEqual({
      severity: 'error',
      code: 'BAD_CONDITION',
      file: 'c.yaml',
      line: 2,
      col: 3,
      path: 'when.atLeast',
      message: '`atLeast` needs `of:`, the list of conditions to count',
    });
  });

  it('refuses atLeast of more conditions than it is given', () => {
    expect(problem('when:\n  atLeast: 3\n  of: [{some: {type: a}}, {some: {type: b}}]\n')).toEqual({
      severity: 'error',
      code: 'BAD_CONDITION',
      file: 'c.yaml',
      line: 2,
      col: 3,
      path: 'when.atLeast',
      message: 'atLeast 3 of 2 conditions can never hold',
    });
  });

  it('reports a bad item of a list once, and nothing about the list it spoils', () => {
    expect(problem('when:\n  atLeast: 3\n  of: [{some: {type: a}}, {type: b}]\n').path).toBe('when.of[1].type');
    expect(problem('when:\n  all: [{some: {type: a}}, {type: b}]\n').path).toBe('when.all[1].type');
    expect(problem('when:\n  any: [{type: b}, {some: {type: a}}]\n').path).toBe('when.any[0].type');
  });

  it.each([
    ['no comparison', 'count: {type: a}'],
    ['two comparisons', 'count: {type: a}\n  gt: 1\n  lt: 3'],
  ])('refuses count with %s, at the count key', (_name, body) => {
    expect(problem(`when:\n  ${body}\n`)).toEqual({
      severity: 'error',
      code: 'BAD_CONDITION',
      file: 'c.yaml',
      line: 2,
      col: 3,
      path: 'when.count',
      message: '`count` needs exactly one comparison: equals, gt, gte, lt or lte',
    });
  });

  it('refuses a count compared with something not a number, at the comparison', () => {
    expect(problem('when:\n  count: {type: a}\n  gte: "2"\n')).toEqual({
      severity: 'error',
      code: 'WRONG_TYPE',
      file: 'c.yaml',
      line: 3,
      col: 3,
      path: 'when.gte',
      message: 'the count is compared with "2", which is not a number',
    });
  });

  it('refuses a field with no test, at the field key', () => {
    expect(problem('when:\n  some:\n    field: level\n')).toEqual({
      severity: 'error',
      code: 'BAD_CONDITION',
      file: 'c.yaml',
      line: 3,
      col: 5,
      path: 'when.some.field',
      message: 'field `level` needs exactly one test (found none)',
      hint: 'one of: equals, gt, gte, lt, lte, in, contains, exists',
    });
  });

  it('refuses a field with two tests, at the second in the order the hint lists them', () => {
    // `in` comes after `equals` in that order, though it is written first.
    expect(problem('when:\n  some:\n    field: level\n    in: [a]\n    equals: b\n')).toMatchObject({
      line: 4,
      col: 5,
      path: 'when.some.in',
      message: 'field `level` needs exactly one test (found equals and in)',
    });
  });

  it.each([
    ['a link beside days', '{linked: fulfils, daysBefore: 3, of: summit}'],
    ['a link beside an anchor', '{linked: fulfils, of: summit}'],
    ['a link beside days alone', '{linked: fulfils, daysBefore: 3}'],
    ['days without what they are before', '{daysBefore: 3}'],
    ['what days are before without the days', '{of: asOf}'],
    ['nothing in it', '{}'],
  ])('refuses an anchor mapping with %s', (_name, anchor) => {
    expect(problem(`when:\n  some:\n    before: ${anchor}\n`)).toEqual({
      severity: 'error',
      code: 'BAD_CONDITION',
      file: 'c.yaml',
      line: 3,
      col: 13,
      path: 'when.some.before',
      message: 'an anchor mapping is either `{linked: <link kind>}` or `{daysBefore: <days>, of: summit|asOf}`',
      hint: 'after: {daysBefore: 365, of: asOf}',
    });
  });

  it('refuses a date that is not in the calendar, at the date', () => {
    expect(problem('when:\n  some:\n    after: 2015-02-30\n')).toEqual({
      severity: 'error',
      code: 'BAD_DATE',
      file: 'c.yaml',
      line: 3,
      col: 12,
      path: 'when.some.after',
      message: '2015-02-30 is not a calendar date',
    });
    // `of:` of `within:` on line 3: `    within: {days: 3, of: ` is 26 characters.
    expect(problem('when:\n  some:\n    within: {days: 3, of: 2015-02-30}\n')).toMatchObject({ line: 3, col: 27, path: 'when.some.within.of' });
  });

  it('refuses a link or linkedBy whose condition on the other event fails', () => {
    expect(problem('when: {some: {link: of, to: {field: level}}}\n').path).toBe('when.some.to.field');
    expect(problem('when: {some: {linkedBy: of, where: {field: level}}}\n').path).toBe('when.some.where.field');
  });
});
