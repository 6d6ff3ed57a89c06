// Bundles the command's own modules (dist/cli.js, dist/io.js and what they import from dist/)
// into one CommonJS file, dist/cli-bundle/cli.cjs, and writes beside it V8's code cache of that
// file after a run of `summit-score evaluate`, which bin/load-command.cjs hands back to V8.
//
// Why: Node reads, resolves and links each ES module on its own, and `evaluate` loaded some
// eighty of ours; bundled as 28 ES chunks, compiling and linking them still cost as much again
// as starting Node. Node 20 has no compile cache for ES modules, but V8's code cache works for a
// classic script (vm.Script's cachedData): with it, V8 deserialises the bytecode of the functions
// the run needed instead of parsing and compiling them. One file holds every command: esbuild
// wraps each module in a function run on its first import, so a command's modules still run only
// when it does, and V8 compiles a function only when it is first called.
//
// The packages every run of a command needs (the argument parser, colour, tables, globs, and what
// they import) go into the bundle too: installed, they were some forty more files, each with a
// package.json to find and read. Their licences are copied next to the bundle
// (THIRD-PARTY-LICENSES.md). Other packages stay outside, loaded from node_modules when a command
// needs them (yaml and ajv's runtime by createRequire, vega for charts). The library
// (dist/index.js) is not bundled. Run by `npm run build` after tsc.
//
// The bundle is the same bytes at every build; the code cache is not (V8 does not promise it),
// and it only serves the Node.js that wrote it: its name carries that Node's version, and any
// other Node (or the same one with other V8 flags, which V8 checks itself) compiles the bundle.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/cli-bundle`;

/** Imported by our modules and bundled, with the packages they import. */
const BUNDLED = ['commander', 'chalk', 'cli-table3', 'minimatch'];
/** Imported by a bundled package only on a path we never take: cli-table3's own cell styles (we pass none). */
const NEVER_LOADED = ['@colors/colors'];

const packageName = (specifier) => specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');

/** Our modules' packages stay in node_modules unless listed in BUNDLED; a bundled package's own imports are bundled with it. */
const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      if (path.startsWith('node:')) return { path, external: true };
      const name = packageName(path);
      if (NEVER_LOADED.includes(name)) return { path, external: true };
      const fromPackage = importer.includes('/node_modules/');
      return fromPackage || BUNDLED.includes(name) ? undefined : { path, external: true };
    });
  },
};

/**
 * commander requires node:child_process when it loads, for the executable subcommands it can
 * spawn, which we never declare (about 9M instructions, 2% of a start): its `spawn` is handed a
 * stand-in that requires the module on first use, so that path still works if it is ever taken.
 */
const childProcessOnUse = {
  name: 'child-process-on-use',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, ({ path, importer }) =>
      importer.includes('/node_modules/commander/') ? { path, namespace: 'child-process-on-use' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'child-process-on-use' }, () => ({
      contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);\n",
      loader: 'js',
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const { metafile, outputFiles } = await build({
  absWorkingDir: root,
  stdin: {
    contents: "export { main } from './dist/cli.js';\nexport { processIo } from './dist/io.js';\n",
    resolveDir: root,
    sourcefile: 'command-entry.js',
  },
  outfile: `${outdir}/cli.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [childProcessOnUse, packagesOutside],
  // Our modules find files next to themselves (src/package-info.ts): the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  // A dynamic import() in a script compiled by vm.Script needs a callback that Node 20 gives
  // only under --experimental-vm-modules (and loses with the code cache): the bundle's import()s
  // of the packages left outside (the chart packages, ES modules) go through a plain CommonJS
  // file beside it, loaded by Node's own require(), where import() is Node's.
  banner: {
    js: [
      "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;",
      "const __importModule = (specifier) => require('./import-module.cjs')(specifier);",
    ].join('\n'),
  },
  // Kept readable: an internal error's stack names our functions. (Minified, the run with the
  // code cache took 0.3% fewer instructions: V8 skips the parse either way.)
  legalComments: 'none',
  metafile: true,
  write: false,
  logLevel: 'warning',
});
const [output] = outputFiles;
const dynamicImports = metafile.outputs[relative(root, output.path)].imports.filter((entry) => entry.kind === 'dynamic-import');
if (dynamicImports.some((entry) => !entry.external)) throw new Error('build-cli: a dynamic import of our own modules was left unbundled');
let rewritten = 0;
const bundle = output.text.replace(/\bimport\((?="[^"]+"\))/g, () => (rewritten++, '__importModule('));
if (rewritten !== dynamicImports.length) throw new Error(`build-cli: ${dynamicImports.length} dynamic imports, but ${rewritten} import( calls found`);
mkdirSync(outdir, { recursive: true });
writeFileSync(output.path, bundle);
writeFileSync(
  `${outdir}/import-module.cjs`,
  "'use strict';\n// The bundle's import() of a package (scripts/build-cli.mjs says why it is here).\nmodule.exports = (specifier) => import(specifier);\n",
);

// Every package whose files went into the bundle, with its licence text, as each ships it.
const bundledPackages = new Map();
for (const input of Object.keys(metafile.inputs)) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) bundledPackages.set(match[1], `${root}node_modules/${match[1]}`);
}
const missing = BUNDLED.filter((name) => !bundledPackages.has(name));
if (missing.length) throw new Error(`build-cli: ${missing.join(', ')} listed in BUNDLED but not imported by the command`);
const sections = [...bundledPackages]
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([name, dir]) => {
    const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
    const licenceFile = readdirSync(dir).find((file) => /^(licen[cs]e|copying)/i.test(file));
    if (!licenceFile) throw new Error(`build-cli: ${name} ships no licence file; it cannot be bundled`);
    return `## ${name} ${manifest.version} (${manifest.license})\n\n\`\`\`text\n${readFileSync(`${dir}/${licenceFile}`, 'utf8').trim()}\n\`\`\`\n`;
  });
writeFileSync(
  `${outdir}/THIRD-PARTY-LICENSES.md`,
  `# Packages bundled into dist/cli-bundle/\n\nBuilt by scripts/build-cli.mjs. Each package's licence, as it ships it:\n\n${sections.join('\n')}`,
);

// The code cache, written by a Node of its own with no NODE_OPTIONS: V8 rejects a cache made
// under other flags, and the command runs with none. The run is the bundled default `evaluate`,
// the one run to start fast; other commands find in it what they share with it and compile the
// rest (a cache warmed by validate and test too made `evaluate` 1% slower).
const env = { ...process.env };
delete env.NODE_OPTIONS;
execFileSync(process.execPath, [fileURLToPath(new URL('write-code-cache.mjs', import.meta.url)), 'evaluate'], { cwd: root, env, stdio: 'inherit' });
console.log(`bundled the command, with ${bundledPackages.size} packages, into dist/cli-bundle/, and its code cache for Node.js ${process.version}`);
