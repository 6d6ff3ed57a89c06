// The documentation's examples of declared fields are real output: rerun here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageWith } from '../../helpers/docs.js';
import { run } from '../../helpers/fake-io.js';

function section(heading: string): string {
  const readme = pageWith(heading);
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const next = readme.indexOf('\n## ', start + heading.length + 2);
  return readme.slice(start, next);
}

describe('README on declared fields', () => {
  it("shows validate --matrix on a coder's slip as it is", async () => {
    const block = /```text\n\$ summit-score (validate --matrix lewis-2015 fixtures\/coders\/[^\n]+)\n([\s\S]*?)```/.exec(section('## summit-score validate'));
    expect(block).not.toBeNull();
    const result = await run(block![1]!.split(' '));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(block![2]);
    expect(result.stdout).toContain('did you mean `un-gge-2015-report`?');
  });

  it('shows the end of the codebook as it is', async () => {
    const blocks = section('## summit-score codebook').split('```markdown\n');
    const last = blocks[blocks.length - 1]!.split('\n```')[0]!;
    const shown = last
      .split('\n')
      .map((line) => line.replace(/^ {2}/, ''))
      .join('\n');
    expect(shown).toContain('### `extent` (string)');
    const { stdout } = await run(['codebook', '-m', 'g20-compliance']);
    expect(stdout.endsWith(`${shown}\n`)).toBe(true);
  });

  it('quotes the bundled matrix it says it quotes', () => {
    const matrix = readFileSync('matrices/summit-deliverables.yaml', 'utf8');
    const example = /```yaml\naggregation: weighted-mean\nfields:[\s\S]*?```/.exec(section('## Matrices'))![0];
    for (const line of ['  level:', '    type: string', '    absent: unknown', '  cadence:', '    absent: false', '  openEnded:', '    type: boolean']) {
      expect(example).toContain(line);
      expect(matrix).toContain(`${line}\n`);
    }
  });
});
