import { createRequire } from 'node:module';
import type { CST, Document, Node } from 'yaml';
import type * as Yaml from 'yaml';
import type { Diagnostic, ErrorCode } from '../diagnostics.js';
import type { SourceLocation } from '../engine/types.js';
import { collectEagerly } from './eager-collection.js';
import { explainSlip } from './yaml-slips.js';
import { YamlPositions } from './yaml-positions.js';
import type { DataPath } from './data-path.js';

export type { DataPath } from './data-path.js';

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A parsed YAML or JSON file: its data, and a way back from any data path to a line and column. */
export interface ParsedDocument {
  readonly file: string;
  readonly data: unknown;
  /**
   * The position of the value at `path`, or of its key with `key`; the nearest ancestor when
   * absent. A function of its own (no `this`): a loaded record keeps it without the document.
   */
  readonly locate: (path: DataPath, options?: { key?: boolean }) => Position;
  /**
   * Where item `index` of the list at `list` stands, as events carry it. Optional: a JSON
   * document (src/load/json-document.ts) works the position out only if it is read, so that
   * scoring a large file never has to.
   */
  sourceLocation?(list: DataPath, index: number): SourceLocation;
}

/** Aliases a document may expand: enough for real reuse, far too few for a "billion laughs". */
export const MAX_ALIAS_COUNT = 100;
/** Nesting of lists and mappings. Real matrices stay under 30; the parser itself fails far above this. */
export const MAX_NESTING = 128;
/**
 * Values (list items, keys and their values) one YAML document may hold, so that reading it keeps
 * within the memory bound of docs/trust.md (10 x the input + 100 MiB). The yaml parser's syntax
 * tree holds some 700 bytes a value until the composer has read all of it, so one-digit numbers
 * (2 bytes a value) cannot go far: at 100,000 values (200 KB) the peak was 183 MiB, and at 25,000
 * lists nested 120 deep came within 1 MiB of the bound. At 20,000 every shape of
 * test/built/hostile/memory.test.ts peaks under it (the deep lists at 92 MiB of 100 MiB). The
 * largest real file holds 2,508; larger records belong in JSON or NDJSON, read by JSON.parse,
 * which keep within the bound at any size.
 */
export const MAX_YAML_VALUES = 20_000;
/** From this many values, the collector works in small steps (src/load/eager-collection.ts). */
const EAGER_COLLECTION_FROM = 5_000;
/** Keys that mean something to JavaScript objects; as data they are never what the author meant. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * The tags of YAML's core schema, whose values JSON can hold. The parser also knows !!binary,
 * !!set, !!omap, !!pairs and !!timestamp, which make byte arrays, Sets, Maps and Dates: data no
 * matrix or record has, and that compares and prints as something other than what the file says.
 */
const CORE_TAGS: ReadonlySet<string> = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`)]);

const require = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
/** The YAML parser, loaded on first use: a run that parses no YAML (bundled inputs, NDJSON) never loads it. */
const yaml = (): typeof Yaml => (yamlModule ??= require('yaml') as typeof Yaml);

/** Parses YAML (and so JSON, a subset of it); returns the document, or every problem found. */
export function parseYamlDocument(file: string, text: string): ParsedDocument | Diagnostic[] {
  const { Composer, LineCounter, Parser, YAMLParseError } = yaml();
  const lineCounter = new LineCounter();
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const problem = (code: ErrorCode, offset: number, message: string, hint?: string): Diagnostic => ({
    severity: 'error',
    code,
    file,
    ...lineCounter.linePos(offset),
    message,
    ...(hint && { hint }),
  });

  // Deep flow nesting ([[[[...) exhausts the parser's memory before it can report anything.
  const tooDeep = deepFlowOffset(source);
  if (tooDeep !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = source.indexOf('\n'); i !== -1 && i < tooDeep; i = source.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return [problem('TOO_DEEP', tooDeep, `lists and mappings nest deeper than ${MAX_NESTING} levels`)];
  }

  // Counted from the text before the parser builds a node for each of them.
  const { count, crowded } = crowding(source);
  if (crowded !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = source.indexOf('\n'); i !== -1 && i < crowded; i = source.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return [
      problem(
        'TOO_MANY_VALUES',
        crowded,
        `the file holds more than ${String(MAX_YAML_VALUES).replace(/\B(?=(\d{3})+$)/g, ',')} values (list items, keys and their values)`,
        'write so large an input as JSON or NDJSON, read without this bound',
      ),
    ];
  }

  if (count > EAGER_COLLECTION_FROM) collectEagerly();
  // What yaml's parseDocument does, in two steps, so that depth is measured between them: the
  // composer recurses once per level, and block nesting deep enough to exhaust the stack does not
  // just fail, it can make V8 abort the whole process (a second such file in the same run did).
  // The syntax tree (some 700 bytes a value) is dropped as soon as the composer has read it.
  let tokens: CST.Token[] | undefined = [...new Parser(lineCounter.addNewLine).parse(source)];
  const deep = deepBlockOffset(tokens);
  if (deep !== undefined) return [problem('TOO_DEEP', deep, `lists and mappings nest deeper than ${MAX_NESTING} levels`)];
  // stringKeys: every key is text, so `1:` and `"1":` (or `true:` and `"true":`) are the duplicate
  // keys they become in the data, instead of one silently replacing the other. Repeated keys are
  // found here, in one pass (the composer's uniqueKeys compares each key with every key before
  // it: 50,000 keys in one mapping took 68 s).
  const [doc, second] = new Composer({ uniqueKeys: false, merge: false, stringKeys: true }).compose(tokens, true, source.length);
  tokens = undefined;
  if (!doc) return [problem('EMPTY_FILE', 0, 'the file is empty')];
  if (second)
    doc.errors.push(new YAMLParseError([second.range[0], second.range[1]], 'MULTIPLE_DOCS', 'the file holds several documents; a matrix or record is one'));
  // Warnings (an unknown tag, say) mean the data is not what the file says: treat them as errors.
  const syntax = [...doc.errors, ...repeatedKeys(doc), ...doc.warnings];
  if (syntax.length > 0) {
    // After a syntax error the parser's view of the rest is guesswork: its later errors are mostly
    // echoes of the first (one tab gives seven). Only the first, in file order, is a sure cause.
    const first = syntax.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
    const more = syntax.length > 1 ? 'fix this first: the parser cannot read on reliably after it' : undefined;
    if (first.code === 'NON_STRING_KEY') {
      return [problem('YAML_SYNTAX', first.pos[0], `a key must be plain text, not a list, a mapping, an alias or a tagged value [${first.code}]`, more)];
    }
    // The parser notices an unclosed `[` or `{` only where the next line starts; the mistake is the opener.
    const opener = /end with a [\]}]/.test(first.message) ? unclosedFlowOffset(source, first.pos[0]) : undefined;
    if (opener !== undefined) {
      return [
        problem(
          'YAML_SYNTAX',
          opener,
          `this \`${source[opener]}\` is never closed [${first.code}]`,
          `end the list or mapping with \`${source[opener] === '[' ? ']' : '}'}\` on this line`,
        ),
      ];
    }
    const slip = explainSlip(first, source);
    if (slip) return [problem('YAML_SYNTAX', slip.offset, `${slip.message} [${first.code}]`, slip.hint)];
    return [problem('YAML_SYNTAX', first.pos[0], `${firstLine(first.message)} [${first.code}]`, more)];
  }
  if (doc.contents === null) return [problem('EMPTY_FILE', 0, 'the file is empty')];

  const unsafe = unsafeNodes(doc, source, problem);
  if (unsafe.length > 0) return unsafe;

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) {
      return [problem('ALIAS_LIMIT', 0, `aliases expand to more than ${MAX_ALIAS_COUNT} copies`, 'write the repeated parts out, or use fewer aliases')];
    }
    throw error;
  }
  // Positions are kept compactly; the document itself is not kept.
  const positions = new YamlPositions(yaml(), doc);
  const locate = (path: DataPath, options: { key?: boolean } = {}): Position => lineCounter.linePos(positions.offsetOf(path, options.key ?? false));
  return { file, data, locate };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** The offsets of `[`, `{`, `]` and `}` before `end` that stand outside quoted scalars and comments. */
function* flowBrackets(text: string, end = text.length): Generator<number> {
  let quote: string | undefined;
  for (let i = 0; i < end && i < text.length; i++) {
    const char = text[i]!;
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const lineEnd = text.indexOf('\n', i);
      if (lineEnd === -1) return;
      i = lineEnd;
    } else if ((char === '"' || char === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) {
      // A quote opens a scalar only at its start: the apostrophe in `Lewis's test` does not.
      quote = char;
    } else if (char === '[' || char === '{' || char === ']' || char === '}') {
      yield i;
    }
  }
}

const isOpener = (char: string | undefined): boolean => char === '[' || char === '{';

/** The offset of the last `[` or `{` before `end` that is still open there. */
function unclosedFlowOffset(text: string, end: number): number | undefined {
  const open: number[] = [];
  for (const i of flowBrackets(text, end)) {
    if (isOpener(text[i])) open.push(i);
    else open.pop();
  }
  return open.at(-1);
}

/** Whether the YAML reader reads the text, as far as its number of values goes. */
export function withinYamlValues(text: string): boolean {
  return crowding(text).crowded === undefined;
}

/**
 * How many values the text holds at most, and where it passes MAX_YAML_VALUES, counting what can start a value: `,`, `[`, `{`, and `-`,
 * `:` or `?` before a blank or a line end. Dashes in dates and colons in URLs are not counted;
 * commas in text are, so the count is at least the number of values, never below it.
 */
function crowding(text: string): { readonly count: number; readonly crowded?: number } {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let starts = c === COMMA || c === OPEN_BRACKET || c === OPEN_BRACE;
    if (!starts && (c === DASH || c === COLON || c === QUESTION)) {
      const next = text.charCodeAt(i + 1);
      starts = Number.isNaN(next) || next === SPACE || next === TAB || next === LF || next === CR;
    }
    // A key and its value are two values; the count stays an upper bound either way.
    if (starts && (count += c === COLON ? 2 : 1) > MAX_YAML_VALUES) return { count, crowded: i };
  }
  return { count };
}
const [COMMA, OPEN_BRACKET, OPEN_BRACE, DASH, COLON, QUESTION, SPACE, TAB, LF, CR] = [',', '[', '{', '-', ':', '?', ' ', '\t', '\n', '\r'].map((char) =>
  char.charCodeAt(0),
);

/** The offset where `[`/`{` nesting first exceeds MAX_NESTING. */
function deepFlowOffset(text: string): number | undefined {
  let depth = 0;
  for (const i of flowBrackets(text)) {
    if (!isOpener(text[i])) depth = Math.max(0, depth - 1);
    else if (++depth > MAX_NESTING) return i;
  }
  return undefined;
}

/**
 * Walks the parsed nodes (with a stack, not recursion) for what the data must not hold: keys that
 * address JavaScript's object machinery, numbers that are not finite, and too deep a nesting.
 */
function unsafeNodes(doc: Document, source: string, problem: (code: ErrorCode, offset: number, message: string, hint?: string) => Diagnostic): Diagnostic[] {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  const found: Diagnostic[] = [];
  const stack: [Node | null | undefined, number][] = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!node) continue;
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      found.push(
        problem(
          'YAML_SYNTAX',
          tagOffset(source, node.range?.[0] ?? 0),
          `the tag \`${tag}\` is not allowed: matrices and records hold only text, numbers, true/false, null, lists and mappings`,
          'remove the tag',
        ),
      );
      continue;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        found.push(problem('BAD_NUMBER', node.range?.[0] ?? 0, `${String(node.source ?? node.value)} is not a finite number`));
      }
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) {
      found.push(problem('TOO_DEEP', node.range?.[0] ?? 0, `lists and mappings nest deeper than ${MAX_NESTING} levels`));
      continue;
    }
    for (const item of node.items) {
      if (isPair(item)) {
        const key = item.key as Node | null;
        if (isScalar(key) && FORBIDDEN_KEYS.has(String(key.value))) {
          found.push(
            problem(
              'FORBIDDEN_KEY',
              key.range?.[0] ?? 0,
              `\`${String(key.value)}\` cannot be a key`,
              'rename it: such keys are refused so no input can reach JavaScript object internals',
            ),
          );
        }
        stack.push([key, depth + 1], [item.value as Node | null, depth + 1]);
      } else {
        stack.push([item as Node | null, depth + 1]);
      }
    }
  }
  return found.sort((a, b) => a.line! - b.line! || a.col! - b.col!);
}

/** Keys given twice in one mapping, as the composer's uniqueKeys reports them, found with a set per mapping. */
function repeatedKeys(doc: Document): Yaml.YAMLParseError[] {
  const { isMap, isPair, isScalar, isSeq, YAMLParseError } = yaml();
  const found: Yaml.YAMLParseError[] = [];
  const stack: (Node | null | undefined)[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) for (const item of node.items) stack.push(item as Node | null);
    if (!isMap(node)) continue;
    const seen = new Set<unknown>();
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = item.key as Node | null;
      if (isScalar(key)) {
        if (seen.has(key.value)) {
          const at = key.range?.[0] ?? 0;
          found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen.add(key.value);
      }
      stack.push(key, item.value as Node | null);
    }
  }
  return found;
}

/** Where the tag of the value at `offset` starts: the `!…` word before it (an anchor may stand between). */
function tagOffset(source: string, offset: number): number {
  let end = offset;
  for (let words = 0; words < 2; words++) {
    while (end > 0 && /\s/.test(source[end - 1]!)) end--;
    let start = end;
    while (start > 0 && !/\s/.test(source[start - 1]!)) start--;
    if (source[start] === '!') return start;
    if (source[start] !== '&') break;
    end = start;
  }
  return offset;
}

/**
 * The offset of the first list or mapping (in file order) nested deeper than MAX_NESTING, read
 * from the parser's tokens with a stack: the parser itself does not recurse, unlike the composer.
 */
function deepBlockOffset(tokens: readonly CST.Token[]): number | undefined {
  let first: number | undefined;
  const stack: [CST.Token | undefined, number][] = [];
  for (const token of tokens) if (token.type === 'document') stack.push([token.value, 1]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token || (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')) continue;
    if (depth > MAX_NESTING) {
      if (first === undefined || token.offset < first) first = token.offset;
      continue;
    }
    for (const item of token.items) {
      if ('key' in item) stack.push([item.key ?? undefined, depth + 1]);
      stack.push([item.value, depth + 1]);
    }
  }
  return first;
}
