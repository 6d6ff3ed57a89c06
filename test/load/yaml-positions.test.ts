// The compact positions kept of a YAML document (src/load/yaml-positions.ts) against the yaml
// package's own Document, which they replace: for every path of the data, the value's start, and
// the key's for a mapping's member.
import * as yaml from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlDocument } from '../../src/load/yaml-document.js';
import { YamlPositions } from '../../src/load/yaml-positions.js';

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, i) => pathsOf(item, [...path, i]))];
  if (value !== null && typeof value === 'object') return [path, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))];
  return [path];
}

/** The oracle: the yaml package's nodes, walked by its own API; a path through an alias stops at the alias. */
function expected(doc: yaml.Document, path: Path, key: boolean): number {
  let node = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    if (yaml.isMap(node)) {
      const pair = node.items.find((item) => yaml.isScalar(item.key) && String(item.key.value) === String(path[i]))!;
      const keyOffset = (pair.key as yaml.Node).range![0];
      if (key && i === path.length - 1) return keyOffset;
      node = pair.value as yaml.Node | null;
      offset = node?.range?.[0] ?? keyOffset;
    } else if (yaml.isSeq(node)) {
      node = node.items[Number(path[i])] as yaml.Node;
      offset = node.range![0];
    } else return offset;
  }
  return offset;
}

const TEXTS = [
  'id: x\nevents:\n  - id: a\n    fields: {topics: [a, b], level: leaders}\n  - id: b\n    when:\n    note: "quoted: text"\n',
  '# a comment\nlist:\n  - - 1\n    - 2\n  -\n    - [3, [4, {five: 5}]]\n"quoted key": &anchor {a: 1}\nalias: *anchor\n',
  '1: one\n"2": two\ntrue: yes\n? explicit\n: value\nblock: |\n  text\n  more\nfolded: >-\n  a\n  b\nlast: !!str 12\n',
  '{a: [1, 2, 3], b: {c: {d: [[], {}]}}, e: null}\n',
];

describe('compact YAML positions', () => {
  it.each(TEXTS.map((text, i) => [i, text]))('agree with the yaml Document for every path of text %i', (_i, text) => {
    const doc = yaml.parseDocument(text, { uniqueKeys: false, stringKeys: true });
    expect(doc.errors).toEqual([]);
    const positions = new YamlPositions(yaml, doc);
    const paths = pathsOf(doc.toJS());
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) {
      expect([path, positions.offsetOf(path, false)]).toEqual([path, expected(doc, path, false)]);
      if (typeof path.at(-1) === 'string') expect([path, 'key', positions.offsetOf(path, true)]).toEqual([path, 'key', expected(doc, path, true)]);
    }
  });

  it('give the nearest ancestor for a path that is not there', () => {
    const text = 'a:\n  b: [1, 2]\n';
    const positions = new YamlPositions(yaml, yaml.parseDocument(text));
    expect(positions.offsetOf(['a', 'b', 5], false)).toBe(text.indexOf('['));
    expect(positions.offsetOf(['a', 'c', 'd'], false)).toBe(text.indexOf('b:'));
    expect(positions.offsetOf(['a', 'b', 0, 'deeper'], false)).toBe(text.indexOf('1'));
  });

  it('find a key among thousands, and the first of a key given twice', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `k${i}: ${i}\n`).join('');
    const doc = parseYamlDocument('many.yaml', `fields:\n${keys.replace(/^/gm, '  ')}`);
    if (Array.isArray(doc)) throw new Error(doc[0]!.message);
    expect(doc.locate(['fields', 'k4321'])).toEqual({ line: 4323, col: 10 });
    expect(doc.locate(['fields', 'k4321'], { key: true })).toEqual({ line: 4323, col: 3 });
    const twice = yaml.parseDocument('a: 1\nb: 2\na: 3\n', { uniqueKeys: false });
    expect(new YamlPositions(yaml, twice).offsetOf(['a'], false)).toBe(3);
  });
});

describe('keys given twice, found in one pass', () => {
  it('are reported as the composer reported them, at the repeated key, in a mapping of 9,000 keys', () => {
    const keys = Array.from({ length: 9_000 }, (_, i) => `  k${i}: 1\n`).join('');
    const problems = parseYamlDocument('twice.yaml', `fields:\n${keys}  k17: 2\n`);
    expect(Array.isArray(problems) && problems.map(({ code, line, col, message }) => ({ code, line, col, message }))).toEqual([
      { code: 'YAML_SYNTAX', line: 9_002, col: 3, message: 'the key `k17` is given twice in this mapping (first on line 19) [DUPLICATE_KEY]' },
    ]);
  });

  it.each([
    ['`1:` and `"1":`', '1: a\n"1": b\n', 2, 1],
    ['in a flow mapping', 'a: {b: 1, c: 2, b: 3}\n', 1, 17],
    ['in a nested mapping of a list', 'a:\n  - b: 1\n    b: 2\n', 3, 5],
    ['an empty key twice', ': 1\n: 2\n', 2, 1],
  ])('%s are one key given twice', (_name, text, line, col) => {
    const problems = parseYamlDocument('x.yaml', text);
    expect(Array.isArray(problems) && problems.map((d) => [d.code, d.line, d.col, /DUPLICATE_KEY/.test(d.message)])).toEqual([
      ['YAML_SYNTAX', line, col, true],
    ]);
  });
});

describe('compact YAML positions, at the edges', () => {
  const at = (text: string) => new YamlPositions(yaml, yaml.parseDocument(text, { uniqueKeys: false, stringKeys: true }));

  it('give 0 for anything in an empty document', () => {
    expect(at('').offsetOf([], false)).toBe(0);
    expect(at('').offsetOf(['a', 0], true)).toBe(0);
  });

  it('give a key with no value (`{a, b: 1}`, `? k`) its key place, for the value too', () => {
    expect(at('{a, b: 1}\n').offsetOf(['a'], false)).toBe(1);
    expect(at('{a, b: 1}\n').offsetOf(['a', 'deeper'], false)).toBe(1);
    expect(at('{a, b: 1}\n').offsetOf(['b'], false)).toBe(7);
    expect(at('? k\n').offsetOf(['k'], false)).toBe(2);
  });

  it('stop at the end of the path, even where a key `undefined` lies below', () => {
    const text = 'a:\n  undefined: 1\n';
    expect(at(text).offsetOf(['a'], false)).toBe(text.indexOf('undefined'));
  });

  it('look for a key only in its own mapping, not in the next one', () => {
    const text = 'a: {x: 1}\nb: {y: 2}\n';
    expect(at(text).offsetOf(['a', 'y'], false)).toBe(text.indexOf('{x'));
    expect(at(text).offsetOf(['a', 'y'], true)).toBe(text.indexOf('{x'));
  });

  it('give the list for a position that is not a whole number from 0 to its last', () => {
    const text = 'list: [1, 2]\nnext: [3]\n';
    const positions = at(text);
    expect(positions.offsetOf(['list', 1], false)).toBe(text.indexOf('2'));
    for (const index of [2, -1, 0.5, 'x']) expect([index, positions.offsetOf(['list', index], false)]).toEqual([index, text.indexOf('[1')]);
  });

  it('find the first key of a mapping of more than 16 keys, and every other', () => {
    const keys = Array.from({ length: 17 }, (_, i) => `k${i}: v${i}\n`);
    const text = keys.join('');
    const positions = at(text);
    for (let i = 0; i < 17; i++) expect([i, positions.offsetOf([`k${i}`], true)]).toEqual([i, text.indexOf(keys[i]!)]);
    expect(positions.offsetOf(['k0'], false)).toBe(text.indexOf('v0'));
    expect(positions.offsetOf(['k17'], false)).toBe(0);
  });

  it('give a node made without a place in the text its nearest placed ancestor (0 at the top)', () => {
    const doc = new yaml.Document();
    doc.contents = doc.createNode({ a: [1, { b: 2 }] });
    const positions = new YamlPositions(yaml, doc);
    expect(positions.offsetOf(['a'], true)).toBe(0);
    expect(positions.offsetOf(['a'], false)).toBe(0);
    expect(positions.offsetOf(['a', 1, 'b'], false)).toBe(0);
    expect(positions.offsetOf(['a', 0], false)).toBe(0);
  });
});
