// The bibliography the bundled matrices and records cite by key (fixtures/sources.yaml): every key
// cited resolves, the entries hold only what the research notes say, nothing shipped names a file
// the package does not contain, and the three export formats are what their readers expect
// (CSL-JSON against the CSL schema, BibTeX parsed back by an independent parser).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { bibtexText, formatBibliography, type CitableSource } from '../../../src/format/bibliography.js';
import { bundledBibliography } from '../../../src/load/load-bibliography.js';
import { loadRecord } from '../../../src/load/load-record.js';
import { readInputFile } from '../../../src/load/read-input.js';
import { run } from '../../helpers/fake-io.js';
import { researchNotes, searchExcerpts, squash } from '../../helpers/search-excerpts.js';
import { PACKAGE_FILES } from '../../../src/load/read-input.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const bibliography = bundledBibliography();

/** Every YAML file of matrices/ and fixtures/, sub-folders included. */
const bundledYaml = ['matrices', 'fixtures'].flatMap((dir) =>
  (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((name) => name.endsWith('.yaml')).map((name) => join(dir, name)),
);

/** The keys a file cites, read with a plain pattern: an oracle apart from the loader's walk. */
const keysIn = (file: string) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^\s*- key: ([a-z0-9-]+)\s*$/gm)].map((m) => m[1]!);

describe('the bundled bibliography', () => {
  it('resolves every key a bundled matrix or record cites, and every such file cites by key', () => {
    const citing = bundledYaml.filter((file) => !file.endsWith('sources.yaml') && !file.includes('.tests.'));
    expect(citing.length).toBeGreaterThanOrEqual(10);
    for (const file of citing) {
      const keys = keysIn(file);
      expect(keys.length, `${file} cites no source by key`).toBeGreaterThan(0);
      for (const key of keys) expect(bibliography.byKey.has(key), `${file}: ${key}`).toBe(true);
      // No bundled file cites by url any more: the bibliography holds every address.
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/^\s*- url:/m);
    }
  });

  it('has unique keys and one entry per address', () => {
    const urls = bibliography.sources.flatMap((source) => (source.url ? [source.url] : []));
    expect(new Set(urls).size).toBe(urls.length);
    expect(bibliography.byKey.size).toBe(bibliography.sources.length);
  });

  it('explains every entry it marks unverified', () => {
    for (const source of bibliography.sources.filter((s) => !s.verified)) expect(source.note, source.key).toBeTruthy();
  });

  // An entry the notes do not hold was found by search (issue 12's added cases): its passages, as
  // read, stand in for the notes, and only an entry with an address can have been found so.
  it('takes every address, title, name and quoted passage from the research notes or the passages read by search', () => {
    const notes = researchNotes();
    const excerpts = searchExcerpts();
    for (const source of bibliography.sources) {
      const read = source.url === undefined || notes.includes(source.url) ? notes : excerpts.get(source.url);
      // Booleans, so that a failure names the missing text instead of printing all the notes.
      expect(read !== undefined, `${source.key}: url neither in the notes nor read by search`).toBe(true);
      if (source.title) expect(read!.includes(squash(source.title)), `${source.key}: title "${source.title}"`).toBe(true);
      for (const name of source.authors ?? []) expect(read!.includes(name.literal ?? name.family!), `${source.key}: ${JSON.stringify(name)}`).toBe(true);
      // What "supports" puts in double quotes is the source's words, as the notes quote them.
      for (const [, quoted] of source.supports.matchAll(/"([^"]+)"/g)) {
        for (const piece of quoted!.split('…')) if (squash(piece) !== '') expect(read!.includes(squash(piece)), `${source.key}: "${squash(piece)}"`).toBe(true);
      }
    }
  });

  it('read by search: every passage recorded is for an address the bibliography holds', () => {
    const addresses = new Set(bibliography.sources.flatMap((source) => (source.url ? [source.url] : [])));
    for (const url of searchExcerpts().keys()) expect(addresses.has(url), url).toBe(true);
  });

  it('dates Lewis as the notes do (byline Sep 21, 2015) and the G20 Rio report 18 Nov 2025', () => {
    expect(bibliography.byKey.get('lewis-2015-csis')).toMatchObject({ date: '2015-09-21', authors: [{ family: 'Lewis', given: 'James Andrew' }] });
    expect(bibliography.byKey.get('g20-2025-rio-final')?.date).toBe('2025-11-18');
  });
});

describe('the shipped package', () => {
  it('mentions no file it does not contain: SOURCES.md appears in no packed file, and the matrices and records name only packed files', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // Asynchronously: a synchronous child process would block the test worker, and under load its messages to vitest time out.
    const { stdout } = await promisify(execFile)(npm, ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const [packed] = JSON.parse(stdout) as { files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toContain('fixtures/sources.yaml');
    expect(files).toContain('src/schema/bibliography.schema.json');
    const mentioning = files.filter((path) => existsSync(join(ROOT, path)) && readFileSync(join(ROOT, path), 'utf8').includes('SOURCES.md'));
    expect(mentioning).toEqual([]);
    // The research files (matrices and records) name no repository file the package leaves out:
    // a path they mention, relative to the package or to the file, is one of the packed files.
    const research = files.filter((path) => /^(matrices|fixtures)\//.test(path) && /\.ya?ml$/.test(path));
    expect(research.length).toBeGreaterThan(10);
    const missing = research.flatMap((path) =>
      [...readFileSync(join(ROOT, path), 'utf8').matchAll(/(?:\.\.\/)*(?:src|test|docs|matrices|fixtures|bench|scripts|examples)\/[\w./-]*\w\.[a-z]+\b/g)]
        .map(([mention]) => (mention.startsWith('../') ? posix.normalize(posix.join(posix.dirname(path), mention)) : mention))
        .filter((mention) => !files.includes(mention))
        .map((mention) => `${path}: ${mention}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('citing by key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summit-sources-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const record = (source: string) =>
    `id: keyed\ntitle: Keyed\ndate: 2015-09-25\nparties: [US, CN]\nevents:\n  - id: talks\n    date: 2015-09-25\n    type: meeting\n    sources:\n${source}`;

  it('an unknown key is an error at its place, with the key meant', async () => {
    const file = write('unknown-key.yaml', record('      - key: lewis-2015-csi\n'));
    const result = await run(['validate', file]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      `error UNKNOWN_SOURCE ${file}:10:14 no source \`lewis-2015-csi\` in the bibliography (bundled:sources) (did you mean \`lewis-2015-csis\`?)`,
    );
  });

  it('a keyed source may not give its own url, title, publisher or date', async () => {
    const file = write('doubled.yaml', record('      - key: lewis-2015-csis\n        url: https://example.org/other\n'));
    const result = await run(['validate', file]);
    expect(result.stdout).toContain(`error NOT_ALLOWED ${file}:11:9 a source cited by key takes its url from the bibliography`);
  });

  it('an unknown key in a matrix is an error too', async () => {
    const matrix = readFileSync(join(ROOT, 'matrices/lewis-2015.yaml'), 'utf8').replace('  - key: lewis-2015-scribd\n', '  - key: lewis-2015-scrib\n');
    const file = write('matrix.yaml', matrix);
    const result = await run(['validate', file]);
    expect(result.stdout).toMatch(new RegExp(`error UNKNOWN_SOURCE ${file}:\\d+:\\d+ no source \`lewis-2015-scrib\`.*did you mean \`lewis-2015-scribd\``));
  });

  it('resolves to the url, title, publisher and date of the entry, keeping its own quote and doubt', () => {
    const file = write(
      'resolved.yaml',
      record(
        '      - key: ellis-2015-yaia\n        quote: open-ended\n      - key: lewis-2015-csis\n        quote: hold your applause\n      - key: lewis-2015-csis\n        verified: false\n        note: doubted here\n',
      ),
    );
    const [ellis, lewis, doubted] = loadRecord(readInputFile(file, PACKAGE_FILES)).record.events[0]!.sources;
    // An unverified entry makes the citation unverified.
    expect(ellis).toEqual({ publisher: 'Young Australians in International Affairs', date: '2015', quote: 'open-ended', verified: false });
    expect(lewis).toEqual({
      url: 'http://csis.org/publication/measuring-cybersecurity-success-summit',
      title: 'Measuring Cybersecurity Success at the Summit',
      publisher: 'Center for Strategic and International Studies (CSIS)',
      date: '2015-09-21',
      quote: 'hold your applause',
      verified: true,
    });
    expect(doubted).toMatchObject({ verified: false, note: 'doubted here' });
  });

  it('validate --require-sources makes an event without sources an error, not a warning', async () => {
    const file = write('unsourced.yaml', record('      - key: lewis-2015-csis\n').replace('    sources:\n      - key: lewis-2015-csis\n', ''));
    const warned = await run(['validate', file]);
    expect([warned.exitCode, warned.stdout]).toEqual([
      0,
      `warning NO_SOURCE ${file}:6:9 event talks cites no source (add \`sources:\` with a bibliography key, or a url, title and date)\nChecked 1 file (1 record): 0 errors, 1 warning.\n`,
    ]);
    const required = await run(['validate', file, '--require-sources']);
    expect(required.exitCode).toBe(1);
    expect(required.stdout).toContain(`error NO_SOURCE ${file}:6:9 event talks cites no source`);
  });

  it('still takes a source by url, for a record of ones own', async () => {
    const inline = write('inline.yaml', record('      - url: https://example.org/report\n        publisher: Example\n'));
    expect((await run(['validate', inline])).stdout).toBe('Checked 1 file (1 record): no problems.\n');
  });
});

describe('summit-score sources', () => {
  it('prints the whole bibliography by default, one item per entry, in its order', async () => {
    const { stdout, exitCode } = await run(['sources']);
    expect(exitCode).toBe(0);
    const listed = [...stdout.matchAll(/^- `([a-z0-9-]+)`:/gm)].map((m) => m[1]);
    expect(listed).toEqual(bibliography.sources.map((s) => s.key));
  });

  it('--cited prints only what the named records and matrices cite', async () => {
    const { stdout } = await run(['sources', '-m', 'lewis-2015', 'us-china-2013-06', '--cited', '-f', 'csl-json']);
    const ids = (JSON.parse(stdout) as { id: string }[]).map((item) => item.id);
    const expected = new Set([...keysIn('matrices/lewis-2015.yaml'), ...keysIn('fixtures/us-china-2013-06.yaml')]);
    expect(new Set(ids)).toEqual(expected);
    expect(ids).toEqual(bibliography.sources.map((s) => s.key).filter((key) => expected.has(key)));
  });

  it('reads a record on stdin once, for checking it and for its keys', async () => {
    const text = readFileSync(join(ROOT, 'fixtures/us-china-2013-06.yaml'), 'utf8');
    const { stdout, exitCode } = await run(['sources', '-', '-f', 'csl-json'], { stdin: text });
    expect(exitCode).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((item) => item.id).sort()).toEqual([...new Set(keysIn('fixtures/us-china-2013-06.yaml'))].sort());
  });

  it('reports a record it cannot load with code and exit 2', async () => {
    const { exitCode, stderr } = await run(['sources', 'no-such-record']);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('error FILE_NOT_FOUND');
  });

  it('writes CSL-JSON that the CSL data schema accepts, with dates as date-parts', async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'test/bibliography/csl-data.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const items = JSON.parse((await run(['sources', '-f', 'csl-json'])).stdout) as Record<string, unknown>[];
    expect(validate(items), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(items).toHaveLength(bibliography.sources.length);
    const lewis = items.find((item) => item['id'] === 'lewis-2015-csis');
    expect(lewis).toMatchObject({ type: 'webpage', issued: { 'date-parts': [[2015, 9, 21]] }, author: [{ family: 'Lewis', given: 'James Andrew' }] });
    expect(items.find((item) => item['id'] === 'ellis-2015-yaia')).toMatchObject({
      issued: { 'date-parts': [[2015]] },
      note: expect.stringMatching(/^Unverified\./),
    });
    // The schema's check has teeth: a wrong type or an unknown key fails it.
    expect(validate([{ ...lewis, type: 'web-page' }])).toBe(false);
    expect(validate([{ ...lewis, supports: 'x' }])).toBe(false);
  });

  it('writes BibTeX that an independent parser reads back to the same text', async () => {
    // Sentence-casing off: the parser would recase titles for CSL; the round trip is about the text.
    const library = parseBibtex((await run(['sources', '-f', 'bibtex'])).stdout, { sentenceCase: false });
    expect(library.errors).toEqual([]);
    expect(library.entries.map((entry) => entry.key)).toEqual(bibliography.sources.map((s) => s.key));
    for (const entry of library.entries) {
      const source = bibliography.byKey.get(entry.key)!;
      expect(entry.fields['title'], entry.key).toBe(source.title);
      expect(entry.fields['url'], entry.key).toBe(source.url);
      expect(entry.fields['annote'], entry.key).toBe(source.supports);
      expect(entry.fields['year'], entry.key).toBe(source.date?.slice(0, 4));
    }
  });
});

describe('BibTeX escaping', () => {
  // Every character LaTeX treats specially, braces that do not balance, a name with "and" and a
  // comma in it, and text beyond ASCII.
  const tricky: CitableSource = {
    key: 'tricky-2020',
    type: 'report',
    authors: [{ family: 'Smith, Jr.', given: 'Ann' }, { literal: 'Department of Justice and Homeland Security' }, { family: 'Ng', given: 'Lee' }],
    title: 'R&D at 50% cost: $5, #1, a_b, {unbalanced, ~tilde, ^caret, back\\slash, “Guo Shengkun” 郭声琨}',
    publisher: 'A & B {Press}',
    date: '2020-02',
    url: 'https://example.org/a?b=1&c=50%25#frag',
    verified: false,
    supports: 'Closing brace } first, then { opening; 100% & more.',
    note: 'Line one\nline two',
  };
  const [entry] = parseBibtex(formatBibliography([tricky], 'bibtex', ''), { sentenceCase: false }).entries;

  it('round-trips every special character through a BibTeX parser', () => {
    expect(entry!.fields['title']).toBe(tricky.title);
    expect(entry!.fields['howpublished']).toBe(tricky.publisher);
    expect(entry!.fields['annote']).toBe(tricky.supports);
    expect(entry!.fields['url']).toBe(tricky.url);
    expect(entry!.fields['month']).toBe('2');
    // A line break is a space: a field is one line.
    expect(entry!.fields['note']).toBe('Unverified. Line one line two');
  });

  it('keeps each name whole: the comma and the "and" inside a name do not split it', () => {
    expect(entry!.fields.author).toEqual([
      { lastName: 'Smith, Jr.', firstName: 'Ann' },
      { name: 'Department of Justice and Homeland Security' },
      { lastName: 'Ng', firstName: 'Lee' },
    ]);
  });

  it('escapes each LaTeX special as the command that prints it', () => {
    expect(bibtexText('\\{}&%$#_~^')).toBe('\\textbackslash{}\\{\\}\\&\\%\\$\\#\\_\\textasciitilde{}\\textasciicircum{}');
  });
});

describe('the bibliography file', () => {
  it('is read as a bibliography by validate, and a broken one is reported at its place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-bib-'));
    const text = readFileSync(join(ROOT, 'fixtures/sources.yaml'), 'utf8');
    const data = parseYaml(text) as { sources: { key: string }[] };
    const twice = join(dir, 'sources.yaml');
    writeFileSync(twice, `${text}  - key: ${data.sources[0]!.key}\n    type: webpage\n    supports: again\n    date: 2015-02-30\n`);
    const result = await run(['validate', twice]);
    expect(result.exitCode).toBe(1);
    const lines = text.split('\n').length;
    expect(result.stdout).toContain(`error DUPLICATE_ID ${twice}:${lines}:10 source key \`lewis-2015-csis\` appears twice`);
    expect(result.stdout).toContain(`error BAD_DATE ${twice}:${lines + 3}:11 2015-02-30 is not a calendar date`);
    expect((await run(['validate', join(ROOT, 'fixtures/sources.yaml')])).stdout).toBe('Checked 1 file (1 bibliography): no problems.\n');
  });
});

describe('summit-score sources -m M records: what the verdicts rest on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summit-resting-'));
  // Two events, each citing its own source: lewis-2015 reads the IP commitment (espionage-ip:
  // committed) and no criterion reads a statement about trade, so only the first decides a level.
  const file = join(dir, 'two-events.yaml');
  writeFileSync(
    file,
    [
      'id: two-events',
      'title: Two events',
      'date: 2015-09-25',
      'parties: [US, CN]',
      'events:',
      '  - id: ip-pledge',
      '    date: 2015-09-25',
      '    type: commitment',
      '    fields: {topics: [ip-theft]}',
      '    sources:',
      '      - key: justsecurity-2015',
      '  - id: trade-remark',
      '    date: 2015-09-25',
      '    type: statement',
      '    fields: {topics: [trade]}',
      '    sources:',
      '      - key: kesq-2013-donilon',
      '',
    ].join('\n'),
  );
  const keysOf = (stdout: string) => [...stdout.matchAll(/^- `([a-z0-9-]+)`/gm)].map((m) => m[1]!);
  const matrixOwn = keysIn('matrices/lewis-2015.yaml');

  it("prints the matrix's own sources and those of the evidence that decided a level, not every source cited", async () => {
    const { exitCode, stdout } = await run(['sources', '-m', 'lewis-2015', file]);
    expect(exitCode).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`# Sources the verdicts rest on: lewis-2015, ${file}`);
    expect(keysOf(stdout)).toEqual([...matrixOwn, 'justsecurity-2015']);
  });

  it("--cited prints every source the files cite, the statement's too", async () => {
    const { stdout } = await run(['sources', '-m', 'lewis-2015', file, '--cited']);
    expect(keysOf(stdout).sort()).toEqual([...matrixOwn, 'justsecurity-2015', 'kesq-2013-donilon'].sort());
  });

  it('--all prints the whole bibliography, whatever is named', async () => {
    const { stdout } = await run(['sources', '-m', 'lewis-2015', file, '--all']);
    expect(keysOf(stdout)).toEqual(bibliography.sources.map((source) => source.key));
  });

  it('reads a record on stdin once, for its verdict as for its keys', async () => {
    const text = readFileSync(file, 'utf8');
    const { stdout, exitCode } = await run(['sources', '-m', 'lewis-2015', '-'], { stdin: text });
    expect(exitCode).toBe(0);
    expect(keysOf(stdout)).toEqual([...matrixOwn, 'justsecurity-2015']);
  });

  it('--as-of: the 2015 verdict on the summit day rests on no source of a later event', async () => {
    const { stdout: early } = await run(['sources', '-m', 'lewis-2015', 'us-china-2015-09', '--as-of', '2015-09-25']);
    const { stdout: late } = await run(['sources', '-m', 'lewis-2015', 'us-china-2015-09']);
    // The first dialogue (1-2 December 2015) decides the negotiation's level later on, not on the summit day.
    expect(keysOf(early)).not.toContain('doj-2015-dialogue-1');
    expect(keysOf(late)).toContain('doj-2015-dialogue-1');
    expect(early.split('\n')[0]).toBe('# Sources the verdicts rest on: lewis-2015, us-china-2015-09, as of 2015-09-25');
  });

  it('a bad --as-of is a usage error, exit 2', async () => {
    const { exitCode, stderr } = await run(['sources', '-m', 'lewis-2015', 'us-china-2015-09', '--as-of', '2015-13-01']);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('BAD_AS_OF');
  });
});
