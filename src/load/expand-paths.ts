import { readdirSync, statSync } from 'node:fs';
import { bundledPath } from './bundled.js';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

/** One input found from the command line. */
export interface FoundFile {
  readonly path: string;
  /** Named on the command line itself, rather than found in a folder or by a glob. */
  readonly explicit: boolean;
}

export const DATA_EXTENSIONS = ['.yaml', '.yml', '.json', '.ndjson', '.jsonl'] as const;
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
  const notFound = (arg: string, message: string) =>
    problems.push({ severity: 'error', code: 'FILE_NOT_FOUND', file: arg, line: 1, col: 1, message });

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
      const found = glob(arg).filter(isDataFile);
      if (found.length === 0) notFound(arg, 'the pattern matches no .yaml, .yml or .json file');
      for (const path of found) add(path, false);
    } else {
      notFound(arg, 'no such file or folder');
    }
  }
  return { files, problems };
}

export function isDataFile(path: string): boolean {
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

/** Matches `*`, `?`, `[abc]`, `**` (any number of folders) and `{a,b}` against the files below the pattern's fixed prefix. */
export function glob(pattern: string): string[] {
  const normalised = pattern.split(sep).join('/');
  const segments = normalised.split('/');
  const fixed: string[] = [];
  while (segments.length > 1 && !GLOB_CHARS.test(segments[0]!)) fixed.push(segments.shift()!);
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  if (!statOrUndefined(base)?.isDirectory()) return [];
  const matchers = expandBraces(segments.join('/')).map(globToRegExp);
  return walk(base).filter((path) => {
    const rest = relative(base, path).split(sep).join('/');
    return matchers.some((matcher) => matcher.test(rest));
  });
}

function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  const [whole, body] = match;
  const head = pattern.slice(0, match.index);
  const tail = pattern.slice(match.index + whole.length);
  return body!.split(',').flatMap((choice) => expandBraces(`${head}${choice}${tail}`));
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      // `**/` matches no folder or any number of them; a trailing `**` matches everything below.
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else {
      source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
