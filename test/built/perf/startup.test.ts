// Start-up loads only what a command needs: `--version` nothing, and `evaluate` on the bundled
// default neither the YAML parser nor ajv's schema compiler (the build precompiles the validators
// and loads the bundled files). Checked by structure, in the built tool: which CommonJS modules
// (yaml and ajv are loaded as such) a run has required.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

function requiredAfter(argv: string[]): string[] {
  const script = `
    import { createRequire } from 'node:module';
    const { main } = await import(${JSON.stringify(new URL('../../../dist/cli.js', import.meta.url).href)});
    const io = { stdout() {}, stderr() {}, readStdin: () => Buffer.alloc(0), isTTY: false, env: {} };
    const code = await main(${JSON.stringify(argv)}, io);
    const cache = createRequire(import.meta.url).cache;
    process.stdout.write(JSON.stringify({ code, modules: Object.keys(cache) }));
  `;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { code: number; modules: string[] };
  expect(out.code).toBe(0);
  return out.modules;
}

describe('start-up', () => {
  it('--version loads neither the YAML parser nor ajv', () => {
    const modules = requiredAfter(['--version']);
    expect(modules.filter((m) => /node_modules\/(yaml|ajv)\//.test(m))).toEqual([]);
  });

  it('evaluate on the bundled default uses the precompiled validators and inputs: no YAML parser, no schema compiler', () => {
    const modules = requiredAfter(['evaluate']);
    expect(modules.filter((m) => /node_modules\/yaml\//.test(m))).toEqual([]);
    expect(modules.filter((m) => /node_modules\/ajv\/dist\/(ajv|core|compile)/.test(m))).toEqual([]);
  });

  it("evaluate on a YAML file of one's own parses it, and checks it with the precompiled validators", () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-startup-'));
    const file = join(dir, 'changed.yaml');
    writeFileSync(file, `${readFileSync('fixtures/us-china-2013-06.yaml', 'utf8')}\n# changed, so not the bundled file\n`);
    const modules = requiredAfter(['evaluate', '-m', 'lewis-2015', file]);
    expect(modules.some((m) => /node_modules\/yaml\//.test(m))).toBe(true);
    expect(modules.some((m) => /dist\/schema\/validators\.cjs$/.test(m))).toBe(true);
    expect(modules.filter((m) => /node_modules\/ajv\/dist\/(ajv|core|compile)/.test(m))).toEqual([]);
  });

  it.each([[['validate', 'matrices', 'fixtures']], [['test', '--bundled']]])('%j on the bundled files uses their stored documents: no YAML parser', (argv) => {
    const modules = requiredAfter(argv);
    expect(modules.filter((m) => /node_modules\/yaml\//.test(m))).toEqual([]);
  });
});

describe('start-up of the built command', () => {
  it('evaluate does not load node:child_process, which commander requires for executable subcommands we never declare', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-startup-'));
    const preload = join(dir, 'builtins.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));\n");
    const run = spawnSync(process.execPath, ['-r', preload, 'bin/summit-score.js', 'evaluate'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(0);
    const builtins = JSON.parse(run.stderr) as string[];
    // The list names what the run loaded: the file system, and not the process spawner.
    expect(builtins).toContain('NativeModule fs');
    expect(builtins.filter((name) => /child_process/.test(name))).toEqual([]);
  });
});

/** The built bundle as bin/summit-score.js loads it (bin/load-command.cjs), or a plain build's module. */
const BUNDLE = 'bundle';

/** Runs main() of the given build in a fresh Node: its output, and every file it loaded as an ES or CommonJS module. */
function runOf(entry: string, argv: string[], env: Record<string, string> = {}): { code: number; out: string; loaded: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'summit-bundle-'));
  const log = join(dir, 'loaded.txt');
  writeFileSync(log, '');
  const hook = `import { appendFileSync } from 'node:fs'; export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }`;
  const load =
    entry === BUNDLE
      ? `createRequire(import.meta.url)(${JSON.stringify(new URL('../../../bin/load-command.cjs', import.meta.url).pathname)}).loadCommand()`
      : `await import(${JSON.stringify(new URL(`../../../${entry}`, import.meta.url).href)})`;
  const script = `
    import { createRequire, register } from 'node:module';
    register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});
    const { main } = ${load};
    let out = '';
    const io = { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, readStdin: () => Buffer.alloc(0), isTTY: false, env: ${JSON.stringify(env)} };
    const code = await main(${JSON.stringify(argv)}, io);
    process.stdout.write(JSON.stringify({ code, out, required: Object.keys(createRequire(import.meta.url).cache) }));
  `;
  const run = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as {
    code: number;
    out: string;
    required: string[];
  };
  const loaded = [
    ...readFileSync(log, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:')),
    ...run.required.map((path) => pathToFileURL(path).href),
  ];
  return { code: run.code, out: run.out, loaded };
}

describe('the command bundle (scripts/build-cli.mjs)', () => {
  const bundle = 'dist/cli-bundle';
  /** The packages the build puts into the bundle: listed in scripts/build-cli.mjs, with what they import. */
  const bundledPackages = ['commander', 'chalk', 'cli-table3', 'minimatch'];
  const specifiers = () =>
    [...readFileSync(join(bundle, 'cli.cjs'), 'utf8').matchAll(/(?<![\w$])(?:require|__importModule)\((["'])([^"']+)\1\)/g)].map((m) => m[2]!);
  const node = (script: string) => execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const loader = JSON.stringify(new URL('../../../bin/load-command.cjs', import.meta.url).pathname);

  it('is what bin/summit-score.js runs, through bin/load-command.cjs', () => {
    const bin = readFileSync('bin/summit-score.js', 'utf8');
    expect([...bin.matchAll(/(?:from |import\(|createRequire\(import\.meta\.url\)\()'([^']+)'/g)].map((m) => m[1])).toEqual([
      'node:module',
      'node:fs',
      './load-command.cjs',
    ]);
    expect(readdirSync(bundle).sort()).toEqual([
      'THIRD-PARTY-LICENSES.md',
      `cli-${process.version}-${process.arch}.code-cache`,
      'cli.cjs',
      'import-module.cjs',
    ]);
  });

  it('is compiled with the code cache the build wrote for this Node.js, which V8 accepts', () => {
    const report = node(`
      const { readFileSync } = require('node:fs');
      const { compileCommand, codeCacheFile } = require(${loader});
      const { script, exports } = compileCommand(readFileSync(codeCacheFile()));
      process.stdout.write(JSON.stringify({ file: codeCacheFile(), rejected: script.cachedDataRejected, main: typeof exports.main }));
    `);
    expect(JSON.parse(report)).toEqual({ file: resolve(bundle, `cli-${process.version}-${process.arch}.code-cache`), rejected: false, main: 'function' });
  });

  it('runs without a cache, or with one V8 rejects, and prints the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-cache-'));
    for (const name of ['package.json', 'bin', 'dist', 'matrices', 'fixtures']) cpSync(name, join(dir, name), { recursive: true });
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    const evaluate = () => execFileSync(process.execPath, [join(dir, 'bin/summit-score.js'), 'evaluate', '-f', 'json'], { encoding: 'utf8' });
    const withCache = evaluate();
    const cache = join(dir, bundle, `cli-${process.version}-${process.arch}.code-cache`);
    writeFileSync(cache, Buffer.alloc(4096, 7));
    const rejected = node(`
      const { readFileSync } = require('node:fs');
      const { compileCommand, codeCacheFile } = require(${JSON.stringify(join(dir, 'bin/load-command.cjs'))});
      process.stdout.write(String(compileCommand(readFileSync(codeCacheFile())).script.cachedDataRejected));
    `);
    expect(rejected).toBe('true');
    expect(evaluate()).toBe(withCache);
    rmSync(cache);
    expect(evaluate()).toBe(withCache);
    expect(withCache).toBe(runOf('dist/cli.js', ['evaluate', '-f', 'json']).out);
  });

  it('holds one copy of every module of ours: it requires node built-ins, packages and its own import-module.cjs, never a file of dist/', () => {
    const relative = specifiers().filter((s) => s.startsWith('.') || s.startsWith('/'));
    expect(specifiers().length).toBeGreaterThan(20);
    expect(relative).toEqual(['./import-module.cjs']);
  });

  it('holds the packages every command needs, and imports none of them from node_modules', () => {
    const packages = new Set(
      specifiers()
        .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
        .map((s) => s.split('/', s.startsWith('@') ? 2 : 1).join('/')),
    );
    // Outside: what only some commands load (CSV and YAML for `import`, the chart packages), and cli-table3's own colour styles, which we never use.
    // (The YAML parser and ajv are also loaded by a require of their own, when a file is read or checked.)
    expect([...packages].sort()).toEqual(['@colors/colors', 'csv-parse', 'vega', 'vega-lite', 'yaml']);
    for (const name of bundledPackages) expect(packages).not.toContain(name);
  });

  it('evaluate on the bundled default loads the bundle and no file of node_modules', () => {
    const { code, loaded } = runOf(BUNDLE, ['evaluate']);
    expect(code).toBe(0);
    expect(loaded.filter((url) => url.includes('/node_modules/'))).toEqual([]);
    expect(loaded.filter((url) => url.includes('/dist/') && !url.endsWith('/dist/schema/validators.cjs'))).toEqual([]);
    expect(loaded.some((url) => url.endsWith('/bin/load-command.cjs'))).toBe(true);
  });

  it('draws a chart: the chart packages, ES modules, load through import-module.cjs', () => {
    const bundled = runOf(BUNDLE, ['evaluate', '-f', 'svg']);
    const plain = runOf('dist/cli.js', ['evaluate', '-f', 'svg']);
    expect(bundled.code).toBe(0);
    expect(bundled.out).toBe(plain.out);
    expect(bundled.out).toMatch(/^<svg /);
    expect(bundled.loaded.some((url) => url.includes('/node_modules/vega/'))).toBe(true);
  });

  it('ships the licence of every package bundled into it', () => {
    const licences = readFileSync(join(bundle, 'THIRD-PARTY-LICENSES.md'), 'utf8');
    const included = [...licences.matchAll(/^## (\S+) (\S+) \(([^)]+)\)$/gm)].map((m) => m[1]!);
    expect(included).toEqual(expect.arrayContaining([...bundledPackages, 'string-width', 'brace-expansion']));
    for (const name of included) {
      const manifest = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string; license: string };
      expect(licences).toContain(`## ${name} ${manifest.version} (${manifest.license})`);
    }
    expect(licences).toContain('Copyright (c) Sindre Sorhus'); // chalk's own licence text
    expect(licences).toContain('Blue Oak Model License'); // minimatch's
  });

  it.each([
    [['evaluate', '-f', 'json']],
    [['evaluate']],
    [['evaluate', '--explain', '--width', '60']],
    [['evaluate', '--color']],
    [['--help']],
    [['evaluate', '--nope']],
    [['validate', 'matrices', 'fixtures']],
    [['test', '--bundled']],
    [['list']],
  ])('%j prints with the bundle exactly what the plain build prints', (argv) => {
    const bundled = runOf(BUNDLE, argv);
    const plain = runOf('dist/cli.js', argv);
    expect(bundled.out.length).toBeGreaterThan(40);
    expect(bundled.out).toBe(plain.out);
    expect(bundled.code).toBe(plain.code);
    // The plain build loads the packages from node_modules: the comparison is with the packages as installed.
    expect(plain.loaded.some((url) => url.includes('/node_modules/commander/'))).toBe(true);
  });
});

describe('bin/summit-score.js --version', () => {
  it('prints the version in package.json, as main() does, without loading the command', () => {
    // A copy of bin/ beside a package.json, and no dist/ at all: the command cannot be what answers.
    const dir = mkdtempSync(join(tmpdir(), 'summit-version-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync('bin/summit-score.js', join(dir, 'bin', 'summit-score.js'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'summit-score', version: '9.8.7-test', type: 'module' }));
    for (const flag of ['--version', '-V'])
      expect(execFileSync(process.execPath, [join(dir, 'bin', 'summit-score.js'), flag], { encoding: 'utf8' })).toBe('9.8.7-test\n');
    // Anything else runs the command, which is not there.
    expect(spawnSync(process.execPath, [join(dir, 'bin', 'summit-score.js'), '--version', 'evaluate'], { encoding: 'utf8' }).stderr).toMatch(
      /Cannot find module '\.\/load-command\.cjs'/,
    );
  });

  it('prints what the command prints for --version', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(execFileSync(process.execPath, ['bin/summit-score.js', '--version'], { encoding: 'utf8' })).toBe(`${version}\n`);
    expect(runOf('dist/cli.js', ['--version']).out).toBe(`${version}\n`);
  });
});
