// A disk that fills up while -o files are staged: the run is OUTPUT_FAILED for the file being
// written, and no temporary file stays (the old writer created it, failed, and forgot it).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as NodeFs from 'node:fs';

const full = { on: false };
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const fail = () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  return {
    ...fs,
    writeSync: (...args: Parameters<typeof fs.writeSync>) => (full.on ? fail() : fs.writeSync(...args)),
    writeFileSync: (...args: Parameters<typeof fs.writeFileSync>) =>
      full.on && typeof args[0] === 'string' && args[0].endsWith('.tmp') ? (fs.writeFileSync(args[0], ''), fail()) : fs.writeFileSync(...args),
  };
});

const { writeOutputs } = await import('../../src/write-output.js');
const { InputError } = await import('../../src/diagnostics.js');

const dir = mkdtempSync(join(tmpdir(), 'summit-disk-full-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a full disk', () => {
  it('is OUTPUT_FAILED for the file being written; no temporary file stays, no file is replaced', () => {
    writeFileSync(join(dir, 'a.json'), 'previous a\n');
    full.on = true;
    let error: unknown;
    try {
      writeOutputs(
        [
          { file: join(dir, 'a.json'), text: 'x'.repeat(1 << 20) },
          { file: join(dir, 'b.csv'), text: 'y' },
        ],
        () => undefined,
      );
    } catch (caught) {
      error = caught;
    } finally {
      full.on = false;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InstanceType<typeof InputError>).diagnostics).toEqual([
      { severity: 'error', code: 'OUTPUT_FAILED', file: join(dir, 'a.json'), line: 1, col: 1, message: 'cannot write the output: the disk is full (ENOSPC)' },
    ]);
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('previous a\n');
  });
});
