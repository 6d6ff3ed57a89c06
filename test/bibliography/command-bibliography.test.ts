// `--bibliography FILE` on the command line (validate, evaluate, sources): an extra bibliography
// for records that cite keys outside the bundled one. Its keys resolve beside the bundled keys, an
// unknown key is still UNKNOWN_SOURCE with the nearest key of either, a key that redefines a
// bundled one is refused, and the file counts for the run it was given to only.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-cli-bib-'));
// The records in a folder of their own: nothing beside them is read as their bibliography.
const records = join(dir, 'records');
mkdirSync(records);
const write = (path: string, text: string) => {
  writeFileSync(path, text);
  return path;
};
const entry = (key: string) => [
  `  - key: ${key}`,
  '    type: report',
  '    title: My own report',
  '    publisher: Example Institute',
  '    url: https://example.org/report',
  '    supports: The talks of 2020.',
];
const refs = write(join(dir, 'refs.yaml'), ['sources:', ...entry('my-report'), ''].join('\n'));
const record = (name: string, key: string) =>
  write(
    join(records, name),
    [
      'id: cli-bib',
      'title: Cited from a bibliography named on the command line',
      'date: 2020-01-15',
      'parties: [AA, BB]',
      'events:',
      '  - id: talks',
      '    date: 2020-01-15',
      '    type: meeting',
      '    sources:',
      `      - key: ${key}`,
      '  - id: other',
      '    date: 2020-01-15',
      '    type: meeting',
      '    sources:',
      '      - key: lewis-2015-csis',
      '',
    ].join('\n'),
  );
const good = record('good.yaml', 'my-report');

describe('--bibliography FILE', () => {
  it('validate: without it the key is unknown; with it validate --require-sources passes', async () => {
    const without = await run(['validate', good, '--require-sources']);
    expect(without.exitCode).toBe(1);
    expect(without.stdout).toContain(`error UNKNOWN_SOURCE ${good}:10:14 no source \`my-report\` in the bibliography (bundled:sources)`);
    const withIt = await run(['validate', good, '--require-sources', '--bibliography', refs]);
    expect(withIt.stdout).toBe('Checked 1 file (1 record): no problems.\n');
    expect(withIt.exitCode).toBe(0);
  });

  it('an unknown key is still UNKNOWN_SOURCE at its place, with the nearest key of the file named', async () => {
    const typo = record('typo.yaml', 'my-reprt');
    const { exitCode, stdout } = await run(['validate', typo, '--bibliography', refs]);
    expect(exitCode).toBe(1);
    expect(stdout).toContain(`error UNKNOWN_SOURCE ${typo}:10:14 no source \`my-reprt\` in the bibliography (${refs}) (did you mean \`my-report\`?)`);
  });

  it('evaluate --require-sources: the record loads and its evidence is sourced; without the file it cannot load', async () => {
    const withIt = await run(['evaluate', good, '-m', 'summit-deliverables', '--require-sources', '--bibliography', refs, '-f', 'json']);
    expect(withIt.stderr).toBe('');
    expect(withIt.exitCode).toBe(0);
    expect(JSON.parse(withIt.stdout).results[0].record.id).toBe('cli-bib');
    const without = await run(['evaluate', good, '-m', 'summit-deliverables', '--require-sources']);
    expect(without.exitCode).toBe(2);
    expect(without.stderr).toContain(`UNKNOWN_SOURCE ${good}:10:14`);
  });

  it("sources prints the file's entries the record cites, and with --all the file's entries before the bundled ones", async () => {
    const cited = await run(['sources', good, '--bibliography', refs]);
    expect(cited.exitCode).toBe(0);
    expect([...cited.stdout.matchAll(/^- `([a-z0-9-]+)`/gm)].map((m) => m[1])).toEqual(['my-report', 'lewis-2015-csis']);
    const all = await run(['sources', '--all', '--bibliography', refs]);
    const keys = [...all.stdout.matchAll(/^- `([a-z0-9-]+)`/gm)].map((m) => m[1]);
    expect(keys[0]).toBe('my-report');
    const bundled = await run(['sources', '--all']);
    expect(keys.slice(1)).toEqual([...bundled.stdout.matchAll(/^- `([a-z0-9-]+)`/gm)].map((m) => m[1]));
  });

  it('a key the bundled bibliography has already is DUPLICATE_ID at its place, exit 2', async () => {
    const clash = write(join(dir, 'clash.yaml'), ['sources:', ...entry('my-report'), ...entry('lewis-2015-csis'), ''].join('\n'));
    const { exitCode, stderr, stdout } = await run(['validate', good, '--bibliography', clash]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`DUPLICATE_ID ${clash}:8:10`);
    expect(stderr).toContain('`lewis-2015-csis` is a key of the bundled bibliography already');
  });

  it('a missing file or one with problems is an error with its place, exit 2', async () => {
    const missing = await run(['sources', good, '--bibliography', join(dir, 'nowhere.yaml')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('FILE_NOT_FOUND');
    const bad = write(join(dir, 'bad.yaml'), ['sources:', ...entry('my-report'), '    date: 2020-02-30', ''].join('\n'));
    const problem = await run(['validate', good, '--bibliography', bad]);
    expect(problem.exitCode).toBe(2);
    expect(problem.stderr).toContain(`BAD_DATE ${bad}:8:11`);
  });

  it('counts for the run it was given to only', async () => {
    expect((await run(['validate', good, '--bibliography', refs])).exitCode).toBe(0);
    expect((await run(['validate', good])).exitCode).toBe(1);
  });
});
