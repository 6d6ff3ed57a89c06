import { describe, expect, it, vi } from 'vitest';
import type * as NodeFs from 'node:fs';
import { PACKAGE_FILES } from '../../../src/load/read-input.js';

// CI runs as root, which reads any file: the permission error is simulated at the fs boundary.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const denied = (path: unknown) => String(path).endsWith('locked.yaml');
  const eacces = () => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  return {
    ...fs,
    statSync: ((path: string, ...rest: []) =>
      denied(path) ? { size: 10, isFile: () => true, isDirectory: () => false } : fs.statSync(path, ...rest)) as typeof fs.statSync,
    readFileSync: ((path: string, ...rest: []) => {
      if (denied(path)) throw eacces();
      return fs.readFileSync(path, ...rest);
    }) as typeof fs.readFileSync,
  };
});

describe('a file without read permission', () => {
  it('is reported as unreadable, with code and place', async () => {
    const { readInputFile } = await import('../../../src/load/read-input.js');
    expect(() => readInputFile('locked.yaml', PACKAGE_FILES)).toThrow(/error FILE_UNREADABLE locked\.yaml:1:1 cannot be read: permission denied/);
  });
});
