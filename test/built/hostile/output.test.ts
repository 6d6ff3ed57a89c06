// Output safety: files written whole or not at all, stdout holding one whole JSON document or
// nothing, a closed pipe ending the run quietly, text from inputs unable to drive the terminal,
// and nothing in a matrix or record ever treated as code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-hostile-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const BROKEN_RECORD = file('broken.yaml', 'id: broken\ntitle: [unclosed\n');
const RECORD = 'us-china-2015-09';

describe('-o FILE', () => {
  it('writes the whole report and leaves no temporary file behind', async () => {
    const out = join(mkdtempSync(join(dir, 'ok-')), 'report.json');
    const result = await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '-o', out]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).schema).toBe('summit-score/evaluation@2');
    expect(readdirSync(join(out, '..'))).toEqual(['report.json']);
  });

  it('leaves an existing file as it was when the input is broken', async () => {
    const folder = mkdtempSync(join(dir, 'keep-'));
    const out = join(folder, 'report.json');
    writeFileSync(out, 'the last good report\n');
    const result = await run(['evaluate', '-m', 'lewis-2015', BROKEN_RECORD, '-f', 'json', '-o', out]);
    expect(result.exitCode).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('the last good report\n');
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('leaves an existing file as it was when another check fails after scoring (--require-sources)', async () => {
    const folder = mkdtempSync(join(dir, 'sources-'));
    const out = join(folder, 'report.md');
    writeFileSync(out, 'previous\n');
    const record = file(
      'unsourced.yaml',
      'id: unsourced\ntitle: Unsourced\ndate: 2015-09-25\nparties: [US, CN]\nevents:\n  - id: dialogue\n    date: 2015-09-25\n    type: mechanism\n    ' +
        'fields: {level: ministerial, participation: civil, openEnded: true}\n',
    );
    const result = await run(['evaluate', '-m', 'lewis-2015', record, '--require-sources', '-f', 'markdown', '-o', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error UNSOURCED_EVIDENCE /);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });

  it('reports a file that cannot be written, and leaves no temporary file', async () => {
    const folder = mkdtempSync(join(dir, 'unwritable-'));
    const target = join(folder, 'report.json');
    mkdirSync(target); // a directory where the report should go: the rename cannot replace it
    const result = await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '-o', target]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(/"schema": "summit-score\/errors@1"|^$/);
    expect(`${result.stdout}${result.stderr}`).toContain('OUTPUT_FAILED');
    expect(readdirSync(folder)).toEqual(['report.json']);
    expect(readdirSync(target)).toEqual([]);
    // A missing folder is made (-o creates its parents); a file where a folder should be cannot be.
    writeFileSync(join(folder, 'a-file'), '');
    const blocked = await run(['evaluate', '-m', 'lewis-2015', RECORD, '-o', join(folder, 'a-file', 'report.txt')]);
    expect(blocked.exitCode).toBe(2);
    expect(blocked.stderr).toMatch(/^error OUTPUT_FAILED .*report\.txt:1:1 cannot write the output/);
  });
});

describe('stdout', () => {
  const parses = (text: string) => {
    expect(text.endsWith('\n')).toBe(true);
    return JSON.parse(text) as { schema: string };
  };

  it('holds one whole JSON document: the report when scored, the errors when not', async () => {
    expect(parses((await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json'])).stdout).schema).toBe('summit-score/evaluation@2');
    const below = await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '--as-of', '2015-09-25', '--fail-below', '99']);
    expect(below.exitCode).toBe(1);
    expect(parses(below.stdout).schema).toBe('summit-score/evaluation@2');
    const broken = await run(['evaluate', '-m', 'lewis-2015', BROKEN_RECORD, RECORD, '-f', 'json']);
    expect(broken.exitCode).toBe(2);
    expect(parses(broken.stdout).schema).toBe('summit-score/errors@1');
    const unsourced = await run([
      'evaluate',
      '-m',
      'lewis-2015',
      file(
        'unsourced-2.yaml',
        'id: unsourced\ntitle: U\ndate: 2015-09-25\nparties: [US]\nevents:\n  - {id: d, date: 2015-09-25, type: mechanism, fields: {level: ministerial, participation: civil, openEnded: true}}\n',
      ),
      '--require-sources',
      '-f',
      'json',
    ]);
    expect(unsourced.exitCode).toBe(2);
    expect(parses(unsourced.stdout).schema).toBe('summit-score/errors@1');
  });

  // Files are written before stdout, so a failing -o leaves stdout to the errors document alone.
  it('holds one document when a second output (-o) fails', async () => {
    writeFileSync(join(dir, 'not-a-folder'), '');
    const result = await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '-f', 'table', '-o', join(dir, 'not-a-folder', 'x.txt')]);
    expect(result.exitCode).toBe(2);
    parses(result.stdout);
  });
});

describe('a reader that stops early (| head -c 100)', () => {
  // Forty records make some 400 kB of JSON, far more than a pipe holds, so the writer meets the closed pipe.
  const many = Array.from({ length: 40 }, () => RECORD);

  it.each([
    ['-f', 'json'],
    ['-f', 'table'],
  ])('ends the run quietly with %s %s: no EPIPE, no stack trace', async (...format) => {
    const child = spawn(process.execPath, ['bin/summit-score.js', 'evaluate', '-m', 'lewis-2015', ...many, ...format], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    let head = Buffer.alloc(0);
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]).subarray(0, 100);
      if (head.length >= 100) child.stdout.destroy();
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect(head.length).toBe(100);
    expect(stderr).toBe('');
    expect(signal).toBeNull();
    expect(code).toBe(0);
  });

  it.skipIf(process.platform === 'win32' || !existsSync('/bin/sh'))('ends quietly in a real shell pipeline', async () => {
    const child = spawn(
      '/bin/sh',
      ['-c', `"${process.execPath}" bin/summit-score.js evaluate -m lewis-2015 ${many.join(' ')} -f json | head -c 100 >/dev/null`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('text from inputs in table output', () => {
  const ESC = '\u001b';
  const record = file(
    'ansi.yaml',
    [
      'id: ansi',
      `title: "Clear screen ${'\\e'}[2J, title ${'\\e'}]0;owned${'\\a'}, bell ${'\\a'}, return ${'\\r'}, backspace ${'\\b'}, C1 ${'\\x9b'}31m, bidi ${'\\u202e'}txet"`,
      'date: 2015-09-25',
      'parties: [US, CN]',
      'events:',
      '  - id: dialogue',
      '    date: 2015-09-25',
      '    type: mechanism',
      `    title: "Red ${'\\e'}[31mtitle${'\\e'}[0m"`,
      '    fields:',
      `      level: "${'\\e'}[5mblinking${'\\e'}[0m"`,
      '      participation: civil',
      '      openEnded: true',
      '    sources: [{url: "https://example.org/a"}]',
    ].join('\n') + '\n',
  );
  // A matrix file whose very name carries an escape sequence: it is shown in --explain.
  const matrix = join(dir, `matrix-${ESC}[2J.yaml`);
  writeFileSync(matrix, readFileSync('matrices/lewis-2015.yaml', 'utf8'));

  it('shows control characters and escape sequences as \\u escapes instead of sending them', async () => {
    const { exitCode, stdout } = await run(['evaluate', record, '-m', matrix, '--explain', '--no-color']);
    expect(exitCode).toBe(0);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).toContain('\\u001b[2J');
    expect(stdout).toContain('\\u0007');
    expect(stdout).toContain('\\u202e');
    expect(stdout).toContain(`blinking`); // the field value, in the explanation, escaped
    expect(stdout).toContain('matrix-\\u001b[2J.yaml');
  });

  it('keeps them out of colour output too: the only escapes are the ones chalk adds', async () => {
    const { stdout } = await run(['evaluate', record, '-m', matrix, '--explain'], { isTTY: true });
    expect(stdout).toContain(`${ESC}[`); // colour is on
    // Every escape sequence left is an SGR colour code; none clears, moves, retitles or blinks.
    const sequences = stdout.match(/\u001b[^m]*m?/g) ?? [];
    for (const sequence of sequences) expect(sequence).toMatch(/^\u001b\[(\d+;?)*m$/);
    expect(stdout).not.toContain(`${ESC}[5m`);
    expect(stdout).not.toContain(`${ESC}[2J`);
  });
});

describe('a matrix is data, never code', () => {
  const matrix = file(
    'object-words.yaml',
    `id: object-words
title: Words that mean something to JavaScript, as plain data
version: "1.0"
source: {author: Tests}
criteria:
  - id: words
    title: Words
    weight: 1
    levels:
      - label: all
        score: 4
        when:
          some:
            all:
              - field: toString
                equals: constructor
              - field: valueOf.hasOwnProperty
                equals: __proto__
              - type: prototype
      - label: inherited
        score: 3
        when:
          some:
            any:
              - field: constructor
                exists: true
              - field: __proto__
                exists: true
              - field: hasOwnProperty
                exists: true
              - field: toString.length
                exists: true
              - field: title.length
                exists: true
      - label: none
        score: 0
verdicts: [{label: good, min: 50}, {label: poor, min: 0}]
`,
  );
  const record = (fields: string, type = 'prototype') =>
    file(
      `words-${type}-${fields.length}.yaml`,
      `id: words\ntitle: Words\ndate: 2015-09-25\nparties: [US]\nevents:\n  - id: e\n    date: 2015-09-25\n    type: ${type}\n    fields: ${fields}\n    sources: [{url: "https://example.org/a"}]\n`,
    );
  const level = async (path: string) => {
    const { exitCode, stdout, stderr } = await run(['evaluate', path, '-m', matrix, '-f', 'json']);
    // Only warnings (a field the record does not state), never an error or a stack trace.
    expect(stderr).toMatch(/^(warning [A-Z_]+ [^\n]*\n)*$/);
    expect(exitCode).toBe(0);
    return (JSON.parse(stdout) as { results: { criteria: { level: { label: string } | null }[] }[] }).results[0]!.criteria[0]!.level?.label;
  };

  it('matches field names and values such as toString, hasOwnProperty and __proto__ as the words they are', async () => {
    expect(await level(record('{toString: constructor, valueOf: {hasOwnProperty: __proto__}}'))).toBe('all');
  });

  it('never sees what objects inherit: constructor, __proto__, hasOwnProperty or a string length are not fields', async () => {
    // Not stated, so unknown (the matrix declares no fields): the cell may be anything from none
    // up, and the facts it rests on are fields not recorded, never an inherited value that matched.
    const open = async (path: string) => {
      const { stdout } = await run(['evaluate', path, '-m', matrix, '-f', 'json']);
      const cell = (
        JSON.parse(stdout) as { results: { criteria: { level: unknown; levelRange: { low: { label: string } | null }; unknown: { reason: string }[] }[] }[] }
      ).results[0]!.criteria[0]!;
      return { level: cell.level, low: cell.levelRange.low?.label, reasons: [...new Set(cell.unknown.map((fact) => fact.reason))] };
    };
    expect(await open(record('{}'))).toEqual({ level: null, low: 'none', reasons: ['not-recorded'] });
    expect(await open(record('{toString: x}', 'statement'))).toEqual({ level: null, low: 'none', reasons: ['not-recorded'] });
  });

  it('has no eval, Function constructor or vm anywhere in the source', () => {
    const sources = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
      );
    const files = sources('src');
    expect(files.length).toBeGreaterThan(30);
    for (const path of files)
      expect(readFileSync(path, 'utf8'), path).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]|from\s+['"](node:)?vm['"]/);
  });
});

describe('error messages on stderr', () => {
  it('show escape sequences from the input as text, never send them to the terminal', async () => {
    const { exitCode, stderr } = await run(['evaluate', '-m', 'lewis-2015', '-'], { stdin: 'id: x\n"\\e[31mred": 1\n' });
    expect(exitCode).toBe(2);
    expect(stderr).not.toContain('\u001b');
    expect(stderr).toContain('\\u001b[31mred');
  });
});

describe('a bug in summit-score', () => {
  it('says so: "internal error, please report it", the stack, exit code 2', () => {
    // A fault planted in node:crypto, which every read of an input uses: no user mistake, so a bug.
    const plant = file('plant-fault.mjs', "import crypto from 'node:crypto';\ncrypto.createHash = () => {\n  throw new TypeError('planted fault');\n};\n");
    const child = spawnSync(process.execPath, ['--import', plant, 'bin/summit-score.js', 'evaluate', '-m', 'lewis-2015', `fixtures/${RECORD}.yaml`], {
      encoding: 'utf8',
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/^summit-score: internal error, please report it:\nTypeError: planted fault\n\s+at /);
    expect(child.stdout).toBe('');
  });
});
