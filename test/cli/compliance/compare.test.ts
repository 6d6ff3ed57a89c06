import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acrossSummits, compileMatrix, evaluateRecord } from '../../../src/engine/index.js';
import { run } from '../../helpers/fake-io.js';
import { matrixFrom, recordFrom } from '../../helpers/build.js';
import { readFileSync } from 'node:fs';

/** A record of assessments: commitments with an issue area, and one cell per member and commitment. */
function summit(id: string, date: string, cells: Record<string, { area: string; scores: Record<string, number | string> }>): string {
  const members = [...new Set(Object.values(cells).flatMap((c) => Object.keys(c.scores)))];
  const lines = [`id: ${id}`, `title: Summit ${id}`, `date: ${date}`, `parties: [${members.join(', ')}]`, 'partyNames: {TR: Türkiye}', 'events:'];
  for (const [commitment, { area, scores }] of Object.entries(cells)) {
    lines.push(`  - {id: ${commitment}, date: ${date}, type: commitment, fields: {area: ${area}}, sources: [{title: communique}]}`);
    for (const [member, score] of Object.entries(scores)) {
      lines.push(
        `  - {id: ${commitment}-${member.toLowerCase()}, date: ${date}, type: assessment, assessment: {member: ${member}, commitment: ${commitment}, score: ${score}}, sources: [{title: report}]}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const first = summit('s2015', '2015-11-16', {
  tax: { area: taxation(), scores: { US: 1, TR: 0 } },
  trade: { area: 'trade', scores: { US: 1, TR: -1 } },
});
const second = summit('s2016', '2016-09-04', {
  tax: { area: taxation(), scores: { US: 0, TR: 1 } },
  gender: { area: 'gender', scores: { US: 'not-applicable', TR: 1 } },
  trade: { area: 'trade', scores: { US: -1, TR: 'not-assessed' } },
});
function taxation() {
  return 'taxation';
}

describe('compare across summits with a compliance matrix', () => {
  const matrix = matrixFrom(readFileSync('matrices/g20-compliance.yaml', 'utf8'));
  const compiled = compileMatrix(matrix);
  const across = acrossSummits(
    matrix,
    [first, second].map((text) => evaluateRecord(compiled, recordFrom(text))),
  )!;

  it('gives each member summit by summit and over all summits, pooled cells', () => {
    // US: 2015 (1 + 1)/2 = +1.00; 2016 (0 - 1)/2 = -0.50 (gender n/a); all (1 + 1 + 0 - 1)/4 = +0.25, 63 %.
    // TR: 2015 (0 - 1)/2 = -0.50; 2016 (1 + 1 + ?)/3: +0.33 to +1.00; all (0 - 1 + 1 + 1 + ?)/5: +0.00 to +0.40.
    expect(
      across.members.map((row) => [
        row.name,
        ...row.bySummit.map((a) => a?.averageText ?? a?.range?.text),
        row.all.averageText ?? row.all.range?.text,
        row.all.percentText ?? row.all.range?.percentText,
      ]),
    ).toEqual([
      ['US', '+1.00', '\u22120.50', '+0.25', '63%'],
      ['Türkiye', '\u22120.50', '+0.33 to +1.00', '0.00 to +0.40', '50% to 70%'],
    ]);
  });

  it('gives each issue area, with a summit where the area has no commitment shown as such', () => {
    expect(
      across.areas.map((row) => [
        row.id,
        ...row.bySummit.map((a) => (a === null ? null : (a.averageText ?? a.range?.text))),
        row.all.averageText ?? row.all.range?.text,
      ]),
    ).toEqual([
      ['gender', null, '+1.00', '+1.00'],
      ['taxation', '+0.50', '+0.50', '+0.50'],
      // trade 2016: US -1, TR unknown: (-1 + [-1, +1])/2; all: (1 - 1 - 1 + [-1, +1])/4.
      ['trade', '0.00', '\u22121.00 to 0.00', '\u22120.50 to 0.00'],
    ]);
  });

  it('prints both tables under compare', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'across-'));
    writeFileSync(join(dir, 'a.yaml'), first);
    writeFileSync(join(dir, 'b.yaml'), second);
    const { stdout, exitCode } = await run(['compare', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '-m', 'g20-compliance', '--width', '200']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Compliance by member, summit by summit');
    expect(stdout).toMatch(/│ Türkiye +│ −0\.50 +│ 25% +│ \+0\.33 to \+1\.00 │ 67% to 100% │ 0\.00 to \+0\.40 │ 50% to 70% │/);
    expect(stdout).toMatch(/│ taxation +│ \+0\.50 +│ 75% +│ \+0\.50 +│ 75% +│ \+0\.50 +│ 75% +│/);
    const md = await run(['compare', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '-m', 'g20-compliance', '-f', 'markdown']);
    expect(md.stdout).toContain('| US | +1.00 | 100% | −0.50 | 25% | +0.25 | 63% |');
  });
});

describe('compare across summits in csv and json', () => {
  const files = () => {
    const dir = mkdtempSync(join(tmpdir(), 'across-'));
    writeFileSync(join(dir, 'a.yaml'), first);
    writeFileSync(join(dir, 'b.yaml'), second);
    return [join(dir, 'a.yaml'), join(dir, 'b.yaml')];
  };

  it('gives csv a row per table row and summit, and over all summits, with the range ends', async () => {
    const { stdout, exitCode } = await run(['compare', ...files(), '-m', 'g20-compliance', '-f', 'csv']);
    expect(exitCode).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'matrix,matrix_version,table,id,name,scope,record,cells,not_applicable,not_assessed,average,percent,average_low,average_high,percent_low,percent_high',
    );
    // US 2016: tax 0, trade -1 (gender n/a): -1/2, 25 %; all: (1 + 1 + 0 - 1)/4 = 0.25, 62.5 % printed 63.
    expect(lines).toContain('g20-compliance,1.0,member,US,US,summit,s2016,2,1,0,-0.5,25,-0.5,-0.5,25,25');
    expect(lines).toContain('g20-compliance,1.0,member,US,US,all,,4,1,0,0.25,63,0.25,0.25,63,63');
    // TR 2016: 1 + 1 + unknown over 3: +0.33 to +1.00, 67 % to 100 %: no single figure.
    expect(lines).toContain('g20-compliance,1.0,member,TR,Türkiye,summit,s2016,2,0,1,,,0.33,1,67,100');
    // Gender has no commitment in 2015: no line for it there.
    expect(lines.filter((line) => line.includes(',area,gender,'))).toEqual([
      'g20-compliance,1.0,area,gender,gender,summit,s2016,1,1,0,1,100,1,1,100,100',
      'g20-compliance,1.0,area,gender,gender,all,,1,1,0,1,100,1,1,100,100',
    ]);
    // 2015 overall: (1 + 0 + 1 - 1)/4 = 0.25.
    expect(lines).toContain('g20-compliance,1.0,summit,s2015,Summit s2015,summit,s2015,4,0,0,0.25,63,0.25,0.25,63,63');
    // The header; 2 members x (2 summits + all); gender 1 + 1, taxation and trade 2 + 1 each; 2 summits.
    expect(lines).toHaveLength(1 + 2 * 3 + (2 + 3 + 3) + 2);
  });

  it('gives json the same figures under comparisons[].across, exact and as printed', async () => {
    const { stdout, exitCode } = await run(['compare', ...files(), '-m', 'g20-compliance', '-f', 'json']);
    expect(exitCode).toBe(0);
    const across = JSON.parse(stdout).comparisons[0].across;
    expect(across.summits.map((s: { record: string }) => s.record)).toEqual(['s2015', 's2016']);
    const us = across.members.find((m: { id: string }) => m.id === 'US');
    expect(us.bySummit.map((a: { fraction: string; averageText: string }) => [a.fraction, a.averageText])).toEqual([
      ['1', '+1.00'],
      ['-1/2', '\u22120.50'],
    ]);
    expect(us.all).toMatchObject({ cells: 4, notApplicable: 1, notAssessed: 0, average: 0.25, fraction: '1/4', percent: 63, percentText: '63%', range: null });
    const trade = across.areas.find((a: { id: string }) => a.id === 'trade');
    // (1 - 1 - 1 + [-1, +1])/4.
    expect(trade.all).toMatchObject({ average: null, range: { low: -0.5, high: 0, text: '\u22120.50 to 0.00' } });
    expect(across.areas.find((a: { id: string }) => a.id === 'gender').bySummit[0]).toBeNull();
  });

  it('is null for a matrix that is not a compliance grid', async () => {
    const { stdout } = await run(['compare', 'us-china-2015-09', 'us-china-2013-06', '-m', 'lewis-2015', '-f', 'json']);
    expect(JSON.parse(stdout).comparisons[0].across).toBeNull();
  });
});
