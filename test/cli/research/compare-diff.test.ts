import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffEvaluations } from '../../../src/engine/diff.js';
import { run } from '../../helpers/fake-io.js';

const SIX = ['us-china-2015-09', 'us-china-2013-06', 'us-china-2017-04', 'uk-china-2015-10', 'us-russia-2021-06', 'us-china-2023-11'];

describe('summit-score compare', () => {
  it('ranks the six bundled cases by total and flags the tie', async () => {
    const { exitCode, stdout } = await run(['compare', ...SIX, '-m', 'lewis-2015', '-f', 'json']);
    expect(exitCode).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.schema).toBe('summit-score/compare@2');
    const rows = document.comparisons[0].rows.map((r: { record: string; score: number; verdict: string; rank: number; tied: boolean }) => [
      r.record,
      r.score,
      r.verdict,
      r.rank,
      r.tied,
    ]);
    expect(rows).toEqual([
      // 2015 lapsed (no session in the year to December 2018); 2017 is scored as of its last event, the LECD's session.
      ['us-china-2015-09', 75, 'gesture', 1, true],
      // Woodside leaves the level of two channels unrecorded: 25-50, so it may sit above 2013 and 2021 or below them.
      ['us-china-2013-06', 37.5, 'gesture', null, false],
      ['us-china-2017-04', 75, 'progress', 1, true],
      ['uk-china-2015-10', 50, 'gesture', 3, false],
      ['us-russia-2021-06', 25, 'gesture', null, false],
      ['us-china-2023-11', null, null, null, false],
    ]);
    const open = document.comparisons[0].rows.find((r: { record: string }) => r.record === 'us-china-2023-11');
    expect(open).toMatchObject({ scoreRange: { low: 25, high: 50 }, verdicts: ['promise', 'gesture'], rankRange: { best: 3, worst: 5 } });
    expect(document.comparisons[0].rows.find((r: { record: string }) => r.record === 'us-china-2013-06').rankRange).toEqual({ best: 4, worst: 5 });
    expect(document.comparisons[0].rows[0].criteria[0]).toMatchObject({ id: 'negotiation', level: 'lapsed', points: 1, contribution: 25 });
  });

  it('prints the cases in rank order with a level per cell, ties marked', async () => {
    const { stdout } = await run(['compare', ...SIX, '-m', 'lewis-2015', '--width', '200']);
    // Each criterion's contribution as a bar on the total's scale: 50 of 100 is five blocks of ten.
    expect(stdout).toMatch(/│ =1 +│ us-china-2015-09 +│ lapsed ██▌ +│ committed ██▌ +│ no-concession ██▌ +│ endorsed +│/);
    expect(stdout).toMatch(/│ =1 +│ us-china-2017-04 +│ initiated █████ +│ absent +│ no-concession ██▌ +│/);
    expect(stdout).toMatch(/│ 75\.00 +│ progress +│ ███████▌ │/);
    expect(stdout).toMatch(
      /│ 3–5 +│ us-china-2023-11 +│ absent\.\.defined +│ absent +│ no-concession ██▌ +│ not-endorsed +│ no-pledge +│ 25\.00–50\.00 +│ promise or gesture +│/,
    );
    expect(stdout).toMatch(/│ 5–6 +│ us-russia-2021-06 +│ absent/);
    expect(stdout).toContain('= tied: the same total as another case');
    expect(stdout.indexOf('us-china-2015-09')).toBeLessThan(stdout.indexOf('us-china-2017-04'));
    expect(stdout.indexOf('us-china-2017-04')).toBeLessThan(stdout.indexOf('uk-china-2015-10'));
  });

  it('scores one case under several matrices, each named', async () => {
    const { stdout } = await run(['compare', 'us-china-2015-09', '-m', 'lewis-2015', '-m', 'critics-2015', '-m', 'summit-deliverables', '--width', '200']);
    expect(stdout).toContain('Each record under each matrix');
    expect(stdout).toMatch(
      /│ us-china-2015-09 │ 75\.00 gesture \(rank 1\) +│ 50\.00 critics-vindicated \(rank 1\) +│ 67\.86–75\.00 durable or partial \(rank 1\) +│/,
    );
  });

  it('summarises per-party and forEach criteria as a share of points', async () => {
    const { stdout } = await run(['compare', 'us-china-2015-09', 'us-china-2017-04', '-m', 'g20-compliance', '--width', '200']);
    // Four commitments averaging 0 over their 8 cells, and the ICT-commercial one with no action
    // recorded (-1 for each party): S = -2/10, P = 50 x (S + 1) = 40.
    expect(stdout).toMatch(/│ 1 +│ us-china-2015-09 +│ 40% \(5 subjects\) ████ +│ 40\.00 +│ assessed/);
  });
});

describe('summit-score diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summit-diff-'));

  async function evaluation(name: string, argv: string[]): Promise<string> {
    const file = join(dir, name);
    const { stdout, exitCode } = await run(['evaluate', ...argv, '-f', 'json']);
    expect(exitCode).toBe(0);
    writeFileSync(file, stdout);
    return file;
  }

  it('shows, per case and criterion, what moved between two as-of dates', async () => {
    const before = await evaluation('before.json', [...SIX, '-m', 'lewis-2015', '--as-of', '2015-09-25']);
    const after = await evaluation('after.json', [...SIX, '-m', 'lewis-2015']);
    const { exitCode, stdout } = await run(['diff', before, after, '-f', 'json']);
    expect(exitCode).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.schema).toBe('summit-score/diff@1');
    const lewis = document.cases.find((c: { record: string }) => c.record === 'us-china-2015-09');
    // Defined on the summit day, lapsed by December 2018: the same points, a lower verdict (the gate).
    expect(lewis).toMatchObject({ status: 'changed', score: { a: 75, b: 75, delta: 0 }, verdict: { a: 'promise', b: 'gesture', changed: true } });
    expect(
      lewis.criteria
        .filter((c: { status: string }) => c.status === 'changed')
        .map((c: { id: string; level: unknown; points: unknown }) => [c.id, c.level, c.points]),
    ).toEqual([['negotiation', { a: 'defined', b: 'lapsed' }, { a: 1, b: 1, delta: 0 }]]);
  });

  it('shows weight changes and rank moves between two matrices', async () => {
    const matrixFile = join(dir, 'equal.yaml');
    writeFileSync(matrixFile, 'extends: lewis-2015\nid: lewis-equal\ncriteria:\n  - id: negotiation\n    weight: 2\n');
    const a = await evaluation('lewis.json', [...SIX, '-m', 'lewis-2015']);
    const b = await evaluation('equal.json', [...SIX, '-m', matrixFile]);
    const { stdout } = await run(['diff', a, b, '--width', '200']);
    expect(stdout).toMatch(/│ uk-china-2015-10 +│ changed +│ [^│]+│ 50\.00 -> 66\.67 \(\+16\.67\) +│ gesture +│ 3 -> 2 \(-1\) +│/);
    expect(stdout).toContain('negotiation: weight 4 -> 2 (-2)');
    const { stdout: json } = await run(['diff', a, b, '-f', 'json']);
    const russia = JSON.parse(json).cases.find((c: { record: string }) => c.record === 'us-russia-2021-06');
    // 25.00 beside Woodside's 25.00-50.00: its place is open (5th or 6th) in both, so no rank to compare.
    expect(russia.rank).toEqual({ a: null, b: null, delta: null });
    const woodside = JSON.parse(json).cases.find((c: { record: string }) => c.record === 'us-china-2023-11');
    expect(woodside.scoreRange.a).toEqual({ low: 25, high: 50 });
    expect(woodside.verdict.a).toBe('promise or gesture');
  });

  it('reads the intervals of evaluation@2: an open total and an open level, in its own words', async () => {
    const before = await evaluation('woodside-before.json', ['us-china-2023-11', '-m', 'lewis-2015', '--as-of', '2023-11-01']);
    const after = await evaluation('woodside-after.json', ['us-china-2023-11', '-m', 'lewis-2015']);
    const { exitCode, stdout } = await run(['diff', before, after, '--width', '200']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/│ us-china-2023-11 +│ changed +│ 2023-11-01 -> 2024-07-31 +│ - -> 25\.00–50\.00 +│ - -> promise or gesture +│/);
    expect(stdout).toContain('negotiation: level n/a -> absent..defined');
  });

  it('computes rank deltas and added or removed cases', () => {
    const result = (id: string, score: number) => ({ record: { id, title: id }, asOf: '2020-01-01', score, verdict: 'x', criteria: [] });
    const diff = diffEvaluations(
      { matrix: { id: 'm', version: '1', sha256: null }, results: [result('a', 10), result('b', 20), result('gone', 5)] },
      { matrix: { id: 'm', version: '2', sha256: null }, results: [result('a', 30), result('b', 20), result('new', 1)] },
    );
    expect(diff.cases.map((c) => [c.record, c.status, c.rank.a, c.rank.b, c.rank.delta])).toEqual([
      ['a', 'changed', 2, 1, -1],
      ['b', 'changed', 1, 2, 1],
      ['gone', 'removed', 3, null, null],
      ['new', 'added', null, 3, null],
    ]);
  });

  it('refuses a file that is not an evaluation, with its place (exit 2)', async () => {
    const compare = join(dir, 'compare.json');
    writeFileSync(compare, (await run(['compare', 'us-china-2015-09', '-m', 'lewis-2015', '-f', 'json'])).stdout);
    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      '{"schema": "summit-score/evaluation@2", "matrix": {"id": "m", "version": "1"}, "results": [{"record": {"id": 3}, "asOf": "x", "score": "high", "verdict": null, "criteria": []}]}',
    );
    const { exitCode, stderr } = await run(['diff', compare, broken]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`error NOT_ALLOWED ${compare}:2:13 schema is "summit-score/compare@2", not summit-score/evaluation@2`);
    expect(stderr).toMatch(/error WRONG_TYPE .*broken\.json:1:\d+ results\.0\.record\.id must be a string/);
    expect(stderr).toMatch(/error WRONG_TYPE .*broken\.json:1:\d+ results\.0\.score must be a number or null/);
  });
});

describe('summit-score codebook', () => {
  it('writes the matrix as Markdown: bands, criteria, levels with conditions in plain words, gates, source', async () => {
    const { exitCode, stdout } = await run(['codebook', '-m', 'lewis-2015']);
    expect(exitCode).toBe(0);
    expect(stdout.startsWith('# Codebook: Measuring cybersecurity success at the summit (Lewis, CSIS, 2015)\n')).toBe(true);
    expect(stdout).toContain('| `progress` | 70 | 100 | The presidential talks point to progress. |');
    expect(stdout).toContain('- Gate: a verdict better than `promise` needs this criterion at `initiated` or above');
    expect(stdout).toContain(
      '| `broken` | 0 | 0/2 | Such a mechanism was agreed but never met at political level: its deadline passed, a year passed, or it was suspended or ' +
        'replaced first. The promise has ended. | some event where all of (type = mechanism; level in \\[leaders, ministerial\\]; openEnded = true) |',
    );
    expect(stdout).toContain(
      '- Source: James Andrew Lewis (CSIS), *Measuring Cybersecurity Success at the Summit*, 2015-09-21, <http://csis.org/publication/measuring-cybersecurity-success-summit>',
    );
    expect(stdout).toContain('- Weight: 0 (0% of the total weight 8); shown, not counted in the total');
  });

  it('lists every criterion and level of every bundled matrix', async () => {
    for (const id of ['lewis-2015', 'critics-2015', 'summit-deliverables', 'g20-compliance']) {
      const { stdout } = await run(['codebook', '-m', id, '-f', 'markdown']);
      const { stdout: json } = await run(['evaluate', 'us-china-2015-09', '-m', id, '-f', 'json']);
      for (const criterion of JSON.parse(json).results[0].criteria) expect(stdout).toContain(`(\`${criterion.criterion}\`)`);
    }
  });
});
