import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWith } from '../../helpers/docs.js';
import { run } from '../../helpers/fake-io.js';

// The documentation (docs/research.md and others) shows real output of the research commands on the bundled cases; these tests rerun
// each `$ summit-score ...` example and compare, so the documentation cannot drift from the tool.

const SECTIONS = [
  '## What the tool does not know',
  '## Output formats',
  '## summit-score compare',
  '## summit-score timeline',
  '## summit-score sensitivity',
  '## summit-score diff',
  '## summit-score codebook',
];

function section(heading: string): string {
  const readme = pageWith(heading);
  const start = readme.indexOf(`\n${heading}\n`);
  const next = readme.indexOf('\n## ', start + heading.length + 2);
  return readme.slice(start, next);
}

interface Example {
  readonly commands: string[][];
  readonly expected: string;
  readonly partial: boolean;
}

/** Fenced blocks whose first lines are `$ summit-score ...`; the rest is the last command's output. */
function examples(text: string): Example[] {
  const found: Example[] = [];
  for (const match of text.matchAll(/^( *)```text\n([\s\S]*?)^\1```$/gm)) {
    const indent = match[1]!.length;
    const lines = match[2]!.split('\n').map((line) => line.slice(indent));
    if (!lines[0]!.startsWith('$ summit-score ')) continue;
    const commands: string[][] = [];
    while (lines[0]?.startsWith('$ summit-score ')) commands.push(lines.shift()!.slice('$ summit-score '.length).split(' '));
    let expected = lines.join('\n').replace(/\n$/, '');
    const partial = expected.endsWith('\n...');
    if (partial) expected = expected.slice(0, -'\n...'.length);
    found.push({ commands, expected, partial });
  }
  return found;
}

describe('README examples of the research commands', () => {
  const all = SECTIONS.flatMap((heading) => examples(section(heading)).map((example) => [heading, example] as const));

  it('has an example with its output for each command', () => {
    const commands = all.flatMap(([, example]) => example.commands.map((argv) => argv[0]));
    for (const command of ['compare', 'timeline', 'sensitivity', 'diff', 'evaluate']) expect(commands).toContain(command);
  });

  it.each(all)('%s: the output shown is the real output', async (_heading, example) => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-readme-'));
    let stdout = '';
    for (const argv of example.commands) {
      // Files named in the example go to a scratch folder, then the folder is taken out again.
      const inDir = argv.map((arg, i) => (argv[i - 1] === '-o' || (argv[0] === 'diff' && arg.endsWith('.json')) ? join(dir, arg) : arg));
      const result = await run(inDir);
      expect(result.exitCode).toBe(0);
      stdout = result.stdout.split(`${dir}/`).join('');
    }
    if (example.partial) expect(stdout.startsWith(example.expected)).toBe(true);
    else expect(stdout).toBe(`${example.expected}\n`);
  });

  it('shows the end of compare under several matrices, and the start of the codebook, as they are', async () => {
    const multi = section('## summit-score compare').split('```text\n')[3]!.split('\n```')[0]!;
    const { stdout } = await run(['compare', 'us-china-2015-09', '-m', 'lewis-2015', '-m', 'critics-2015', '-m', 'summit-deliverables']);
    expect(stdout.endsWith(`${multi}\n`)).toBe(true);
    const codebook = section('## summit-score codebook').split('```markdown\n')[1]!.split('\n  ...\n```')[0]!;
    const dedented = codebook
      .split('\n')
      .map((line) => line.replace(/^ {2}/, ''))
      .join('\n');
    expect((await run(['codebook', '-m', 'lewis-2015'])).stdout.startsWith(dedented)).toBe(true);
  });
});
