// JSON written part by part (src/format/json-text.ts) must be JSON.stringify(value, null, 2), or
// JSON.stringify(value) compact, of the plain value, byte for byte: JSON.stringify itself is the oracle. And a text written in
// blocks (src/write-output.ts) must arrive whole, a surrogate pair never cut at a block's edge.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonFields, JsonItems, PLAIN, STREAMED, writeCompactJson, writeIndentedJson, type Shape } from '../../src/format/json-text.js';
import { formatJson, projectResult } from '../../src/format/json.js';
import { streamOutput, writeOutputs } from '../../src/write-output.js';
import { compileMatrix, evaluateRecord } from '../../src/engine/index.js';
import { loadMatrix } from '../../src/load/load-matrix.js';
import { loadRecord } from '../../src/load/load-record.js';
import { readInputFile } from '../../src/load/read-input.js';
import { TOOL } from '../../src/package-info.js';
import { PACKAGE_FILES } from '../../src/load/read-input.js';

const text = (value: unknown, write = writeIndentedJson) => {
  const pieces: string[] = [];
  write(value, (piece) => pieces.push(piece));
  return { whole: pieces.join(''), pieces: pieces.length };
};

/** A value built through a shape: plain data, or JsonFields and JsonItems all the way down. */
function sample(shape: Shape): unknown {
  const leaf = { s: 'quote " backslash \\ line\nfeed \u2212 \u{1F600} \uD800', n: -0, f: 1.5e-7, big: 1e21, t: true, z: null, u: undefined };
  return shape.fields({
    empty: shape.fields({}),
    onlyUndefined: shape.fields({ a: undefined }),
    none: shape.list([], (x) => x),
    flat: shape.list([1, 'two', null, false], (x) => x),
    holes: shape.list([1, 2, 3], (x) => (x === 2 ? undefined : x)),
    nested: shape.list([0, 1, 2], (i) => shape.fields({ i, leaf, deeper: shape.list([[], {}, [[{ x: [i] }]]], (x) => x) })),
    plainInside: { a: [{ b: [] }, {}], c: 'd', e: undefined },
    dated: new Date(Date.UTC(2015, 8, 25)),
    skipped: undefined,
    later: shape.later(() => shape.list(['made', 'late'], (x) => shape.fields({ x, later: shape.later(() => undefined) }))),
    laterUndefined: shape.later(() => undefined),
    last: 'end',
  });
}

describe('indented JSON written part by part', () => {
  it('is JSON.stringify(plain, null, 2) of the same value, byte for byte', () => {
    const expected = JSON.stringify(sample(PLAIN), null, 2);
    const streamed = text(sample(STREAMED));
    expect(streamed.whole).toBe(expected);
    // It did come in parts: one per field and item at least.
    expect(streamed.pieces).toBeGreaterThan(20);
  });

  it('writes scalars, empty containers and lists of lists as JSON.stringify does', () => {
    for (const value of [0, 'x', null, [], {}, [[[]]], [{}], { a: [[1, [2, [3]]]] }]) {
      expect(text(value).whole).toBe(JSON.stringify(value, null, 2));
      expect(text(new JsonItems([value, value], (x) => x)).whole).toBe(JSON.stringify([value, value], null, 2));
      expect(text(new JsonFields({ k: value })).whole).toBe(JSON.stringify({ k: value }, null, 2));
      expect(text(value, writeCompactJson).whole).toBe(JSON.stringify(value));
      expect(text(new JsonItems([value, value], (x) => x), writeCompactJson).whole).toBe(JSON.stringify([value, value]));
      expect(text(new JsonFields({ k: value }), writeCompactJson).whole).toBe(JSON.stringify({ k: value }));
    }
  });

  it('compact, is JSON.stringify(plain) of the same value, byte for byte, in parts', () => {
    const streamed = text(sample(STREAMED), writeCompactJson);
    expect(streamed.whole).toBe(JSON.stringify(sample(PLAIN)));
    expect(streamed.pieces).toBeGreaterThan(20);
  });

  it("gives evaluate -f json the plain projection's text (a compliance grid, the streamed lists' largest user)", () => {
    const matrix = loadMatrix(readInputFile('matrices/g20-compliance.yaml', PACKAGE_FILES));
    const loaded = loadRecord(readInputFile('test/compliance/recalibrated.yaml', PACKAGE_FILES));
    const result = evaluateRecord(compileMatrix(matrix.matrix), loaded.record, {});
    expect(result.grid).not.toBeNull();
    const report = {
      tool: TOOL,
      matrix: { definition: matrix.matrix, file: matrix.file, sha256: matrix.sha256 },
      asOf: null,
      results: [{ file: loaded.file, sha256: loaded.sha256, result }],
      bundledDefault: false,
    };
    const printed = formatJson(report, { color: false });
    expect(printed).toContain('"cells": [');
    expect(printed).toBe(`${JSON.stringify(JSON.parse(printed), null, 2)}\n`);
    expect(JSON.parse(printed).results[0]).toEqual(JSON.parse(JSON.stringify(projectResult(report.results[0]!))));
  });
});

describe('output written in blocks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summit-score-blocks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const BLOCK = 1 << 20;
  // A surrogate pair straddling the first block's edge, and others at and after the next one.
  const long = `${'a'.repeat(BLOCK - 1)}\u{1F600}${'b'.repeat(BLOCK - 2)}\u{1F601}\u{1F602}é\n`;

  it('writes a long text to a file and to stdout whole, every surrogate pair intact', () => {
    const file = join(dir, 'long.txt');
    const blocks: string[] = [];
    writeOutputs([{ file, text: long }, { text: long }], (block) => blocks.push(block));
    expect(readFileSync(file, 'utf8')).toBe(long);
    expect(blocks.join('')).toBe(long);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.every((block) => !/[\uD800-\uDBFF]$/.test(block))).toBe(true);
  });

  it('writes a text made piece by piece as the same text', () => {
    const file = join(dir, 'pieces.txt');
    const pieces = Array.from({ length: 3000 }, (_, i) => `${i} ${'\u{1F600}'.repeat(i % 7)} ${'x'.repeat(i)}\n`);
    const streamed = { write: (put: (piece: string) => void) => pieces.forEach((piece) => put(piece)) };
    const out: string[] = [];
    writeOutputs([{ file, text: streamed }, { text: streamed }], (block) => out.push(block));
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
    expect(out.join('')).toBe(pieces.join(''));
    expect(out.length).toBeGreaterThan(1);
  });

  it('hands stdout that takes bytes the UTF-8 of the text, in buffers it never fills again', () => {
    const pieces = Array.from({ length: 3000 }, (_, i) => `${i} ${'\u{1F600}'.repeat(i % 7)}é${'x'.repeat(i)}\n`);
    const streamed = { write: (put: (piece: string) => void) => pieces.forEach((piece) => put(piece)) };
    const handed: Uint8Array[] = [];
    const copies: Buffer[] = [];
    const stdout = Object.assign(
      () => {
        throw new Error('no text: stdout takes bytes');
      },
      {
        bytes: (bytes: Uint8Array) => {
          handed.push(bytes);
          copies.push(Buffer.from(bytes));
        },
      },
    );
    writeOutputs([{ text: streamed }, { text: long }], stdout);
    const expected = Buffer.from(pieces.join('') + long);
    expect(Buffer.concat(copies).equals(expected)).toBe(true);
    // A pipe may write a buffer after it was handed over: what was handed must not have changed since.
    expect(Buffer.concat(handed).equals(expected)).toBe(true);
    expect(handed.length).toBeGreaterThan(2);
  });

  it('streams lines to a file byte for byte: multi-byte text across the buffer edge, and a line longer than a block', () => {
    const file = join(dir, 'streamed.ndjson');
    // Lines of 3-byte characters and surrogate pairs fill the writer's buffer at odd byte offsets; one line is longer than a block.
    const lines = Array.from({ length: 400 }, (_, i) => `${i}${'\u20ac'.repeat(997 + i)}${'\u{1F600}'.repeat(i % 5)}\n`);
    lines.splice(200, 0, `${'\u{1F601}'.repeat(BLOCK / 2 + 3)}é\n`);
    const stream = streamOutput(file, () => {
      throw new Error('nothing goes to stdout');
    });
    for (const line of lines) stream.write(line);
    stream.finish();
    expect(readFileSync(file).equals(Buffer.from(lines.join('')))).toBe(true);
  });
});

describe('JSON written part by part: what JSON.stringify leaves out or writes as null', () => {
  // A field holding a function or a symbol is left out of an object, as one holding undefined; the
  // value standing for a later one is made when the text reaches it, at the top as anywhere.
  const odd = () => ({ f: () => 1, s: Symbol('s'), u: undefined, kept: 1 });

  it('leaves out fields holding a function, a symbol or undefined, indented and compact', () => {
    expect(text(new JsonFields(odd())).whole).toBe(JSON.stringify(odd(), null, 2));
    expect(text(new JsonFields(odd()), writeCompactJson).whole).toBe(JSON.stringify(odd()));
    expect(text(new JsonFields({ f: () => 1 })).whole).toBe('{}');
    expect(text(new JsonFields({ s: Symbol('s') }), writeCompactJson).whole).toBe('{}');
  });

  it('writes a later value at the top as the value it stands for, and undefined at the top as null', () => {
    expect(text(STREAMED.later(() => [1, { a: 2 }])).whole).toBe(JSON.stringify([1, { a: 2 }], null, 2));
    expect(
      text(
        STREAMED.later(() => STREAMED.later(() => 'x')),
        writeCompactJson,
      ).whole,
    ).toBe('"x"');
    expect(text(undefined).whole).toBe('null');
    expect(text(undefined, writeCompactJson).whole).toBe('null');
  });
});
