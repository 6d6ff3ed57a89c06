import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { FIXTURES_DIR, MATRICES_DIR } from '../package-info.js';
import type { FileCheck } from './check-file.js';
import type { FileKind } from './detect-kind.js';
import type { FoundFile } from './expand-paths.js';
import { InputError } from '../diagnostics.js';
import { readInputFile, type InputReader } from './read-input.js';

// `validate` of the bundled files, answered from the build: scripts/build-bundled.mjs runs every
// check on every file of the package's matrices/ and fixtures/ and stores which came out clean (no
// error, no warning), with the SHA-256 of every file in those two folders. A check reads other
// files than the one checked (a matrix's base, a tests file's matrix, a record's bibliography),
// and the build stores no verdict for a file whose check read anything outside those folders; so
// while every file there is as it was built, a clean file is clean again, and only its kind is
// needed. Any difference (a file edited, added or removed, a symlink) and every file is checked.

/** What the build stored: the package's files (`matrices/x.yaml` → sha256) and the clean ones (→ kind). */
interface StoredChecks {
  readonly files: Readonly<Record<string, string>>;
  readonly clean: Readonly<Record<string, FileKind>>;
}

/** Verdicts that hold for this run: the package's folders are as the build left them. */
export interface CleanFiles {
  readonly root: string;
  readonly clean: Readonly<Record<string, FileKind>>;
  readonly files: Readonly<Record<string, string>>;
}

const STORE = new URL('../bundled/checks.json', import.meta.url);

/**
 * Every file below the package's matrices/ and fixtures/ with its sha256, keyed by its path from
 * the package root with `/`; undefined when anything there is neither a file nor a folder.
 * @public scripts/build-bundled.mjs stores this.
 */
export function packageFiles(root: string = realpathSync(join(MATRICES_DIR, '..'))): Record<string, string> | undefined {
  const files: Record<string, string> = {};
  const walk = (dir: string): boolean => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const name = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!walk(name)) return false;
      } else if (entry.isFile()) {
        files[name] = createHash('sha256')
          .update(readFileSync(join(root, name)))
          .digest('hex');
      } else return false;
    }
    return true;
  };
  for (const folder of [MATRICES_DIR, FIXTURES_DIR]) {
    const dir = relative(root, realpathSync(folder)).split(sep).join('/');
    if (!walk(dir)) return undefined;
  }
  return files;
}

/** The stored verdicts, when the build stored them and the package's files are the ones they were made for. */
export function cleanFiles(store: URL = STORE): CleanFiles | undefined {
  let stored: StoredChecks;
  let root: string;
  try {
    stored = JSON.parse(readFileSync(store, 'utf8')) as StoredChecks;
    root = realpathSync(join(MATRICES_DIR, '..'));
  } catch {
    return undefined;
  }
  const now = packageFiles(root);
  if (now === undefined) return undefined;
  const names = Object.keys(now);
  if (names.length !== Object.keys(stored.files).length || names.some((name) => stored.files[name] !== now[name])) return undefined;
  return { root, clean: stored.clean, files: now };
}

/**
 * The check of a package file the build found clean: read as any input (so that no output of the
 * run may replace it, and a file too large is still refused), and of the bytes the verdict is for.
 * Undefined for any other file, or the same file under another name (a symlink): check it.
 * `verdicts` is asked only for a file of the package's folders.
 */
export function storedCheck(found: FoundFile, verdicts: () => CleanFiles | undefined, reader: InputReader): FileCheck | undefined {
  if (found.path === '-') return undefined;
  let real: string;
  try {
    real = realpathSync(found.path);
    if (join(realpathSync(dirname(found.path)), basename(found.path)) !== real) return undefined;
  } catch {
    return undefined;
  }
  const stored = packageFolders().some((folder) => real.startsWith(folder)) ? verdicts() : undefined;
  if (stored === undefined) return undefined;
  const name = relative(stored.root, real).split(sep).join('/');
  const kind = Object.hasOwn(stored.clean, name) ? stored.clean[name] : undefined;
  if (kind === undefined) return undefined;
  try {
    if (readInputFile(found.path, reader).sha256 !== stored.files[name]) return undefined;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
  return { file: found.path, kind, skipped: false, diagnostics: [] };
}

/** The package's matrices/ and fixtures/, as real paths ending in the separator. */
function packageFolders(): string[] {
  try {
    return [MATRICES_DIR, FIXTURES_DIR].map((folder) => join(realpathSync(folder), sep));
  } catch {
    return [];
  }
}
