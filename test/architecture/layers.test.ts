// The import graph of src/ as the architecture says it must be (ARCHITECTURE.md): no circle, and
// every arrow points down the layers. The purity test (test/engine/purity.test.ts) keeps the
// engine free of I/O; this one keeps the rest of the house in order.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Lower layers never import higher ones; a layer may import any layer below it. */
export const LAYERS: Readonly<Record<string, number>> = {
  'checked-index': -1,
  engine: 0,
  provenance: 0,
  suggest: 0,
  'package-info': 0,
  vocabulary: 0,
  'input-files': 0,
  'terminal-text': 0,
  'exit-codes': 0,
  diagnostics: 1,
  schema: 1.5,
  'input-limit': 1.5,
  io: 2,
  'write-output': 2.5,
  load: 3,
  format: 3,
  'ci-format': 4,
  commands: 5,
  cli: 6,
  index: 6,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The area of a file: its folder under src/, or its own name for a file directly in src/. */
function area(file: string): string {
  const parts = relative(SRC, file).split('/');
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
}

/** Every relative import, static, dynamic or type-only, as a pair of files. */
function imports(): [string, string][] {
  const pairs: [string, string][] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)) {
      const target = resolve(dirname(file), (match[1] ?? match[2])!).replace(/\.js$/, '.ts');
      pairs.push([file, target]);
    }
  }
  return pairs;
}

/** Tarjan's strongly connected components with more than one file: the import circles. */
function circles(pairs: readonly [string, string][]): string[][] {
  const graph = new Map<string, string[]>();
  for (const [from, to] of pairs) graph.set(from, [...(graph.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(relative(SRC, member));
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the import graph of src/', () => {
  const pairs = imports();

  it('reads the imports it judges (the check would pass vacuously on none)', () => {
    expect(pairs.length).toBeGreaterThan(200);
    expect(pairs.some(([from, to]) => area(from) === 'commands' && area(to) === 'engine')).toBe(true);
  });

  it('finds a circle when there is one (the check is not vacuous)', () => {
    const file = (name: string): string => join(SRC, 'x', name);
    const pairs: [string, string][] = [
      [file('a.ts'), file('b.ts')],
      [file('b.ts'), file('c.ts')],
      [file('c.ts'), file('a.ts')],
      [file('c.ts'), file('d.ts')],
    ];
    expect(circles(pairs)).toEqual([['x/a.ts', 'x/b.ts', 'x/c.ts']]);
    expect(circles(pairs.slice(1))).toEqual([]);
  });

  it('has no circle', () => {
    expect(circles(pairs)).toEqual([]);
  });

  it('places every file in a layer', () => {
    const unplaced = [...new Set(sourceFiles(SRC).map(area))].filter((name) => !(name in LAYERS));
    expect(unplaced).toEqual([]);
  });

  it('has no arrow up, and load and format never import each other', () => {
    const wrong = pairs
      .filter(([from, to]) => {
        const [a, b] = [area(from), area(to)];
        if (a === b) return false;
        return LAYERS[b]! >= LAYERS[a]!;
      })
      .map(([from, to]) => `${relative(SRC, from)} -> ${relative(SRC, to)}`);
    expect([...new Set(wrong)].sort()).toEqual([]);
  });
});
