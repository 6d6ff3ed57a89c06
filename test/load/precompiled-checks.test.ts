// `validate` answered from the build (src/load/precompiled-checks.ts), with stores this test
// writes: the verdicts hold only while every file of the package's matrices/ and fixtures/ has
// the bytes they were made for, and a verdict is given only for a file of those folders named by
// its own path, read as any input is.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, MATRICES_DIR } from '../../src/package-info.js';
import { cleanFiles, packageFiles, storedCheck, type CleanFiles } from '../../src/load/precompiled-checks.js';
import { filesOnly, PACKAGE_FILES } from '../../src/load/read-input.js';

const ROOT = realpathSync(join(MATRICES_DIR, '..'));
const MATRIX = 'matrices/lewis-2015.yaml';
const RECORD = 'fixtures/us-china-2015-09.yaml';

/** The package's two folders walked here, independently of packageFiles: path from the root → sha256. */
function expectedFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of [MATRICES_DIR, FIXTURES_DIR].map((dir) => realpathSync(dir))) {
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      const path = join(folder, name);
      if (statSync(path).isFile()) files[relative(ROOT, path).split(sep).join('/')] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  }
  return files;
}

let folder: string;

function storeOf(contents: unknown): URL {
  const path = join(folder, `checks-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof contents === 'string' ? contents : JSON.stringify(contents));
  return pathToFileURL(path);
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'precompiled-checks-'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('packageFiles', () => {
  it("lists every file of the package's matrices/ and fixtures/, with the SHA-256 of its bytes", () => {
    const files = packageFiles();
    const expected = expectedFiles();
    expect(files).toEqual(expected);
    expect(Object.keys(expected)).toContain(MATRIX);
    expect(Object.keys(expected).some((name) => name.startsWith('fixtures/coders/'))).toBe(true);
  });
});

describe('cleanFiles', () => {
  it('gives the stored verdicts, with the package root, while the files are as stored', () => {
    const files = expectedFiles();
    const verdicts = cleanFiles(storeOf({ files, clean: { [MATRIX]: 'matrix' } }));
    expect(verdicts).toEqual({ root: ROOT, clean: { [MATRIX]: 'matrix' }, files });
  });

  it('gives none when one file has other bytes, one more is stored, or one is missing', () => {
    const files = expectedFiles();
    const changed = { ...files, [MATRIX]: '0'.repeat(64) };
    const more = { ...files, 'matrices/gone.yaml': '0'.repeat(64) };
    const { [RECORD]: _left, ...fewer } = files;
    for (const stored of [changed, more, fewer]) expect(cleanFiles(storeOf({ files: stored, clean: {} }))).toBeUndefined();
  });

  it('gives none when there is no store, or it is not JSON', () => {
    expect(cleanFiles(pathToFileURL(join(folder, 'absent.json')))).toBeUndefined();
    expect(cleanFiles(storeOf('{"files":'))).toBeUndefined();
  });

  it('gives none from src/, where the build has stored nothing', () => {
    expect(cleanFiles()).toBeUndefined();
  });
});

describe('storedCheck', () => {
  const clean = (): CleanFiles => ({ root: ROOT, clean: { [MATRIX]: 'matrix', [RECORD]: 'record' }, files: expectedFiles() });
  const at = (name: string) => ({ path: join(ROOT, name), explicit: true });

  it('gives a clean check of the stored kind for a clean package file', () => {
    const path = join(ROOT, RECORD);
    expect(storedCheck({ path, explicit: false }, clean, PACKAGE_FILES)).toEqual({ file: path, kind: 'record', skipped: false, diagnostics: [] });
  });

  it('keeps the path as it was named', () => {
    const named = relative(process.cwd(), join(ROOT, MATRIX));
    expect(storedCheck({ path: named, explicit: true }, clean, PACKAGE_FILES)?.file).toBe(named);
  });

  it('gives none for a package file the build did not find clean, or whose bytes are not those of the verdict', () => {
    expect(storedCheck(at('matrices/critics-2015.yaml'), clean, PACKAGE_FILES)).toBeUndefined();
    const stale = (): CleanFiles => ({ ...clean(), files: { ...expectedFiles(), [MATRIX]: '0'.repeat(64) } });
    expect(storedCheck(at(MATRIX), stale, PACKAGE_FILES)).toBeUndefined();
  });

  it('gives none for a package file too large to read under the run limit: the check refuses it', () => {
    expect(storedCheck(at(MATRIX), clean, filesOnly(16))).toBeUndefined();
  });

  it('does not ask for the verdicts for stdin or a file outside the package folders, and gives none', () => {
    const outside = join(folder, 'lewis-2015.yaml');
    writeFileSync(outside, readFileSync(join(ROOT, MATRIX)));
    const asked: string[] = [];
    const verdicts = () => {
      asked.push('asked');
      return clean();
    };
    expect(storedCheck({ path: '-', explicit: true }, verdicts, PACKAGE_FILES)).toBeUndefined();
    expect(storedCheck({ path: outside, explicit: true }, verdicts, PACKAGE_FILES)).toBeUndefined();
    expect(storedCheck({ path: join(ROOT, 'package.json'), explicit: true }, verdicts, PACKAGE_FILES)).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('gives none when the verdicts do not hold', () => {
    expect(storedCheck(at(MATRIX), () => undefined, PACKAGE_FILES)).toBeUndefined();
  });

  it('gives none for a package file named through a symlink, or a file that is not there', () => {
    const link = join(folder, 'link.yaml');
    symlinkSync(join(ROOT, MATRIX), link);
    expect(storedCheck({ path: link, explicit: true }, clean, PACKAGE_FILES)).toBeUndefined();
    expect(storedCheck(at('matrices/absent.yaml'), clean, PACKAGE_FILES)).toBeUndefined();
  });
});
