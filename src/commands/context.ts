import type { Io } from '../io.js';

/** What a command's action gets besides its arguments. */
export interface CommandContext {
  /** With --quiet, stderr is not a terminal to it: no progress line. */
  readonly io: Io;
  /** Records the exit code the run should end with. */
  setExitCode(code: number): void;
  /** Whether errors should be printed as JSON on stdout (for --format json) instead of text. */
  setJsonErrors(json: boolean): void;
  /**
   * Colour on stdout: --color or --no-color when given (undefined: neither), else FORCE_COLOR
   * (0 or false: none; any other value: colour, for `| less -R`), else NO_COLOR, else a terminal.
   */
  useColor(requested: boolean | undefined): boolean;
  /**
   * The columns a terminal table may use: --width when given, else the terminal's for stdout on
   * a terminal, else 80 (a pipe or a file: the same bytes on every machine).
   */
  outputWidth(toStdout: boolean): number;
  /** Whether --quiet asks for nothing on stderr but errors. */
  readonly quiet: boolean;
  /** A note or warning for people on stderr (not with --quiet); input text in it is escaped. */
  readonly notice: (text: string) => void;
}
