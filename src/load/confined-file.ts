import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * A file that one input names for another to be read (`extends:` in a matrix, `record:` in a
 * golden test): found relative to the naming file's folder, and read only when its real path
 * (symlinks resolved) lies inside that folder tree and it is a regular file. An untrusted matrix
 * must not be able to read any file the user can (a secret would come back in the messages),
 * nor wait forever on a terminal or a pipe (/dev/tty, /proc/self/fd/0).
 */
export type ConfinedFile =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'missing' } | { readonly kind: 'outside' } | { readonly kind: 'not-a-file' };

export function confinedFile(reference: string, fromFile: string): ConfinedFile {
  if (isAbsolute(reference)) return { kind: 'outside' };
  const folder = dirname(fromFile);
  const path = join(folder, reference);
  // `.` or `sub/..` names the folder itself: inside it, but not a file.
  if (resolve(path) === resolve(folder)) return { kind: 'not-a-file' };
  if (!within(resolve(folder), resolve(path))) return { kind: 'outside' };
  let real: string;
  let root: string;
  try {
    real = realpathSync(path);
    root = realpathSync(folder);
  } catch {
    return { kind: 'missing' };
  }
  if (!within(root, real)) return { kind: 'outside' };
  return statSync(real).isFile() ? { kind: 'file', path } : { kind: 'not-a-file' };
}

/** Whether `path` lies below `folder` (both absolute). */
function within(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}
