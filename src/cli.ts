import { Command, CommanderError } from 'commander';
import { registerCodebook } from './commands/codebook.js';
import { registerCompare } from './commands/compare.js';
import type { CommandContext } from './commands/context.js';
import { registerDiff } from './commands/diff.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerList } from './commands/list.js';
import { registerSchema } from './commands/schema.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerTest } from './commands/test.js';
import { registerTimeline } from './commands/timeline.js';
import { registerValidate } from './commands/validate.js';
import { formatDiagnostic, InputError } from './diagnostics.js';
import type { Io } from './io.js';
import { configureInputLimit } from './load/read-input.js';
import { TOOL } from './package-info.js';

export const EXIT = { ok: 0, failed: 1, cannotRun: 2 } as const;

/** Each command registers its own options and action; this list is the whole command set. */
const COMMANDS: readonly ((program: Command, context: CommandContext) => void)[] = [registerEvaluate, registerList, registerValidate, registerTest, registerSchema, registerCompare, registerTimeline, registerSensitivity, registerDiff, registerCodebook];

/**
 * Runs one command line and returns its exit code. It never calls process.exit and never prints
 * a stack trace for the user's mistakes: those are InputErrors, reported with code and place.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  configureInputLimit(io.env['SUMMIT_SCORE_MAX_INPUT_MB']);
  let exitCode: number = EXIT.ok;
  let jsonErrors = false;
  const program = new Command(TOOL.name)
    .description('Score diplomatic summit outcomes against evaluation matrices, and explain every point.')
    .version(TOOL.version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (message, write) => write(`error USAGE ${message.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(run with --help for usage)');

  const context: CommandContext = {
    io,
    setExitCode: (code) => void (exitCode = code),
    setJsonErrors: (json) => void (jsonErrors = json),
    useColor: (requested) => requested && io.isTTY && !io.env['NO_COLOR'],
  };
  for (const register of COMMANDS) register(program, context);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return quiet ? EXIT.ok : EXIT.cannotRun;
    }
    if (error instanceof InputError) {
      if (jsonErrors) io.stdout(`${JSON.stringify({ schema: 'summit-score/errors@1', errors: error.diagnostics }, null, 2)}\n`);
      else io.stderr(error.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join(''));
      return EXIT.cannotRun;
    }
    throw error;
  }
}
