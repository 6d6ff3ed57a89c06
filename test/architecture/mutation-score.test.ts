// docs/development.md quotes what `npm run mutate -- --score` prints from the committed
// incremental files (reports/mutation/), and README "Development" the score of each folder: each
// quote must be what it prints now, so no score in the docs outlives the run that made it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a script of plain JavaScript, without types
import { mutationScores as scores } from '../../scripts/mutation-score.mjs';
import { pageWith, sectionOf } from '../helpers/docs.js';

const mutationScores = scores as (folders: readonly string[], dir?: string) => string;
const FOLDERS = ['engine', 'load', 'format'];

describe('the mutation score in the docs', () => {
  it('is what npm run mutate -- --score prints from reports/mutation/', () => {
    const page = pageWith('## Mutation score');
    const quoted = /\n```text\n\$ npm run mutate -- --score\n([\s\S]*?)```\n/.exec(page);
    expect(quoted, 'a ```text block starting "$ npm run mutate -- --score"').not.toBeNull();
    expect(quoted![1]).toBe(mutationScores(FOLDERS));
  });

  it('and README "Development" quotes its first block, the score of each folder', () => {
    const quoted = /\n```text\n\$ npm run mutate -- --score\n([\s\S]*?)```\n/.exec(sectionOf(pageWith('## Development'), '## Development'));
    expect(quoted, 'a ```text block starting "$ npm run mutate -- --score"').not.toBeNull();
    expect(quoted![1]).toBe(mutationScores(FOLDERS).split('\n\n')[0] + '\n');
  });

  it('counts a timeout as killed, leaves ignored mutants out of the score, and says which files changed since their run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutation-score-'));
    const changedFile = join(dir, 'changed.ts');
    writeFileSync(changedFile, 'const a = 2;\n');
    const mutants = (...statuses: string[]) => statuses.map((status, i) => ({ id: String(i), status }));
    const report = {
      files: {
        'src/x/gone.ts': { source: 'x', mutants: mutants('Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored') },
        [changedFile]: { source: 'const a = 1;\n', mutants: mutants('Survived') },
      },
    };
    writeFileSync(join(dir, 'x-incremental.json'), JSON.stringify(report));
    // Of the first file's 5 mutants 4 count, 2 of them detected: 50.0%; of all 6, 2 of 5: 40.0%.
    expect(mutationScores(['x', 'y'], dir).split('\n')).toEqual([
      'folder  files  mutants  killed  survived  no-coverage  ignored  score',
      'x  2  6  2  2  1  1  40.0%',
      `y: not run (no ${dir}/y-incremental.json)`,
      '',
      'x, file by file:',
      'file  mutants  killed  survived  no-coverage  ignored  score',
      ...[`${changedFile}  1  0  1  0  0  0.0%  (changed since: run it again)`, 'src/x/gone.ts  5  2  1  1  1  50.0%'].sort(),
      '',
    ]);
  });
});
