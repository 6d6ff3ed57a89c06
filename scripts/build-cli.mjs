// Bundles the command's own modules (dist/cli.js, dist/io.js and what they import from dist/)
// into dist/cli-bundle/, one file per entry plus shared chunks and one chunk per command, which
// cli.ts still imports lazily. Node loads each ES module with a file read, a resolution and a
// link step, about half a millisecond apiece, and `summit-score evaluate` loaded some eighty:
// as much as starting Node itself. The packages every run of a command needs (the argument
// parser, colour, tables, globs, and what they import) go into the bundle too: installed, they
// were some forty more files, each with a package.json to find and read. Their licences are
// copied next to the bundle (THIRD-PARTY-LICENSES.md). Other packages stay outside, loaded from
// node_modules when a command needs them (yaml and ajv's runtime by createRequire, vega for
// charts). The library (dist/index.js) is not bundled. Run by `npm run build` after tsc.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

rmSync(outdir, { recursive: true, force: true });
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/cli.js', io: 'dist/io.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [packagesOutside],
  // commander and cli-table3 are CommonJS: their require() of Node's modules (and of the one
  // package left outside) needs a require in an ES module.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Deterministic names and contents: the same build gives the same files on any machine.
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

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
console.log(`bundled the command, with ${bundledPackages.size} packages, into dist/cli-bundle/`);
