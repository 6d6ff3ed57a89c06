// A bibliography in its three formats (src/format/bibliography.ts), entry by entry: Markdown
// (CommonMark escapes), CSL-JSON (the published shape: CSL types, date-parts, annote and note)
// and BibTeX (@misc, `Family, Given` names joined by "and", a name part with a comma or the word
// "and" braced, LaTeX's specials escaped, months as BibTeX's three-letter macros). Each expected
// text is written out from those rules.
import { describe, expect, it } from 'vitest';
import { bibtexText, formatBibliography, type CitableSource } from '../../src/format/bibliography.js';

const LEWIS: CitableSource = {
  key: 'lewis-2015',
  type: 'article',
  authors: [{ family: 'Lewis', given: 'James A.' }, { literal: 'CSIS & Co' }],
  title: 'The US and China: a deal?',
  publisher: 'CSIS',
  date: '2015-09-21',
  url: 'https://csis.org/a_b',
  accessed: '2026-01-02',
  verified: true,
  supports: 'the 2015 deal',
  note: 'Byline *Sep 21*',
};
const GROUP: CitableSource = {
  key: 'rg-2016',
  type: 'report',
  authors: [{ family: 'Research Group, G20' }, { family: 'Smith and Sons', given: 'Ann' }],
  title: '100% {compliance}',
  date: '2016-06',
  verified: false,
  supports: 'a_b',
};
const BARE: CitableSource = { key: 'pod', type: 'podcast', verified: true, supports: 'x' };
const BLOG: CitableSource = {
  key: 'blog',
  type: 'blog-post',
  authors: [{ family: 'Anderson', given: 'Sue' }],
  date: '2014',
  verified: false,
  supports: 'y',
  note: 'Archived.',
};
const PAGE: CitableSource = { key: 'page', type: 'webpage', authors: [{ family: 'Lee', given: 'AND' }], date: '2013-12-01', verified: true, supports: 'z' };

describe('bibliography -f markdown', () => {
  it('lists each entry: authors, title in quotes, publisher, date, the address, unverified, what it supports, its note', () => {
    expect(formatBibliography([LEWIS, GROUP, BARE], 'markdown', 'Sources *cited*')).toBe(
      [
        '# Sources \\*cited\\*',
        '',
        '- `lewis-2015`: James A. Lewis, CSIS & Co. “The US and China: a deal?”. CSIS. 2015-09-21. <https://csis.org/a_b>',
        '  Supports: the 2015 deal',
        '  Note: Byline \\*Sep 21\\*',
        '- `rg-2016`: Research Group, G20, Ann Smith and Sons. “100% {compliance}”. 2016-06. **Unverified.**',
        '  Supports: a\\_b',
        '- `pod`: .',
        '  Supports: x',
        '',
      ].join('\n'),
    );
  });

  it('says when no source is cited', () => {
    expect(formatBibliography([], 'markdown', 'Sources')).toBe('# Sources\n\nNo source is cited by key.\n');
  });
});

describe('bibliography -f csl-json', () => {
  it('writes each entry in CSL-JSON: its type, names, dates as date-parts, what it supports and its note', () => {
    const items = [
      {
        id: 'lewis-2015',
        type: 'article-newspaper',
        author: [{ family: 'Lewis', given: 'James A.' }, { literal: 'CSIS & Co' }],
        title: 'The US and China: a deal?',
        publisher: 'CSIS',
        issued: { 'date-parts': [[2015, 9, 21]] },
        URL: 'https://csis.org/a_b',
        accessed: { 'date-parts': [[2026, 1, 2]] },
        annote: 'the 2015 deal',
        note: 'Byline *Sep 21*',
      },
      {
        id: 'rg-2016',
        type: 'report',
        author: [{ family: 'Research Group, G20' }, { family: 'Smith and Sons', given: 'Ann' }],
        title: '100% {compliance}',
        issued: { 'date-parts': [[2016, 6]] },
        annote: 'a_b',
        note: 'Unverified.',
      },
      { id: 'pod', type: 'broadcast', annote: 'x' },
      {
        id: 'blog',
        type: 'post-weblog',
        author: [{ family: 'Anderson', given: 'Sue' }],
        issued: { 'date-parts': [[2014]] },
        annote: 'y',
        note: 'Unverified. Archived.',
      },
      { id: 'page', type: 'webpage', author: [{ family: 'Lee', given: 'AND' }], issued: { 'date-parts': [[2013, 12, 1]] }, annote: 'z' },
    ];
    expect(formatBibliography([LEWIS, GROUP, BARE, BLOG, PAGE], 'csl-json', 'ignored')).toBe(`${JSON.stringify(items, null, 2)}\n`);
  });
});

describe('bibliography -f bibtex', () => {
  it('writes one @misc entry per source, fields in order, entries a blank line apart', () => {
    expect(formatBibliography([LEWIS, GROUP, BARE, BLOG, PAGE], 'bibtex', 'ignored')).toBe(
      [
        '@misc{lewis-2015,',
        '  author = {Lewis, James A. and {CSIS \\& Co}},',
        '  title = {{The US and China: a deal?}},',
        '  howpublished = {CSIS},',
        '  year = {2015},',
        '  month = sep,',
        '  url = {https://csis.org/a_b},',
        '  urldate = {2026-01-02},',
        '  annote = {the 2015 deal},',
        '  note = {Byline *Sep 21*},',
        '}',
        '',
        '@misc{rg-2016,',
        '  author = {{Research Group, G20} and {Smith and Sons}, Ann},',
        '  title = {{100\\% \\{compliance\\}}},',
        '  year = {2016},',
        '  month = jun,',
        '  annote = {a\\_b},',
        '  note = {Unverified.},',
        '}',
        '',
        '@misc{pod,',
        '  annote = {x},',
        '}',
        '',
        '@misc{blog,',
        '  author = {Anderson, Sue},',
        '  year = {2014},',
        '  annote = {y},',
        '  note = {Unverified. Archived.},',
        '}',
        '',
        '@misc{page,',
        '  author = {Lee, {AND}},',
        '  year = {2013},',
        '  month = dec,',
        '  annote = {z},',
        '}',
        '',
      ].join('\n'),
    );
    expect(formatBibliography([{ ...BARE, date: '2015-01-05' }], 'bibtex', '')).toContain('  month = jan,\n');
  });

  it("escapes each of LaTeX's special characters as the command that prints it, on one line", () => {
    expect(bibtexText('a\\b {c} & 50% $5 #1 _x ~y ^z')).toBe('a\\textbackslash{}b \\{c\\} \\& 50\\% \\$5 \\#1 \\_x \\textasciitilde{}y \\textasciicircum{}z');
    expect(bibtexText('one\n  two \r\nthree')).toBe('one two three');
    // A control character is shown as an escape first, whose backslash is then LaTeX's.
    expect(bibtexText('bell\u0007')).toBe('bell\\textbackslash{}u0007');
  });
});
