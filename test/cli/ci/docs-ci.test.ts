// docs/ci.md shows validate and test as they print; a block may show several commands, each
// followed by its output. Each is rerun here (validate and test exit 1 when they find problems).
import { describe, expect, it } from 'vitest';
import { pageWith } from '../../helpers/docs.js';
import { run } from '../../helpers/fake-io.js';

interface Shown {
  readonly argv: string[];
  readonly expected: string;
  readonly partial: boolean;
}

function shown(page: string): Shown[] {
  const found: Shown[] = [];
  for (const block of page.matchAll(/^```text\n([\s\S]*?)^```$/gm)) {
    // A blank line followed by `$ summit-score ` starts the next command of the block.
    for (const part of block[1]!.split(/\n\n(?=\$ summit-score )/)) {
      if (!part.startsWith('$ summit-score ')) continue;
      const [line, ...output] = part.replace(/\n$/, '').split('\n');
      const partial = output.at(-1) === '...';
      found.push({ argv: line!.slice('$ summit-score '.length).split(' '), expected: (partial ? output.slice(0, -1) : output).join('\n'), partial });
    }
  }
  return found;
}

describe('docs/ci.md examples', () => {
  const examples = shown(pageWith('## CI report formats'));

  it('shows validate (text and github) and test, passing and failing', () => {
    const names = examples.map((example) => example.argv.join(' '));
    expect(names).toEqual(
      expect.arrayContaining([
        'validate matrices fixtures',
        'test lewis-2015',
        'test test/ci/failing/failing.yaml',
        'validate test/corpus/matrices/misspelt-required-key.yaml -f github',
      ]),
    );
  });

  it.each(examples.map((example) => [example.argv.join(' '), example] as const))('%s: the output shown is the real output', async (_name, example) => {
    const { exitCode, stdout } = await run(example.argv);
    expect([0, 1]).toContain(exitCode);
    if (example.partial) expect(stdout.startsWith(`${example.expected}\n`)).toBe(true);
    else expect(stdout).toBe(`${example.expected}\n`);
  });
});
