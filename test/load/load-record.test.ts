// loadRecord's checks beyond the schema (dates, ids, party codes, windows, links, sources,
// assessments) and the record it builds. Each expected place is where the fragment named stands
// in the text, found there; each message is the rule the loader states, written out.
import { describe, expect, it } from 'vitest';
import { InputError, type Diagnostic } from '../../src/diagnostics.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';
import { loadRecord, recordLocator } from '../../src/load/load-record.js';

const input = (text: string) => ({ file: 'r.yaml', text, sha256: 'abc', maxBytes: DEFAULT_MAX_INPUT_BYTES });

function problems(text: string): Diagnostic[] {
  try {
    loadRecord(input(text));
  } catch (error) {
    if (error instanceof InputError) return [...error.diagnostics];
    throw error;
  }
  return [];
}

/** Line and column (from 1) where `fragment` starts on the first line holding `line` (after line `after`). */
function at(text: string, line: string, fragment = line, after = 0): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l, i) => i >= after && l.includes(line));
  expect(index).toBeGreaterThanOrEqual(0);
  return { line: index + 1, col: lines[index]!.indexOf(fragment) + 1 };
}

const RECORD = `id: r
title: R
date: 2015-09-25
parties: [US, CN]
events:
  - id: pledge
    date: 2015-09-25
    type: commitment
    sources: [{url: "https://example.org/a"}]
  - id: meeting
    date: 2015-12-01
    type: meeting
    links: {fulfils: pledge}
    sources: [{title: Minutes}]
`;

describe('loadRecord', () => {
  it('builds the record: days, links as lists, sources verified unless they say not, each event at its place', () => {
    const text = RECORD.replace('[{title: Minutes}]', '[{title: Minutes, verified: false}]').replace(
      'type: meeting',
      'type: meeting\n    title: First meeting',
    );
    const loaded = loadRecord(input(text));
    expect(loaded.file).toBe('r.yaml');
    expect(loaded.sha256).toBe('abc');
    expect(loaded.warnings).toEqual([]);
    const { record } = loaded;
    // 2015-09-25 is day 16,703 after 1970-01-01 (16,801 for 2016-01-01, less the 98 days from
    // 25 September to the end of December); 2015-12-01 is 67 days later.
    expect(record).toMatchObject({ id: 'r', title: 'R', date: '2015-09-25', day: 16_703, parties: ['US', 'CN'] });
    expect(record).not.toHaveProperty('partyNames');
    expect(record).not.toHaveProperty('windows');
    expect(record.events).toEqual([
      {
        id: 'pledge',
        date: '2015-09-25',
        day: 16_703,
        type: 'commitment',
        actors: [],
        fields: {},
        links: {},
        sources: [{ url: 'https://example.org/a', verified: true }],
        location: { file: 'r.yaml', ...at(text, 'id: pledge', 'id') },
      },
      {
        id: 'meeting',
        date: '2015-12-01',
        day: 16_770,
        type: 'meeting',
        title: 'First meeting',
        actors: [],
        fields: {},
        links: { fulfils: ['pledge'] },
        sources: [{ title: 'Minutes', verified: false }],
        location: { file: 'r.yaml', ...at(text, 'id: meeting', 'id') },
      },
    ]);
  });

  it('leaves out the title of an event that has none, and takes dates that are in the calendar', () => {
    const text = RECORD.replace('parties:', 'endDate: 2015-09-26\nparties:')
      .replace('type: meeting', 'type: meeting\n    endDate: 2015-12-02')
      .replace('{title: Minutes}', '{title: Minutes, date: 2015-12-01}');
    const { record } = loadRecord(input(text));
    expect(record.events[0]).not.toHaveProperty('title');
    expect(record.events[1]!.sources).toEqual([{ title: 'Minutes', date: '2015-12-01', verified: true }]);
  });

  it('reads a source cited by key from the bundled bibliography (fixtures/sources.yaml)', () => {
    const text = RECORD.replace('[{title: Minutes}]', '[{key: lewis-2015-csis, quote: "hold your applause"}]');
    const [source] = loadRecord(input(text)).record.events[1]!.sources;
    expect(source).toMatchObject({
      url: 'http://csis.org/publication/measuring-cybersecurity-success-summit',
      title: 'Measuring Cybersecurity Success at the Summit',
      quote: 'hold your applause',
    });
  });

  it('refuses a key the bibliography does not have, at the key, and only there', () => {
    const text = RECORD.replace('[{title: Minutes}]', '[{key: lewis-2015-csiss}]');
    // The event cites a source, wrongly: one problem, not a second "cites no source" besides.
    expect(problems(text).map(({ severity, code, path, hint }) => ({ severity, code, path, hint }))).toEqual([
      { severity: 'error', code: 'UNKNOWN_SOURCE', path: 'events[1].sources[0].key', hint: 'did you mean `lewis-2015-csis`?' },
    ]);
  });

  it('warns about an event whose list of sources is empty, as about one with none', () => {
    const text = RECORD.replace('[{title: Minutes}]', '[]');
    expect(loadRecord(input(text)).warnings.map(({ severity, code, path }) => ({ severity, code, path }))).toEqual([
      { severity: 'warning', code: 'NO_SOURCE', path: 'events[1].id' },
    ]);
  });

  it('keeps party names and windows when the record has them, and where its data stands', () => {
    const text = RECORD.replace(
      'parties: [US, CN]',
      'parties: [US, CN]\npartyNames: {US: United States}\nwindows: [{id: w1, from: 2015-09-25, to: 2015-09-25}]',
    );
    const { record } = loadRecord(input(text));
    expect(record.partyNames).toEqual({ US: 'United States' });
    expect(record.windows).toEqual([{ id: 'w1', from: '2015-09-25', to: '2015-09-25' }]);
    expect(recordLocator(record)?.(['events', 1, 'type'])).toEqual(at(text, 'type: meeting', 'meeting'));
  });

  it('warns about an event that cites no source, at its id', () => {
    const text = RECORD.replace('    sources: [{title: Minutes}]\n', '');
    const { warnings } = loadRecord(input(text));
    expect(warnings).toEqual([
      {
        severity: 'warning',
        code: 'NO_SOURCE',
        file: 'r.yaml',
        ...at(text, 'id: meeting', 'meeting'),
        path: 'events[1].id',
        message: 'event meeting cites no source',
        hint: 'add `sources:` with a bibliography key, or a url, title and date',
      },
    ]);
  });
});

describe('loadRecord refuses', () => {
  it.each([
    ['the record date', (t: string) => t.replace('date: 2015-09-25\nparties', 'date: 2015-02-29\nparties'), 'date: 2015-02-29', 'date', '2015-02-29'],
    ['the record end date', (t: string) => t.replace('parties:', 'endDate: 2015-09-31\nparties:'), 'endDate', 'endDate', '2015-09-31'],
    ['an event end date', (t: string) => t.replace('type: meeting', 'type: meeting\n    endDate: 2015-11-31'), 'endDate', 'events[1].endDate', '2015-11-31'],
    [
      'a deadline',
      (t: string) => t.replace('type: commitment', 'type: commitment\n    fields: {deadline: 2016-04-31}'),
      'deadline',
      'events[0].fields.deadline',
      '2016-04-31',
    ],
    [
      'a source date',
      (t: string) => t.replace('{title: Minutes}', '{title: Minutes, date: 2015-06-31}'),
      '2015-06-31',
      'events[1].sources[0].date',
      '2015-06-31',
    ],
    [
      'a window start',
      (t: string) => t.replace('events:', 'windows: [{id: w1, from: 2015-13-01, to: 2016-01-01}]\nevents:'),
      '2015-13-01',
      'windows[0].from',
      '2015-13-01',
    ],
    [
      'a window end',
      (t: string) => t.replace('events:', 'windows: [{id: w1, from: 2015-01-01, to: 2016-00-01}]\nevents:'),
      '2016-00-01',
      'windows[0].to',
      '2016-00-01',
    ],
  ])('a date not in the calendar: %s', (_name, edit, line, path, date) => {
    const text = edit(RECORD);
    expect(problems(text)).toEqual([
      { severity: 'error', code: 'BAD_DATE', file: 'r.yaml', ...at(text, line, date), path, message: `${date} is not a calendar date` },
    ]);
  });

  it('a window with a date not in the calendar once, not again as ending before it starts', () => {
    // Before the fix, the bad end read as day 0 and was also reported as END_BEFORE_START.
    // w3 ends before 1970-01-01, a day below 0, which a bad start read as day 0 would be after.
    const text = RECORD.replace(
      'events:',
      'windows: [{id: w1, from: 2016-02-30, to: 2015-01-01}, {id: w2, from: 2015-01-01, to: 2015-02-29}, {id: w3, from: 2016-02-30, to: 1969-12-31}]\nevents:',
    );
    expect(problems(text).map(({ code, path }) => [code, path])).toEqual([
      ['BAD_DATE', 'windows[0].from'],
      ['BAD_DATE', 'windows[1].to'],
      ['BAD_DATE', 'windows[2].from'],
    ]);
  });

  it('a party code given twice, in whatever case', () => {
    const text = RECORD.replace('parties: [US, CN]', 'parties: [US, CN, us]');
    expect(problems(text)).toEqual([
      {
        severity: 'error',
        code: 'DUPLICATE_ID',
        file: 'r.yaml',
        ...at(text, 'parties', 'us'),
        path: 'parties[2]',
        message: 'party `us` is `US` again (codes compare without case)',
      },
    ]);
  });

  it('a name for a party the record does not have, at its key', () => {
    const text = RECORD.replace('parties: [US, CN]', 'parties: [US, CN]\npartyNames: {US: United States, UK: Britain}');
    expect(problems(text)).toEqual([
      {
        severity: 'error',
        code: 'NOT_ALLOWED',
        file: 'r.yaml',
        ...at(text, 'partyNames', 'UK'),
        path: 'partyNames.UK',
        message: "`UK` is not one of the record's parties",
        hint: 'did you mean `US`?',
      },
    ]);
  });

  it('a window id given twice, and a window that ends before it starts (not one that ends the day it starts)', () => {
    const windows = 'windows:\n  - {id: w1, from: 2015-09-25, to: 2015-09-25}\n  - {id: w1, from: 2016-06-01, to: 2016-01-01}\n';
    const text = RECORD.replace('events:', `${windows}events:`);
    expect(problems(text)).toEqual([
      {
        severity: 'error',
        code: 'DUPLICATE_ID',
        file: 'r.yaml',
        ...at(text, '2016-06-01', 'w1'),
        path: 'windows[1].id',
        message: 'window id `w1` appears twice',
      },
      {
        severity: 'error',
        code: 'END_BEFORE_START',
        file: 'r.yaml',
        ...at(text, '2016-06-01', '2016-01-01'),
        path: 'windows[1].to',
        message: 'window w1 ends (2016-01-01) before it starts (2016-06-01)',
      },
    ]);
  });

  it('an event id given twice, naming the first', () => {
    const text = RECORD.replace('id: meeting', 'id: pledge').replace('fulfils: pledge', 'of: pledge');
    expect(problems(text).map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      { code: 'DUPLICATE_ID', path: 'events[1].id', message: 'event id `pledge` appears twice (first at events[0])' },
    ]);
  });

  it('each free field named as an event key, in the order written, at its key', () => {
    const text = RECORD.replace('type: commitment', 'type: commitment\n    fields: {level: high, type: x, actors: [US]}');
    const found = problems(text);
    expect(found).toEqual([
      {
        severity: 'error',
        code: 'SHADOWED_FIELD',
        file: 'r.yaml',
        ...at(text, 'fields:', 'type'),
        path: 'events[0].fields.type',
        message: "fields.type repeats the event's own `type`, so conditions could never read it",
        hint: 'rename it',
      },
      {
        severity: 'error',
        code: 'SHADOWED_FIELD',
        file: 'r.yaml',
        ...at(text, 'fields:', 'actors'),
        path: 'events[0].fields.actors',
        message: "fields.actors repeats the event's own `actors`, so conditions could never read it",
        hint: 'rename it',
      },
    ]);
  });

  it('a link to no event of the record, with the id meant, in a list or alone', () => {
    const alone = RECORD.replace('fulfils: pledge', 'fulfils: pldge');
    expect(problems(alone)).toEqual([
      {
        severity: 'error',
        code: 'UNKNOWN_LINK',
        file: 'r.yaml',
        ...at(alone, 'fulfils', 'pldge'),
        path: 'events[1].links.fulfils',
        message: 'meeting links (fulfils) to `pldge`, which is not an event of this record',
        hint: 'did you mean `pledge`?',
      },
    ]);
    const listed = RECORD.replace('fulfils: pledge', 'fulfils: [pledge, elsewhere]');
    expect(problems(listed)).toEqual([
      {
        severity: 'error',
        code: 'UNKNOWN_LINK',
        file: 'r.yaml',
        ...at(listed, 'fulfils', 'elsewhere'),
        path: 'events[1].links.fulfils[1]',
        message: 'meeting links (fulfils) to `elsewhere`, which is not an event of this record',
      },
    ]);
  });

  it('a link of an event to itself, but only once when its id is given twice', () => {
    const self = RECORD.replace('fulfils: pledge', 'supersedes: [pledge, meeting]');
    expect(problems(self)).toEqual([
      {
        severity: 'error',
        code: 'SELF_LINK',
        file: 'r.yaml',
        ...at(self, 'supersedes', 'meeting'),
        path: 'events[1].links.supersedes[1]',
        message: 'meeting links (supersedes) to itself',
        hint: 'link it to the event it relates to',
      },
    ]);
    const twice = RECORD.replace('id: meeting', 'id: pledge').replace('fulfils: pledge', 'breaches: pledge');
    expect(problems(twice).map((d) => d.code)).toEqual(['DUPLICATE_ID']);
  });

  it('a source with no url, title or publisher', () => {
    const text = RECORD.replace('[{title: Minutes}]', '[{title: Minutes}, {quote: "We agree."}]');
    expect(problems(text)).toEqual([
      {
        severity: 'error',
        code: 'MISSING_KEY',
        file: 'r.yaml',
        ...at(text, 'quote', '{quote'),
        path: 'events[1].sources[1]',
        message: 'a source needs a url, a title or a publisher',
      },
    ]);
    expect(problems(RECORD.replace('[{title: Minutes}]', '[{publisher: UN}]'))).toEqual([]);
  });

  it('an assessment of a party, commitment or window the record does not have', () => {
    const assessment = '    assessment: {member: UK, commitment: pledg, score: 1, window: final}\n';
    const text = RECORD.replace('    links: {fulfils: pledge}\n', assessment).replace(
      'events:',
      'windows: [{id: interim, from: 2015-09-25, to: 2016-09-25}]\nevents:',
    );
    expect(problems(text)).toEqual([
      {
        severity: 'error',
        code: 'NOT_ALLOWED',
        file: 'r.yaml',
        ...at(text, 'assessment', 'UK'),
        path: 'events[1].assessment.member',
        message: "`UK` is not one of the record's parties",
        hint: 'did you mean `US`?',
      },
      {
        severity: 'error',
        code: 'UNKNOWN_LINK',
        file: 'r.yaml',
        ...at(text, 'assessment', 'pledg'),
        path: 'events[1].assessment.commitment',
        message: 'meeting assesses `pledg`, which is not an event of this record',
        hint: 'did you mean `pledge`?',
      },
      {
        severity: 'error',
        code: 'NOT_ALLOWED',
        file: 'r.yaml',
        ...at(text, 'assessment', 'final'),
        path: 'events[1].assessment.window',
        message: "`final` is not one of the record's windows",
      },
    ]);
    const unwindowed = RECORD.replace('    links: {fulfils: pledge}\n', '    assessment: {member: US, commitment: pledge, score: 1}\n');
    expect(problems(unwindowed)).toEqual([]);
    const noWindows = RECORD.replace('    links: {fulfils: pledge}\n', '    assessment: {member: US, commitment: pledge, score: 1, window: final}\n');
    expect(problems(noWindows).map((d) => d.hint)).toEqual(['declare it under `windows:`']);
  });

  it('keeps an assessment that names what the record has, and the event title beside it', () => {
    const text = RECORD.replace(
      '    links: {fulfils: pledge}\n',
      '    title: Report\n    assessment: {member: CN, commitment: pledge, score: 1, window: interim}\n',
    ).replace('events:', 'windows: [{id: interim, from: 2015-09-25, to: 2016-09-25}]\nevents:');
    const event = loadRecord(input(text)).record.events[1]!;
    expect(event).toMatchObject({ id: 'meeting', title: 'Report', assessment: { member: 'CN', commitment: 'pledge', score: 1, window: 'interim' } });
    const untitled = loadRecord(input(text.replace('    title: Report\n', ''))).record.events[1]!;
    expect(untitled).not.toHaveProperty('title');
    expect(untitled.assessment).toEqual({ member: 'CN', commitment: 'pledge', score: 1, window: 'interim' });
  });
});
