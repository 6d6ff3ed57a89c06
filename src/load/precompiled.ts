import { readFileSync } from 'node:fs';
import type { InputText } from './read-input.js';

// The bundled matrices and records, loaded at build time (scripts/build-bundled.mjs) into
// dist/bundled/, so that `summit-score evaluate` on the bundled default neither loads the YAML
// parser nor checks the same files again at every start. Found by the SHA-256 of the input's
// bytes, so a changed file is never mistaken for its bundled version (and an identical copy
// elsewhere is served too); the file name it was loaded under is put back in every location.
// Matrices that extend another are left out: what they load to depends on another file.

/** Stands for the input's file name in the stored files. */
export const FILE_PLACEHOLDER = '@@summit-score-input-file@@';
const STORE = new URL('../bundled/', import.meta.url);

export type PrecompiledKind = 'matrix' | 'record';

/** The stored file for an input of this kind and hash. */
export function precompiledName(kind: PrecompiledKind, sha256: string): string {
  return `${kind}-${sha256}.json`;
}

/** What loading `input` gives, when the build stored it; undefined otherwise (and always when run from src/). */
export function precompiledInput<T>(kind: PrecompiledKind, input: InputText, store: URL = STORE): T | undefined {
  if (!/^[0-9a-f]{64}$/.test(input.sha256)) return undefined;
  let text: string;
  try {
    text = readFileSync(new URL(precompiledName(kind, input.sha256), store), 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text.replaceAll(JSON.stringify(FILE_PLACEHOLDER), JSON.stringify(input.file))) as T;
}
