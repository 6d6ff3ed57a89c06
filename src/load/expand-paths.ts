import { readdirSync, statSync } from 'node:fs';
import { bundledPath } from './bundled.js';
import { join, relative, sep } from 'node:path';
import { braceExpand, Minimatch } from 'minimatch';
import { inputError, InputError, type Diagnostic } from '../diagnostics.js';
import { itemAt } from '../checked-index.js';

/** One input found from the command line. */
export interface FoundFile {
  readonly path: string;
  /** Named on the command line itself, rather than found in a folder or by a glob. */
  readonly explicit: boolean;
}

const DATA_EXTENSIONS = ['.yaml', '.yml', '.json', '.ndjson', '.jsonl'] as const;
const SKIPPED_FOLDERS = new Set(['node_modules']);
const GLOB_CHARS = /[*?[{]/;

/**
 * Turns arguments into files: a file as named, `-` for stdin, a folder as the YAML and JSON files
 * below it, and a glob (for shells that did not expand it) as the data files it matches. Folders
 * named node_modules or starting with a dot are not entered. An argument that names nothing is a
 * FILE_NOT_FOUND problem; the other arguments are still expanded.
 */
export function expandPaths(args: readonly string[]): { files: FoundFile[]; problems: Diagnostic[] } {
  const files: FoundFile[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, explicit });
  };
  const notFound = (arg: string, message: string) => problems.push({ severity: 'error', code: 'FILE_NOT_FOUND', file: arg, line: 1, col: 1, message });

  for (const arg of args) {
    if (arg === '-' || bundledPath(arg) !== undefined) {
      add(arg, true);
      continue;
    }
    const stats = statOrUndefined(arg);
    if (stats?.isDirectory()) {
      const found = walk(arg).filter(isDataFile);
      if (found.length === 0) notFound(arg, 'the folder holds no .yaml, .yml or .json file');
      for (const path of found) add(path, false);
    } else if (stats) {
      add(arg, true);
    } else if (GLOB_CHARS.test(arg)) {
      try {
        const found = glob(arg).filter(isDataFile);
        if (found.length === 0) notFound(arg, 'the pattern matches no .yaml, .yml or .json file');
        for (const path of found) add(path, false);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(...error.diagnostics);
      }
    } else {
      notFound(arg, 'no such file or folder');
    }
  }
  return { files, problems };
}

function isDataFile(path: string): boolean {
  return DATA_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension));
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Every file below `folder`, in a stable (sorted) order, as paths that start with `folder`. */
function walk(folder: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) files.push(...walk(path));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files;
}

/** At most this many patterns from one glob's braces (`{a,b}` ten times over is 1,024). */
export const MAX_GLOB_PATTERNS = 1024;

/**
 * minimatch 11 matches without regular expressions, so no pattern can make it backtrack; its
 * extglobs, negation and comments are off, leaving the shell's `*`, `?`, `[abc]`, `**` and braces.
 */
const GLOB_OPTIONS = { dot: true, noext: true, nonegate: true, nocomment: true, braceExpandMax: MAX_GLOB_PATTERNS + 1 } as const;

/**
 * The data files below the pattern's fixed prefix that match `*`, `?`, `[abc]`, `[!abc]`, `**`
 * (any number of folders) and `{a,b}`; a pattern that cannot match as written is an InputError.
 */
function glob(pattern: string): string[] {
  const normalised = pattern.split(sep).join('/');
  checkPattern(pattern, normalised);
  const segments = normalised.split('/');
  // The folders before the first with a glob character, and never the last segment.
  const globbed = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  const fixed = segments.splice(0, Math.min(globbed === -1 ? segments.length : globbed, segments.length - 1));
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  if (!statOrUndefined(base)?.isDirectory()) return [];
  const matcher = new Minimatch(segments.join('/'), GLOB_OPTIONS);
  return walk(base).filter((path) => matcher.match(relative(base, path).split(sep).join('/')));
}

function checkPattern(pattern: string, normalised: string): void {
  const range = backwardRange(normalised);
  if (range !== undefined) {
    throw inputError(
      'BAD_GLOB',
      pattern,
      `the range [${range}] runs backwards, so the pattern can match nothing`,
      `write it low to high: [${[...range].reverse().join('')}]`,
    );
  }
  if (braceExpand(normalised, GLOB_OPTIONS).length > MAX_GLOB_PATTERNS) {
    throw inputError('BAD_GLOB', pattern, `the braces expand to more than ${MAX_GLOB_PATTERNS} patterns`, 'name fewer alternatives, or a folder');
  }
}

/** The first range in a bracket expression whose end comes before its start (`z-a`), as written. */
export function backwardRange(pattern: string): string | undefined {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '[') {
      const members: string[] = [];
      let j = i + 1;
      if (pattern[j] === '!' || pattern[j] === '^') j++;
      // A `]` first in the brackets is a member, as in the shell.
      for (let first = true; j < pattern.length && (first || pattern[j] !== ']'); j++, first = false) {
        if (pattern.startsWith('[:', j)) {
          const end = pattern.indexOf(':]', j + 2);
          if (end !== -1) {
            members.push('');
            j = end + 1;
            continue;
          }
        }
        if (pattern[j] === '\\' && j + 1 < pattern.length) {
          j++;
          // An escaped dash is a member, never a range ('' ends no range).
          members.push(pattern[j] === '-' ? '' : pattern.charAt(j));
          continue;
        }
        members.push(pattern.charAt(j));
      }
      if (j >= pattern.length) continue; // no closing `]`: the `[` is a plain character
      for (let m = 0; m + 2 < members.length; m++) {
        const [low, dash, high] = [itemAt(members, m), itemAt(members, m + 1), itemAt(members, m + 2)];
        if (dash === '-' && low !== '' && high !== '' && low.codePointAt(0)! > high.codePointAt(0)!) return `${low}-${high}`;
      }
      i = j;
    }
  }
  return undefined;
}
