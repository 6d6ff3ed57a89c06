// importGrid (src/load/import-grid.ts), called directly: the record a coded grid becomes (read
// back as data and compared with the record worked out by hand from the grid), and each cell or
// mapping it cannot read at its file:line:col, counted by hand in the CSV text beside it.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError, type Diagnostic } from '../../src/diagnostics.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';
import { importGrid, readScore } from '../../src/load/import-grid.js';

const input = (file: string, text: string) => ({ file, text, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES });

const MAPPING = `record: {id: g, title: G, date: 2020-11-21, description: D}
assessment: {date: 2021-10-01, assessor: Lab}
sources: [{url: "https://example.org/g"}]
members:
  Saudi Arabia: {id: SA}
  United States: {id: US, name: USA}
commitments:
  Trade pledge: {id: trade, title: Trade}
ignore: [Notes]
`;

const run = (csv: string, mapping = MAPPING, layout?: 'wide' | 'long') => importGrid(input('grid.csv', csv), input('map.yaml', mapping), layout);

function problems(csv: string, mapping = MAPPING, layout?: 'wide' | 'long'): Diagnostic[] {
  try {
    run(csv, mapping, layout);
  } catch (error) {
    if (error instanceof InputError) return [...error.diagnostics];
    throw error;
  }
  throw new Error('no problem found');
}

const SOURCES = [{ url: 'https://example.org/g' }];
const assessed = (commitment: string, member: string, score: unknown, extra = {}) => ({
  id: `${commitment}-${member.toLowerCase()}`,
  date: '2021-10-01',
  type: 'assessment',
  assessment: { member, commitment, score, assessor: 'Lab', ...extra },
  sources: SOURCES,
});

describe('importGrid, wide', () => {
  it('makes a record: one commitment per row, one assessment per cell, summaries and ignored columns left out', () => {
    const csv =
      'Commitment,United States, CN ,Saudi Arabia,Average,Notes\nTrade pledge,+1,\u22121,n/a,0.33,x\nCafé Health!,0,,not assessed,0,y\nAverage,1,1,1,1,1\n';
    const text = run(csv);
    expect(text.startsWith('# yaml-language-server: $schema=../src/schema/record.schema.json\n# Imported from grid.csv with summit-score import grid.\n')).toBe(
      true,
    );
    const parties = ['US', 'CN', 'SA'];
    expect(parse(text)).toEqual({
      id: 'g',
      title: 'G',
      date: '2020-11-21',
      description: 'D',
      parties,
      // CN is its own name, so it has none to print.
      partyNames: { US: 'USA', SA: 'Saudi Arabia' },
      events: [
        { id: 'trade', date: '2020-11-21', type: 'commitment', title: 'Trade', actors: parties, sources: SOURCES },
        // "Café Health!" without its accent and its punctuation, in lower case.
        { id: 'cafe-health', date: '2020-11-21', type: 'commitment', title: 'Café Health!', actors: parties, sources: SOURCES },
        assessed('trade', 'US', 1),
        assessed('trade', 'CN', -1),
        assessed('trade', 'SA', 'not-applicable'),
        assessed('cafe-health', 'US', 0),
        assessed('cafe-health', 'CN', 'not-assessed'),
        assessed('cafe-health', 'SA', 'not-assessed'),
      ],
    });
  });

  it('adds the window to each id, and the windows to the record; names no party without a name of its own', () => {
    const mapping = MAPPING.replace('assessor: Lab}', 'window: w1}')
      .replace('description: D', '')
      .replace('{id: US, name: USA}', '{id: US}')
      .concat('windows: [{id: w1, from: 2020-11-21, to: 2021-10-05}]\n');
    const data = parse(run('x,US,Saudi Arabia\n***,1,0\n', mapping)) as Record<string, unknown>;
    expect(data).not.toHaveProperty('description');
    expect(data['partyNames']).toEqual({ SA: 'Saudi Arabia' });
    expect(data['windows']).toEqual([{ id: 'w1', from: '2020-11-21', to: '2021-10-05' }]);
    expect(data['events']).toEqual([
      // A label of punctuation alone makes no id: the id is `commitment`.
      { id: 'commitment', date: '2020-11-21', type: 'commitment', title: '***', actors: ['US', 'SA'], sources: SOURCES },
      {
        id: 'commitment-us-w1',
        date: '2021-10-01',
        type: 'assessment',
        assessment: { member: 'US', commitment: 'commitment', score: 1, window: 'w1' },
        sources: SOURCES,
      },
      {
        id: 'commitment-sa-w1',
        date: '2021-10-01',
        type: 'assessment',
        assessment: { member: 'SA', commitment: 'commitment', score: 0, window: 'w1' },
        sources: SOURCES,
      },
    ]);
    const only = parse(run('x,CN\na,1\n', mapping.replace(/members:\n.*\n.*\n/, ''))) as Record<string, unknown>;
    expect(only).not.toHaveProperty('partyNames');
  });

  it('reports each cell that is no score and each header that is no party, at its place', () => {
    // A column whose header is no party is not read. `"Trade, again",` is 15 characters (its
    // comma is quoted), and the quoted label over lines 4 and 5 ends with `line",` (6).
    const csv = 'Commitment,US,Saudi-Arabia!\nTrade pledge,x,1\n"Trade, again",yes,x\n"Multi\nline",??,1\n';
    expect(problems(csv)).toEqual([
      {
        severity: 'error',
        code: 'BAD_FORMAT',
        file: 'grid.csv',
        line: 1,
        col: 15,
        message: 'member `Saudi-Arabia!` is not a party id',
        hint: 'map it under `members:` in the mapping file, e.g. "Saudi Arabia": {id: SA}',
      },
      ...[
        [2, 14, 'x'],
        [3, 16, 'yes'],
        [5, 7, '??'],
      ].map(([line, col, cell]) => ({
        severity: 'error',
        code: 'NOT_ALLOWED',
        file: 'grid.csv',
        line,
        col,
        message: `cell \`${cell}\` is not a score`,
        hint: 'write +1, 0, -1 (or −1), n/a, or leave it empty for not assessed',
      })),
    ]);
  });

  it('reports a row whose cells are not as many as the header has', () => {
    expect(problems('Commitment,US,CN\nTrade pledge,+1\nOther,1,0,1\n')).toEqual([
      { severity: 'error', code: 'OUT_OF_RANGE', file: 'grid.csv', line: 2, col: 1, message: 'the row has 2 cells where the header has 3' },
      { severity: 'error', code: 'OUT_OF_RANGE', file: 'grid.csv', line: 3, col: 1, message: 'the row has 4 cells where the header has 3' },
    ]);
  });

  it('reports a grid without rows, and one that is not CSV', () => {
    for (const csv of ['', '\n\n']) {
      expect(problems(csv)).toEqual([{ severity: 'error', code: 'EMPTY_FILE', file: 'grid.csv', line: 1, col: 1, message: 'the grid has no rows' }]);
    }
    const [bad, ...rest] = problems('a,b\nc,"d\n');
    expect(rest).toEqual([]);
    expect(bad).toMatchObject({ severity: 'error', code: 'BAD_FORMAT', file: 'grid.csv' });
    expect(bad?.message.startsWith('not readable as CSV: ')).toBe(true);
  });
});

describe('importGrid, long', () => {
  it('reads one cell a row when the header has member and score, in any case', () => {
    const csv = 'Commitment, Member ,SCORE\nTrade pledge,United States,+1\nTrade pledge,Saudi Arabia,0\nOther,US,n/a\n';
    const data = parse(run(csv)) as { parties: string[]; events: { id: string; assessment?: { score: unknown } }[] };
    expect(data.parties).toEqual(['US', 'SA']);
    expect(data.events.map((e) => [e.id, e.assessment?.score])).toEqual([
      ['trade', undefined],
      ['other', undefined],
      ['trade-us', 1],
      ['trade-sa', 0],
      ['other-us', 'not-applicable'],
    ]);
  });

  it('follows the layout it is told', () => {
    const csv = 'commitment,member,score\na,1,0\n';
    expect((parse(run(csv, MAPPING, 'wide')) as { parties: string[] }).parties).toEqual(['member', 'score']);
    expect(problems('a,b\nc,d\n', MAPPING, 'long')).toEqual([
      { severity: 'error', code: 'MISSING_KEY', file: 'grid.csv', line: 1, col: 1, message: 'a long grid needs the columns commitment, member and score' },
    ]);
    for (const header of ['member,score', 'commitment,score', 'commitment,member']) {
      expect(problems(`${header}\nx,y\n`, MAPPING, 'long').map((d) => d.code)).toEqual(['MISSING_KEY']);
    }
  });

  it('reports a member that is no party and a score that is none, at their places', () => {
    const csv = 'commitment,member,score\nTrade pledge,Saudi Arabia!,1\nTrade pledge,US,maybe\n';
    expect(problems(csv).map(({ code, line, col, message }) => ({ code, line, col, message }))).toEqual([
      { code: 'BAD_FORMAT', line: 2, col: 14, message: 'member `Saudi Arabia!` is not a party id' },
      { code: 'NOT_ALLOWED', line: 3, col: 17, message: 'cell `maybe` is not a score' },
    ]);
  });
});

describe('importGrid, the mapping', () => {
  it('needs record, assessment and sources', () => {
    const needs = (key: string) => ({
      severity: 'error',
      code: 'MISSING_KEY',
      file: 'map.yaml',
      line: 1,
      col: 1,
      path: '(document)',
      message: `the mapping needs \`${key}\``,
    });
    expect(problems('a,US\nx,1\n', 'ignore: []\n')).toEqual([needs('record'), needs('assessment'), needs('sources')]);
    expect(problems('a,US\nx,1\n', 'just text\n')).toEqual([needs('record'), needs('assessment'), needs('sources')]);
    expect(problems('a,US\nx,1\n', MAPPING.replace(/^assessment.*\n/m, ''))).toEqual([needs('assessment')]);
  });

  it('reports a record that would not load against the mapping', () => {
    // The summit's date is also the date of each commitment event.
    const bad = {
      severity: 'error',
      code: 'BAD_DATE',
      file: 'map.yaml',
      line: 1,
      col: 1,
      message: 'the imported record would not load: 2020-02-30 is not a calendar date',
    };
    expect(problems('a,US\nx,1\n', MAPPING.replace('date: 2020-11-21', 'date: 2020-02-30'))).toEqual([
      { ...bad, path: 'date' },
      { ...bad, path: 'events[0].date' },
    ]);
  });
});

describe('readScore', () => {
  it('reads the spellings of a cell', () => {
    expect(
      ['+1', ' 1 ', '0.5', '-0', '\u22121', 'n/a', 'NA', 'n/A', 'not applicable', 'Not-Applicable', '', '  ', 'not assessed', 'NOT-ASSESSED'].map(readScore),
    ).toEqual([
      1,
      1,
      0.5,
      -0,
      -1,
      'not-applicable',
      'not-applicable',
      'not-applicable',
      'not-applicable',
      'not-applicable',
      'not-assessed',
      'not-assessed',
      'not-assessed',
      'not-assessed',
    ]);
  });

  it('reads nothing else', () => {
    for (const cell of ['x', '+', '1.', '.5', '1e2', 'n/ab', 'not assessed yet', 'a n/a', '1 1', '\u2212', '--1', '1-'])
      expect(readScore(cell)).toBeUndefined();
  });
});
