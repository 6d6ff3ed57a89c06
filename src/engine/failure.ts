import type { SourceLocation } from './types.js';

/** The condition that decided a failure, with what it wanted and what the record has. */
export interface Failure {
  readonly path: string;
  readonly location?: SourceLocation;
  readonly expected: string;
  readonly actual: string;
  /** The event the failing test looked at, when it was an event test. */
  readonly event?: string;
}
