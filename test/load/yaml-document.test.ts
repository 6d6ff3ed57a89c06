// parseYamlDocument (src/load/yaml-document.ts) on small inputs: each refusal as a whole
// diagnostic (code, line:col worked out from the text, message, and a hint only where one is
// given), the syntax errors it picks and rewords, and the unsafe values it looks for in the data.
// The limits (values, nesting, aliases) and the bracket scan are in yaml-document-limits.test.ts.
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ErrorCode } from '../../src/diagnostics.js';
import { parseYamlDocument } from '../../src/load/yaml-document.js';

function refused(text: string): Diagnostic[] {
  const parsed = parseYamlDocument('doc.yaml', text);
  if (!Array.isArray(parsed)) throw new Error(`expected a refusal, got ${JSON.stringify(parsed.data)}`);
  return parsed;
}

function accepted(text: string): unknown {
  const parsed = parseYamlDocument('doc.yaml', text);
  if (Array.isArray(parsed)) throw new Error(`expected data, got ${JSON.stringify(parsed)}`);
  return parsed.data;
}

/** The diagnostic expected; with no hint, the key is absent (compared with toStrictEqual). */
function error(code: ErrorCode, line: number, col: number, message: string, hint?: string): Diagnostic {
  return { severity: 'error', code, file: 'doc.yaml', line, col, message, ...(hint === undefined ? {} : { hint }) };
}

const MORE = 'fix this first: the parser cannot read on reliably after it';

describe('an empty document', () => {
  it('is refused at the start of the file, whether it holds nothing or only a comment', () => {
    expect(refused('')).toStrictEqual([error('EMPTY_FILE', 1, 1, 'the file is empty')]);
    expect(refused('# only a comment\n\n')).toStrictEqual([error('EMPTY_FILE', 1, 1, 'the file is empty')]);
  });
});

describe('a byte-order mark', () => {
  it('is dropped before positions are counted, so columns start after it', () => {
    // `.nan` is the 4th character after the mark.
    expect(refused('\uFEFFa: .nan\n')).toStrictEqual([error('BAD_NUMBER', 1, 4, '.nan is not a finite number')]);
    const parsed = parseYamlDocument('doc.yaml', '\uFEFFa: 1\nb: 2\n');
    if (Array.isArray(parsed)) throw new Error('refused');
    expect(parsed.data).toEqual({ a: 1, b: 2 });
    expect(parsed.locate(['a'], { key: true })).toEqual({ line: 1, col: 1 });
    expect(parsed.locate(['b'])).toEqual({ line: 2, col: 4 });
  });
});

describe('several documents', () => {
  it('are refused at the `---` that starts the second', () => {
    expect(refused('a: 1\n---\nb: 2\n')).toStrictEqual([
      error('YAML_SYNTAX', 2, 1, 'the file holds several documents; a matrix or record is one [MULTIPLE_DOCS]'),
    ]);
  });
});

describe('syntax errors', () => {
  it('reports the parser’s message, first line only, with its code and no hint when it is the only error', () => {
    expect(refused('a:\n\tb: 1\n')).toStrictEqual([error('YAML_SYNTAX', 2, 1, 'Tabs are not allowed as indentation [TAB_AS_INDENT]')]);
  });

  it('reports only the first in file order, wherever it stands among the errors, and says the rest may be echoes', () => {
    // Repeated keys are listed before warnings (unknown tags): here the earliest (line 1) stands
    // between a repeated key on line 3 and a second unknown tag on line 4.
    expect(refused('a: !foo x\nb: 1\nb: 2\nc: !bar y\n')).toStrictEqual([error('YAML_SYNTAX', 1, 4, 'Unresolved tag: !foo [TAG_RESOLVE_FAILED]', MORE)]);
  });

  it('keeps the first error the parser gave when several stand at one offset', () => {
    // At offset 9 (line 2) the parser reports the unclosed `[` first, then a key and a colon missing.
    expect(refused('a: [1, 2\n[3]\n')).toStrictEqual([
      error('YAML_SYNTAX', 1, 4, 'this `[` is never closed [BAD_INDENT]', 'end the list or mapping with `]` on this line'),
    ]);
  });

  it('refuses a key that is not plain text, at the key', () => {
    const message = 'a key must be plain text, not a list, a mapping, an alias or a tagged value [NON_STRING_KEY]';
    expect(refused('? [a, b]\n: c\n')).toStrictEqual([error('YAML_SYNTAX', 1, 3, message)]);
    expect(refused('? [a]\n: 1\n? [b]\n: 2\n')).toStrictEqual([error('YAML_SYNTAX', 1, 3, message, MORE)]);
  });
});

describe('an unclosed flow list or mapping', () => {
  it('is told at its opening bracket, not where the parser noticed it', () => {
    expect(refused('a: [1, 2\nb: 3\n')).toStrictEqual([
      error('YAML_SYNTAX', 1, 4, 'this `[` is never closed [BAD_INDENT]', 'end the list or mapping with `]` on this line'),
    ]);
    // The `{` on line 2 is the one left open; the list on line 1 is closed.
    expect(refused('x: [a, b]\ny: {c: 1\n')).toStrictEqual([
      error('YAML_SYNTAX', 2, 4, 'this `{` is never closed [BAD_INDENT]', 'end the list or mapping with `}` on this line'),
    ]);
  });

  it('is the outer bracket when an inner one was closed', () => {
    expect(refused('a: [[1], 2\nb: 3\n')).toStrictEqual([
      error('YAML_SYNTAX', 1, 4, 'this `[` is never closed [BAD_INDENT]', 'end the list or mapping with `]` on this line'),
    ]);
  });

  it('looks only at brackets before the place the parser stopped', () => {
    // The parser stops where line 2 starts; the `[` later on line 2 is not the mistake it saw.
    expect(refused('a: [1, 2\nb: [3\n')[0]).toMatchObject({ line: 1, col: 4, message: 'this `[` is never closed [BAD_INDENT]' });
  });
});

describe('repeated keys', () => {
  it('are one key when they are one as text (1 and "1")', () => {
    expect(refused('1: a\n"1": b\n')).toStrictEqual([
      error('YAML_SYNTAX', 2, 1, 'the key `1` is given twice in this mapping (first on line 1) [DUPLICATE_KEY]', 'keep one of them: the data would hold only the last'),
    ]);
  });

  it('are reported once, with the parser’s wording when the key cannot be named from its line', () => {
    // An explicit key (`? a`) leaves no `a:` on its line to name: the generic message stands.
    expect(refused('? a\n: 1\n? a\n: 2\n')).toStrictEqual([error('YAML_SYNTAX', 3, 3, 'Map keys must be unique [DUPLICATE_KEY]')]);
  });

  it('are found in a mapping inside a list', () => {
    expect(refused('- a\n- b: 1\n  b: 2\n')[0]).toMatchObject({ code: 'YAML_SYNTAX', line: 3, col: 3 });
  });
});

describe('merge keys', () => {
  it('are an ordinary key `<<`, not a merge', () => {
    expect(accepted('a: &a {x: 1}\nb:\n  <<: *a\n')).toEqual({ a: { x: 1 }, b: { '<<': { x: 1 } } });
  });
});

describe('forbidden keys', () => {
  const hint = 'rename it: such keys are refused so no input can reach JavaScript object internals';

  it('are refused at the top, inside a mapping and inside a list, at the key', () => {
    expect(refused('constructor: 1\n')).toStrictEqual([error('FORBIDDEN_KEY', 1, 1, '`constructor` cannot be a key', hint)]);
    expect(refused('a: {b: {prototype: 1}}\n')).toStrictEqual([error('FORBIDDEN_KEY', 1, 9, '`prototype` cannot be a key', hint)]);
    expect(refused('a:\n  - x\n  - __proto__: 1\n')).toStrictEqual([error('FORBIDDEN_KEY', 3, 5, '`__proto__` cannot be a key', hint)]);
  });

  it('are all reported, in file order', () => {
    expect(refused('- constructor: 1\n- prototype: 2\n')).toStrictEqual([
      error('FORBIDDEN_KEY', 1, 3, '`constructor` cannot be a key', hint),
      error('FORBIDDEN_KEY', 2, 3, '`prototype` cannot be a key', hint),
    ]);
  });

  it('are only those three: a key that merely contains one is data', () => {
    expect(accepted('my_constructor: 1\nproto: 2\n')).toEqual({ my_constructor: 1, proto: 2 });
  });
});

describe('numbers that are not finite', () => {
  it('are refused at the value, as written, all of them in file order', () => {
    // The walk visits later values first; the report is sorted by line, then column.
    expect(refused('a: .nan\nb: .inf\nc: -.inf\n')).toStrictEqual([
      error('BAD_NUMBER', 1, 4, '.nan is not a finite number'),
      error('BAD_NUMBER', 2, 4, '.inf is not a finite number'),
      error('BAD_NUMBER', 3, 4, '-.inf is not a finite number'),
    ]);
    expect(refused('{a: .nan, b: .inf, c: -.inf}')).toStrictEqual([
      error('BAD_NUMBER', 1, 5, '.nan is not a finite number'),
      error('BAD_NUMBER', 1, 14, '.inf is not a finite number'),
      error('BAD_NUMBER', 1, 23, '-.inf is not a finite number'),
    ]);
  });

  it('are found inside lists', () => {
    expect(refused('- [1, .nan]\n')).toStrictEqual([error('BAD_NUMBER', 1, 7, '.nan is not a finite number')]);
  });
});

describe('values the walk must pass over', () => {
  it('takes a key without a value (null) and an alias as data', () => {
    expect(accepted('{a, b: 1}')).toEqual({ a: null, b: 1 });
    expect(accepted('a: &x 1\nb: *x\n')).toEqual({ a: 1, b: 1 });
  });
});

describe('tags', () => {
  const message = (tag: string) => `the tag \`${tag}\` is not allowed: matrices and records hold only text, numbers, true/false, null, lists and mappings`;

  it('refuses a tag outside the core schema, at the tag, named in its short form', () => {
    expect(refused('a: !!set {b}\n')).toStrictEqual([error('YAML_SYNTAX', 1, 4, message('!!set'), 'remove the tag')]);
    expect(refused('a: !!binary aGk=\n')).toStrictEqual([error('YAML_SYNTAX', 1, 4, message('!!binary'), 'remove the tag')]);
  });

  it('finds the tag past an anchor on either side of it, and across a line end', () => {
    expect(refused('a: !!set &x {b}\n')[0]).toMatchObject({ line: 1, col: 4 });
    expect(refused('a: &x !!set {b}\n')[0]).toMatchObject({ line: 1, col: 7 });
    // A tagged block mapping starts on the next line; the tag is on this one.
    expect(refused('a: !!set\n  ? b\n')[0]).toMatchObject({ line: 1, col: 4 });
    expect(refused('a: &x !!set\n  ? b\n')[0]).toMatchObject({ line: 1, col: 7 });
  });

  it('finds a tag at the very start of the file', () => {
    expect(refused('!!set {b}\n')).toStrictEqual([error('YAML_SYNTAX', 1, 1, message('!!set'), 'remove the tag')]);
  });

  it('keeps the core tags and the non-specific `!`', () => {
    expect(accepted('a: !!str 1\nb: !!int 2\nc: !!map {d: !!null ""}\ne: !!seq [! x]\n')).toEqual({ a: '1', b: 2, c: { d: null }, e: ['x'] });
  });

  it('reports unknown tags, which the parser only warns about, as errors', () => {
    expect(refused('a: !exec rm\n')).toStrictEqual([error('YAML_SYNTAX', 1, 4, 'Unresolved tag: !exec [TAG_RESOLVE_FAILED]')]);
  });
});
