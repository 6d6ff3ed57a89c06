import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';
import { checkLoadedVocabulary, checkVocabulary, closestValue } from '../../src/load/check-vocabulary.js';
import { recordFrom } from '../helpers/build.js';
import { loadMatrixText, matrixText } from '../helpers/matrix-text.js';

// The check walks each event's `fields` keys once and reads field by field only an event that
// states something wrong: these records say whether what it reports, and in what order, is still
// the matrix's order of declarations within each event, whatever the order of the event's keys.
const MATRIX = matrixText({
  fields: `  level:
    type: string
    values: {leaders: Heads., ministerial: Ministers.}
    absent: false
  topics:
    type: list
    values: {trade: Trade., cyber: Cyber.}
    absent: false
  chairs.US:
    type: string
    values: {senior: Senior officials.}
    absent: false
  actors:
    type: list
    values: {US: United States., CN: China.}
    absent: false
  openEnded:
    type: boolean
    absent: false`,
  levels: `      - {label: high, score: 1, when: {some: {field: level, equals: leaders}}}
      - {label: low, score: 0}`,
});

const RECORD = `id: r
title: R
date: 2015-09-25
parties: [US, CN, FR]
events:
  - {id: clean, date: 2015-09-25, type: meeting, actors: [US], fields: {openEnded: true, chairs: {US: senior, CN: anyone}, topics: [cyber], level: leaders, other: 1}}
  - {id: none, date: 2015-09-25, type: meeting}
  - {id: wrong, date: 2015-09-25, type: meeting, actors: [FR, US], fields: {openEnded: "yes", chairs: {US: junior}, topics: [trade, tax, cyber, space], level: 3}}
  - {id: nested, date: 2015-09-25, type: meeting, fields: {chairs: {US: [senior]}, topics: trade}}
  - {id: alone, date: 2015-09-25, type: meeting, fields: {topics: farming}}
`;

const anywhere = () => ({ file: 'r.yaml', line: 1, col: 1 });

describe('checkVocabulary on the values a record states', () => {
  it('reports every value off the vocabulary, event by event, in the order the matrix declares its fields', () => {
    const reported = checkVocabulary(loadMatrixText(MATRIX).matrix, recordFrom(RECORD), anywhere).map(
      ({ path, message }) => `${path}: ${message.split(':')[0]}`,
    );
    expect(reported).toEqual([
      'events[2].fields.level: event wrong',
      'events[2].fields.topics[1]: event wrong',
      'events[2].fields.topics[3]: event wrong',
      'events[2].fields.chairs.US: event wrong',
      'events[2].actors[0]: event wrong',
      'events[2].fields.openEnded: event wrong',
      'events[3].fields.chairs.US: event nested',
      'events[4].fields.topics: event alone',
    ]);
  });

  it('says why each is off: the type read, or the value not declared', () => {
    const messages = checkVocabulary(loadMatrixText(MATRIX).matrix, recordFrom(RECORD), anywhere).map((d) => d.message);
    expect(messages[0]).toBe('event wrong: `level` is number 3, but matrix m reads it as a string');
    expect(messages[1]).toBe('event wrong: `topics` "tax" is not among the values matrix m declares, so a test of it is unknown');
    expect(messages[4]).toBe('event wrong: `actors` "FR" is not among the values matrix m declares, so a test of it is unknown');
    expect(messages[5]).toBe('event wrong: `openEnded` is string "yes", but matrix m reads it as a boolean');
    expect(messages[6]).toBe('event nested: `chairs.US` is a list, but matrix m reads it as a string');
    // One value alone stands for a list of one.
    expect(messages[7]).toBe('event alone: `topics` "farming" is not among the values matrix m declares, so a test of it is unknown');
  });
});

// Each event below but the first states one thing wrong, so that no other problem of the same
// event can be what gives it away; the first states every declared field well, a number among
// declared numbers too.
const ONE_EACH = matrixText({
  fields: `  level: {type: string, values: {leaders: Heads., ministerial: Ministers.}, absent: false}
  topics: {type: list, values: {trade: Trade., cyber: Cyber.}, absent: false}
  chairs.US: {type: string, values: {senior: Senior officials.}, absent: false}
  actors: {type: list, values: {US: United States., CN: China.}, absent: false}
  openEnded: {type: boolean, absent: false}
  rounds: {type: number, values: {1: One round., 2: Two rounds.}, absent: false}
  note: {type: string, absent: false}`,
  levels: `      - {label: high, score: 1, when: {some: {field: level, equals: leaders}}}
      - {label: low, score: 0}`,
});

const ONE_EACH_RECORD = `id: r
title: R
date: 2015-09-25
parties: [US, CN, FR]
events:
  - {id: clean, date: 2015-09-25, type: meeting, actors: [US, CN], fields: {level: leaders, topics: [trade, cyber], chairs: {US: senior, CN: x}, openEnded: true, rounds: 2, note: free, other: 5}}
  - {id: actor, date: 2015-09-25, type: meeting, actors: [US, FR]}
  - {id: typed, date: 2015-09-25, type: meeting, fields: {openEnded: "yes"}}
  - {id: listed, date: 2015-09-25, type: meeting, fields: {topics: [tax]}}
  - {id: chaired, date: 2015-09-25, type: meeting, fields: {chairs: {US: junior}}}
  - {id: counted, date: 2015-09-25, type: meeting, fields: {rounds: 3}}
  - {id: noted, date: 2015-09-25, type: meeting, fields: {note: 4}}
  - {id: single, date: 2015-09-25, type: meeting, fields: {level: expert}}
  - {id: nulls, date: 2015-09-25, type: meeting, fields: {level: ~, rounds: ~, topics: ~, note: ~}}
  - {id: well, date: 2015-09-25, type: meeting, fields: {rounds: 1, topics: trade}}
  - {id: mixed, date: 2015-09-25, type: meeting, fields: {level: leaders, openEnded: ~, note: free, rounds: 0}}
`;

/** Line and column of `value` where it ends `fragment` on the line of event `id`, found in the text. */
function valueAt(text: string, id: string, fragment: string): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(`{id: ${id},`));
  const start = lines[index]!.indexOf(fragment);
  expect(start).toBeGreaterThanOrEqual(0);
  // The value is what follows the fragment's last `: `, `[` or `, `.
  const value = Math.max(fragment.lastIndexOf(': ') + 2, fragment.lastIndexOf('[') + 1, fragment.lastIndexOf(', ') + 2);
  return { line: index + 1, col: start + value + 1 };
}

const ONE_EACH_INPUT = { file: 'r.yaml', text: ONE_EACH_RECORD, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES };
const NOT_AMONG = 'is not among the values matrix m declares, so a test of it is unknown';
const TYPE_HINT = 'a test of it is unknown; see `summit-score codebook` for the field';

describe('checkVocabulary on an event with one thing wrong', () => {
  it('finds each, at the value in the record, with the declared value meant or the values there are', () => {
    const found = checkLoadedVocabulary(loadMatrixText(ONE_EACH).matrix, recordFrom(ONE_EACH_RECORD), ONE_EACH_INPUT);
    const text = ONE_EACH_RECORD;
    // The actors: FR is two edits from US and from CN, more than a two-letter word's one.
    // `junior` is two edits from `senior`, within a six-letter word's two.
    expect(found).toEqual([
      {
        severity: 'warning',
        code: 'UNDECLARED_VALUE',
        file: 'r.yaml',
        ...valueAt(text, 'actor', '[US, FR'),
        path: 'events[1].actors[1]',
        message: `event actor: \`actors\` "FR" ${NOT_AMONG}`,
        hint: 'values: US, CN',
      },
      {
        severity: 'warning',
        code: 'UNDECLARED_VALUE',
        file: 'r.yaml',
        ...valueAt(text, 'typed', 'openEnded: "yes"'),
        path: 'events[2].fields.openEnded',
        message: 'event typed: `openEnded` is string "yes", but matrix m reads it as a boolean',
        hint: TYPE_HINT,
      },
      {
        severity: 'warning',
        code: 'UNDECLARED_VALUE',
        file: 'r.yaml',
        ...valueAt(text, 'listed', 'topics: [tax'),
        path: 'events[3].fields.topics[0]',
        message: `event listed: \`topics\` "tax" ${NOT_AMONG}`,
        hint: 'values: trade, cyber',
      },
      {
        severity: 'warning',
        code: 'UNDECLARED_VALUE',
        file: 'r.yaml',
        ...valueAt(text, 'chaired', 'US: junior'),
        path: 'events[4].fields.chairs.US',
        message: `event chaired: \`chairs.US\` "junior" ${NOT_AMONG}`,
        hint: 'did you mean `senior`?',
      },
      {
        severity: 'warning',
        code: 'UNDECLARED_VALUE',
        file: 'r.yaml',
        ...valueAt(text, 'counted', 'rounds: 3'),
        path: 'events[5].fields.rounds',
        message: `event counted: \`rounds\` 3 ${NOT_AMONG}`,
        hint: 'values: 1, 2',
      },
      {
        severity: 'warning',
        code: 'UNDECLARED_VALUE',
        file: 'r.yaml',
        ...valueAt(text, 'noted', 'note: 4'),
        path: 'events[6].fields.note',
        message: 'event noted: `note` is number 4, but matrix m reads it as a string',
        hint: TYPE_HINT,
      },
      {
        severity: 'warning',
        code: 'UNDECLARED_VALUE',
        file: 'r.yaml',
        ...valueAt(text, 'single', 'level: expert'),
        path: 'events[7].fields.level',
        message: `event single: \`level\` "expert" ${NOT_AMONG}`,
        hint: 'values: leaders, ministerial',
      },
      // Beside it, a declared value, a null and a field that declares no values are all fine.
      {
        severity: 'warning',
        code: 'UNDECLARED_VALUE',
        file: 'r.yaml',
        ...valueAt(text, 'mixed', 'rounds: 0'),
        path: 'events[10].fields.rounds',
        message: `event mixed: \`rounds\` 0 ${NOT_AMONG}`,
        hint: 'values: 1, 2',
      },
    ]);
  });

  it('makes them errors when strict', () => {
    const found = checkVocabulary(loadMatrixText(ONE_EACH).matrix, recordFrom(ONE_EACH_RECORD), anywhere, { strict: true });
    expect(found).toHaveLength(8);
    expect(new Set(found.map((d) => d.severity))).toEqual(new Set(['error']));
  });

  it('places them at the same values when the record keeps no positions of its own (a bundled record)', () => {
    const record = recordFrom(ONE_EACH_RECORD);
    const kept = checkLoadedVocabulary(loadMatrixText(ONE_EACH).matrix, record, ONE_EACH_INPUT);
    // A copy of the record is not the object its parse kept positions for: its text is parsed again.
    const reparsed = checkLoadedVocabulary(loadMatrixText(ONE_EACH).matrix, { ...record }, { ...ONE_EACH_INPUT, file: 'again.yaml' });
    expect(reparsed.map(({ line, col, file }) => ({ line, col, file }))).toEqual(kept.map(({ line, col }) => ({ line, col, file: 'again.yaml' })));
  });

  it('places them at the start when the text kept beside a record without positions does not parse', () => {
    const found = checkLoadedVocabulary(loadMatrixText(ONE_EACH).matrix, { ...recordFrom(ONE_EACH_RECORD) }, { ...ONE_EACH_INPUT, text: 'a: [' });
    expect(found).toHaveLength(8);
    expect(found.every((d) => d.file === 'r.yaml' && d.line === 1 && d.col === 1)).toBe(true);
  });

  it('reads a field no record has been checked for before in this process', () => {
    // A name of letters new to each run, so that no reader of it is already made.
    const name = `fresh${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, '')}`;
    const matrix = loadMatrixText(
      matrixText({
        fields: `  ${name}: {type: string, values: {yes: Yes.}, absent: false}`,
        levels: `      - {label: high, score: 1, when: {some: {field: ${name}, equals: "yes"}}}\n      - {label: low, score: 0}`,
      }),
    ).matrix;
    const record = recordFrom(
      `id: r\ntitle: R\ndate: 2015-09-25\nparties: [US]\nevents:\n  - {id: e, date: 2015-09-25, type: meeting, fields: {${name}: no}}\n`,
    );
    expect(checkVocabulary(matrix, record, anywhere).map((d) => d.path)).toEqual([`events[0].fields.${name}`]);
  });
});

describe("checkVocabulary against a matrix that declares none of an event's own keys", () => {
  it('finds a value of the wrong type on a field that declares no values', () => {
    const matrix = loadMatrixText(
      matrixText({
        fields: '  openEnded: {type: boolean, absent: false}',
        levels: '      - {label: high, score: 1, when: {some: {field: openEnded, equals: true}}}\n      - {label: low, score: 0}',
      }),
    ).matrix;
    const record = recordFrom(
      'id: r\ntitle: R\ndate: 2015-09-25\nparties: [US]\nevents:\n  - {id: e, date: 2015-09-25, type: meeting, fields: {openEnded: "yes"}}\n',
    );
    expect(checkVocabulary(matrix, record, anywhere).map((d) => d.message)).toEqual([
      'event e: `openEnded` is string "yes", but matrix m reads it as a boolean',
    ]);
  });
});

describe('the hint for a value not declared', () => {
  const grades = (n: number) => {
    const values = Array.from({ length: n }, (_, i) => `${i + 1}: Grade ${i + 1}.`).join(', ');
    const matrix = loadMatrixText(
      matrixText({
        fields: `  grade: {type: number, values: {${values}}, absent: false}`,
        levels: `      - {label: high, score: 1, when: {some: {field: grade, gte: 1}}}\n      - {label: low, score: 0}`,
      }),
    ).matrix;
    const record = recordFrom('id: r\ntitle: R\ndate: 2015-09-25\nparties: [US]\nevents:\n  - {id: e, date: 2015-09-25, type: meeting, fields: {grade: 99}}\n');
    return checkVocabulary(matrix, record, anywhere)[0]?.hint;
  };

  it('lists up to 8 declared values, then the first 8 and where to find the rest', () => {
    expect(grades(8)).toBe('values: 1, 2, 3, 4, 5, 6, 7, 8');
    expect(grades(9)).toBe('values: 1, 2, 3, 4, 5, 6, 7, 8, ... (summit-score codebook lists them)');
  });
});

describe('closestValue: the declared value a word stands for', () => {
  const declared = ['un-gge-2015-report', 'g20-communique', 'ministerial'];

  it('takes a typo for the value it is one or two edits from', () => expect(closestValue('minsterial', declared)).toBe('ministerial'));

  it('takes the first or last hyphenated parts for the only value they start or end', () => {
    expect(closestValue('un-gge-2015', declared)).toBe('un-gge-2015-report');
    expect(closestValue('communique', declared)).toBe('g20-communique');
    expect(closestValue('report', declared)).toBe('un-gge-2015-report');
  });

  it('takes no part from the middle, no part of a part, and no part two values share', () => {
    expect(closestValue('gge', declared)).toBeUndefined();
    expect(closestValue('communi', declared)).toBeUndefined();
    expect(closestValue('un', ['un-gge', 'un-hrc'])).toBeUndefined();
  });
});
