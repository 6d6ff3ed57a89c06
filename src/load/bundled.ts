import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inputError } from '../diagnostics.js';
import { FIXTURES_DIR, MATRICES_DIR } from '../package-info.js';
import { didYouMean } from '../suggest.js';

export const DEFAULT_MATRIX = 'lewis-2015';
export const DEFAULT_RECORD = 'us-china-2015-09';

export type BundledKind = 'matrix' | 'record';

const DIRS: Record<BundledKind, string> = { matrix: MATRICES_DIR, record: FIXTURES_DIR };
const BUNDLED_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The file name of the bibliography the bundled records cite by key. */
const BUNDLED_BIBLIOGRAPHY = 'sources.yaml';

/** Whether a file of matrices/ or fixtures/ is a bundled matrix or record. */
export function isBundledFile(kind: BundledKind, name: string): boolean {
  if (!name.endsWith('.yaml')) return false;
  return kind === 'matrix' ? !name.endsWith('.tests.yaml') : name !== BUNDLED_BIBLIOGRAPHY;
}

/**
 * The bundled matrices and records by id: the YAML files of matrices/ and fixtures/, less the
 * golden tests beside a matrix (`<id>.tests.yaml`) and the bibliography the records cite
 * (fixtures/sources.yaml), which are neither.
 */
export function bundledIds(kind: BundledKind): string[] {
  return readdirSync(DIRS[kind])
    .filter((name) => isBundledFile(kind, name))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/**
 * The bundled matrix or record an argument names, if it names one. A bundled id has no path
 * separator and no extension, and it always means the bundled file, even when a file of that name
 * lies in the working folder: a local `lewis-2015` must not stand in for the bundled matrix while
 * the output names the bundled one. Name such a local file as `./lewis-2015`.
 */
export function bundledFile(kind: BundledKind, argument: string): string | undefined {
  if (!BUNDLED_ID.test(argument)) return undefined;
  const bundled = join(DIRS[kind], `${argument}.yaml`);
  return existsSync(bundled) ? `bundled:${argument}` : undefined;
}

/** Bundled inputs are named `bundled:lewis-2015` in output: the same on every machine, in any folder. */
const BUNDLED_NAME = /^bundled:([a-z0-9][a-z0-9-]*)$/;

/** The file a `bundled:ID` name stands for; undefined for any other name. */
export function bundledPath(name: string): string | undefined {
  const id = BUNDLED_NAME.exec(name)?.[1];
  if (id === undefined) return undefined;
  return (['matrix', 'record'] as const).map((kind) => join(DIRS[kind], `${id}.yaml`)).find((file) => existsSync(file));
}

/**
 * The bundled matrix or record with that id (see bundledFile); otherwise a path as given when it
 * names a file (or stdin). An argument that is neither is an error that lists what is bundled.
 */
export function resolveInput(kind: BundledKind, argument: string): string {
  if (argument === '-' || bundledPath(argument) !== undefined) return argument;
  const bundled = bundledFile(kind, argument);
  if (bundled !== undefined) return bundled;
  if (existsSync(argument)) return argument;
  if (BUNDLED_ID.test(argument)) {
    const ids = bundledIds(kind);
    throw inputError(
      'FILE_NOT_FOUND',
      argument,
      `no such file, and no bundled ${kind} with that id`,
      didYouMean(argument, ids) ?? `bundled: ${ids.join(', ')}`,
    );
  }
  throw inputError('FILE_NOT_FOUND', argument, 'no such file');
}
