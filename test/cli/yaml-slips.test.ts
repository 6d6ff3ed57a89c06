import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/fake-io.js';

// The common YAML slips, made in a copy of a bundled record, are told in the author's terms, at
// the line of the mistake, with a fix that, applied, makes the file read again.

const dir = mkdtempSync(join(tmpdir(), 'summit-slips-'));
const original = readFileSync('fixtures/us-china-2013-06.yaml', 'utf8');
const lines = original.split('\n');
const titleLine = lines.findIndex((line) => line.startsWith('title: ')) + 1;
const typeLine = lines.findIndex((line) => /^ {4}type: /.test(line)) + 1;

/** The record with line `n` (1-based) replaced. */
function withLine(n: number, text: string): string {
  return lines.map((line, i) => (i === n - 1 ? text : line)).join('\n');
}

async function validate(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const { exitCode, stderr } = await run(['evaluate', file, '-m', 'lewis-2015']);
  expect(exitCode).toBe(2);
  const first = stderr.split('\n')[0]!;
  const match = new RegExp(`^error YAML_SYNTAX ${file.replace(/[.]/g, '\\.')}:(\\d+):(\\d+) (.*) \\((.*)\\)$`).exec(first);
  expect(match, first).not.toBeNull();
  return { line: Number(match![1]), col: Number(match![2]), message: match![3]!, hint: match![4]! };
}

/** The code in backticks of a hint: `title: "..."`. */
const fixIn = (hint: string) => /`(.*)`/.exec(hint)![1]!;

describe('YAML slips in human words', () => {
  it('a colon in a title: quote the value, and the quoted value parses to the intended title', async () => {
    const slip = await validate('colon.yaml', withLine(titleLine, 'title: Hotline: for escalation'));
    expect(slip).toMatchObject({ line: titleLine, col: 8 });
    expect(slip.message).toContain('`: `');
    expect(slip.hint).toBe('quote the value: `title: "Hotline: for escalation"`');
    expect(parse(fixIn(slip.hint))).toEqual({ title: 'Hotline: for escalation' });
  });

  it('a colon in a value inside a list, with quotes to escape', async () => {
    const slip = await validate('nested.yaml', withLine(typeLine, '    type: meeting: "the first"'));
    expect(slip.line).toBe(typeLine);
    expect(parse(fixIn(slip.hint))).toEqual({ type: 'meeting: "the first"' });
  });

  it('a missing colon: at its line, with the key and value written out', async () => {
    const slip = await validate('no-colon.yaml', withLine(typeLine, '    type meeting'));
    expect(slip).toMatchObject({ line: typeLine, col: 5 });
    expect(slip.message).toBe('`type meeting` has no `:` after its key [MULTILINE_IMPLICIT_KEY]');
    expect(slip.hint).toBe('write `type: meeting`');
  });

  it('a duplicate key: named, with the line it was first given on', async () => {
    const text = lines.flatMap((line, i) => (i === titleLine - 1 ? [line, 'title: Again'] : [line])).join('\n');
    const slip = await validate('duplicate.yaml', text);
    expect(slip).toMatchObject({ line: titleLine + 1, col: 1 });
    expect(slip.message).toBe(`the key \`title\` is given twice in this mapping (first on line ${titleLine}) [DUPLICATE_KEY]`);
  });

  it('a duplicate key in a list item is found within that item only', async () => {
    const text = lines.flatMap((line, i) => (i === typeLine - 1 ? [line, '    type: meeting'] : [line])).join('\n');
    const slip = await validate('duplicate-item.yaml', text);
    expect(slip.line).toBe(typeLine + 1);
    expect(slip.message).toContain(`\`type\` is given twice in this mapping (first on line ${typeLine})`);
  });

  it('an unclosed quote: at the line where the quote opens, not the end of the file', async () => {
    for (const quote of ['"', "'"]) {
      const slip = await validate('quote.yaml', withLine(titleLine, `title: ${quote}US-China summit`));
      expect(slip).toMatchObject({ line: titleLine, col: 8 });
      expect(slip.hint).toBe(`close it where the value ends: \`title: ${quote}US-China summit${quote}\``);
      expect(parse(fixIn(slip.hint))).toEqual({ title: 'US-China summit' });
    }
  });

  it('leaves a valid multi-line quoted value alone', async () => {
    const file = join(dir, 'multi.yaml');
    writeFileSync(file, withLine(titleLine, 'title: "US-China\n  summit"'));
    const { exitCode, stderr } = await run(['validate', file]);
    expect(stderr).not.toContain('YAML_SYNTAX');
    expect(exitCode).toBe(0);
  });
});
