import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-vocabulary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RECORD = readFileSync('fixtures/us-china-2015-09.yaml', 'utf8');
const TYPO = RECORD.replace('subject: un-gge-2015-report', 'subject: un-gge-2015');
const file = join(dir, 'typo.yaml');
writeFileSync(file, TYPO);
const line = TYPO.split('\n').findIndex((text) => text.includes('subject: un-gge-2015')) + 1;
const WARNING =
  `warning UNDECLARED_VALUE ${file}:${line}:16 event endorse-un-gge-2015: \`subject\` "un-gge-2015" is not among the values matrix ` +
  `lewis-2015 declares, so a test of it is unknown (did you mean \`un-gge-2015-report\`?)\n`;

describe('evaluate and the vocabulary of the matrix', () => {
  it('warns on stderr at the record position, and scores', async () => {
    const { exitCode, stdout, stderr } = await run(['evaluate', file, '-m', 'lewis-2015', '-f', 'json']);
    expect(exitCode).toBe(0);
    expect(stderr).toBe(WARNING);
    // stdout stays the machine-readable document alone.
    expect(JSON.parse(stdout).results).toHaveLength(1);
    expect(stdout).not.toContain('UNDECLARED_VALUE');
  });

  it('says nothing for a record that keeps to the vocabulary', async () => {
    const { exitCode, stderr } = await run(['evaluate', 'fixtures/us-china-2015-09.yaml', '-m', 'lewis-2015']);
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
  });

  it('makes the problem an error with --strict: exit 2, nothing on stdout', async () => {
    const { exitCode, stdout, stderr } = await run(['evaluate', file, '-m', 'lewis-2015', '--strict']);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(WARNING.replace(/^warning/, 'error'));
  });

  it('places a problem of a record read from stdin in its text', async () => {
    const { stderr } = await run(['evaluate', '-', '-m', 'lewis-2015'], { stdin: TYPO });
    expect(stderr).toBe(WARNING.replace(file, '<stdin>'));
  });
});
