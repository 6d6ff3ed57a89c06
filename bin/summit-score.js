#!/usr/bin/env node
import { main } from '../dist/cli.js';
import { processIo } from '../dist/io.js';

try {
  process.exitCode = await main(process.argv.slice(2), processIo());
} catch (error) {
  process.stderr.write(`summit-score: internal error, please report it:\n${error?.stack ?? error}\n`);
  process.exitCode = 2;
}
