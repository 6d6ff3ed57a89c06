// A compliance record as the Research Group publishes it and `import grid` writes it: one
// assessment event per member and commitment, 2,000 commitments x 21 members at scale 1, as an
// indented JSON file. Scored by the CLI (`evaluate -f json`, and the table) against reading it
// alone: `JSON.parse`, and `JSON.parse` + `JSON.stringify` of the same data (bench/floor.mjs).
// Wall time and peak RSS of each process; interleaved runs, median (min–max).
//
// Called by bench/bench.mjs (section 7); runnable alone after `npm run build`:
//   node bench/compliance.mjs [--scale F] [--rounds N]
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seeded } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/summit-score.js');
const FLOOR = join(ROOT, 'bench/floor.mjs');
const MEMBERS = ['AR', 'AU', 'BR', 'CA', 'CN', 'FR', 'DE', 'IN', 'ID', 'IT', 'JP', 'KR', 'MX', 'RU', 'SA', 'ZA', 'TR', 'GB', 'US', 'EU', 'AFU'];
const NAMES = {
  AR: 'Argentina',
  AU: 'Australia',
  BR: 'Brazil',
  CA: 'Canada',
  CN: 'China',
  FR: 'France',
  DE: 'Germany',
  IN: 'India',
  ID: 'Indonesia',
  IT: 'Italy',
  JP: 'Japan',
  KR: 'Korea',
  MX: 'Mexico',
  RU: 'Russia',
  SA: 'Saudi Arabia',
  ZA: 'South Africa',
  TR: 'Türkiye',
  GB: 'United Kingdom',
  US: 'United States',
  EU: 'European Union',
  AFU: 'African Union',
};
const AREAS = ['macroeconomics', 'trade', 'taxation', 'development', 'health', 'gender', 'climate', 'energy', 'digital', 'labour'];

/**
 * `commitments` commitments, each with an assessment per member (+1, 0, −1, a few n/a, one in a
 * hundred not assessed), interim and final windows, and a recalibrated final cell in one of fifty:
 * the shape of a record written by `import grid` from a published table.
 */
export function makeAssessmentRecord(random, commitments, members) {
  const parties = MEMBERS.slice(0, members);
  const events = [];
  const source = (title) => [{ title, publisher: 'G20 Research Group (generated)', url: 'https://compliance.example.org/2024/final' }];
  for (let c = 0; c < commitments; c++) {
    const id = `c${String(c).padStart(4, '0')}`;
    events.push({
      id,
      date: '2024-11-19',
      type: 'commitment',
      title: `Commitment ${c + 1}`,
      actors: parties,
      fields: { area: AREAS[c % AREAS.length] },
      sources: source('communiqué'),
    });
    for (const member of parties) {
      const roll = random();
      const score = roll < 0.01 ? 'not-assessed' : roll < 0.04 ? 'not-applicable' : roll < 0.6 ? 1 : roll < 0.85 ? 0 : -1;
      const assessment = { member, commitment: id, score, assessor: 'G20 Research Group', window: 'final' };
      events.push({ id: `${id}-${member.toLowerCase()}`, date: '2025-11-18', type: 'assessment', assessment, sources: source('final compliance report') });
      if (random() < 0.02)
        events.push({
          id: `${id}-${member.toLowerCase()}-recalibrated`,
          date: '2025-12-10',
          type: 'assessment',
          assessment: { ...assessment, score: 1, rationale: 'new material after stakeholder review' },
          sources: source('revised final report'),
        });
    }
  }
  return {
    id: 'g20-2024-assessed',
    title: `G20 compliance: ${commitments} commitments x ${members} members, as assessed (generated)`,
    date: '2024-11-19',
    parties,
    partyNames: Object.fromEntries(parties.map((p) => [p, NAMES[p]])),
    windows: [{ id: 'final', title: 'Final', from: '2024-11-19', to: '2025-11-01' }],
    events,
  };
}

/** Wall time and peak RSS of one process: GNU time where installed, else a preloaded hook (bench/max-rss.cjs). */
function measure(dir, commandArgs) {
  const report = join(dir, 'compliance-rss.txt');
  rmSync(report, { force: true });
  const outFd = openSync(join(dir, 'compliance-stdout.txt'), 'w');
  const t = performance.now();
  const run = existsSync('/usr/bin/time')
    ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', report, process.execPath, ...commandArgs], { stdio: ['ignore', outFd, 'pipe'], cwd: ROOT })
    : spawnSync(process.execPath, ['--require', join(ROOT, 'bench/max-rss.cjs'), ...commandArgs], {
        stdio: ['ignore', outFd, 'pipe'],
        cwd: ROOT,
        env: { ...process.env, SUMMIT_BENCH_RSS: report },
      });
  const seconds = (performance.now() - t) / 1000;
  closeSync(outFd);
  if (run.status !== 0) throw new Error(`${commandArgs.join(' ')} exited ${run.status}: ${String(run.stderr).slice(0, 2000)}`);
  return { seconds, rss: Number(readFileSync(report, 'utf8').trim().split('\n').at(-1)) * 1024 };
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (values, digits) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 1 ? fmt(s[0], digits) : `${fmt(median(s), digits)} (${fmt(s[0], digits)}–${fmt(s.at(-1), digits)})`;
};

/** Prints the section through `line`. */
export function complianceSection({
  dir,
  scale = 1,
  rounds = 3,
  line = console.log,
  number = 7,
  goal = (what, figure, target, ok) => (ok ? 'met' : 'NOT MET'),
}) {
  const commitments = Math.max(1, Math.round(2_000 * scale));
  const record = makeAssessmentRecord(seeded(2025), commitments, 21);
  const file = join(dir, 'assessed.json');
  writeFileSync(file, JSON.stringify(record, null, 2));
  const bytes = statSync(file).size;
  const contenders = [
    ['JSON.parse', [FLOOR, 'parse', file]],
    ['JSON.parse + JSON.stringify', [FLOOR, 'parse-stringify', file]],
    ['evaluate assessed.json -f json', [BIN, 'evaluate', file, '-m', 'g20-compliance', '-f', 'json']],
    ['evaluate assessed.json -f csv', [BIN, 'evaluate', file, '-m', 'g20-compliance', '-f', 'csv']],
    ['evaluate assessed.json (the table)', [BIN, 'evaluate', file, '-m', 'g20-compliance', '--width', '100']],
  ];
  const results = contenders.map(([name]) => ({ name, seconds: [], rss: [] }));
  for (let round = 0; round <= rounds; round++) {
    contenders.forEach(([, commandArgs], i) => {
      const run = measure(dir, commandArgs);
      if (round === 0) return; // warm-up: the file in the page cache for every contender alike
      results[i].seconds.push(run.seconds);
      results[i].rss.push(run.rss);
    });
  }
  const assessments = record.events.filter((e) => e.type === 'assessment').length;
  line(
    `${number}. A compliance record of assessments (as \`import grid\` writes one): ${fmt(commitments)} commitments x 21 members (${fmt(assessments)} ` +
      `assessments, ${fmt(record.events.length)} events), matrices/g20-compliance.yaml; ${fmt(bytes / 2 ** 20, 1)} MiB as indented JSON; ${rounds} ` +
      `interleaved runs after 1 of warm-up, wall time and peak RSS of each process`,
  );
  for (const r of results)
    line(
      `   ${r.name.padEnd(40)} ${`${spread(r.seconds, 2)} s`.padEnd(26)} peak RSS ${spread(
        r.rss.map((b) => b / 2 ** 20),
        0,
      )} MiB`,
    );
  const [, floor, ...scored] = results;
  // Each round's ratio, then their median: a busy moment of the machine falls on both sides alike.
  const ratios = (r) => r.seconds.map((s, i) => s / floor.seconds[i]);
  const target = (r) =>
    `${spread(ratios(r), 2)}x (target < 3x: ` +
    `${goal(`assessments ${r.name.replace('evaluate assessed.json ', '')} / (JSON.parse + JSON.stringify)`, `${fmt(median(ratios(r)), 2)}x`, '< 3x', median(ratios(r)) < 3)})`;
  line(`   / (JSON.parse + JSON.stringify), round by round: ${scored.map((r) => `${r.name.replace('evaluate assessed.json ', '')} ${target(r)}`).join('; ')}`);
  line(
    `   peak RSS: ${scored.map((r) => `${r.name.replace('evaluate assessed.json ', '')} ${fmt(median(r.rss) / 2 ** 20, 0)} MiB`).join(', ')}; ` +
      `JSON.parse + JSON.stringify ${fmt(median(floor.rss) / 2 ** 20, 0)} MiB; the input ${fmt(bytes / 2 ** 20, 1)} MiB`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) {
    console.error('build first: npm run build');
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const dir = mkdtempSync(join(tmpdir(), 'summit-score-compliance-'));
  try {
    complianceSection({ dir, scale: option('--scale', 1), rounds: option('--rounds', 3) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
