import Table from 'cli-table3';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitTable, fitText } from '../../src/format/fit-table.js';

const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));
const ESC = '\u001b[';

describe('fitTable', () => {
  it('draws a table that fits exactly as cli-table3 draws it unconstrained', () => {
    const head = ['Criterion', 'Level'];
    const rows = [
      ['negotiation', 'initiated (2)'],
      ['espionage-ip', 'committed (2)'],
    ];
    const plain = new Table({ head, style: { head: [], border: [] } });
    plain.push(...rows);
    expect(fitTable(head, rows, { width: 80, color: false })).toBe(plain.toString());
  });

  it('wraps text at word boundaries to the width, wide characters counted twice, every word whole', () => {
    // Ten columns of CJK text: each character is two columns wide on a terminal.
    const sentence = '中国 美国 网络 安全 对话 机制 建立 会议 举行 结果';
    const rows = [['us-china-2015-09', sentence, sentence]];
    for (const width of [40, 60]) {
      const text = fitTable(['Record', '内容', 'Notes'], rows, { width, color: false });
      expect(widest(text)).toBeLessThanOrEqual(width);
      expect(text).toContain('us-china-2015-09');
      for (const word of sentence.split(' ')) expect(text.split(word).length - 1).toBe(2);
    }
  });

  it('does not count colour codes, and keeps them', () => {
    const red = (text: string) => `${ESC}31m${text}${ESC}39m`;
    const rows = [['a', red('one two three four five six seven eight nine ten eleven twelve')]];
    const text = fitTable(['Id', 'Text'], rows, { width: 30, color: true });
    expect(text).toContain(`${ESC}31m`);
    const visible = text.replace(/\u001b\[[0-9;]*m/g, '');
    expect(Math.max(...visible.split('\n').map((line) => line.length))).toBeLessThanOrEqual(30);
    expect(widest(text)).toBeLessThanOrEqual(30);
  });

  it('falls back to one block per row when its words cannot stand side by side, naming each row by its key', () => {
    const head = ['Rank', 'Record', 'infrastructure-pledge', 'code-of-conduct'];
    const rows = [
      ['1', 'us-china-2015-09', 'no-pledge', 'no-concession'],
      ['2', 'us-china-2013-06', 'no-pledge', 'concession'],
    ];
    const text = fitTable(head, rows, { width: 40, color: false, key: 1 });
    expect(widest(text)).toBeLessThanOrEqual(40);
    expect(text).not.toContain('│');
    const blocks = text.split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[1]!.split('\n')[0]).toBe('us-china-2013-06');
    expect(blocks[1]).toMatch(/^ {2}Rank +2$/m);
    expect(blocks[1]).toMatch(/^ {2}code-of-conduct +concession$/m);
  });

  it('never cuts a word, even one longer than the width', () => {
    const id = 'a-criterion-id-far-longer-than-the-terminal-is-wide';
    const text = fitTable(['Criterion', 'Level'], [[id, 'x']], { width: 30, color: false });
    expect(text).toContain(id);
    expect(text).not.toContain('…');
  });
});

describe('fitText', () => {
  it('wraps a long line at words, its continuation indented two more, and leaves short lines alone', () => {
    const text = `short\n    + ${'word '.repeat(30).trim()}`;
    const lines = fitText(text, 40).split('\n');
    expect(lines[0]).toBe('short');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(lines[1]).toMatch(/^ {4}\+ word/);
    for (const line of lines.slice(2)) expect(line).toMatch(/^ {6}word/);
    expect(fitText(text, 40).replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });
});

// Column widths as the top border draws them (each the column's text and its padding of 2), worked
// out by hand from the rule: every column as wide as its text, then the widest column that can
// still give narrowed to the next width down (or to its longest word), until the table fits. (Two
// columns of one width are not narrowed in turn: see docs/development.md.)
const widths = (text: string) =>
  text
    .split('\n')[0]!
    .slice(1, -1)
    .split('┬')
    .map((part) => part.length);

describe('fitTable: the widths it narrows to', () => {
  // Natural widths 21, 15 and 4 (longest words 4, 8 and 2, so least 6, 10 and 4), and 4 borders: 44.
  const head = ['c0', 'c1', 'c2'];
  const rows = [['aaaa bbbb cccc dddd', 'eeeeeeee ffff', 'id']];

  it('narrows the widest column to the next width down, one character at a time at the end', () => {
    // 44: all fits; 43: one from the widest; 38: c0 21 -> 15, as wide as c1 (6 to give).
    expect(widths(fitTable(head, rows, { width: 44, color: false }))).toEqual([21, 15, 4]);
    expect(widths(fitTable(head, rows, { width: 43, color: false }))).toEqual([20, 15, 4]);
    expect(widths(fitTable(head, rows, { width: 38, color: false }))).toEqual([15, 15, 4]);
  });

  it('narrows two columns of one width in turn, never one alone to its least while the other has room', () => {
    // 30: 14 to give; c0 21 -> 15 (6), then c0 and c1 a character each in turn (8): 11 and 11.
    expect(widths(fitTable(head, rows, { width: 30, color: false }))).toEqual([11, 11, 4]);
    // 31: 13 to give; the odd character comes off the first of the two.
    expect(widths(fitTable(head, rows, { width: 31, color: false }))).toEqual([11, 12, 4]);
  });

  it('stops a column at its longest word and goes on with the others', () => {
    // c0 'aaaaaaaaaaaa bb' (17, least 14), c1 'cccc dddd eeee ffff' (21, least 6), c2 4: 46, 16 to give.
    // c1 21 -> 17, then in turn to 14 each (c0 at its least), then c1 alone down to 8.
    const text = fitTable(head, [['aaaaaaaaaaaa bb', 'cccc dddd eeee ffff', 'id']], { width: 30, color: false });
    expect(widths(text)).toEqual([14, 8, 4]);
  });

  it('narrows only a column that can give, however much wider another is', () => {
    // c0 'aa bb cc dd' (13, least 4); c1 one word of 18 (20, least 20): 36 in 30, c0 gives all 6.
    expect(widths(fitTable(['a', 'b'], [['aa bb cc dd', 'x'.repeat(18)]], { width: 30, color: false }))).toEqual([7, 20]);
  });

  it('draws a table whose longest words fill the width exactly, and blocks one column narrower', () => {
    // Words of 8 and 5: least 10 and 7, with 3 borders 20, the narrowest width asked for.
    const exact = fitTable(['ab', 'cd'], [['abcdefgh', 'abcde']], { width: 20, color: false });
    expect(widths(exact)).toEqual([10, 7]);
    const over = fitTable(['ab', 'cd'], [['abcdefghi', 'abcde']], { width: 20, color: false });
    expect(over).not.toContain('│');
    expect(over).toBe('abcdefghi\n  cd  abcde');
  });

  it('paints borders grey and the head cyan or bold in colour', () => {
    const text = fitTable(['Id'], [['x']], { width: 80, color: true });
    expect(text.split('\n')[0]).toBe('\u001b[90m┌────┐\u001b[39m');
    expect(text).toContain('\u001b[36mId\u001b[39m');
    expect(fitTable(['Id'], [['x']], { width: 80, color: true, headStyle: 'bold' })).toContain('\u001b[1mId\u001b[22m');
  });
});

describe('fitTable: one block per row', () => {
  it('heads each block with its key, then each other non-empty column as a label and its value wrapped, continued under the value', () => {
    const head = ['Rank', 'Record', 'code-of-conduct'];
    const rows = [
      ['1', 'us-china-2015-09', 'no concession at all here'],
      ['2', 'x', ''],
    ];
    // Least widths 6 + 18 + 17 + 4 borders: 45 > 30. Labels "  Rank" and "  code-of-conduct" (17)
    // and 2: values from column 19, 11 wide (30 - 19).
    const pad = ' '.repeat(19);
    expect(fitTable(head, rows, { width: 30, color: false, key: 1 })).toBe(
      [
        'us-china-2015-09',
        `  Rank${' '.repeat(13)}1`,
        '  code-of-conduct  no',
        `${pad}concession`,
        `${pad}at all here`,
        '',
        'x',
        `  Rank${' '.repeat(13)}2`,
      ].join('\n'),
    );
  });

  it('widens the values to the longest word, and measures the labels without the key', () => {
    const text = fitTable(['Rank', 'Record of the summit', 'code'], [['1', 'k', 'supercalifragilistic word']], { width: 20, color: false, key: 1 });
    // Labels "  Rank" and "  code": values from column 8, as wide as the 20-letter word.
    expect(text).toBe(['k', '  Rank  1', '  code  supercalifragilistic', '        word'].join('\n'));
    // The first column is the key unless another is named; the key is bold in colour.
    const keyed = fitTable(['Record', 'Verdict'], [['us-china-2015-09', 'a b c d e f g h i j k l m n o p']], { width: 20, color: true });
    expect(keyed.split('\n')[0]).toBe('\u001b[1mus-china-2015-09\u001b[22m');
  });
});

describe('fitText: widths', () => {
  it('leaves a line exactly as wide as the width, and wraps one wider, its continuation two further in', () => {
    const exact = `${'a'.repeat(10)} ${'b'.repeat(9)}`;
    expect(fitText(exact, 20)).toBe(exact);
    // Indented 2, at 30: parts of 26 at most (30 - 2 - 2), five words of 24.
    const words = `  ${'word '.repeat(12).trim()}`;
    expect(fitText(words, 30)).toBe(['  word word word word word', '    word word word word word', '    word word'].join('\n'));
  });

  it('wraps to 80 when no width is given, and to no less than 20', () => {
    const long = 'word '.repeat(20).trim();
    // Parts of 78 (80 - 2): 15 words (74), the rest 2 further in; at 20, parts of 18: 3 words.
    expect(
      fitText(long, undefined)
        .split('\n')
        .map((line) => line.length),
    ).toEqual([74, 26]);
    expect(fitText(long, 5).split('\n')[0]).toBe('word word word');
  });
});
