// The data the engine reads and returns. Everything here is plain, already-validated data:
// the loader turns YAML/JSON into these shapes, the engine never sees a file.

import type { Rounding } from './decimal.js';

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** A value of a free event field, as it came from YAML or JSON. */
export type FieldValue = string | number | boolean | null | readonly FieldValue[] | { readonly [key: string]: FieldValue };

export const LINK_KINDS = ['of', 'fulfils', 'breaches', 'supersedes'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface Citation {
  readonly url?: string;
  readonly title?: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly quote?: string;
  /** false where the fact is not confirmed by the cited source (unverified, or confirmed only in part). */
  readonly verified: boolean;
  readonly note?: string;
}

export interface SummitEvent {
  readonly id: string;
  /** ISO 8601 calendar date, `YYYY-MM-DD` or `YYYY-MM`. */
  readonly date: string;
  /** Days since 1970-01-01; a month-precision date counts from the month's last day. */
  readonly day: number;
  readonly type: string;
  readonly title?: string;
  readonly actors: readonly string[];
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly links: Readonly<Partial<Record<LinkKind, readonly string[]>>>;
  readonly sources: readonly Citation[];
  readonly location?: SourceLocation;
  /** Present on an assessment event: the cell it states directly (src/engine/assessments.ts). */
  readonly assessment?: Assessment;
}

/** What an assessment says of its cell: a score on the matrix's scale, or no score and why. */
export type AssessedScore = number | 'not-assessed' | 'not-applicable';

/**
 * One cell of a compliance grid as an assessor states it (the G7/G20 Research Group's member x
 * commitment score), with the report window it belongs to. The event's date is when it became
 * known, so `--as-of` picks what was known; its sources and `rationale` are the evidence.
 */
export interface Assessment {
  readonly member: string;
  /** The event id of the commitment assessed. */
  readonly commitment: string;
  /** The matrix criterion the score is for; absent: every per-party criterion scored per commitment. */
  readonly criterion?: string;
  readonly score: AssessedScore;
  readonly assessor?: string;
  /** The id of one of the record's `windows` (interim, final). */
  readonly window?: string;
  readonly rationale?: string;
}

/** A report window: the period whose actions an interim or final report assesses, up to its cut-off. */
export interface AssessmentWindow {
  readonly id: string;
  readonly title?: string;
  readonly from: string;
  /** The cut-off date. */
  readonly to: string;
}

export interface CaseRecord {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly day: number;
  readonly parties: readonly string[];
  readonly events: readonly SummitEvent[];
  /** The name to print for a party id (any Unicode: "Türkiye"); absent: the id itself. */
  readonly partyNames?: Readonly<Record<string, string>>;
  /** The report windows assessments belong to, earliest first. */
  readonly windows?: readonly AssessmentWindow[];
}

export type Comparison = 'equals' | 'gt' | 'gte' | 'lt' | 'lte';

/** Where a day comes from in a date condition. */
export type DateAnchor =
  | { readonly kind: 'date'; readonly date: string; readonly day: number }
  /** `daysBefore` moves the anchor that many days earlier: "within the year before the as-of date". */
  | { readonly kind: 'summit'; readonly daysBefore?: number }
  | { readonly kind: 'asOf'; readonly daysBefore?: number }
  | { readonly kind: 'linked'; readonly link: LinkKind };

export const DEADLINE_STATES = ['pending', 'met', 'met-late', 'missed'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export type FieldTest =
  | { readonly test: 'equals'; readonly value: FieldValue }
  | { readonly test: 'in'; readonly values: readonly FieldValue[] }
  | { readonly test: 'compare'; readonly comparison: Exclude<Comparison, 'equals'>; readonly value: number | string }
  | { readonly test: 'contains'; readonly value: FieldValue }
  | { readonly test: 'exists'; readonly value: boolean };

interface ConditionBase {
  /** Where the condition stands in the matrix, e.g. `criteria[0].levels[1].when.some`. */
  readonly path: string;
  readonly location?: SourceLocation;
}

export type Condition = ConditionBase &
  (
    | { readonly op: 'all'; readonly conditions: readonly Condition[] }
    | { readonly op: 'any'; readonly conditions: readonly Condition[] }
    | { readonly op: 'not'; readonly condition: Condition }
    | { readonly op: 'atLeast'; readonly count: number; readonly conditions: readonly Condition[] }
    | { readonly op: 'some'; readonly where: Condition }
    | { readonly op: 'none'; readonly where: Condition }
    | {
        readonly op: 'count';
        readonly where: Condition;
        readonly comparison: Comparison;
        readonly value: number;
      }
    | { readonly op: 'field'; readonly field: string; readonly check: FieldTest }
    | { readonly op: 'before' | 'after'; readonly anchor: DateAnchor }
    | { readonly op: 'within'; readonly days: number; readonly anchor: DateAnchor }
    | { readonly op: 'deadline'; readonly states: readonly DeadlineState[] }
    | { readonly op: 'link'; readonly kind: LinkKind; readonly to?: Condition }
    /** At least `min` events (default 1) link to this one with `kind` (and satisfy `where`). */
    | { readonly op: 'linkedBy'; readonly kind: LinkKind; readonly where?: Condition; readonly min: number }
    /** The party being scored (per-party criteria) is in this field: `actors`, or a field such as `accused`. */
    | { readonly op: 'partyIn'; readonly field: string }
    /** The event is the subject of a `forEach` criterion (the commitment being scored). */
    | { readonly op: 'isSubject'; readonly value: boolean }
  );

export type ConditionOp = Condition['op'];

export interface Level {
  readonly label: string;
  readonly score: number;
  readonly description?: string;
  /** Absent only on the lowest level: the default when nothing above holds. */
  readonly when?: Condition;
  readonly location?: SourceLocation;
}

export interface Gate {
  /** Verdicts better than this band need the criterion at or above `requires`. */
  readonly above: string;
  readonly requires: string;
  readonly location?: SourceLocation;
}

export interface Criterion {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** 0 makes the criterion descriptive: shown with its level, left out of the total. */
  readonly weight: number;
  /** Best first. */
  readonly levels: readonly Level[];
  readonly gates: readonly Gate[];
  readonly appliesWhen?: Condition;
  /** Score the criterion once per party: every party of the record, or the parties listed. */
  readonly perParty?: true | readonly string[];
  /** Score the criterion once per event that satisfies this (each event becomes the subject). */
  readonly forEach?: Condition;
  readonly location?: SourceLocation;
}

/**
 * How per-party averages are printed and turned into percentages: parts of the matrix, not
 * constants in the code, so a published compliance table can be reproduced to the digit.
 */
export interface GridRules {
  /** Decimals of the printed averages. */
  readonly averageDecimals: number;
  /** `always`: +0.40, -0.46, 0.00; `negative`: 0.40, -0.46, 0.00. */
  readonly averageSign: 'always' | 'negative';
  /**
   * The percentage is the unrounded mean of the cells' normalised scores times 100, which on a
   * -1..+1 scale is 50 x (S + 1), rounded to this many decimals.
   */
  readonly percentDecimals: number;
  /** How exact halves round, on the exact value (averages and percentages alike). */
  readonly rounding: Rounding;
  /** The minus sign printed: `-` (ASCII) or `−` (U+2212, as the Research Group's tables print). */
  readonly minus: string;
  /** What the printed table has as rows: commitments (as the reports print it) or members. */
  readonly rows: 'commitments' | 'members';
  /** The grid's overall figure; absent: `cells` under cell-mean, `commitments` under weighted-mean. */
  readonly overall?: GridOverall;
}

export const GRID_OVERALLS = ['cells', 'members', 'commitments'] as const;
/** cells: the mean of all scored cells (pooled); members: the mean of member averages; commitments: of commitment averages. */
export type GridOverall = (typeof GRID_OVERALLS)[number];

export const DEFAULT_GRID_RULES: GridRules = {
  averageDecimals: 2,
  averageSign: 'always',
  percentDecimals: 0,
  rounding: 'half-away-from-zero',
  minus: '-',
  rows: 'members',
};

export interface VerdictBand {
  readonly label: string;
  /** Lowest total (inclusive, 0–100) that earns this band. */
  readonly min: number;
  readonly description?: string;
}

export interface MatrixSource {
  readonly author: string;
  readonly title?: string;
  readonly url?: string;
  readonly date?: string;
  readonly note?: string;
}

/** What an event that does not state a declared field means for a test of that field. */
export type AbsentMeaning =
  /** The test is unknown (the default): the record is silent, so the tool does not guess. */
  | { readonly kind: 'unknown' }
  /** The test fails: the matrix author says silence means "no". */
  | { readonly kind: 'false' }
  /** The field is read as if it held this value. */
  | { readonly kind: 'value'; readonly value: FieldValue };

export const FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'list'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface DeclaredValue {
  readonly value: string | number | boolean;
  /** What the value means, in the matrix author's words: what a coder reads in `codebook`. */
  readonly meaning: string;
}

/**
 * A field the matrix reads (`fields:` in YAML). With `values`, the field is closed: a record value
 * outside them is not known to the matrix, so a test of it is unknown, and `validate` warns.
 */
export interface FieldDeclaration {
  readonly name: string;
  readonly type: FieldType;
  readonly description?: string;
  readonly values?: readonly DeclaredValue[];
  readonly absent: AbsentMeaning;
  readonly location?: SourceLocation;
}

export const AGGREGATIONS = ['weighted-mean', 'cell-mean'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** When too much of a record is unknown to give a verdict at all (as the SDG Index withholds a rank). */
export interface MissingDataRule {
  /** 0–1: the verdict is `undetermined` when the unknown share of the counted weight exceeds this. */
  readonly maxUnknownShare: number;
}

export interface Matrix {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly source: MatrixSource;
  readonly aggregation: Aggregation;
  readonly criteria: readonly Criterion[];
  /** Best first; the last band starts at 0. */
  readonly verdicts: readonly VerdictBand[];
  /** How per-party grids are printed; DEFAULT_GRID_RULES when the matrix says nothing. */
  readonly grid?: GridRules;
  /** No verdict when more than this share of the weight is unknown (`missingData:` in YAML). */
  readonly missingData?: MissingDataRule;
  /** The event fields the matrix declares, by name; a field not declared reads absent as unknown. */
  readonly fields?: Readonly<Record<string, FieldDeclaration>>;
}
