// The tests a mutation run of one folder uses (stryker.config.mjs): those that import that
// folder's sources and do not run the built tool, found by reading the tests, so a new test
// joins by itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const folder = process.env['MUTATE_FOLDER'] ?? 'engine';
// They never reach a mutant of src/: the engine's purity is read from the files, the guards time
// the built tool, the browser tests open the built report. The complexity tests time the engine
// against a bound, which instrumented code (every mutant switchable) cannot keep.
const LEFT_OUT = [/^test\/perf\//, /^test\/engine\/purity\.test\.ts$/, /^test\/format\/html-browser\.test\.ts$/, /^test\/hostile\/complexity\.test\.ts$/];

function testsOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testsOf(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const imports = new RegExp(`from '(\\.\\./)+src/${folder}/`);
// A test that runs the built tool (bin/, dist/) never meets a mutant of src/, and the mutation
// sandbox has no dist/.
const runsBuilt = /bin\/summit-score\.js|dist\//;
const include = testsOf('test').filter((file) => {
  const text = readFileSync(file, 'utf8');
  return !LEFT_OUT.some((pattern) => pattern.test(file)) && imports.test(text) && !runsBuilt.test(text);
});

export default defineConfig({ test: { include, testTimeout: 60_000 } });
