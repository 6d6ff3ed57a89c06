// explainSlip (src/load/yaml-slips.ts), given the parser's error by hand (its code, and its offset
// found in the text): the common YAML slips told at the place of the mistake, each message and
// fix written out from the rule.
import { describe, expect, it } from 'vitest';
import { explainSlip, type ParserError } from '../../src/load/yaml-slips.js';

const error = (code: string, offset: number, message = 'x'): ParserError => ({ code, pos: [offset, offset + 1], message });

describe('a value holding `: `', () => {
  const slip = (source: string, at: string) => explainSlip(error('BLOCK_AS_IMPLICIT_KEY', source.indexOf(at)), source);

  it('is told at the value, with the value quoted as the fix', () => {
    const source = 'criteria:\n  - title: Hotline: for escalation\n    weight: 1\n';
    expect(slip(source, 'Hotline')).toEqual({
      offset: source.indexOf('Hotline'),
      message: 'this value holds `: `, which YAML reads as the start of another key',
      hint: 'quote the value: `title: "Hotline: for escalation"`',
    });
  });

  it('escapes quotes and backslashes in the fix, and leaves out a CR or the end of the file', () => {
    expect(slip('note: say "hi": a\\b', 'say')?.hint).toBe('quote the value: `note: "say \\"hi\\": a\\\\b"`');
    expect(slip('id: x\r\ntitle: A: b\r\nnext: 1\r\n', 'A: b')?.hint).toBe('quote the value: `title: "A: b"`');
  });

  it('quotes the value without the blank space after it', () => {
    expect(slip('title: A: b  \n', 'A: b')?.hint).toBe('quote the value: `title: "A: b"`');
  });

  it('is not told when the text before is no key, or the value holds no `: `', () => {
    expect(slip('title: Hotline:x\n', 'Hotline')).toBeUndefined();
    expect(slip('a b c: d: e\n', 'b c')).toBeUndefined();
    expect(explainSlip(error('OTHER', 7), 'title: Hotline: for escalation\n')).toBeUndefined();
  });
});

describe('a key without its colon', () => {
  const slip = (source: string, at: string) => explainSlip(error('MULTILINE_IMPLICIT_KEY', source.indexOf(at)), source);

  it('is told with the colon put after the key', () => {
    const source = 'criteria:\n  - id: a\n    weight 1\n    levels: []\n';
    expect(slip(source, 'weight')).toEqual({ offset: source.indexOf('weight'), message: '`weight 1` has no `:` after its key', hint: 'write `weight: 1`' });
    expect(slip('id: a\nweight\n', 'weight')?.hint).toBe('write `weight: VALUE`');
    expect(slip('list:\n  - weight  2  3   \n', 'weight')).toEqual({
      offset: 10,
      message: '`weight  2  3` has no `:` after its key',
      hint: 'write `weight: 2 3`',
    });
  });

  it('is not told for a blank line or one that has a key', () => {
    expect(slip('a: 1\n   \nb: 2\n', '   ')).toBeUndefined();
    expect(slip('a: 1\nb: 2\n', 'b')).toBeUndefined();
    expect(slip('a: 1\nb:\n', 'b')).toBeUndefined();
    expect(slip('a: 1\nb:\tc\n', 'b')).toBeUndefined();
    // A `#` inside a word starts no comment, and a quote inside one opens no string.
    expect(slip('a: 1\nb#c: d\n', 'b#')).toBeUndefined();
    expect(slip("a: 1\nit's x: d\n", 'it')).toBeUndefined();
  });

  it('takes the list dash off however many spaces follow it', () => {
    expect(slip('list:\n  -   weight 1\n', 'weight')).toMatchObject({ message: '`weight 1` has no `:` after its key', hint: 'write `weight: 1`' });
  });

  it('reads the rest of the line after a closed quote, and a `#` as a comment only after a space', () => {
    // The quote closes, so `y: z` after it is a key.
    expect(slip('a: 1\ntitle "x" y: z\n', 'title')).toBeUndefined();
    // `#x` after a space starts a comment, though no space follows the `#`.
    expect(slip('a: 1\nweight 1 #x: y\n', 'weight')?.message).toBe('`weight 1 #x: y` has no `:` after its key');
    // A quote at the start of the text opens a string.
    expect(slip('a: 1\n"x: y" z\n', '"x')?.message).toBe('`"x: y" z` has no `:` after its key');
  });

  it('reads a `: ` inside quotes or a comment as no colon of a key', () => {
    expect(slip('a: 1\ntitle "Hotline: now"\n', 'title')?.hint).toBe('write `title: "Hotline: now"`');
    // An escaped double quote does not close the string; a backslash in single quotes escapes nothing.
    expect(slip('a: 1\ntitle "a\\": b" x\n', 'title')?.hint).toBe('write `title: "a\\": b" x`');
    expect(slip("a: 1\ntitle 'a\\' b: c\n", 'title')).toBeUndefined();
    expect(slip('a: 1\nweight 1 # note: x\n', 'weight')?.message).toBe('`weight 1 # note: x` has no `:` after its key');
    expect(slip('a: 1\n# note: x\n', '#')?.message).toBe('`# note: x` has no `:` after its key');
    // A quote opens after a space, `[`, `{`, `,` or `:`.
    for (const text of ["x ['a: b']", "x {'a: b'}", "x ['y','a: b']", "a:'b: c'"]) {
      expect(slip(`a: 1\n${text}\n`, text)?.message).toBe(`\`${text}\` has no \`:\` after its key`);
    }
  });
});

describe('a key given twice', () => {
  const slip = (source: string, offset: number) => explainSlip(error('DUPLICATE_KEY', offset), source);

  it('names the key and the line it was first given on', () => {
    const source = 'id: a\ntitle: T\nid: b\n';
    expect(slip(source, source.lastIndexOf('id'))).toEqual({
      offset: 15,
      message: 'the key `id` is given twice in this mapping (first on line 1)',
      hint: 'keep one of them: the data would hold only the last',
    });
  });

  it('finds the first in a list item, past blank lines and comments, at the dash', () => {
    const source = 'events:\n  - id: a\n    # note\n\n    type: x\n    id: b\n';
    expect(slip(source, source.lastIndexOf('id'))?.message).toBe('the key `id` is given twice in this mapping (first on line 2)');
    const below = 'events:\n  - id: a\n    id: b\n';
    expect(slip(below, below.lastIndexOf('id'))?.message).toBe('the key `id` is given twice in this mapping (first on line 2)');
    const crlf = 'id: a\r\n\r\nid: b\r\n';
    expect(slip(crlf, crlf.lastIndexOf('id'))?.message).toBe('the key `id` is given twice in this mapping (first on line 1)');
  });

  it('does not look past the dash of its item or a line further left', () => {
    const items = 'events:\n  - id: a\n  - type: x\n    id: b\n';
    expect(slip(items, items.lastIndexOf('id'))?.message).toBe('the key `id` is given twice in this mapping');
    const outer = 'a:\n  x: 1\nb:\n  y: 1\n  x: 2\n';
    expect(slip(outer, outer.lastIndexOf('x'))?.message).toBe('the key `x` is given twice in this mapping');
    // A key of the same name deeper in is another mapping's.
    const deeper = 'x: 1\na:\n  x: 2\nx: 3\n';
    expect(slip(deeper, deeper.lastIndexOf('x'))?.message).toBe('the key `x` is given twice in this mapping (first on line 1)');
    const flow = 'm: {a: 1, a: 2}\n';
    expect(slip(flow, flow.lastIndexOf('a'))?.message).toBe('the key `a` is given twice in this mapping');
  });

  it('reads quoted keys as the text they stand for', () => {
    const single = "'it''s': 1\nb: 2\n'it''s': 3\n";
    expect(slip(single, single.lastIndexOf("'it"))?.message).toBe("the key `it's` is given twice in this mapping (first on line 1)");
    const escaped = 'id: 1\n"\\u0069d": 2\n';
    expect(slip(escaped, escaped.indexOf('"'))?.message).toBe('the key `id` is given twice in this mapping (first on line 1)');
    const bad = '"\\x": 1\n"\\x": 2\n';
    expect(slip(bad, bad.lastIndexOf('"\\x'))?.message).toBe('the key `\\x` is given twice in this mapping (first on line 1)');
    const spaced = 'my key : 1\nmy key: 2\n';
    expect(slip(spaced, spaced.lastIndexOf('my'))?.message).toBe('the key `my key` is given twice in this mapping (first on line 1)');
    const json = '{"a": 1,\n "a": 2}';
    expect(slip(json, json.lastIndexOf('"a"'))?.message).toBe('the key `a` is given twice in this mapping');
  });

  it('reads keys with a colon inside quotes, a key alone on its line, and quotes only at both ends', () => {
    const message = (source: string, key: string, line?: number) =>
      expect(slip(source, source.lastIndexOf(key))?.message).toBe(
        `the key \`${key.replace(/^"(.*)"$|^'(.*)'$/, '$1$2')}\` is given twice in this mapping${line === undefined ? '' : ` (first on line ${line})`}`,
      );
    message('"a:b": 1\n"a:b": 2\n', '"a:b"', 1);
    message("'a:b': 1\n'a:b': 2\n", "'a:b'", 1);
    message('a:\n  x: 1\na:\n  y: 2\n', 'a', 1);
    message("ab': 1\nab': 2\n", "ab'", 1);
    message('ab": 1\nab": 2\n', 'ab"', 1);
    // No key stands where a comment does.
    expect(slip('a: 1\n#a: 2\n', 5)).toBeUndefined();
  });

  it('looks past blank and comment lines at any indent, and lines of a deeper list', () => {
    const check = (source: string, key: string, line: number) =>
      expect(slip(source, source.lastIndexOf(key))?.message).toBe(`the key \`${key}\` is given twice in this mapping (first on line ${line})`);
    check('m:\r\n  id: a\r\n\r\n  id: b\r\n', 'id', 2);
    check('m:\n  id: a\n   \n  id: b\n', 'id', 2);
    check('events:\n  - id: a\n  # note\n    id: b\n', 'id', 2);
    check('m:\n  id: a\n  l:\n    - x: 1\n  id: b\n', 'id', 2);
    // A ` - ` inside a value is no list dash; two spaces after a dash move the key's column.
    check('m:\n  x: a - b\n  y: 1\n  x: 2\n', 'x', 2);
    check('events:\n  -  id: a\n     id: b\n', 'id', 2);
  });

  it('is not told where no key stands', () => {
    expect(slip('a: 1\n- b\n', 5)).toBeUndefined();
    expect(slip('a: 1\nb:c\n', 5)).toBeUndefined();
  });
});

describe('an unclosed quote', () => {
  const slip = (source: string, offset = source.length, message = 'Missing closing "quote') => explainSlip(error('MISSING_CHAR', offset, message), source);

  it('is told where it opens, with the quote closed as the fix', () => {
    const source = 'id: a\ntitle: "Hotline\nnext: 1\n';
    expect(slip(source)).toEqual({
      offset: source.indexOf('"'),
      message: 'this double quote is not closed on its line',
      hint: 'close it where the value ends: `title: "Hotline"`',
    });
    const single = "a: 1\n  - note: 'it''s\n";
    expect(slip(single)).toEqual({
      offset: single.indexOf("'"),
      message: 'this single quote is not closed on its line',
      hint: "close it where the value ends: `note: 'it''s'`",
    });
    expect(slip('"open\n')?.offset).toBe(0);
  });

  it('passes over quotes closed on their line, escapes, and comments', () => {
    const source = 'a: "x \\" y"\nb: \'it\'\'s\'\n# "not a quote\nc: 1 # don"t\nd: "open\ne: 1\n';
    expect(slip(source)?.offset).toBe(source.indexOf('"open'));
    for (const flow of ['[a, "b\n', '{"a\n', "['b\n", 'x:"y\n']) expect(slip(flow)?.offset).toBe(flow.indexOf(flow.includes('"') ? '"' : "'"));
    // A quote inside a word opens nothing.
    expect(slip('a: don"t\n')).toBeUndefined();
    expect(slip('a: 1 # "x')).toBeUndefined();
  });

  it('gives the line the quote opens on, without blank space after it', () => {
    expect(slip('a: "\nb: 1\n')?.hint).toBe('close it where the value ends: `a: ""`');
    expect(slip('title: "Hotline   \nb: 1\n')?.hint).toBe('close it where the value ends: `title: "Hotline"`');
    // At the very end of the file, with no newline after it.
    expect(slip('a: "open')?.offset).toBe(3);
  });

  it('takes the first quote open at the end of its line, after escapes and doubled quotes', () => {
    // The first quote runs on to the next line, so it is not the one.
    const multi = 'a: "multi\nline" b\nc: "open\n';
    expect(slip(multi)?.offset).toBe(3);
    // `\"` escapes in double quotes only; `''` is a quote only in single quotes.
    expect(slip('a: "x\\"\nb: 1\n')?.offset).toBe(3);
    expect(slip("a: 'x\\'\nb: 1\n")).toBeUndefined();
    expect(slip('a: "x""\nb: 1\n')).toBeUndefined();
    // A `#` inside a word starts no comment.
    expect(slip('a: b#c "open\n')?.offset).toBe(7);
  });

  it('looks only at quotes opened up to the parser error', () => {
    // A quote opened at the error and closed after it is no open quote.
    expect(slip('a: "ok"\nb: 1\n', 3)).toBeUndefined();
    const source = 'a: "ok"\nb: "open\n';
    expect(slip(source, 11)?.offset).toBe(11);
    expect(slip(source, 10)).toBeUndefined();
  });

  it('is told only for a missing quote', () => {
    expect(slip('title: "open\n', 13, 'Missing closing ]')).toBeUndefined();
    expect(explainSlip(error('OTHER', 13, 'quote'), 'title: "open\n')).toBeUndefined();
  });
});
