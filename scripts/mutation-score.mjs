// The mutation score of each folder, read from its incremental file (reports/mutation/): what
// `npm run mutate -- --score` prints, and what README's Development section quotes.
import { existsSync, readFileSync } from 'node:fs';

const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

/** One line per folder: files run, mutants, killed (timeouts with them), survived, no coverage, score. */
export function mutationScores(folders) {
  const lines = ['folder  files  mutants  killed  survived  no-coverage  ignored  score'];
  for (const folder of folders) {
    const file = `reports/mutation/${folder}-incremental.json`;
    if (!existsSync(file)) {
      lines.push(`${folder}: not run (no ${file})`);
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const mutants = Object.values(report.files).flatMap((entry) => entry.mutants);
    const count = (statuses) => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
    const detected = count(DETECTED);
    const undetected = count(UNDETECTED);
    const score = detected + undetected === 0 ? '-' : `${((100 * detected) / (detected + undetected)).toFixed(1)}%`;
    const cells = [folder, Object.keys(report.files).length, mutants.length, detected, count(['Survived']), count(['NoCoverage']), count(['Ignored']), score];
    lines.push(cells.join('  '));
  }
  return `${lines.join('\n')}\n`;
}
