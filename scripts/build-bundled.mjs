// Loads the bundled matrices and records at build time and stores what they load to in
// dist/bundled/ (see src/load/precompiled.ts), so that scoring the bundled default does not parse
// and check the same YAML at every start; and stores each as a parsed document (data and
// positions), so that validating or testing them does not parse YAML either. Run by `npm run
// build` after tsc; uses the built loaders, so the stored result is exactly what loading gives
// (test/built/perf/precompiled.test.ts compares them). Matrices that extend another are not stored as
// loaded (what they load to depends on another file), only as documents. Last, it runs validate's
// checks on every file of matrices/ and fixtures/ and stores which are clean, with the hash of every
// file there (dist/bundled/checks.json, read by src/load/precompiled-checks.ts).
import { createHash } from 'node:crypto';
import fs, { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const dist = (path) => import(new URL(`dist/${path}`, root).href);
const { loadMatrix } = await dist('load/load-matrix.js');
const { loadRecord } = await dist('load/load-record.js');
const { FILE_PLACEHOLDER, pathKey, precompiledName } = await dist('load/precompiled.js');
const { isBundledFile } = await dist('load/bundled.js');
const { parseYamlDocument } = await dist('load/yaml-document.js');

/** The data, and the YAML reader's position of every value and key in it. */
function storedDocument(doc) {
  const values = {};
  const keys = {};
  const walk = (value, path) => {
    const at = doc.locate(path);
    values[pathKey(path)] = [at.line, at.col];
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, Array.isArray(value) ? Number(key) : key];
      if (!Array.isArray(value)) {
        const keyAt = doc.locate(childPath, { key: true });
        keys[pathKey(childPath)] = [keyAt.line, keyAt.col];
      }
      walk(child, childPath);
    }
  };
  walk(doc.data, []);
  return { data: doc.data, values, keys };
}

const store = fileURLToPath(new URL('dist/bundled/', root));
// Emptied first: the loaders would otherwise find the stored files and hand them back.
rmSync(store, { recursive: true, force: true });
const results = [];
for (const [kind, folder, load] of [
  ['matrix', 'matrices', loadMatrix],
  ['record', 'fixtures', loadRecord],
]) {
  // Every YAML file below the folder as a document (validate walks sub-folders: fixtures/coders/);
  // the bundled ones (at the top) loaded as well.
  const names = readdirSync(new URL(`${folder}/`, root), { recursive: true })
    .filter((n) => n.endsWith('.yaml'))
    .sort();
  for (const name of names) {
    const bytes = readFileSync(new URL(`${folder}/${name}`, root));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const doc = parseYamlDocument(FILE_PLACEHOLDER, text);
    if (Array.isArray(doc)) throw new Error(`${folder}/${name} does not parse: ${doc[0].message}`);
    results.push([precompiledName('document', sha256), `${JSON.stringify(storedDocument(doc))}\n`]);
    if (name.includes('/') || !isBundledFile(kind, name)) continue;
    const loaded = load({ file: FILE_PLACEHOLDER, text, sha256 });
    if (loaded.extends) continue;
    results.push([precompiledName(kind, sha256), `${JSON.stringify(loaded)}\n`]);
  }
}
mkdirSync(store, { recursive: true });
for (const [name, text] of results) writeFileSync(`${store}${name}`, text);

// Validate's verdicts, made with the documents above in place (as the installed tool reads them).
const { checkFile } = await dist('load/check-file.js');
const { expandPaths } = await dist('load/expand-paths.js');
const { packageFiles } = await dist('load/precompiled-checks.js');
const rootDir = fileURLToPath(root);
const files = packageFiles();
if (files === undefined) throw new Error('matrices/ or fixtures/ holds something neither a file nor a folder');
// Which paths a check reads or looks for: its verdict holds only while they are all in the two folders.
const touched = new Set();
for (const name of ['readFileSync', 'statSync', 'lstatSync', 'existsSync', 'openSync', 'readdirSync', 'realpathSync', 'accessSync']) {
  const original = fs[name];
  fs[name] = (path, ...rest) => {
    if (typeof path === 'string' || path instanceof URL) touched.add(resolve(path instanceof URL ? fileURLToPath(path) : path));
    return original(path, ...rest);
  };
}
syncBuiltinESMExports();
const inFolders = (path) => ['matrices', 'fixtures'].some((folder) => path.startsWith(`${rootDir}${folder}/`) || path === `${rootDir}${folder}`);
const ownFiles = (path) =>
  inFolders(path) || path.startsWith(`${rootDir}dist/`) || path.startsWith(`${rootDir}node_modules/`) || path === `${rootDir}package.json`;
const clean = {};
const found = expandPaths([`${rootDir}matrices`, `${rootDir}fixtures`]);
if (found.problems.length > 0) throw new Error(`build-bundled: ${found.problems[0].message}`);
for (const file of found.files) {
  touched.clear();
  const check = checkFile(file, () => Buffer.alloc(0));
  const readElsewhere = [...touched].filter((path) => !ownFiles(path));
  if (check.kind === undefined || check.skipped || check.diagnostics.length > 0 || readElsewhere.length > 0) continue;
  clean[file.path.slice(rootDir.length)] = check.kind;
}
writeFileSync(`${store}checks.json`, `${JSON.stringify({ files, clean })}\n`);
console.log(
  `stored ${results.length} bundled documents, matrices and records, loaded, in dist/bundled/, and ${Object.keys(clean).length} of ${found.files.length} files clean`,
);
