// Limits that must hold whatever the environment says, inputs that are not files, and dates
// before the year 100: each case here failed before its fix.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayNumber, formatDay } from '../../../src/engine/dates.js';
import { run } from '../../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const posix = process.platform !== 'win32';

describe('SUMMIT_SCORE_MAX_INPUT_MB', () => {
  it.each(['Infinity', '-Infinity', '-1', '0', 'NaN', 'lots', '1e400'])('%s is refused with USAGE, before any input is read', async (value) => {
    const result = await run(['evaluate'], { env: { SUMMIT_SCORE_MAX_INPUT_MB: value } });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error USAGE SUMMIT_SCORE_MAX_INPUT_MB=.* is not a positive number of MiB/);
  });

  it('a positive number or nothing is accepted', async () => {
    expect((await run(['evaluate'], { env: { SUMMIT_SCORE_MAX_INPUT_MB: '0.5' } })).exitCode).toBe(0);
    expect((await run(['evaluate'], { env: { SUMMIT_SCORE_MAX_INPUT_MB: '' } })).exitCode).toBe(0);
  });
});

describe('inputs that are not files', () => {
  it.skipIf(!posix || !existsSync('/dev/zero'))('/dev/zero as NDJSON: one endless line ends the reading, with FILE_TOO_LARGE', async () => {
    const result = await run(['evaluate', '/dev/zero', '--input-format', 'ndjson', '-m', 'lewis-2015', '-f', 'ndjson'], {
      env: { SUMMIT_SCORE_MAX_INPUT_MB: '1' },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error FILE_TOO_LARGE /dev/zero:1:1 line 1 has no end within 8 MiB: the rest of the input is not read');
  });

  it.skipIf(!posix)('stdin that is a directory is FILE_UNREADABLE, as YAML and as NDJSON', () => {
    for (const format of ['yaml', 'ndjson']) {
      const child = spawnSync('/bin/sh', ['-c', `"${process.execPath}" bin/summit-score.js evaluate - -m lewis-2015 --input-format ${format} < "${dir}"`], {
        encoding: 'utf8',
      });
      expect(child.status, format).toBe(2);
      expect(child.stderr, format).toBe('error FILE_UNREADABLE <stdin>:1:1 is a directory, not a file\n');
    }
  });

  it.skipIf(!posix)('stderr on a closed pipe keeps exit code 2', async () => {
    const child = spawn(process.execPath, ['bin/summit-score.js', 'evaluate', join(dir, 'missing.yaml'), '-m', 'lewis-2015'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
  });
});

describe('years 0000-0099 are themselves', () => {
  // 719468 days from 0000-03-01 to 1970-01-01 (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
  it('0000-03-01 is day -719468, and 0000-02-29 the day before it (ISO 8601 year 0 is a leap year)', () => {
    expect(dayNumber('0000-03-01')).toBe(-719468);
    expect(dayNumber('0000-02-29')).toBe(-719469);
    expect(dayNumber('0100-02-29')).toBeUndefined(); // 100 is not a leap year
    expect(dayNumber('0004-02-29')).toBeDefined();
  });

  it('sort in calendar order across 0099/0100 and 0000/0001, and print back as they were', () => {
    expect(dayNumber('0100-01-01')! - dayNumber('0099-12-31')!).toBe(1);
    expect(dayNumber('0001-01-01')! - dayNumber('0000-12-31')!).toBe(1);
    expect(dayNumber('0099-12')).toBe(dayNumber('0099-12-31'));
    for (const text of ['0000-01-01', '0000-02-29', '0042-07-15', '0099-12-31', '1900-01-01']) expect(formatDay(dayNumber(text)!)).toBe(text);
  });
});
