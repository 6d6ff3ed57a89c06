import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeRecords, type CoderData } from '../../../src/engine/agreement-merge.js';
import { run } from '../../helpers/fake-io.js';

const A = 'fixtures/coders/a/us-china-2015-09.yaml';
const B = 'fixtures/coders/b/us-china-2015-09.yaml';

const record = (events: object[], title = 'A case') => ({ id: 'case', title, date: '2015-09-25', parties: ['US', 'CN'], events });
const event = (id: string, fields: object, extra: object = {}) => ({
  id,
  date: '2015-09-25',
  type: 'mechanism',
  fields,
  sources: [{ url: `https://example.org/${id}` }],
  ...extra,
});

// Three coders: two say ministerial, one says senior-officials; only c has the hotline event.
const THREE: CoderData[] = [
  { coder: 'a', data: record([event('dialogue', { level: 'senior-officials' })]) },
  { coder: 'b', data: record([event('dialogue', { level: 'ministerial' })], 'Another title') },
  { coder: 'c', data: record([event('dialogue', { level: 'ministerial' }), event('hotline', {}, { links: { of: 'dialogue' } })]) },
] as unknown as CoderData[];

const fieldOf = (data: { events?: unknown }, id: string) =>
  (data.events as { id: string; fields?: Record<string, unknown> }[]).find((e) => e.id === id)?.fields;

describe('mergeRecords', () => {
  it('majority: the value most coders give, with every alternative kept', () => {
    const { data, contested } = mergeRecords(THREE, 'majority');
    expect(fieldOf(data, 'dialogue')).toEqual({ level: 'ministerial' });
    expect(contested.find((c) => c.fact === 'events[dialogue].fields.level')).toEqual({
      fact: 'events[dialogue].fields.level',
      event: 'dialogue',
      alternatives: [
        { coder: 'a', value: 'senior-officials' },
        { coder: 'b', value: 'ministerial' },
        { coder: 'c', value: 'ministerial' },
      ],
      resolution: 'majority',
      kept: 'ministerial',
    });
    // One coder of three has the hotline: most do not, so it is left out.
    expect((data['events'] as { id: string }[]).map((e) => e.id)).toEqual(['dialogue']);
    expect(data['title']).toBe('A case');
  });

  it('first: the first coder’s value, even against the others', () => {
    const { data } = mergeRecords(THREE, 'first');
    expect(fieldOf(data, 'dialogue')).toEqual({ level: 'senior-officials' });
  });

  it('unanimous: a contested fact is left unknown, a required one kept from the first coder, an uncontested one stays', () => {
    const { data, contested } = mergeRecords(THREE, 'unanimous');
    expect(fieldOf(data, 'dialogue')).toBeUndefined();
    expect(data['title']).toBe('A case');
    expect(contested.find((c) => c.fact === 'title')?.resolution).toBe('required');
    expect(data['parties']).toEqual(['US', 'CN']);
  });

  it('a tie goes to the first coder, and says so', () => {
    const { contested } = mergeRecords(THREE.slice(0, 2), 'majority');
    expect(contested.find((c) => c.fact === 'events[dialogue].fields.level')).toMatchObject({ resolution: 'tie', kept: 'senior-officials' });
  });

  it('unanimous: an event whose date is contested is left out, and links to it go too', () => {
    const coders = [
      { coder: 'a', data: record([event('dialogue', {}), event('hotline', {}, { links: { of: 'dialogue' } })]) },
      { coder: 'b', data: record([event('dialogue', {}, { date: '2015-10-01' }), event('hotline', {}, { links: { of: 'dialogue' } })]) },
    ] as unknown as CoderData[];
    const { data, contested } = mergeRecords(coders, 'unanimous');
    const events = data['events'] as { id: string; links?: unknown }[];
    expect(events.map((e) => e.id)).toEqual(['hotline']);
    expect(events[0]!.links).toBeUndefined();
    expect(contested.map((c) => [c.fact, c.resolution])).toEqual([
      ['events[dialogue].date', 'unknown'],
      ['events[dialogue]', 'left-out'],
      ['events[hotline].links.of', 'unknown'],
    ]);
  });

  it('keeps every source any coder cited, once', () => {
    const coders = [
      { coder: 'a', data: record([event('dialogue', {})]) },
      { coder: 'b', data: record([event('dialogue', {}, { sources: [{ url: 'https://example.org/dialogue' }, { url: 'https://example.org/other' }] })]) },
    ] as unknown as CoderData[];
    const events = mergeRecords(coders, 'majority').data['events'] as { sources: unknown[] }[];
    expect(events[0]!.sources).toEqual([{ url: 'https://example.org/dialogue' }, { url: 'https://example.org/other' }]);
  });
});

describe('summit-score merge', () => {
  it.each(['majority', 'first', 'unanimous'])('--policy %s writes a consensus record that validates, each contested fact marked', async (policy) => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-'));
    const out = join(dir, 'consensus.yaml');
    const merged = await run(['merge', A, B, '--policy', policy, '-o', out]);
    expect(merged.exitCode, merged.stderr).toBe(0);
    expect(merged.stdout).toBe('');
    const validated = await run(['validate', out]);
    expect(validated.exitCode, validated.stdout + validated.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    // The three facts the coders differ in, each with both coders' values.
    expect(text).toContain('contested events[endorse-un-gge-2015].fields.subject: a "un-gge-2015-report", b "un-gge-2015"');
    expect(text).toContain('contested events[hl-dialogue].fields.level: a "ministerial", b "senior-officials"');
    expect(text).toContain('contested events[dialogue-1].date: a "2015-12-01", b "2016-01-12"');
    const data = parse(text) as { events: { id: string; fields?: { level?: string } }[] };
    const level = data.events.find((e) => e.id === 'hl-dialogue')?.fields?.level;
    expect(level).toBe(policy === 'unanimous' ? undefined : 'ministerial');
  });

  it('majority of two is a tie each time, so the consensus scores as coder a: agree finds no disagreement', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-'));
    mkdirSync(join(dir, 'consensus'));
    const out = join(dir, 'consensus', 'us-china-2015-09.yaml');
    await run(['merge', A, B, '-o', out]);
    for (const matrix of ['lewis-2015', 'summit-deliverables', 'g20-compliance']) {
      const agreed = JSON.parse((await run(['agree', '-m', matrix, A, out, '-f', 'json', '--samples', '10'])).stdout);
      expect(
        agreed.units.every((u: { agree: boolean }) => u.agree),
        matrix,
      ).toBe(true);
    }
  });

  it('writes a long or multi-line value on its own line, so no line of the output starts with input text', async () => {
    // Folded at 100 columns, or written as a block, such a title would put `::error ...` at the
    // start of a line, which a CI log (GitHub Actions) reads as a command.
    const forged = `${'a long title '.repeat(8)}\n::error file=a.yaml,line=1::FORGED ${'x'.repeat(120)} ::warning::ALSO FORGED`;
    const dir = mkdtempSync(join(tmpdir(), 'merge-'));
    const coder = (name: string, level: string) => {
      mkdirSync(join(dir, name));
      const file = join(dir, name, 'case.yaml');
      writeFileSync(file, JSON.stringify(record([event('dialogue', { level })], forged)));
      return file;
    };
    const out = join(dir, 'consensus.yaml');
    const merged = await run(['merge', coder('a', 'ministerial'), coder('b', 'senior-officials'), '-o', out]);
    expect(merged.exitCode, merged.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n').filter((line) => /^\s*::/.test(line) || line.includes('::warning'))).toEqual(
      text.split('\n').filter((line) => line.startsWith('title: ')),
    );
    expect(text.split('\n').filter((line) => line.startsWith('title: '))).toHaveLength(1);
    expect((parse(text) as { title: string }).title).toBe(forged);
  });

  it('refuses records of different cases, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-'));
    const out = join(dir, 'consensus.yaml');
    const result = await run(['merge', A, 'fixtures/us-china-2013-06.yaml', '-o', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error NOT_SAME_CASE fixtures/us-china-2013-06.yaml:1:1');
    expect(existsSync(out)).toBe(false);
  });

  it('says so when the output cannot be written (exit 2, no stack trace)', async () => {
    // A file where the output's folder should be: -o makes missing folders, but cannot make this one.
    const dir = mkdtempSync(join(tmpdir(), 'merge-'));
    writeFileSync(join(dir, 'a-file'), '');
    const result = await run(['merge', A, B, '-o', join(dir, 'a-file', 'c.yaml')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error OUTPUT_FAILED /);
  });
});
