// Globs the shell left alone (quoted, or on Windows) are expanded by summit-score itself. A pattern
// is input: one that cannot match as written is BAD_GLOB, braces are bounded, and matching never
// backtracks (minimatch 11 matches without regular expressions). Each slow case below ran for
// minutes before; the tests assert on the result, under a generous timeout, never on the clock.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backwardRange, MAX_GLOB_PATTERNS } from '../../../src/load/expand-paths.js';
import { run } from '../../helpers/fake-io.js';

const TIMEOUT = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'summit-hostile-globs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const RECORD = 'id: r\ntitle: R\ndate: 2015-09-25\nparties: [US, CN]\nevents: []\n';
const put = (name: string) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, RECORD);
  return path;
};
const LONG = 'a'.repeat(60);
put(`deep/${LONG}b.yaml`);
put(`match/${LONG}.yaml`);
put('ababababab.yaml');
put('z.yaml');

async function validate(...patterns: string[]) {
  const result = await run(['validate', ...patterns, '-f', 'json']);
  expect(result.stderr).toBe('');
  // The report of the files checked, or (when no file could be checked) the errors document.
  const report = JSON.parse(result.stdout) as { files?: { file: string; diagnostics: { code: string }[] }[]; errors?: { code: string }[] };
  const files = report.files ?? [];
  return { exitCode: result.exitCode, files: files.map((f) => f.file), diagnostics: [...(report.errors ?? []), ...files.flatMap((f) => f.diagnostics)] };
}

async function onlyError(argv: string[]) {
  const { exitCode, stdout, stderr } = await run(argv);
  expect(stdout).toBe('');
  expect(stderr).not.toMatch(/\n\s+at |internal error/);
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  expect(exitCode).toBe(2);
  return lines[0]!;
}

describe('a glob range that runs backwards', () => {
  it.each(['[z-a].yaml', '[9-0]*.yaml', '[!z-a]x.yaml', '[a-cz-a].yaml', '**/[é-a].yaml', 'deep/[b-a]/*.yaml', '[]z-a].yaml'])(
    '%s is BAD_GLOB with its place, not a stack trace',
    async (pattern) => {
      for (const command of ['validate', 'test']) {
        const line = await onlyError([command, join(dir, pattern)]);
        expect(line).toMatch(
          new RegExp(`^error BAD_GLOB .*:1:1 the range \\[.-.\\] runs backwards, so the pattern can match nothing \\(write it low to high: \\[.-.\\]\\)$`),
        );
      }
      expect((await validate(join(dir, pattern))).diagnostics.map((d) => d.code)).toEqual(['BAD_GLOB']);
    },
  );

  it('is told from ranges that run forwards, dashes that are members and escaped brackets', () => {
    for (const pattern of ['[a-z].yaml', '[a-].yaml', '[-z].yaml', '[!-z]', '[]-a]', '[[:alpha:]-z]', '\\[z-a].yaml', '[z\\-a]', 'z-a.yaml', '[z-a']) {
      expect(backwardRange(pattern), pattern).toBeUndefined();
    }
    expect(backwardRange('[a-cz-a]')).toBe('z-a');
    expect(backwardRange('x[[:digit:]9-0]')).toBe('9-0');
  });
});

describe('stars that a backtracking matcher would try in every way', () => {
  it.each([
    ['stars', '*a*a*a*a*a*a*a*a*a*a*a*a*a*a.yaml'],
    ['stars and marks', '*a?a*a?a*a?a*a?a*a?a*a?a.yaml'],
    ['stars and classes', '*[ab]*[ab]*[ab]*[ab]*[ab]*[ab]*[ab]*[ab]*c.yaml'],
    ['globstars', '**/**/**/**/**/**/**/**/*a*a*a*a*a*a*a*a*c.yaml'],
  ])(
    '%s: finds no match among 60-letter names at once',
    async (_name, pattern) => {
      const line = await onlyError(['validate', join(dir, 'deep', pattern)]);
      expect(line).toMatch(/^error FILE_NOT_FOUND .*:1:1 the pattern matches no \.yaml/);
    },
    TIMEOUT,
  );

  it(
    'still matches what the stars do match',
    async () => {
      const { files } = await validate(join(dir, '*', '*a*a*a*a*a*a*a*a*a*a*a*a*a*a.yaml'));
      expect(files).toEqual([join(dir, 'match', `${LONG}.yaml`)]);
      expect((await validate(join(dir, '**', '*a*a*a*a*a*a*a*a*a*a*a*a*a*ab.yaml'))).files).toEqual([join(dir, 'deep', `${LONG}b.yaml`)]);
    },
    TIMEOUT,
  );
});

describe('braces', () => {
  it(
    `expand to at most ${MAX_GLOB_PATTERNS} patterns: {a,b} ten times matches, more is BAD_GLOB`,
    async () => {
      expect((await validate(join(dir, `${'{a,b}'.repeat(10)}.yaml`))).files).toEqual([join(dir, 'ababababab.yaml')]);
      for (const pattern of [
        '{a,b}'.repeat(11),
        '{a,b}'.repeat(24),
        '{a,b}'.repeat(2000),
        '{1..100000}',
        '{a,b,c,d,e,f,g,h,i,j,k}'.repeat(3),
        `${'{a,'.repeat(300)}b${'}'.repeat(300)}{x,y,z,w}`,
      ]) {
        const line = await onlyError(['validate', join(dir, `${pattern}.yaml`)]);
        expect(line).toMatch(/^error BAD_GLOB .*:1:1 the braces expand to more than 1024 patterns \(name fewer alternatives, or a folder\)$/);
      }
    },
    TIMEOUT,
  );
});
