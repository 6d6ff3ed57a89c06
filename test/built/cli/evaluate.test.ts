import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';

const json = (text: string) =>
  JSON.parse(text) as {
    results: { score: number; verdict: string; criteria: { id: string; level: { label: string } | null; explanation: unknown }[] }[];
  };
const level = (text: string, criterion: string) => json(text).results[0]!.criteria.find((c) => c.id === criterion)!.level?.label;

describe('summit-score evaluate', () => {
  it('scores the bundled default case with no arguments, and says so first', async () => {
    const { exitCode, stdout } = await run(['evaluate', '--width', '200']);
    expect(exitCode).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^Scoring the bundled default: matrix lewis-2015 on record us-china-2015-09/);
    // As of its last event (December 2018) the negotiation had lapsed: no session since October 2017.
    expect(stdout).toMatch(/negotiation \(gate\)\s+│ lapsed \(1\)/);
    expect(stdout).toMatch(/Verdict: gesture/);
  });

  it('shows the negotiation defined but not initiated on the summit day, and the verdict capped', async () => {
    const { stdout } = await run(['evaluate', '-f', 'json', '--as-of', '2015-09-25']);
    expect(level(stdout, 'negotiation')).toBe('defined');
    expect(json(stdout).results[0]).toMatchObject({ score: 75, verdict: 'promise' });
  });

  it('moves the verdict once the first dialogue has met (1-2 December 2015)', async () => {
    const { stdout } = await run(['evaluate', '-f', 'json', '--as-of', '2015-12-02']);
    expect(level(stdout, 'negotiation')).toBe('initiated');
    expect(json(stdout).results[0]).toMatchObject({ score: 100, verdict: 'progress' });
  });

  it('prints byte-identical JSON for identical input', async () => {
    const first = await run(['evaluate', '-f', 'json']);
    const second = await run(['evaluate', '-f', 'json']);
    expect(first.stdout).toBe(second.stdout);
  });

  it('finds the bundled matrix by id, and names it and the record in the JSON', async () => {
    const { stdout } = await run(['evaluate', 'us-china-2015-09', '--matrix', 'lewis-2015', '-f', 'json']);
    const document = JSON.parse(stdout);
    expect(document).toMatchObject({
      schema: 'summit-score/evaluation@2',
      tool: { name: 'summit-score' },
      matrix: { id: 'lewis-2015', version: '2.0' },
      asOf: null,
    });
    expect(document.matrix.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(document.results[0].record).toMatchObject({ id: 'us-china-2015-09', file: 'bundled:us-china-2015-09' });
    expect(document.results[0].criteria[0].evidence[0]).toMatchObject({ event: 'hl-dialogue', file: 'bundled:us-china-2015-09', line: expect.any(Number) });
  });

  it('exits 1 when a record scores below --fail-below', async () => {
    const below = await run(['evaluate', '--as-of', '2015-09-25', '--fail-below', '80']);
    expect(below.exitCode).toBe(1);
    expect(below.stderr).toContain('us-china-2015-09 scored 75');
    expect((await run(['evaluate', '--as-of', '2015-12-02', '--fail-below', '80'])).exitCode).toBe(0);
  });

  it('explains why each criterion missed the next level, with the matrix position', async () => {
    const { stdout } = await run(['evaluate', '--as-of', '2015-09-25', '--explain']);
    // On the summit day the dialogue had no session: the nearest miss is the commitment linked to it.
    expect(stdout).toMatch(
      /negotiation: not initiated bundled:lewis-2015:\d+:\d+\n\s+expected: type = meeting\n\s+actual: {3}commit-first-dialogue: type = commitment/,
    );
  });

  it('scores several records in one run, one of them from stdin', async () => {
    const text = readFileSync('fixtures/us-china-2015-09.yaml', 'utf8').replace('id: us-china-2015-09', 'id: from-stdin');
    const { exitCode, stdout } = await run(['evaluate', '-m', 'lewis-2015', 'us-china-2015-09', '-', '-f', 'json'], { stdin: text });
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).results.map((r: { record: { id: string; file: string } }) => [r.record.id, r.record.file])).toEqual([
      ['us-china-2015-09', 'bundled:us-china-2015-09'],
      ['from-stdin', '<stdin>'],
    ]);
  });

  it('writes to --output instead of stdout', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'summit-')), 'result.json');
    const { stdout } = await run(['evaluate', '-f', 'json', '-o', out]);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).results).toHaveLength(1);
  });

  it('colours only on a terminal, and never when NO_COLOR is set', async () => {
    expect((await run(['evaluate'], { isTTY: true })).stdout).toMatch(/\u001b\[/);
    expect((await run(['evaluate'], { isTTY: false })).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['evaluate'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['evaluate', '--no-color'], { isTTY: true })).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('summit-score evaluate on bad input', () => {
  it('reports a missing file with code and place, exit 2, no stack trace', async () => {
    const { exitCode, stdout, stderr } = await run(['evaluate', '-m', 'lewis-2015', 'missing.yaml']);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('error FILE_NOT_FOUND missing.yaml:1:1 no such file\n');
  });

  it('suggests a bundled id for a near miss', async () => {
    const { stderr } = await run(['evaluate', 'us-china-2015-09', '--matrix', 'lewis-2051']);
    expect(stderr).toContain('did you mean `lewis-2015`?');
  });

  it('reports every broken input in one run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-'));
    writeFileSync(join(dir, 'a.yaml'), 'id: a\ntitle: A\ndate: 2015-02-30\nparties: [US]\nevents: []\n');
    writeFileSync(join(dir, 'b.yaml'), 'id: b\ntitle: B\ndate: 2015-01-01\nparties: [US]\nevents: [{id: x, date: 2015-01-01, tpye: meeting}]\n');
    const { exitCode, stderr } = await run(['evaluate', '-m', 'lewis-2015', join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(exitCode).toBe(2);
    expect(
      stderr
        .trim()
        .split('\n')
        .map((line) => line.split(' ').slice(0, 2).join(' ')),
    ).toEqual(['error BAD_DATE', 'error UNKNOWN_KEY']);
    expect(stderr).toContain(`${join(dir, 'a.yaml')}:3:7`);
  });

  it('prints errors as JSON on stdout in JSON mode', async () => {
    const { exitCode, stdout } = await run(['evaluate', '-m', 'lewis-2015', 'missing.yaml', '-f', 'json']);
    expect(exitCode).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ schema: 'summit-score/errors@1', errors: [{ code: 'FILE_NOT_FOUND', file: 'missing.yaml', line: 1, col: 1 }] });
  });

  it.each([
    [['evaluate', '--as-of', '2015-02-30'], 'error BAD_AS_OF'],
    [['evaluate', '--fail-below', 'lots'], 'error USAGE'],
    [['evaluate', '--format', 'xml'], 'error USAGE'],
    [['evaluate', '--bogus'], 'error USAGE'],
    [['evaluate', '-m', 'lewis-2015', '-', '-'], 'error USAGE'],
  ])('rejects %j with exit 2', async (argv, message) => {
    const { exitCode, stderr } = await run(argv);
    expect(exitCode).toBe(2);
    expect(stderr.startsWith(message)).toBe(true);
  });

  it('keeps an existing output file when the run fails', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'summit-')), 'result.json');
    writeFileSync(out, 'previous');
    expect((await run(['evaluate', '-m', 'lewis-2015', 'missing.yaml', '-o', out])).exitCode).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous');
  });
});

describe('the installed command', () => {
  it('runs through npx from the package bin', () => {
    const stdout = execFileSync('npx', ['--no-install', 'summit-score', 'evaluate', '-f', 'json', '--as-of', '2015-12-02'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(JSON.parse(stdout).results[0]).toMatchObject({ verdict: 'progress' });
  });
});
