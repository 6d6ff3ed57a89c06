// Start-up loads only what a command needs: `--version` nothing, and `evaluate` on the bundled
// default neither the YAML parser nor ajv's schema compiler (the build precompiles the validators
// and loads the bundled files). Checked by structure, in the built tool: which CommonJS modules
// (yaml and ajv are loaded as such) a run has required.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('the command bundle (scripts/build-cli.mjs)', () => {
  const bundle = 'dist/cli-bundle';

  it('is what bin/summit-score.js runs', () => {
    const bin = readFileSync('bin/summit-score.js', 'utf8');
    expect([...bin.matchAll(/from '([^']+)'/g)].map((m) => m[1])).toEqual(['../dist/cli-bundle/cli.js', '../dist/cli-bundle/io.js']);
  });

  it('holds one copy of every module of ours: it imports its own chunks, packages and node built-ins, never a file of dist/', () => {
    const specifiers = readdirSync(bundle).flatMap((name) =>
      [...readFileSync(join(bundle, name), 'utf8').matchAll(/(?:from |import\()"([^"]+)"/g)].map((m) => m[1]!),
    );
    const outside = specifiers.filter((s) => !/^\.\/chunk-[A-Z0-9]+\.js$|^\.\/[a-z-]+\.js$/.test(s) && (s.startsWith('.') || s.startsWith('/')));
    expect(specifiers.length).toBeGreaterThan(20);
    expect(outside).toEqual([]);
    for (const s of specifiers.filter((x) => x.startsWith('./'))) expect(readdirSync(bundle)).toContain(s.slice(2));
  });

  it('prints for the bundled default exactly what the plain build prints', () => {
    const run = (entry: string) =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { main } = await import(${JSON.stringify(new URL(`../../../${entry}`, import.meta.url).href)}); let out = ''; await main(['evaluate', '-f', 'json'], { stdout: (t) => { out += t; }, stderr() {}, readStdin: () => Buffer.alloc(0), isTTY: false, env: {} }); process.stdout.write(out);`,
        ],
        { encoding: 'utf8' },
      );
    const bundled = run('dist/cli-bundle/cli.js');
    expect(JSON.parse(bundled).results[0].record.id).toBe('us-china-2015-09');
    expect(bundled).toBe(run('dist/cli.js'));
  });
});
