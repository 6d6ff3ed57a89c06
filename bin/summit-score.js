#!/usr/bin/env node
import { createRequire } from 'node:module';

// The version alone is answered here, as main() answers it, before the command's modules load:
// CI asks for it often, and it should cost no more than starting Node.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  // As processIo() does: a reader that has already gone (`| head -0`) is no error.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await run();
}

async function run() {
  // The command's own modules and the packages it always needs, bundled at build time (scripts/build-cli.mjs says why).
  const { main, processIo } = createRequire(import.meta.url)('./load-command.cjs').loadCommand();
  try {
    process.exitCode = await main(argv, processIo());
  } catch (error) {
    process.stderr.write(`summit-score: internal error, please report it:\n${error?.stack ?? error}\n`);
    process.exitCode = 2;
  }
}
