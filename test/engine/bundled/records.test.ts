// The bundled case records: they load cleanly, every event is cited, and spot-checked facts match
// the research notes (test/bundled/research-notes.md, a copy of shared/domain/SOURCES.md), the
// only source of facts for bundled content.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CaseRecord, SummitEvent } from '../../../src/engine/index.js';
import { loadRecord, type LoadedRecord } from '../../../src/load/load-record.js';
import { readInputFile } from '../../../src/load/read-input.js';
import { isBundledFile } from '../../../src/load/bundled.js';
import { researchNotes, searchExcerpts, squash } from '../../helpers/search-excerpts.js';
import { PACKAGE_FILES } from '../../../src/load/read-input.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = join(ROOT, 'fixtures');
const MODELINE = '# yaml-language-server: $schema=../src/schema/record.schema.json';

const files = readdirSync(FIXTURES)
  .filter((name) => isBundledFile('record', name))
  .sort()
  .map((name) => join(FIXTURES, name));

const load = (file: string): LoadedRecord => loadRecord(readInputFile(file, PACKAGE_FILES));
const bundled = (id: string): CaseRecord => load(join(FIXTURES, `${id}.yaml`)).record;
const event = (record: CaseRecord, id: string): SummitEvent => {
  const found = record.events.find((e) => e.id === id);
  if (!found) throw new Error(`${record.id} has no event ${id}`);
  return found;
};

describe('the bundled records', () => {
  it('are the eight cases of the library', () => {
    expect(files.map((file) => basename(file, '.yaml'))).toEqual(
      expect.arrayContaining([
        'uk-china-2015-10',
        'us-china-2013-06',
        'us-china-2015-09',
        'us-china-2017-04',
        'us-china-2021-11',
        'us-china-2023-11',
        'us-dprk-2018-06',
        'us-russia-2021-06',
      ]),
    );
  });
});

describe.each(files.map((file) => [basename(file), file]))('%s', (name, file) => {
  it('starts with the schema modeline', () => {
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(MODELINE);
  });

  it('loads without errors or warnings, under its own file name', () => {
    const loaded = load(file);
    expect(loaded.warnings.map((w) => `${w.code} ${w.message}`)).toEqual([]);
    expect(loaded.record.id).toBe(basename(name, '.yaml'));
  });

  it('cites at least one source with a url for every event', () => {
    for (const e of load(file).record.events) {
      expect(e.sources.length, `${e.id} cites no source`).toBeGreaterThan(0);
      for (const source of e.sources) expect(source.url, `${e.id}: a source without a url`).toMatch(/^https?:\/\//);
    }
  });

  it('says why, wherever a source is marked unverified', () => {
    for (const e of load(file).record.events) {
      for (const source of e.sources) {
        if (!source.verified) expect(source.note, `${e.id}: ${source.url} is unverified without a note`).toBeTruthy();
      }
    }
  });

  // A source the notes do not hold was found by search: its passages, as read, stand in for them.
  it('takes every url, title and quote from the research notes or the passages read by search', () => {
    const notes = researchNotes();
    const excerpts = searchExcerpts();
    for (const e of load(file).record.events) {
      for (const source of e.sources) {
        const read = notes.includes(source.url!) ? notes : excerpts.get(source.url!);
        // Booleans, so that a failure names the missing text instead of printing all of SOURCES.md.
        expect(read !== undefined, `${e.id}: url ${source.url} neither in SOURCES.md nor read by search`).toBe(true);
        if (source.title !== undefined) expect(read!.includes(squash(source.title)), `${e.id}: title "${source.title}" not in what was read`).toBe(true);
        // Quotes may leave words out with [...] or an ellipsis; every piece must be in the notes.
        for (const piece of (source.quote ?? '').split(/\[\.\.\.\]|…/)) {
          if (squash(piece) !== '') expect(read!.includes(squash(piece)), `${e.id}: quote "${squash(piece)}" not in what was read`).toBe(true);
        }
      }
    }
  });
});

describe('facts spot-checked against SOURCES.md', () => {
  it('Sunnylands: the working group first met on 8 July 2013 and was suspended on 19 May 2014', () => {
    const record = bundled('us-china-2013-06');
    expect(record.date).toBe('2013-06-07');
    const group = event(record, 'cyber-working-group');
    expect(group.fields).toMatchObject({ level: 'working', participation: 'civil-military', openEnded: true });
    expect(group.sources.some((s) => !s.verified && s.quote === 'The group was set up in April')).toBe(true);
    const first = event(record, 'cwg-meeting-1');
    expect([first.type, first.date, first.links.of]).toEqual(['meeting', '2013-07-08', ['cyber-working-group']]);
    const suspension = event(record, 'cwg-suspended');
    expect([suspension.type, suspension.date, suspension.links.of]).toEqual(['suspension', '2014-05-19', ['cyber-working-group']]);
    expect(suspension.sources[0]!.quote).toContain('China has decided to suspend activities of the China-US Cyber Working Group');
    // The promised second meeting has no `deadline`: SOURCES.md does not say whether it was held.
    expect(event(record, 'cwg-next-meeting').fields).not.toHaveProperty('deadline');
  });

  it('2015: the first dialogue (1-2 Dec 2015) fulfils the end-of-2015 deadline', () => {
    const record = bundled('us-china-2015-09');
    expect(event(record, 'commit-first-dialogue').fields).toMatchObject({ deadline: '2015-12-31', cadence: 'twice-yearly' });
    const first = event(record, 'dialogue-1');
    expect([first.date, first.links.fulfils, first.links.of]).toEqual(['2015-12-01', ['commit-first-dialogue'], ['hl-dialogue']]);
    expect(event(record, 'dialogue-2').date).toBe('2016-06-14');
    expect(event(record, 'dialogue-3').date).toBe('2016-12-07');
    expect(event(record, 'apt10-indictment')).toMatchObject({ date: '2018-12-20', type: 'indictment', links: { breaches: ['commit-no-ip-theft'] } });
  });

  it('the LECD met on 4 October 2017, in the 2015 record (replacing the dialogue) and the 2017 one', () => {
    const record2015 = bundled('us-china-2015-09');
    expect(event(record2015, 'lecd')).toMatchObject({ type: 'mechanism', date: '2017-04-07', links: { supersedes: ['hl-dialogue'] } });
    const lecd2015 = event(record2015, 'lecd-1');
    expect([lecd2015.date, lecd2015.links.of]).toEqual(['2017-10-04', ['lecd']]);
    const record = bundled('us-china-2017-04');
    const lecd2017 = event(record, 'lecd-1');
    expect([lecd2017.type, lecd2017.date, lecd2017.links.of]).toEqual(['meeting', '2017-10-04', ['lecd']]);
    // One LECD round only: a second is UNVERIFIED.
    expect(record.events.filter((e) => e.type === 'meeting')).toHaveLength(1);
    const pillars = record.events.filter((e) => e.type === 'mechanism' && e.links.of?.includes('comprehensive-dialogue'));
    expect(pillars.map((e) => e.id).sort()).toEqual(['comprehensive-economic-dialogue', 'diplomatic-security-dialogue', 'lecd', 'social-cultural-dialogue']);
    expect(event(record, 'hundred-day-plan').fields).not.toHaveProperty('deadline');
  });

  it('Geneva: the Strategic Stability Dialogue first met on 28 July 2021, and was reported frozen on 30 April 2022', () => {
    const record = bundled('us-russia-2021-06');
    expect(record.parties).toEqual(['US', 'RU']);
    expect(event(record, 'strategic-stability-dialogue').fields).toMatchObject({ level: 'senior-officials', openEnded: true });
    const first = event(record, 'ssd-1');
    expect([first.type, first.date, first.links.of]).toEqual(['meeting', '2021-07-28', ['strategic-stability-dialogue']]);
    // The freeze is dated the day Reuters reported it: no source gives the day of the suspension.
    expect(record.events.filter((e) => e.type === 'suspension').map((e) => [e.id, e.date, e.links.of])).toEqual([
      ['ssd-frozen', '2022-04-30', ['strategic-stability-dialogue']],
    ]);
  });

  it('UK-China: the IP-theft pledge of 22 October 2015 and the first security dialogue of 13 June 2016', () => {
    const record = bundled('uk-china-2015-10');
    expect(event(record, 'commit-no-ip-theft')).toMatchObject({ date: '2015-10-22', type: 'commitment' });
    expect(event(record, 'hlsd-1')).toMatchObject({ date: '2016-06-13', type: 'meeting', links: { of: ['hl-security-dialogue'] } });
  });

  it("Woodside: after the summit only the counternarcotics working group's two dated sessions, and the 2022 suspension before it", () => {
    const record = bundled('us-china-2023-11');
    const later = record.events.filter((e) => e.day > record.day);
    expect(later.map((e) => [e.date, e.type, e.links.of])).toEqual([
      ['2024-01-30', 'meeting', ['counternarcotics-working-group']],
      ['2024-07-31', 'meeting', ['counternarcotics-working-group']],
    ]);
    expect(event(record, 'mil-channels-suspended-2022')).toMatchObject({ date: '2022-08', type: 'suspension' });
    expect(event(record, 'counternarcotics-working-group').fields).toMatchObject({ level: 'working', openEnded: true });
    // The "theater commanders" phrase is UNVERIFIED.
    expect(JSON.stringify(record.events)).not.toMatch(/theater commander/i);
  });

  it('UK-China: the UK says on 20 December 2018 that China is not upholding the 2015 commitment', () => {
    const accusation = event(bundled('uk-china-2015-10'), 'uk-apt10-accusation');
    expect(accusation).toMatchObject({ date: '2018-12-20', type: 'accusation', fields: { governmental: true }, links: { breaches: ['commit-no-ip-theft'] } });
  });

  it('Singapore 2018: Pompeo-led negotiations, remains handed over on 27 July 2018, Hanoi without agreement, Stockholm broken off', () => {
    const record = bundled('us-dprk-2018-06');
    expect([record.date, record.parties]).toEqual(['2018-06-12', ['US', 'KP']]);
    expect(event(record, 'follow-on-negotiations').fields).toMatchObject({ level: 'ministerial', openEnded: true });
    // "Immediate" is no date: the remains commitment has no deadline to meet or miss.
    expect(event(record, 'remains-commitment').fields).not.toHaveProperty('deadline');
    expect(event(record, 'remains-handed-over')).toMatchObject({ date: '2018-07-27', links: { fulfils: ['remains-commitment'] } });
    const sessions = record.events.filter((e) => e.type === 'meeting').map((e) => [e.date, e.fields['level']]);
    expect(sessions).toEqual([
      ['2018-07-06', 'ministerial'],
      ['2018-10-07', 'ministerial'],
      ['2019-02-28', 'leaders'],
      ['2019-10-05', 'working'],
    ]);
    expect(event(record, 'stockholm-broken-off')).toMatchObject({ date: '2019-10-05', type: 'suspension', links: { of: ['follow-on-negotiations'] } });
    // Disputed: the record cites the report that the U.S. delegation disputed it.
    expect(event(record, 'stockholm-broken-off').sources.map((source) => source.url)).toContain(
      'https://www.thedailybeast.com/us-delegation-disputes-claims-that-nuclear-talks-with-north-korea-broke-down',
    );
  });

  it("Biden–Xi 2021: no mechanism, a leaders' commitment to strategic stability discussions, the visa deal reached before it", () => {
    const record = bundled('us-china-2021-11');
    expect(record.events.filter((e) => e.type === 'mechanism')).toEqual([]);
    expect(event(record, 'strategic-stability-discussions')).toMatchObject({ type: 'commitment', fields: { level: 'leaders' } });
    expect(event(record, 'journalist-visas').fields).not.toHaveProperty('level');
  });
});
