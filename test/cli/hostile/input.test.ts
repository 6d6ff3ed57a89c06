import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-hostile-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function firstError(argv: string[], options: Parameters<typeof run>[1] = {}) {
  const { exitCode, stdout, stderr } = await run(argv, options);
  expect(exitCode).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  return stderr.split('\n')[0]!;
}

describe('hostile input files', () => {
  it.each([
    ['a missing file', () => join(dir, 'nope.yaml'), /^error FILE_NOT_FOUND .*nope\.yaml:1:1 no such file/],
    // A folder is read for the records in it (as validate reads one); one that holds none says so.
    ['an empty folder', () => mkdtempSync(join(dir, 'empty-')), /^error FILE_NOT_FOUND .*:1:1 the folder holds no \.yaml, \.yml or \.json file/],
    ['Latin-1 bytes', () => file('latin1.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a])), /^error NOT_UTF8 .*latin1\.yaml:1:1/],
    ['binary bytes', () => file('binary.yaml', Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x02])), /^error NOT_UTF8 /],
    ['an empty file', () => file('empty.yaml', ''), /^error EMPTY_FILE .*empty\.yaml:1:1/],
    ['a scalar document', () => file('scalar.yaml', 'just text\n'), /^error NOT_A_MAPPING /],
  ])('reports %s with a code and a place', async (_name, path, pattern) => {
    expect(await firstError(['evaluate', '-m', 'lewis-2015', path()])).toMatch(pattern);
  });

  it('reports a folder given as the matrix with a code and a place', async () => {
    expect(await firstError(['evaluate', '-m', mkdtempSync(join(dir, 'matrix-')), 'fixtures/us-china-2015-09.yaml'])).toMatch(
      /^error FILE_UNREADABLE .*:1:1 is a directory, not a file/,
    );
  });

  it('refuses a file over the size limit before reading it, and the limit can be raised', async () => {
    const big = file('big.yaml', `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const line = await firstError(['evaluate', '-m', 'lewis-2015', big], { env: { SUMMIT_SCORE_MAX_INPUT_MB: '1' } });
    expect(line).toMatch(/^error FILE_TOO_LARGE .*big\.yaml:1:1 is 2\.0 MiB, more than the limit of 1 MiB \(raise it with SUMMIT_SCORE_MAX_INPUT_MB\)/);
    // With a higher limit the file is read (and then found empty: only a comment).
    expect(await firstError(['evaluate', '-m', 'lewis-2015', big], { env: { SUMMIT_SCORE_MAX_INPUT_MB: '3' } })).toMatch(/^error EMPTY_FILE/);
  });

  it('holds each run to its own limit, when runs in one process overlap', async () => {
    const big = file('big-shared.yaml', `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    // A base matrix is read under the limit of the run that names it, too.
    file('big-base.yaml', `${readFileSync('matrices/lewis-2015.yaml', 'utf8')}# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const child = file('child.yaml', 'extends: ./big-base.yaml\nid: child\n');
    // An NDJSON file first: the streaming run reads it with awaits, so the other runs start
    // before this one reads the file after it (a limit kept in a module would be theirs by then).
    const ndjson = file('one.ndjson', `${JSON.stringify(parse(readFileSync('fixtures/us-china-2015-09.yaml', 'utf8')))}\n`);
    const runs = [
      ['1', ['-m', 'lewis-2015', ndjson, big]],
      ['3', ['-m', 'lewis-2015', ndjson, big]],
      ['1', ['-m', child, 'fixtures/us-china-2015-09.yaml']],
      ['3', ['-m', child, 'fixtures/us-china-2015-09.yaml']],
    ] as const;
    // Started together, so each run's reading comes between the others' starts.
    const results = await Promise.all(runs.map(([limit, args]) => run(['evaluate', ...args, '-f', 'json'], { env: { SUMMIT_SCORE_MAX_INPUT_MB: limit } })));
    // With -f json, the problems are JSON on stdout too (summit-score/errors@1).
    const outcome = results.map(({ exitCode, stdout }) => (exitCode === 0 ? `scored ${JSON.parse(stdout).matrix.id}` : JSON.parse(stdout).errors[0].code));
    expect(outcome).toEqual(['FILE_TOO_LARGE', 'EMPTY_FILE', 'FILE_TOO_LARGE', 'scored child']);
    const [baseTooLarge] = JSON.parse(results[2]!.stdout).errors;
    expect(baseTooLarge.file).toMatch(/big-base\.yaml$/);
    expect(baseTooLarge.message).toMatch(/more than the limit of 1 MiB/);
  });

  it('applies the limit to stdin too', async () => {
    const line = await firstError(['evaluate', '-m', 'lewis-2015', '-'], {
      stdin: `# ${'x'.repeat(1024 * 1024 + 10)}`,
      env: { SUMMIT_SCORE_MAX_INPUT_MB: '1' },
    });
    expect(line).toMatch(/^error FILE_TOO_LARGE <stdin>:1:1/);
  });

  it('reads a record with a byte-order mark and CRLF line ends', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync('fixtures/us-china-2015-09.yaml', 'utf8').replace(/\n/g, '\r\n');
    const path = file('crlf.yaml', `\uFEFF${text}`);
    const { exitCode, stdout } = await run(['evaluate', '-m', 'lewis-2015', path, '-f', 'json', '--as-of', '2015-12-02']);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).results[0].verdict).toBe('progress');
  });

  describe('line ends', () => {
    const text = readFileSync('fixtures/us-china-2015-09.yaml', 'utf8');
    const scored = async (content: string, name: string) => {
      const { exitCode, stdout, stderr } = await run(['evaluate', '-m', 'lewis-2015', file(name, content), '-f', 'json', '--as-of', '2015-12-02']);
      expect(stderr).toBe('');
      expect(exitCode).toBe(0);
      return JSON.parse(stdout).results[0];
    };

    it.each([
      ['CR only (classic Mac)', text.replace(/\n/g, '\r')],
      ['CR only, with a byte-order mark', `\uFEFF${text.replace(/\n/g, '\r')}`],
      [
        'CR, LF and CRLF mixed',
        text
          .split('\n')
          .map((line, i) => `${line}${['\r', '\n', '\r\n'][i % 3]}`)
          .join(''),
      ],
    ])('reads a record with %s line ends as the LF file', async (_name, content) => {
      const lf = await scored(text, 'lf.yaml');
      expect(lf.verdict).toBe('progress');
      const cr = await scored(content, `cr-${_name.length}.yaml`);
      expect([cr.score, cr.verdict, cr.criteria.map((c: { level: { label: string } | null }) => c.level?.label)]).toEqual([
        lf.score,
        lf.verdict,
        lf.criteria.map((c: { level: { label: string } | null }) => c.level?.label),
      ]);
    });

    it('reads a matrix with CR-only line ends, and places its errors by line and column', async () => {
      const matrix = readFileSync('matrices/lewis-2015.yaml', 'utf8');
      const path = file('cr-matrix.yaml', matrix.replace(/\n/g, '\r'));
      expect((await run(['validate', path])).exitCode).toBe(0);
      const broken = file('cr-broken.yaml', 'id: x\rtitle: [\r');
      expect(await firstError(['evaluate', '-m', 'lewis-2015', broken])).toMatch(/^error YAML_SYNTAX .*cr-broken\.yaml:2:8 /);
    });
  });

  describe('NDJSON inputs', () => {
    it.each([
      ['an empty file', ''],
      ['blank lines only', '\n\n  \n'],
    ])('%s is EMPTY_FILE, as an empty YAML file is', async (_name, content) => {
      const path = file(`empty-${content.length}.ndjson`, content);
      expect(await firstError(['evaluate', '-m', 'lewis-2015', path])).toBe(`error EMPTY_FILE ${path}:1:1 holds no record (no line of JSON)`);
      expect(await firstError(['evaluate', '-m', 'lewis-2015', '-', '--input-format', 'ndjson'], { stdin: content })).toBe(
        'error EMPTY_FILE <stdin>:1:1 holds no record (no line of JSON)',
      );
    });

    // Reading /proc/self/mem from its start fails with EIO: a read error after the file opened.
    it.skipIf(!existsSync('/proc/self/mem'))('a read that fails is FILE_UNREADABLE, as on the YAML path, not an internal error', async () => {
      const yaml = await firstError(['evaluate', '-m', 'lewis-2015', '/proc/self/mem']);
      expect(yaml).toMatch(/^error FILE_UNREADABLE \/proc\/self\/mem:1:1 cannot be read: EIO/);
      for (const format of ['ndjson', 'table']) {
        const ndjson = await firstError(['evaluate', '-m', 'lewis-2015', '/proc/self/mem', '--input-format', 'ndjson', '-f', format]);
        expect(ndjson).toBe(yaml);
      }
    });
  });
});
