// What scoring a record gives, cell by cell: the types evaluate.ts builds and the grid, the
// assessments and the formats read. They live below all of them, so no module that fills a
// cell has to import the one that calls it (the layer test's no-circle check).
import type { Failure } from './failure.js';
import type { Interval } from './score.js';
import type { AssessedScore, Citation, SourceLocation } from './types.js';
import type { UnknownFact } from './unknowns.js';

export interface LevelRef {
  readonly label: string;
  readonly score: number;
}

export interface Evidence {
  readonly event: string;
  readonly date: string;
  readonly type: string;
  readonly title?: string;
  readonly location?: SourceLocation;
  readonly sources: readonly Citation[];
}

export interface Explanation {
  /** The level the criterion did not reach, or undefined when explaining why it does not apply. */
  readonly level?: LevelRef;
  readonly failure: Failure;
}

/** The lowest and highest level a cell may be at: the best that surely holds, the best that may. */
export interface LevelRange {
  /** Null when no level surely holds and none is the default. */
  readonly low: LevelRef | null;
  readonly high: LevelRef | null;
}

/** One criterion scored once: for the whole record, or for one party. */
export interface Cell {
  /** `unknown` when whether the criterion applies rests on a fact the record does not settle. */
  readonly applicable: boolean | 'unknown';
  /** Null when the criterion does not apply, when no level matched and none is the default, or when the level is not determined. */
  readonly level: LevelRef | null;
  /** Null when the criterion surely does not apply. */
  readonly levelRange: LevelRange | null;
  /** The level's score above the criterion's lowest level; null when not applicable or not determined. */
  readonly points: number | null;
  /** points / maxPoints, 0–1; null when not applicable or not determined. */
  readonly normalised: number | null;
  /** The interval normalised lies in; low === high when determined; null when surely not applicable. */
  readonly normalisedRange: Interval | null;
  readonly evidence: readonly Evidence[];
  /** Why not the next level up (or, when not applicable, why not). Null at the top level. */
  readonly explanation: Explanation | null;
  /** The facts that would settle an undetermined cell (empty when it is determined). */
  readonly unknown: readonly UnknownFact[];
}

export interface PartyCell extends Cell {
  readonly party: string;
  /** The assessment the cell was stated by (src/engine/assessments.ts); absent when derived from events. */
  readonly assessment?: CellAssessment | null;
  /** An applicable cell nobody has assessed (by the as-of date): unknown, not the lowest level. */
  readonly notAssessed?: true;
}

export interface CriterionResult extends Cell {
  /** The criterion's id; `criterion/event` for each subject of a forEach criterion. */
  readonly id: string;
  readonly criterion: string;
  readonly title: string;
  /** The event a forEach criterion was scored about. */
  readonly subject: string | null;
  readonly weight: number;
  readonly maxPoints: number;
  /** Share of the total, 0–100; all contributions add up to the score. Null when not determined. */
  readonly contribution: number | null;
  /** Bounds of the contribution (equal when determined). */
  readonly contributionRange: Interval;
  /** Per-party criteria: one cell per party, and the criterion's own cell holds their mean. */
  readonly parties: readonly PartyCell[] | null;
}

/** The assessment a cell's score came from, and the earlier ones of the same cell it replaced. */
export interface CellAssessment {
  readonly event: string;
  readonly date: string;
  readonly score: AssessedScore;
  readonly assessor: string | null;
  readonly window: string | null;
  readonly rationale: string | null;
  /** Earlier assessments of the same cell known by the as-of date, latest first: this one supersedes them (a recalibration). */
  readonly superseded: readonly string[];
  /** Per report window, what the latest assessment in that window gave: for interim and final side by side. */
  readonly byWindow: Readonly<Record<string, AssessedScore>>;
  /** Why the score cannot count (it is not on the criterion's scale); the cell is then unknown. */
  readonly problem: string | null;
}
