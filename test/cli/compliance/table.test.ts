import { describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';

const RECORD = 'test/compliance/recalibrated.yaml';

describe('the compliance table in the terminal', () => {
  it("prints interim and final side by side with each member's change, from the exact figures", async () => {
    const { stdout, exitCode } = await run(['evaluate', RECORD, '-m', 'g20-compliance', '--width', '200']);
    expect(exitCode).toBe(0);
    // CN: interim -1 (one commitment), final (0 + 1)/2 = +0.50: change +1.50, 0 % -> 75 %: +75 points.
    expect(stdout).toMatch(/│ CN +│ −1\.00 +│ 0% +│ \+0\.50 +│ 75% +│ \+1\.50 +│ \+75 +│/);
    // Overall: 25 % -> 87.5 %, printed 88 %; the change is 62.5 points, printed +63, not 88 - 25.
    expect(stdout).toMatch(/│ Overall +│ −0\.50 +│ 25% +│ \+0\.75 +│ 88% +│ \+1\.25 +│ \+63 +│/);
    expect(stdout).toContain('Recalibrated: CN on Tax administration: cn-c2-recalibrated (2016-12-10) counts, superseding cn-c2-final.');
    expect(stdout).toContain('Tax administration ‡');
    expect(stdout).not.toMatch(/Verdict|\/2 /);
  });

  it('explains every cell under --explain, never an empty section', async () => {
    const { stdout } = await run(['evaluate', RECORD, '-m', 'g20-compliance', '--width', '200', '--explain']);
    const section = stdout.slice(stdout.indexOf('Where each cell comes from:'));
    expect(section.trim().split('\n').slice(1)).toHaveLength(4);
    expect(section).toContain(
      'CN on Tax administration: +1, stated by assessment cn-c2-recalibrated (2016-12-10, final): new material after stakeholder review',
    );
    expect(stdout).not.toContain('Why not the next level up');
  });

  it('shows what was known before any report: every cell not assessed, every figure the whole range', async () => {
    const { stdout } = await run(['evaluate', RECORD, '-m', 'g20-compliance', '--width', '200', '--as-of', '2016-01-01']);
    expect(stdout).toMatch(/│ Aid for trade +│ not assessed +│ not assessed +│ −1\.00 to \+1\.00 +│ 0% to 100% +│/);
    expect(stdout).not.toMatch(/│ −1 +│/);
  });
});
