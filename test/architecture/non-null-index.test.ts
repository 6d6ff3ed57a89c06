// `items[i]!` asserts that an item is there without checking it. ESLint forbids it outside the
// folders below (eslint.config.js); in them, this keeps the count from growing while they are
// rewritten with for-of, entries() or itemAt() (src/checked-index.ts). Lower a ceiling when you
// remove some; never raise one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

const CEILINGS: Readonly<Record<string, number>> = { engine: 183, format: 3, load: 12 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The `]!` of each folder of src/ (a file directly in src/ counts under its own name). */
function counts(): Map<string, number> {
  const found = new Map<string, number>();
  for (const file of sourceFiles(SRC)) {
    const area = relative(SRC, file).split('/')[0] ?? '';
    const n = readFileSync(file, 'utf8').match(/\]!/g)?.length ?? 0;
    if (n > 0) found.set(area, (found.get(area) ?? 0) + n);
  }
  return found;
}

describe('non-null assertions on an index (`items[i]!`)', () => {
  it('finds what it counts (the check would pass vacuously on none)', () => {
    expect(counts().get('engine')).toBeGreaterThan(0);
  });

  it('stay only in the folders that still hold some, and no more of them there', () => {
    const over = [...counts()].filter(([area, n]) => n > (CEILINGS[area] ?? 0)).map(([area, n]) => `${area}: ${n} (at most ${CEILINGS[area] ?? 0})`);
    expect(over).toEqual([]);
  });
});
