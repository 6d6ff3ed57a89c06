// The formats of `summit-score timeline` (src/format/timeline.ts) on five points built by hand:
// the summit (two events), a meeting that moves one criterion up while a party's cell falls with
// time, a date a window closed (nothing arrived: an open total), a statement that moves nothing,
// and an event that takes one criterion out of applying and moves both parties of the other. Each
// expected line is written out from the rules: arrows for the moves of a date (↑ up, ↓ down, ↕
// both, • in or out of n/a), a per-party criterion as the percentage of its mean, CSV by RFC 4180.
import { describe, expect, it } from 'vitest';
import type { CaseResult, Matrix, SummitEvent } from '../../src/engine/index.js';
import type { CriterionChange, TimelinePoint } from '../../src/engine/timeline.js';
import { timelineFormats, type TimelineReport } from '../../src/format/timeline.js';
import { caseResult, criterion, level, party } from '../helpers/hand-results.js';

const event = (id: string, date: string, type: string, links: SummitEvent['links'] = {}, title?: string): SummitEvent => ({
  id,
  date,
  day: 0,
  type,
  actors: [],
  fields: {},
  links,
  sources: [],
  ...(title !== undefined && { title }),
});

const talks = (label: string, score: number) =>
  criterion('talks', {
    maxPoints: 1,
    level: level(label, score),
    levelRange: { low: level(label, score), high: level(label, score) },
    points: score,
    normalised: score,
    contribution: 50 * score,
  });
const kept = (normalised: number | null, parties = [party('US', { level: level(normalised === 0.5 ? 'met' : 'unmet', 1) })]) =>
  criterion('kept', { maxPoints: 1, level: null, levelRange: null, points: normalised, normalised, contribution: normalised === null ? null : 12.5, parties });

const record = { id: 'r', title: 'R', date: '2015-09-25' };
const at = (fields: Partial<CaseResult>) =>
  caseResult({ record, verdict: 'good', verdicts: ['good'], band: 'good', score: 62.5, scoreRange: { low: 62.5, high: 62.5 }, ...fields });
const change = (fields: Partial<CriterionChange>): CriterionChange => ({
  result: 'talks',
  criterion: 'talks',
  party: null,
  from: null,
  to: null,
  direction: 'other',
  cause: 'events',
  events: [],
  ...fields,
});
const verdictChange = (from: string | null, to: string | null) => ({
  from,
  to,
  fromVerdicts: from === null ? [] : [from],
  toVerdicts: to === null ? [] : [to],
});

const POINTS: TimelinePoint[] = [
  {
    date: '2015-09-25',
    result: at({ score: 0, scoreRange: { low: 0, high: 0 }, band: 'weak', verdict: 'weak', verdicts: ['weak'], criteria: [talks('none', 0), kept(0.5)] }),
    arrived: [event('e0', '2015-09-25', 'summit'), event('e00', '2015-09-25', 'meeting')],
    changes: [],
    // Never said at the first date, even if given.
    verdictChange: verdictChange(null, 'weak'),
  },
  {
    date: '2015-10-01',
    result: at({ criteria: [talks('held', 1), kept(0.25)] }),
    arrived: [event('meet', '2015-10-01', 'meeting', { fulfils: ['pledge'] }, 'Talks')],
    changes: [
      change({ from: { applicable: true, level: 'none', rank: 0 }, to: { applicable: true, level: 'held', rank: 1 }, direction: 'up', events: ['meet'] }),
      change({
        result: 'kept',
        criterion: 'kept',
        party: 'US',
        from: { applicable: true, level: 'met', rank: 1 },
        to: { applicable: true, level: 'unmet', rank: 0 },
        direction: 'down',
        cause: 'time',
      }),
    ],
    verdictChange: verdictChange('weak', 'good'),
  },
  {
    date: '2015-11-01',
    result: at({
      score: null,
      scoreRange: { low: 50, high: 62.5 },
      band: null,
      verdict: null,
      verdicts: ['good', 'weak'],
      criteria: [talks('held', 1), kept(0.25)],
    }),
    arrived: [],
    changes: [],
    verdictChange: null,
  },
  {
    date: '2015-12-01',
    result: at({ criteria: [talks('held', 1), kept(0.25)] }),
    arrived: [event('s', '2015-12-01', 'statement')],
    changes: [],
    verdictChange: null,
  },
  {
    date: '2016-01-01',
    result: at({
      score: null,
      scoreRange: null,
      band: null,
      verdict: null,
      verdicts: [],
      criteria: [
        criterion('talks', { maxPoints: 1, applicable: false, level: null, levelRange: null, points: null, normalised: null, contribution: null }),
        kept(null, [party('US', { level: level('met', 1) }), party('CN', { applicable: 'unknown', level: null })]),
      ],
    }),
    arrived: [event('x', '2016-01-01', 'note', { fulfils: ['s', 'meet'] })],
    changes: [
      change({ from: { applicable: true, level: 'held', rank: 1 }, to: { applicable: false }, cause: 'unattributed' }),
      change({
        result: 'kept',
        criterion: 'kept',
        party: 'US',
        from: { applicable: true, level: null, rank: 0, range: { low: 'unmet', high: 'met' } },
        to: { applicable: true, level: 'met', rank: 1 },
        direction: 'up',
        events: ['x'],
      }),
      change({
        result: 'kept',
        criterion: 'kept',
        party: 'CN',
        from: null,
        to: { applicable: true, level: null, rank: 0, range: { low: null, high: 'met' }, mayNotApply: true },
        direction: 'down',
        events: ['x'],
      }),
      change({ from: { applicable: true, level: null, rank: 0 }, to: null, events: ['x', 'meet'] }),
    ],
    verdictChange: verdictChange('good', null),
  },
];

const report = (dates: TimelineReport['dates'] = { method: 'events', step: null, from: '2015-09-25', to: '2016-01-01' }, points = POINTS): TimelineReport => ({
  tool: { name: 'summit-score', version: '9.9.9' },
  matrix: {
    definition: {
      id: 'm',
      title: 'M',
      version: '1',
      aggregation: 'weighted-mean',
      criteria: [{ id: 'talks' }, { id: 'kept' }],
      verdicts: [
        { label: 'good', min: 50 },
        { label: 'weak', min: 0 },
      ],
    } as unknown as Matrix,
    file: 'm.yaml',
    sha256: 'abcdef0123456789',
  },
  record: { record: { ...record, day: 0, parties: ['US', 'CN'], events: [] }, file: 'r.yaml', sha256: 'rr' },
  dates,
  points,
});
const context = { color: false, width: 200 };

const DATES = 'the summit and each event, and each day a date window closed and moved a level (5 dates, 2015-09-25 to 2016-01-01)';
const LEGEND = "A level marked ↑ or ↓ moved up or down the matrix's levels on that date; • marks a criterion that began or stopped applying.";
const STORY = [
  ['2015-10-01', 'score 0.00 -> 62.50, verdict weak -> good'],
  ['meet (2015-10-01, meeting, fulfils pledge): Talks'],
  ['talks: none -> held (up), moved by meet', 'kept (US): met -> unmet (down), no new event: time passed (a deadline or a date window)'],
  ['2015-12-01', 'nothing moved; verdict good holds'],
  ['s (2015-12-01, statement)'],
  [],
  ['2016-01-01', 'score 62.50 -> none, verdict good -> none'],
  ['x (2016-01-01, note, fulfils s, fulfils meet)'],
  [
    'talks: held -> n/a (other), new events arrived, none named by the criterion',
    'kept (US): unmet..met -> met (up), moved by x',
    'kept (CN): (absent) -> n/a..met (down), moved by x',
    'talks: (no level) -> (absent) (other), moved by x, meet',
  ],
] as const;

describe('timeline -f markdown', () => {
  it('heads the record, names the matrix and dates, tabulates each date with its arrows, and tells what changed', () => {
    const story = [0, 3, 6].flatMap((i) => [
      `- **${STORY[i]![0]}**: ${STORY[i]![1]}`,
      ...STORY[i + 1]!.map((line) => `  - new: ${line}`),
      ...STORY[i + 2]!.map((line) => `  - ${line}`),
    ]);
    expect(timelineFormats.markdown(report(), context)).toBe(
      [
        '## R (`r`) over time',
        '',
        `Matrix \`m\` 1 (m.yaml, sha256 \`abcdef012345\`), aggregation weighted-mean. Dates: ${DATES}.`,
        '',
        '| Date | Score | Verdict | talks | kept | New events |',
        '| --- | ---: | --- | --- | --- | --- |',
        '| 2015-09-25 | 0.00 | weak | none | 50% | 2 events |',
        '| 2015-10-01 | 62.50 | good | held ↑ | 25% ↓ | `meet` |',
        '| 2015-11-01 | 50.00–62.50 | good or weak | held | 25% |  |',
        '| 2015-12-01 | 62.50 | good | held | 25% | `s` |',
        '| 2016-01-01 |  | none | n/a • | n/a ↕ | `x` |',
        '',
        LEGEND,
        '',
        '### What changed',
        '',
        ...story,
        '',
      ].join('\n'),
    );
  });

  it('names dates made by a step, and tells nothing when nothing changed after the first date', () => {
    const quiet = [POINTS[0]!, { ...POINTS[3]!, arrived: [] }];
    const text = timelineFormats.markdown(report({ method: 'step', step: 'month', from: '2015-09-25', to: '2015-12-01' }, quiet), context);
    expect(text).toContain('aggregation weighted-mean. Dates: every month from 2015-09-25 to 2015-12-01 (2 dates).\n');
    expect(text).not.toContain('What changed');
    const events = timelineFormats.markdown(report({ method: 'events', step: null, from: '2015-09-25', to: '2015-12-01' }, [POINTS[0]!, POINTS[3]!]), context);
    expect(events).toContain('Dates: the summit and each event (2 dates, 2015-09-25 to 2015-12-01).\n');
  });

  it('writes a settled level that may not apply as n/a..level, in words and in JSON', () => {
    const mayNotApply = change({ from: { applicable: false }, to: { applicable: true, level: 'held', rank: 1, mayNotApply: true }, cause: 'unattributed' });
    const points = [POINTS[0]!, { ...POINTS[3]!, changes: [mayNotApply] }];
    expect(timelineFormats.markdown(report(undefined, points), context)).toContain(
      '  - talks: n/a -> n/a..held (other), new events arrived, none named by the criterion\n',
    );
    const json = JSON.parse(timelineFormats.json(report(undefined, points), context)) as { points: { changes: { to: unknown }[] }[] };
    expect(json.points[1]!.changes[0]!.to).toEqual({ applicable: 'unknown', level: 'held' });
  });
});

describe('timeline -f table', () => {
  it('heads the record, draws a row per date, a sparkline of the scores, the legend and the story', () => {
    const lines = timelineFormats.table(report(), context).split('\n');
    expect(lines.slice(0, 3)).toEqual(['R (r)', 'matrix m 1 (m.yaml), aggregation weighted-mean', `dates: ${DATES}`]);
    const row = (date: string) => lines.find((line) => line.startsWith(`│ ${date} `));
    expect(lines[4]).toMatch(/^│ Date\s+│ Score\s+│ Verdict\s+│ talks\s+│ kept\s+│ New events\s+│$/);
    expect(row('2015-09-25')).toMatch(/^│ 2015-09-25\s+│ 0\.00\s+│ weak\s+│ none\s+│ 50%\s+│ 2 events\s+│$/);
    expect(row('2015-10-01')).toMatch(/^│ 2015-10-01\s+│ 62\.50\s+│ good\s+│ held ↑\s+│ 25% ↓\s+│ meet\s+│$/);
    expect(row('2015-11-01')).toMatch(/^│ 2015-11-01\s+│ 50\.00–62\.50\s+│ good or weak\s+│ held\s+│ 25%\s+│\s+│$/);
    expect(row('2016-01-01')).toMatch(/^│ 2016-01-01\s+│ -\s+│ none\s+│ n\/a •\s+│ n\/a ↕\s+│ x\s+│$/);
    const from = lines.findIndex((line) => line.startsWith('Score '));
    // 0 -> the lowest tick; 62.5 x 8 / 100 = 5, the sixth; an open total a space.
    const story = [0, 3, 6].flatMap((i) => [
      `  ${STORY[i]![0]}  ${STORY[i]![1]}`,
      ...STORY[i + 1]!.map((line) => `    + ${line}`),
      ...STORY[i + 2]!.map((line) => `    ${line}`),
    ]);
    expect(lines.slice(from)).toEqual(['Score \u2581\u2586 \u2586   (0-100, one mark per date)', LEGEND, 'What changed:', ...story, '']);
  });

  it('writes "1 event" for one event at the first date, and paints moves, verdicts and headlines in colour', () => {
    const one = [{ ...POINTS[0]!, arrived: [POINTS[0]!.arrived[0]!] }, ...POINTS.slice(1)];
    expect(timelineFormats.table(report(undefined, one), context)).toMatch(/│ 2015-09-25\s+│ 0\.00\s+│ weak\s+│ none\s+│ 50%\s+│ 1 event\s+│/);
    const text = timelineFormats.table(report(), { color: true, width: 200 });
    expect(text).toContain('\u001b[32mheld ↑\u001b[39m');
    expect(text).toContain('\u001b[31m25% ↓\u001b[39m');
    expect(text).toContain('\u001b[33mn/a ↕\u001b[39m');
    expect(text).toContain('\u001b[33mn/a •\u001b[39m');
    // The verdict bold in its band's colour (good green, weak red), none yellow; an open one plain.
    expect(text).toContain('\u001b[1m\u001b[32mgood\u001b[39m\u001b[22m');
    expect(text).toContain('\u001b[1m\u001b[31mweak\u001b[39m\u001b[22m');
    expect(text).toContain('\u001b[33mnone\u001b[39m');
    expect(text).toMatch(/ good or weak +\u001b\[90m│/);
    expect(text).toContain('  2015-10-01  \u001b[1mscore 0.00 -> 62.50, verdict weak -> good\u001b[22m');
    expect(text).toContain('  2015-12-01  nothing moved; verdict good holds\n');
  });
});

describe('timeline -f csv and -f long', () => {
  it('csv: one row per date, the verdict change (never at the first date), the new events and five columns per criterion', () => {
    const head =
      'matrix,record,date,score,score_low,score_high,band,verdict,verdicts,unknown_share,verdict_changed,new_events,' +
      'talks,talks_low,talks_high,talks_applicable,talks_points,kept,kept_low,kept_high,kept_applicable,kept_points';
    expect(timelineFormats.csv(report(), context)).toBe(
      [
        head,
        'm,r,2015-09-25,0,0,0,weak,weak,weak,0,FALSE,e0 e00,none,none,none,TRUE,0,per-party,,,TRUE,0.5',
        'm,r,2015-10-01,62.5,62.5,62.5,good,good,good,0,TRUE,meet,held,held,held,TRUE,1,per-party,,,TRUE,0.25',
        'm,r,2015-11-01,,50,62.5,,,good;weak,0,FALSE,"",held,held,held,TRUE,1,per-party,,,TRUE,0.25',
        'm,r,2015-12-01,62.5,62.5,62.5,good,good,good,0,FALSE,s,held,held,held,TRUE,1,per-party,,,TRUE,0.25',
        'm,r,2016-01-01,,,,,,,0,TRUE,x,,,,FALSE,,per-party,,,TRUE,',
        '',
      ].join('\n'),
    );
  });

  it('long: one row per date and cell, marked changed with the events that moved it', () => {
    const lines = timelineFormats.long(report(), context).split('\n');
    const columns = lines[0]!.split(',');
    expect(columns.slice(0, 4)).toEqual(['matrix', 'record', 'date', 'criterion']);
    expect(columns.slice(17)).toEqual(['changed', 'moved_by', 'score', 'score_low', 'score_high', 'band', 'verdict', 'verdicts', 'unknown_share']);
    const picked = lines.slice(1, -1).map((line) => {
      const cells = line.split(',');
      return [cells[2], cells[3], cells[5], cells[17], cells[18]].join(' ');
    });
    expect(picked).toEqual([
      '2015-09-25 talks  FALSE ',
      '2015-09-25 kept US FALSE ',
      '2015-10-01 talks  TRUE meet',
      '2015-10-01 kept US TRUE ""',
      '2015-11-01 talks  FALSE ',
      '2015-11-01 kept US FALSE ',
      '2015-12-01 talks  FALSE ',
      '2015-12-01 kept US FALSE ',
      '2016-01-01 talks  TRUE ""',
      '2016-01-01 kept US TRUE x',
      '2016-01-01 kept CN TRUE x',
    ]);
    expect(lines[1]!.split(',').slice(0, 3)).toEqual(['m', 'r', '2015-09-25']);
    expect(lines[1]!.split(',').slice(-7)).toEqual(['0', '0', '0', 'weak', 'weak', 'weak', '0']);
  });
});

describe('timeline -f json and -f ndjson', () => {
  const last = {
    date: '2016-01-01',
    score: null,
    scoreRange: null,
    band: null,
    verdict: null,
    verdicts: [],
    undetermined: false,
    unknownShare: 0,
    verdictChange: { from: 'good', to: null, fromVerdicts: ['good'], toVerdicts: [] },
    criteria: [
      { id: 'talks', criterion: 'talks', applicable: false, level: null, levelRange: null, points: null, maxPoints: 1, contribution: null, parties: null },
      {
        id: 'kept',
        criterion: 'kept',
        applicable: true,
        level: null,
        levelRange: null,
        points: null,
        maxPoints: 1,
        contribution: null,
        parties: [
          { party: 'US', applicable: true, level: 'met' },
          { party: 'CN', applicable: 'unknown', level: null },
        ],
      },
    ],
    arrived: [{ id: 'x', date: '2016-01-01', type: 'note', title: null, links: { fulfils: ['s', 'meet'] } }],
    changes: [
      {
        criterion: 'talks',
        party: null,
        from: { applicable: true, level: 'held' },
        to: { applicable: false, level: null },
        direction: 'other',
        cause: 'unattributed',
        events: [],
      },
      {
        criterion: 'kept',
        party: 'US',
        from: { applicable: true, level: null, levelRange: { low: 'unmet', high: 'met' } },
        to: { applicable: true, level: 'met' },
        direction: 'up',
        cause: 'events',
        events: ['x'],
      },
      {
        criterion: 'kept',
        party: 'CN',
        from: null,
        to: { applicable: 'unknown', level: null, levelRange: { low: null, high: 'met' } },
        direction: 'down',
        cause: 'events',
        events: ['x'],
      },
      { criterion: 'talks', party: null, from: { applicable: true, level: null }, to: null, direction: 'other', cause: 'events', events: ['x', 'meet'] },
    ],
  };
  const second = {
    date: '2015-10-01',
    score: 62.5,
    scoreRange: { low: 62.5, high: 62.5 },
    band: 'good',
    verdict: 'good',
    verdicts: ['good'],
    undetermined: false,
    unknownShare: 0,
    verdictChange: { from: 'weak', to: 'good', fromVerdicts: ['weak'], toVerdicts: ['good'] },
    criteria: [
      {
        id: 'talks',
        criterion: 'talks',
        applicable: true,
        level: 'held',
        levelRange: { low: 'held', high: 'held' },
        points: 1,
        maxPoints: 1,
        contribution: 50,
        parties: null,
      },
      {
        id: 'kept',
        criterion: 'kept',
        applicable: true,
        level: null,
        levelRange: null,
        points: 0.25,
        maxPoints: 1,
        contribution: 12.5,
        parties: [{ party: 'US', applicable: true, level: 'unmet' }],
      },
    ],
    arrived: [{ id: 'meet', date: '2015-10-01', type: 'meeting', title: 'Talks', links: { fulfils: ['pledge'] } }],
    changes: [
      {
        criterion: 'talks',
        party: null,
        from: { applicable: true, level: 'none' },
        to: { applicable: true, level: 'held' },
        direction: 'up',
        cause: 'events',
        events: ['meet'],
      },
      {
        criterion: 'kept',
        party: 'US',
        from: { applicable: true, level: 'met' },
        to: { applicable: true, level: 'unmet' },
        direction: 'down',
        cause: 'time',
        events: [],
      },
    ],
  };

  it('json: the schema, tool, matrix, record and dates, then every date with its figures, cells, events and moves', () => {
    const text = timelineFormats.json(report(), context);
    const document = JSON.parse(text);
    expect(Object.keys(document)).toEqual(['schema', 'tool', 'matrix', 'record', 'dates', 'points']);
    expect(document.schema).toBe('summit-score/timeline@2');
    expect(document.tool).toEqual({ name: 'summit-score', version: '9.9.9' });
    expect(document.matrix).toMatchObject({ id: 'm', file: 'm.yaml', sha256: 'abcdef0123456789', extends: null });
    expect(document.record).toEqual({ id: 'r', title: 'R', date: '2015-09-25', file: 'r.yaml', sha256: 'rr' });
    expect(document.dates).toEqual({ method: 'events', step: null, from: '2015-09-25', to: '2016-01-01' });
    expect(document.points).toHaveLength(5);
    expect(JSON.stringify(document.points[1])).toBe(JSON.stringify(second));
    expect(JSON.stringify(document.points[4])).toBe(JSON.stringify(last));
    expect(document.points[2]).toMatchObject({ score: null, scoreRange: { low: 50, high: 62.5 }, verdicts: ['good', 'weak'], verdictChange: null });
    expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it('ndjson: one line per date with its schema, the matrix and the record', () => {
    const lines = timelineFormats.ndjson(report(), context).split('\n');
    expect(lines).toHaveLength(6);
    const head = { schema: 'summit-score/timeline-point@2', matrix: { id: 'm', version: '1', sha256: 'abcdef0123456789' }, record: 'r' };
    expect(lines[1]).toBe(JSON.stringify({ ...head, ...second }));
    expect(lines[4]).toBe(JSON.stringify({ ...head, ...last }));
  });
});
