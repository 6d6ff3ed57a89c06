// Where a matrix came from: written by the loader, shown by every format.

/** Where a matrix came from when it extends another. */
export interface ExtendsInfo {
  /** The matrices it extends, nearest first. */
  readonly bases: readonly BaseMatrix[];
  /** What this matrix changes in its base, in the order it says it. */
  readonly overrides: readonly Override[];
}

export interface BaseMatrix {
  readonly id: string;
  readonly version: string;
  readonly file: string;
  readonly sha256: string;
}

export interface Override {
  /** `verdicts`, `criteria.negotiation.weight`, `criteria.new-criterion`. */
  readonly path: string;
  /** `changed`: a single value, shown with from and to; `replaced`: a list or mapping; `added`: not in the base. */
  readonly change: 'changed' | 'replaced' | 'added';
  readonly from?: string | number | boolean | null;
  readonly to?: string | number | boolean | null;
}
