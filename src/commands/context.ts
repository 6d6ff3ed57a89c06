import type { Io } from '../io.js';

/** What a command's action gets besides its arguments. */
export interface CommandContext {
  readonly io: Io;
  /** Records the exit code the run should end with. */
  setExitCode(code: number): void;
  /** Whether errors should be printed as JSON on stdout (for --format json) instead of text. */
  setJsonErrors(json: boolean): void;
  /** Colour for people: only on a terminal, and not when NO_COLOR or --no-color says otherwise. */
  useColor(requested: boolean): boolean;
}
