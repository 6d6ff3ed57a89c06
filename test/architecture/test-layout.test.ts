// test/ mirrors src/: a test that imports src/X (X a folder such as engine, or a top-level module
// such as suggest for src/suggest.ts) lives under test/X, one of the folders it imports; a test
// through the in-process command line (src/cli.ts, or a helper that runs it, as
// test/helpers/fake-io.ts does) may live under test/cli. A test that runs the built tool (the
// launcher in bin, the build in dist) lives under test/built, whose global setup rebuilds the
// build first when it is stale (vitest.config.ts). Subfolders (such as test/cli/hostile) group a
// folder's tests by topic. (This file's own text must not look like a test of the built tool.)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = normalize(join(import.meta.dirname, '../..'));
const SPECIFIER = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g;
/** How a test file runs the built tool: its launcher, its build, or the installed command. */
const RUNS_BUILT = /bin\/summit-score\.js|dist\/|'--no-install',\s'summit-score'|node_modules\/\.bin\/summit-score/;

function filesOf(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesOf(path) : [path];
  });
}

/** The repository paths a file imports by a relative path, as TypeScript sources. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map((match) =>
    normalize(join(dirname(file), match[1]!))
      .split(sep)
      .join('/')
      .replace(/\.js$/, '.ts'),
  );
}

const TEST_FILES = filesOf('test');

function runsCli(file: string, seen = new Set<string>()): boolean {
  return importsOf(file).some((path) => {
    if (path === 'src/cli.ts') return true;
    if (!path.startsWith('test/') || seen.has(path) || !TEST_FILES.includes(path)) return false;
    seen.add(path);
    return runsCli(path, seen);
  });
}

/** The folders of test/ a test may live in: those of the sources it imports. */
function homesOf(file: string): Set<string> {
  const homes = new Set<string>();
  for (const path of importsOf(file)) {
    if (path.startsWith('src/')) {
      const [, folder, rest] = path.split('/');
      homes.add(rest === undefined ? folder!.replace(/\.ts$/, '') : folder!);
    } else if (path.startsWith('test/') && !path.endsWith('.test.ts') && runsCli(path)) homes.add('cli');
  }
  return homes;
}

/** test/X/… or test/X.test.ts: X. */
const placeOf = (file: string) => file.split('/')[1]!.replace(/\.test\.ts$/, '');

const tests = TEST_FILES.filter((file) => file.endsWith('.test.ts'));

describe('the layout of test/', () => {
  it('finds the tests (a layout read from no file would pass anything)', () => {
    expect(tests.length).toBeGreaterThan(50);
    expect(homesOf('test/format/table.test.ts')).toEqual(new Set(['engine', 'format', 'terminal-text']));
    expect(homesOf('test/cli/arguments.test.ts')).toContain('cli');
  });

  it('keeps each test of src/X under test/X, and each test of the built tool under test/built', () => {
    const misplaced = tests.flatMap((file) => {
      const place = placeOf(file);
      if (RUNS_BUILT.test(readFileSync(join(ROOT, file), 'utf8'))) return place === 'built' ? [] : [`${file}: runs the built tool, so under test/built/`];
      const homes = homesOf(file);
      if (homes.size === 0 || homes.has(place)) return [];
      return [`${file}: imports ${[...homes].map((home) => `src/${home}`).join(', ')}, so under test/${[...homes].join('/ or test/')}/`];
    });
    expect(misplaced).toEqual([]);
  });

  it('has no folder of tests beside src/ that mirrors nothing', () => {
    const sources = new Set(readdirSync(join(ROOT, 'src')).map((name) => name.replace(/\.ts$/, '')));
    const places = new Set(tests.map(placeOf));
    const allowed = new Set([...sources, 'built', 'architecture']);
    expect([...places].filter((place) => !allowed.has(place)).sort()).toEqual([]);
  });
});
