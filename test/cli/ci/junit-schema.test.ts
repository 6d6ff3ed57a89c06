// JUnit as CI servers read it: the output of validate, test and agree is valid against the
// common JUnit schema (Jenkins' junit-4.xsd, test/ci/junit/), checked by libxml2 (xmllint-wasm);
// a case's name and classname do not move when an edit moves its line; messages are one line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { formatJunit } from '../../../src/ci-format/junit.js';
import { uniqueNames, type CiReport } from '../../../src/ci-format/types.js';
import { cli, here } from '../../ci/helpers.js';

const XSD = readFileSync('test/ci/junit/jenkins-junit.xsd', 'utf8');

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [XSD] });
  return result.errors.map((error) => error.rawMessage);
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
interface Case {
  name: string;
  classname: string;
  file?: string;
  line?: string;
  failure?: { message: string };
}
const cases = (xml: string) =>
  (parser.parse(xml) as { testsuites: { testsuite?: { testcase?: Case[] }[] } }).testsuites.testsuite!.flatMap((suite) => suite.testcase ?? []);

const RUNS: Record<string, string[]> = {
  'validate, clean': ['validate', 'matrices', 'fixtures'],
  'validate, a corpus of broken files': ['validate', 'test/corpus', '--matrix', here('matrices/small.yaml')],
  'validate, warnings': ['validate', '--matrix', 'lewis-2015', 'fixtures/coders/b/us-china-2015-09.yaml'],
  'test, passing': ['test', '--bundled'],
  'test, failing, coverage too low, a matrix that does not load': [
    'test',
    here('failing/failing.yaml'),
    'test/corpus/matrices/misspelt-required-key.yaml',
    '--min-coverage',
    '100',
  ],
  'agree, disagreements and alpha too low': ['agree', '-m', 'lewis-2015-v1', 'fixtures/coders/a', 'fixtures/coders/b', '--min-alpha', '0.99'],
};

describe('JUnit against the common JUnit schema', () => {
  it.each(Object.entries(RUNS))('%s: valid, every case named and classed, no file or line attributes', async (_name, argv) => {
    const run = await cli([...argv, '-f', 'junit']);
    expect(run.stdout.startsWith('<?xml')).toBe(true);
    expect(await schemaErrors(run.stdout)).toEqual([]);
    const all = cases(run.stdout);
    expect(all.length).toBeGreaterThan(0);
    for (const testCase of all) {
      expect(testCase.classname.length).toBeGreaterThan(0);
      expect(testCase.file).toBeUndefined();
      expect(testCase.line).toBeUndefined();
    }
  });

  it('has teeth: a testcase with a file attribute, or without a name, is refused', async () => {
    const xml = (await cli(['validate', 'test/corpus/matrices/misspelt-required-key.yaml', '-f', 'junit'])).stdout;
    expect(await schemaErrors(xml)).toEqual([]);
    expect((await schemaErrors(xml.replace('<testcase name=', '<testcase file="x.yaml" name='))).join('\n')).toMatch(/attribute 'file' is not allowed/);
    expect((await schemaErrors(xml.replace(/<testcase name="[^"]*"/, '<testcase'))).join('\n')).toMatch(/attribute 'name' is required/);
  });
});

// -f junit-file-line: the same report with `file` and `line` on each case that has a place, for
// readers that use them (GitLab's test report); off by default, since junit-4.xsd refuses them.
describe('JUnit with file and line (opt-in)', () => {
  const LOCATED = / file="[^"]*"(?: line="\d+")?/g;

  it.each(Object.entries(RUNS))('%s: the default report, plus file and line on the cases', async (_name, argv) => {
    const plain = (await cli([...argv, '-f', 'junit'])).stdout;
    const located = (await cli([...argv, '-f', 'junit-file-line'])).stdout;
    expect(located.replace(LOCATED, '')).toBe(plain);
    expect(located.match(LOCATED)?.length ?? 0).toBeGreaterThan(0);
  });

  it("puts each problem's case at the file and line -f json gives it, and is refused by junit-4.xsd, as documented", async () => {
    const argv = ['validate', 'test/corpus/matrices/misspelt-required-key.yaml', 'test/corpus/matrices/copied-condition.yaml'];
    const json = JSON.parse((await cli([...argv, '-f', 'json'])).stdout) as { files: { file: string; diagnostics: { line: number }[] }[] };
    const xml = (await cli([...argv, '-f', 'junit-file-line'])).stdout;
    const places = cases(xml).map((c) => [c.file, Number(c.line)]);
    expect(places).toEqual(json.files.flatMap((file) => file.diagnostics.map((d) => [file.file, d.line])));
    expect((await schemaErrors(xml)).join('\n')).toMatch(/attribute 'file' is not allowed/);
  });

  it('places a disagreement of agree at the first coder’s deciding fact', async () => {
    const argv = ['agree', '-m', 'lewis-2015', 'fixtures/coders/a', 'fixtures/coders/b', '--samples', '200'];
    const github = (await cli([...argv, '-f', 'github'])).stdout;
    const located = cases((await cli([...argv, '-f', 'junit-file-line'])).stdout).filter((c) => c.failure === undefined && c.file !== undefined);
    expect(located.length).toBeGreaterThan(0);
    // Each placed case's file and line is that of an annotation of the same run.
    for (const c of located) expect(github).toContain(`file=${c.file},line=${c.line},`);
  });
});

describe('JUnit names', () => {
  it('stay the same when an edit above the problem moves its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-junit-'));
    const file = join(dir, 'm.yaml');
    const original = readFileSync('test/corpus/matrices/copied-condition.yaml', 'utf8');
    const validate = async (text: string) => {
      writeFileSync(file, text);
      const lines = (
        JSON.parse((await cli(['validate', file, '-f', 'json'])).stdout) as { files: { diagnostics: { line: number }[] }[] }
      ).files[0]!.diagnostics.map((d) => d.line);
      return { lines, cases: cases((await cli(['validate', file, '-f', 'junit'])).stdout) };
    };
    const before = await validate(original);
    const after = await validate(`# a comment\n# and another\n${original}`);
    expect(before.cases.length).toBeGreaterThan(0);
    expect(after.lines).toEqual(before.lines.map((line) => line + 2));
    expect(after.cases.map((c) => [c.name, c.classname])).toEqual(before.cases.map((c) => [c.name, c.classname]));
    expect(before.cases[0]!.classname).toBe(join(dir, 'm'));
  });

  it('name a golden case by its name, classed by its matrix id', async () => {
    const all = cases((await cli(['test', 'lewis-2015', '-f', 'junit'])).stdout);
    expect(all.every((c) => c.classname === 'lewis-2015')).toBe(true);
    expect(all.map((c) => c.name)).toContain('2015, as of the summit day - the negotiation is defined, a promise');
  });

  it('number repeated names, so a CI server never merges two cases', () => {
    expect(uniqueNames([{ name: 'a' }, { name: 'b' }, { name: 'a' }, { name: 'a' }]).map((c) => c.name)).toEqual(['a', 'b', 'a (2)', 'a (3)']);
  });
});

describe('JUnit messages', () => {
  it('are one line, whatever the message holds', () => {
    const report: CiReport = {
      tool: { name: 'summit-score', version: '0' },
      command: 'validate',
      summary: 'Checked 1 file (1 matrix): 1 error, 0 warnings.',
      suites: [
        {
          name: 'm.yaml',
          classname: 'm',
          cases: [
            { name: 'x', findings: [{ severity: 'error', code: 'BAD_TEST', file: 'm.yaml', line: 2, col: 1, message: 'first line\n  second line\r\nthird' }] },
          ],
        },
      ],
    };
    const xml = formatJunit(report);
    expect(cases(xml)[0]!.failure!.message).toBe('first line second line third');
  });

  it('of a failed golden case name what differs, on one line', async () => {
    const all = cases((await cli(['test', here('failing/failing.yaml'), '-f', 'junit'])).stdout);
    const messages = all.flatMap((c) => (c.failure ? [c.failure.message] : []));
    expect(messages.length).toBe(3);
    for (const message of messages) expect(message).not.toMatch(/[\r\n]/);
  });
});
