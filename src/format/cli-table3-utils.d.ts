// cli-table3 wraps and measures its cells with these; it ships no types for them.
declare module 'cli-table3/src/utils.js' {
  const utils: {
    /** The widest line of `text` in terminal columns, colour codes not counted. */
    strlen(text: string): number;
    /** Each line of `text` wrapped at word boundaries to `width` columns; a longer word stays whole. */
    wordWrap(width: number, text: string): string[];
    /** The lines with each colour closed at its end and opened again on the next. */
    colorizeLines(lines: string[]): string[];
  };
  export default utils;
}
