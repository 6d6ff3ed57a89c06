// The tests a mutation run of one folder uses (stryker.config.mjs): those that reach that folder's
// sources through their imports (directly, or through a helper such as test/helpers/fake-io.ts,
// which runs src/cli.ts in-process) and do not run the built tool, found by reading the files, so
// a new test joins by itself. Stryker then runs, for each mutant, only the tests that cover it
// (coverageAnalysis perTest), so a test that reaches the folder without covering a mutant costs
// one dry run and nothing more.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { defineConfig } from 'vitest/config';

const folder = process.env['MUTATE_FOLDER'] ?? 'engine';
// Left out: the tests of the built tool (test/built/), which never meet a mutant of src/ (and the
// sandbox has no dist/); the engine's purity test, which reads the files; the browser tests, which
// open the built report. The benchmarks' guards and the complexity tests time the code against a
// bound, which instrumented code (every mutant switchable) cannot keep; the other tests beside
// them (perf/) run thousands of random cases each, and were left out unmeasured. The engine's
// property test on random matrices timed out (60 s) in the first dry run under instrumentation.
const LEFT_OUT = [
  /^test\/built\//,
  /\/perf\//,
  /\/purity\.test\.ts$/,
  /\/html-browser\.test\.ts$/,
  /\/complexity\.test\.ts$/,
  /\/hostile\/properties\.test\.ts$/,
];

function testsOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testsOf(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const SPECIFIER = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g;

/** The repository's TypeScript files a file imports by a relative path (`./x.js` is `./x.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)]
    .map((match) => normalize(join(dirname(file), match[1]!.replace(/\.js$/, '.ts'))))
    .filter((path) => path.endsWith('.ts') && existsSync(path));
}

const target = `src/${folder}/`;
const reaches = new Map<string, boolean>();
/** Whether a file imports, at any depth, a source of the folder under test. */
function reachesFolder(file: string): boolean {
  const known = reaches.get(file);
  if (known !== undefined) return known;
  reaches.set(file, false); // an import circle ends here
  const found = importsOf(file).some((path) => path.startsWith(target) || reachesFolder(path));
  reaches.set(file, found);
  return found;
}

// A test that runs the built tool (bin/, dist/) never meets a mutant of src/, and the mutation
// sandbox has no dist/.
const runsBuilt = /bin\/summit-score\.js|dist\//;
// `npm run mutate -- … --tests a,b` (scripts/mutate.mjs) names the tests itself, and may name one
// left out above that is quick and reaches the files mutated (test/load/perf/json-document.test.ts).
const named = process.env['MUTATE_TESTS']?.split(',');
const include =
  named ??
  testsOf('test').filter((file) => !LEFT_OUT.some((pattern) => pattern.test(file)) && !runsBuilt.test(readFileSync(file, 'utf8')) && reachesFolder(file));

// One module graph for every mutant: Stryker switches mutants at run time (a global it reads),
// so nothing needs reloading between runs once static mutants are ignored (stryker.config.mjs).
// With a fresh graph per mutant, src/format's run tested about one mutant a minute on the shared
// machine; with one, several.
export default defineConfig({ test: { include, testTimeout: 60_000, isolate: false } });
