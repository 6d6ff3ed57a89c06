// The limits of src/load/yaml-document.ts, each met just over (refused, with the code and the
// line:col worked out from the text built here) and just under (accepted): values counted from the
// text, nesting of brackets counted from the text, nesting of the parsed tree, and aliases. Also the
// bracket scan behind the nesting count and the unclosed-bracket message: brackets inside quotes
// and comments are text.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { MAX_ALIAS_COUNT, MAX_NESTING, MAX_YAML_VALUES, parseYamlDocument, withinYamlValues } from '../../src/load/yaml-document.js';

function refused(text: string): Diagnostic[] {
  const parsed = parseYamlDocument('doc.yaml', text);
  if (!Array.isArray(parsed)) throw new Error('expected a refusal');
  return parsed;
}

function accepted(text: string): unknown {
  const parsed = parseYamlDocument('doc.yaml', text);
  if (Array.isArray(parsed)) throw new Error(`expected data, got ${JSON.stringify(parsed)}`);
  return parsed.data;
}

/** How many lists and mappings deep a value goes. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const TOO_DEEP = `lists and mappings nest deeper than ${MAX_NESTING} levels`;
const tooDeep = (line: number, col: number): Diagnostic => ({ severity: 'error', code: 'TOO_DEEP', file: 'doc.yaml', line, col, message: TOO_DEEP });

/**
 * `prefix`, then `count` openers (by default one more than MAX_NESTING allows). A comment after it holds more commas
 * than MAX_YAML_VALUES: counted after the brackets, they make a missed bracket show as
 * TOO_MANY_VALUES instead of reaching the parser.
 */
function overDeep(prefix: string, opener = '[', count = MAX_NESTING + 1): string {
  return `${prefix}${opener.repeat(count)}\n# ${','.repeat(MAX_YAML_VALUES)}\n`;
}

describe('values counted from the text', () => {
  it('accepts MAX_YAML_VALUES of each thing that starts a value, and refuses one more', () => {
    for (const unit of [',', '[', '{', '- ', '-\t', '-\n', '-\r', '? ']) {
      expect(withinYamlValues(unit.repeat(MAX_YAML_VALUES)), JSON.stringify(unit)).toBe(true);
      expect(withinYamlValues(unit.repeat(MAX_YAML_VALUES + 1)), JSON.stringify(unit)).toBe(false);
    }
  });

  it('counts a key’s colon as two values: a key and its value', () => {
    expect(withinYamlValues(': '.repeat(MAX_YAML_VALUES / 2))).toBe(true);
    expect(withinYamlValues(': '.repeat(MAX_YAML_VALUES / 2 + 1))).toBe(false);
  });

  it('counts a dash or colon at the very end of the text', () => {
    expect(withinYamlValues(`${','.repeat(MAX_YAML_VALUES)}-`)).toBe(false);
    expect(withinYamlValues(`${','.repeat(MAX_YAML_VALUES - 1)}:`)).toBe(false);
    expect(withinYamlValues(`${','.repeat(MAX_YAML_VALUES - 2)}:`)).toBe(true);
  });

  it('counts a dash by what follows it, not what comes before', () => {
    expect(withinYamlValues('a- '.repeat(MAX_YAML_VALUES + 1))).toBe(false);
    // Dashes in dates and words, colons in URLs, are no values.
    expect(withinYamlValues('-x'.repeat(MAX_YAML_VALUES + 1))).toBe(true);
    expect(withinYamlValues('2020-01-01 http://x '.repeat(MAX_YAML_VALUES))).toBe(true);
  });

  it('refuses the file at the value past the limit, with the count written out and a way round it', () => {
    // Line 1 holds 2 values (a key and its value), `b:` 2 more: comma k on line 2 (column 3 + k)
    // is value 4 + k, over the limit at k = MAX_YAML_VALUES - 3.
    const text = `a: 1\nb: ${','.repeat(MAX_YAML_VALUES)}\nc: 2\n`;
    expect(refused(text)).toStrictEqual([
      {
        severity: 'error',
        code: 'TOO_MANY_VALUES',
        file: 'doc.yaml',
        line: 2,
        col: MAX_YAML_VALUES,
        message: `the file holds more than ${MAX_YAML_VALUES.toLocaleString('en-US')} values (list items, keys and their values)`,
        hint: 'write so large an input as JSON or NDJSON, read without this bound',
      },
    ]);
  });

  it('reads a file of exactly MAX_YAML_VALUES', () => {
    // 2 values on line 1 and commas in a comment: the count is an upper bound, comments included.
    expect(accepted(`a: 1\n# ${','.repeat(MAX_YAML_VALUES - 2)}\n`)).toEqual({ a: 1 });
    expect(refused(`a: 1\n# ${','.repeat(MAX_YAML_VALUES - 1)}\n`)[0]).toMatchObject({ code: 'TOO_MANY_VALUES', line: 2, col: 2 + MAX_YAML_VALUES - 1 });
  });
});

describe('nesting of brackets, counted from the text', () => {
  it('refuses the first bracket past MAX_NESTING, at its line and column', () => {
    const prefix = 'a: 1\nb: 2\nc: ';
    expect(refused(overDeep(prefix))).toStrictEqual([tooDeep(3, 4 + MAX_NESTING)]);
    expect(refused(overDeep('a: ', '{'))).toStrictEqual([tooDeep(1, 4 + MAX_NESTING)]);
  });

  it('accepts MAX_NESTING brackets deep', () => {
    expect(depthOf(accepted(`${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}`))).toBe(MAX_NESTING);
  });

  it('lets a closing bracket end a level, so siblings do not add up', () => {
    const many = 2 * MAX_NESTING;
    expect(accepted(`a: [${'[], '.repeat(many)}[]]`)).toEqual({ a: Array.from({ length: many + 1 }, () => []) });
    expect(accepted(`a: [${'{}, '.repeat(many)}{}]`)).toEqual({ a: Array.from({ length: many + 1 }, () => ({})) });
    // A closed `[]` before the deep run leaves one level open, not none.
    expect(refused(overDeep('a: [[], ', '[', MAX_NESTING))).toStrictEqual([tooDeep(1, 8 + MAX_NESTING)]);
  });

  it('counts the brackets after a closed quote, comment or scalar with a quote or `#` inside', () => {
    for (const prefix of ['a: "x"\nb: ', 'a: "x\\"y"\nb: ', "a: '\\'\nb: ", "a: 'it''s'\nb: ", '# note\nb: ', 'a: 1 # note\nb: ']) {
      expect(refused(overDeep(prefix)), JSON.stringify(prefix)).toStrictEqual([tooDeep(2, 4 + MAX_NESTING)]);
    }
    // An apostrophe inside a word opens no quote, nor does `#` inside a word open a comment.
    for (const prefix of ["a: [Lewis's, ", 'a: [x#y, ']) {
      expect(refused(overDeep(prefix, '[', MAX_NESTING)), JSON.stringify(prefix)).toStrictEqual([tooDeep(1, prefix.length + MAX_NESTING)]);
    }
  });

  it('counts no bracket inside quotes or comments', () => {
    const deep = '['.repeat(2 * MAX_NESTING);
    expect(accepted(`a: "${deep}"\n`)).toEqual({ a: deep });
    expect(accepted(`a: 'x${deep}'\n`)).toEqual({ a: `x${deep}` });
    expect(accepted(`a: "x${deep}"\n`)).toEqual({ a: `x${deep}` });
    expect(accepted(`a: "\\"${deep}"\n`)).toEqual({ a: `"${deep}` });
    expect(accepted(`"${deep}"\n`)).toBe(deep);
    expect(accepted(`'${'{'.repeat(2 * MAX_NESTING)}'\n`)).toBe('{'.repeat(2 * MAX_NESTING));
    expect(accepted(`# ${deep}\na: 1\n`)).toEqual({ a: 1 });
    expect(accepted(`a: 1 #${deep}\nb: 2\n`)).toEqual({ a: 1, b: 2 });
    // A comment on the last line, with no line end after it.
    expect(accepted(`a: 1 # ${deep}`)).toEqual({ a: 1 });
  });
});

describe('nesting of the parsed tree', () => {
  it('refuses block nesting past MAX_NESTING before any error the parser found', () => {
    // The unknown tag on line 1 is an error too; the depth is measured first. Line 2: the outer
    // list's item, then MAX_NESTING lists, the last (level MAX_NESTING + 1) at column 2 * MAX_NESTING + 1.
    expect(refused(`- !foo x\n- ${'- '.repeat(MAX_NESTING)}y\n`)).toStrictEqual([tooDeep(2, 2 * MAX_NESTING + 1)]);
  });

  it('refuses block mappings past MAX_NESTING, at the mapping', () => {
    // The mapping whose first key is on line i + 2 (after `z:`) is level i + 1.
    const lines = ['z: !foo x', ...Array.from({ length: MAX_NESTING + 1 }, (_, i) => `${' '.repeat(i)}a:`)];
    expect(refused(`${lines.join('\n')} 1\n`)).toStrictEqual([tooDeep(MAX_NESTING + 2, MAX_NESTING + 1)]);
  });

  it('counts flow lists inside block lists towards one depth', () => {
    // Levels: the outer list, 100 block lists, then 28 flow lists: the last `[` is level 129.
    const blocks = 100;
    const flows = MAX_NESTING - blocks;
    const text = `- !foo x\n- ${'- '.repeat(blocks)}${'['.repeat(flows)}y${']'.repeat(flows)}\n`;
    expect(refused(text)).toStrictEqual([tooDeep(2, 2 + 2 * blocks + flows)]);
  });

  it('counts a key that is a list as a level below its mapping', () => {
    expect(refused(`? ${'- '.repeat(MAX_NESTING)}x\n: v\n`)).toStrictEqual([tooDeep(1, 2 * MAX_NESTING + 1)]);
  });

  it('reports the first too-deep place in file order when there are several', () => {
    expect(refused(`- ${'- '.repeat(MAX_NESTING)}x\n- ${'- '.repeat(MAX_NESTING)}y\n`)).toStrictEqual([tooDeep(1, 2 * MAX_NESTING + 1)]);
  });

  it('accepts block lists MAX_NESTING deep', () => {
    expect(depthOf(accepted(`${'- '.repeat(MAX_NESTING)}x\n`))).toBe(MAX_NESTING);
  });

  it('counts the mapping a flow pair makes, which the text shows by no bracket', () => {
    // `[k: …]` is a list holding a one-key mapping: two levels for one bracket. With 65 of them,
    // the 65th list is level 129; it starts at offset 4 * 64.
    const over = MAX_NESTING / 2 + 1;
    expect(refused(`${'[k: '.repeat(over)}x${']'.repeat(over)}`)).toStrictEqual([tooDeep(1, 4 * (over - 1) + 1)]);
    const under = MAX_NESTING / 2;
    expect(depthOf(accepted(`${'[k: '.repeat(under)}x${']'.repeat(under)}`))).toBe(MAX_NESTING);
  });
});

describe('aliases', () => {
  // The anchored value is one copy and each alias one more (yaml's count starts at 1 for the
  // anchor): MAX_ALIAS_COUNT copies are MAX_ALIAS_COUNT - 1 aliases.
  const list = (aliases: number) => `a: &a x\nb: [${Array.from({ length: aliases }, () => '*a').join(', ')}]\n`;

  it('expands aliases up to MAX_ALIAS_COUNT copies', () => {
    expect(accepted(list(MAX_ALIAS_COUNT - 1))).toEqual({ a: 'x', b: Array.from({ length: MAX_ALIAS_COUNT - 1 }, () => 'x') });
  });

  it('refuses one copy more, at the start of the file', () => {
    expect(refused(list(MAX_ALIAS_COUNT))).toStrictEqual([
      {
        severity: 'error',
        code: 'ALIAS_LIMIT',
        file: 'doc.yaml',
        line: 1,
        col: 1,
        message: `aliases expand to more than ${MAX_ALIAS_COUNT} copies`,
        hint: 'write the repeated parts out, or use fewer aliases',
      },
    ]);
  });
});
