// -f github as GitHub Actions reads it: a ::group:: per file with findings, its annotations
// inside, the summary line last; and with $GITHUB_STEP_SUMMARY set (as the runner sets it), a
// Markdown summary appended to that file, nothing written anywhere when it is not.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';

const BROKEN = ['test/corpus/matrices/misspelt-required-key.yaml', 'test/corpus/matrices/copied-condition.yaml'];
const CLEAN = 'fixtures/us-china-2013-06.yaml';
const scratch = () => mkdtempSync(join(tmpdir(), 'summit-github-'));
// lewis-2015's golden cases, counted in its tests file by a plain pattern (they all pass).
const LEWIS_TESTS = (readFileSync('matrices/lewis-2015.tests.yaml', 'utf8').match(/^ {2}- name: /gm) ?? []).length;

interface ValidateJson {
  files: { file: string; errors: number; warnings: number; diagnostics: { line: number; code: string }[] }[];
}

describe('-f github', () => {
  it("puts each file's annotations in a group of its own, skips clean files, and ends with the summary line the text format ends with", async () => {
    const argv = ['validate', BROKEN[0]!, CLEAN, BROKEN[1]!, '--matrix', 'lewis-2015'];
    const { stdout } = await run([...argv, '-f', 'github']);
    const json = JSON.parse((await run([...argv, '-f', 'json'])).stdout) as ValidateJson;
    const lines = stdout.trimEnd().split('\n');
    const groups: { name: string; annotations: string[] }[] = [];
    for (const line of lines.slice(0, -1)) {
      if (line.startsWith('::group::')) groups.push({ name: line.slice('::group::'.length), annotations: [] });
      else if (line !== '::endgroup::') groups.at(-1)!.annotations.push(line);
    }
    const withFindings = json.files.filter((file) => file.diagnostics.length > 0);
    expect(groups.map((group) => group.name)).toEqual(withFindings.map((file) => file.file));
    for (const [i, group] of groups.entries()) {
      expect(group.annotations).toHaveLength(withFindings[i]!.diagnostics.length);
      for (const annotation of group.annotations)
        expect(annotation).toMatch(
          new RegExp(`^::(error|warning) file=${withFindings[i]!.file.replace(/:/g, '%3A').replace(/[.]/g, '\\.')},line=\\d+,col=\\d+,title=[A-Z_]+::`),
        );
    }
    expect(lines.filter((line) => line === '::endgroup::')).toHaveLength(groups.length);
    const text = (await run([...argv, '-f', 'text'])).stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`summit-score validate: ${text.find((line) => line.startsWith('Checked '))}`);
  });

  it('test: a group per matrix with failures, and the passed and failed counts', async () => {
    const { stdout } = await run(['test', 'test/ci/failing/failing.yaml', 'lewis-2015', '-f', 'github']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::group::'))).toEqual(['::group::failing (test/ci/failing/failing.yaml)']);
    // failing.yaml: 1 passed, 3 failed; lewis-2015: all its cases pass.
    expect(lines.at(-1)).toBe(`summit-score test: ${LEWIS_TESTS + 1} passed, 3 failed`);
  });

  it('a file name cannot end the group or start a command of its own', async () => {
    const dir = scratch();
    const file = join(dir, 'x\n::error::forged.yaml');
    writeFileSync(file, 'id: x\n');
    const { stdout } = await run(['validate', file, '-f', 'github']);
    for (const line of stdout.split('\n')) expect(line.startsWith('::error::forged')).toBe(false);
    expect(stdout).toContain('%0A::error::forged.yaml');
  });
});

describe('$GITHUB_STEP_SUMMARY', () => {
  it('gets a Markdown summary appended, after what was there: heading, summary, a row per file with its counts, each finding', async () => {
    const dir = scratch();
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, 'an earlier step\n\n');
    const argv = ['validate', ...BROKEN, CLEAN];
    const result = await run([...argv, '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.exitCode).toBe(1);
    const json = JSON.parse((await run([...argv, '-f', 'json'])).stdout) as ValidateJson;
    const markdown = readFileSync(summary, 'utf8');
    expect(
      markdown.startsWith(
        'an earlier step\n\n### summit-score validate\n\nChecked 3 files (2 matrices, 1 record): 2 errors, 0 warnings.\n\n| file | errors | warnings |\n',
      ),
    ).toBe(true);
    for (const file of json.files.filter((f) => f.diagnostics.length > 0)) {
      expect(markdown).toContain(`| ${file.file.replace(/_/g, '\\_')} | ${file.errors} | ${file.warnings} |`);
      for (const d of file.diagnostics) expect(markdown).toContain(`**${d.code}** ${file.file.replace(/_/g, '\\_')}:${d.line}:`);
    }
    expect(markdown).not.toContain(CLEAN);
    // A second step appends again.
    await run(['test', 'lewis-2015', '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe(`${markdown}### summit-score test\n\n${LEWIS_TESTS} passed, 0 failed\n\n`);
  });

  it('gets the summary of agree -f github too: the disagreements per case, each at the fact behind it', async () => {
    const summary = join(scratch(), 'step-summary.md');
    const argv = ['agree', '-m', 'lewis-2015', 'fixtures/coders/a', 'fixtures/coders/b', '--samples', '200'];
    const github = await run([...argv, '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(github.exitCode, github.stderr).toBe(0);
    const markdown = readFileSync(summary, 'utf8');
    // The summary line the annotations end with, and each disagreement -f json finds.
    const summaryLine = github.stdout
      .trimEnd()
      .split('\n')
      .at(-1)!
      .replace(/^summit-score agree: /, '');
    expect(markdown.startsWith(`### summit-score agree\n\n${summaryLine.replace(/_/g, '\\_')}\n\n| case | errors | warnings |\n`)).toBe(true);
    const json = JSON.parse((await run([...argv, '-f', 'json'])).stdout);
    // A finding at each coder's record of each unit they disagree on.
    const findings = json.units.filter((unit: any) => !unit.agree).flatMap((unit: any) => unit.codings);
    expect(findings.length).toBeGreaterThan(0);
    expect(markdown.match(/^- warning \*\*CODERS_DISAGREE\*\* fixtures\/coders\/[ab]\/us-china-2015-09\.yaml:\d+:\d+: /gm)).toHaveLength(findings.length);
    for (const format of ['table', 'json', 'sarif', 'junit']) await run([...argv, '-f', format], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe(markdown);
  });

  it('is left alone by the other formats', async () => {
    const dir = scratch();
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '');
    for (const format of ['text', 'json', 'sarif', 'junit']) await run(['validate', ...BROKEN, '-f', format], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe('');
  });

  it('unwritable (a directory): exit 2, OUTPUT_FAILED, no stack trace', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'summary'));
    const result = await run(['validate', BROKEN[0]!, '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: join(dir, 'summary') } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error OUTPUT_FAILED \S*summary\S* cannot write the output: it is a directory/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('unset or empty: the built command writes nothing, in its folder or its home', () => {
    const bin = resolve('bin/summit-score.js');
    for (const value of [undefined, '']) {
      const cwd = scratch();
      const home = scratch();
      const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: home };
      if (value !== undefined) env['GITHUB_STEP_SUMMARY'] = value;
      const child = spawnSync(process.execPath, [bin, 'validate', resolve(BROKEN[0]!), '-f', 'github'], { cwd, env, encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(1);
      expect(child.stdout).toContain('::group::');
      expect([readdirSync(cwd), readdirSync(home)]).toEqual([[], []]);
    }
  });
});
