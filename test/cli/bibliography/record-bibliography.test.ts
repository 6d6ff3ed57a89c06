// A user's record may cite a bibliography of its own (`bibliography: refs.yaml`): validate resolves
// its keys (UNKNOWN_SOURCE with the nearest key, naming that file), --require-sources checks them,
// the file is found only inside the record's folder, and `sources` prints its entries.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-own-bib-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const REFS = [
  'sources:',
  '  - key: my-report',
  '    type: report',
  '    title: My own report',
  '    publisher: Example Institute',
  '    url: https://example.org/report',
  '    supports: The talks of 2020.',
  '',
].join('\n');
write('refs.yaml', REFS);
const record = (bibliography: string, key: string) =>
  [
    'id: own',
    'title: Own bibliography',
    'date: 2020-01-15',
    'parties: [AA, BB]',
    `bibliography: ${bibliography}`,
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
  ].join('\n');

describe('a record that cites a bibliography of its own', () => {
  it('resolves its keys and the bundled ones: validate --require-sources passes', async () => {
    const file = write('good.yaml', record('refs.yaml', 'my-report'));
    const { exitCode, stdout } = await run(['validate', file, '--require-sources']);
    expect(stdout).toBe('Checked 1 file (1 record): no problems.\n');
    expect(exitCode).toBe(0);
  });

  it("an unknown key is UNKNOWN_SOURCE at its place, naming the record's bibliography and the key meant", async () => {
    const file = write('typo.yaml', record('refs.yaml', 'my-reprt'));
    const { exitCode, stdout } = await run(['validate', file]);
    expect(exitCode).toBe(1);
    expect(stdout).toContain(
      `error UNKNOWN_SOURCE ${file}:11:14 no source \`my-reprt\` in the bibliography (${join(dir, 'refs.yaml')}) (did you mean \`my-report\`?)`,
    );
  });

  it("a file outside the record's folder is not read", async () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub, { recursive: true });
    const file = join(sub, 'outside.yaml');
    writeFileSync(file, record('../refs.yaml', 'my-report'));
    const { exitCode, stdout } = await run(['validate', file]);
    expect(exitCode).toBe(1);
    expect(stdout).toContain(`error NOT_ALLOWED ${file}:5:15 bibliography \`../refs.yaml\` is outside the record's folder`);
    // Not read: the key is looked up in the bundled bibliography alone.
    expect(stdout).toContain('no source `my-report` in the bibliography (bundled:sources)');
  });

  it('a missing file is FILE_NOT_FOUND at the key', async () => {
    const file = write('missing.yaml', record('nowhere.yaml', 'my-report'));
    const { stdout } = await run(['validate', file]);
    expect(stdout).toContain(`error FILE_NOT_FOUND ${file}:5:15 bibliography \`nowhere.yaml\`: no such file beside the record`);
  });

  it('a bibliography file with a problem reports it at its own place', async () => {
    write('twice.yaml', REFS + REFS.split('\n').slice(1).join('\n'));
    const file = write('bad-refs.yaml', record('twice.yaml', 'my-report'));
    const { exitCode, stdout } = await run(['validate', file]);
    expect(exitCode).toBe(1);
    expect(stdout).toContain(`error DUPLICATE_ID ${join(dir, 'twice.yaml')}:`);
  });

  it('summit-score sources prints its own entries first, then the bundled ones it cites', async () => {
    const file = write('listed.yaml', record('refs.yaml', 'my-report'));
    const { exitCode, stdout } = await run(['sources', file]);
    expect(exitCode).toBe(0);
    expect([...stdout.matchAll(/^- `([a-z0-9-]+)`/gm)].map((m) => m[1])).toEqual(['my-report', 'lewis-2015-csis']);
    expect(stdout).toContain('<https://example.org/report>');
  });
});
