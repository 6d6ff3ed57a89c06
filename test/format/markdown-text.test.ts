// Markdown text and tables (src/format/markdown-text.ts), against the CommonMark and GitHub
// Flavored Markdown specs: a backslash before ASCII punctuation makes it literal (CommonMark 2.4),
// a table is a header row, a delimiter row of dashes (a colon on the right aligns right) and body
// rows, cells between pipes (GFM 4.10). Each expected text is written out by hand from them.
import { describe, expect, it } from 'vitest';
import { mdTable, mdText } from '../../src/format/markdown-text.js';

describe('mdText', () => {
  it('turns a line break, and the blanks around it, into one space', () => {
    expect(mdText('a\nb')).toBe('a b');
    expect(mdText('a\r\nb')).toBe('a b');
    expect(mdText('a  \n\n\n  b')).toBe('a b');
    expect(mdText('word\nnext')).toBe('word next');
  });

  it('keeps blanks that are not around a line break', () => {
    expect(mdText('a  b')).toBe('a  b');
    expect(mdText('plain words')).toBe('plain words');
  });

  it('escapes each character that would start markup or end a table cell, and nothing else', () => {
    expect(mdText('*_`[]|<\\')).toBe('\\*\\_\\`\\[\\]\\|\\<\\\\');
    expect(mdText('a-b.c:d (e) #f')).toBe('a-b.c:d (e) #f');
  });

  it('shows a control character as an escape, its backslash made literal', () => {
    // safeText writes ESC as the six characters \u001b; Markdown needs that backslash doubled.
    expect(mdText('x\u001by')).toBe('x\\\\u001by');
  });
});

describe('mdTable', () => {
  it('writes the header, the delimiter row and one row per line, cells between pipes', () => {
    expect(
      mdTable(
        ['name', 'score'],
        [
          ['a', '1'],
          ['b', '2'],
        ],
      ),
    ).toBe('| name | score |\n| --- | --- |\n| a | 1 |\n| b | 2 |');
  });

  it('aligns right the columns it is told to', () => {
    expect(mdTable(['name', 'score', 'weight'], [['a', '1', '2']], [1, 2])).toBe('| name | score | weight |\n| --- | ---: | ---: |\n| a | 1 | 2 |');
  });
});
