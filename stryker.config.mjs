// Mutation testing, one folder at a time: `npm run mutate -- engine` (or load, format; all three
// when none is named). A folder's mutants are run against the tests that import that folder's
// sources, as vitest.mutate.config.ts lists them; tests of the built tool (dist/) and the
// benchmarks' guards are left out, since a mutant of src/ never reaches them.
const folder = process.env.MUTATE_FOLDER ?? 'engine';

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // A static mutant (one a module's top level runs, as it loads) is covered by no one test, so
  // Stryker would run every test for it with the modules reloaded: hours for a few mutants.
  ignoreStatic: true,
  mutate: [`src/${folder}/**/*.ts`],
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/mutation/${folder}-incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${folder}.html` },
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'reports', 'node_modules', '.stryker-tmp'],
  timeoutMS: 60_000,
  thresholds: { high: 85, low: 70, break: null },
};
