// The mutation score of each folder, read from its incremental file (reports/mutation/): what
// `npm run mutate -- --score` prints, and what docs/development.md quotes (a test compares them).
import { existsSync, readFileSync } from 'node:fs';

const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];
const HEAD = 'mutants  killed  survived  no-coverage  ignored  score';

/** Killed (timeouts with them), survived, no coverage, ignored and the score of some mutants. */
function figures(mutants) {
  const count = (statuses) => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
  const detected = count(DETECTED);
  const undetected = count(UNDETECTED);
  const score = detected + undetected === 0 ? '-' : `${((100 * detected) / (detected + undetected)).toFixed(1)}%`;
  return [mutants.length, detected, count(['Survived']), count(['NoCoverage']), count(['Ignored']), score];
}

/**
 * One line per folder (files run, mutants, killed, survived, no coverage, ignored, score), then
 * each file run: its figures are those of its last run, so a file changed since says so.
 */
export function mutationScores(folders, dir = 'reports/mutation') {
  const lines = [`folder  files  ${HEAD}`];
  const byFile = [];
  for (const folder of folders) {
    const file = `${dir}/${folder}-incremental.json`;
    if (!existsSync(file)) {
      lines.push(`${folder}: not run (no ${file})`);
      continue;
    }
    const files = Object.entries(JSON.parse(readFileSync(file, 'utf8')).files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    lines.push([folder, files.length, ...figures(files.flatMap(([, entry]) => entry.mutants))].join('  '));
    const changed = (name, entry) => (existsSync(name) && readFileSync(name, 'utf8') !== entry.source ? ['(changed since: run it again)'] : []);
    byFile.push(
      '',
      `${folder}, file by file:`,
      `file  ${HEAD}`,
      ...files.map(([name, entry]) => [name, ...figures(entry.mutants), ...changed(name, entry)].join('  ')),
    );
  }
  return `${[...lines, ...byFile].join('\n')}\n`;
}
