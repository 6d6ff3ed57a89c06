// The Markdown codebook (src/format/codebook.ts) of a matrix written for it: each block written
// out from the codebook's rules (shares of the total weight to one decimal, points above the
// lowest level, a stable anchor per criterion, CommonMark escapes); the conditions in plain words
// are describeCondition's (the engine's words, tested with the engine).
import { describe, expect, it } from 'vitest';
import { AGGREGATION_METHODS, describeCondition } from '../../src/engine/index.js';
import { formatCodebook } from '../../src/format/codebook.js';
import type { MatrixInput } from '../../src/format/research.js';
import { matrixFrom } from '../helpers/build.js';

const TEXT = `
id: cb
title: Code *book*
version: "1.0"
description: A matrix_for tests.
source: {author: A. Author, title: The Source, date: "2015-09-21", url: "https://example.org/a<b>", note: Read it.}
fields:
  level:
    type: string
    description: Who met.
    values: {leaders: Heads of state, ministerial: Ministers}
  topics:
    type: list
  count:
    type: number
    absent: 0
criteria:
  - id: talks
    title: Talks
    description: Did they meet?
    weight: 2
    gates: [{above: weak, requires: held}]
    levels:
      - {label: held, score: 2, description: They met, when: {some: {all: [{type: meeting}, {field: level, equals: leaders}]}}}
      - {label: none, score: 0}
  - id: kept
    title: Kept
    weight: 1
    perParty: [US, CN]
    forEach: {type: commitment}
    appliesWhen: {some: {type: summit}}
    levels:
      - {label: met, score: 1, when: {some: {all: [{type: fulfilment}, {field: mood, equals: calm}]}}}
      - {label: unmet, score: -1}
  - id: said
    title: Said
    weight: 0
    perParty: true
    levels:
      - {label: "yes", score: 1, when: {some: {type: statement}}}
      - {label: "no", score: 0}
verdicts: [{label: good, min: 50, description: Good}, {label: weak, min: 0}]
`;

const input = (text = TEXT, extra: Partial<MatrixInput> = {}): MatrixInput => ({ definition: matrixFrom(text), file: 'cb.yaml', sha256: 'abc', ...extra });
const blocksOf = (text: string) => text.split('\n\n');

describe('formatCodebook', () => {
  it('heads the codebook with the matrix, its source, its aggregation and its description', () => {
    const blocks = blocksOf(formatCodebook(input()));
    expect(blocks.slice(0, 3)).toEqual([
      '# Codebook: Code \\*book\\*',
      [
        '- Matrix: `cb`, version 1.0 (cb.yaml, sha256 `abc`)',
        // A url's angle brackets and spaces are percent-encoded inside the autolink.
        '- Source: A. Author, *The Source*, 2015-09-21, <https://example.org/a%3Cb%3E>',
        '- Note on the source: Read it.',
        `- Aggregation: weighted-mean: ${AGGREGATION_METHODS['weighted-mean']}.`,
      ].join('\n'),
      'A matrix\\_for tests.',
    ]);
  });

  it('tabulates the bands, each up to the one above it, and the criteria with their share of the weight', () => {
    const blocks = blocksOf(formatCodebook(input()));
    expect(blocks.slice(3, 9)).toEqual([
      '## Verdict bands',
      "Bands from best to worst. A total (0-100) earns the band from whose lower bound (included) up to the next band's (excluded) it falls. A failed gate caps the verdict (see the criteria).",
      ['| Verdict | From | Up to | Meaning |', '| --- | ---: | ---: | --- |', '| `good` | 50 | 100 | Good |', '| `weak` | 0 | 50 |  |'].join('\n'),
      '## Criteria',
      "Each criterion's level is the first, from the top, whose condition holds. Its points are the level's score above the lowest level's; " +
        'the total is formed from the points as the aggregation says.',
      [
        '| # | Criterion | Weight | Share | Levels, best first | Gates |',
        '| ---: | --- | ---: | ---: | --- | --- |',
        // 2 of 3 is 66.7%, 1 of 3 33.3%.
        '| 1 | [`talks`](#c1-talks) | 2 | 66.7% | `held`, `none` | yes |',
        '| 2 | [`kept`](#c2-kept) | 1 | 33.3% | `met`, `unmet` |  |',
        '| 3 | [`said`](#c3-said) | 0 | 0% | `yes`, `no` |  |',
      ].join('\n'),
    ]);
  });

  it('gives each criterion a section: anchor, heading, weight, how it is scored, when it applies, its gates, its levels', () => {
    const matrix = input().definition;
    const [talks, kept] = matrix.criteria;
    const text = formatCodebook(input());
    expect(text).toContain(
      [
        '<a id="c1-talks"></a>',
        '### 1. Talks (`talks`)',
        'Did they meet?',
        [
          '- Weight: 2 (66.7% of the total weight 3)',
          '- Scored: once per record',
          '- Gate: a verdict better than `weak` needs this criterion at `held` or above',
        ].join('\n'),
        [
          '| Level | Score | Points | Meaning | Coded when |',
          '| --- | ---: | ---: | --- | --- |',
          `| \`held\` | 2 | 2/2 | They met | ${describeCondition(talks!.levels[0]!.when!)} |`,
          '| `none` | 0 | 0/2 |  | otherwise (the default) |',
        ].join('\n'),
      ].join('\n\n'),
    );
    expect(text).toContain(
      [
        '<a id="c2-kept"></a>',
        '### 2. Kept (`kept`)',
        [
          '- Weight: 1 (33.3% of the total weight 3)',
          `- Scored: once per event where ${describeCondition(kept!.forEach!)}, and for each such event once per party of US, CN`,
          `- Applies when: ${describeCondition(kept!.appliesWhen!)}; otherwise n/a, and it leaves the total's denominator`,
        ].join('\n'),
        [
          '| Level | Score | Points | Meaning | Coded when |',
          '| --- | ---: | ---: | --- | --- |',
          `| \`met\` | 1 | 2/2 |  | ${describeCondition(kept!.levels[0]!.when!)} |`,
          '| `unmet` | -1 | 0/2 |  | otherwise (the default) |',
        ].join('\n'),
      ].join('\n\n'),
    );
    expect(text).toContain(
      '### 3. Said (`said`)\n\n- Weight: 0 (0% of the total weight 3); shown, not counted in the total\n- Scored: once per party of the record\n\n',
    );
  });

  it('lists the fields: type, meaning, what absent means, the values, and those read without a declaration', () => {
    const text = formatCodebook(input());
    const from = text.indexOf('## Fields');
    expect(blocksOf(text.slice(from))).toEqual([
      '## Fields',
      'The event fields the conditions read. Where a field lists its values, they are the only values the matrix knows: a record value outside them ' +
        'leaves a test of it unknown. "When absent" says what an event that does not state the field means.',
      '### `level` (string)',
      'Who met.',
      '- When absent: unknown (the record is silent, so a test of the field is unknown)',
      ['| Value | Meaning |', '| --- | --- |', '| `leaders` | Heads of state |', '| `ministerial` | Ministers |'].join('\n'),
      '### `topics` (list)',
      '- When absent: unknown (the record is silent, so a test of the field is unknown)\n- Values: open (any items of its type)',
      '### `count` (number)',
      '- When absent: read as `0`\n- Values: open (any value of its type)',
      'Read but not declared (any value; absent: unknown): `type`, `mood`.\n',
    ]);
  });

  it('says what the matrix extends and changes, a share as "-" when nothing weighs, and no undeclared fields when none is read', () => {
    const bare = `
id: z
title: Z
version: "1"
source: {author: Z}
fields:
  type: {type: string}
criteria:
  - id: only
    title: Only
    weight: 1
    levels:
      - {label: a, score: 1, when: {some: {type: meeting}}}
      - {label: b, score: 0}
verdicts: [{label: good, min: 0}]
`;
    // The loader refuses a matrix where nothing weighs; the codebook is given one here.
    const loaded = matrixFrom(bare);
    const weightless = { ...loaded, criteria: loaded.criteria.map((c) => ({ ...c, weight: 0 })) };
    const extended = input(bare, {
      definition: weightless,
      extends: {
        bases: [
          { id: 'base', version: '2', file: 'b.yaml', sha256: 'bb' },
          { id: 'root', version: '1_0', file: 'r.yaml', sha256: 'rr' },
        ],
        overrides: [
          { path: 'criteria.only.weight', change: 'changed', from: 3, to: 0 },
          { path: 'verdicts', change: 'replaced' },
        ],
      },
    });
    const text = formatCodebook(extended);
    expect(blocksOf(text)[1]).toBe(
      [
        '- Matrix: `z`, version 1 (cb.yaml, sha256 `abc`)',
        '- Extends: `base`, version 2 (b.yaml, sha256 `bb`)',
        '- which extends: `root`, version 1\\_0 (r.yaml, sha256 `rr`)',
        '- Changed here: `criteria.only.weight` 3 → 0; `verdicts` (replaced)',
        '- Source: Z',
        `- Aggregation: weighted-mean: ${AGGREGATION_METHODS['weighted-mean']}.`,
      ].join('\n'),
    );
    expect(text).toContain('| 1 | [`only`](#c1-only) | 0 | - | `a`, `b` |  |');
    expect(text).toContain('- Weight: 0; shown, not counted in the total\n');
    // Every field it reads is declared: no line of undeclared ones.
    expect(text).toContain('## Fields');
    expect(text).not.toContain('Read but not declared');
    expect(formatCodebook(input(bare))).toContain('| 1 | [`only`](#c1-only) | 1 | 100% | `a`, `b` |  |');
    expect(formatCodebook(input(bare, { extends: { bases: [{ id: 'base', version: '2', file: 'b.yaml', sha256: 'bb' }], overrides: [] } }))).toContain(
      '- Changed here: nothing\n',
    );
  });
});
