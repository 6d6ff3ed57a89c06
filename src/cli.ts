import type { Command } from 'commander';
import type { CommandContext } from './commands/context.js';
import { diagnosticLines, InputError } from './diagnostics.js';
import { safeText, terminalText } from './terminal-text.js';
import { forgetInputFiles } from './input-files.js';
import type { Io } from './io.js';
import { inputReader } from './load/read-input.js';
import { TOOL } from './package-info.js';
import { DEFAULT_WIDTH, MIN_WIDTH } from './format/width.js';
import { EXIT } from './exit-codes.js';

type Register = (program: Command, context: CommandContext) => void;

/**
 * Each command registers its own options and action; this list is the whole command set, in the
 * order --help lists it. A command's module (and all it needs) is loaded only when it runs.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  evaluate: async () => (await import('./commands/evaluate.js')).registerEvaluate,
  list: async () => (await import('./commands/list.js')).registerList,
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  test: async () => (await import('./commands/test.js')).registerTest,
  schema: async () => (await import('./commands/schema.js')).registerSchema,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  timeline: async () => (await import('./commands/timeline.js')).registerTimeline,
  sensitivity: async () => (await import('./commands/sensitivity.js')).registerSensitivity,
  diff: async () => (await import('./commands/diff.js')).registerDiff,
  codebook: async () => (await import('./commands/codebook.js')).registerCodebook,
  import: async () => (await import('./commands/import.js')).registerImport,
  agree: async () => (await import('./commands/agree.js')).registerAgree,
  merge: async () => (await import('./commands/merge.js')).registerMerge,
  sources: async () => (await import('./commands/sources.js')).registerSources,
  completion: async () => (await import('./commands/completion.js')).registerCompletion,
};

/** See CommandContext.useColor: an explicit option first, then FORCE_COLOR, then NO_COLOR, then the terminal. */
export function colorWanted(requested: boolean | undefined, io: Pick<Io, 'isTTY' | 'env'>): boolean {
  if (requested !== undefined) return requested;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env['NO_COLOR']) return false;
  return io.isTTY;
}

/** See CommandContext.outputWidth. */
export function widthWanted(requested: number | undefined, toStdout: boolean, io: Pick<Io, 'isTTY' | 'columns'>): number {
  if (requested !== undefined) return requested;
  return toStdout && io.isTTY && io.columns !== undefined ? io.columns : DEFAULT_WIDTH;
}

/**
 * Runs one command line and returns its exit code. It never calls process.exit and never prints
 * a stack trace for the user's mistakes: those are InputErrors, reported with code and place.
 */
export async function main(argv: readonly string[], given: Io): Promise<number> {
  // Stdout on a terminal is where every output ends up for people: nothing in it may drive the terminal.
  const io: Io = given.isTTY ? { ...given, stdout: (text) => given.stdout(terminalText(text)) } : given;
  // The version alone needs nothing else loaded: CI asks for it often, and it should cost no more than node itself.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout(`${TOOL.version}\n`);
    return EXIT.ok;
  }
  forgetInputFiles();
  const { Command, CommanderError, InvalidArgumentError } = await import('commander');
  const parseWidth = (value: string): number => {
    const width = Number(value);
    if (!/^\d+$/.test(value) || width < MIN_WIDTH || width > 10000)
      throw new InvalidArgumentError(`expected a whole number of columns from ${MIN_WIDTH} to 10000`);
    return width;
  };
  let exitCode: number = EXIT.ok;
  let jsonErrors = false;
  const program = new Command(TOOL.name)
    .description('Score diplomatic summit outcomes against evaluation matrices, and explain every point.')
    .version(TOOL.version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Commander quotes the command line back: one line, escaped, like every diagnostic.
      outputError: (message, write) =>
        write(
          `error USAGE ${safeText(
            message
              .replace(/^error: /, '')
              .trimEnd()
              .replace(/\n(?=\(Did you mean)/, ' '),
          )}\n`,
        ),
    })
    .option('-q, --quiet', 'print nothing on stderr but errors: no notes, warnings or progress')
    .option('--width <columns>', "fit tables and text to this many columns (default: the terminal's width; 80 when stdout is a pipe or a file)", parseWidth)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      [
        '\nExamples:',
        '  $ summit-score evaluate                 # the bundled example: the Lewis matrix on the 2015 Xi–Obama record',
        '  $ summit-score evaluate my-record.yaml -m my-matrix.yaml --explain',
        '  $ summit-score validate matrices/ records/ && summit-score test matrices/',
        '',
      ].join('\n'),
    );

  const quiet = () => program.opts()['quiet'] === true;
  const quietIo: Io = { ...io, stderrIsTTY: false };
  const context: CommandContext = {
    get io() {
      return quiet() ? quietIo : io;
    },
    setExitCode: (code) => void (exitCode = code),
    setJsonErrors: (json) => void (jsonErrors = json),
    useColor: (requested) => colorWanted(requested, io),
    outputWidth: (toStdout) => widthWanted(program.opts()['width'] as number | undefined, toStdout, io),
    get quiet() {
      return quiet();
    },
    notice: (text) => {
      if (!quiet()) io.stderr(`${safeText(text)}\n`);
    },
  };
  // A command named first is the only one needed; anything else (--help, a typo) gets them all, and
  // so does `completion`, which writes them all down.
  const only = argv[0] !== undefined && argv[0] !== 'completion' && Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : undefined;
  for (const [name, load] of Object.entries(COMMANDS)) if (only === undefined || name === only) (await load())(program, context);

  try {
    // A limit that is no limit is refused before any command runs; each reads it from its io again.
    inputReader(io);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return quiet ? EXIT.ok : EXIT.cannotRun;
    }
    if (error instanceof InputError) {
      if (jsonErrors) io.stdout(`${JSON.stringify({ schema: 'summit-score/errors@1', errors: error.diagnostics }, null, 2)}\n`);
      else io.stderr(diagnosticLines(error.diagnostics));
      return EXIT.cannotRun;
    }
    throw error;
  }
}
