// The YAML mistakes people make most, told in their terms and at the place of the mistake: the
// parser says "Nested mappings are not allowed in compact mappings" for a colon in a title, and
// notices an unclosed quote only at the end of the file.
import { itemAt } from '../checked-index.js';

/** A syntax error as the yaml parser reports it. */
export interface ParserError {
  readonly code: string;
  readonly pos: readonly [number, number];
  readonly message: string;
}

/** What to tell the author instead: where, what, and the fix. */
export interface Slip {
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
}

interface Line {
  readonly start: number;
  readonly text: string;
}

function lineAt(source: string, offset: number): Line {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const end = source.indexOf('\n', offset);
  return { start, text: source.slice(start, end === -1 ? source.length : end).replace(/\r$/, '') };
}

/** A line without its indentation and list dash: `  - title: x` is `title: x`. */
function content(text: string): string {
  return text.replace(/^\s*(?:-\s+)?/, '');
}

const doubleQuoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/** A `: ` or a final `:` outside quotes: the line has a key. */
function hasKeyColon(text: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '#' && (i === 0 || /\s/.test(text.charAt(i - 1)))) return false;
    else if ((char === '"' || char === "'") && (i === 0 || /[\s[{,:]/.test(text.charAt(i - 1)))) quote = char;
    else if (char === ':' && (i + 1 === text.length || /\s/.test(text.charAt(i + 1)))) return true;
  }
  return false;
}

/** A plain value with `: ` in it (`title: Hotline: for escalation`): YAML reads a second key. */
function colonInValue(error: ParserError, source: string): Slip | undefined {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  const line = lineAt(source, error.pos[0]);
  const key = content(line.text.slice(0, error.pos[0] - line.start)).trimEnd();
  const value = line.text.slice(error.pos[0] - line.start).trim();
  if (!key.endsWith(':') || !value.includes(': ')) return undefined;
  return {
    offset: error.pos[0],
    message: `this value holds \`: \`, which YAML reads as the start of another key`,
    hint: `quote the value: \`${key} ${doubleQuoted(value)}\``,
  };
}

/** A key without its colon (`weight 1`): the parser takes it and the next line for one long key. */
function missingColon(error: ParserError, source: string): Slip | undefined {
  if (error.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const line = lineAt(source, error.pos[0]);
  const text = content(line.text).trimEnd();
  if (text === '' || hasKeyColon(text)) return undefined;
  const [key, ...rest] = text.split(/\s+/);
  const fixed = rest.length > 0 ? `${key}: ${rest.join(' ')}` : `${key}: VALUE`;
  return { offset: error.pos[0], message: `\`${text}\` has no \`:\` after its key`, hint: `write \`${fixed}\`` };
}

/** A key given twice in one mapping: name it, and where it was first. */
function duplicateKey(error: ParserError, source: string): Slip | undefined {
  if (error.code !== 'DUPLICATE_KEY') return undefined;
  const line = lineAt(source, error.pos[0]);
  const col = error.pos[0] - line.start;
  const key = keyOf(line.text.slice(col));
  if (key === undefined) return undefined;
  const first = firstKeyLine(source, line.start, col, key);
  return {
    offset: error.pos[0],
    message: `the key \`${key}\` is given twice in this mapping${first === undefined ? '' : ` (first on line ${first})`}`,
    hint: 'keep one of them: the data would hold only the last',
  };
}

function keyOf(text: string): string | undefined {
  const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:#][^:#]*?)\s*:(?:\s|$)/.exec(text);
  if (!match) return undefined;
  const raw = itemAt(match, 1);
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  if (!raw.startsWith('"')) return raw;
  try {
    // A double-quoted key may hold escapes (`"\u0069d"` is `id`); JSON's escapes are YAML's.
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** The line of the same key earlier in the same block mapping: same column, no line further left between. */
function firstKeyLine(source: string, lineStart: number, col: number, key: string): number | undefined {
  const before = source.slice(0, lineStart).split('\n');
  before.pop();
  for (let i = before.length - 1; i >= 0; i--) {
    const text = itemAt(before, i).replace(/\r$/, '');
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const indent = text.search(/\S/);
    const dashed = /^\s*-\s+/.exec(text);
    const keyCol = dashed ? dashed[0].length : indent;
    if (keyCol === col && keyOf(text.slice(col)) === key) return i + 1;
    // A dash at this column starts the mapping; a line further left is outside it.
    if ((dashed && keyCol === col) || indent < col) return undefined;
  }
  return undefined;
}

/** An unclosed quote: the parser reads on to the end of the file; the mistake is where it opens. */
function unclosedQuote(error: ParserError, source: string): Slip | undefined {
  if (error.code !== 'MISSING_CHAR' || !/quote/.test(error.message)) return undefined;
  const opener = firstQuoteOpenAtLineEnd(source, error.pos[0]);
  if (opener === undefined) return undefined;
  const line = lineAt(source, opener);
  const quote = source.charAt(opener);
  return {
    offset: opener,
    message: `this ${quote === '"' ? 'double' : 'single'} quote is not closed on its line`,
    hint: `close it where the value ends: \`${content(line.text).trimEnd()}${quote}\``,
  };
}

/** The first quoted scalar, before `end`, that is still open at the end of the line it starts on. */
function firstQuoteOpenAtLineEnd(source: string, end: number): number | undefined {
  let quote: string | undefined;
  let opened = 0;
  for (let i = 0; i < source.length && (quote !== undefined || i <= end); i++) {
    const char = source.charAt(i);
    if (quote !== undefined) {
      if (char === '\n') return opened;
      if (char === '\\' && quote === '"') i++;
      else if (char === quote && quote === "'" && source[i + 1] === "'") i++;
      else if (char === quote) quote = undefined;
    } else if (char === '#' && (i === 0 || /\s/.test(source.charAt(i - 1)))) {
      const lineEnd = source.indexOf('\n', i);
      if (lineEnd === -1) return undefined;
      i = lineEnd;
    } else if ((char === '"' || char === "'") && (i === 0 || /[\s[{,:]/.test(source.charAt(i - 1)))) {
      quote = char;
      opened = i;
    }
  }
  return quote === undefined ? undefined : opened;
}

/** The slip behind a parser error, when it is one of the common ones. */
export function explainSlip(error: ParserError, source: string): Slip | undefined {
  return colonInValue(error, source) ?? missingColon(error, source) ?? duplicateKey(error, source) ?? unclosedQuote(error, source);
}
