import type { ExtendsInfo } from '../provenance.js';
import type { CaseResult, Matrix } from '../engine/index.js';

/** What an evaluate run hands to a formatter: the results, and where every input came from. */
export interface EvaluationReport {
  readonly tool: { readonly name: string; readonly version: string };
  /** The matrix, where it came from, and what it extends and changes (`extends:`). */
  readonly matrix: { readonly definition: Matrix; readonly file: string; readonly sha256: string; readonly extends?: ExtendsInfo };
  /** The --as-of date asked for, or null when each record is judged at its own last event. */
  readonly asOf: string | null;
  readonly results: readonly RecordResult[];
  /** True when no inputs were named and the bundled default case was scored. */
  readonly bundledDefault: boolean;
}

export interface RecordResult {
  readonly file: string;
  readonly sha256: string;
  readonly result: CaseResult;
}
