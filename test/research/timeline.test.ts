import { describe, expect, it } from 'vitest';
import { compileMatrix } from '../../src/engine/index.js';
import { evaluateTimeline, eventDates, parseDuration, stepDates } from '../../src/engine/timeline.js';
import { makeRecord, matrixFrom } from '../helpers/build.js';
import { run } from '../helpers/fake-io.js';
import { bundledMatrix, bundledRecord } from './helpers.js';

function timeline(matrixId: string, recordId: string) {
  const record = bundledRecord(recordId);
  return evaluateTimeline(compileMatrix(bundledMatrix(matrixId).matrix), record, eventDates(record));
}

describe('the 2015 case over time', () => {
  const points = timeline('lewis-2015', 'us-china-2015-09');
  const at = (date: string) => points.find((point) => point.date === date)!;

  it('starts on the summit day as a promise, the negotiation defined', () => {
    expect(points[0]!.date).toBe('2015-09-25');
    expect(points[0]!.result).toMatchObject({ score: 75, verdict: 'promise' });
    // The summit day's 11 events: 5 commitments, 2 mechanisms, the endorsement, the hotline and 2 statements (Obama's, Knake's).
    expect(points[0]!.arrived).toHaveLength(11);
  });

  it("turns to progress at the dialogue's first meeting (December 2015), and says which event did it", () => {
    const point = at('2015-12-01');
    expect(point.verdictChange).toEqual({ from: 'promise', to: 'progress', fromVerdicts: ['promise'], toVerdicts: ['progress'] });
    expect(point.result.score).toBe(100);
    expect(point.changes).toEqual([
      {
        result: 'negotiation',
        criterion: 'negotiation',
        party: null,
        from: { applicable: true, level: 'defined', rank: 1 },
        to: { applicable: true, level: 'initiated', rank: 0 },
        direction: 'up',
        cause: 'events',
        events: ['dialogue-1'],
      },
    ]);
    // Then down when Mar-a-Lago replaced the dialogue, up when its successor met, down once it lapsed.
    expect(points.filter((p) => p.verdictChange !== null).map((p) => `${p.date} ${p.verdictChange!.to}`)).toEqual([
      '2015-12-01 progress',
      '2017-04-07 promise',
      '2017-10-04 progress',
      '2018-11-08 gesture',
    ]);
  });

  it("shows the later record of breaches as it arrives, though Lewis's tests do not read them", () => {
    const breaches = points.flatMap((point) =>
      point.arrived.filter((event) => event.links.breaches?.includes('commit-no-ip-theft')).map((event) => `${point.date} ${event.id}`),
    );
    expect(breaches).toEqual(['2015-10-21 crowdstrike-violation-claim', '2018-11-08 joyce-beyond-bounds', '2018-12-20 apt10-indictment']);
    // The negotiation lapsed before the accusation (a year after 4 October 2017), not because of it.
    expect(at('2018-11-08').changes.map((c) => `${c.criterion} ${c.to && c.to.applicable ? c.to.level : ''} ${c.cause}`)).toEqual([
      'negotiation lapsed unattributed',
    ]);
    expect(at('2018-12-20').changes).toEqual([]);
  });

  it('under the deliverables matrix, the breaches move the breach criterion, and the verdict may fall in 2018', () => {
    const deliverables = timeline('summit-deliverables', 'us-china-2015-09');
    const breach = deliverables.flatMap((p) => p.changes.filter((c) => c.criterion === 'breach').map((c) => ({ date: p.date, to: c.to, events: c.events })));
    expect(breach).toEqual([
      { date: '2015-10-21', to: { applicable: true, level: 'alleged', rank: 1 }, events: ['crowdstrike-violation-claim'] },
      { date: '2018-11-08', to: { applicable: true, level: 'officially-alleged', rank: 2 }, events: ['joyce-beyond-bounds'] },
    ]);
    // The official accusation costs the points that kept it durable, unless the LECD (whose
    // participation the record does not give) seated military officials too: durable or partial.
    // The LECD arrives without its participation: the cell opens, and the LECD is what opened it.
    const opened = deliverables.find((p) => p.date === '2017-04-07')!.changes.find((c) => c.criterion === 'participation')!;
    expect(opened).toMatchObject({
      to: { applicable: true, level: null, range: { low: 'single-track', high: 'civil-military' } },
      events: ['lecd'],
      cause: 'events',
    });
    expect(deliverables.find((p) => p.date === '2018-11-08')!.verdictChange).toEqual({
      from: 'durable',
      to: null,
      fromVerdicts: ['durable'],
      toVerdicts: ['durable', 'partial'],
    });
    // The dialogue met the deadline: the commitment it fulfils is the criterion's evidence.
    const deadlines = deliverables.find((p) => p.date === '2015-12-01')!.changes.find((c) => c.criterion === 'deadlines')!;
    expect(deadlines).toMatchObject({ direction: 'up', cause: 'events', events: ['dialogue-1'] });
  });
});

describe('summit-score timeline', () => {
  it('prints the table, a sparkline and what changed, for the bundled 2015 case', async () => {
    const { exitCode, stdout } = await run(['timeline', 'us-china-2015-09', '-m', 'lewis-2015', '--width', '200']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/│ 2015-12-01 │ 100\.00 │ progress │ initiated ↑ │/);
    expect(stdout).toMatch(/Score ▇▇▇▇▇████████▇█▇▇▇ /);
    expect(stdout).toContain('2015-12-01  score 75.00 -> 100.00, verdict promise -> progress');
    expect(stdout).toContain('    negotiation: defined -> initiated (up), moved by dialogue-1');
    // The day the LECD's only session (4 Oct 2017) fell out of the year-long window is a point of its own.
    expect(stdout).toMatch(/│ 2018-10-04 │ 75\.00 {2}│ gesture {2}│ lapsed ↓ {4}│/);
    expect(stdout).toContain(
      '2018-10-04  score 100.00 -> 75.00, verdict progress -> gesture\n    negotiation: initiated -> lapsed (down), no new event: time passed',
    );
    expect(stdout).toContain('dates: the summit and each event, and each day a date window closed and moved a level (18 dates, 2015-09-25 to 2018-12-20)');
    expect(stdout).toContain('+ joyce-beyond-bounds (2018-11-08, accusation, breaches commit-no-ip-theft)');
  });

  it('steps monthly from --from to --to', async () => {
    const { stdout } = await run([
      'timeline',
      'us-china-2015-09',
      '-m',
      'lewis-2015',
      '--step',
      'P1M',
      '--from',
      '2015-09-25',
      '--to',
      '2016-01-25',
      '-f',
      'json',
    ]);
    const document = JSON.parse(stdout);
    expect(document.schema).toBe('summit-score/timeline@2');
    expect(document.dates).toEqual({ method: 'step', step: 'P1M', from: '2015-09-25', to: '2016-01-25' });
    expect(document.points.map((p: { date: string; verdict: string }) => `${p.date} ${p.verdict}`)).toEqual([
      '2015-09-25 promise',
      '2015-10-25 promise',
      '2015-11-25 promise',
      '2015-12-25 progress',
      '2016-01-25 progress',
    ]);
    expect(document.points[3].changes[0]).toMatchObject({ criterion: 'negotiation', cause: 'events', events: ['dialogue-1'] });
  });

  it('says when a deadline passing, not an event, moved a criterion', () => {
    const matrix = matrixFrom(`
id: deadlines
title: Deadlines
version: "1"
source: {author: test}
criteria:
  - id: deadline
    title: The first meeting is held by its deadline
    weight: 1
    levels:
      - {label: met, score: 2, when: {some: {deadline: met}}}
      - {label: pending, score: 1, when: {some: {deadline: pending}}}
      - {label: missed, score: 0}
verdicts:
  - {label: kept, min: 50}
  - {label: broken, min: 0}
`);
    const record = makeRecord([{ id: 'promise', type: 'commitment', fields: { deadline: '2015-12-31' } }]);
    const dates = stepDates('2015-09-25', '2016-03-25', parseDuration('P3M')!, 100)!;
    const points = evaluateTimeline(compileMatrix(matrix), record, dates);
    expect(points.map((p) => `${p.date} ${p.result.verdict}`)).toEqual(['2015-09-25 kept', '2015-12-25 kept', '2016-03-25 broken']);
    expect(points[2]!.changes).toEqual([
      {
        result: 'deadline',
        criterion: 'deadline',
        party: null,
        from: { applicable: true, level: 'pending', rank: 1 },
        to: { applicable: true, level: 'missed', rank: 2 },
        direction: 'down',
        cause: 'time',
        events: [],
      },
    ]);
  });

  it('refuses a bad step, reversed dates and too many dates (exit 2)', async () => {
    for (const argv of [
      ['--step', 'monthly'],
      ['--step', 'P1M', '--at-events'],
      ['--from', '2016-01-01', '--to', '2015-01-01'],
      ['--step', 'P1D', '--from', '1900-01-01', '--to', '2100-01-01'],
      ['--from', '2015-02-30'],
    ]) {
      const { exitCode, stderr } = await run(['timeline', 'us-china-2015-09', '-m', 'lewis-2015', ...argv]);
      expect(exitCode).toBe(2);
      expect(stderr).toMatch(/^error USAGE/);
    }
  });
});
