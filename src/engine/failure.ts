import type { SourceLocation } from './types.js';

/** The condition that decided a failure, with what it wanted and what the record has. */
export interface Failure {
  readonly path: string;
  readonly location?: SourceLocation;
  readonly expected: string;
  readonly actual: string;
  /** The event the failing test looked at, when it was an event test. */
  readonly event?: string;
  /** The condition's operator (`some`, `field`, `link`, ...). */
  readonly operator: string;
  /** Every event `actual` names (the one looked at, the ones that matched): data, so no reader parses the words. */
  readonly events: readonly string[];
}
