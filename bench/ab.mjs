// node bench/ab.mjs OLD_DIST [NEW_DIST] [--rounds N]: the engine of two builds, paired, on the
// bench's records and on a g20-compliance record, explain off and on. For a change to a hot path:
// measured before it is committed, on the same machine at the same moment, so that a busy moment
// falls on both builds alike. Each round runs both builds, in alternating order; the figure is the
// median (min–max) of the rounds' ratios NEW / OLD. Run it once with the same build twice (an A/A
// run) to see how much of a ratio is the machine's noise. Printed, never asserted.
//
// OLD_DIST is a build of the code before the change, beside its package.json, for example:
//   mkdir /tmp/old && cp -r dist package.json /tmp/old/ && ln -s "$PWD/node_modules" /tmp/old/   # before
//   npm run build && node bench/ab.mjs /tmp/old/dist                                               # after
// Both builds score the same loaded matrices and records (NEW_DIST's loader, default dist/).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeComplianceRecord, makeRecord, MATRIX_YAML, seeded } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 21;
const [oldDist, newDist = resolve(ROOT, 'dist')] = args.map((path) => resolve(path));
if (oldDist === undefined || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: node bench/ab.mjs OLD_DIST [NEW_DIST] [--rounds N]');
  process.exit(2);
}
const moduleOf = (dist, path) => import(pathToFileURL(resolve(dist, path)).href);
const engineOf = (dist) => moduleOf(dist, 'engine/index.js');
const builds = [await engineOf(oldDist), await engineOf(newDist)];
const { loadMatrix } = await moduleOf(newDist, 'load/load-matrix.js');
const { ndjsonLine } = await moduleOf(newDist, 'load/ndjson.js');

const loaded = (record, i) => ndjsonLine('bench.ndjson', i + 1, Buffer.from(JSON.stringify(record))).record.record;
const random = seeded(7);
const records = Array.from({ length: 100 }, (_, i) => loaded(makeRecord(random, i, 100), i));
const compliance = loaded(makeComplianceRecord(seeded(2024), 200, 21), 0);
const benchMatrix = loadMatrix({ file: 'bench-matrix.yaml', text: MATRIX_YAML, sha256: '' }).matrix;
const g20File = resolve(ROOT, 'matrices/g20-compliance.yaml');
const g20Matrix = loadMatrix({ file: g20File, text: readFileSync(g20File, 'utf8'), sha256: '' }).matrix;
const compiled = builds.map((engine) => ({ bench: engine.compileMatrix(benchMatrix), g20: engine.compileMatrix(g20Matrix) }));

const jobs = [
  ['bench matrix, 100 records x 100 events, explain off', (engine, c) => records.forEach((r) => engine.evaluateRecord(c.bench, r, { explain: false }))],
  ['bench matrix, 100 records x 100 events, explain on', (engine, c) => records.forEach((r) => engine.evaluateRecord(c.bench, r))],
  ['g20-compliance, 200 commitments x 21 members, explain off', (engine, c) => engine.evaluateRecord(c.g20, compliance, { explain: false })],
  ['g20-compliance, 200 commitments x 21 members, explain on', (engine, c) => engine.evaluateRecord(c.g20, compliance)],
];
const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
const fmt = (n, digits) => n.toFixed(digits);

console.log(`paired: ${oldDist} (old) and ${newDist} (new), ${rounds} rounds after 5 of warm-up, node ${process.version}`);
for (const [name, job] of jobs) {
  for (let warm = 0; warm < 5; warm++) builds.forEach((engine, k) => job(engine, compiled[k]));
  const times = [[], []];
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    const took = [0, 0];
    for (const k of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = performance.now();
      job(builds[k], compiled[k]);
      took[k] = performance.now() - start;
      times[k].push(took[k]);
    }
    ratios.push(took[1] / took[0]);
  }
  const spread = sorted(ratios);
  console.log(
    `${name.padEnd(58)} old ${fmt(median(times[0]), 2)} ms, new ${fmt(median(times[1]), 2)} ms   new / old ${fmt(median(ratios), 3)} (${fmt(spread[0], 2)}–${fmt(spread.at(-1), 2)})`,
  );
}
