// The documentation as a reader meets it: a short README (Quick start, Install, the tutorial, a
// tour, a table of contents) and the reference in docs/. Links are relative and must land on a
// file and a heading that exist; the tour's commands must run as written.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headings, markdownFiles, sectionOf } from '../helpers/docs.js';
import { run } from '../helpers/fake-io.js';

const readme = readFileSync('README.md', 'utf8');

/** GitHub's anchors: a heading's (lower case, punctuation dropped, spaces to hyphens, repeats numbered), and `<a name>`'s. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const heading of headings(text)) {
    const base = heading
      .replace(/^#+ /, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const match of text.matchAll(/<a name="([^"]+)"><\/a>/g)) found.add(match[1]!);
  return found;
}

/** Every Markdown link target outside fenced blocks and inline code. */
function links(text: string): string[] {
  let fenced = false;
  const found: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('```')) fenced = !fenced;
    else if (!fenced) for (const match of line.replace(/`[^`]*`/g, '``').matchAll(/\]\(([^)\s]+)\)/g)) found.push(match[1]!);
  }
  return found;
}

const section = (heading: string): string => sectionOf(readme, heading);

describe('the README', () => {
  it('keeps the pitch, Quick start, Install, the tutorial, a tour, the figures of the last bench, the mutation score and the table of contents, and nothing more', () => {
    expect(headings(readme).filter((heading) => heading.startsWith('## '))).toEqual([
      '## Quick start',
      '## Install',
      '## Write your first matrix',
      '## A tour',
      '## Performance',
      '## Development',
      '## Documentation',
    ]);
  });

  it('starts in two commands: one installs and scores the bundled default, one runs the tests', () => {
    expect(section('## Quick start')).toContain('```sh\nnpm ci && npx summit-score evaluate\nnpm test\n```');
  });

  it('links every page of docs/ from its table of contents', () => {
    const pages = markdownFiles().filter((file) => file.startsWith('docs/'));
    expect(pages.length).toBeGreaterThan(5);
    const listed = links(section('## Documentation'));
    expect([...listed].sort()).toEqual(pages);
  });

  const tour = /```sh\n([\s\S]*?)```/
    .exec(section('## A tour'))![1]!
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, ''));
  it.each(tour)('tour: `%s` runs as written', async (line) => {
    expect(line.startsWith('summit-score ')).toBe(true);
    const { exitCode, stdout, stderr } = await run(line.slice('summit-score '.length).split(' '));
    expect(exitCode, stderr).toBe(0);
    expect(stdout.length).toBeGreaterThan(0);
  });
});

describe.each(markdownFiles())('links in %s', (file) => {
  const text = readFileSync(file, 'utf8');

  it('names only test files that exist', () => {
    const named = [...text.matchAll(/`((?:test|bench|scripts|examples|src)\/[\w./-]+\.(?:ts|mjs|yaml|yml|json|csv))`/g)].map((match) => match[1]!);
    expect(named.filter((path) => !existsSync(path))).toEqual([]);
  });
  const relative = links(text).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));

  it('land on a file that exists and a heading it has', () => {
    if (file !== 'README.md') expect(relative).toContain('../README.md#documentation');
    const broken = relative.filter((target) => {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const to = path === '' ? file : normalize(join(dirname(file), path));
      if (to.startsWith('..') || !existsSync(to)) return true;
      return anchor !== undefined && !anchors(readFileSync(to, 'utf8')).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});
