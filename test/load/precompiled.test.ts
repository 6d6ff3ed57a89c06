// The store of bundled inputs loaded at build time (src/load/precompiled.ts), read from a store
// this test writes in a temporary folder: an input is found by the SHA-256 of its bytes only,
// gets its own file name back wherever the store has the placeholder, and a stored document
// answers positions as the YAML reader does (the key's own, else the nearest stored ancestor).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_PLACEHOLDER, pathKey, precompiledDocument, precompiledInput, precompiledName } from '../../src/load/precompiled.js';
import type { InputText } from '../../src/load/read-input.js';

let folder: string;
let store: URL;

function input(text: string, file = 'matrices/x.yaml'): InputText {
  return { file, text, sha256: createHash('sha256').update(text).digest('hex'), maxBytes: 1 << 20 };
}

const stored = input('id: stored\n');
const document = input('document: yes\n');
const other = input('id: other\n');

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'precompiled-'));
  store = pathToFileURL(`${folder}/`);
  // Written by hand, in the shape scripts/build-bundled.mjs writes: the placeholder as a JSON string.
  writeFileSync(
    join(folder, `matrix-${stored.sha256}.json`),
    `{"id":"stored","source":{"file":"${FILE_PLACEHOLDER}"},"files":["${FILE_PLACEHOLDER}","kept"]}`,
  );
  writeFileSync(join(folder, `record-${other.sha256}.json`), '{"id":"a record"}');
  writeFileSync(
    join(folder, `document-${document.sha256}.json`),
    JSON.stringify({
      data: { criteria: [{ id: 'c1' }] },
      // A document after a comment line: it begins at 2:1.
      values: { '[]': [2, 1], '["criteria"]': [3, 3], '["criteria","0"]': [4, 5], '["criteria","0","id"]': [4, 9] },
      keys: { '["criteria"]': [3, 1], '["criteria","0","id"]': [4, 5] },
    }),
  );
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('precompiledName', () => {
  it('names the stored file by kind and hash', () => {
    expect(precompiledName('record', 'ab12')).toBe('record-ab12.json');
  });
});

describe('precompiledInput', () => {
  it('gives what the build stored for these bytes, with the input file name in place of the placeholder', () => {
    expect(precompiledInput('matrix', stored, store)).toEqual({ id: 'stored', source: { file: 'matrices/x.yaml' }, files: ['matrices/x.yaml', 'kept'] });
  });

  it('puts back a file name that needs escaping in JSON, as it is', () => {
    const name = 'a "quoted"\\ name.yaml';
    expect(precompiledInput<{ source: { file: string } }>('matrix', input(stored.text, name), store)?.source.file).toBe(name);
  });

  it('finds nothing for other bytes, or for the same bytes as another kind', () => {
    expect(precompiledInput('matrix', other, store)).toBeUndefined();
    expect(precompiledInput('record', stored, store)).toBeUndefined();
    expect(precompiledInput('record', other, store)).toEqual({ id: 'a record' });
  });

  it('never reads a file whose hash is not 64 lowercase hex digits', () => {
    // Each of these names a file of the store, were the hash put into the path as it is.
    writeFileSync(join(folder, 'matrix-.json'), '{"id":"empty"}');
    writeFileSync(join(folder, `matrix-${stored.sha256.toUpperCase()}.json`), '{"id":"upper"}');
    writeFileSync(join(folder, `matrix-${stored.sha256}0.json`), '{"id":"longer"}');
    for (const sha256 of ['', stored.sha256.toUpperCase(), `${stored.sha256}0`, stored.sha256.slice(1), `x${stored.sha256}`]) {
      expect(precompiledInput('matrix', { ...stored, sha256 }, store), sha256).toBeUndefined();
    }
  });

  it('finds nothing from src/, where the build has stored nothing', () => {
    expect(precompiledInput('matrix', stored)).toBeUndefined();
    expect(precompiledDocument(stored)).toBeUndefined();
  });
});

describe('pathKey', () => {
  it('names a path by its steps as strings, so an index and its digits are one step', () => {
    expect(pathKey(['criteria', 0, 'id'])).toBe('["criteria","0","id"]');
    expect(pathKey([])).toBe('[]');
  });
});

describe('precompiledDocument', () => {
  it('is undefined for bytes the build did not store', () => {
    expect(precompiledDocument(other, store)).toBeUndefined();
  });

  it('gives the data under the input file name', () => {
    const doc = precompiledDocument(input(document.text, 'elsewhere/copy.yaml'), store);
    expect(doc?.file).toBe('elsewhere/copy.yaml');
    expect(doc?.data).toEqual({ criteria: [{ id: 'c1' }] });
  });

  it("locates a value, or with key a key, at its stored position", () => {
    const doc = precompiledDocument(document, store)!;
    expect(doc.locate(['criteria', 0, 'id'])).toEqual({ line: 4, col: 9 });
    expect(doc.locate(['criteria', 0, 'id'], { key: true })).toEqual({ line: 4, col: 5 });
    expect(doc.locate(['criteria'], { key: true })).toEqual({ line: 3, col: 1 });
    expect(doc.locate(['criteria'])).toEqual({ line: 3, col: 3 });
  });

  it('locates a key it has no position for at its value', () => {
    const doc = precompiledDocument(document, store)!;
    expect(doc.locate(['criteria', 0], { key: true })).toEqual({ line: 4, col: 5 });
  });

  it('locates a path that is not there at its nearest stored ancestor, down to the document', () => {
    const doc = precompiledDocument(document, store)!;
    expect(doc.locate(['criteria', 0, 'name'])).toEqual({ line: 4, col: 5 });
    expect(doc.locate(['criteria', 4, 'id'])).toEqual({ line: 3, col: 3 });
    expect(doc.locate(['events', 0], { key: true })).toEqual({ line: 2, col: 1 });
  });

  it('locates at 1:1 when not even the document has a position', () => {
    const bare = input('bare: yes\n');
    writeFileSync(join(folder, `document-${bare.sha256}.json`), JSON.stringify({ data: {}, values: {}, keys: {} }));
    expect(precompiledDocument(bare, store)!.locate(['a', 'b'])).toEqual({ line: 1, col: 1 });
  });
});
