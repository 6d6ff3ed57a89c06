import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWith } from '../../helpers/docs.js';
import { run } from '../../helpers/fake-io.js';

// The "Per-party criteria" section (docs/matrices.md) goes from a spreadsheet to the printed table; these
// tests rerun its commands and compare, so the worked example cannot drift from the tool.
const readme = pageWith('### Per-party criteria (the G7/G20 Research Group method)');
const start = readme.indexOf('\n### Per-party criteria');
const section = readme.slice(start, readme.indexOf('\n### ', start + 5));
const blocks = [...section.matchAll(/^```text\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);

describe('README: from a spreadsheet of scores to the compliance table', () => {
  it('shows the spreadsheet as it is in examples/', () => {
    expect(blocks[0]).toBe(readFileSync('examples/compliance-grid.csv', 'utf8'));
  });

  const examples = blocks.filter((block) => block.startsWith('$ summit-score '));
  it('has the import and the table', () => expect(examples.length).toBeGreaterThanOrEqual(2));

  it.each(examples.map((block, i) => [i, block] as const))('example %d prints what the README shows', async (_i, block) => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-grid-readme-'));
    const lines = block.replace(/\n$/, '').split('\n');
    const commands: string[][] = [];
    while (lines[0]?.startsWith('$ summit-score ')) commands.push(lines.shift()!.slice('$ summit-score '.length).split(' '));
    // Each block is self-contained: the record the import writes is made again in a scratch folder.
    if (commands[0]![0] !== 'import')
      commands.unshift(['import', 'grid', 'examples/compliance-grid.csv', '--mapping', 'examples/compliance-grid.mapping.yaml', '-o', 'grid.yaml']);
    let stdout = '';
    for (const argv of commands) {
      const result = await run(argv.map((arg) => (arg === 'grid.yaml' ? join(dir, arg) : arg)));
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      stdout = result.stdout;
    }
    expect(stdout).toBe(`${lines.join('\n')}\n`);
  });
});
