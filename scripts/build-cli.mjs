// Bundles the command's own modules (dist/cli.js, dist/io.js and what they import from dist/)
// into dist/cli-bundle/, one file per entry plus shared chunks and one chunk per command, which
// cli.ts still imports lazily. Node loads each ES module with a file read, a resolution and a
// link step, about half a millisecond apiece, and `summit-score evaluate` loaded some eighty:
// as much as starting Node itself. Packages stay outside (node_modules is read as installed);
// the library (dist/index.js) is not bundled. Run by `npm run build` after tsc.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/cli-bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/cli.js', io: 'dist/io.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // Deterministic names and contents: the same build gives the same files on any machine.
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('bundled the command into dist/cli-bundle/');
