import { describe, expect, it } from 'vitest';
import { pageWith } from '../../helpers/docs.js';
import { run } from '../../helpers/fake-io.js';

// "Sources and bibliography" (docs/sources.md) shows real output of `summit-score sources`; each example is
// rerun here (an example ending in `...` shows the start of the output).
const readme = pageWith('## Sources and bibliography');
const start = readme.indexOf('\n## Sources and bibliography\n');
const section = readme.slice(start, readme.indexOf('\n## ', start + 5));

const examples = [...section.matchAll(/^```text\n\$ summit-score (.*)\n([\s\S]*?)^```$/gm)].map((m) => ({ argv: m[1]!.split(' '), expected: m[2]! }));

describe('README "Sources and bibliography"', () => {
  it('has its examples: validate --require-sources, markdown, and bibtex', () => {
    expect(start).toBeGreaterThan(0);
    expect(examples.map((e) => e.argv.join(' '))).toEqual([
      'validate matrices fixtures --require-sources',
      'sources us-china-2013-06',
      'sources -m lewis-2015 us-dprk-2018-06',
      'sources -m lewis-2015 -f bibtex',
    ]);
  });

  it.each(examples.map((e) => [e.argv.join(' '), e] as const))('%s: the output shown is the real output', async (_name, example) => {
    const { exitCode, stdout } = await run(example.argv);
    expect(exitCode).toBe(0);
    if (example.expected.endsWith('...\n')) expect(stdout.startsWith(example.expected.slice(0, -'...\n'.length))).toBe(true);
    else expect(stdout).toBe(example.expected);
  });
});
