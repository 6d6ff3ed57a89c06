#!/usr/bin/env node
// The command's own modules, bundled into a few files at build time (scripts/build-cli.mjs says why).
import { main } from '../dist/cli-bundle/cli.js';
import { processIo } from '../dist/cli-bundle/io.js';

try {
  process.exitCode = await main(process.argv.slice(2), processIo());
} catch (error) {
  process.stderr.write(`summit-score: internal error, please report it:\n${error?.stack ?? error}\n`);
  process.exitCode = 2;
}
