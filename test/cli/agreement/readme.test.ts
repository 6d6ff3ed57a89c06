import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWith } from '../../helpers/docs.js';
import { run } from '../../helpers/fake-io.js';

// "Several coders" (docs/coders.md) shows real output of agree and merge on the bundled example codings;
// this reruns every `$ summit-score ...` block and compares, as test/cli/research/readme.test.ts does.

const readme = pageWith('## Several coders');
const start = readme.indexOf('\n## Several coders\n');
const section = readme.slice(start, readme.indexOf('\n## ', start + 5));

const blocks = [...section.matchAll(/^```text\n([\s\S]*?)^```$/gm)].map((match) => {
  const lines = match[1]!.replace(/\n$/, '').split('\n');
  const commands: string[][] = [];
  while (lines[0]?.startsWith('$ summit-score ')) commands.push(lines.shift()!.slice('$ summit-score '.length).split(' '));
  return { commands, expected: lines.join('\n') };
});

describe('README: Several coders', () => {
  it('has the section, with agree under two matrices and merge', () => {
    expect(start).toBeGreaterThan(0);
    const names = blocks.flatMap((b) => b.commands.map((argv) => argv.slice(0, 3).join(' ')));
    expect(names).toEqual(['agree -m lewis-2015-v1', 'agree -m summit-deliverables', 'merge fixtures/coders/a fixtures/coders/b', 'validate consensus.yaml']);
  });

  it.each(blocks.map((block) => [block.commands.map((c) => c.join(' ')).join(' && '), block] as const))(
    '%s: the output shown is the real output',
    async (_name, block) => {
      const dir = mkdtempSync(join(tmpdir(), 'summit-agree-readme-'));
      const written = new Set<string>();
      let stdout = '';
      for (const argv of block.commands) {
        // Files the example writes go to a scratch folder, and later commands read them there.
        const inDir = argv.map((arg, i) => {
          if (argv[i - 1] === '-o') written.add(arg);
          return argv[i - 1] === '-o' || written.has(arg) ? join(dir, arg) : arg;
        });
        const result = await run(inDir);
        expect(result.exitCode, result.stderr).toBe(0);
        stdout = result.stdout.split(`${dir}/`).join('');
      }
      expect(stdout.replace(/\n$/, '')).toBe(block.expected);
      if (written.has('consensus.yaml')) {
        const head = section.match(/^```yaml\n([\s\S]*?)^```$/m)![1]!;
        expect(readFileSync(join(dir, 'consensus.yaml'), 'utf8').startsWith(head)).toBe(true);
      }
    },
  );
});
