import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';

export type DataPath = readonly (string | number)[];

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A parsed YAML or JSON file: its data, and a way back from any data path to a line and column. */
export interface ParsedDocument {
  readonly file: string;
  readonly data: unknown;
  /** The position of the value at `path`, or of its key with `key`; the nearest ancestor when absent. */
  locate(path: DataPath, options?: { key?: boolean }): Position;
}

const MAX_ALIAS_COUNT = 100;

/** Parses YAML (and so JSON, a subset of it); returns the document, or every syntax problem. */
export function parseYamlDocument(file: string, text: string): ParsedDocument | Diagnostic[] {
  const lineCounter = new LineCounter();
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return { severity: 'error', code: 'YAML_SYNTAX', file, line, col, message: `${firstLine(error.message)} [${error.code}]` };
    });
  }
  const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  const locate = (path: DataPath, options: { key?: boolean } = {}): Position =>
    lineCounter.linePos(offsetOf(doc, path, options.key ?? false));
  return { file, data, locate };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function offsetOf(doc: Document, path: DataPath, wantKey: boolean): number {
  let node: Node | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      const keyNode = pair.key as Node;
      if (isLast && wantKey) return keyNode.range?.[0] ?? offset;
      const value = pair.value as Node | null;
      // An empty value (`when:`) has no range of its own: point at its key.
      offset = value?.range?.[0] ?? keyNode.range?.[0] ?? offset;
      node = value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
