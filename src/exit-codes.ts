// The exit codes of every command, in one place: 0 when all is well, 1 when the run worked and
// found what a threshold or a test asks to fail on, 2 when it could not run as asked (bad input,
// a usage error), as docs/commands.md ("Exit codes") says.
export const EXIT = { ok: 0, failed: 1, cannotRun: 2 } as const;
