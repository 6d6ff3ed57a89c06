// `npm test` fails when bundled content is broken: every bundled matrix, record and tests file
// validates, and every bundled matrix passes its golden tests with full level coverage.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../../ci/helpers.js';

describe('bundled content', () => {
  it('validates: summit-score validate matrices fixtures', async () => {
    const run = await cli(['validate', 'matrices', 'fixtures']);
    expect(run.stdout).toMatch(/^Checked \d+ files \(\d+ matrices, \d+ records.*\): no problems\.\n$/);
    expect(run.exitCode).toBe(0);
  });

  it('passes its golden tests with every level reached: summit-score test --bundled --min-coverage 100', async () => {
    const run = await cli(['test', '--bundled', '--min-coverage', '100']);
    expect(run.stdout, run.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
    expect(run.stdout).not.toMatch(/^ {2}no tests/m);
    expect(run.exitCode, run.stdout).toBe(0);
  });

  it.each([
    ['matrices', 'matrix'],
    ['fixtures', 'record'],
  ])('files in %s start with the modeline editors check them by', (dir, kind) => {
    const files = readdirSync(dir).filter((name) => name.endsWith('.yaml') && !name.includes('.tests.'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      // The bibliography beside the records (fixtures/sources.yaml) is checked by its own schema.
      const schema = dir === 'fixtures' && name === 'sources.yaml' ? 'bibliography' : kind;
      expect(readFileSync(`${dir}/${name}`, 'utf8').split('\n')[0], name).toBe(`# yaml-language-server: $schema=../src/schema/${schema}.schema.json`);
    }
  });
});
