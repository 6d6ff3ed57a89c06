// The frame of every HTML report (src/format/html/page.ts): the header naming each input, the body
// as given, the footer listing each source cited, figures with their text alternative, plain
// tables and the merge of several results' sources. Each expected fragment is written out from the
// page's markup, every input text escaped (text() of src/format/html/escape.ts).
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/format/html/documents.js';
import { figure, htmlTable, mergeSources, page, type PageParts } from '../../src/format/html/page.js';

const source = (fields: Partial<SourceDocument>): SourceDocument => ({
  url: null,
  title: null,
  publisher: null,
  date: null,
  verified: true,
  events: ['e1'],
  ...fields,
});

const PARTS: PageParts = {
  title: 'A <b> report',
  tool: { name: 'summit-score', version: '9.9.9' },
  matrices: [
    {
      id: 'm',
      title: 'M & co',
      version: '1',
      file: 'm.yaml',
      sha256: 'aa',
      source: { author: 'A. Author', title: 'The <Source>', date: '2015', url: 'https://example.org/m' },
    },
    { id: 'n', title: 'N', version: '2', file: 'n.yaml', sha256: 'bb', source: { author: 'B' } },
    { id: 'o', title: 'O', version: '3', file: 'o.yaml', sha256: 'cc' },
  ],
  records: [{ id: 'r', title: 'R "quoted"', date: '2015-09-25', file: 'r.yaml', sha256: 'dd' }],
  asOf: null,
  body: '<p>body</p>',
  sources: [
    source({ url: 'https://example.org/a', title: 'Title A', publisher: 'Pub', date: '2015-09-21', events: ['e1', 'e2'] }),
    source({ url: 'javascript:alert(1)', verified: false }),
    source({ title: 'Title C', publisher: 'Press', events: ['e3'] }),
    source({ publisher: 'Only a <press>', date: '2016', events: ['e4'] }),
    source({}),
  ],
};

describe('page', () => {
  // Made in each test, not as the file is collected: Stryker runs only the tests that reach a mutant.

  it('heads the page with its title, the tool as generator, and every input', () => {
    const html = page(PARTS);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('<meta name="generator" content="summit-score 9.9.9">\n<title>A &lt;b&gt; report</title>\n<style>');
    expect(html).toContain('<header>\n<h1>A &lt;b&gt; report</h1>\n<dl>\n');
    expect(html).toContain(
      '<dt>Matrix</dt><dd><code>m</code> 1 — M &amp; co, <code>m.yaml</code>, sha256 <span class="hash">aa</span></dd>' +
        '<dt>Matrix source</dt><dd>A. Author, The &lt;Source&gt;, 2015 (<a href="https://example.org/m" rel="noreferrer noopener">https://example.org/m</a>)</dd>\n',
    );
    expect(html).toContain(
      '<dt>Matrix</dt><dd><code>n</code> 2 — N, <code>n.yaml</code>, sha256 <span class="hash">bb</span></dd><dt>Matrix source</dt><dd>B</dd>\n',
    );
    expect(html).toContain('<dt>Matrix</dt><dd><code>o</code> 3 — O, <code>o.yaml</code>, sha256 <span class="hash">cc</span></dd>\n');
    expect(html).toContain(
      '<dt>Record</dt><dd><code>r</code> — R &quot;quoted&quot; (2015-09-25), <code>r.yaml</code>, sha256 <span class="hash">dd</span></dd>\n',
    );
    expect(html).toContain('<dt>As of</dt><dd>each record at its last event</dd>\n<dt>Tool</dt><dd>summit-score 9.9.9</dd>\n</dl>\n</header>\n');
    expect(page({ ...PARTS, asOf: '2016-<01>' })).toContain('<dt>As of</dt><dd>2016-&lt;01&gt;</dd>');
  });

  it('puts the body as given, then lists each source: a link only for a safe URL, its publisher (once, where it is the label) and date, unverified, its events', () => {
    const html = page(PARTS);
    expect(html).toContain('<main>\n<p>body</p>\n</main>\n<footer>\n<h2 id="sources">Sources cited</h2>\n<ol class="sources">\n');
    expect(html).toContain(
      [
        '<li><a href="https://example.org/a" rel="noreferrer noopener">Title A</a>, Pub, 2015-09-21 — cited by <code>e1</code>, <code>e2</code></li>',
        '<li>javascript:alert(1) <span class="unverified">(verified: false)</span> — cited by <code>e1</code></li>',
        '<li>Title C, Press — cited by <code>e3</code></li>',
        '<li>Only a &lt;press&gt;, 2016 — cited by <code>e4</code></li>',
        '<li>untitled source — cited by <code>e1</code></li>',
      ].join('\n'),
    );
    expect(html.endsWith('</ol>\n</footer>\n</body>\n</html>\n')).toBe(true);
    expect(page({ ...PARTS, sources: [] })).toContain('<h2 id="sources">Sources cited</h2>\n<p>No source is cited by the evidence shown.</p>\n</footer>');
  });
});

describe('figure and htmlTable', () => {
  it('labels the chart by its caption, and follows it with its table', () => {
    expect(figure('c"1', 'Scores <1>', '<svg width="1"></svg>', '<table></table>')).toBe(
      '<figure id="c&quot;1">\n<svg role="img" aria-labelledby="c&quot;1-caption" width="1"></svg>\n<figcaption id="c&quot;1-caption">Scores &lt;1&gt;</figcaption>\n<table></table>\n</figure>',
    );
  });

  it('writes a caption, an escaped head, each row headed by its first cell, numeric cells marked', () => {
    expect(htmlTable('Cap & tion', ['A', 'B<', 'C'], [['<i>x</i>', '1', '2']], new Set([2]))).toBe(
      '<table>\n<caption>Cap &amp; tion</caption>\n<thead><tr><th scope="col">A</th><th scope="col">B&lt;</th><th scope="col">C</th></tr></thead>\n' +
        '<tbody>\n<tr><th scope="row"><i>x</i></th><td>1</td><td class="num">2</td></tr>\n</tbody>\n</table>',
    );
    expect(
      htmlTable(
        'T',
        ['A', 'B'],
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
      ),
    ).toContain('<tbody>\n<tr><th scope="row">a</th><td>b</td></tr>\n<tr><th scope="row">c</th><td>d</td></tr>\n</tbody>');
  });
});

describe('mergeSources', () => {
  it('keeps each source once, by url, title, publisher and date, with the events of every list, in first-cited order', () => {
    const a = source({ url: 'https://example.org/a', events: ['e1', 'e2'] });
    const b = source({ title: 'B', events: ['e3'] });
    const merged = mergeSources([
      [a, b],
      [source({ url: 'https://example.org/a', events: ['e2', 'e4'] })],
      [source({ url: 'https://example.org/a', date: '2015', events: ['e5'] })],
    ]);
    expect(merged).toEqual([{ ...a, events: ['e1', 'e2', 'e4'] }, b, source({ url: 'https://example.org/a', date: '2015', events: ['e5'] })]);
    expect(mergeSources([])).toEqual([]);
  });
});
