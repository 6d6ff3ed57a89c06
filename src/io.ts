import { readFileSync } from 'node:fs';

/** Everything a command may touch of the process, so commands run in tests without one. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Buffer;
  /** Whether stdout is a terminal: colour and the like are for people, not pipes. */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): Io {
  // A reader that stops early (`| head`) closes the pipe; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: () => readFileSync(0),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}
