import { readFileSync } from 'node:fs';
import type { InputText } from './read-input.js';
import type { DataPath, ParsedDocument, Position } from './yaml-document.js';

// The bundled matrices and records, loaded at build time (scripts/build-bundled.mjs) into
// dist/bundled/, so that `summit-score evaluate` on the bundled default neither loads the YAML
// parser nor checks the same files again at every start. Found by the SHA-256 of the input's
// bytes, so a changed file is never mistaken for its bundled version (and an identical copy
// elsewhere is served too); the file name it was loaded under is put back in every location.
// Matrices that extend another are left out: what they load to depends on another file.
//
// Every bundled file is also stored as a parsed document (its data, and the position of every
// value and key as the YAML reader gives it), for the commands that check a file rather than
// load it (`validate`, `test`): they run every check as for any file, without parsing YAML.

/**
 * Stands for the input's file name in the stored files.
 * @public scripts/build-bundled.mjs reads this, and the two below, from dist/.
 */
export const FILE_PLACEHOLDER = '@@summit-score-input-file@@';
const STORE = new URL('../bundled/', import.meta.url);

type PrecompiledKind = 'matrix' | 'record' | 'document';

/**
 * The stored file for an input of this kind and hash.
 * @public
 */
export function precompiledName(kind: PrecompiledKind, sha256: string): string {
  return `${kind}-${sha256}.json`;
}

function stored(kind: PrecompiledKind, sha256: string, store: URL): string | undefined {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  try {
    return readFileSync(new URL(precompiledName(kind, sha256), store), 'utf8');
  } catch {
    return undefined;
  }
}

/** What loading `input` gives, when the build stored it; undefined otherwise (and always when run from src/). */
export function precompiledInput<T>(kind: 'matrix' | 'record', input: InputText, store: URL = STORE): T | undefined {
  const text = stored(kind, input.sha256, store);
  return text === undefined ? undefined : (JSON.parse(text.replaceAll(JSON.stringify(FILE_PLACEHOLDER), JSON.stringify(input.file))) as T);
}

/** A parsed document as stored: the data, and [line, col] by path (pathKey) for every value and every key. */
interface StoredDocument {
  readonly data: unknown;
  readonly values: Record<string, readonly [number, number]>;
  readonly keys: Record<string, readonly [number, number]>;
}

/**
 * How a path is named in a StoredDocument.
 * @public
 */
export function pathKey(path: DataPath): string {
  return JSON.stringify(path.map(String));
}

/** The parsed document of `input`, when the build stored it (undefined otherwise): what the YAML reader gives. */
export function precompiledDocument(input: InputText, store: URL = STORE): ParsedDocument | undefined {
  const text = stored('document', input.sha256, store);
  if (text === undefined) return undefined;
  const { data, values, keys } = JSON.parse(text) as StoredDocument;
  const position = ([line, col]: readonly [number, number]): Position => ({ line, col });
  return {
    file: input.file,
    data,
    locate(path, options) {
      const key = options?.key ? keys[pathKey(path)] : undefined;
      if (key) return position(key);
      // The nearest ancestor that is there, as the YAML reader answers for a path that is not.
      for (let length = path.length; length >= 0; length--) {
        const found = values[pathKey(path.slice(0, length))];
        if (found) return position(found);
      }
      return { line: 1, col: 1 };
    },
  };
}
