// The HTML report without a browser: escaping, links, determinism, and that the page says what
// the JSON of the same run says.
import { describe, expect, it } from 'vitest';
import { link, safeHref, text } from '../../src/format/html/escape.js';
import { run } from '../helpers/fake-io.js';
import { hostileRecordFile } from '../helpers/hostile-record.js';

describe('escaping', () => {
  it('escapes markup and shows invisible characters', () => {
    expect(text('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(text('a\u202eb\u200bc')).toBe('a\\u{202e}b\\u{200b}c');
  });
  it('makes links of http and https URLs only', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref('https://example.org/a?b=1&c=2')).toBe('https://example.org/a?b=1&c=2');
    expect(link('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(link('https://example.org/"x')).toBe('<a href="https://example.org/%22x" rel="noreferrer noopener">https://example.org/&quot;x</a>');
  });
});

describe('evaluate -f html', () => {
  it('gives the same bytes twice, with no timestamp and no absolute path', async () => {
    const first = await run(['evaluate', '-f', 'html']);
    const second = await run(['evaluate', '-f', 'html']);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).not.toContain(process.cwd());
    expect(first.stdout).not.toMatch(/<script|<link |@import|url\(/);
  });

  it('states the verdict and total the JSON of the same run gives, and lists every source it cites', async () => {
    const html = (await run(['evaluate', '-f', 'html'])).stdout;
    const json = JSON.parse((await run(['evaluate', '-f', 'json'])).stdout);
    const result = json.results[0];
    expect(html).toContain(`data-verdict="${result.verdict}"`);
    expect(html).toContain(`data-score="${result.score}"`);
    const urls: string[] = result.sources.map((source: { url: string | null }) => source.url).filter(Boolean);
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) expect(html).toContain(`href="${new URL(url).href.replace(/&/g, '&amp;')}"`);
  });

  it('renders a hostile record as text: no script, no attribute breaks out of a link', async () => {
    const { stdout, stderr, exitCode } = await run(['evaluate', hostileRecordFile(), '-m', 'lewis-2015', '-f', 'html']);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(stdout).not.toMatch(/<script/i);
    expect(stdout).not.toMatch(/<img/i);
    expect(stdout).not.toMatch(/onmouseover="/i);
    expect(stdout).toContain('href="https://example.org/a%22onmouseover=%22alert(3)%3Cscript%3E"');
    expect(stdout).toContain('\\u{202e}');
  });

  it('refuses a chart format for a stream of NDJSON records', async () => {
    const { exitCode, stderr } = await run(['evaluate', '-', '-m', 'lewis-2015', '--input-format', 'ndjson', '-f', 'html'], { stdin: '{}\n' });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^error USAGE .*-f html/m);
  });
});

describe('-f vega-lite and -f svg', () => {
  it('prints the chart specifications, each complete and with inline data only', async () => {
    const { stdout } = await run(['timeline', 'us-china-2015-09', '-m', 'lewis-2015', '-f', 'vega-lite']);
    const doc = JSON.parse(stdout);
    expect(doc.schema).toBe('summit-score/vega-lite@1');
    expect(doc.charts.map((chart: { id: string }) => chart.id)).toEqual(['timeline']);
    const spec = doc.charts[0].spec;
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
    expect(JSON.stringify(spec)).not.toMatch(/"url"\s*:/);
    const timeline = JSON.parse((await run(['timeline', 'us-china-2015-09', '-m', 'lewis-2015', '-f', 'json'])).stdout);
    const stepLayer = spec.layer[2];
    expect(stepLayer.data.values.map((point: { date: string }) => point.date)).toEqual(timeline.points.map((point: { date: string }) => point.date));
  });

  it('draws one SVG chart: one bar per criterion for evaluate', async () => {
    const { stdout } = await run(['evaluate', '-f', 'svg']);
    expect(stdout.startsWith('<svg')).toBe(true);
    const json = JSON.parse((await run(['evaluate', '-f', 'json'])).stdout);
    const group = stdout.match(/<g class="mark-rect role-mark criterion_bars_marks"[^>]*>(.*?)<\/g>/s);
    expect(group).not.toBeNull();
    expect(group![1]!.match(/<path /g)!.length).toBe(json.results[0].criteria.length);
  });
});
