import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  fchmodSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { inputError, InputError } from './diagnostics.js';
import { inputFileNamed } from './input-files.js';
import { itemAt } from './checked-index.js';

/** One rendered output: to a file, or (no file) to stdout. */
export interface RenderedOutput {
  readonly file?: string;
  readonly text: OutputText;
}

/**
 * An output's text: whole, or made piece by piece as it is written (`write` hands each piece to
 * `put`), so that a large output (70 MB of JSON) is never held whole, as a string nor as bytes.
 */
type OutputText = string | { readonly write: (put: (piece: string) => void) => void };

/**
 * Where an output named with -o goes. A regular file (or none yet) is replaced atomically: the
 * text goes to a temporary file beside it, renamed over it at the end, so a reader never sees
 * half a file and a failed run leaves the last good one. A symlink is followed, so the link stays
 * a link and its target gets the output. A device or FIFO (/dev/null, /dev/stdout, a named pipe)
 * cannot be replaced by a rename: it is written directly, as a shell's `>` would.
 */
interface Target {
  /** As the user named it: what messages say. */
  readonly file: string;
  /** The path that is written: symlinks resolved. */
  readonly path: string;
  readonly direct: boolean;
  /** The process's own stdout named as a file (/dev/stdout, /dev/fd/1): written as stdout is. */
  readonly stdout?: boolean;
  /** The existing file's permission bits, kept on the new one (a 0600 file stays 0600). */
  readonly mode?: number;
  /** The file's identity, to find one file named twice (`-o x -o ./x`). */
  readonly identity: string;
}

function failure(file: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOSPC'
      ? 'the disk is full (ENOSPC)'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'ENOTDIR'
          ? 'a folder in its path is a file (ENOTDIR)'
          : code === 'EACCES' || code === 'EPERM'
            ? `permission denied (${code})`
            : (code ?? (error as Error).message);
  return inputError('OUTPUT_FAILED', file, `cannot write the output: ${reason}`);
}

/** Follows symlinks to the path they end at, even when that file does not exist yet. */
function followLinks(file: string): string {
  let path = resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let stats: Stats;
    try {
      stats = lstatSync(path);
    } catch {
      // Nothing there (yet): the folder it is in may still be reached through links.
      try {
        return join(realpathSync(dirname(path)), basename(path));
      } catch {
        return path;
      }
    }
    if (!stats.isSymbolicLink()) return realpathSync(path);
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw inputError('OUTPUT_FAILED', file, 'cannot write the output: too many levels of symbolic links');
}

function target(file: string): Target {
  // An empty name would resolve to the working folder, and be reported as a directory.
  if (file === '') throw inputError('USAGE', undefined, '-o names no file', 'give -o a file name, or leave it out to write to stdout');
  try {
    let stats: Stats | undefined;
    try {
      // stat follows links as the kernel does (/dev/stdout is a link to /proc/self/fd/1, a pipe's magic link).
      stats = statSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (stats === undefined) {
      const path = followLinks(file);
      return { file, path, direct: false, identity: path };
    }
    const input = inputFileNamed(stats);
    if (input !== undefined) {
      throw inputError(
        'OUTPUT_IS_INPUT',
        file,
        `is ${input === file ? 'an input' : `the input ${input}`} of this run: writing the output there would destroy it`,
        'write the output to another file',
      );
    }
    const identity = `${stats.dev}:${stats.ino}`;
    if (stats.isFile()) return { file, path: realpathSync(file), direct: false, mode: stats.mode & 0o7777, identity };
    if (isStdout(stats)) return { file, path: file, direct: true, stdout: true, identity };
    if (stats.isCharacterDevice() || stats.isFIFO()) return { file, path: file, direct: true, identity };
    throw inputError(
      'OUTPUT_FAILED',
      file,
      `cannot write the output: ${stats.isDirectory() ? 'it is a directory' : 'it is not a regular file, a device or a pipe'}`,
    );
  } catch (error) {
    throw failure(file, error);
  }
}

function isStdout(stats: Stats): boolean {
  try {
    const own = fstatSync(1);
    return own.dev === stats.dev && own.ino === stats.ino;
  } catch {
    return false;
  }
}

/** Every -o of a run, checked before anything is written: each a writable place, no file twice. */
function targets(files: readonly string[]): Target[] {
  const problems: InputError[] = [];
  const resolved: Target[] = [];
  for (const file of files) {
    try {
      resolved.push(target(file));
    } catch (error) {
      problems.push(failure(file, error));
    }
  }
  if (problems.length > 0) throw new InputError(problems.flatMap((p) => p.diagnostics));
  resolved.forEach((t, i) => {
    const first = resolved.findIndex((other) => other.identity === t.identity);
    if (first !== i) {
      const earlier = itemAt(resolved, first).file;
      const same = earlier === t.file ? `-o ${t.file} is given twice` : `-o ${earlier} and -o ${t.file} are the same file`;
      throw inputError('USAGE', undefined, same, 'give each output a file of its own');
    }
  });
  return resolved;
}

// Temporary files still on disk: a signal (Ctrl-C, a CI runner's SIGTERM, a closed terminal's
// SIGHUP) removes them before the process ends, so no run leaves a `.tmp` behind.
const temporaries = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let listening = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const temporary of temporaries) rmSync(temporary, { force: true });
  temporaries.clear();
  stopListening();
  // With the listeners gone the signal's default action applies: the process ends as signalled.
  process.kill(process.pid, signal);
}

function stopListening(): void {
  if (!listening) return;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  listening = false;
}

/** Listens for the signals before a temporary file exists: one that came as the file was made would end the process with it left behind. */
function listen(): void {
  if (listening) return;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  listening = true;
}

function untrack(temporary: string): void {
  temporaries.delete(temporary);
  // A signal that came during a synchronous write is handled on the next turn of the event loop:
  // listen until then, so it is neither lost nor able to kill the process mid-write.
  if (temporaries.size === 0) setImmediate(() => temporaries.size === 0 && stopListening());
}

/**
 * -o creates the folders a path names that do not exist yet (`-o reports/2015/out.json`), as a
 * CI step expects. Returns the first folder it made, so that a failed run can take them away again.
 */
function makeFolders(t: Target): string | undefined {
  return mkdirSync(dirname(t.path), { recursive: true });
}

/** Removes folders a failed run made: only they, and only what the run put in them (its temporary files). */
function removeFolders(folders: readonly string[]): void {
  for (const folder of [...folders].reverse()) rmSync(folder, { recursive: true, force: true });
}

/** A fresh temporary file beside the target: created exclusively under an unpredictable name, so nothing planted there is followed. */
function createTemporary(t: Target): { readonly path: string; readonly fd: number } {
  const path = join(dirname(t.path), `.${basename(t.path)}.${randomBytes(8).toString('hex')}.tmp`);
  listen();
  // A signal from here on is heard on a later turn of the event loop, when the file is in the set.
  const fd = openSync(path, 'wx', 0o666);
  temporaries.add(path);
  try {
    // The mode given to open is cut by the umask; an existing file's mode is kept as it was.
    if (t.mode !== undefined) fchmodSync(fd, t.mode);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return { path, fd };
}

/** Text is written in blocks of about this many characters: a large text is never encoded whole. */
const BLOCK = 1 << 20;

/** Where a full buffer of encoded text goes: the buffer to fill next (the same one, once its bytes are written). */
type Drain = (buffer: Buffer, length: number) => Buffer;

/** Room for a block of BLOCK characters however it encodes: at most 3 bytes per UTF-16 unit. */
const BUFFER_BYTES = 3 * (BLOCK + 1);

/**
 * Text on its way out, encoded piece by piece into one buffer (a block's worth) where it stands:
 * no piece is first joined to the others in a string, flattened, and copied into a Buffer of its
 * own. Handed to `out` when full, and by `drain`.
 */
class EncodedWriter {
  private buffer: Buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  constructor(
    private readonly out: Drain,
    /** Written out as soon as this many bytes are held (a stream's lines reach the file as they come). */
    private readonly drainAt = BLOCK,
  ) {}

  readonly write = (piece: string): void => {
    if (3 * piece.length > this.buffer.length - this.used) this.drain();
    if (3 * piece.length <= this.buffer.length) this.used += this.buffer.write(piece, this.used);
    // A piece longer than a block (a whole text): in blocks, never splitting a surrogate pair.
    else
      inBlocks(piece, (block) => {
        this.used = this.buffer.write(block, 0);
        this.drain();
      });
    if (this.used >= this.drainAt) this.drain();
  };

  drain(): void {
    if (this.used === 0) return;
    this.buffer = this.out(this.buffer, this.used);
    this.used = 0;
  }
}

/** Writes a buffer's bytes to a file descriptor, and fills the same buffer again. */
const toDescriptor =
  (fd: number): Drain =>
  (buffer, length) => {
    let written = 0;
    while (written < length) written += writeSync(fd, buffer, written, length - written);
    return buffer;
  };

/** Stdout as io.ts gives it: text, and bytes where the process takes them (the same shape, named here: io is no layer below this one). */
interface Stdout {
  (text: string): void;
  readonly bytes?: (bytes: Uint8Array) => void;
}

/** Hands an output's text to stdout: as bytes encoded straight from its pieces where it can, else in blocks of text. */
function toStdout(text: OutputText, stdout: Stdout): void {
  const { bytes } = stdout;
  if (!bytes) return inBlocks(text, stdout);
  // Each buffer is handed over and a fresh one filled: stdout may still hold the last one (a pipe it writes later).
  const writer = new EncodedWriter((buffer, length) => {
    bytes(buffer.subarray(0, length));
    return Buffer.allocUnsafe(BUFFER_BYTES);
  });
  if (typeof text === 'string') writer.write(text);
  else text.write(writer.write);
  writer.drain();
}

function writeAll(fd: number, text: OutputText): void {
  const writer = new EncodedWriter(toDescriptor(fd));
  if (typeof text === 'string') writer.write(text);
  else text.write(writer.write);
  writer.drain();
}

/** Hands `text` on in blocks of about BLOCK characters, never splitting a surrogate pair. */
function inBlocks(text: OutputText, put: (block: string) => void): void {
  if (typeof text === 'string') {
    for (let start = 0; start < text.length;) {
      let end = Math.min(start + BLOCK, text.length);
      // A high surrogate ends the block: its low half goes with it.
      if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end++;
      put(text.slice(start, end));
      start = end;
    }
    return;
  }
  let pending = '';
  text.write((piece) => {
    pending += piece;
    if (pending.length >= BLOCK) {
      put(pending);
      pending = '';
    }
  });
  if (pending !== '') put(pending);
}

function discard(path: string): void {
  rmSync(path, { force: true });
  untrack(path);
}

/**
 * Writes every file output, then stdout. Regular files are staged as temporary files and renamed
 * into place only when every one is written, devices and pipes are written directly once the
 * staging succeeded: a failure replaces no file, names the output that failed and prints nothing
 * on stdout.
 */
export function writeOutputs(outputs: readonly RenderedOutput[], stdout: Stdout): void {
  const files = outputs.filter((o): o is RenderedOutput & { file: string } => o.file !== undefined);
  const places = targets(files.map((o) => o.file));
  const staged: { readonly temporary: string; readonly target: Target }[] = [];
  const made: string[] = [];
  let current = places[0];
  try {
    places.forEach((t, i) => {
      current = t;
      if (t.direct) return;
      const folder = makeFolders(t);
      if (folder !== undefined) made.push(folder);
      const temporary = createTemporary(t);
      staged.push({ temporary: temporary.path, target: t });
      try {
        writeAll(temporary.fd, itemAt(files, i).text);
      } finally {
        closeSync(temporary.fd);
      }
    });
    places.forEach((t, i) => {
      current = t;
      if (!t.direct || t.stdout) return;
      const fd = openSync(t.path, 'w');
      try {
        writeAll(fd, itemAt(files, i).text);
      } finally {
        closeSync(fd);
      }
    });
    for (const { temporary, target: t } of staged) {
      current = t;
      renameSync(temporary, t.path);
      untrack(temporary);
    }
  } catch (error) {
    for (const { temporary } of staged) discard(temporary);
    removeFolders(made);
    throw failure(current!.file, error);
  }
  places.forEach((t, i) => t.stdout && toStdout(itemAt(files, i).text, stdout));
  for (const { file, text } of outputs) if (file === undefined) toStdout(text, stdout);
}

/** Writes one file atomically (see writeOutputs). */
export function writeFileAtomic(file: string, text: string): void {
  writeOutputs([{ file, text }], () => undefined);
}

/** An output written piece by piece as a run streams (NDJSON), then put in place at once. */
export interface StreamedOutput {
  write(text: string): void;
  /** Puts the output in place (renames the temporary file over the target). */
  finish(): void;
  /** Removes the temporary file: a failed run leaves the last good output where it was. */
  abandon(): void;
}

const FLUSH_AT = 1 << 16;

/**
 * A streamed output to `file` (checked as writeOutputs checks it) or, without one, to stdout in
 * blocks. A full disk while streaming is OUTPUT_FAILED for that file, its temporary file removed.
 */
export function streamOutput(file: string | undefined, stdout: (text: string) => void): StreamedOutput {
  if (file === undefined) {
    let buffered = '';
    const flush = () => {
      if (buffered !== '') stdout(buffered);
      buffered = '';
    };
    return { write: (text) => void ((buffered += text).length >= FLUSH_AT && flush()), finish: flush, abandon: flush };
  }
  const [t] = targets([file]);
  if (t!.stdout) return streamOutput(undefined, stdout);
  let fd: number | undefined;
  let temporary: string | undefined;
  let made: string | undefined;
  try {
    if (t!.direct) fd = openSync(t!.path, 'w');
    else {
      made = makeFolders(t!);
      ({ path: temporary, fd } = createTemporary(t!));
    }
  } catch (error) {
    if (made !== undefined) removeFolders([made]);
    throw failure(file, error);
  }
  const close = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    closeSync(open);
  };
  const abandon = () => {
    close();
    if (temporary !== undefined) discard(temporary);
    temporary = undefined;
    if (made !== undefined) removeFolders([made]);
    made = undefined;
  };
  const writer = new EncodedWriter(toDescriptor(fd), FLUSH_AT);
  const written = (write: () => void) => {
    if (fd === undefined) return;
    try {
      write();
    } catch (error) {
      abandon();
      throw failure(file, error);
    }
  };
  return {
    write: (text) => written(() => writer.write(text)),
    finish: () => {
      written(() => writer.drain());
      close();
      if (temporary === undefined) return;
      try {
        // The inputs were read after the output was opened: check again that it is none of them.
        target(file);
        renameSync(temporary, t!.path);
        untrack(temporary);
        temporary = undefined;
        made = undefined;
      } catch (error) {
        abandon();
        throw failure(file, error);
      }
    },
    abandon,
  };
}

/** Appends to a file another program keeps (GitHub's step summary): not atomic, as appends by several writers must not be. */
export function appendOutput(file: string, text: string): void {
  try {
    appendFileSync(file, text);
  } catch (error) {
    throw failure(file, error);
  }
}
