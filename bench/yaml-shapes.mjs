// YAML records shaped to stress the YAML reader's memory, each as many values as the value bound
// lets through: used by bench/bench.mjs (section 8) and test/built/hostile/memory.test.ts, which
// hold every one to peak RSS under 10 x the input + 100 MiB.
//
//   node bench/yaml-shapes.mjs DIR [values]   writes one file per shape into DIR

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEAD = 'id: big\ntitle: Big\ndate: 2015-09-25\nparties: [US, CN]\nevents:\n';
const event = (i, fields = '') => `  - id: e${i}\n    type: meeting\n    date: 2015-09-26\n    title: T\n    actors: [US]\n${fields}`;
const repeat = (n, part) => Array.from({ length: n }, (_, i) => part(i)).join('');
const withFields = (fields) => HEAD + event(1, `    fields:\n${fields}`);

/** Each shape: a record of n of its units (a list item, a key, an event, a nested list...). */
export const YAML_SHAPES = {
  'flow list of digits': (n) => withFields(`      xs: [${repeat(n, (i) => `${i ? ',' : ''}${i % 10}`)}]\n`),
  'block list of digits': (n) => withFields(`      xs:\n${repeat(n, (i) => `        - ${i % 10}\n`)}`),
  'many short keys': (n) => withFields(repeat(n, (i) => `      k${i}: ${i % 10}\n`)),
  'flow mapping': (n) => HEAD + event(1, `    fields: {${repeat(n, (i) => `${i ? ', ' : ''}k${i}: ${i % 10}`)}}\n`),
  'list of flow mappings': (n) => withFields(`      xs:\n${repeat(n, (i) => `        - {a: ${i % 10}}\n`)}`),
  'empty lists': (n) => withFields(`      xs: [${repeat(n, (i) => `${i ? ',' : ''}[]`)}]\n`),
  'many events': (n) => HEAD + repeat(n, (i) => event(i)),
  'lists nested 120 deep': (n) => withFields(repeat(n, (i) => `      n${i}: ${'['.repeat(120)}1${']'.repeat(120)}\n`)),
  'one list and 99 aliases of it': (n) =>
    withFields(`      a: &a [${repeat(n, (i) => `${i ? ',' : ''}${i % 10}`)}]\n${repeat(99, (i) => `      b${i}: *a\n`)}`),
};

/** Strings of a million characters each: few values, a large input. */
export const longStrings = (count) => withFields(repeat(count, (i) => `      s${i}: ${'x'.repeat(1_000_000)}\n`));

/**
 * The values the YAML reader counts (src/load/yaml-document.ts: `,`, `[`, `{`, and `-`, `:` or
 * `?` before a blank, a key with its value as two), written again here to size the shapes.
 */
export function countedValues(text) {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let starts = c === ',' || c === '[' || c === '{';
    if (!starts && (c === '-' || c === ':' || c === '?')) {
      const next = text[i + 1];
      starts = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
    }
    if (starts) count += c === ':' ? 2 : 1;
  }
  return count;
}

/** The most units of a shape that keep its counted values at most `values`, and its text. */
export function fitted(make, values) {
  let low = 1;
  let high = values;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (countedValues(make(mid)) <= values) low = mid;
    else high = mid - 1;
  }
  return { units: low, text: make(low) };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [dir, values = '20000'] = process.argv.slice(2);
  mkdirSync(dir, { recursive: true });
  for (const [name, make] of Object.entries(YAML_SHAPES)) {
    const { text } = fitted(make, Number(values));
    writeFileSync(join(dir, `${name.replace(/\W+/g, '-')}.yaml`), text);
    console.log(`${name}: ${text.length} bytes, ${countedValues(text)} values`);
  }
}
