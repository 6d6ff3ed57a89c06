import type { Diagnostic } from '../diagnostics.js';
import type { SourceLocation } from '../engine/types.js';
import { MAX_NESTING, parseYamlDocument, withinYamlValues, type DataPath, type ParsedDocument, type Position } from './yaml-document.js';
import { explainSlip } from './yaml-slips.js';

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
  if (!read.syntax) return read.result;
  return readsCarefully(text) ? parseCarefully(file, text, line) : [jsonSyntaxProblem(file, text, line, read.syntax)];
}

/**
 * Up to this size a text with a problem is read by the YAML reader, for its exact diagnostics;
 * above it, the YAML reader would need memory many times the input (1.17 GB for 14 MB), so the
 * problems are found here, with the same codes, messages and positions (JSON.parse's message
 * for a syntax error). Memory stays a small multiple of the input either way.
 */
const CAREFUL_LIMIT = 1 << 20;

/** Whether a text with a problem goes to the YAML reader (which refuses one of more than MAX_YAML_VALUES). */
export function readsCarefully(text: string, limit = CAREFUL_LIMIT): boolean {
  return text.length <= limit && withinYamlValues(text);
}

/** A syntax error as JSON.parse reports it, at its position. */
function jsonSyntaxProblem(file: string, text: string, line: number, error: Error): Diagnostic {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const position = /at position (\d+)/.exec(error.message);
  const at = new JsonText(file, source, line).position(position ? Number(position[1]) : 0);
  return { severity: 'error', code: 'YAML_SYNTAX', file, ...at, message: `not JSON: ${error.message.split('\n')[0]!}` };
}

/** JSON.parse's reading of the text, checked as parseJsonDocument checks it; `syntax` when it is not JSON. */
export function readJson(
  file: string,
  text: string,
  line = 1,
  limit = CAREFUL_LIMIT,
): { result: ParsedDocument | Diagnostic[]; syntax?: undefined } | { syntax: Error } {
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
  const positions = new JsonText(file, source, line);
  const doc = jsonDocument(positions, data);
  if (scan.unsafe || countColons(source) - scan.colonsInText !== scan.keys) {
    return { result: readsCarefully(text, limit) ? parseCarefully(file, text, line) : (problemsOf(positions, source, data) ?? doc) };
  }
  return { result: doc };
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

/**
 * What the YAML reader reports of valid JSON text, in the order it reports it: nesting too deep
 * (alone), else the first key given twice, else every forbidden key and non-finite number.
 * Undefined when there is nothing (a colon written as an escape made the count differ).
 */
function problemsOf(doc: JsonText, source: string, data: unknown): Diagnostic[] | undefined {
  const at = (offset: number) => doc.position(offset);
  const unsafe: { offset: number; diagnostic: Diagnostic }[] = [];
  let deepest: number | undefined;
  const problem = (code: Diagnostic['code'], offset: number, message: string, hint?: string) =>
    unsafe.push({ offset, diagnostic: { severity: 'error', code, file: doc.file, ...at(offset), message, ...(hint && { hint }) } });
  const walk = (value: unknown, path: (string | number)[], depth: number): void => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        const offset = doc.offsetOf(path, false);
        problem('BAD_NUMBER', offset, `${source.slice(offset, doc.valueEnd(offset))} is not a finite number`);
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth > MAX_NESTING) {
      const offset = doc.offsetOf(path, false);
      if (deepest === undefined || offset < deepest) deepest = offset;
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], depth + 1));
    else {
      for (const key in value) {
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
          problem(
            'FORBIDDEN_KEY',
            doc.offsetOf([...path, key], true),
            `\`${key}\` cannot be a key`,
            'rename it: such keys are refused so no input can reach JavaScript object internals',
          );
        }
        walk((value as Record<string, unknown>)[key], [...path, key], depth + 1);
      }
    }
  };
  walk(data, [], 1);
  if (deepest !== undefined)
    return [{ severity: 'error', code: 'TOO_DEEP', file: doc.file, ...at(deepest), message: `lists and mappings nest deeper than ${MAX_NESTING} levels` }];
  const repeated = doc.repeatedKeyOffsets();
  if (repeated.length > 0) {
    // Told as the YAML reader tells it (src/load/yaml-slips.ts): the key named, where it was first.
    const slip = explainSlip({ code: 'DUPLICATE_KEY', pos: [repeated[0]!, repeated[0]!], message: '' }, source);
    const more = repeated.length > 1 ? 'fix this first: the parser cannot read on reliably after it' : undefined;
    const message = slip ? slip.message : 'Map keys must be unique';
    const hint = slip ? slip.hint : more;
    return [{ severity: 'error', code: 'YAML_SYNTAX', file: doc.file, ...at(repeated[0]!), message: `${message} [DUPLICATE_KEY]`, ...(hint && { hint }) }];
  }
  if (unsafe.length === 0) return undefined;
  return unsafe.sort((a, b) => a.offset - b.offset).map((entry) => entry.diagnostic);
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

/**
 * A document of JSON text: its data, and its positions, which events carry (sourceLocation) without
 * the data, so that the parsed tree a record was built from can go once the record is built.
 */
function jsonDocument(text: JsonText, data: unknown): ParsedDocument {
  return {
    file: text.file,
    data,
    locate: (path, options) => text.locate(path, options),
    sourceLocation: (list, index) => new LazyLocation(text, list, index),
  };
}

/** Valid JSON text (JSON.parse accepted it), with positions found on demand. */
class JsonText {
  private readonly members = new Map<number, Members>();
  private newlines: Int32Array | undefined;
  /** The line of every item of a list (a record's events), by the list's path, worked out at once when one is first asked for. */
  private readonly itemLines = new Map<DataPath, Int32Array | null>();

  constructor(
    readonly file: string,
    private readonly text: string,
    /** The line the text starts on (an NDJSON line's number). */
    readonly firstLine: number,
  ) {
    this.oneLine = text.indexOf('\n') === -1;
  }

  /** Whether the text is all on one line (an NDJSON line, a minified file). */
  readonly oneLine: boolean;

  locate(path: DataPath, options?: { key?: boolean }): Position {
    return this.position(this.offsetOf(path, options?.key ?? false));
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

  /**
   * The line item `index` of the list at `list` starts on. The JSON output asks the line of each
   * event it cites (42,817 of a compliance record): each list's lines are found in one walk
   * along its items and the line breaks, both in text order, not by a search from the top for
   * each item. Undefined for no such item.
   */
  lineOfItem(list: DataPath, index: number): number | undefined {
    let lines = this.itemLines.get(list);
    if (lines === undefined) this.itemLines.set(list, (lines = this.linesOfItems(list)));
    return lines !== null && index < lines.length ? lines[index] : undefined;
  }

  private linesOfItems(list: DataPath): Int32Array | null {
    // Only the list itself: offsetOf stops at the nearest ancestor of a path it does not find.
    let offset = this.skipSpace(0);
    for (const segment of list) {
      const values = this.membersAt(offset)?.values;
      const value = Array.isArray(values) ? values[Number(segment)] : values?.get(String(segment));
      if (value === undefined) return null;
      offset = value;
    }
    const items = this.membersAt(offset)?.values;
    if (!Array.isArray(items)) return null;
    const newlines = (this.newlines ??= newlineOffsets(this.text));
    const lines = new Int32Array(items.length);
    // As position() counts: the line breaks before the item's first character.
    let before = 0;
    items.forEach((start, i) => {
      while (before < newlines.length && (newlines[before] ?? start) < start) before++;
      lines[i] = this.firstLine + before;
    });
    return lines;
  }

  /** Where the value starting at `offset` ends. */
  valueEnd(offset: number): number {
    return this.skipValue(offset);
  }

  /** The offsets of keys given again in their mapping, in text order: one pass, a set of keys per open mapping. */
  repeatedKeyOffsets(): number[] {
    const { text } = this;
    const repeated: number[] = [];
    const open: (Set<string> | null)[] = [];
    let expectingKey = false;
    for (let i = 0; i < text.length;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const end = this.skipString(i);
        const keys = open.at(-1);
        if (expectingKey && keys) {
          const key = JSON.parse(text.slice(i, end)) as string;
          if (keys.has(key)) repeated.push(i);
          else keys.add(key);
          expectingKey = false;
        }
        i = end;
        continue;
      }
      if (c === OPEN_BRACE) {
        open.push(new Set());
        expectingKey = true;
      } else if (c === OPEN_BRACKET) open.push(null);
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) open.pop();
      else if (c === COMMA) expectingKey = open.at(-1) !== null && open.length > 0;
      i++;
    }
    return repeated;
  }

  /**
   * The members of the mapping or list starting at `offset`, indexed on first use; undefined for a
   * scalar. The document's own mapping indexes its lists and mappings as it passes them (a record's
   * `events`), so that finding an event reads the text once, not once to pass it and once to index it.
   */
  private membersAt(offset: number): Members | undefined {
    const known = this.members.get(offset);
    if (known) return known;
    return this.index(offset, offset === this.skipSpace(0))?.members;
  }

  /** Indexes the container at `offset` (its containers too with `deep`); where it ends. */
  private index(offset: number, deep: boolean): { readonly members: Members; readonly end: number } | undefined {
    const { text } = this;
    const opener = text.charCodeAt(offset);
    // Past a member's value: a container below the document's own mapping is indexed on the way.
    const pass = (i: number): number => {
      const c = text.charCodeAt(i);
      if (deep && (c === OPEN_BRACE || c === OPEN_BRACKET) && !this.members.has(i)) return this.index(i, false)!.end;
      return this.skipValue(i);
    };
    let members: Members;
    let i: number;
    if (opener === OPEN_BRACKET) {
      const values: number[] = [];
      i = this.skipSpace(offset + 1);
      while (text.charCodeAt(i) !== CLOSE_BRACKET) {
        values.push(i);
        i = this.skipSpace(pass(i));
        if (text.charCodeAt(i) === COMMA) i = this.skipSpace(i + 1);
      }
      members = { values };
    } else if (opener === OPEN_BRACE) {
      const keys = new Map<string, number>();
      const values = new Map<string, number>();
      i = this.skipSpace(offset + 1);
      while (text.charCodeAt(i) !== CLOSE_BRACE) {
        const keyEnd = this.skipString(i);
        const key = JSON.parse(text.slice(i, keyEnd)) as string;
        keys.set(key, i);
        i = this.skipSpace(keyEnd);
        // i is at the colon.
        i = this.skipSpace(i + 1);
        values.set(key, i);
        i = this.skipSpace(pass(i));
        if (text.charCodeAt(i) === COMMA) i = this.skipSpace(i + 1);
      }
      members = { keys, values };
    } else return undefined;
    this.members.set(offset, members);
    return { members, end: i + 1 };
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

/** Where each line break is, in one pass over the text (a large file has a million lines). */
function newlineOffsets(text: string): Int32Array {
  let offsets = new Int32Array(1024);
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (count === offsets.length) {
      const larger = new Int32Array(2 * count);
      larger.set(offsets);
      offsets = larger;
    }
    offsets[count++] = i;
  }
  return offsets.subarray(0, count);
}

/**
 * An event's place, worked out when read: scoring a large file reads none, and the JSON output
 * reads the line of the events it cites only. One small object per event, no closure.
 */
class LazyLocation implements SourceLocation {
  private known: Position | undefined;
  constructor(
    private readonly text: JsonText,
    /** The list the item stands in (`events`) and its index: the path is made only if asked for. */
    private readonly list: DataPath,
    private readonly index: number,
  ) {}

  get file(): string {
    return this.text.file;
  }

  get line(): number {
    // An NDJSON line (or a one-line file) knows its line without looking for the event.
    return this.text.oneLine ? this.text.firstLine : (this.known?.line ?? this.text.lineOfItem(this.list, this.index) ?? this.position().line);
  }

  get col(): number {
    return this.position().col;
  }

  toJSON(): SourceLocation {
    return { file: this.file, line: this.line, col: this.col };
  }

  private position(): Position {
    return (this.known ??= this.text.locate([...this.list, this.index]));
  }
}
