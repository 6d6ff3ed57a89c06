import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../../src/ci-format/github.js';
import { formatJunit } from '../../../src/ci-format/junit.js';
import { formatSarif } from '../../../src/ci-format/sarif.js';
import type { CiReport } from '../../../src/ci-format/types.js';
import { cli, here } from '../../ci/helpers.js';

// The published SARIF 2.1.0 schema (draft-04), as @microsoft/jest-sarif ships it.
const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
function sarifValidator(): ValidateFunction {
  const Ajv04 = require('ajv-draft-04') as new (options: object) => { compile(schema: object): ValidateFunction };
  const addFormats = require('ajv-formats') as (ajv: unknown) => void;
  // The schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(sarifSchema);
}
const validateSarif = sarifValidator();

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
interface JunitCase {
  name: string;
  classname?: string;
  line?: string;
  failure?: { type: string; message: string; '#text': string };
  'system-out'?: string;
}
interface Junit {
  testsuites: { name: string; tests: string; failures: string; testsuite: { name: string; tests: string; failures: string; testcase: JunitCase[] }[] };
}

const HOSTILE: CiReport = {
  tool: { name: 'summit-score', version: '0.0.0' },
  command: 'validate',
  summary: 'Checked 1 file (1 matrix): 1 error, 1 warning.',
  suites: [
    {
      name: 'dir with space/m & <x>.yaml',
      classname: 'dir with space/m & <x>',
      cases: [
        {
          name: 'UNKNOWN_KEY at 3:5',
          file: 'dir with space/m & <x>.yaml',
          line: 3,
          findings: [
            {
              severity: 'error',
              code: 'UNKNOWN_KEY',
              file: 'dir with space/m & <x>.yaml',
              line: 3,
              col: 5,
              message: 'unknown key `a"b` <&> \u001b[31mred\u0000',
              hint: '50%, a: b\nnext',
            },
          ],
        },
        {
          name: 'NO_SOURCE at 9:1',
          file: 'dir with space/m & <x>.yaml',
          line: 9,
          findings: [{ severity: 'warning', code: 'NO_SOURCE', file: 'dir with space/m & <x>.yaml', line: 9, col: 1, message: 'no source' }],
        },
      ],
    },
  ],
};

describe('JUnit XML', () => {
  it('parses back: suites, cases, failures with code and message; warnings do not fail', () => {
    const parsed = xml.parse(formatJunit(HOSTILE)) as Junit;
    expect(parsed.testsuites).toMatchObject({ name: 'summit-score validate', tests: '2', failures: '1' });
    const [failed, warned] = parsed.testsuites.testsuite[0]!.testcase;
    expect(failed!.failure).toMatchObject({ type: 'UNKNOWN_KEY' });
    expect(failed!.failure!.message).toBe('unknown key `a"b` <&> \\u001b[31mred\\u0000');
    expect(failed!.classname).toBe('dir with space/m & <x>');
    expect(warned!.failure).toBeUndefined();
    expect(warned!['system-out']).toContain('warning NO_SOURCE');
  });

  it('reports validate: a suite per file, a failing case per error', async () => {
    const run = await cli(['validate', 'test/corpus/matrices/misspelt-required-key.yaml', here('matrices/small.yaml'), '--format', 'junit']);
    expect(run.exitCode).toBe(1);
    const suites = (xml.parse(run.stdout) as Junit).testsuites.testsuite;
    expect(suites.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['test/corpus/matrices/misspelt-required-key.yaml', '1', '1'],
      [here('matrices/small.yaml'), '1', '0'],
    ]);
    expect(suites[0]!.testcase[0]).toMatchObject({
      name: 'UNKNOWN_KEY criteria[0].wieght',
      classname: 'test/corpus/matrices/misspelt-required-key',
      failure: { type: 'UNKNOWN_KEY' },
    });
    expect(suites[0]!.testcase[0]!.line).toBeUndefined();
  });

  it('reports test: a suite per matrix, a case per golden test, the explanation in the failure', async () => {
    const run = await cli(['test', here('failing/failing.yaml'), '--format', 'junit']);
    expect(run.exitCode).toBe(1);
    const [suite] = (xml.parse(run.stdout) as Junit).testsuites.testsuite;
    expect(suite!.testcase.map((c) => [c.name, c.failure?.type ?? 'passed'])).toEqual([
      ['expects a meeting the record does not have', 'TEST_FAILED'],
      ['expects less than the events reach', 'TEST_FAILED'],
      ['expects the wrong score', 'TEST_FAILED'],
      ['passes', 'passed'],
    ]);
    expect(suite!.testcase[0]!.failure!['#text']).toContain('why not held');
  });
});

describe('SARIF 2.1.0', () => {
  it('is valid against the published schema, with a rule per code and a region per result', () => {
    const log = JSON.parse(formatSarif(HOSTILE)) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[] }[];
      }[];
    };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    // The schema has teeth: a wrong level or a line 0 region is refused.
    const broken = JSON.parse(JSON.stringify(log)) as typeof log;
    (broken.runs[0]!.results[0] as { level: string }).level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
    const lineZero = JSON.parse(
      formatSarif({
        ...HOSTILE,
        suites: [
          { name: 'x', classname: 'x', cases: [{ name: 'x', findings: [{ severity: 'error', code: 'USAGE', file: 'x', line: 0, col: 1, message: 'm' }] }] },
        ],
      }),
    );
    expect(validateSarif(lineZero)).toBe(false);
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run!.tool.driver.rules.map((r) => r.id)).toEqual(['NO_SOURCE', 'UNKNOWN_KEY']);
    expect(run!.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['UNKNOWN_KEY', 'error'],
      ['NO_SOURCE', 'warning'],
    ]);
    expect(run!.results[0]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'dir%20with%20space/m%20%26%20%3Cx%3E.yaml' },
      region: { startLine: 3, startColumn: 5 },
    });
  });

  it('is valid for real validate output, related locations included', async () => {
    const run = await cli(['validate', '--matrix', here('matrices/small.yaml'), 'fixtures/us-china-2013-06.yaml', 'test/corpus/matrices', '--format', 'sarif']);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; relatedLocations?: unknown[] }[] }[] };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0]!.results.length).toBeGreaterThanOrEqual(58);
    expect(log.runs[0]!.results.some((r) => r.ruleId === 'NOT_IN_RECORDS' && (r.relatedLocations?.length ?? 0) > 0)).toBe(true);
  });

  it('is valid for real test output', async () => {
    const run = await cli(['test', here('failing/failing.yaml'), '--format', 'sarif']);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(['TEST_FAILED', 'TEST_FAILED', 'TEST_FAILED', 'TEST_FAILED']);
  });
});

describe('GitHub annotations', () => {
  it('prints ::error file=,line=,col=::message, escaping what the runner would misread', () => {
    expect(formatGithub(HOSTILE)).toBe(
      '::group::dir with space/m & <x>.yaml\n' +
        '::error file=dir with space/m & <x>.yaml,line=3,col=5,title=UNKNOWN_KEY::unknown key `a"b` <&> \\u001b[31mred\\u0000 (50%25, a: b%0Anext)\n' +
        '::warning file=dir with space/m & <x>.yaml,line=9,col=1,title=NO_SOURCE::no source\n' +
        '::endgroup::\n' +
        'summit-score validate: Checked 1 file (1 matrix): 1 error, 1 warning.\n',
    );
  });

  it('annotates real validate output at the mistake', async () => {
    const run = await cli(['validate', 'test/corpus/matrices/misspelt-required-key.yaml', '--format', 'github']);
    expect(run.stdout).toBe(
      '::group::test/corpus/matrices/misspelt-required-key.yaml\n' +
        '::error file=test/corpus/matrices/misspelt-required-key.yaml,line=13,col=5,title=UNKNOWN_KEY::unknown key `wieght` in criteria[0] (did you mean `weight`?)\n' +
        '::endgroup::\n' +
        'summit-score validate: Checked 1 file (1 matrix): 1 error, 0 warnings.\n',
    );
    expect(run.exitCode).toBe(1);
  });

  it('escapes commas and colons in the file property', () => {
    const report: CiReport = {
      ...HOSTILE,
      suites: [
        {
          name: 'x',
          classname: 'x',
          cases: [{ name: 'x', findings: [{ severity: 'error', code: 'USAGE', file: 'a,b:c.yaml', line: 1, col: 2, message: 'm' }] }],
        },
      ],
    };
    expect(formatGithub(report).split('\n')[1]).toBe('::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=USAGE::m');
  });
});
