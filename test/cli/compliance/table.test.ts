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

describe('the compliance grid in -f long', () => {
  it("gives each member x commitment row its cell's status, names and assessment, as the JSON output's grid has them", async () => {
    const long = await run(['evaluate', RECORD, '-m', 'g20-compliance', '-f', 'long']);
    const json = await run(['evaluate', RECORD, '-m', 'g20-compliance', '-f', 'json']);
    expect(long.exitCode).toBe(0);
    type Cell = { status: string; assessment: { event: string; assessor: string | null; window: string | null; superseded: string[] } | null };
    const grid = (
      JSON.parse(json.stdout) as {
        results: { grid: { members: { id: string; name: string }[]; commitments: { id: string; title: string; addedIn: string | null }[]; cells: Cell[][] } }[];
      }
    ).results[0]!.grid;
    // The fields here hold no comma, quote or line break: a plain split reads them.
    const [head, ...rows] = long.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(','));
    const at = (name: string) => head!.indexOf(name);
    const expected = grid.commitments.flatMap((commitment, c) =>
      grid.members.map((member, m) => {
        const cell = grid.cells[c]![m]!;
        const a = cell.assessment;
        return [
          commitment.id,
          member.id,
          cell.status,
          member.name,
          commitment.title,
          commitment.addedIn ?? '',
          a?.event ?? '',
          a?.assessor ?? '',
          a?.window ?? '',
          a?.superseded.join(' ') ?? '',
        ];
      }),
    );
    const columns = ['criterion', 'party', 'status', 'member_name', 'commitment_title', 'added_in', 'assessment', 'assessor', 'window', 'superseded'];
    const printed = rows.map((row) => columns.map((name) => row[at(name)]));
    expect(columns.every((name) => at(name) >= 0)).toBe(true);
    expect(printed.sort()).toEqual(expected.sort());
    // A recalibrated cell names the assessment it superseded.
    expect(printed.some((row) => row[9] === 'cn-c2-final')).toBe(true);
  });
});
