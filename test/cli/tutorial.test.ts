import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/fake-io.js';

// README "Write your first matrix": the files it shows are the files in examples/first-matrix/,
// every command shown prints what is shown, and the required keys it lists are the schemas'.

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('\n## Write your first matrix\n');
const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
const schema = (name: string) => JSON.parse(readFileSync(`src/schema/${name}.schema.json`, 'utf8'));

describe('README: Write your first matrix', () => {
  it('shows each example file as it is', () => {
    const shown = [...section.matchAll(/^`(examples\/first-matrix\/[\w.]+)`:\n\n```yaml\n([\s\S]*?)^```$/gm)];
    expect(shown.map((match) => match[1])).toEqual([
      'examples/first-matrix/record.yaml',
      'examples/first-matrix/matrix.yaml',
      'examples/first-matrix/matrix.tests.yaml',
    ]);
    for (const [, file, text] of shown) expect(text, file).toBe(readFileSync(file!, 'utf8'));
  });

  const examples = [...section.matchAll(/^```text\n\$ summit-score ([^\n]*)\n([\s\S]*?)^```$/gm)].map((match) => [match[1]!, match[2]!] as const);
  it('runs validate, test and evaluate --explain', () => expect(examples.map(([line]) => line.split(' ')[0])).toEqual(['validate', 'test', 'evaluate']));

  it.each(examples)('$ summit-score %s: the output shown is the real output, exit 0', async (line, expected) => {
    const { exitCode, stdout } = await run(line.split(' '));
    expect(exitCode).toBe(0);
    expect(stdout).toBe(expected);
  });

  it('lists the required keys the schemas require', () => {
    const matrix = schema('matrix');
    const keys = (list: readonly string[]) => list.map((key) => `\`${key}\``);
    const listed = (text: string) => [...text.matchAll(/`(\w+)`/g)].map((match) => match[1]!);
    const sentence = (from: string, to: string) => section.slice(section.indexOf(from), section.indexOf(to, section.indexOf(from)));
    expect(listed(sentence('required keys: `id`, `title`,\n`date`', 'each event'))).toEqual(schema('record').required);
    expect(listed(sentence('each event needs', 'a word'))).toEqual(schema('record').definitions.event.required);
    expect(listed(sentence('The required keys: `id`, `title`, `version`', '; each criterion'))).toEqual(expect.arrayContaining(matrix.required));
    expect(listed(sentence('each criterion needs', '; each level'))).toEqual(matrix.definitions.criterion.required);
    expect(listed(sentence('; each level', ', and a'))).toEqual(matrix.definitions.level.required);
    expect(listed(sentence('each band', ', the\nlast'))).toEqual(matrix.definitions.band.required);
    expect(keys(matrix.definitions.testCase.required).every((key) => sentence('Each case needs', '(levels').includes(key))).toBe(true);
  });
});
