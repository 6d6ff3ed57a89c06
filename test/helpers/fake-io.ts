import { main } from '../../src/cli.js';
import type { Io } from '../../src/io.js';

export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with a recording stand-in for the process. */
export async function run(
  argv: string[],
  options: { stdin?: string; isTTY?: boolean; stderrIsTTY?: boolean; columns?: number; env?: Record<string, string> } = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: () => Buffer.from(options.stdin ?? ''),
    isTTY: options.isTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: options.env ?? {},
    ...(options.columns !== undefined && { columns: options.columns }),
  };
  const exitCode = await main(argv, io);
  return { exitCode, stdout, stderr };
}
