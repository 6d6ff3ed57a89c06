// The cost of explanations on g20-compliance, the case issue 16 states its target with: one
// record of 380 commitments x 21 members (about 7,400 events, many cells unfulfilled, each
// explained with its level's evidence and its near miss), scored with explanations off and on in
// turn, 7 rounds after 2 of warm-up. Prints {commitments, members, events, off, on} (ms a round)
// as JSON; bench/bench.mjs section 2 runs it in a child process. Also the target of a profile:
//   node --cpu-prof bench/g20-explain.mjs
import { readFileSync } from 'node:fs';
import { makeComplianceRecord, seeded } from './generate.mjs';

const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { compileMatrix, evaluateRecord } = await dist('engine/index.js');
const { loadMatrix } = await dist('load/load-matrix.js');
const { ndjsonLine } = await dist('load/ndjson.js');

const COMMITMENTS = 380;
const MEMBERS = 21;
const text = readFileSync(new URL('../matrices/g20-compliance.yaml', import.meta.url), 'utf8');
const compiled = compileMatrix(loadMatrix({ file: 'g20-compliance.yaml', text, sha256: '' }).matrix);
const bytes = Buffer.from(JSON.stringify(makeComplianceRecord(seeded(3), COMMITMENTS, MEMBERS)));
const record = ndjsonLine('g20.ndjson', 1, bytes, bytes.length + 1).record.record;

const off = [];
const on = [];
for (let round = 0; round < 9; round++) {
  let started = performance.now();
  evaluateRecord(compiled, record, { explain: false });
  const offTime = performance.now() - started;
  started = performance.now();
  evaluateRecord(compiled, record);
  const onTime = performance.now() - started;
  if (round >= 2) {
    off.push(offTime);
    on.push(onTime);
  }
}
process.stdout.write(`${JSON.stringify({ commitments: COMMITMENTS, members: MEMBERS, events: record.events.length, off, on })}\n`);
