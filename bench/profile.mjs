// Where the engine's time goes: a CPU profile of evaluateRecord on the bench's generated records,
// summarised by function (self time), counting only samples taken inside evaluateRecord, so that
// generating and loading the records does not show. The measured profile the README's Performance
// section quotes for the targets not met.
//
//   node bench/profile.mjs [--explain on|off] [--events N] [--records N] [--passes N] [--top N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const explain = option('--explain', 'on') === 'on';
const events = Number(option('--events', 100));
const records = Number(option('--records', Math.max(3, Math.round(30_000 / events))));
const passes = Number(option('--passes', 10));
const top = Number(option('--top', 15));
const ROOT = fileURLToPath(new URL('../', import.meta.url));

if (args.includes('--child')) {
  const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
  const { makeRecord, MATRIX_YAML, seeded } = await import('./generate.mjs');
  const { compileMatrix, evaluateRecord } = await dist('engine/index.js');
  const { loadMatrix } = await dist('load/load-matrix.js');
  const { ndjsonLine } = await dist('load/ndjson.js');
  const compiled = compileMatrix(loadMatrix({ file: 'bench-matrix.yaml', text: MATRIX_YAML, sha256: '' }).matrix);
  const random = seeded(7);
  const loaded = Array.from(
    { length: records },
    (_, i) => ndjsonLine('bench.ndjson', i + 1, Buffer.from(JSON.stringify(makeRecord(random, i, events)))).record.record,
  );
  for (let pass = 0; pass < passes; pass++) for (const record of loaded) evaluateRecord(compiled, record, { explain });
} else {
  const dir = mkdtempSync(join(tmpdir(), 'summit-score-profile-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100', fileURLToPath(import.meta.url), '--child', ...args],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (run.status !== 0) process.exit(run.status ?? 2);
    const profile = JSON.parse(
      readFileSync(
        join(
          dir,
          readdirSync(dir).find((name) => name.endsWith('.cpuprofile')),
        ),
        'utf8',
      ),
    );
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const inside = new Map();
    const isInside = (id) => {
      if (inside.has(id)) return inside.get(id);
      const node = nodes.get(id);
      const answer = node.callFrame.functionName === 'evaluateRecord' || (parent.has(id) && isInside(parent.get(id)));
      inside.set(id, answer);
      return answer;
    };
    const self = new Map();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id);
      // Garbage collection is sampled outside any stack; it is counted when it falls between samples inside.
      const counted = isInside(id) || (node.callFrame.functionName === '(garbage collector)' && i > 0 && isInside(profile.samples[i - 1]));
      if (!counted) return;
      const { functionName, url, lineNumber } = node.callFrame;
      const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/dist\//, 'dist/')}${url ? `:${lineNumber + 1}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i]);
      total += profile.timeDeltas[i];
    });
    console.log(
      `evaluateRecord, explain ${explain ? 'on' : 'off'}: ${records} records x ${events} events, ${passes} passes; ${(total / 1000).toFixed(0)} ms sampled inside it`,
    );
    for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
