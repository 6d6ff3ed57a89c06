import type { Document, Node } from 'yaml';
import type * as Yaml from 'yaml';
import type { DataPath } from './data-path.js';
import { itemAt } from '../checked-index.js';

// Where each value of a YAML document starts, kept in a few typed arrays instead of the parser's
// nodes: a document of 100,000 values needs some 2 MB here, where its yaml Document holds about
// 14 MB and keeping it (to place a warning found later) kept all of it alive while scoring.

/** A node with no value of its own (`when:` left empty): its place is its key's. */
const NONE = -1;
/** Mappings with more keys than this are looked up through a Map built on first use. */
const SCAN_LIMIT = 16;

/** The start offsets of a document's values, and of its keys, by data path. */
export class YamlPositions {
  /** Per node: where it starts. */
  private readonly offsets: Int32Array;
  /** Per node: its first child in `children`, and how many (a mapping's children alternate key, value). */
  private readonly firstChild: Int32Array;
  private readonly childCount: Int32Array;
  /** Nodes by parent, each parent's children together; NONE for an empty value. */
  private readonly children: Int32Array;
  /** Per node: whether it is a mapping (its children are pairs) or a list; 0 for anything else. */
  private readonly kinds: Uint8Array;
  /** Per key node: its text, as the data has it. */
  private readonly keys: (string | undefined)[];
  private readonly lookups = new Map<number, Map<string, number>>();

  constructor(yaml: typeof Yaml, doc: Document) {
    const { isMap, isPair, isScalar, isSeq } = yaml;
    const nodes: Node[] = [];
    const offsets: number[] = [];
    const kinds: number[] = [];
    const keys: (string | undefined)[] = [];
    const firstChild: number[] = [];
    const childCount: number[] = [];
    const children: number[] = [];
    const add = (node: Node | null, key?: string): number => {
      if (!node) return NONE;
      const id = nodes.length;
      nodes.push(node);
      offsets.push(node.range?.[0] ?? NONE);
      kinds.push(isMap(node) ? MAP : isSeq(node) ? SEQ : 0);
      keys.push(key);
      firstChild.push(0);
      childCount.push(0);
      return id;
    };
    if (doc.contents) add(doc.contents);
    // Breadth first: each node's children are added (and so numbered) together, after it.
    for (let id = 0; id < nodes.length; id++) {
      const node = itemAt(nodes, id);
      if (kinds[id] === 0) continue;
      firstChild[id] = children.length;
      const items = (node as Yaml.YAMLMap | Yaml.YAMLSeq).items;
      for (const item of items) {
        if (isPair(item)) {
          const key = item.key as Node | null;
          children.push(add(key, isScalar(key) ? String(key.value) : undefined), add(item.value as Node | null));
        } else children.push(add(item as Node | null));
      }
      childCount[id] = children.length - itemAt(firstChild, id);
    }
    this.offsets = Int32Array.from(offsets);
    this.kinds = Uint8Array.from(kinds);
    this.keys = keys;
    this.firstChild = Int32Array.from(firstChild);
    this.childCount = Int32Array.from(childCount);
    this.children = Int32Array.from(children);
  }

  /** The offset of the value at `path` (of its key with `wantKey`); the nearest ancestor's when absent. */
  offsetOf(path: DataPath, wantKey: boolean): number {
    if (this.offsets.length === 0) return 0;
    let node = 0;
    let offset = Math.max(0, itemAt(this.offsets, 0));
    for (let i = 0; i < path.length; i++) {
      const kind = this.kinds[node];
      const first = itemAt(this.firstChild, node);
      if (kind === MAP) {
        const pair = this.pairIndex(node, String(path[i]));
        if (pair === undefined) return offset;
        const key = itemAt(this.children, first + 2 * pair);
        const keyOffset = key === NONE || this.offsets[key] === NONE ? offset : itemAt(this.offsets, key);
        if (i === path.length - 1 && wantKey) return keyOffset;
        const value = itemAt(this.children, first + 2 * pair + 1);
        // An empty value (`when:`) has no place of its own: its key's.
        if (value === NONE) return keyOffset;
        offset = this.offsets[value] === NONE ? keyOffset : itemAt(this.offsets, value);
        node = value;
      } else if (kind === SEQ) {
        const index = Number(path[i]);
        if (!Number.isInteger(index) || index < 0 || index >= itemAt(this.childCount, node)) return offset;
        const item = itemAt(this.children, first + index);
        if (item === NONE) return offset;
        if (this.offsets[item] !== NONE) offset = itemAt(this.offsets, item);
        node = item;
      } else return offset;
    }
    return offset;
  }

  /** The first pair of the mapping `node` whose key is `key`. */
  private pairIndex(node: number, key: string): number | undefined {
    const first = itemAt(this.firstChild, node);
    const pairs = itemAt(this.childCount, node) / 2;
    if (pairs > SCAN_LIMIT) {
      let lookup = this.lookups.get(node);
      if (!lookup) {
        lookup = new Map();
        for (let pair = pairs - 1; pair >= 0; pair--) {
          const text = this.keyText(itemAt(this.children, first + 2 * pair));
          if (text !== undefined) lookup.set(text, pair);
        }
        this.lookups.set(node, lookup);
      }
      return lookup.get(key);
    }
    for (let pair = 0; pair < pairs; pair++) if (this.keyText(itemAt(this.children, first + 2 * pair)) === key) return pair;
    return undefined;
  }

  private keyText(node: number): string | undefined {
    return node === NONE ? undefined : this.keys[node];
  }
}

const MAP = 1;
const SEQ = 2;
