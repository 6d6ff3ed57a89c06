// npm run bench: summit-score's speed against the anchors, on generated data (bench/generate.mjs)
// in a temporary directory, printed, never asserted. Figures from one run are quoted in README.md
// (Performance). Takes two to four minutes on a 2-core machine; the largest input is 4M events.
//
//   node bench/bench.mjs [--keep] [--scale 0.1]
//     --keep       keep the temporary directory (its path is printed)
//     --scale F    every size times F (quick looks; the quoted figures are at 1)
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRecord, seeded, writeMatrix, writeRecords } from './generate.mjs';
import { engineSignature, handSignature, scoreByHand } from './handwritten.mjs';
import { jsonRulesEngineScorer } from './json-rules-engine.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/summit-score.js');
const FLOOR = join(ROOT, 'bench/floor.mjs');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const scale = args.includes('--scale') ? Number(args[args.indexOf('--scale') + 1]) : 1;
const sized = (n) => Math.max(1, Math.round(n * scale));

if (!existsSync(join(ROOT, 'dist/cli.js'))) {
  console.error('build first: npm run build (npm run bench does)');
  process.exit(2);
}
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { compileMatrix, evaluateRecord } = await dist('engine/index.js');
const { loadMatrix } = await dist('load/load-matrix.js');
const { ndjsonLine } = await dist('load/ndjson.js');
const { TOOL } = await dist('package-info.js');
const { parse: parseYaml } = await import('yaml');

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mib = (bytes) => `${fmt(bytes / 2 ** 20, 1)} MiB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const versionOf = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
const line = (text = '') => console.log(text);
const verdict = (ok) => (ok ? 'met' : 'NOT MET');

const dir = mkdtempSync(join(tmpdir(), 'summit-score-bench-'));
const started = performance.now();
line(`summit-score ${TOOL.version} bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), data in ${dir}${keep ? '' : ' (removed at the end)'}`);

try {
  // ---- data ------------------------------------------------------------------------------------
  const EVENTS = 100;
  const sizes = [1, 2, 4].map((factor) => ({ factor, records: sized(10_000) * factor }));
  const matrixFile = writeMatrix(dir);
  const largest = sizes.at(-1);
  const files = new Map();
  const biggestFile = join(dir, `records-${largest.records}x${EVENTS}.ndjson`);
  writeRecords(biggestFile, { records: largest.records, events: EVENTS });
  files.set(largest.records, biggestFile);
  // The smaller files are the first lines of the largest: the same records, in the same order.
  for (const { records } of sizes.slice(0, -1)) files.set(records, await firstLines(biggestFile, join(dir, `records-${records}x${EVENTS}.ndjson`), records));
  line(`data: a 20-criterion matrix using every kind of condition (${matrixFile}), records of ${EVENTS} events, generated with a fixed seed`);
  line();

  // ---- 1-3: in process -------------------------------------------------------------------------
  const matrixText = readFileSync(matrixFile, 'utf8');
  const matrix = loadMatrix({ file: matrixFile, text: matrixText, sha256: '' }).matrix;
  const compiled = compileMatrix(matrix);
  const inProcess = sized(1_000);
  const random = seeded(7);
  // Records loaded as the CLI loads them (src/load/ndjson.ts), before any clock starts.
  const records = Array.from({ length: inProcess }, (_, i) => ndjsonLine('bench.ndjson', i + 1, Buffer.from(JSON.stringify(makeRecord(random, i, EVENTS)))).record.record);
  const events = records.reduce((sum, record) => sum + record.events.length, 0);

  // Every scorer must reach the same levels, totals and verdicts as the engine on every record.
  const jre = jsonRulesEngineScorer(parseYaml(matrixText));
  const jreRecords = records.slice(0, sized(300));
  let disagreements = 0;
  for (const [i, record] of records.entries()) {
    const expected = engineSignature(evaluateRecord(compiled, record, { explain: false }));
    if (handSignature(scoreByHand(record)) !== expected) disagreements++;
    if (i < jreRecords.length && (await jre(record)) !== expected) disagreements++;
  }

  const lean = throughput(() => {
    for (const record of records) evaluateRecord(compiled, record, { explain: false });
  }, events);
  const full = throughput(() => {
    for (const record of records) evaluateRecord(compiled, record);
  }, events);
  const hand = throughput(() => {
    for (const record of records) scoreByHand(record);
  }, events);
  const jreEvents = jreRecords.reduce((sum, record) => sum + record.events.length, 0);
  const jreRate = await throughputAsync(async () => {
    for (const record of jreRecords) await jre(record);
  }, jreEvents);

  line(`1. engine in process, ${fmt(inProcess)} records x ${EVENTS} events, after warm-up (best of 7 passes)`);
  line(`   levels, totals, gates and verdicts only (explain: false)   ${fmt(lean)} events/s   target >= 1,000,000: ${verdict(lean >= 1e6)}`);
  line(`   with evidence and explanations (what evaluate prints)      ${fmt(full)} events/s`);
  line(`2. json-rules-engine ${versionOf('json-rules-engine')}, the same conditions, ${fmt(jreRecords.length)} records`);
  line(`   ${fmt(jreRate)} events/s: the engine is ${fmt(lean / jreRate, 1)}x faster (${fmt(full / jreRate, 1)}x with explanations)   target >= 4x: ${verdict(lean / jreRate >= 4)}`);
  line(`3. hand-written JavaScript, the same conditions (bench/handwritten.mjs)`);
  line(`   ${fmt(hand)} events/s: hand-written time / engine time = ${fmt(lean / hand, 2)} (${fmt(full / hand, 2)} with explanations)   target >= 0.67: ${verdict(lean / hand >= 0.67)}`);
  line(`   levels, totals and verdicts of engine, hand-written and json-rules-engine: ${disagreements === 0 ? 'identical on every record' : `${disagreements} DISAGREEMENTS`}`);
  line();

  // ---- 4-5: end to end -------------------------------------------------------------------------
  line('4-5. end to end: summit-score evaluate FILE -m MATRIX -f ndjson > /dev/null, against the floor: node bench/floor.mjs FILE');
  line('     (reads the file line by line as the tool does, and JSON.parses each line); wall time, peak RSS of the process');
  const endToEnd = [];
  for (const { factor, records: count } of sizes) {
    const file = files.get(count);
    const floor = measure(process.execPath, [FLOOR, file]);
    const tool = measure(process.execPath, [BIN, 'evaluate', file, '-m', matrixFile, '-f', 'ndjson']);
    if (tool.status !== 0) throw new Error(`summit-score exited ${tool.status}: ${tool.stderr}`);
    endToEnd.push({ factor, count, floor, tool, bytes: statSync(file).size });
    line(
      `   ${fmt(count * EVENTS)} events (${fmt(count)} x ${EVENTS}, ${mib(statSync(file).size)})` +
        `   floor ${fmt(floor.seconds, 2)} s, ${mib(floor.maxRss)}   summit-score ${fmt(tool.seconds, 2)} s, ${mib(tool.maxRss)}` +
        `   ${fmt(tool.seconds / floor.seconds, 2)}x the floor, ${fmt((count * EVENTS) / tool.seconds)} events/s`,
    );
  }
  const [one] = endToEnd;
  const four = endToEnd.at(-1);
  line(`   at ${fmt(one.count * EVENTS)} events: ${fmt(one.tool.seconds / one.floor.seconds, 2)}x the floor (target <= 2x: ${verdict(one.tool.seconds / one.floor.seconds <= 2)}); peak RSS ${mib(one.tool.maxRss)} (target <= 200 MiB: ${verdict(one.tool.maxRss <= 200 * 2 ** 20)})`);
  line(
    `   4x the input: time x${fmt(four.tool.seconds / one.tool.seconds, 2)} (linear: x4), peak RSS ${mib(four.tool.maxRss)} ` +
      `(at 1x: ${mib(one.tool.maxRss)}; target <= 200 MiB: ${verdict(four.tool.maxRss <= 200 * 2 ** 20)})`,
  );
  line();

  // ---- 6: start-up -----------------------------------------------------------------------------
  const runs = 15;
  const commands = [
    ['node -e 0', [process.execPath, '-e', '0']],
    ['summit-score --version', [process.execPath, BIN, '--version']],
    ['summit-score evaluate', [process.execPath, BIN, 'evaluate']],
  ];
  const times = commands.map(() => []);
  // Interleaved, so that a busy moment of the machine falls on all three alike.
  for (let i = 0; i < runs + 2; i++) {
    commands.forEach(([, [command, ...rest]], j) => {
      const t = performance.now();
      const run = spawnSync(command, rest, { stdio: 'ignore', cwd: ROOT });
      if (run.status !== 0) throw new Error(`${commands[j][0]} exited ${run.status}`);
      if (i >= 2) times[j].push(performance.now() - t);
    });
  }
  const [bare, version, evaluate] = times.map(median);
  line(`6. start-up, median wall time of ${runs} interleaved runs (after 2 unmeasured)`);
  line(`   node -e 0                ${fmt(bare, 1)} ms`);
  line(`   summit-score --version   ${fmt(version, 1)} ms   ${fmt(version / bare, 2)}x bare node   target <= 1.3x: ${verdict(version / bare <= 1.3)}`);
  line(`   summit-score evaluate    ${fmt(evaluate, 1)} ms   ${fmt(evaluate / bare, 2)}x bare node   target <= 2x: ${verdict(evaluate / bare <= 2)}`);
  line();
  line(`bench took ${fmt((performance.now() - started) / 1000, 0)} s`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}

/** Events per second of a synchronous pass over the records: best of 7, after 3 passes of warm-up. */
function throughput(pass, events) {
  for (let i = 0; i < 3; i++) pass();
  let best = Infinity;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    pass();
    best = Math.min(best, performance.now() - t);
  }
  return (events / best) * 1000;
}

async function throughputAsync(pass, events) {
  await pass();
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await pass();
    best = Math.min(best, performance.now() - t);
  }
  return (events / best) * 1000;
}

/**
 * Runs a command with stdout to /dev/null: wall time from here, peak RSS of the process from
 * GNU time (/usr/bin/time) where it is installed, else from the process itself (a preloaded
 * hook that reports process.resourceUsage().maxRSS as it exits).
 */
function measure(command, commandArgs) {
  const gnuTime = existsSync('/usr/bin/time');
  const report = join(dir, 'measure.txt');
  rmSync(report, { force: true });
  const out = openSync('/dev/null', 'w');
  const t = performance.now();
  const run = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', report, command, ...commandArgs], { stdio: ['ignore', out, 'pipe'], cwd: dir, maxBuffer: 1 << 26 })
    : spawnSync(command, ['--require', join(ROOT, 'bench/max-rss.cjs'), ...commandArgs], { stdio: ['ignore', out, 'pipe'], cwd: dir, env: { ...process.env, SUMMIT_BENCH_RSS: report }, maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  closeSync(out);
  const kib = Number(readFileSync(report, 'utf8').trim().split('\n').at(-1));
  return { seconds, maxRss: kib * 1024, status: run.status, stderr: String(run.stderr).slice(0, 2000) };
}

/** Copies the first `count` lines of `source` to `target`. */
async function firstLines(source, target, count) {
  const fd = openSync(target, 'w');
  let lines = 0;
  for await (const chunk of createReadStream(source, { highWaterMark: 1 << 22 })) {
    let end = -1;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) {
      if (++lines === count) {
        end = at + 1;
        break;
      }
    }
    writeSync(fd, end === -1 ? chunk : chunk.subarray(0, end));
    if (end !== -1) break;
  }
  closeSync(fd);
  return target;
}
