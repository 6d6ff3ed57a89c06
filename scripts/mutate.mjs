// `npm run mutate [-- engine load format]`: StrykerJS on each named folder of src/ in turn (all
// three by default), each with the tests that reach it (vitest.mutate.config.ts). Incremental: a
// rerun tests only the mutants whose code or tests changed since
// reports/mutation/FOLDER-incremental.json, which is committed so that the next run goes on.
//
// `npm run mutate -- format src/format/csv.ts src/format/table.ts`: only those files of the one
// folder named; their results are merged into the folder's incremental file, beside those of the
// folder's other files, so a folder too big for one sitting is done file by file.
// `--tests test/a.test.ts,test/b.test.ts` runs those tests only (Stryker's --testFiles), even one
// the folder's default set leaves out (vitest.mutate.config.ts): a quicker run, whose survivors a
// later run with every test tries again.
// `--timeoutMS 10000` gives a mutant that much time over what its tests took unmutated (60 s in
// stryker.config.mjs, for the slow CLI tests): a mutant that loops forever in the YAML reader then
// costs 10 s, not a minute, when only quick tests run.
// `npm run mutate -- --score`: the score of each folder, from the incremental files.
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { mutationScores } from './mutation-score.mjs';

const FOLDERS = ['engine', 'load', 'format'];
const args = process.argv.slice(2);
if (args.includes('--score')) {
  process.stdout.write(mutationScores(FOLDERS));
  process.exit(0);
}
const testsAt = args.indexOf('--tests');
const tests = testsAt >= 0 ? args.splice(testsAt, 2)[1] : undefined;
const timeoutAt = args.indexOf('--timeoutMS');
const timeoutMS = timeoutAt >= 0 ? args.splice(timeoutAt, 2)[1] : undefined;
const files = args.filter((arg) => arg.includes('/'));
const asked = args.filter((arg) => !arg.includes('/'));
const unknown = asked.filter((folder) => !FOLDERS.includes(folder));
if (unknown.length > 0) {
  console.error(`mutate: no folder ${unknown.join(', ')}; choose from ${FOLDERS.join(', ')}`);
  process.exit(2);
}
if (files.length > 0 && (asked.length !== 1 || files.some((file) => !file.startsWith(`src/${asked[0]}/`) || !existsSync(file)))) {
  console.error('mutate: name one folder and files of it that exist: npm run mutate -- format src/format/csv.ts');
  process.exit(2);
}

const incrementalFile = (folder) => `reports/mutation/${folder}-incremental.json`;

/** Stryker writes the results of the files it mutated only: keep the folder's other files'. */
function mergeInto(target, part) {
  const whole = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : null;
  const done = JSON.parse(readFileSync(part, 'utf8'));
  const merged = whole ? { ...done, files: { ...whole.files, ...done.files }, testFiles: { ...whole.testFiles, ...done.testFiles } } : done;
  writeFileSync(target, `${JSON.stringify(merged, null, 2)}\n`);
}

let failed = false;
for (const folder of asked.length > 0 ? asked : FOLDERS) {
  const whole = incrementalFile(folder);
  const part = files.length > 0 ? `reports/mutation/${folder}-part-incremental.json` : whole;
  if (part !== whole && existsSync(whole)) copyFileSync(whole, part);
  const options = [
    ...(files.length > 0 ? ['--mutate', files.join(','), '--incrementalFile', part] : []),
    ...(tests ? ['--testFiles', tests] : []),
    ...(timeoutMS ? ['--timeoutMS', timeoutMS] : []),
  ];
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...options], {
    stdio: 'inherit',
    env: { ...process.env, MUTATE_FOLDER: folder, ...(tests ? { MUTATE_TESTS: tests } : {}) },
  });
  failed ||= run.status !== 0;
  if (part !== whole && run.status === 0) {
    mergeInto(whole, part);
    rmSync(part);
  }
}
if (!failed) process.stdout.write(mutationScores(asked.length > 0 ? asked : FOLDERS));
process.exitCode = failed ? 1 : 0;
