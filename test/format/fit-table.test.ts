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
