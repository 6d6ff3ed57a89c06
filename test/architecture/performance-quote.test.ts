// README "Performance" quotes the summary of targets that ends the bench run pasted in
// docs/performance.md (its command and machine lines too), so no figure in the README outlives the
// run that measured it: rerun the bench, paste its block into docs/performance.md, and copy the
// summary into the README.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sectionOf as section } from '../helpers/docs.js';

const fenced = (text: string, start: RegExp): string[] | undefined => {
  const blocks = [...text.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1]!.trimEnd().split('\n'));
  return blocks.find((lines) => start.test(lines[0] ?? ''));
};
describe('the performance figures in the README', () => {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const run = fenced(readFileSync('docs/performance.md', 'utf8'), /^summit-score \S+ bench \(/);
  const quote = fenced(section(readFileSync('README.md', 'utf8'), '## Performance'), /^summit-score \S+ bench \(/);

  it('come from a bench run of this version, pasted whole in docs/performance.md', () => {
    expect(run, 'a ```text block starting "summit-score VERSION bench (" in docs/performance.md').toBeDefined();
    expect(run![0]).toMatch(new RegExp(`^summit-score ${version.replaceAll('.', '\\.')} bench \\(node bench/bench\\.mjs`));
    expect(run!.at(-1)).toMatch(/^bench took [\d,]+ s$/);
  });

  it("are that run's command, machine and summary of targets, line for line", () => {
    expect(quote, 'a ```text block starting "summit-score VERSION bench (" under README "## Performance"').toBeDefined();
    const from = run!.findIndex((line) => line.startsWith('Targets, '));
    const to = run!.findIndex((line) => /^ {3}\d+ of \d+ met$/.test(line));
    expect(from).toBeGreaterThan(1);
    expect(to).toBeGreaterThan(from);
    expect(run![1]).toMatch(/^machine: /);
    expect(quote).toEqual([run![0], run![1], ...run!.slice(from, to + 1)]);
  });

  it('explain, outside the quote, each target the run did not meet', () => {
    const notMet = quote!.filter((line) => line.endsWith('NOT MET')).map((line) => line.trim().split(/ {2,}/)[1]!);
    const prose = section(readFileSync('README.md', 'utf8'), '## Performance').replace(/```[\s\S]*?```/g, '');
    for (const what of notMet) expect(prose, `the README names "${what}" among the targets not met`).toContain(what);
  });
});
