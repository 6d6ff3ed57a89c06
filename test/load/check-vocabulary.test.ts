import { describe, expect, it } from 'vitest';
import { checkVocabulary } from '../../src/load/check-vocabulary.js';
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

const matrix = loadMatrixText(MATRIX).matrix;
const record = recordFrom(RECORD);
const reported = checkVocabulary(matrix, record, () => ({ file: 'r.yaml', line: 1, col: 1 })).map(({ path, message }) => `${path}: ${message.split(':')[0]}`);

describe('checkVocabulary on the values a record states', () => {
  it('reports every value off the vocabulary, event by event, in the order the matrix declares its fields', () => {
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
    const messages = checkVocabulary(matrix, record, () => ({ file: 'r.yaml', line: 1, col: 1 })).map((d) => d.message);
    expect(messages[0]).toBe('event wrong: `level` is number 3, but matrix m reads it as a string');
    expect(messages[1]).toBe('event wrong: `topics` "tax" is not among the values matrix m declares, so a test of it is unknown');
    expect(messages[4]).toBe('event wrong: `actors` "FR" is not among the values matrix m declares, so a test of it is unknown');
    expect(messages[5]).toBe('event wrong: `openEnded` is string "yes", but matrix m reads it as a boolean');
    expect(messages[6]).toBe('event nested: `chairs.US` is a list, but matrix m reads it as a string');
    // One value alone stands for a list of one.
    expect(messages[7]).toBe('event alone: `topics` "farming" is not among the values matrix m declares, so a test of it is unknown');
  });
});
