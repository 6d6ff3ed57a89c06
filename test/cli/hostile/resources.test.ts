// Memory bounded by the input. The YAML reader needs some 2 KB for each value it reads, so a
// record far under the size limit (one list of six million numbers, 12 MB; 780,000 events, 58 MB)
// aborted V8 with "heap out of memory". A YAML input of more than 20,000 values is now
// TOO_MANY_VALUES, counted from the text before the parser starts; the same data as JSON is read
// by JSON.parse and scored. (Peak memory at the bound: test/built/hostile/memory.test.ts.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_YAML_VALUES } from '../../../src/load/yaml-document.js';
import { run } from '../../helpers/fake-io.js';

const TIMEOUT = 60_000;
const dir = mkdtempSync(join(tmpdir(), 'summit-hostile-resources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const HEAD = 'id: big\ntitle: Big\ndate: 2015-09-25\nparties: [US, CN]\nevents:\n';
/** One meeting whose field `xs` is the list given, on line 12. */
const withList = (list: string) =>
  `${HEAD}  - id: e1\n    type: meeting\n    date: 2015-09-26\n    title: T\n    actors: [US]\n    fields:\n      xs: ${list}\n`;
const numbers = (n: number) => Array.from({ length: n }, (_, i) => i % 10);

async function refused(path: string) {
  const { exitCode, stdout, stderr } = await run(['evaluate', '-m', 'lewis-2015', path]);
  expect(stdout).toBe('');
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
  expect(exitCode).toBe(2);
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  const match =
    /^error TOO_MANY_VALUES (.+):(\d+):(\d+) the file holds more than 20,000 values \(list items, keys and their values\) \(write so large an input as JSON or NDJSON, read without this bound\)$/.exec(
      lines[0]!,
    );
  expect(match, lines[0]).not.toBeNull();
  return { file: match![1], line: Number(match![2]), col: Number(match![3]) };
}

describe('a YAML input with more values than its reader can hold', () => {
  it('is bounded at 20,000 values, as its message says', () => expect(MAX_YAML_VALUES).toBe(20_000));

  it(
    'one list of six million numbers (12 MB) is TOO_MANY_VALUES on its line, not a heap abort',
    async () => {
      const path = file('six-million.yaml', withList(`[${numbers(6_000_000).join(',')}]`));
      const place = await refused(path);
      expect([place.file, place.line]).toEqual([path, 12]);
      // Some 20,000 commas into the list, whose items are one digit and a comma each.
      expect(place.col).toBeGreaterThan(2 * (MAX_YAML_VALUES - 100));
      expect(place.col).toBeLessThan(2 * MAX_YAML_VALUES);
    },
    TIMEOUT,
  );

  it(
    '780,000 events (58 MB, under the 64 MiB limit) are TOO_MANY_VALUES',
    async () => {
      const events = Array.from({ length: 780_000 }, (_, i) => `  - {id: e${i}, type: meeting, date: 2015-09-26, title: T, actors: [US]}\n`).join('');
      const place = await refused(file('events.yaml', `${HEAD}${events}`));
      // Each event line counts 17: its `- `, `{` and `[`, four commas, and five keys with their
      // values; so the bound falls on the line of event 20,000 / 17, give or take the head's keys.
      expect(Math.abs(place.line - 5 - MAX_YAML_VALUES / 17)).toBeLessThan(3);
    },
    TIMEOUT,
  );

  it.each([
    [
      'a block list',
      (n: number) =>
        `\n${numbers(n)
          .map((x) => `        - ${x}\n`)
          .join('')}`,
    ],
    ['a flow list over many lines', (n: number) => `[${numbers(n).join(',\n        ')}]`],
    [
      'a list of flow mappings',
      (n: number) =>
        `[${numbers(n / 2)
          .map((x) => `{a: ${x}}`)
          .join(', ')}]`,
    ],
  ])(
    '%s of 300,000 items is refused; the same data as JSON is read and scored',
    async (_name, list) => {
      await refused(file(`list-${_name.length}.yaml`, withList(list(300_000))));
      const record = {
        id: 'big',
        title: 'Big',
        date: '2015-09-25',
        parties: ['US', 'CN'],
        events: [{ id: 'e1', type: 'meeting', date: '2015-09-26', title: 'T', actors: ['US'], fields: { xs: numbers(300_000) } }],
      };
      const { exitCode, stdout } = await run(['evaluate', '-m', 'lewis-2015', file('list.json', JSON.stringify(record)), '-f', 'json']);
      expect(exitCode).toBe(0);
      expect(JSON.parse(stdout).results[0].record.id).toBe('big');
    },
    TIMEOUT,
  );

  it(
    'counts values, not dashes in dates and words or colons in URLs: such text is read',
    async () => {
      const title = 'a-b:c/'.repeat(150_000); // 300,000 dashes and colons that start nothing
      const dates = Array.from(
        { length: 500 },
        (_, i) =>
          `  - {id: e${i}, type: meeting, date: 2015-09-26, title: "${i}-${i}", actors: [US], sources: [{url: "https://example.org/a-b-c", publisher: A-B}]}\n`,
      ).join('');
      const { exitCode, stderr } = await run([
        'evaluate',
        '-m',
        'lewis-2015',
        file('dashes.yaml', `id: big\ntitle: "${title}"\ndate: 2015-09-25\nparties: [US, CN]\nevents:\n${dates}`),
        '-f',
        'json',
      ]);
      expect(stderr).not.toMatch(/^error/m);
      expect(exitCode).toBe(0);
    },
    TIMEOUT,
  );
});
