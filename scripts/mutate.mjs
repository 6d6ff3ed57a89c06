// `npm run mutate [-- engine load format]`: StrykerJS on each named folder of src/ in turn (all
// three by default), each with the tests that import it. Incremental: a rerun tests only the
// mutants whose code or tests changed since reports/mutation/FOLDER-incremental.json.
import { spawnSync } from 'node:child_process';

const FOLDERS = ['engine', 'load', 'format'];
const asked = process.argv.slice(2);
const unknown = asked.filter((folder) => !FOLDERS.includes(folder));
if (unknown.length > 0) {
  console.error(`mutate: no folder ${unknown.join(', ')}; choose from ${FOLDERS.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const folder of asked.length > 0 ? asked : FOLDERS) {
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env: { ...process.env, MUTATE_FOLDER: folder } });
  failed ||= run.status !== 0;
}
process.exitCode = failed ? 1 : 0;
