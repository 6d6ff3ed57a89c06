import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { implies } from '../../../src/load/lint-matrix.js';

const c = (text: string): unknown => parse(text);

describe('implies (the proof behind UNREACHABLE_LEVEL)', () => {
  it.each([
    ['the same condition, keys in another order', '{some: {field: level, in: [a, b]}}', '{some: {in: [a, b], field: level}}'],
    ['one branch of an any', '{some: {type: meeting}}', '{any: [{some: {type: meeting}}, {some: {type: mechanism}}]}'],
    ['an all with one more item', '{some: {all: [{type: meeting}, {field: level, equals: leaders}]}}', '{some: {type: meeting}}'],
    ['every item of an all', '{some: {all: [{type: a}, {type: b}, {type: c}]}}', '{some: {all: [{type: c}, {type: a}]}}'],
    ['an any whose every branch implies it', '{any: [{some: {all: [{type: a}, {type: b}]}}, {some: {type: a}}]}', '{some: {type: a}}'],
    ['none of the weaker condition', '{none: {type: meeting}}', '{none: {all: [{type: meeting}, {field: level, equals: leaders}]}}'],
    ['not of the weaker condition', '{not: {some: {type: meeting}}}', '{not: {some: {all: [{type: meeting}, {type: x}]}}}'],
  ])('proves %s', (_name, stronger, weaker) => {
    expect(implies(c(stronger), c(weaker))).toBe(true);
  });

  it.each([
    ['different values', '{some: {type: meeting}}', '{some: {type: mechanism}}'],
    ['the weaker condition does not imply the stronger', '{some: {type: meeting}}', '{some: {all: [{type: meeting}, {field: level, equals: leaders}]}}'],
    ['none the wrong way round', '{none: {all: [{type: meeting}, {type: x}]}}', '{none: {type: meeting}}'],
    [
      'some events each meeting one half is not one event meeting both',
      '{all: [{some: {type: a}}, {some: {type: b}}]}',
      '{some: {all: [{type: a}, {type: b}]}}',
    ],
    ['count and atLeast are not analysed', '{count: {type: a}, gte: 2}', '{count: {type: a}, gte: 1}'],
  ])('does not claim %s', (_name, stronger, weaker) => {
    expect(implies(c(stronger), c(weaker))).toBe(false);
  });
});
