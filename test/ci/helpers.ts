// Runs the CLI in-process for the CI-command tests, with a recording stand-in for the process.
import { main } from '../../src/cli.js';
import type { Io } from '../../src/io.js';

export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(argv: string[], stdin = ''): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: () => Buffer.from(stdin),
    isTTY: false,
    env: {},
  };
  const exitCode = await main(argv, io);
  return { exitCode, stdout, stderr };
}

/** A path under test/ci, relative to the working directory (the package root under vitest). */
export function here(path: string): string {
  return `test/ci/${path}`;
}
