// `validate` of the package's own files answered from the build's verdicts
// (src/load/precompiled-checks.ts, dist/bundled/checks.json): the same report as checking them,
// and every file checked again once any file of matrices/ or fixtures/ differs from the build,
// even when the file named is unchanged and only what its check reads has changed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';

const ROOT = resolve('.');

/** The built command run in `root` (a package folder): exit code, output, whether it parsed YAML and whether it ran the schema checks. */
function builtRun(root: string, argv: string[]): { code: number; out: string; parsedYaml: boolean; checkedSchema: boolean } {
  const script = `
    import { createRequire } from 'node:module';
    const { main } = createRequire(import.meta.url)(${JSON.stringify(`${root}/bin/load-command.cjs`)}).loadCommand();
    let out = '';
    const code = await main(${JSON.stringify(argv)}, { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, readStdin: () => Buffer.alloc(0), isTTY: false, env: {} });
    const required = Object.keys(createRequire(import.meta.url).cache);
    const parsedYaml = required.some((m) => m.includes('/node_modules/yaml/'));
    const checkedSchema = required.some((m) => m.endsWith('/dist/schema/validators.cjs'));
    process.stdout.write(JSON.stringify({ code, out, parsedYaml, checkedSchema }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as ReturnType<typeof builtRun>;
}

/** The package as installed: package.json, dist/, matrices/, fixtures/ and (linked) node_modules, in a folder of its own. */
function packageCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'summit-checks-'));
  for (const name of ['package.json', 'bin', 'dist', 'matrices', 'fixtures', 'src/schema']) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

describe('validate of the bundled files, from the verdicts stored at build time', () => {
  it.each([['text'], ['json'], ['sarif'], ['junit']])('prints in %s what checking every file prints, without parsing YAML', async (format) => {
    const argv = ['validate', 'matrices', 'fixtures', '-f', format];
    const built = builtRun(ROOT, argv);
    // The sources, run by vitest, have no stored verdicts (nor documents): they check every file.
    const checked = await run(argv);
    expect(built.out).toBe(checked.stdout + checked.stderr);
    expect(built.code).toBe(checked.exitCode);
    // Every data file of the two folders, counted here: the build's verdicts cover them all.
    const files = ['matrices', 'fixtures']
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }))
      .filter((name) => /\.(ya?ml|json)$/.test(name));
    if (format === 'text') expect(built.out).toMatch(new RegExp(`^Checked ${files.length} files \\(.*\\): no problems\\.$`, 'm'));
    expect(built.out.length).toBeGreaterThan(80);
    expect(built).toMatchObject({ parsedYaml: false, checkedSchema: false });
  });

  it('checks every file again when any file of the package differs: an unchanged tests file whose matrix lost a level', () => {
    const dir = packageCopy();
    expect(builtRun(dir, ['validate', 'matrices/lewis-2015.tests.yaml'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('no problems'),
      checkedSchema: false,
    });
    // The level renamed throughout: the matrix is still valid, and its tests name a level it no longer has.
    const matrix = join(dir, 'matrices', 'lewis-2015.yaml');
    writeFileSync(matrix, readFileSync(matrix, 'utf8').replace(/\bdefined\b/g, 'specified'));
    expect(builtRun(dir, ['validate', 'matrices/lewis-2015.yaml'])).toMatchObject({ code: 0, checkedSchema: true });
    const changed = builtRun(dir, ['validate', 'matrices/lewis-2015.tests.yaml']);
    expect(changed.code).not.toBe(0);
    expect(changed.out).toMatch(/^error UNKNOWN_LEVEL matrices\/lewis-2015\.tests\.yaml:\d+:\d+ negotiation has no level `defined`/m);
  });

  it('checks every file again when a file is added to the package folders, and an edited file for itself', () => {
    const dir = packageCopy();
    writeFileSync(join(dir, 'fixtures', 'extra.txt'), 'not a record\n');
    expect(builtRun(dir, ['validate', 'fixtures/us-china-2015-09.yaml'])).toMatchObject({ code: 0, checkedSchema: true });
    const record = join(dir, 'fixtures', 'us-china-2013-06.yaml');
    writeFileSync(record, readFileSync(record, 'utf8').replace(/^id: .*$/m, 'id: [not, an, id]'));
    const edited = builtRun(dir, ['validate', 'fixtures/us-china-2013-06.yaml']);
    expect(edited.code).not.toBe(0);
    expect(edited.out).toMatch(/fixtures\/us-china-2013-06\.yaml:\d+:\d+/);
  });
});
