// Time to render each HTML report of docs/formats.md (in process, after one warm-up run), so the
// chart formats' cost is printed with the rest of the bench. Run: npm run build && node bench/html.mjs
import { main } from '../dist/cli.js';

const REPORTS = {
  'evaluate (bundled default)': ['evaluate'],
  'compare (four U.S.-China summits)': ['compare', '-m', 'lewis-2015', 'us-china-2013-06', 'us-china-2015-09', 'us-china-2017-04', 'us-china-2023-11'],
  'timeline (us-china-2015-09)': ['timeline', '-m', 'lewis-2015', 'us-china-2015-09'],
  'compliance grid (g20-compliance)': ['evaluate', 'us-china-2015-09', '-m', 'g20-compliance'],
  'sensitivity (two cases)': ['sensitivity', '-m', 'lewis-2015', 'us-china-2015-09', 'us-china-2013-06'],
};
const ROUNDS = 5;

async function render(argv) {
  let bytes = 0;
  const io = {
    stdout: (text) => void (bytes += Buffer.byteLength(text)),
    stderr: () => {},
    readStdin: () => Buffer.alloc(0),
    isTTY: false,
    stderrIsTTY: false,
    env: {},
  };
  const code = await main([...argv, '-f', 'html'], io);
  if (code !== 0) throw new Error(`${argv.join(' ')} exited ${code}`);
  return bytes;
}

const rows = [];
for (const [name, argv] of Object.entries(REPORTS)) {
  await render(argv);
  const times = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    bytes = await render(argv);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  rows.push({ name, median: times[Math.floor(ROUNDS / 2)], min: times[0], max: times[ROUNDS - 1], bytes });
}
console.log(`HTML reports (-f html), ${ROUNDS} rounds after a warm-up, ms: median (min-max), size`);
for (const row of rows)
  console.log(
    `  ${row.name.padEnd(36)} ${row.median.toFixed(0).padStart(5)} (${row.min.toFixed(0)}-${row.max.toFixed(0)})  ${(row.bytes / 1024).toFixed(0)} KiB`,
  );
