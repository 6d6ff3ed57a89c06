// Files that one input names for another to be read: `extends:` in a matrix and `record:` in a
// golden test. They are read only when their real path (symlinks resolved) lies in the naming
// file's folder tree and they are regular files: no secret elsewhere comes back in a message, no
// terminal or pipe is waited on. A bundled id always means the bundled file.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-confined-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const posix = process.platform !== 'win32';
const SECRET = 'hunter2-do-not-print';
// A file outside every matrix folder, shaped so that a loader would quote it: a key and a value.
const secret = join(dir, 'secret.yaml');
writeFileSync(secret, `${SECRET}: ${SECRET}\nid: ${SECRET}\n`);
const LEWIS = readFileSync('matrices/lewis-2015.yaml', 'utf8');

function folderWith(name: string, files: Record<string, string>): string {
  const folder = mkdtempSync(join(dir, `${name}-`));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

describe("extends: confined to the matrix's folder tree, regular files only", () => {
  const cases: [string, (folder: string) => void, string, RegExp][] = [
    ['a symlink inside the folder to a secret outside it', (f) => symlinkSync(secret, join(f, 'base.yaml')), 'base.yaml', /is outside the matrix's folder/],
    ['a symlinked folder that leads outside', (f) => symlinkSync(dir, join(f, 'up')), 'up/secret.yaml', /is outside the matrix's folder/],
    ['stdin, through /proc/self/fd/0', (f) => symlinkSync('/proc/self/fd/0', join(f, 'base.yaml')), 'base.yaml', /is outside the matrix's folder/],
    ['the terminal, through /dev/tty', (f) => symlinkSync('/dev/tty', join(f, 'base.yaml')), 'base.yaml', /is outside the matrix's folder/],
    ['a FIFO inside the folder', (f) => execFileSync('mkfifo', [join(f, 'base.yaml')]), 'base.yaml', /is not a regular file/],
    ['a folder inside the folder', (f) => mkdirSync(join(f, 'base.yaml')), 'base.yaml', /is not a regular file/],
    ['the folder itself', () => undefined, '.', /is not a regular file/],
    ['the folder itself, by a way round', (f) => mkdirSync(join(f, 'sub')), 'sub/..', /is not a regular file/],
  ];
  it.skipIf(!posix).each(cases)('%s: EXTENDS_PATH, nothing of it read', async (_, plant, target, message) => {
    const folder = folderWith('extends', {});
    plant(folder);
    writeFileSync(join(folder, 'child.yaml'), `extends: ${target}\nid: child\n`);
    const result = await run(['evaluate', 'us-china-2015-09', '-m', join(folder, 'child.yaml')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error EXTENDS_PATH .*child\.yaml:1:10 extends `.*` /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
  });

  it('still extends a file below the matrix, through a symlink that stays inside', async () => {
    const folder = folderWith('inside', {});
    mkdirSync(join(folder, 'bases'));
    writeFileSync(join(folder, 'bases', 'lewis.yaml'), LEWIS);
    symlinkSync(join(folder, 'bases', 'lewis.yaml'), join(folder, 'link.yaml'));
    writeFileSync(join(folder, 'child.yaml'), 'extends: link.yaml\nid: child\n');
    const result = await run(['evaluate', 'us-china-2015-09', '-m', join(folder, 'child.yaml'), '-f', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).matrix.id).toBe('child');
  });
});

describe("a golden test's record: confined the same way", () => {
  const testsWith = (record: string) => `tests:\n  - name: reads a record\n    record: ${record}\n    expect: {verdict: promise}\n`;
  const cases: [string, (folder: string) => void, string, RegExp][] = [
    ['../ to a secret', () => undefined, '../secret.yaml', /is outside the tests file's folder/],
    ['an absolute path', () => undefined, secret, /is outside the tests file's folder/],
    ['a symlink to a secret', (f) => symlinkSync(secret, join(f, 'record.yaml')), 'record.yaml', /is outside the tests file's folder/],
    ['a FIFO', (f) => execFileSync('mkfifo', [join(f, 'record.yaml')]), 'record.yaml', /is not a regular file/],
  ];
  it.skipIf(!posix).each(cases)('%s: RECORD_PATH, in every format, and nothing of it read', async (_, plant, record, message) => {
    const folder = folderWith('record', {});
    plant(folder);
    writeFileSync(join(folder, 'm.yaml'), LEWIS);
    writeFileSync(join(folder, 'm.tests.yaml'), testsWith(record));
    for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
      const result = await run(['test', join(folder, 'm.yaml'), '-f', format]);
      expect(result.exitCode, format).toBeGreaterThan(0);
      expect(`${result.stdout}${result.stderr}`, format).toContain('RECORD_PATH');
      expect(`${result.stdout}${result.stderr}`, format).not.toContain(SECRET);
      if (format === 'text') expect(result.stdout).toMatch(message);
    }
  });
});

describe("a matrix's tests file, found beside it: confined the same way", () => {
  const cases: [string, (file: string) => void, RegExp][] = [
    ['a symlink to a secret outside the folder', (f) => symlinkSync(secret, f), /is a link to a file outside the matrix's folder/],
    ['a FIFO, which would be waited on forever', (f) => execFileSync('mkfifo', [f]), /is not a regular file/],
  ];
  it.skipIf(!posix).each(cases)('%s: TESTS_PATH, in every format, and nothing of it read', async (_, plant, message) => {
    const folder = folderWith('tests-file', { 'm.yaml': LEWIS });
    plant(join(folder, 'm.tests.yaml'));
    for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
      const result = await run(['test', join(folder, 'm.yaml'), '-f', format]);
      expect(result.exitCode, format).toBeGreaterThan(0);
      expect(`${result.stdout}${result.stderr}`, format).toContain('TESTS_PATH');
      expect(`${result.stdout}${result.stderr}`, format).not.toContain(SECRET);
      if (format === 'text') expect(result.stdout).toMatch(message);
    }
  });

  it('still reads a tests file that is a symlink to a file inside the folder', async () => {
    const folder = folderWith('tests-inside', {
      'm.yaml': LEWIS,
      'cases.yaml': 'tests:\n  - name: bundled record\n    record: us-china-2015-09\n    expect: {verdict: gesture}\n',
    });
    symlinkSync(join(folder, 'cases.yaml'), join(folder, 'm.tests.yaml'));
    const result = await run(['test', join(folder, 'm.yaml')]);
    expect(result.stdout).toMatch(/PASS bundled record/);
    expect(result.exitCode).toBe(0);
  });
});

describe("a record's bibliography: confined the same way", () => {
  const RECORD = readFileSync('fixtures/us-china-2015-09.yaml', 'utf8').replace(/^title:/m, 'bibliography: refs.yaml\ntitle:');
  const cases: [string, (file: string) => void, RegExp][] = [
    ['a symlink to a secret outside the folder', (f) => symlinkSync(secret, f), /is outside the record's folder/],
    ['a FIFO', (f) => execFileSync('mkfifo', [f]), /is not a regular file/],
  ];
  it.skipIf(!posix).each(cases)('%s: NOT_ALLOWED at the key, nothing of it read', async (_, plant, message) => {
    const folder = folderWith('bibliography', { 'r.yaml': RECORD });
    plant(join(folder, 'refs.yaml'));
    const result = await run(['evaluate', join(folder, 'r.yaml'), '-m', 'lewis-2015']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error NOT_ALLOWED .*r\.yaml:\d+:15 bibliography `refs\.yaml` /);
    expect(result.stderr).toMatch(message);
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
  });
});

describe('bundled ids are not shadowed by local files', () => {
  it('-m lewis-2015 means the bundled matrix even when ./lewis-2015 exists; ./lewis-2015 names the file', () => {
    const folder = folderWith('shadow', { 'lewis-2015': LEWIS.replace(/^title: .*$/m, 'title: An impostor'), 'us-china-2015-09': 'not: a record\n' });
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [resolve('bin/summit-score.js'), ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const bundled = cli(['evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '-f', 'json']);
    expect(bundled.status, bundled.stderr).toBe(0);
    const report = JSON.parse(bundled.stdout) as { matrix: { title: string; file: string }; results: { record: { file: string } }[] };
    expect(report.matrix.title).not.toBe('An impostor');
    expect(report.matrix.file).toMatch(/^bundled:lewis-2015$/);
    expect(report.results[0]!.record.file).toMatch(/^bundled:us-china-2015-09$/);
    const local = cli(['evaluate', 'us-china-2015-09', '-m', './lewis-2015', '-f', 'json']);
    expect(local.status, local.stderr).toBe(0);
    expect((JSON.parse(local.stdout) as { matrix: { title: string } }).matrix.title).toBe('An impostor');
  });

  it('extends: lewis-2015 means the bundled matrix even beside a file of that name', async () => {
    const folder = folderWith('shadow-extends', { 'lewis-2015': `${SECRET}: 1\n`, 'child.yaml': 'extends: lewis-2015\nid: child\n' });
    const result = await run(['evaluate', 'us-china-2015-09', '-m', join(folder, 'child.yaml'), '-f', 'json']);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { matrix: { extends: { bases: { file: string }[] } } }).matrix.extends.bases[0]!.file).toMatch(/^bundled:lewis-2015$/);
  });
});
