import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/ and dist/ both sit one level below the package root.
const root = new URL('../', import.meta.url);

export const MATRICES_DIR = fileURLToPath(new URL('matrices/', root));
export const FIXTURES_DIR = fileURLToPath(new URL('fixtures/', root));

const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { name: string; version: string };
export const TOOL = { name: manifest.name, version: manifest.version } as const;
