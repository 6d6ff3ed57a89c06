// Writes V8's code cache of the command's bundle (bin/load-command.cjs reads it): compiles the
// bundle as the command does, runs the command line given (output dropped, in the package's
// folder), then asks V8 for the cache, which now holds every function that run compiled.
// Run by scripts/build-cli.mjs in a Node of its own, with no V8 flags.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const { compileCommand, codeCacheFile } = createRequire(import.meta.url)('../bin/load-command.cjs');
const { exports, script } = compileCommand(undefined);
const silent = { stdout() {}, stderr() {}, readStdin: () => Buffer.alloc(0), isTTY: false, env: {} };
const argv = process.argv.slice(2);
const code = await exports.main(argv, silent);
if (code !== 0) throw new Error(`write-code-cache: \`summit-score ${argv.join(' ')}\` exited with ${code}`);
writeFileSync(codeCacheFile(), script.createCachedData());
