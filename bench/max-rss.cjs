// Preloaded (node --require) by bench/bench.mjs where GNU time is not installed: writes the
// process's peak resident set size, in KiB, to the file named by SUMMIT_BENCH_RSS as it exits.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.SUMMIT_BENCH_RSS;
  if (file) writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
