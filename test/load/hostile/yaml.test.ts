import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { MAX_ALIAS_COUNT, MAX_NESTING, MAX_YAML_VALUES, parseYamlDocument } from '../../../src/load/yaml-document.js';

function problems(text: string): Pick<Diagnostic, 'code' | 'line' | 'col'>[] {
  const parsed = parseYamlDocument('hostile.yaml', text);
  return Array.isArray(parsed) ? parsed.map(({ code, line, col }) => ({ code, line, col })) : [];
}

const laughs = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
].join('\n');

describe('hostile YAML', () => {
  it.each([
    ['a syntax error', 'a: [1, 2\nb: 3\n', 'YAML_SYNTAX'],
    ['a tab used for indentation', 'a:\n\tb: 1\n', 'YAML_SYNTAX'],
    ['a duplicate key', 'a: 1\na: 2\n', 'YAML_SYNTAX'],
    ['an unknown tag', 'a: !exec rm -rf\n', 'YAML_SYNTAX'],
    ['several documents', 'a: 1\n---\nb: 2\n', 'YAML_SYNTAX'],
    ['an empty file', '', 'EMPTY_FILE'],
    ['a file of only comments', '# nothing here\n', 'EMPTY_FILE'],
    ['a billion laughs', laughs, 'ALIAS_LIMIT'],
    ['10,000 levels of flow nesting', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'TOO_DEEP'],
    ['deep block nesting', `${Array.from({ length: MAX_NESTING + 5 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`, 'TOO_DEEP'],
    ['NaN', 'weight: .nan\n', 'BAD_NUMBER'],
    ['infinity', 'weight: -.inf\n', 'BAD_NUMBER'],
    ['a number too large for a double', 'weight: 1e400\n', 'BAD_NUMBER'],
    ['__proto__ as a key', 'fields:\n  __proto__: {polluted: true}\n', 'FORBIDDEN_KEY'],
    ['constructor as a key', 'constructor: x\n', 'FORBIDDEN_KEY'],
    ['prototype as a key', 'a: {prototype: 1}\n', 'FORBIDDEN_KEY'],
    ['a YAML 1.1 !!set (a Set object)', 'a: !!set {b}\n', 'YAML_SYNTAX'],
    ['a YAML 1.1 !!binary (a byte array)', 'a: !!binary aGk=\n', 'YAML_SYNTAX'],
    ['a YAML 1.1 !!timestamp (a Date object)', 'a: !!timestamp 2015-09-25\n', 'YAML_SYNTAX'],
    ['a YAML 1.1 !!omap (a Map object)', 'a: !!omap [{b: 1}]\n', 'YAML_SYNTAX'],
    ['keys that are one key as text (1 and "1")', '1: a\n"1": b\n', 'YAML_SYNTAX'],
    ['keys that are one key as text (true and "true")', 'true: a\n"true": b\n', 'YAML_SYNTAX'],
    ['a list as a key', '? [a, b]\n: c\n', 'YAML_SYNTAX'],
    ['10,000 levels of block nesting', `${'- '.repeat(10_000)}x\n`, 'TOO_DEEP'],
  ])('refuses %s with a coded error', (_name, text, code) => {
    const found = problems(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.code).toBe(code);
    expect(found[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it('points at the forbidden key', () => {
    expect(problems('id: x\nfields:\n  __proto__: {polluted: true}\n')).toEqual([{ code: 'FORBIDDEN_KEY', line: 3, col: 3 }]);
  });

  it('points at the bracket where nesting goes too deep', () => {
    expect(problems(`a: 1\nb: ${'['.repeat(MAX_NESTING + 1)}`)).toEqual([{ code: 'TOO_DEEP', line: 2, col: 4 + MAX_NESTING }]);
  });

  it('leaves Object.prototype untouched whatever the input', () => {
    for (const text of ['__proto__: {polluted: true}\n', '{"__proto__": {"polluted": true}}', 'a: {constructor: {prototype: {polluted: true}}}\n']) {
      parseYamlDocument('x.yaml', text);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('points at the level where block nesting goes too deep, however deep the file goes', () => {
    // Parsed twice in one process: the second deep parse once made V8 abort the whole process.
    // (Deeper still, the file holds more values than MAX_YAML_VALUES: TOO_MANY_VALUES, counted first.)
    for (const depth of [10_000, 10_000, MAX_YAML_VALUES - 1]) {
      expect(problems(`${'- '.repeat(depth)}x\n`)).toEqual([{ code: 'TOO_DEEP', line: 1, col: 2 * MAX_NESTING + 1 }]);
    }
    expect(problems(`${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`)).toEqual([
      { code: 'TOO_DEEP', line: MAX_NESTING + 1, col: MAX_NESTING + 1 },
    ]);
  });

  it('points at the tag it refuses, and keeps the core tags', () => {
    expect(problems('a: &x !!set {b}\n')).toEqual([{ code: 'YAML_SYNTAX', line: 1, col: 7 }]);
    const parsed = parseYamlDocument('core.yaml', 'a: !!str 1\nb: !!int 2\nc: !!float 3.5\nd: !!bool true\ne: !!null\nf: !!seq [1]\ng: !!map {h: 1}\ni: ! x\n');
    expect(Array.isArray(parsed) ? parsed : parsed.data).toEqual({ a: '1', b: 2, c: 3.5, d: true, e: null, f: [1], g: { h: 1 }, i: 'x' });
  });

  it('counts brackets in quotes and comments as text', () => {
    const text = `a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\n`;
    expect(problems(text)).toEqual([]);
  });

  it('accepts aliases within the limit, a byte-order mark and CRLF line ends', () => {
    const aliases = `base: &b {level: ministerial}\n${Array.from({ length: MAX_ALIAS_COUNT / 2 }, (_, i) => `k${i}: *b`).join('\n')}\n`;
    expect(problems(aliases)).toEqual([]);
    const parsed = parseYamlDocument('bom.yaml', '\uFEFFa: 1\r\nb: 2\r\n');
    expect(Array.isArray(parsed) ? parsed : parsed.data).toEqual({ a: 1, b: 2 });
  });
});
