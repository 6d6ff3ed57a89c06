// formatPath and pointerToPath (src/load/data-path.ts): how a place in a document is named in
// messages, and a JSON Pointer (RFC 6901, as ajv gives instance paths) read as a data path.
import { describe, expect, it } from 'vitest';
import { formatPath, pointerToPath } from '../../src/load/data-path.js';

describe('formatPath', () => {
  it('joins keys with dots and puts list positions in brackets', () => {
    expect(formatPath(['criteria', 0, 'levels', 1, 'when'])).toBe('criteria[0].levels[1].when');
    expect(formatPath([2, 'a'])).toBe('[2].a');
  });

  it('names the empty path as the document', () => {
    expect(formatPath([])).toBe('(document)');
  });
});

describe('pointerToPath', () => {
  it('gives the empty pointer as the empty path', () => {
    expect(pointerToPath('', { a: 1 })).toEqual([]);
  });

  it('reads a segment as a number where the data there is a list, else as a key', () => {
    const data = { criteria: [{ levels: [{ when: 1 }] }], '0': { '1': true } };
    expect(pointerToPath('/criteria/0/levels/0/when', data)).toEqual(['criteria', 0, 'levels', 0, 'when']);
    expect(pointerToPath('/0/1', data)).toEqual(['0', '1']);
  });

  it('unescapes ~1 as / and ~0 as ~, in that order', () => {
    const data = { 'a/b': { '~c': [5] }, '~1': 1 };
    expect(pointerToPath('/a~1b/~0c/0', data)).toEqual(['a/b', '~c', 0]);
    expect(pointerToPath('/~01', data)).toEqual(['~1']);
  });

  it('goes on past a null or a missing value, reading what follows as keys', () => {
    expect(pointerToPath('/a/0/b', { a: null })).toEqual(['a', '0', 'b']);
    expect(pointerToPath('/x/y/0', {})).toEqual(['x', 'y', '0']);
  });
});
