// JSON read with JSON.parse (src/load/json-document.ts) must be the YAML reader's reading of the
// same text: the same data, every position the same, the same diagnostics for every problem.
// The oracle is the YAML reader itself (src/load/yaml-document.ts), run on the same JSON text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseJsonDocument, readJson } from '../../../src/load/json-document.js';
import { parseYamlDocument, type DataPath, type ParsedDocument } from '../../../src/load/yaml-document.js';

const BUNDLED = [
  ...['us-china-2015-09', 'us-china-2013-06', 'us-russia-2021-06'].map((id) => `fixtures/${id}.yaml`),
  ...['lewis-2015', 'g20-compliance'].map((id) => `matrices/${id}.yaml`),
];

/** The same data written four ways: compact, indented, with tabs and CRLF, with a BOM. */
function spellings(data: unknown): Record<string, string> {
  return {
    compact: JSON.stringify(data),
    indented: JSON.stringify(data, null, 2),
    'tabs and CRLF': JSON.stringify(data, null, '\t').replaceAll('\n', '\r\n'),
    'byte order mark': `\uFEFF${JSON.stringify(data, null, 1)}\n`,
  };
}

/** Every path in the data, and one missing path below each container. */
function* pathsOf(value: unknown, path: (string | number)[] = []): Generator<DataPath> {
  yield path;
  if (value === null || typeof value !== 'object') return;
  yield [...path, Array.isArray(value) ? 999 : 'no-such-key'];
  for (const [key, child] of Object.entries(value)) yield* pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]);
}

const asDocument = (parsed: ParsedDocument | unknown[]): ParsedDocument => {
  if (Array.isArray(parsed)) throw new Error(`expected a document, got ${JSON.stringify(parsed)}`);
  return parsed;
};

describe('JSON read at JSON.parse speed', () => {
  for (const file of BUNDLED) {
    const data = parse(readFileSync(file, 'utf8'));
    for (const [spelling, text] of Object.entries(spellings(data))) {
      it(`${file}, ${spelling}: the data and every position are the YAML reader's`, () => {
        const fast = asDocument(parseJsonDocument('x.json', text));
        const careful = asDocument(parseYamlDocument('x.json', text));
        expect(fast.data).toEqual(careful.data);
        let compared = 0;
        for (const path of pathsOf(careful.data)) {
          expect([path, fast.locate(path)]).toEqual([path, careful.locate(path)]);
          if (typeof path.at(-1) === 'string') expect([path, fast.locate(path, { key: true })]).toEqual([path, careful.locate(path, { key: true })]);
          compared++;
        }
        expect(compared).toBeGreaterThan(50);
        const events = (careful.data as { events?: unknown[] }).events ?? [];
        events.forEach((_, i) => {
          const location = fast.sourceLocation!(['events'], i);
          expect({ file: location.file, line: location.line, col: location.col }).toEqual({ file: 'x.json', ...careful.locate(['events', i]) });
        });
      });
    }
  }

  it("gives each event's line as the YAML reader does, asked in any order, with several events to a line and lists inside them", () => {
    const text = [
      '{"id": "r", "events": [',
      '  {"id": "a", "sources": [{"url": "x"}]}, {"id": "b"},',
      '',
      '  {"id": "c", "fields": {"n": [1,',
      '    2]}}, {"id": "d\\n[{"}',
      '  ,',
      '  {"id": "e"}], "more": [[1], [2,',
      '3]]}',
    ].join('\n');
    const fast = asDocument(parseJsonDocument('x.json', text));
    const careful = asDocument(parseYamlDocument('x.json', text));
    const lineOf = (list: DataPath, i: number) => fast.sourceLocation!(list, i).line;
    for (const [list, count] of [
      [['events'], 5],
      [['more'], 2],
      [['more', 1], 2],
    ] as const)
      for (let i = count - 1; i >= 0; i--) expect([list, i, lineOf(list, i)]).toEqual([list, i, careful.locate([...list, i]).line]);
    expect(new Set([0, 1, 2, 3, 4].map((i) => lineOf(['events'], i)))).toEqual(new Set([2, 4, 5, 7]));
    // Past the end of a list, or a list that is not there: the nearest place there is, as locate gives it.
    for (const [list, i] of [
      [['events'], 9],
      [['missing'], 0],
      [['events', 0, 'sources'], 3],
      [['id'], 0],
      [['events', 7, 'x'], 0],
    ] as const)
      expect([list, i, lineOf(list, i)]).toEqual([list, i, careful.locate([...list, i]).line]);
  });

  it('finds positions past strings holding quotes, backslashes, brackets and non-ASCII text', () => {
    const text = JSON.stringify({ a: ['x\\"]}', { 'k\\"ey': '\\\\', b: 'é😀[' }], c: { d: [1, -2.5e3, true, null, '{"'] } }, null, 2);
    const fast = asDocument(parseJsonDocument('x.json', text));
    const careful = asDocument(parseYamlDocument('x.json', text));
    for (const path of pathsOf(careful.data)) expect([path, fast.locate(path)]).toEqual([path, careful.locate(path)]);
  });

  it.each([
    ['a key given twice', '{\n  "id": "a",\n  "id": "b"\n}'],
    ['a forbidden key', '{\n  "events": [ { "__proto__": 1 } ]\n}'],
    ['a number beyond floating point', '{\n  "weight": 1e400\n}'],
    ['nesting deeper than 128', `{"a": ${'['.repeat(130)}${']'.repeat(130)}}`],
    ['a syntax error', '{\n  "id": "a",\n  "title" "b"\n}'],
    ['an unclosed list', '{\n  "parties": ["US", "CN"\n}'],
    ['two documents', '{"id": "a"}\n{"id": "b"}'],
  ])('reports %s exactly as the YAML reader does', (_, text) => {
    const expected = parseYamlDocument('bad.json', text);
    expect(Array.isArray(expected)).toBe(true);
    expect(parseJsonDocument('bad.json', text)).toEqual(expected);
  });

  // Above CAREFUL_LIMIT the problems of valid JSON are found without the YAML reader (whose
  // memory would be many times the input): a limit of 0 takes that path on small texts, where
  // the YAML reader is the oracle.
  it.each([
    ['a key given twice', '{\n  "id": "a",\n  "b": { "c": 1, "d": {}, "c": 2 },\n  "id": "b"\n}'],
    ['a key given twice, written with an escape', '{"id": "a", "\\u0069d": "b"}'],
    ['forbidden keys', '{\n  "events": [ { "__proto__": 1 }, { "x": { "constructor": [1, 2] } } ],\n  "prototype": null\n}'],
    ['numbers beyond floating point', '{\n  "weight": 1e400,\n  "list": [1, -2E+999, 3]\n}'],
    ['forbidden keys and a number beyond floating point', '{"b": {"__proto__": 2, "d": 1e999}, "a": 1}'],
    ['nesting deeper than 128', `{"a": 1, "b": ${'['.repeat(130)}${']'.repeat(130)}, "c": ${'{"x": '.repeat(140)}1${'}'.repeat(140)}}`],
  ])('reports %s exactly as the YAML reader does, without it above the size limit', (_, text) => {
    const expected = parseYamlDocument('big.json', text);
    expect(Array.isArray(expected)).toBe(true);
    const read = readJson('big.json', text, 1, 0);
    if (read.syntax) throw read.syntax;
    expect(read.result).toEqual(expected);
  });

  it('reads a colon written as an escape as valid, above the size limit too', () => {
    const text = '{"id": "a\\u003ab", "n": 1}';
    const read = readJson('big.json', text, 1, 0);
    if (read.syntax) throw read.syntax;
    expect((read.result as ParsedDocument).data).toEqual({ id: 'a:b', n: 1 });
  });

  it("reports a syntax error in a file above the size limit at JSON.parse's position", () => {
    const text = `{"events": [${'{"id": "e"}, '.repeat(100_000)}{"id": "e" "x"}]}`;
    const problems = parseJsonDocument('big.json', text);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'YAML_SYNTAX', line: 1, col: text.indexOf('"x"') + 1, message: expect.stringMatching(/^not JSON: /) }),
    ]);
  });

  it("reads YAML's flow style and a trailing comma in a .json file as the YAML reader does", () => {
    const fast = asDocument(parseJsonDocument('x.json', '{id: a, parties: [US, CN]}'));
    expect(fast.data).toEqual({ id: 'a', parties: ['US', 'CN'] });
    expect(fast.locate(['parties', 1])).toEqual({ line: 1, col: 23 });
    expect(asDocument(parseJsonDocument('x.json', '{\n  "id": "a",\n}')).data).toEqual({ id: 'a' });
  });

  it('gives an NDJSON line its own line number', () => {
    const fast = asDocument(parseJsonDocument('x.ndjson', '{"events": [{"id": "e1"}, {"id": "e2"}]}', 7));
    expect(fast.locate(['events', 1, 'id'])).toEqual({ line: 7, col: 34 });
    expect(parseJsonDocument('x.ndjson', '{"a": 1, "a": 2}', 7)).toEqual([expect.objectContaining({ code: 'YAML_SYNTAX', line: 7 })]);
  });
});
