// Loads the bundled matrices and records at build time and stores what they load to in
// dist/bundled/ (see src/load/precompiled.ts), so that scoring the bundled default does not parse
// and check the same YAML at every start. Run by `npm run build` after tsc; uses the built
// loaders, so the stored result is exactly what loading gives (test/perf/precompiled.test.ts
// compares them). Matrices that extend another are not stored.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const dist = (path) => import(new URL(`dist/${path}`, root).href);
const { loadMatrix } = await dist('load/load-matrix.js');
const { loadRecord } = await dist('load/load-record.js');
const { FILE_PLACEHOLDER, precompiledName } = await dist('load/precompiled.js');
const { isBundledFile } = await dist('load/bundled.js');

const store = fileURLToPath(new URL('dist/bundled/', root));
// Emptied first: the loaders would otherwise find the stored files and hand them back.
rmSync(store, { recursive: true, force: true });
const results = [];
for (const [kind, folder, load] of [['matrix', 'matrices', loadMatrix], ['record', 'fixtures', loadRecord]]) {
  for (const name of readdirSync(new URL(`${folder}/`, root)).filter((n) => isBundledFile(kind, n)).sort()) {
    const bytes = readFileSync(new URL(`${folder}/${name}`, root));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const loaded = load({ file: FILE_PLACEHOLDER, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), sha256 });
    if (loaded.extends) continue;
    results.push([precompiledName(kind, sha256), `${JSON.stringify(loaded)}\n`]);
  }
}
mkdirSync(store, { recursive: true });
for (const [name, text] of results) writeFileSync(`${store}${name}`, text);
console.log(`stored ${results.length} bundled matrices and records, loaded, in dist/bundled/`);
