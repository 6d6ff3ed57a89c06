// SARIF as GitHub code scanning reads it: Microsoft's SARIF multitool (the real one, the .NET
// binary @microsoft/sarif-multitool ships) validates the output with GitHub's rules (GH*) and the
// SARIF rules, as its `validate --rule-kind Gh;Sarif` does. It runs offline. The one run here
// checks every file at once (the tool takes seconds to start).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeAnchor, formatSarif } from '../../../src/ci-format/sarif.js';
import type { CiReport } from '../../../src/ci-format/types.js';
import { CI_TOOL } from '../../../src/package-info.js';
import { headings } from '../../helpers/docs.js';
import { cli, here } from '../../ci/helpers.js';

const require = createRequire(import.meta.url);
/** The platform's binary: the package's index names it (it throws where no binary is shipped). */
const MULTITOOL = require('@microsoft/sarif-multitool') as string;
const REPOSITORY = 'https://github.com/example-owner/summit-score';

interface Finding {
  readonly file: string;
  readonly ruleId: string;
  readonly level: string;
}
interface SarifLog {
  runs: {
    tool: {
      driver: { informationUri?: string; rules: { id: string; fullDescription?: unknown; help?: { text: string; markdown: string }; helpUri?: string }[] };
    };
    automationDetails: { id: string };
    results: unknown[];
  }[];
}

const REPORT: CiReport = {
  tool: { name: 'summit-score', version: '0.1.0', repository: REPOSITORY },
  command: 'validate',
  summary: 'Checked 1 file (1 matrix): 1 error, 1 warning.',
  suites: [
    {
      name: 'm.yaml',
      classname: 'm',
      cases: [
        {
          name: 'UNKNOWN_KEY at 3:5',
          file: 'm.yaml',
          line: 3,
          findings: [
            { severity: 'error', code: 'UNKNOWN_KEY', file: 'm.yaml', line: 3, col: 5, message: 'unknown key `wieght`', hint: 'did you mean `weight`?' },
          ],
        },
        {
          name: 'NO_SOURCE at 9:1',
          file: 'm.yaml',
          line: 9,
          findings: [
            {
              severity: 'warning',
              code: 'NO_SOURCE',
              file: 'm.yaml',
              line: 9,
              col: 1,
              message: 'no source',
              related: [{ file: 'r.yaml', line: 2, col: 1, message: 'record r' }],
            },
          ],
        },
      ],
    },
  ],
};

const logs: Record<string, string> = {};
let findings: Finding[] = [];

beforeAll(async () => {
  const real = {
    'validate.sarif': ['validate', 'test/corpus', 'matrices', 'fixtures', '--matrix', here('matrices/small.yaml'), '-f', 'sarif'],
    'test.sarif': ['test', here('failing/failing.yaml'), 'lewis-2015', '--min-coverage', '100', '-f', 'sarif'],
    'agree.sarif': ['agree', '-m', 'lewis-2015-v1', 'fixtures/coders/a', 'fixtures/coders/b', '--min-alpha', '0.99', '-f', 'sarif'],
  };
  for (const [file, argv] of Object.entries(real)) {
    const run = await cli(argv);
    expect(run.stdout.length, `${argv.join(' ')}: ${run.stderr}`).toBeGreaterThan(0);
    logs[file] = run.stdout;
  }
  logs['repository.sarif'] = formatSarif(REPORT);
  // The validator must have teeth: the same log without the rule's descriptions breaks GitHub's rules.
  const bare = JSON.parse(logs['repository.sarif']) as SarifLog;
  for (const rule of bare.runs[0]!.tool.driver.rules) {
    delete rule.fullDescription;
    delete rule.help;
  }
  logs['bare.sarif'] = JSON.stringify(bare);

  const dir = mkdtempSync(join(tmpdir(), 'summit-sarif-'));
  const paths = Object.entries(logs).map(([file, text]) => (writeFileSync(join(dir, file), text), join(dir, file)));
  const out = join(dir, 'multitool.sarif');
  // Asynchronous: the tool takes seconds (a minute on a loaded machine), and a blocked worker
  // cannot answer the test runner.
  const run = await new Promise<{ status: number | null; output: string }>((done) => {
    execFile(
      MULTITOOL,
      ['validate', ...paths, '--rule-kind', 'Gh;Sarif', '--output', out, '--log', 'ForceOverwrite', '--quiet'],
      // No ICU needed, no telemetry, no home folder of the caller's.
      {
        encoding: 'utf8',
        timeout: 300_000,
        env: { PATH: process.env['PATH'] ?? '', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1', HOME: dir },
      },
      (error, stdout, stderr) =>
        done({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: `${stdout}\n${stderr}\n${error?.message ?? ''}` }),
    );
  });
  expect(run.status, run.output).toBe(0);
  const results = (
    JSON.parse(readFileSync(out, 'utf8')) as {
      runs: { results: { ruleId: string; level?: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    }
  ).runs[0]!.results;
  findings = results.map((r) => ({ file: basename(r.locations[0]!.physicalLocation.artifactLocation.uri), ruleId: r.ruleId, level: r.level ?? 'warning' }));
}, 400_000);

const of = (file: string) => findings.filter((f) => f.file === file).map((f) => `${f.level} ${f.ruleId}`);

describe('SARIF, checked by the SARIF multitool with GitHub rules', () => {
  it.each(['validate.sarif', 'test.sarif', 'agree.sarif'])(
    '%s (real output): no error; no warning but the missing informationUri while package.json names no repository',
    (file) => {
      expect(of(file)).toEqual(CI_TOOL.repository === undefined ? ['warning SARIF2005'] : []);
    },
  );

  it('with the repository named: nothing at all, and the tool and each rule link there', () => {
    expect(of('repository.sarif')).toEqual([]);
    const driver = (JSON.parse(logs['repository.sarif']!) as SarifLog).runs[0]!.tool.driver;
    expect(driver.informationUri).toBe(REPOSITORY);
    expect(driver.rules.map((rule) => rule.helpUri)).toEqual([
      `${REPOSITORY}/blob/HEAD/docs/error-codes.md#no_source`,
      `${REPOSITORY}/blob/HEAD/docs/error-codes.md#unknown_key`,
    ]);
  });

  it("has teeth: rules without fullDescription and help break GitHub's rule GH2012, once per rule and property", () => {
    expect(of('bare.sarif').filter((f) => f.startsWith('error'))).toEqual(['error GH2012', 'error GH2012', 'error GH2012', 'error GH2012']);
  });
});

describe('SARIF rules and runs', () => {
  it.each(['validate', 'test', 'agree'])('%s: the run names its command as its category, and each rule has its help', (command) => {
    const run = (JSON.parse(logs[`${command}.sarif`]!) as SarifLog).runs[0]!;
    expect(run.automationDetails.id).toBe(`summit-score/${command}/`);
    expect(run.results.length).toBeGreaterThan(0);
    for (const rule of run.tool.driver.rules) {
      expect(rule.help!.text).toContain(rule.id);
      expect(rule.help!.markdown).toContain(`\`${rule.id}\``);
      expect(rule.fullDescription).toBeDefined();
    }
  });

  it('links to anchors docs/error-codes.md has', () => {
    const page = readFileSync('docs/error-codes.md', 'utf8');
    expect(headings(page)).toContain('## Error codes');
    for (const code of ['UNKNOWN_KEY', 'NO_SOURCE', 'TEST_FAILED', 'CODERS_DISAGREE'] as const)
      expect(page).toContain(`<a name="${codeAnchor(code)}"></a>\`${code}\``);
  });
});
