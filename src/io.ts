import { fstatSync, readSync } from 'node:fs';
import { inputError } from './diagnostics.js';
import { noteInputFile } from './input-files.js';

/**
 * Stdout as a run writes it: text, and, where the process takes them (not a terminal, whose text
 * is filtered: src/cli.ts), bytes, which spare the copy of each block of a large output into a
 * Buffer of its own (src/write-output.ts).
 */
interface Stdout {
  (text: string): void;
  readonly bytes?: (bytes: Uint8Array) => void;
}

/** Everything a command may touch of the process, so commands run in tests without one. */
export interface Io {
  // Properties, not methods: commands hand `io.stdout` on as a function of its own.
  readonly stdout: Stdout;
  readonly stderr: (text: string) => void;
  /** Stdin, read to its end or to one byte over `maxBytes` (the run's input limit), whichever is first. */
  readStdin(maxBytes: number): Buffer;
  /** Stdin as it arrives, for inputs read as a stream (NDJSON); absent: readStdin() is read at once. */
  readStdinStream?(): AsyncIterable<Uint8Array>;
  /** Whether stdout is a terminal: colour and the like are for people, not pipes. */
  readonly isTTY: boolean;
  /** Whether stderr is a terminal: progress displays go there, and only then (absent: it is not). */
  readonly stderrIsTTY?: boolean;
  /** The width of the terminal stdout is (absent: not a terminal, or it does not say). */
  readonly columns?: number;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** @public bin/summit-score.js runs the built tool with it. */
export function processIo(): Io {
  // A reader that stops early (`| head`) closes the pipe; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // Nobody reads stderr any more (`2>&1 | head -0`): the messages are lost, the exit code is not.
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    stdout: Object.assign((text: string) => void process.stdout.write(text), { bytes: (bytes: Uint8Array) => void process.stdout.write(bytes) }),
    stderr: (text) => void process.stderr.write(text),
    readStdin: (maxBytes) => {
      noteStdinFile();
      return readAtMost(0, maxBytes + 1);
    },
    readStdinStream: () => {
      if (fstatSync(0).isDirectory()) throw inputError('FILE_UNREADABLE', '<stdin>', 'is a directory, not a file');
      noteStdinFile();
      return process.stdin;
    },
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stdout.isTTY && process.stdout.columns > 0 && { columns: process.stdout.columns }),
    env: process.env,
  };
}

/** Stdin redirected from a file (`- < rec.yaml`) is an input like any other: `-o /dev/stdin` must not replace it. */
function noteStdinFile(): void {
  const stats = fstatSync(0);
  if (stats.isFile()) noteInputFile('<stdin>', stats);
}

/** Reads a descriptor to its end or to `limit` bytes, so an endless stdin cannot exhaust memory. */
function readAtMost(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.alloc(Math.min(1 << 20, limit - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking stdin with nothing yet: wait by trying again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks);
}
