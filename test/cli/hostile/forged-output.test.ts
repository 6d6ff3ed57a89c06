// One diagnostic stays one line, and nothing from the input drives the terminal: the hostile text
// of test/corpus/hostile/text/ (a line feed before a forged `::error`, a carriage return, OSC and
// CSI sequences, bidi overrides, zero-width and invisible characters, a C1 control, a tab) is
// pushed through every input string into every command and format, and every output is checked.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { safeText, terminalText } from '../../../src/terminal-text.js';
import { run, type RunResult } from '../../helpers/fake-io.js';

const CORPUS = 'test/corpus/hostile/text';
const MATRIX = `${CORPUS}/matrix.yaml`;
const RECORD = `${CORPUS}/record.yaml`;

// A file name is input text too: the corpus again, under a name holding the hostile text.
const dir = mkdtempSync(join(tmpdir(), 'summit-forged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NAME = 'n\n::error file=a.yaml,line=1::FORGED\u001b]0;t\u0007\u202e\u200b';
const folder = join(dir, `dir${NAME}`);
mkdirSync(folder);
const namedMatrix = join(folder, `matrix${NAME}.yaml`);
const namedRecord = join(folder, `record${NAME}.yaml`);
copyFileSync(MATRIX, namedMatrix);
copyFileSync(RECORD, namedRecord);
writeFileSync(join(folder, `notes${NAME}.yaml`), 'just: a mapping\n'); // skipped by validate DIR
const emptyTests = join(dir, `bare${NAME}`);
mkdirSync(emptyTests);
writeFileSync(
  join(emptyTests, `m${NAME}.yaml`),
  'id: bare\ntitle: Bare\nversion: "1"\nsource: {author: A}\ncriteria:\n  - {id: c, title: C, weight: 1, levels: [{label: a, score: 1, when: {some: ' +
    '{type: statement}}}, {label: b, score: 0}]}\nverdicts: [{label: good, min: 50}, {label: poor, min: 0}]\n',
);

// Two coders' copies of the hostile record (agree), and an evaluation of it (diff).
const coders = join(dir, 'coders');
for (const coder of ['a', 'b']) {
  mkdirSync(join(coders, coder), { recursive: true });
  copyFileSync(RECORD, join(coders, coder, 'hostile-text.yaml'));
}
const evaluation = join(dir, 'evaluation.json');
writeFileSync(evaluation, (await run(['evaluate', RECORD, '-m', MATRIX, '-f', 'json'])).stdout);

// What nothing may print: every control and format character but the line feed that ends a line.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** Text for people: no control at all but line ends, and no line that the input started. */
function expectSafe(text: string, where: string, github = false): void {
  const lines = text.trimEnd().split('\n');
  for (const line of lines) {
    expect(line, where).not.toMatch(UNSAFE);
    // Only summit-score starts lines; the forged command and diagnostic stay inside the line that quotes them.
    if (github) expect(line, where).toMatch(/^(::(error|warning|notice)( [^:]*)?::|::group::|::endgroup::$|summit-score (validate|test): )/);
    else expect(line, where).not.toMatch(/^\s*::(error|warning)|^FORGED/);
  }
}

/** Text on a terminal: line ends, tabs and colour codes are the only controls. */
function expectTerminalSafe(text: string, where: string): void {
  const stripped = text.replace(/\u001b\[[0-9;]*m/g, '').replace(/[\n\t]/g, '');
  expect(stripped, where).not.toMatch(UNSAFE);
}

const PEOPLE_RUNS: readonly (readonly string[])[] = [
  ['evaluate', RECORD, '-m', MATRIX, '--explain'],
  ['evaluate', RECORD, '-m', MATRIX, '--explain', '-f', 'markdown'],
  ['evaluate', namedRecord, '-m', namedMatrix, '--explain'],
  ['evaluate', namedRecord, '-m', namedMatrix, '-f', 'markdown'],
  ['evaluate', `${CORPUS}/bad-keys.yaml`, '-m', `${CORPUS}/bad-matrix.yaml`],
  ['evaluate', '-m', 'lewis-2015', namedRecord, join(folder, 'missing\n::error file=x::FORGED.yaml')],
  ['evaluate', RECORD, '-m', MATRIX, '--as-of', '2020-13-01\n::error file=x::FORGED'],
  ['evaluate', '-m', 'lewis-2015', RECORD, '--unknown\n::error file=x::FORGED'],
  ['compare', RECORD, namedRecord, '-m', MATRIX],
  ['compare', RECORD, '-m', MATRIX, '-m', namedMatrix],
  ['timeline', RECORD, '-m', MATRIX],
  ['sensitivity', RECORD, '-m', MATRIX],
  ['codebook', '-m', MATRIX],
  ['codebook', '-m', namedMatrix],
  ['validate', folder],
  ['validate', CORPUS],
  ['validate', CORPUS, '-f', 'github'],
  ['validate', folder, '-f', 'github'],
  ['test', MATRIX],
  ['test', namedMatrix],
  ['test', namedMatrix, '-f', 'github'],
  ['test', emptyTests],
  ['test', `${CORPUS}/bad-matrix.yaml`, '-f', 'github'],
  ['timeline', RECORD, '-m', MATRIX, '-f', 'markdown'],
  ['sensitivity', RECORD, '-m', MATRIX, '--samples', '5', '-f', 'markdown'],
  ['compare', RECORD, namedRecord, '-m', MATRIX, '-f', 'markdown'],
  ['diff', evaluation, evaluation],
  ['diff', evaluation, evaluation, '-f', 'markdown'],
  ['agree', '-m', MATRIX, coders, '--samples', '5'],
  ['agree', '-m', MATRIX, coders, '--samples', '5', '-f', 'markdown'],
  ['sources', '-m', namedMatrix, namedRecord],
];

describe('hostile text in every input string', () => {
  it.each(PEOPLE_RUNS.map((argv) => [JSON.stringify(argv.join(' ')), argv] as const))(
    "%s: every line is summit-score's own, with no control in it",
    async (_, argv) => {
      const result = await run([...argv]);
      expect(result.exitCode, result.stderr).toBeLessThan(3);
      expectSafe(result.stdout, 'stdout', argv.includes('github') && result.stdout !== '');
      expectSafe(result.stderr, 'stderr');
      // The hostile text arrived (escaped), so the check above was not vacuous.
      expect(`${result.stdout}${result.stderr}`).toMatch(/FORGED|\\u001b/);
    },
  );

  it('keeps each diagnostic on one line: as many lines on stderr as problems found', async () => {
    const result = await run(['evaluate', '-m', 'lewis-2015', `${CORPUS}/bad-keys.yaml`, '-f', 'json']);
    const errors = (JSON.parse(result.stdout) as { errors: unknown[] }).errors;
    const text = await run(['evaluate', '-m', 'lewis-2015', `${CORPUS}/bad-keys.yaml`]);
    expect(text.stderr.trimEnd().split('\n')).toHaveLength(errors.length);
    expect(errors.length).toBeGreaterThanOrEqual(5);
  });

  it("escapes GitHub annotations by GitHub's rules: one command per line, % escaped so no %0A is undone", async () => {
    const { stdout } = await run(['validate', `${CORPUS}/bad-matrix.yaml`, '-f', 'github']);
    // Between its group's start and end and before the summary line, every line is one annotation.
    const lines = stdout.trimEnd().split('\n');
    expect([lines[0]!.startsWith('::group::'), lines.at(-2), lines.at(-1)!.startsWith('summit-score validate: ')]).toEqual([true, '::endgroup::', true]);
    expect(lines.length - 3).toBeGreaterThanOrEqual(4);
    for (const line of lines.slice(1, -2)) expect(line).toMatch(/^::(error|warning) file=[^:,]*,line=\d+,col=\d+,title=[A-Z_]+::/);
    expect(stdout).toContain('%250A::warning::FORGED2');
    expect(stdout).not.toContain('%0A::warning');
  });

  it.each([
    ['compare', RECORD, RECORD, '-m', MATRIX],
    ['timeline', RECORD, '-m', MATRIX],
    ['sensitivity', RECORD, '-m', MATRIX, '--samples', '5'],
    ['diff', evaluation, evaluation],
    ['agree', '-m', MATRIX, coders, '--samples', '5'],
  ])('%s: every machine format on a terminal sends no control but line ends', async (...argv) => {
    for (const format of ['json', 'csv', 'long', 'html', 'svg', 'sarif', 'junit', 'ndjson']) {
      const result = await run([...argv, '-f', format], { isTTY: true });
      if (result.exitCode === 2 && /unknown|USAGE|not one of/i.test(result.stderr)) continue; // a format this command does not write
      expect(result.exitCode, `${argv[0]} -f ${format}: ${result.stderr}`).toBe(0);
      expectTerminalSafe(result.stdout, `${argv[0]} -f ${format}`);
    }
  });

  it('merge on a terminal: the consensus record (YAML) sends no control but line ends', async () => {
    const result = await run(['merge', join(coders, 'a'), join(coders, 'b')], { isTTY: true });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('FORGED');
    expectTerminalSafe(result.stdout, 'merge');
  });

  const MACHINE_FORMATS = ['json', 'csv', 'long', 'ndjson'];
  it.each(MACHINE_FORMATS)('-f %s on a terminal sends no control but line ends, and stays parseable', async (format) => {
    const result = await run(['evaluate', RECORD, '-m', MATRIX, '-f', format], { isTTY: true });
    expect(result.exitCode).toBe(0);
    expectTerminalSafe(result.stdout, format);
    if (format === 'json') expect((JSON.parse(result.stdout) as { results: { record: { title: string } }[] }).results[0]!.record.title).toContain('FORGED');
  });

  it('streams NDJSON records with diagnostics on one line each and no control', async () => {
    const ndjson = join(dir, 'hostile.ndjson');
    writeFileSync(
      ndjson,
      `{"id":"ok","title":"T","date":"2020-01-01","parties":["US"],"events":[],"bad\\n::error ` +
        `file=x::FORGED\\u001b[2J":1}\n{"id":"x\\u202e","title":"T","date":"2020-01-01","parties":["US"],"events":[]}\n`,
    );
    const result = await run(['evaluate', ndjson, '-m', MATRIX, '-f', 'ndjson']);
    expect(result.exitCode).toBe(2);
    expectSafe(result.stderr, 'stderr');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  it('colour output: only the colour codes summit-score adds', async () => {
    for (const argv of [
      ['evaluate', RECORD, '-m', MATRIX, '--explain'],
      ['test', namedMatrix],
      ['validate', folder],
    ]) {
      const result = await run(argv, { isTTY: true });
      expectTerminalSafe(result.stdout, argv.join(' '));
    }
  });
});

describe('safeText', () => {
  it('shows every control and invisible format character as an escape, and nothing else', () => {
    expect(safeText('a\nb\rc\td\u001b[2J\u009b\u202e\u2066\u200b\u200d\ufeff\u00ad\u2028\u{e0041}')).toBe(
      'a\\u000ab\\u000dc\\u0009d\\u001b[2J\\u009b\\u202e\\u2066\\u200b\\u200d\\ufeff\\u00ad\\u2028\\u{e0041}',
    );
    expect(safeText('Obama–Xi, São Paulo, 北京, ☃')).toBe('Obama–Xi, São Paulo, 北京, ☃');
  });

  it('makes two titles that look alike look different', () => {
    expect(safeText('abc')).not.toBe(safeText('a\u200bbc'));
    expect(safeText('abc')).not.toBe(safeText('\u202ecba'));
  });

  it('terminalText keeps line ends, tabs and colour codes, and escapes the rest', () => {
    expect(terminalText('\u001b[31mred\u001b[0m\tx\r\ny\n\u001b]0;t\u0007\u001b[2J\u202e')).toBe(
      '\u001b[31mred\u001b[0m\tx\r\ny\n\\u001b]0;t\\u0007\\u001b[2J\\u202e',
    );
    expect(JSON.parse(terminalText(JSON.stringify('\u{e0041}\u0085')))).toBe('\u{e0041}\u0085');
  });
});

export type { RunResult };

describe('CSV a spreadsheet would run, HTML a browser would run', async () => {
  // Text starting with =, +, - or @ is a formula to Excel and LibreOffice (OWASP, "CSV Injection").
  const FORMULA = /^[=+\-@\t\r]/;
  const formulaMatrix = join(dir, 'formula-matrix.yaml');
  const formulaRecord = join(dir, 'formula-record.yaml');
  writeFileSync(
    formulaMatrix,
    readFileSync('matrices/lewis-2015.yaml', 'utf8')
      .replace(/^title: .*$/m, 'title: "=HYPERLINK(\\"http://example.org/x\\",\\"click\\")"')
      .replace(/^version: .*$/m, 'version: "+1+cmd|\' /C calc\'!A0"'),
  );
  writeFileSync(formulaRecord, readFileSync('fixtures/us-china-2015-09.yaml', 'utf8').replace(/^title: .*$/m, 'title: "@SUM(1+1)*cmd|\' /C calc\'!A0"'));
  const formulaCoders = join(dir, 'formula-coders');
  for (const coder of ['a', 'b']) {
    mkdirSync(join(formulaCoders, coder), { recursive: true });
    copyFileSync(formulaRecord, join(formulaCoders, coder, 'us-china-2015-09.yaml'));
  }
  const scriptRecord = join(dir, 'script-record.yaml');
  writeFileSync(
    scriptRecord,
    readFileSync('fixtures/us-china-2015-09.yaml', 'utf8').replace(
      /^title: .*$/m,
      'title: "</title></text><script>alert(1)</script><img src=x onerror=alert(2)> & \\"q\\" \'a\'"',
    ),
  );
  const formulaEvaluation = join(dir, 'formula-evaluation.json');
  writeFileSync(formulaEvaluation, (await run(['evaluate', formulaRecord, '-m', formulaMatrix, '-f', 'json'])).stdout);

  it.each([
    ['evaluate', formulaRecord, '-m', formulaMatrix, '-f', 'csv'],
    ['evaluate', formulaRecord, '-m', formulaMatrix, '-f', 'long'],
    ['compare', formulaRecord, 'us-china-2013-06', '-m', formulaMatrix, '-f', 'csv'],
    ['compare', formulaRecord, 'us-china-2013-06', '-m', formulaMatrix, '-f', 'long'],
    ['timeline', formulaRecord, '-m', formulaMatrix, '-f', 'csv'],
    ['sensitivity', formulaRecord, '-m', formulaMatrix, '--samples', '5', '-f', 'csv'],
    ['agree', '-m', formulaMatrix, formulaCoders, '--samples', '5', '-f', 'csv'],
    ['diff', formulaEvaluation, formulaEvaluation, '-f', 'csv'],
  ])('%s ... %s %s: no field of text starts a formula, and the text is all there', async (...argv) => {
    const result = await run(argv);
    expect(result.exitCode, result.stderr).toBe(0);
    const rows: string[][] = parse(result.stdout);
    const fields = rows.flat();
    for (const field of fields) if (Number.isNaN(Number(field))) expect(field).not.toMatch(FORMULA);
    // Where the CSV holds a title or version, it arrived with a ' before it, so the check was not vacuous.
    if (['evaluate', 'compare'].includes(argv[0] ?? '')) expect(fields.filter((field) => /^'[=+@]/.test(field)).length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['evaluate', scriptRecord, '-m', 'lewis-2015'],
    ['compare', scriptRecord, 'us-china-2013-06', '-m', 'lewis-2015'],
    ['timeline', scriptRecord, '-m', 'lewis-2015'],
    ['sensitivity', scriptRecord, '-m', 'lewis-2015', '--samples', '5'],
  ])('%s -f html and svg: a title holding markup is escaped, not markup', async (...argv) => {
    for (const format of ['html', 'svg']) {
      const { exitCode, stdout } = await run([...argv, '-f', format]);
      expect(exitCode).toBe(0);
      expect(stdout, format).not.toMatch(/<script>alert|<img src=x|<\/text><script/i);
      if (format === 'html') expect(stdout).toContain('&lt;script&gt;');
    }
  });
});
