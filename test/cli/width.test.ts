import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/fake-io.js';

// Every table command at 60, 80 and 120 columns: no line wider than asked (measured as a terminal
// does: wide characters count two, colour codes nothing), and every id the JSON of the same run
// names is printed whole, as a word of its own.

const SIX = ['us-china-2015-09', 'us-china-2017-04', 'uk-china-2015-10', 'us-china-2013-06', 'us-china-2023-11', 'us-russia-2021-06'];
const dir = mkdtempSync(join(tmpdir(), 'summit-width-'));

interface Case {
  readonly name: string;
  readonly argv: readonly string[];
  /** The ids the output must show whole, read from the JSON of the same command. */
  readonly ids: (json: any) => string[];
}

const CASES: Case[] = [
  {
    name: 'evaluate (bundled)',
    argv: ['evaluate'],
    ids: (j) => j.results.flatMap((r: any) => [r.record.id, ...r.criteria.flatMap((c: any) => [c.id, ...c.evidence.map((e: any) => e.event)])]),
  },
  {
    name: 'evaluate --explain, two records',
    argv: ['evaluate', 'us-china-2015-09', 'us-china-2017-04', '-m', 'lewis-2015', '--explain'],
    ids: (j) => j.results.flatMap((r: any) => [r.record.id, ...r.criteria.map((c: any) => c.id)]),
  },
  {
    name: 'evaluate (compliance grid)',
    argv: ['evaluate', 'test/compliance/recalibrated.yaml', '-m', 'g20-compliance'],
    ids: (j) => j.results.map((r: any) => r.record.id),
  },
  {
    name: 'compare',
    argv: ['compare', ...SIX, '-m', 'lewis-2015'],
    ids: (j) => [...j.records.map((r: any) => r.id), ...j.comparisons.flatMap((c: any) => c.criteria.map((k: any) => k.id))],
  },
  {
    name: 'compare, three matrices',
    argv: ['compare', 'us-china-2015-09', '-m', 'lewis-2015', '-m', 'critics-2015', '-m', 'summit-deliverables'],
    ids: (j) => [...j.records.map((r: any) => r.id), ...j.matrices.map((m: any) => m.id)],
  },
  {
    name: 'timeline',
    argv: ['timeline', 'us-china-2015-09', '-m', 'lewis-2015'],
    ids: (j) => [...j.points[0].criteria.map((c: any) => c.id), ...j.points.slice(1).flatMap((p: any) => p.arrived.map((e: any) => e.id))],
  },
  {
    name: 'sensitivity',
    argv: ['sensitivity', 'us-china-2015-09', 'us-china-2013-06', '-m', 'lewis-2015', '--samples', '100'],
    ids: (j) => [...j.records.map((r: any) => r.id), ...j.cases.flatMap((c: any) => c.weights.map((w: any) => w.criterion))],
  },
  {
    name: 'agree',
    argv: ['agree', '-m', 'lewis-2015-v1', 'fixtures/coders/a', 'fixtures/coders/b'],
    ids: (j) => [...j.coders, ...j.units.map((u: any) => u.id)],
  },
  { name: 'list', argv: ['list'], ids: (j) => [...j.matrices.map((m: any) => m.id), ...j.records.map((r: any) => r.id)] },
];

/** The words of an output: what lies between spaces, box lines and the punctuation around an id. */
function words(text: string): Set<string> {
  return new Set(text.split(/[\s│┌┐└┘├┤┬┴┼─(),:;]+/).filter(Boolean));
}

async function jsonOf(argv: readonly string[]): Promise<any> {
  const { stdout, exitCode } = await run([...argv, '-f', 'json']);
  expect(exitCode).toBe(0);
  return JSON.parse(stdout);
}

describe('tables fit the width', () => {
  let diffArgv: string[] = [];
  beforeAll(async () => {
    await run(['evaluate', ...SIX, '-m', 'lewis-2015', '-f', 'json', '-o', join(dir, 'a.json')]);
    await run(['evaluate', ...SIX, '-m', 'critics-2015', '-f', 'json', '-o', join(dir, 'b.json')]);
    diffArgv = ['diff', join(dir, 'a.json'), join(dir, 'b.json')];
  });

  const all = CASES.flatMap((c) => [60, 80, 120].map((width) => [c.name, width, c] as const));
  it.each(all)('%s at %d columns', async (_name, width, c) => {
    const expectedIds = [...new Set(c.ids(await jsonOf(c.argv)))];
    expect(expectedIds.length).toBeGreaterThan(0);
    const { stdout, exitCode } = await run([...c.argv, '--width', String(width)]);
    expect(exitCode).toBe(0);
    const tooWide = stdout.split('\n').filter((line) => stringWidth(line) > width);
    expect(tooWide).toEqual([]);
    const shown = words(stdout);
    expect(expectedIds.filter((id) => !shown.has(id))).toEqual([]);
    expect(stdout).not.toContain('…');
  });

  it.each([60, 80, 120])('diff at %d columns', async (width) => {
    const { stdout, exitCode } = await run([...diffArgv, '--width', String(width)]);
    expect(exitCode).toBe(0);
    expect(stdout.split('\n').filter((line) => stringWidth(line) > width)).toEqual([]);
    const shown = words(stdout);
    expect(SIX.filter((id) => !shown.has(id))).toEqual([]);
  });

  it("is 80 columns on a pipe, the terminal's on a terminal, and --width over both", async () => {
    const widths = async (options: Parameters<typeof run>[1], extra: string[] = []) => {
      const { stdout } = await run(['compare', ...SIX, '-m', 'lewis-2015', ...extra], options);
      return Math.max(...stdout.split('\n').map((line) => stringWidth(line)));
    };
    const piped = await widths({});
    expect(piped).toBeLessThanOrEqual(80);
    expect(piped).toBeGreaterThan(70);
    expect(await widths({ isTTY: true, columns: 200, env: { NO_COLOR: '1' } })).toBeGreaterThan(120);
    expect(await widths({ isTTY: true, columns: 70, env: { NO_COLOR: '1' } })).toBeLessThanOrEqual(70);
    expect(await widths({ isTTY: true, columns: 200, env: { NO_COLOR: '1' } }, ['--width', '100'])).toBeLessThanOrEqual(100);
    // A file never takes the terminal's width: the same bytes whatever window wrote it.
    const file = join(dir, 'compare.txt');
    await run(['compare', ...SIX, '-m', 'lewis-2015', '-o', file], { isTTY: true, columns: 200 });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file, 'utf8')).toBe((await run(['compare', ...SIX, '-m', 'lewis-2015'])).stdout);
  });

  it('refuses a width no table can use', async () => {
    for (const value of ['0', '19', 'wide', '80.5']) {
      const { exitCode, stderr } = await run(['list', '--width', value]);
      expect(exitCode).toBe(2);
      expect(stderr).toMatch(/^error USAGE .*--width/);
    }
  });
});
