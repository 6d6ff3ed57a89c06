import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorWanted } from '../../src/cli.js';
import { run } from '../helpers/fake-io.js';

// A forgotten argument must not be filled in silently: the bundled example is for a bare
// `summit-score evaluate` only, and every other missing input is a usage error that says the fix.

describe('a missing input is a usage error, not the bundled default', () => {
  it('evaluate with records but no -m names the bundled matrices', async () => {
    const { exitCode, stdout, stderr } = await run(['evaluate', 'fixtures/us-china-2013-06.yaml']);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^error USAGE no matrix to score fixtures\/us-china-2013-06\.yaml against \(add -m MATRIX: .*lewis-2015.*e\.g\. summit-score evaluate fixtures\/us-china-2013-06\.yaml -m lewis-2015\)\n$/,
    );
  });

  it('evaluate -m without records says to name them', async () => {
    const { exitCode, stdout, stderr } = await run(['evaluate', '-m', 'critics-2015']);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^error USAGE -m critics-2015 names a matrix but no record to score \(.*summit-score evaluate us-china-2015-09 -m critics-2015\)\n$/,
    );
  });

  it('evaluate with nothing scores the bundled example and says so; --quiet drops the note only', async () => {
    const loud = await run(['evaluate']);
    expect(loud.exitCode).toBe(0);
    expect(loud.stdout.split('\n')[0]).toMatch(/^Scoring the bundled default: matrix lewis-2015 on record us-china-2015-09/);
    const quiet = await run(['--quiet', 'evaluate']);
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stdout).not.toContain('bundled default');
    // The rest is the same table.
    expect(loud.stdout.endsWith(quiet.stdout)).toBe(true);
    expect((await run(['evaluate', '-q'])).stdout).toBe(quiet.stdout);
  });

  it.each([
    ['compare', ['compare', 'fixtures/us-china-2013-06.yaml', 'us-china-2015-09'], 'fixtures/us-china-2013-06.yaml us-china-2015-09'],
    ['timeline', ['timeline', 'fixtures/us-china-2013-06.yaml'], 'fixtures/us-china-2013-06.yaml'],
    ['sensitivity', ['sensitivity', 'us-china-2015-09'], 'us-china-2015-09'],
  ])('%s with records but no -m is a usage error that gives the command to type', async (command, argv, records) => {
    const { exitCode, stdout, stderr } = await run(argv);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    const fix = `e.g. summit-score ${command} ${records} -m lewis-2015`.replace(/[.]/g, '\\.');
    expect(stderr).toMatch(
      new RegExp(`^error USAGE no matrix to score .* against \\(add -m MATRIX: a matrix file, or a bundled id \\(.*critics-2015.*\\); ${fix}\\)\n$`),
    );
    // The command it suggests works.
    const suggested = stderr.match(/e\.g\. summit-score (.*)\)\n$/)![1]!.split(' ');
    expect((await run([...suggested, '-f', 'json', ...(command === 'sensitivity' ? ['--samples', '0'] : [])])).exitCode).toBe(0);
  });

  it('codebook with no -m writes the bundled example and says so on stderr, not with --quiet', async () => {
    const bare = await run(['codebook']);
    expect(bare.exitCode).toBe(0);
    expect(bare.stdout).toBe((await run(['codebook', '-m', 'lewis-2015'])).stdout);
    expect(bare.stderr).toBe('Writing the codebook of the bundled example matrix lewis-2015. Name your own with: summit-score codebook -m MATRIX\n');
    expect((await run(['codebook', '-m', 'lewis-2015'])).stderr).toBe('');
    expect((await run(['--quiet', 'codebook'])).stderr).toBe('');
  });

  it('test with no paths is a usage error; --bundled runs the bundled tests', async () => {
    const bare = await run(['test']);
    expect(bare.exitCode).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^error USAGE name the matrices to test \(e\.g\. summit-score test matrices\/.*--bundled/);
    const bundled = await run(['test', '--bundled', '-f', 'json']);
    expect(bundled.exitCode).toBe(0);
    const ids = JSON.parse(bundled.stdout).matrices.map((m: { id: string }) => m.id);
    const listed = JSON.parse((await run(['list', '-f', 'json'])).stdout).matrices.map((m: { id: string }) => m.id);
    expect(ids).toEqual(listed);
    expect(ids.length).toBeGreaterThan(1);
    expect((await run(['test', '--bundled', 'lewis-2015'])).exitCode).toBe(2);
  });
});

describe('a matrix and a record swapped', () => {
  it('says the matrix looks like a record, once, instead of every schema complaint', async () => {
    const { exitCode, stderr } = await run(['evaluate', 'matrices/lewis-2015.yaml', '-m', 'fixtures/us-china-2015-09.yaml']);
    expect(exitCode).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      'error USAGE fixtures/us-china-2015-09.yaml:1:1 this looks like a record, not a matrix (it has `events`) (give the matrix with -m and the records as arguments: did you swap them?)',
      'error USAGE matrices/lewis-2015.yaml:1:1 this looks like a matrix, not a record (it has `criteria`) (give the matrix with -m and the records as arguments: did you swap them?)',
    ]);
  });

  it('compare says it too; a broken matrix that is a matrix keeps its own problems', async () => {
    expect((await run(['compare', 'matrices/lewis-2015.yaml', '-m', 'lewis-2015'])).stderr).toContain('this looks like a matrix, not a record');
    const dir = mkdtempSync(join(tmpdir(), 'summit-swap-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: broken\ntitle: B\nversion: "1"\ncriteria: {}\nverdicts: []\n');
    const { exitCode, stderr } = await run(['evaluate', 'us-china-2015-09', '-m', broken]);
    expect(exitCode).toBe(2);
    expect(stderr).not.toContain('looks like');
    expect(stderr).toMatch(/MISSING_KEY|WRONG_TYPE|OUT_OF_RANGE/);
  });
});

describe('--as-of before the summit', () => {
  it('warns and scores nothing: n/a, no total, no verdict', async () => {
    const { exitCode, stdout, stderr } = await run(['evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '--as-of', '2015-01-01', '-f', 'json']);
    expect(exitCode).toBe(0);
    expect(stderr).toBe(
      'warning: --as-of 2015-01-01 is before the summit of us-china-2015-09 (2015-09-25): it had not happened yet, so it is shown as n/a, with no total, verdict or rank\n',
    );
    const result = JSON.parse(stdout).results[0];
    expect(result).toMatchObject({ score: null, verdict: null });
    expect(result.criteria.every((c: { applicable: boolean; level: unknown }) => !c.applicable && c.level === null)).toBe(true);
    const table = await run(['evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '--as-of', '2015-01-01']);
    expect(table.stdout).toContain('No total: as of 2015-01-01 the summit (2015-09-25) had not happened.');
    expect((await run(['-q', 'evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '--as-of', '2015-01-01'])).stderr).toBe('');
    // On the summit day itself it is scored.
    expect((await run(['evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '--as-of', '2015-09-25'])).stderr).toBe('');
  });

  it('in compare, two summits that had not happened are not ranked, let alone tied at 1', async () => {
    const { stdout, stderr } = await run(['compare', 'us-china-2015-09', 'us-china-2017-04', '-m', 'lewis-2015', '--as-of', '2015-01-01', '-f', 'json']);
    expect(stderr.match(/^warning: --as-of 2015-01-01 is before the summit/gm)).toHaveLength(2);
    const json = JSON.parse(stdout);
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/"rank":1\b/);
  });
});

describe('every --help shows two or three examples of its own command', () => {
  // Every command the top-level --help lists, and the subcommands of those that have some.
  const commands = ['evaluate', 'list', 'validate', 'test', 'schema', 'compare', 'timeline', 'sensitivity', 'diff', 'codebook'];
  commands.push('import', 'import grid', 'agree', 'merge', 'sources', 'completion');

  it('lists every command there is', async () => {
    const { stdout } = await run(['--help']);
    const listed = [...stdout.split('\nCommands:\n')[1]!.matchAll(/^ {2}([a-z]+)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
    expect(listed.sort()).toEqual(commands.filter((command) => !command.includes(' ')).sort());
    const { stdout: imports } = await run(['import', '--help']);
    expect([...imports.split('\nCommands:\n')[1]!.matchAll(/^ {2}([a-z]+)/gm)].map((m) => `import ${m[1]}`).filter((c) => c !== 'import help')).toEqual(
      commands.filter((command) => command.startsWith('import ')),
    );
  });

  it.each(commands)('%s --help', async (command) => {
    const { exitCode, stdout } = await run([...command.split(' '), '--help']);
    expect(exitCode).toBe(0);
    const examples = stdout
      .split('\nExamples:\n')[1]!
      .trim()
      .split('\n')
      .map((line) => line.trim());
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.length).toBeLessThanOrEqual(3);
    for (const line of examples) expect(line).toMatch(new RegExp(`^\\$ summit-score ${command}\\b`));
  });

  it('the examples that need no files of yours run as shown', async () => {
    for (const command of commands) {
      const { stdout } = await run([...command.split(' '), '--help']);
      for (const line of stdout
        .split('\nExamples:\n')[1]!
        .trim()
        .split('\n')
        .map((l) => l.trim())) {
        const argv = line
          .replace(/^\$ summit-score /, '')
          .replace(/\s+#.*$/, '')
          .split(' ');
        // Files of the reader's own (my-..., records/, coders/) and outputs are not run.
        if (argv.some((arg) => /^(my-|records\/|coders\/)|before\.json|>|\.(csv|md|sarif|xml)$/.test(arg))) continue;
        const result = await run(argv);
        expect([line, result.exitCode, result.stderr]).toEqual([line, 0, expect.not.stringMatching(/^error/)]);
      }
    }
  });
});

describe('colour', () => {
  const io = (isTTY: boolean, env: Record<string, string> = {}) => ({ isTTY, env });
  it('follows --color/--no-color first, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(colorWanted(undefined, io(true))).toBe(true);
    expect(colorWanted(undefined, io(false))).toBe(false);
    expect(colorWanted(undefined, io(false, { FORCE_COLOR: '1' }))).toBe(true);
    expect(colorWanted(undefined, io(true, { FORCE_COLOR: '0' }))).toBe(false);
    expect(colorWanted(undefined, io(true, { FORCE_COLOR: 'false' }))).toBe(false);
    expect(colorWanted(undefined, io(true, { NO_COLOR: '1' }))).toBe(false);
    expect(colorWanted(true, io(false, { NO_COLOR: '1' }))).toBe(true);
    expect(colorWanted(false, io(true, { FORCE_COLOR: '1' }))).toBe(false);
  });

  it('--color colours a pipe; FORCE_COLOR=0 keeps a terminal plain', async () => {
    expect((await run(['evaluate', '--color'])).stdout).toMatch(/\u001b\[/);
    expect((await run(['evaluate'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await run(['evaluate'], { isTTY: true, env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['evaluate', '--no-color'], { isTTY: true })).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('verdict colours', () => {
  it('gives neighbouring bands different colours (promise and gesture), and the timeline prints its own colour as colour', async () => {
    const promise = (await run(['evaluate', '--as-of', '2015-09-25', '--color'])).stdout;
    const gesture = (await run(['evaluate', 'us-china-2013-06', '-m', 'lewis-2015', '--color'])).stdout;
    const colourOf = (text: string, verdict: string) => new RegExp(`Verdict: \\u001b\\[1m(\\u001b\\[\\d+m)${verdict}`).exec(text)?.[1];
    expect(colourOf(promise, 'promise')).toBeDefined();
    expect(colourOf(gesture, 'gesture')).toBeDefined();
    expect(colourOf(promise, 'promise')).not.toBe(colourOf(gesture, 'gesture'));
    const timeline = (await run(['timeline', 'us-china-2015-09', '-m', 'lewis-2015', '--color'])).stdout;
    expect(timeline).toMatch(/\u001b\[3\dm/);
    expect(timeline).not.toContain('\\u001b');
  });
});
