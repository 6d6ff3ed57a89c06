// The files a run has read, by device and inode, so that no output of the run replaces one of
// them (`evaluate rec.yaml -o rec.yaml` would destroy the record). Identity, not spelling: the
// same file named `rec.yaml`, `./rec.yaml` or through a symlink is one file. One run per process
// at a time: main() starts each run with forgetInputFiles().

export interface FileIdentity {
  readonly dev: number | bigint;
  readonly ino: number | bigint;
}

const read = new Map<string, string>();
const key = (stats: FileIdentity) => `${stats.dev}:${stats.ino}`;

/** Notes that `name` (as the user named it) was read as an input of this run. */
export function noteInputFile(name: string, stats: FileIdentity): void {
  if (!read.has(key(stats))) read.set(key(stats), name);
}

/** The name an input of this run had, when `stats` is one; undefined otherwise. */
export function inputFileNamed(stats: FileIdentity): string | undefined {
  return read.get(key(stats));
}

export function forgetInputFiles(): void {
  read.clear();
}
