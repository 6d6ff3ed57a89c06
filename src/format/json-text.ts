// JSON text written part by part, indented (evaluate -f json) or compact (each line of -f ndjson). A large result (2,000 commitments x 21 members) projects
// to a tree as large as its 70 MB of text; made whole before JSON.stringify, that tree survives
// the collector's young generation and is copied into the old one. Here the long lists are
// projected one item at a time, each item's text made as soon as it is, so each projected item
// dies young. The text is byte for byte JSON.stringify(value, null, 2), or JSON.stringify(value), of
// the plain projection.

/** A list whose items are projected one at a time, as the text reaches them. */
export class JsonItems<T> {
  constructor(
    readonly items: readonly T[],
    readonly project: (item: T) => unknown,
  ) {}
}

/** An object whose fields are written one by one, so that a JsonItems may stand among them. */
export class JsonFields {
  constructor(readonly fields: Readonly<Record<string, unknown>>) {}
}

/** A value made only when the text reaches it, so that what it takes to make is not held before. */
class JsonLater {
  constructor(readonly make: () => unknown) {}
}

/**
 * How a projection holds its long lists and the objects above them: made at once (plain data, for
 * JSON.stringify), or streamed (JsonItems and JsonFields, for indentedJson); the text is the same.
 */
export interface Shape {
  list<T>(items: readonly T[], project: (item: T) => unknown): unknown;
  fields(fields: Record<string, unknown>): unknown;
  later(make: () => unknown): unknown;
  /** Whether the projection is a tree (plain), in which an object projected twice may be shared. */
  readonly tree: boolean;
}

export const PLAIN: Shape = { list: (items, project) => items.map(project), fields: (fields) => fields, later: (make) => make(), tree: true };
export const STREAMED: Shape = {
  list: (items, project) => new JsonItems(items, project),
  fields: (fields) => new JsonFields(fields),
  later: (make) => new JsonLater(make),
  tree: false,
};

const INDENT = 2;

/** JSON.stringify(plain, null, 2) of the plain value `value` stands for, in pieces handed to `write`. */
export function writeIndentedJson(value: unknown, write: (text: string) => void): void {
  writeValue(value, 0, write);
}

/** A JsonLater's value, made (what it stands for, if that is a JsonLater too). */
function made(value: unknown): unknown {
  return value instanceof JsonLater ? made(value.make()) : value;
}

function writeValue(value: unknown, depth: number, write: (text: string) => void): void {
  if (value instanceof JsonLater) return writeValue(made(value), depth, write);
  if (value instanceof JsonFields) writeFields(value.fields, depth, write);
  else if (value instanceof JsonItems) writeItems(value, depth, write);
  else write(stringifyAt(value, depth));
}

function writeFields(fields: Readonly<Record<string, unknown>>, depth: number, write: (text: string) => void): void {
  const pad = ' '.repeat(INDENT * (depth + 1));
  let first = true;
  for (const key of Object.keys(fields)) {
    const value = made(fields[key]);
    // What JSON.stringify leaves out of an object.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    write(`${first ? '{\n' : ',\n'}${pad}${JSON.stringify(key)}: `);
    first = false;
    writeValue(value, depth + 1, write);
  }
  write(first ? '{}' : `\n${' '.repeat(INDENT * depth)}}`);
}

function writeItems<T>({ items, project }: JsonItems<T>, depth: number, write: (text: string) => void): void {
  if (items.length === 0) return write('[]');
  const pad = ' '.repeat(INDENT * (depth + 1));
  for (let i = 0; i < items.length; i++) {
    write(`${i === 0 ? '[\n' : ',\n'}${pad}`);
    const value = made(project(items[i]!));
    // What JSON.stringify writes for a list item it cannot write.
    writeValue(value === undefined || typeof value === 'function' || typeof value === 'symbol' ? null : value, depth + 1, write);
  }
  write(`\n${' '.repeat(INDENT * depth)}]`);
}

/** JSON.stringify(plain) of the plain value `value` stands for, in pieces handed to `write`. */
export function writeCompactJson(value: unknown, write: (text: string) => void): void {
  if (value instanceof JsonFields) {
    let first = true;
    for (const key of Object.keys(value.fields)) {
      const field = made(value.fields[key]);
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
      write(`${first ? '{' : ','}${JSON.stringify(key)}:`);
      first = false;
      writeCompactJson(field, write);
    }
    write(first ? '{}' : '}');
  } else if (value instanceof JsonItems) {
    const { items, project } = value as JsonItems<unknown>;
    if (items.length === 0) return write('[]');
    for (let i = 0; i < items.length; i++) {
      write(i === 0 ? '[' : ',');
      const item = made(project(items[i]));
      writeCompactJson(item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item, write);
    }
    write(']');
  } else if (value instanceof JsonLater) writeCompactJson(made(value), write);
  else write(JSON.stringify(value) ?? 'null');
}

/**
 * A plain value's text as it stands at `depth`: stringified inside `depth` one-item lists, which
 * indents it as its place does, and cut out of them, so no second pass re-indents the text.
 */
function stringifyAt(value: unknown, depth: number): string {
  if (depth === 0) return JSON.stringify(value, null, INDENT) ?? 'null';
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, INDENT);
  // Each wrapping list opens with `[` and a line break after its own indentation (2j + 2 characters
  // at level j), and closes alike; the value's first line keeps its indentation, which is cut too.
  const cut = depth * depth + depth;
  return text.slice(cut + INDENT * depth, text.length - cut);
}
