// The bibliography loaders (src/load/load-bibliography.ts and record-bibliography.ts), called
// directly: what the schema cannot say about an entry, a citation by key, the keys a document
// cites, --bibliography beside the bundled file, and a record's own bibliography file. Each place
// is found in the text (line and column from 1); each message is the rule, written out.
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';
import {
  bundledBibliography,
  checkBibliography,
  citableBibliography,
  citedKeys,
  loadBibliography,
  resolveCitation,
  withBibliography,
  type Bibliography,
} from '../../src/load/load-bibliography.js';
import { DiagnosticSink } from '../../src/load/load-document.js';
import { PACKAGE_FILES } from '../../src/load/read-input.js';
import { recordBibliography } from '../../src/load/record-bibliography.js';
import { parseYamlDocument, type ParsedDocument } from '../../src/load/yaml-document.js';

const doc = (text: string, file = 'b.yaml') => parseYamlDocument(file, text) as ParsedDocument;

/** Line and column of `fragment` on the first line holding `line`. */
function place(text: string, line: string, fragment = line): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(line));
  expect(index).toBeGreaterThanOrEqual(0);
  return { line: index + 1, col: lines[index]!.indexOf(fragment) + 1 };
}

const BIB = `sources:
  - key: a
    type: report
    title: A
    publisher: P
    date: "2015"
    url: https://example.org/a
    supports: S
  - key: b
    type: webpage
    verified: false
    authors: [{family: F, given: G}, {literal: Org}]
    date: 2015-09
    accessed: 2016-01-02
    supports: S
`;

describe('checkBibliography', () => {
  it('reads each entry, verified unless it says not, in order and by key', () => {
    const { value, diagnostics } = checkBibliography(doc(BIB));
    expect(diagnostics).toEqual([]);
    expect(value?.file).toBe('b.yaml');
    expect(value?.sources).toEqual([
      { key: 'a', type: 'report', title: 'A', publisher: 'P', date: '2015', url: 'https://example.org/a', supports: 'S', verified: true },
      {
        key: 'b',
        type: 'webpage',
        verified: false,
        authors: [{ family: 'F', given: 'G' }, { literal: 'Org' }],
        date: '2015-09',
        accessed: '2016-01-02',
        supports: 'S',
      },
    ]);
    expect([...(value?.byKey.keys() ?? [])]).toEqual(['a', 'b']);
    expect(value?.byKey.get('b')).toBe(value?.sources[1]);
  });

  it('reports a key given twice, at the second, keeping the first', () => {
    const text = `${BIB}  - key: a\n    type: report\n    supports: again\n`;
    const { value, diagnostics } = checkBibliography(doc(text));
    expect(value).toBeUndefined();
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'DUPLICATE_ID', file: 'b.yaml', line: 16, col: 10, path: 'sources[2].key', message: 'source key `a` appears twice' },
    ]);
  });

  it('reports a date or access date that is not in the calendar; a year alone is a date', () => {
    const text = BIB.replace('date: 2015-09\n', 'date: 2015-02-29\n').replace('accessed: 2016-01-02', 'accessed: 2016-02-30');
    expect(checkBibliography(doc(text)).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'BAD_DATE',
        file: 'b.yaml',
        ...place(text, '2015-02-29'),
        path: 'sources[1].date',
        message: '2015-02-29 is not a calendar date',
      },
      {
        severity: 'error',
        code: 'BAD_DATE',
        file: 'b.yaml',
        ...place(text, '2016-02-30'),
        path: 'sources[1].accessed',
        message: '2016-02-30 is not a calendar date',
      },
    ]);
  });

  it('reports a name that is neither a person nor an organisation, or both', () => {
    const text = BIB.replace('[{family: F, given: G}, {literal: Org}]', '[{given: G}, {literal: Org, family: F}, {literal: O2, given: G}]');
    const authors = place(text, 'authors:', '{given');
    expect(checkBibliography(doc(text)).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'MISSING_KEY',
        file: 'b.yaml',
        ...authors,
        path: 'sources[1].authors[0]',
        message: 'a name needs `family` (a person) or `literal` (an organisation)',
      },
      {
        severity: 'error',
        code: 'NOT_ALLOWED',
        file: 'b.yaml',
        ...place(text, 'authors:', 'Org'),
        path: 'sources[1].authors[1].literal',
        message: 'a name is either `literal` or `family` and `given`, not both',
      },
      {
        severity: 'error',
        code: 'NOT_ALLOWED',
        file: 'b.yaml',
        ...place(text, 'authors:', 'O2'),
        path: 'sources[1].authors[2].literal',
        message: 'a name is either `literal` or `family` and `given`, not both',
      },
    ]);
  });

  it('gives the schema problems alone, and loadBibliography throws them', () => {
    const text = 'sources:\n  - key: a\n    type: book\n    supports: S\n';
    const { value, diagnostics } = checkBibliography(doc(text));
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['NOT_ALLOWED', 'sources[0].type']]);
    expect(() => loadBibliography({ file: 'b.yaml', text, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES })).toThrow(InputError);
    expect(loadBibliography({ file: 'b.yaml', text: BIB, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES }).sources).toHaveLength(2);
  });
});

describe('resolveCitation', () => {
  const bib = () => checkBibliography(doc(BIB)).value!;
  const cite = (cited: Parameters<typeof resolveCitation>[0], bibliography: Bibliography = bib()) => {
    const text = 'sources:\n  - {key: x, url: u, title: t, publisher: p, date: d}\n';
    const sink = new DiagnosticSink(doc(text, 'r.yaml'));
    return { citation: resolveCitation(cited, ['sources', 0], sink, bibliography), diagnostics: sink.diagnostics, text };
  };

  it('takes url, title, publisher and date from the entry, the quote and note its own', () => {
    expect(cite({ key: 'a', quote: 'Q', note: 'N' })).toMatchObject({
      citation: { url: 'https://example.org/a', title: 'A', publisher: 'P', date: '2015', quote: 'Q', verified: true, note: 'N' },
      diagnostics: [],
    });
    expect(cite({ key: 'a' }).citation).toEqual({ url: 'https://example.org/a', title: 'A', publisher: 'P', date: '2015', verified: true });
    // Unverified when the entry or the citation says so.
    expect(cite({ key: 'b' }).citation).toEqual({ date: '2015-09', verified: false });
    // What neither gives is no key at all (toEqual would pass one that is undefined).
    expect(Object.keys(cite({ key: 'b' }).citation ?? {})).toEqual(['date', 'verified']);
    expect(cite({ key: 'a', verified: false }).citation?.verified).toBe(false);
    expect(cite({ key: 'a', verified: true }).citation?.verified).toBe(true);
  });

  it('reports an unknown key at its key, with the key meant or the fix', () => {
    const { citation, diagnostics, text } = cite({ key: 'aa' });
    expect(citation).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'UNKNOWN_SOURCE',
        file: 'r.yaml',
        ...place(text, '{key', 'x'),
        path: 'sources[0].key',
        message: 'no source `aa` in the bibliography (b.yaml)',
        hint: 'did you mean `a`?',
      },
    ]);
    expect(cite({ key: 'zzzzzz' }).diagnostics[0]?.hint).toBe('add it to the bibliography, or cite by url');
  });

  it('reports each field a keyed citation may not give, at its key', () => {
    const { citation, diagnostics, text } = cite({ key: 'a', url: 'u', title: 't', publisher: 'p', date: 'd' });
    expect(citation).toBeUndefined();
    expect(diagnostics).toEqual(
      (['url', 'title', 'publisher', 'date'] as const).map((field) => ({
        severity: 'error',
        code: 'NOT_ALLOWED',
        file: 'r.yaml',
        ...place(text, '{key', field),
        path: `sources[0].${field}`,
        message: `a source cited by key takes its ${field} from the bibliography`,
        hint: `remove \`${field}\`, or cite by url without \`key\``,
      })),
    );
    expect(cite({ key: 'a', date: 'd' }).diagnostics.map((d) => d.path)).toEqual(['sources[0].date']);
  });
});

describe('citedKeys', () => {
  it("lists the document's own keys, then its events', once each, in order", () => {
    const data = {
      sources: [{ key: 'm' }, { url: 'u' }, null, 'k', { key: 5 }, { key: 'n' }],
      events: [{ sources: [{ key: 'e' }, { key: 'm' }] }, null, 7, { sources: 'x' }, { sources: [{ key: 'f' }] }, {}],
    };
    expect(citedKeys(data)).toEqual(['m', 'n', 'e', 'f']);
    expect(citedKeys({ events: [{ sources: [{ key: 'e' }] }] })).toEqual(['e']);
    expect(citedKeys({ events: { sources: [{ key: 'e' }] }, sources: { key: 's' } })).toEqual([]);
    expect(citedKeys(null)).toEqual([]);
    expect(citedKeys('sources')).toEqual([]);
  });
});

describe('withBibliography', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'bib-'));

  it("runs with the file's entries before the bundled ones, and only during the run", () => {
    const dir = folder();
    writeFileSync(join(dir, 'own.yaml'), 'sources:\n  - key: zz-own\n    type: report\n    supports: S\n');
    const bundled = bundledBibliography();
    const seen = withBibliography(join(dir, 'own.yaml'), PACKAGE_FILES, () => citableBibliography());
    expect(seen.file).toBe(join(dir, 'own.yaml'));
    expect(seen.sources[0]?.key).toBe('zz-own');
    expect(seen.sources.slice(1)).toEqual(bundled.sources);
    expect(seen.byKey.get('zz-own')?.supports).toBe('S');
    expect(seen.byKey.get(bundled.sources[0]!.key)).toBe(bundled.sources[0]);
    expect(citableBibliography()).toBe(bundled);
    expect(withBibliography(undefined, PACKAGE_FILES, () => 'ran')).toBe('ran');
  });

  it('refuses a key the bundled bibliography has, at its place', () => {
    const dir = folder();
    const key = bundledBibliography().sources[0]!.key;
    const text = `sources:\n  - key: fine\n    type: report\n    supports: S\n  - key: ${key}\n    type: report\n    supports: S\n`;
    writeFileSync(join(dir, 'own.yaml'), text);
    let thrown: unknown;
    try {
      withBibliography(join(dir, 'own.yaml'), PACKAGE_FILES, () => 'ran');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'DUPLICATE_ID',
        file: join(dir, 'own.yaml'),
        line: 5,
        col: 10,
        path: 'sources[1].key',
        message: `source key \`${key}\` is a key of the bundled bibliography already`,
        hint: 'cite the bundled entry, or give yours another key',
      },
    ]);
  });
});

describe('recordBibliography', () => {
  const RECORD = 'id: r\nbibliography: refs.yaml\n';
  const run = (file: string, named: string | undefined) => {
    const parsed = doc(RECORD, file);
    const sink = new DiagnosticSink(parsed);
    const bibliography = recordBibliography(parsed, named, ['bibliography'], sink, DEFAULT_MAX_INPUT_BYTES);
    return { bibliography, diagnostics: sink.diagnostics };
  };
  const at = { line: 2, col: 15, path: 'bibliography' };
  const hint = "name a bibliography file in the record's folder or below it";

  it('is the bundled one when the record names none', () => {
    expect(run('r.yaml', undefined)).toEqual({ bibliography: bundledBibliography(), diagnostics: [] });
  });

  it("puts the file's entries first, shadowing a bundled key", () => {
    const dir = mkdtempSync(join(tmpdir(), 'rec-bib-'));
    const key = bundledBibliography().sources[1]!.key;
    writeFileSync(
      join(dir, 'refs.yaml'),
      `sources:\n  - key: mine\n    type: report\n    supports: S\n  - key: ${key}\n    type: report\n    supports: Mine\n`,
    );
    const { bibliography, diagnostics } = run(join(dir, 'r.yaml'), 'refs.yaml');
    expect(diagnostics).toEqual([]);
    expect(bibliography.file).toBe(join(dir, 'refs.yaml'));
    const bundled = bundledBibliography().sources;
    expect(bibliography.sources.map((s) => s.key)).toEqual(['mine', key, ...bundled.filter((s) => s.key !== key).map((s) => s.key)]);
    expect(bibliography.byKey.get(key)?.supports).toBe('Mine');
    expect(bibliography.byKey.get(bundled[0]!.key)).toBe(bundled[0]);
  });

  it('refuses a file on stdin, missing, outside the folder, or not a file, at the key, and stands the bundled one in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rec-bib-'));
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, 'folder.yaml'));
    writeFileSync(join(dir, 'secret.yaml'), 'x: 1\n');
    symlinkSync(join(dir, 'secret.yaml'), join(dir, 'sub', 'link.yaml'));
    const base = { severity: 'error', file: join(dir, 'sub', 'r.yaml'), ...at };
    expect(run('<stdin>', 'refs.yaml')).toEqual({
      bibliography: bundledBibliography(),
      diagnostics: [
        {
          ...base,
          file: '<stdin>',
          code: 'NOT_ALLOWED',
          message: 'bibliography `refs.yaml`: a record read on stdin has no folder to find it in',
          hint: 'give the record as a file',
        },
      ],
    });
    const inSub = (named: string) => run(join(dir, 'sub', 'r.yaml'), named);
    expect(inSub('none.yaml')).toEqual({
      bibliography: bundledBibliography(),
      diagnostics: [{ ...base, code: 'FILE_NOT_FOUND', message: 'bibliography `none.yaml`: no such file beside the record', hint }],
    });
    expect(inSub('link.yaml').diagnostics).toEqual([
      { ...base, code: 'NOT_ALLOWED', message: "bibliography `link.yaml` is outside the record's folder", hint },
    ]);
    expect(inSub('../secret.yaml').diagnostics).toEqual([
      { ...base, code: 'NOT_ALLOWED', message: "bibliography `../secret.yaml` is outside the record's folder", hint },
    ]);
    const top = (named: string) => run(join(dir, 'r.yaml'), named);
    expect(top('folder.yaml').diagnostics).toEqual([
      { ...base, file: join(dir, 'r.yaml'), code: 'NOT_ALLOWED', message: 'bibliography `folder.yaml` is not a regular file', hint },
    ]);
  });

  it("gives a broken file's own problems, then one at the key", () => {
    const dir = mkdtempSync(join(tmpdir(), 'rec-bib-'));
    writeFileSync(join(dir, 'refs.yaml'), 'sources:\n  - key: a\n    type: book\n    supports: S\n');
    const { bibliography, diagnostics } = run(join(dir, 'r.yaml'), 'refs.yaml');
    expect(bibliography).toBe(bundledBibliography());
    expect(diagnostics.map((d) => [d.file, d.code, d.line, d.col, d.message])).toEqual([
      [join(dir, 'refs.yaml'), 'NOT_ALLOWED', 3, 11, 'sources[0].type is "book"; allowed: article, blog-post, podcast, report, webpage'],
      [join(dir, 'r.yaml'), 'NOT_ALLOWED', 2, 15, 'bibliography `refs.yaml` has problems (above)'],
    ]);
    expect(diagnostics[1]?.hint).toBe('fix the bibliography file');
  });
});
