// Facts added to the bundled records from the research notes (issue 12), each checked against the
// notes' own words: the Geneva dialogue's freeze, the Sunnylands group's date, and the verified
// statements of 2015 that the records had left out.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SummitEvent } from '../../../src/engine/index.js';
import { loadRecord } from '../../../src/load/load-record.js';
import { readInputFile } from '../../../src/load/read-input.js';
import { run } from '../../helpers/fake-io.js';
import { PACKAGE_FILES } from '../../../src/load/read-input.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');
const record = (id: string) => loadRecord(readInputFile(join(FIXTURES, `${id}.yaml`), PACKAGE_FILES)).record;
const event = (id: string, eventId: string): SummitEvent => {
  const found = record(id).events.find((e) => e.id === eventId);
  if (!found) throw new Error(`${id} has no event ${eventId}`);
  return found;
};

describe('Geneva 2021: the Strategic Stability Dialogue frozen', () => {
  it('is a suspension of the dialogue, dated 30 April 2022 when Reuters reported it "formally \'frozen\'"', () => {
    const frozen = event('us-russia-2021-06', 'ssd-frozen');
    expect([frozen.type, frozen.date, frozen.links.of]).toEqual(['suspension', '2022-04-30', ['strategic-stability-dialogue']]);
    expect(frozen.sources[0]).toMatchObject({
      url: 'https://nationalpost.com/pmn/news-pmn/russia-says-strategic-stability-dialog-with-u-s-formally-frozen-tass',
      verified: true,
    });
    expect(frozen.sources[0]!.quote).toContain("Dialog between Moscow and Washington on strategic stability is formally 'frozen,'");
  });

  it('turns summit-deliverables from partial to fragile from that day on, and not before', async () => {
    const before = await run(['evaluate', 'us-russia-2021-06', '-m', 'summit-deliverables', '--as-of', '2022-04-29', '-f', 'json']);
    const after = await run(['evaluate', 'us-russia-2021-06', '-m', 'summit-deliverables', '--as-of', '2022-04-30', '-f', 'json']);
    const verdict = (stdout: string) => JSON.stringify((JSON.parse(stdout) as { results: { verdict: unknown }[] }).results[0]!.verdict);
    expect(verdict(before.stdout)).toContain('partial');
    expect(verdict(after.stdout)).toContain('fragile');
  });
});

describe('Sunnylands 2013: the Cyber Working Group predates the summit', () => {
  it('is dated April 2013, before the summit of 7 June 2013, and says it is pre-existing', () => {
    const group = event('us-china-2013-06', 'cyber-working-group');
    expect(group.date < record('us-china-2013-06').date).toBe(true);
    expect(group.fields['preExisting']).toBe(true);
    expect(group.sources.find((s) => s.quote === 'The group was set up in April')?.verified).toBe(false);
  });

  it('summit-deliverables 1.1 reads it as pre-existing (hollow); 1.0, kept as summit-deliverables-v1, counted it (fragile)', async () => {
    const levelsOf = async (matrix: string) => {
      const { stdout } = await run(['evaluate', 'us-china-2013-06', '-m', matrix, '-f', 'json']);
      const result = (JSON.parse(stdout) as { results: { verdict: unknown; criteria: { id: string; level: unknown }[] }[] }).results[0]!;
      return { verdict: JSON.stringify(result.verdict), level: JSON.stringify(result.criteria.find((c) => c.id === 'mechanism-level')!.level) };
    };
    const current = await levelsOf('summit-deliverables');
    const first = await levelsOf('summit-deliverables-v1');
    expect([current.level, current.verdict]).toEqual([expect.stringContaining('pre-existing'), expect.stringContaining('hollow')]);
    expect([first.level, first.verdict]).toEqual([expect.stringContaining('expert-or-working'), expect.stringContaining('fragile')]);
  });
});

describe('2015: verified facts the record had left out', () => {
  it("Knake's test, in his words", () => {
    expect(event('us-china-2015-09', 'knake-test').sources[0]!.quote).toBe(
      "if China picks up the phone, investigates, and makes arrests, we'll know they are serious.",
    );
  });

  it("the DOJ/DHS joint statement and Lewis's view of 5 October 2015", () => {
    expect(event('us-china-2015-09', 'doj-dhs-statement').sources[0]!.url).toBe(
      'https://ilccyberreport.wordpress.com/2015/09/29/us-china-reach-deal-on-cyber-attacks-kind-of/',
    );
    const lewis = event('us-china-2015-09', 'lewis-post-deal-view');
    expect([lewis.date, lewis.sources[0]!.url]).toEqual(['2015-10-05', 'https://www.lawfareblog.com/james-lewis-china-cyber-deal']);
  });

  it('the ICT-commercial commitment, from the Chinese text (Ming Pao)', () => {
    const ict = event('us-china-2015-09', 'commit-ict-commercial');
    expect([ict.type, ict.date, ict.sources[0]!.url]).toEqual(['commitment', '2015-09-25', 'http://mingpaocanada.com/Tor/htm/News/20150928/tcae2.htm?m=0']);
  });

  it('FireEye: 13 China-based groups still active between September 2015 and June 2016', () => {
    expect(event('us-china-2015-09', 'fireeye-red-line-drawn').fields['groupsStillActive']).toBe(13);
  });
});

describe("2015: the arrests China made at the U.S. request, and Knake's test", () => {
  it('is an arrest by China, dated by its month, resting only on second-hand reports marked unverified', () => {
    const arrests = event('us-china-2015-09', 'arrests-at-us-request');
    expect([arrests.type, arrests.date, arrests.actors]).toEqual(['arrest', '2015-09', ['CN']]);
    expect(arrests.sources.map((s) => s.url)).toEqual([
      'http://in.reuters.com/article/usa-china-hackers-idINL1N12915520151009',
      'https://thehill.com/policy/cybersecurity/256564-chinese-government-arrests-hackers-on-us-request',
    ]);
    expect(arrests.sources.every((s) => s.verified === false && s.note !== undefined)).toBe(true);
    // The December report is China's claim about arrests, not a second arrest.
    expect(event('us-china-2015-09', 'opm-arrests-claim').type).toBe('statement');
  });

  // "if China picks up the phone, investigates, and makes arrests": the hotline's launch (7 December
  // 2016) is the last of the three steps recorded; the NSA's accusation (8 November 2018) moves the
  // deal's disintegration from disputed to officially accused, and the indictment's gate follows.
  const verdictAsOf = async (asOf: string, ...extra: string[]) => {
    const { stdout } = await run(['evaluate', 'us-china-2015-09', '-m', 'critics-2015', '--as-of', asOf, '-f', 'json', ...extra]);
    const result = (JSON.parse(stdout) as { results: { verdict: unknown; criteria: { id: string; level: unknown }[] }[] }).results[0]!;
    return { verdict: JSON.stringify(result.verdict), actions: JSON.stringify(result.criteria.find((c) => c.id === 'words-and-actions')!.level) };
  };

  it.each([
    ['2016-12-06', 'talks', 'open-question'],
    ['2016-12-07', 'serious', 'critics-answered'],
    ['2018-11-07', 'serious', 'critics-answered'],
    ['2018-11-08', 'serious', 'open-question'],
    ['2018-12-20', 'serious', 'critics-vindicated'],
  ])('critics-2015 as of %s: words and actions %s, verdict %s', async (asOf, actions, verdict) => {
    const found = await verdictAsOf(asOf);
    expect(found.actions).toContain(`"${actions}"`);
    expect(found.verdict).toContain(`"${verdict}"`);
  });

  it('with the unverified reports left out, the critics are never answered', async () => {
    for (const asOf of ['2016-12-07', '2017-12-31', '2018-11-07']) {
      const found = await verdictAsOf(asOf, '--unverified', 'exclude');
      expect(found.verdict, asOf).toContain('"open-question"');
      expect(found.actions, asOf).not.toContain('"serious"');
    }
  });
});

describe('Trump–Modi 2017: the 2+2 Ministerial Dialogue, a success to its last recorded event', () => {
  it("is a ministerial, open-ended mechanism dated to the summit by India's External Affairs Minister", () => {
    const dialogue = event('us-india-2017-06', 'two-plus-two');
    expect([dialogue.type, dialogue.date, dialogue.fields['level'], dialogue.fields['openEnded']]).toEqual(['mechanism', '2017-06-26', 'ministerial', true]);
    expect(dialogue.sources[0]!.quote).toContain('decided by Prime Minister Modi and President Trump during their first meeting');
    const sessions = record('us-india-2017-06').events.filter((e) => e.type === 'meeting');
    expect(sessions.every((e) => e.links.of?.[0] === 'two-plus-two')).toBe(true);
    expect(sessions.filter((e) => e.fields['level'] === 'ministerial').map((e) => e.date)).toEqual([
      '2018-09-06',
      '2019-12-18',
      '2020-10-27',
      '2022-04-11',
      '2023-11-10',
    ]);
  });

  // lewis-2015: political-level sessions initiate it; a session at any level in the 365 days
  // before the date scored keeps it going. The dates are the record's sessions and a year after
  // the summit and after the September 2022 intersessional.
  it.each([
    ['2018-09-05', 'broken', 'gesture'],
    ['2018-09-06', 'initiated', 'progress'],
    ['2023-09-06', 'initiated', 'progress'],
    ['2023-09-07', 'lapsed', 'gesture'],
    ['2023-11-10', 'initiated', 'progress'],
    ['2024-09-30', 'initiated', 'progress'],
  ])('lewis-2015 as of %s: negotiation %s, verdict %s', async (asOf, level, verdict) => {
    const { stdout } = await run(['evaluate', 'us-india-2017-06', '-m', 'lewis-2015', '--as-of', asOf, '-f', 'json']);
    const result = (JSON.parse(stdout) as { results: { verdict: unknown; criteria: { id: string; level: unknown }[] }[] }).results[0]!;
    expect(JSON.stringify(result.criteria.find((c) => c.id === 'negotiation')!.level)).toContain(`"${level}"`);
    expect(JSON.stringify(result.verdict)).toContain(`"${verdict}"`);
  });

  it('critics-2015 finds only talks in it: an open question, nothing to judge', async () => {
    const { stdout } = await run(['evaluate', 'us-india-2017-06', '-m', 'critics-2015', '-f', 'json']);
    const result = (JSON.parse(stdout) as { results: { verdict: unknown; criteria: { id: string; level: unknown }[] }[] }).results[0]!;
    expect(JSON.stringify(result.criteria.find((c) => c.id === 'words-and-actions')!.level)).toContain('"talks"');
    expect(JSON.stringify(result.verdict)).toContain('"open-question"');
  });
});
