// The hostile-input corpus (test/corpus/hostile, see its README): every case of the issue's YAML,
// Values and Objects lists, as a matrix and as a record, run through `summit-score evaluate`
// in-process. Each must end with exit 2 and exactly the expected code at the expected place, with
// nothing on stdout and no stack trace, or (`# expect: OK`) be scored as the plain data it is.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/diagnostics.js';
import { run } from '../../helpers/fake-io.js';

const CORPUS = 'test/corpus/hostile';
const EXPECT = /^# expect: (?:OK|([A-Z_0-9]+) (\d+):(\d+))$/;
const KNOWN_GAP = /^# known-gap: /;
const DIAGNOSTIC = /^(error|warning) ([A-Z_0-9]+) (.+):(\d+):(\d+) /;
/** A record or matrix to score the corpus's matrices and records against. */
const BUNDLED_RECORD = 'us-china-2015-09';

type Kind = 'matrix' | 'record';

interface Case {
  readonly name: string;
  readonly kind: Kind;
  readonly file: string;
  /** Undefined: the input is valid and must be scored. */
  readonly expected?: { readonly code: string; readonly line: number; readonly col: number };
  readonly knownGap: boolean;
  readonly env?: Record<string, string>;
}

const sidecar = JSON.parse(readFileSync(`${CORPUS}/expectations.json`, 'utf8')) as Record<string, string>;

function committed(folder: 'matrices' | 'records', kind: Kind): Case[] {
  return readdirSync(`${CORPUS}/${folder}`)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => {
      const file = `${CORPUS}/${folder}/${name}`;
      // latin1 is a byte-preserving decoding: the first two lines are ASCII in every case file.
      const [first = '', second = ''] = readFileSync(file, 'latin1')
        .replace(/^\xef\xbb\xbf/, '')
        .split('\n')
        .map((line) => line.replace(/\r$/, ''));
      const line = name.endsWith('.json') ? `# expect: ${sidecar[`${folder}/${name}`] ?? '(missing from expectations.json)'}` : first;
      const match = EXPECT.exec(line);
      if (!match) throw new Error(`${file}: needs \`# expect: CODE line:col\` or \`# expect: OK\` (got ${JSON.stringify(line)})`);
      const expected = match[1] === undefined ? undefined : { code: match[1], line: Number(match[2]), col: Number(match[3]) };
      return { name, kind, file, ...(expected && { expected }), knownGap: KNOWN_GAP.test(second) };
    });
}

// Inputs too big or too odd to commit are made here.
const dir = mkdtempSync(join(tmpdir(), 'summit-hostile-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MiB = 1024 * 1024;
const isRoot = process.getuid?.() === 0;

function generated(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, make: (path: string) => void, code: string, line: number, col: number, env?: Record<string, string>) => {
    for (const kind of ['matrix', 'record'] as const) {
      const file = join(dir, `${kind}-${name}`);
      make(file);
      cases.push({ name, kind, file, expected: { code, line, col }, knownGap: false, ...(env && { env }) });
    }
  };
  // 10,000 levels, in flow style and in block style: the 129th level is where nesting goes too deep.
  add('flow-nesting-10000.yaml', (path) => writeFileSync(path, `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`), 'TOO_DEEP', 1, 129);
  add('block-nesting-10000.yaml', (path) => writeFileSync(path, `${'- '.repeat(10_000)}x\n`), 'TOO_DEEP', 1, 257);
  add('mapping-nesting-10000.yaml', (path) => writeFileSync(path, `${'? '.repeat(10_000)}x\n`), 'TOO_DEEP', 1, 257);
  // 200 MB, sparse: the size is checked before anything is read, so the test costs nothing.
  add('200mb.yaml', (path) => (writeFileSync(path, ''), truncateSync(path, 200 * MiB)), 'FILE_TOO_LARGE', 1, 1);
  add('200mb-over-raised-limit.yaml', (path) => (writeFileSync(path, ''), truncateSync(path, 200 * MiB)), 'FILE_TOO_LARGE', 1, 1, {
    SUMMIT_SCORE_MAX_INPUT_MB: '199',
  });
  add('empty.yaml', (path) => writeFileSync(path, ''), 'EMPTY_FILE', 1, 1);
  add('blank.yaml', (path) => writeFileSync(path, '\n\r\n   \n'), 'EMPTY_FILE', 1, 1);
  add('a-directory.yaml', (path) => mkdirSync(path), 'FILE_UNREADABLE', 1, 1);
  add('missing.yaml', () => undefined, 'FILE_NOT_FOUND', 1, 1);
  if (!isRoot) add('unreadable.yaml', (path) => (writeFileSync(path, 'id: x\n'), chmodSync(path, 0o000)), 'FILE_UNREADABLE', 1, 1);
  return cases;
}

const cases = [...committed('matrices', 'matrix'), ...committed('records', 'record'), ...generated()];
const argvFor = (c: Pick<Case, 'kind' | 'file'>, json = false) => [
  ...(c.kind === 'matrix' ? ['evaluate', BUNDLED_RECORD, '-m', c.file] : ['evaluate', '-m', 'lewis-2015', c.file]),
  ...(json ? ['-f', 'json'] : []),
];

function diagnosticsIn(stderr: string) {
  return stderr
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = DIAGNOSTIC.exec(line);
      if (!match) throw new Error(`not a diagnostic line: ${line}`);
      return { severity: match[1], code: match[2], file: match[3], line: Number(match[4]), col: Number(match[5]) };
    });
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

describe('the hostile-input corpus', () => {
  it('has cases for matrices and records, each expecting a documented code', () => {
    const kinds = (kind: Kind) => cases.filter((c) => c.kind === kind).length;
    expect(kinds('matrix')).toBeGreaterThanOrEqual(40);
    expect(kinds('record')).toBeGreaterThanOrEqual(40);
    for (const c of cases) if (c.expected) expect(Object.keys(ERROR_CODES), c.file).toContain(c.expected.code);
    // Every JSON case has its expectation, and expectations.json names no file that is gone.
    for (const key of Object.keys(sidecar)) expect(existsSync(`${CORPUS}/${key}`), key).toBe(true);
  });

  it('covers every item of the issue, as a matrix and as a record', () => {
    const codes = (kind: Kind) => new Set(cases.filter((c) => c.kind === kind && c.expected).map((c) => c.expected!.code));
    const both = [
      'YAML_SYNTAX',
      'ALIAS_LIMIT',
      'TOO_DEEP',
      'FILE_TOO_LARGE',
      'NOT_UTF8',
      'EMPTY_FILE',
      'FILE_UNREADABLE',
      'FILE_NOT_FOUND',
      'BAD_DATE',
      'BAD_FORMAT',
      'BAD_NUMBER',
      'DUPLICATE_ID',
      'FORBIDDEN_KEY',
    ];
    for (const kind of ['matrix', 'record'] as const) for (const code of both) expect(codes(kind), `${kind} ${code}`).toContain(code);
    for (const code of ['OUT_OF_RANGE', 'NO_WEIGHT', 'BAD_CONDITION']) expect(codes('matrix'), code).toContain(code);
    for (const code of ['SELF_LINK']) expect(codes('record'), code).toContain(code);
    const names = cases.map((c) => `${c.kind}/${c.name}`);
    for (const name of [
      'record/cyclic-links.yaml',
      'matrix/bom-crlf.yaml',
      'record/bom-crlf.yaml',
      'matrix/object-words-as-data.yaml',
      'record/object-words-as-data.yaml',
    ]) {
      expect(names).toContain(name);
    }
  });

  describe.each(cases)('$kind $name', (c) => {
    const test = c.knownGap ? it.fails : it;
    if (c.expected) {
      const { code, line, col } = c.expected;
      test(`exits 2 with exactly ${code} at ${line}:${col}, nothing on stdout and no stack trace`, async () => {
        const result = await run(argvFor(c), { env: c.env ?? {} });
        expect(result.stdout).toBe('');
        expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
        expect(diagnosticsIn(result.stderr)).toEqual([{ severity: 'error', code, file: c.file, line, col }]);
        expect(result.exitCode).toBe(2);
      });
      test('gives the same error as the JSON error document with -f json', async () => {
        const result = await run(argvFor(c, true), { env: c.env ?? {} });
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toBe('');
        const report = JSON.parse(result.stdout) as { schema: string; errors: { code: string; file: string; line: number; col: number }[] };
        expect(report.schema).toBe('summit-score/errors@1');
        expect(report.errors.map((e) => ({ code: e.code, file: e.file, line: e.line, col: e.col }))).toEqual([{ code, file: c.file, line, col }]);
      });
    } else {
      test('is plain data: scored, exit 0, a total within 0-100', async () => {
        const result = await run(argvFor(c, true), { env: c.env ?? {} });
        // Only warnings (a value or field the matrix cannot read), never an error or a stack trace.
        expect(result.stderr).toMatch(/^(warning [A-Z_]+ [^\n]*\n)*$/);
        expect(result.exitCode).toBe(0);
        const report = JSON.parse(result.stdout) as { results: { score: number | null }[] };
        for (const { score } of report.results)
          if (score !== null) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100);
          }
      });
    }
  });

  it.skipIf(process.platform === 'win32' || !existsSync('/dev/zero'))('reads an endless device only up to the limit', async () => {
    for (const kind of ['matrix', 'record'] as const) {
      const result = await run(argvFor({ kind, file: '/dev/zero' }), { env: { SUMMIT_SCORE_MAX_INPUT_MB: '1' } });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toBe('error FILE_TOO_LARGE /dev/zero:1:1 is more than the limit of 1 MiB (raise it with SUMMIT_SCORE_MAX_INPUT_MB)\n');
    }
  });

  it('says how large a 200 MB file is and how to raise the limit', async () => {
    const big = cases.find((c) => c.name === '200mb.yaml')!;
    const { stderr } = await run(argvFor(big));
    expect(stderr).toContain('is 200.0 MiB, more than the limit of 64 MiB (raise it with SUMMIT_SCORE_MAX_INPUT_MB)');
  });

  it('leaves Object.prototype as it was after every case', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
