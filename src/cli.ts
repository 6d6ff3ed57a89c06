import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runEvaluate } from './commands/evaluate.js';
import { formatDiagnostic, InputError } from './diagnostics.js';
import { FORMAT_NAMES, type FormatName } from './format/index.js';
import type { Io } from './io.js';
import { TOOL } from './package-info.js';

export const EXIT = { ok: 0, failed: 1, cannotRun: 2 } as const;

/**
 * Runs one command line and returns its exit code. It never calls process.exit and never prints
 * a stack trace for the user's mistakes: those are InputErrors, reported with code and place.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
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

  program
    .command('evaluate')
    .description('score records against a matrix (no arguments: the bundled Lewis matrix on the 2015 Xi–Obama record)')
    .argument('[records...]', 'record files (YAML or JSON), bundled record ids, or - for stdin')
    .option('-m, --matrix <file|id>', 'matrix file or bundled matrix id (default: lewis-2015)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('-o, --output <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--as-of <date>', 'judge as of this date (YYYY-MM-DD): later events do not exist yet')
    .option('--fail-below <score>', 'exit 1 when a record scores below this total (0-100)', parseScore)
    .option('--explain', 'say, for each criterion, why it did not reach the next level up', false)
    .option('--no-color', 'no colour (also: NO_COLOR, or when stdout is not a terminal)')
    .action((records: string[], options: { matrix?: string; format: FormatName; output?: string; asOf?: string; failBelow?: number; explain: boolean; color: boolean }) => {
      jsonErrors = options.format === 'json';
      exitCode = runEvaluate(records, { ...options, color: options.color && io.isTTY && !io.env['NO_COLOR'] }, io);
    });

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

function parseScore(value: string): number {
  const score = Number(value);
  if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new InvalidArgumentError('expected a number from 0 to 100');
  }
  return score;
}
