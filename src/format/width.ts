// The widths terminal layouts fit (src/format/fit-table.ts), apart so that reading them loads nothing.

/** The width of an output when nothing else says: a pipe, a file, a library caller. */
export const DEFAULT_WIDTH = 80;

/** The narrowest width a layout is asked to fit; anything less is not a terminal. */
export const MIN_WIDTH = 20;
