import type { SchemaName } from '../schema/validate.js';

/** What a data file is: a matrix, a record, the golden tests of a matrix (`<matrix>.tests.yaml`), or a bibliography. */
export type FileKind = SchemaName;

const MODELINE = /^#\s*yaml-language-server:\s*\$schema=\S*?\b(matrix|record|tests|bibliography)\.schema\.json\s*$/m;
const TESTS_FILE = /\.tests\.(ya?ml|json)$/i;

/**
 * Tells a file's kind by its content: the schema its editor modeline names, else its keys
 * (`criteria` for a matrix, `events` for a record, `tests` alone for a tests file), else keys
 * that only one kind has. A bibliography (a list of `sources` alone) is told by its modeline or by
 * entries with `supports`. Undefined when nothing tells.
 */
export function detectKind(file: string, text: string, data: unknown): FileKind | undefined {
  const modeline = MODELINE.exec(text.slice(0, 2000));
  if (modeline) return modeline[1] as FileKind;
  const keys = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
  if (keys.includes('criteria')) return 'matrix';
  if (keys.includes('events')) return 'record';
  if (TESTS_FILE.test(file) || (keys.length > 0 && keys.every((key) => key === 'tests'))) return 'tests';
  // Only a matrix extends another, and a set of changes to one need not repeat its criteria.
  if (keys.includes('extends') || keys.includes('verdicts') || keys.includes('aggregation')) return 'matrix';
  if (keys.includes('parties')) return 'record';
  if (keys.length === 1 && keys[0] === 'sources' && isBibliographyList((data as { sources: unknown }).sources)) return 'bibliography';
  return undefined;
}

function isBibliographyList(list: unknown): boolean {
  return Array.isArray(list) && list.length > 0 && list.every((entry) => entry !== null && typeof entry === 'object' && 'supports' in entry);
}

/** The matrix a tests file belongs to: `lewis.tests.yaml` beside `lewis.yaml`; candidates in order. */
export function matrixFilesFor(testsFile: string): string[] {
  const stem = testsFile.replace(TESTS_FILE, '');
  return ['.yaml', '.yml', '.json'].map((extension) => `${stem}${extension}`);
}

/** The tests file that may stand beside a matrix: `lewis.yaml` -> `lewis.tests.yaml`, and so on. */
export function testsFilesFor(matrixFile: string): string[] {
  const stem = matrixFile.replace(/\.(ya?ml|json)$/i, '');
  return ['.yaml', '.yml', '.json'].map((extension) => `${stem}.tests${extension}`);
}

export function isTestsFile(file: string): boolean {
  return TESTS_FILE.test(file);
}
