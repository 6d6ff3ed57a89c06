import { readFileSync } from 'node:fs';

// The schemas are read as files, not imported as JSON modules (import attributes throw on Node
// 20.0-20.9). They ship in src/schema/, the path the bundled files' editor modelines name, and
// src/schema/ and dist/schema/ both sit two levels below the package root.
export const SCHEMA_DIR = new URL('../../src/schema/', import.meta.url);

/** The JSON Schema in src/schema/NAME.schema.json. */
export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.schema.json`, SCHEMA_DIR), 'utf8')) as Record<string, unknown>;
}
