// DiagnosticSink and checkDocument (src/load/load-document.ts), called directly on documents
// whose locate() records what it is asked, so each diagnostic's place is known by hand.
import { describe, expect, it } from 'vitest';
import { checkDocument, DiagnosticSink } from '../../src/load/load-document.js';
import type { DataPath, ParsedDocument } from '../../src/load/yaml-document.js';

/** A document of `data` whose locate gives line = path length + 1, col 2 for a key and 3 for a value. */
function doc(data: unknown, asked: { path: DataPath; key: boolean | undefined }[] = []): ParsedDocument {
  return {
    file: 'f.yaml',
    data,
    locate: (path, options) => {
      asked.push({ path, key: options?.key });
      return { line: path.length + 1, col: options?.key ? 2 : 3 };
    },
  };
}

describe('DiagnosticSink', () => {
  it('records an error at its value, with its path in words and no hint when none is given', () => {
    const asked: { path: DataPath; key: boolean | undefined }[] = [];
    const sink = new DiagnosticSink(doc({}, asked));
    sink.error('UNKNOWN_KEY', ['criteria', 0], 'no such key');
    expect(sink.diagnostics).toEqual([{ severity: 'error', code: 'UNKNOWN_KEY', file: 'f.yaml', line: 3, col: 3, path: 'criteria[0]', message: 'no such key' }]);
    expect(Object.keys(sink.diagnostics[0]!)).not.toContain('hint');
    expect(asked).toEqual([{ path: ['criteria', 0], key: false }]);
  });

  it('records a warning, at the key when asked, with its hint', () => {
    const asked: { path: DataPath; key: boolean | undefined }[] = [];
    const sink = new DiagnosticSink(doc({}, asked));
    sink.warning('UNKNOWN_KEY', ['a'], 'odd key', 'did you mean b?', true);
    expect(sink.diagnostics).toEqual([
      { severity: 'warning', code: 'UNKNOWN_KEY', file: 'f.yaml', line: 2, col: 2, path: 'a', message: 'odd key', hint: 'did you mean b?' },
    ]);
    expect(asked).toEqual([{ path: ['a'], key: true }]);
  });

  it('places a warning at the value by default', () => {
    const sink = new DiagnosticSink(doc({}));
    sink.warning('UNKNOWN_KEY', [], 'whole');
    expect(sink.diagnostics).toEqual([{ severity: 'warning', code: 'UNKNOWN_KEY', file: 'f.yaml', line: 1, col: 3, path: '(document)', message: 'whole' }]);
  });
});

describe('checkDocument', () => {
  const notAMapping = (what: string, kind = 'matrix') => [
    { severity: 'error', code: 'NOT_A_MAPPING', file: 'f.yaml', line: 1, col: 3, message: `a ${kind} must be a mapping of keys to values, not ${what}` },
  ];

  it('refuses a list, an empty document and a scalar, at the document, naming what it is', () => {
    expect(checkDocument(doc(['a', 'b']), 'matrix')).toEqual(notAMapping('a list'));
    expect(checkDocument(doc(null), 'matrix')).toEqual(notAMapping('empty'));
    expect(checkDocument(doc('just text'), 'record')).toEqual(notAMapping('a string', 'record'));
    expect(checkDocument(doc(7), 'bibliography')).toEqual(notAMapping('a number', 'bibliography'));
  });

  it('calls a tests file by that name', () => {
    expect(checkDocument(doc([]), 'tests')).toEqual(notAMapping('a list', 'tests file'));
  });

  it('checks a mapping against the schema instead', () => {
    const found = checkDocument(doc({}), 'matrix');
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((d) => d.code)).not.toContain('NOT_A_MAPPING');
  });
});
