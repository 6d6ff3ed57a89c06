// Patterns and other work a hostile input could multiply. The condition language has no regular
// expressions: `contains` is a substring test, and it stays linear even on text built to make the
// built-in search quadratic. Quantifiers inside quantifiers and chains of links are worked out
// once per event, not once per path. Each test below would run for hours (or longer than the
// universe) without those guarantees; with them, each takes well under a second. They assert on
// the result, under a generous timeout, never on the clock.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { containsText } from '../../../src/engine/fields.js';
import { run } from '../../helpers/fake-io.js';

const TIMEOUT = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'summit-hostile-complexity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function matrixWith(when: string): string {
  return `id: adversarial
title: Adversarial conditions
version: "1.0"
source: {author: Tests}
criteria:
  - id: target
    title: Target
    weight: 1
    levels:
      - label: hit
        score: 1
        when: ${when}
      - label: miss
        score: 0
verdicts: [{label: good, min: 50}, {label: poor, min: 0}]
`;
}

function recordWith(events: string[]): string {
  return `id: adversarial\ntitle: Adversarial record\ndate: 2015-09-25\nparties: [US, CN]\nevents:\n${events.join('\n')}\n`;
}

async function levelOf(record: string, matrix: string): Promise<string | undefined> {
  const { exitCode, stdout, stderr } = await run(['evaluate', record, '-m', matrix, '-f', 'json', '--explain']);
  expect(stderr).toBe('');
  expect(exitCode).toBe(0);
  return (JSON.parse(stdout) as { results: { criteria: { level: { label: string } | null }[] }[] }).results[0]!.criteria[0]!.level?.label;
}

describe('contains', () => {
  it('agrees with a plain substring test, for short and long patterns', () => {
    const text = (max: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: max });
    fc.assert(
      fc.property(text(300), text(150), (haystack, needle) => containsText(haystack, needle) === haystack.includes(needle)),
      { seed: 1, numRuns: 500 },
    );
    // Periodic text around the short/long boundary: every failure-function case of the long path.
    for (const length of [63, 64, 65, 66, 130]) {
      const needle = 'ab'.repeat(length).slice(0, length);
      expect(containsText(`x${'ab'.repeat(200)}`, needle)).toBe(true);
      expect(containsText(`x${'ab'.repeat(200)}`, `${needle}a${needle}`)).toBe(`x${'ab'.repeat(200)}`.includes(`${needle}a${needle}`));
    }
  });

  it(
    'stays linear on text built to make substring search quadratic (4 MB of a, a 40 kB aaa…b…aaa pattern)',
    async () => {
      const half = 'a'.repeat(20_000);
      const matrix = file('contains.yaml', matrixWith(`{some: {field: notes, contains: "${half}b${half}"}}`));
      const haystack = 'a'.repeat(4_000_000);
      // The built-in search compares about 4M x 20k characters here: minutes. A linear one, milliseconds.
      const events = [`  - {id: e1, date: 2015-09-25, type: note, fields: {notes: "${haystack}"}, sources: [{url: "https://example.org/1"}]}`];
      const record = file('contains-record.yaml', recordWith(events));
      expect(await levelOf(record, matrix)).toBe('miss');
    },
    TIMEOUT,
  );
});

describe('conditions that multiply', () => {
  const events = (count: number, links: (i: number) => string) =>
    Array.from(
      { length: count },
      (_, i) => `  - {id: e${i}, date: 2015-09-25, type: meeting, links: {${links(i)}}, sources: [{url: "https://example.org/${i}"}]}`,
    );
  const others = (count: number, i: number) =>
    Array.from({ length: count }, (_, j) => `e${j}`)
      .filter((id) => id !== `e${i}`)
      .join(', ');

  it(
    'a quantifier nested 60 deep over 40 events (40^60 paths)',
    async () => {
      const when = `${'{some: '.repeat(60)}{type: absent}${'}'.repeat(60)}`;
      const record = file('nested-record.yaml', recordWith(events(40, () => '')));
      expect(await levelOf(record, file('nested.yaml', matrixWith(when)))).toBe('miss');
      // The same, holding: every level finds its event.
      const holds = `${'{some: '.repeat(60)}{type: meeting}${'}'.repeat(60)}`;
      expect(await levelOf(record, file('nested-holds.yaml', matrixWith(holds)))).toBe('hit');
    },
    TIMEOUT,
  );

  it(
    'a chain of 60 links through events that all link to each other (19^60 paths)',
    async () => {
      const when = `{some: ${'{link: of, to: '.repeat(60)}{type: absent}${'}'.repeat(60)}}`;
      const record = file('links-record.yaml', recordWith(events(20, (i) => `of: [${others(20, i)}]`)));
      expect(await levelOf(record, file('links.yaml', matrixWith(when)))).toBe('miss');
    },
    TIMEOUT,
  );

  it(
    'a chain of 60 linkedBy tests, and counts inside nots inside quantifiers',
    async () => {
      const record = file('linked-by-record.yaml', recordWith(events(20, (i) => `fulfils: [${others(20, i)}]`)));
      const linkedBy = `{some: ${'{linkedBy: fulfils, min: 2, where: '.repeat(60)}{type: absent}${'}'.repeat(60)}}`;
      expect(await levelOf(record, file('linked-by.yaml', matrixWith(linkedBy)))).toBe('miss');
      const counts = `${'{count: {not: '.repeat(30)}{type: absent}${'}, gte: 1}'.repeat(30)}`;
      expect(['hit', 'miss']).toContain(await levelOf(record, file('counts.yaml', matrixWith(counts))));
    },
    TIMEOUT,
  );
});
