import type { Diagnostic } from '../diagnostics.js';
import type { SourceLocation } from '../engine/types.js';
import { MAX_NESTING, parseYamlDocument, type DataPath, type ParsedDocument, type Position } from './yaml-document.js';

// JSON read at JSON.parse's speed. The YAML reader builds a node with a range for every value of
// a file (49× JSON.parse and 1.2 GB for a 14 MB record), though a valid file needs positions only
// for the events evidence names. Here JSON.parse gives the data, one walk over it makes the checks
// the YAML reader makes of every input, and positions are found in the text when asked for, by
// skipping from container to container (each container's members are indexed once). A file with
// a syntax or safety problem goes through the YAML reader after all, so that its diagnostics are
// exactly those of the YAML path.

/** Whether text (after a byte order mark and blanks) opens like a JSON document. */
export function looksLikeJson(text: string): boolean {
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === LF || c === CR) continue;
    return c === OPEN_BRACE;
  }
  return false;
}

/**
 * Parses a JSON document (a file, or one NDJSON line standing at `line`): the document, or every
 * problem found, as the YAML reader would report them. Text the YAML reader reads differently
 * from JSON.parse (a key given twice, a colon written as an escape) is read by the YAML reader, and
 * so is text that is not JSON at all (a `.json` file may hold YAML's flow style).
 */
export function parseJsonDocument(file: string, text: string, line = 1): ParsedDocument | Diagnostic[] {
  const read = readJson(file, text, line);
  return read.syntax ? parseCarefully(file, text, line) : read.result;
}

/** JSON.parse's reading of the text, checked as parseJsonDocument checks it; `syntax` when it is not JSON. */
export function readJson(file: string, text: string, line = 1): { result: ParsedDocument | Diagnostic[]; syntax?: undefined } | { syntax: Error } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { syntax: error as Error };
  }
  const scan = new SafetyScan();
  scan.walk(data, 1);
  // Something to report, or (rarely) a colon written as an escape: the careful reader decides.
  if (scan.unsafe || countColons(source) - scan.colonsInText !== scan.keys) return { result: parseCarefully(file, text, line) };
  return { result: new JsonDocument(file, source, data, line) };
}

/** The YAML reader's reading, at `line` for an NDJSON line. */
export function parseCarefully(file: string, text: string, line: number): ParsedDocument | Diagnostic[] {
  const parsed = parseYamlDocument(file, text);
  if (line === 1) return parsed;
  if (Array.isArray(parsed)) return parsed.map((d) => ({ ...d, line }));
  return { file, data: parsed.data, locate: (path, options) => ({ line, col: parsed.locate(path, options).col }) };
}

/**
 * What JSON.parse lets through that the YAML reader refuses, found in one walk over the data: a
 * forbidden key, a number that is not finite, nesting deeper than MAX_NESTING. It also counts the
 * keys, and the colons inside keys and strings: a text with more colons outside strings than keys
 * repeats a key, which JSON.parse would silently resolve.
 */
class SafetyScan {
  keys = 0;
  colonsInText = 0;
  unsafe = false;

  walk(value: unknown, depth: number): void {
    if (typeof value === 'string') {
      if (value.indexOf(':') !== -1) this.colonsInText += countColons(value);
      return;
    }
    if (typeof value !== 'object' || value === null) {
      if (typeof value === 'number' && !Number.isFinite(value)) this.unsafe = true;
      return;
    }
    if (depth > MAX_NESTING) {
      this.unsafe = true;
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.walk(value[i], depth + 1);
      return;
    }
    const map = value as Record<string, unknown>;
    for (const key in map) {
      this.keys++;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') this.unsafe = true;
      if (key.indexOf(':') !== -1) this.colonsInText += countColons(key);
      this.walk(map[key], depth + 1);
    }
  }
}

function countColons(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) count++;
  return count;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** A container's members, by key (a mapping) or index (a list): where each key and value starts. */
interface Members {
  readonly keys?: Map<string, number>;
  readonly values: Map<string, number> | number[];
}

/** Valid JSON text (JSON.parse accepted it) and the data it holds, with positions found on demand. */
class JsonDocument implements ParsedDocument {
  private readonly members = new Map<number, Members>();
  private newlines: Int32Array | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
    readonly data: unknown,
    /** The line the text starts on (an NDJSON line's number). */
    private readonly firstLine: number,
  ) {}

  locate(path: DataPath, options?: { key?: boolean }): Position {
    return this.position(this.offsetOf(path, options?.key ?? false));
  }

  sourceLocation(path: DataPath): SourceLocation {
    return new LazyLocation(this, path);
  }

  /** Where the value at `path` starts (its key's opening quote with `key`); the nearest ancestor's start when absent. */
  offsetOf(path: DataPath, wantKey: boolean): number {
    let offset = this.skipSpace(0);
    for (let i = 0; i < path.length; i++) {
      const members = this.membersAt(offset);
      if (!members) return offset;
      const segment = path[i]!;
      let value: number | undefined;
      if (Array.isArray(members.values)) value = members.values[Number(segment)];
      else {
        value = members.values.get(String(segment));
        if (value !== undefined && wantKey && i === path.length - 1) return members.keys!.get(String(segment))!;
      }
      if (value === undefined) return offset;
      offset = value;
    }
    return offset;
  }

  /** The line and column (1-based, in UTF-16 units as the YAML reader counts) of an offset. */
  position(offset: number): Position {
    const newlines = (this.newlines ??= newlineOffsets(this.text));
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (newlines[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    const lineStart = low === 0 ? 0 : newlines[low - 1]! + 1;
    return { line: this.firstLine + low, col: offset - lineStart + 1 };
  }

  /** The members of the mapping or list starting at `offset`, indexed on first use; undefined for a scalar. */
  private membersAt(offset: number): Members | undefined {
    const known = this.members.get(offset);
    if (known) return known;
    const { text } = this;
    const opener = text.charCodeAt(offset);
    let members: Members;
    if (opener === OPEN_BRACKET) {
      const values: number[] = [];
      let i = this.skipSpace(offset + 1);
      while (text.charCodeAt(i) !== CLOSE_BRACKET) {
        values.push(i);
        i = this.skipSpace(this.skipValue(i));
        if (text.charCodeAt(i) === COMMA) i = this.skipSpace(i + 1);
      }
      members = { values };
    } else if (opener === OPEN_BRACE) {
      const keys = new Map<string, number>();
      const values = new Map<string, number>();
      let i = this.skipSpace(offset + 1);
      while (text.charCodeAt(i) !== CLOSE_BRACE) {
        const keyEnd = this.skipString(i);
        const key = JSON.parse(text.slice(i, keyEnd)) as string;
        keys.set(key, i);
        i = this.skipSpace(keyEnd);
        // i is at the colon.
        i = this.skipSpace(i + 1);
        values.set(key, i);
        i = this.skipSpace(this.skipValue(i));
        if (text.charCodeAt(i) === COMMA) i = this.skipSpace(i + 1);
      }
      members = { keys, values };
    } else return undefined;
    this.members.set(offset, members);
    return members;
  }

  private skipSpace(i: number): number {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) return i;
      i++;
    }
  }

  /** From a string's opening quote to just past its closing quote. */
  private skipString(i: number): number {
    const { text } = this;
    for (let at = text.indexOf('"', i + 1); ; at = text.indexOf('"', at + 1)) {
      let backslashes = 0;
      while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return at + 1;
    }
  }

  /** From a value's start to just past its end. */
  private skipValue(i: number): number {
    const { text } = this;
    const c = text.charCodeAt(i);
    if (c === QUOTE) return this.skipString(i);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let depth = 0;
      for (;;) {
        const d = text.charCodeAt(i);
        if (d === QUOTE) {
          i = this.skipString(i);
          continue;
        }
        if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
        else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
          if (--depth === 0) return i + 1;
        }
        i++;
      }
    }
    for (;;) {
      const d = text.charCodeAt(i);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d === SPACE || d === LF || d === CR || d === TAB || Number.isNaN(d)) return i;
      i++;
    }
  }
}

function newlineOffsets(text: string): Int32Array {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const offsets = new Int32Array(count);
  for (let i = text.indexOf('\n'), k = 0; i !== -1; i = text.indexOf('\n', i + 1)) offsets[k++] = i;
  return offsets;
}

/**
 * An event's place, worked out when read: scoring a large file reads none, and the JSON output
 * reads the line of the events it cites only. One small object per event, no closure.
 */
class LazyLocation implements SourceLocation {
  private known: Position | undefined;
  constructor(
    private readonly doc: JsonDocument,
    private readonly path: DataPath,
  ) {}

  get file(): string {
    return this.doc.file;
  }

  get line(): number {
    return (this.known ??= this.doc.locate(this.path)).line;
  }

  get col(): number {
    return (this.known ??= this.doc.locate(this.path)).col;
  }

  toJSON(): SourceLocation {
    return { file: this.file, line: this.line, col: this.col };
  }
}
