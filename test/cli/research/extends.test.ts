import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMatrix } from '../../../src/load/load-matrix.js';
import { readInputFile } from '../../../src/load/read-input.js';
import { run } from '../../helpers/fake-io.js';
import { PACKAGE_FILES } from '../../../src/load/read-input.js';

const FIXTURES = 'test/research/fixtures';
const load = (file: string) => loadMatrix(readInputFile(file, PACKAGE_FILES));

describe('extends', () => {
  it('merges criteria by id, replaces the bands, keeps everything else from the base', () => {
    const { matrix, extends: info } = load(`${FIXTURES}/lewis-equal.yaml`);
    expect(matrix).toMatchObject({ id: 'lewis-2015-equal', version: '1.0-equal', title: "Lewis's tests, weighted equally", aggregation: 'weighted-mean' });
    expect(matrix.source.author).toBe('James Andrew Lewis (CSIS)');
    expect(matrix.criteria.map((c) => [c.id, c.weight])).toEqual([
      ['negotiation', 2],
      ['espionage-ip', 2],
      ['code-of-conduct', 2],
      ['gge-endorsement', 0],
      ['infrastructure-pledge', 0],
    ]);
    expect(matrix.criteria[0]!.levels.map((l) => l.label)).toEqual(['initiated', 'defined', 'lapsed', 'broken', 'absent']);
    expect(matrix.verdicts[0]).toEqual({ label: 'progress', min: 80 });
    expect(info).toEqual({
      bases: [{ id: 'lewis-2015', version: '2.0', file: 'bundled:lewis-2015', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      overrides: [
        { path: 'version', change: 'changed', from: '2.0', to: '1.0-equal' },
        { path: 'title', change: 'changed', from: 'Measuring cybersecurity success at the summit (Lewis, CSIS, 2015)', to: "Lewis's tests, weighted equally" },
        { path: 'criteria.negotiation.weight', change: 'changed', from: 4, to: 2 },
        { path: 'verdicts', change: 'replaced' },
      ],
    });
  });

  it('points inherited parts into the base file and overridden parts into its own', () => {
    const { matrix } = load(`${FIXTURES}/lewis-equal.yaml`);
    expect(matrix.criteria[0]!.location).toMatchObject({ file: `${FIXTURES}/lewis-equal.yaml`, line: 7 });
    expect(matrix.criteria[0]!.levels[0]!.location).toMatchObject({ file: 'bundled:lewis-2015' });
    expect(matrix.criteria[0]!.levels[0]!.when!.location!.file).toBe('bundled:lewis-2015');
    expect(matrix.criteria[1]!.location).toMatchObject({ file: 'bundled:lewis-2015' });
  });

  it('follows a chain of bases by path relative to each file, and adds new criteria', () => {
    const { matrix, extends: info } = load(`${FIXTURES}/two-step.yaml`);
    expect(info!.bases.map((b) => b.id)).toEqual(['lewis-2015-equal', 'lewis-2015']);
    expect(info!.overrides).toEqual([
      { path: 'criteria.espionage-ip.weight', change: 'changed', from: 2, to: 1 },
      { path: 'criteria.follow-up', change: 'added' },
    ]);
    expect(matrix.criteria.map((c) => `${c.id}:${c.weight}`)).toEqual([
      'negotiation:2',
      'espionage-ip:1',
      'code-of-conduct:2',
      'gge-endorsement:0',
      'infrastructure-pledge:0',
      'follow-up:1',
    ]);
    expect(matrix.verdicts[0]!.min).toBe(80);
    expect(matrix.criteria[5]!.levels[0]!.location!.file).toBe(`${FIXTURES}/two-step.yaml`);
  });

  it('scores with the merged matrix', async () => {
    const { stdout } = await run(['evaluate', 'us-china-2015-09', '-m', `${FIXTURES}/lewis-equal.yaml`, '--as-of', '2015-09-25', '-f', 'json']);
    expect(JSON.parse(stdout).results[0]).toMatchObject({ score: 83.33, band: 'progress', verdict: 'promise' });
  });

  it('names the base and the overrides in the outputs of the research commands', async () => {
    const { stdout } = await run(['compare', 'us-china-2015-09', '-m', `${FIXTURES}/lewis-equal.yaml`, '--width', '1000']);
    expect(stdout).toContain(
      "extends lewis-2015 2.0 (bundled:lewis-2015); changes: version 2.0 -> 1.0-equal, title Measuring cybersecurity success at the summit (Lewis, CSIS, 2015) -> Lewis's tests, weighted equally, criteria.negotiation.weight 4 -> 2, verdicts (replaced)",
    );
    const json = JSON.parse((await run(['sensitivity', 'us-china-2015-09', '-m', `${FIXTURES}/lewis-equal.yaml`, '--samples', '0', '-f', 'json'])).stdout);
    expect(json.matrix.extends.bases[0].id).toBe('lewis-2015');
    expect(json.matrix.extends.overrides[2]).toEqual({ path: 'criteria.negotiation.weight', change: 'changed', from: 4, to: 2 });
    const codebook = (await run(['codebook', '-m', `${FIXTURES}/lewis-equal.yaml`])).stdout;
    expect(codebook).toContain('- Extends: `lewis-2015`, version 2.0 (bundled:lewis-2015, sha256 `');
    expect(codebook).toContain('`criteria.negotiation.weight` 4 → 2; `verdicts` (replaced)');
  });

  it('reports an error in an inherited part where it stands in the base', async () => {
    const { exitCode, stderr } = await run(['evaluate', 'us-china-2015-09', '-m', `${FIXTURES}/drops-band.yaml`]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^error UNKNOWN_BAND bundled:lewis-2015:\d+:\d+ no verdict band `promise`/);
  });

  it('refuses a circle, a missing base and a base without its own id', async () => {
    const cycle = await run(['evaluate', 'us-china-2015-09', '-m', `${FIXTURES}/cycle-a.yaml`]);
    expect(cycle.exitCode).toBe(2);
    expect(cycle.stderr).toMatch(/^error EXTENDS_CYCLE .*extends goes round in a circle: cycle-a\.yaml -> cycle-b\.yaml -> cycle-a\.yaml/);
    const dir = mkdtempSync(join(tmpdir(), 'summit-extends-'));
    writeFileSync(join(dir, 'missing.yaml'), 'extends: lewis-2051\nid: x\n');
    const missing = await run(['evaluate', 'us-china-2015-09', '-m', join(dir, 'missing.yaml')]);
    expect(missing.stderr).toContain(
      `error FILE_NOT_FOUND ${join(dir, 'missing.yaml')}:1:10 extends \`lewis-2051\`: no such file, and no bundled matrix with that id (did you mean \`lewis-2015\`?)`,
    );
    writeFileSync(join(dir, 'no-id.yaml'), 'extends: lewis-2015\ncriteria:\n  - id: negotiation\n    weight: 1\n');
    expect((await run(['evaluate', 'us-china-2015-09', '-m', join(dir, 'no-id.yaml')])).stderr).toContain('needs an `id` of its own');
    // An untrusted matrix cannot reach outside its own folder to read (and echo) other files.
    for (const outside of ['/etc/hostname', '../lewis-2015.yaml', 'sub/../../x.yaml']) {
      writeFileSync(join(dir, 'outside.yaml'), `extends: ${outside}\nid: x\n`);
      expect((await run(['evaluate', 'us-china-2015-09', '-m', join(dir, 'outside.yaml')])).stderr).toMatch(
        /^error EXTENDS_PATH .*outside\.yaml:1:10 extends `.*` is outside the matrix's folder/,
      );
    }
    writeFileSync(join(dir, 'typo.yaml'), 'extends: lewis-2015\nid: typo\ncriteria:\n  - id: negotiation\n    wieght: 1\n');
    expect((await run(['evaluate', 'us-china-2015-09', '-m', join(dir, 'typo.yaml')])).stderr).toMatch(
      new RegExp(`error UNKNOWN_KEY ${join(dir, 'typo.yaml').replace(/[.]/g, '\\.')}:5:5 unknown key \`wieght\``),
    );
  });
});

describe('evaluate on a matrix that extends another', () => {
  it('names the base and the changes in its JSON and its table', async () => {
    const json = await run(['evaluate', '-m', `${FIXTURES}/lewis-equal.yaml`, 'us-china-2015-09', '-f', 'json']);
    const matrix = JSON.parse(json.stdout).matrix;
    expect(matrix.extends.bases[0]).toMatchObject({ id: 'lewis-2015', file: 'bundled:lewis-2015' });
    expect(matrix.extends.overrides.length).toBeGreaterThan(0);
    const table = await run(['evaluate', '-m', `${FIXTURES}/lewis-equal.yaml`, 'us-china-2015-09']);
    expect(table.stdout).toMatch(/extends lewis-2015 2\.0 \(bundled:lewis-2015\); changes: /);
    expect(JSON.parse((await run(['evaluate', '-f', 'json'])).stdout).matrix.extends).toBeNull();
  });
});
