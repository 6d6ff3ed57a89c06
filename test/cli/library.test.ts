import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/fake-io.js';
import { isBundledFile } from '../../src/load/bundled.js';

describe('summit-score list', () => {
  it('lists every bundled matrix and record with its title, source and size', async () => {
    const { exitCode, stdout } = await run(['list', '-f', 'json']);
    expect(exitCode).toBe(0);
    const listing = JSON.parse(stdout);
    const ids = (dir: string) =>
      readdirSync(dir)
        .filter((f) => isBundledFile(dir === 'matrices' ? 'matrix' : 'record', f))
        .map((f) => f.replace(/\.yaml$/, ''))
        .sort();
    expect(listing.matrices.map((m: { id: string }) => m.id)).toEqual(ids('matrices'));
    expect(listing.records.map((r: { id: string }) => r.id)).toEqual(ids('fixtures'));
    const lewis = listing.matrices.find((m: { id: string }) => m.id === 'lewis-2015');
    expect(lewis).toMatchObject({ source: 'James Andrew Lewis (CSIS)', criteria: 5 });
    const record = listing.records.find((r: { id: string }) => r.id === 'us-china-2015-09');
    expect(record.events).toBe((readFileSync('fixtures/us-china-2015-09.yaml', 'utf8').match(/^ {2}- id: /gm) ?? []).length);
  });

  it('prints tables by default', async () => {
    const { stdout } = await run(['list', '--width', '200']);
    expect(stdout).toMatch(/│ lewis-2015 2\.0\s+│ Measuring cybersecurity success/);
  });
});

describe('sources in the output', () => {
  it('lists, per result, the sources the verdict rests on and the events citing each', async () => {
    const { stdout } = await run(['evaluate', '-f', 'json', '--as-of', '2015-12-02']);
    const { sources } = JSON.parse(stdout).results[0];
    const urls = sources.map((s: { url: string }) => s.url);
    expect(new Set(urls).size).toBe(urls.length);
    const outcomeList = sources.find((s: { url: string }) => s.url === 'https://yingyu.chazidian.com/show-46416-48');
    expect(outcomeList.events).toContain('hl-dialogue');
    // The GGE endorsement rests on a source SOURCES.md marks unverified.
    expect(sources.some((s: { verified: boolean; events: string[] }) => !s.verified && s.events.includes('endorse-un-gge-2015'))).toBe(true);
  });

  it('fails with --require-sources when an event that earned a level cites no source', async () => {
    const text = readFileSync('fixtures/us-china-2015-09.yaml', 'utf8');
    const start = text.indexOf('  - id: dialogue-1');
    const sourcesAt = text.indexOf('    sources:', start);
    const nextEvent = text.indexOf('\n  - id: ', sourcesAt);
    const unsourced = text.slice(0, sourcesAt) + text.slice(nextEvent + 1);
    const { exitCode, stderr } = await run(['evaluate', '-m', 'lewis-2015', '-', '--require-sources', '--as-of', '2015-12-02'], { stdin: unsourced });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^error UNSOURCED_EVIDENCE <stdin>:\d+:5 event dialogue-1 earned a level but cites no source/);
    expect((await run(['evaluate', '-m', 'lewis-2015', '-', '--as-of', '2015-12-02'], { stdin: unsourced })).exitCode).toBe(0);
  });
});
