// "Cases" (docs/cases.md) shows the verdicts of the bundled cases as real output; this reruns every
// `$ summit-score ...` example there and compares, and checks the 2015 timeline's two turns
// against the record's dates independently of the shown text.
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pageWith } from '../../helpers/docs.js';
import { run } from '../../helpers/fake-io.js';

/** The section under a heading, up to the next heading outside a fenced block (outputs hold `## ` lines). */
function section(text: string, heading: string): string {
  const lines = text.split('\n');
  const first = lines.indexOf(heading);
  let fenced = false;
  for (let i = first + 1; i < lines.length; i++) {
    if (lines[i]!.startsWith('```')) fenced = !fenced;
    else if (!fenced && lines[i]!.startsWith('## ')) return lines.slice(first, i).join('\n');
  }
  return lines.slice(first).join('\n');
}

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

const cases = section(pageWith('## Cases'), '## Cases');

const examples = [...cases.matchAll(/^```text\n(\$ summit-score [^\n]*)\n([\s\S]*?)^```$/gm)].map((match) => ({
  argv: match[1]!.slice('$ summit-score '.length).split(' '),
  expected: match[2]!,
}));

describe('README "Cases"', () => {
  it('shows lewis-2015 2.0 and 1.0, the 2015 timeline, summit-deliverables 1.1 and 1.0, and critics-2015, each on every bundled case', () => {
    expect(examples.map((example) => example.argv.slice(0, 3).join(' '))).toEqual([
      'compare -m lewis-2015',
      'timeline -m lewis-2015',
      'compare -m lewis-2015-v1',
      'compare -m summit-deliverables',
      'compare -m summit-deliverables-v1',
      'compare -m critics-2015',
    ]);
    // Every bundled record (fixtures/*.yaml but the bibliography), once.
    const bundledCases = readdirSync(FIXTURES)
      .filter((name) => name.endsWith('.yaml') && name !== 'sources.yaml')
      .map((name) => name.replace(/\.yaml$/, ''))
      .sort();
    expect(bundledCases.length).toBeGreaterThan(8);
    for (const example of examples.filter((e) => e.argv[0] === 'compare'))
      expect(example.argv.filter((arg) => /^(us|uk)-/.test(arg)).sort()).toEqual(bundledCases);
  });

  it.each(examples.map((example) => [example.argv.join(' '), example] as const))('%s: the output shown is the real output', async (_command, example) => {
    const { exitCode, stdout } = await run(example.argv);
    expect(exitCode).toBe(0);
    expect(stdout).toBe(example.expected);
  });

  it('the 2015 timeline rises at the first dialogue (1 December 2015) and falls a year after the last session (4 October 2017)', async () => {
    const { stdout } = await run(['timeline', '-m', 'lewis-2015', 'us-china-2015-09', '-f', 'json']);
    const points = JSON.parse(stdout).points as { date: string; verdictChange: { from: string; to: string } | null }[];
    const turns = points.filter((point) => point.verdictChange !== null).map((point) => `${point.date} ${point.verdictChange!.to}`);
    // 2017-10-04 plus 365 days is 2018-10-04: from then on no session lies in the year before.
    expect(turns[0]).toBe('2015-12-01 progress');
    expect(turns.at(-1)).toBe('2018-10-04 gesture');
  });
});
