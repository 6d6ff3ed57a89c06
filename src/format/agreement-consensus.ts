// The consensus record of `summit-score merge` as YAML: a valid record file whose comments keep the
// audit trail. Each contested fact carries a comment with every coder's value and how the policy
// decided; what the consensus leaves unknown is listed at the top, since it has no line of its own.

import { Document, isMap, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Consensus, Contested, MergePolicy } from '../engine/agreement-merge.js';
import type { FieldValue } from '../engine/types.js';

function shown(value: FieldValue | undefined): string {
  // JSON text: a value's line breaks and '#' cannot end the comment or start YAML of their own.
  return value === undefined ? '(not stated)' : JSON.stringify(value);
}

const RESOLUTIONS: Record<Contested['resolution'], string> = {
  majority: 'kept by majority',
  tie: 'a tie, the first coder’s kept',
  first: 'the first coder’s kept',
  unknown: 'left unknown: not stated',
  required: 'the first coder’s kept: a record cannot be without it',
  'left-out': 'the event is left out: its date or type is contested, and an event needs both',
};

function contestedText(item: Contested): string {
  if (item.resolution === 'left-out') return `contested ${item.fact}: ${RESOLUTIONS['left-out']}`;
  const alternatives = item.alternatives.length > 0 ? item.alternatives.map((a) => `${a.coder} ${shown(a.value)}`).join(', ') : 'it links to an event left out';
  return `contested ${item.fact}: ${alternatives}; ${RESOLUTIONS[item.resolution]}`;
}

/** The pair of `map` whose key is `key`. */
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair): pair is Pair => (pair.key as { value?: unknown } | null)?.value === key);
}

/** Where a kept fact stands in the document: the pair to comment, or undefined when it has none. */
function placeOf(doc: Document, consensus: Consensus, item: Contested): Pair | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  if (item.event === undefined) return pairOf(root, item.fact);
  const events = pairOf(root, 'events')?.value;
  if (!isSeq(events)) return undefined;
  const index = ((consensus.data['events'] ?? []) as readonly { readonly id?: FieldValue }[]).findIndex((event) => event.id === item.event);
  const event = events.items[index];
  if (!isMap(event)) return undefined;
  const rest = item.fact.slice(`events[${item.event}]`.length);
  if (rest === '') return pairOf(event, 'id');
  const [part, name] = rest.slice(1).split(/\.(.*)/s) as [string, string | undefined];
  const pair = pairOf(event, part);
  if (name === undefined || !pair || !isMap(pair.value)) return pair;
  return pairOf(pair.value, name);
}

export function formatConsensus(consensus: Consensus, options: { policy: MergePolicy; coders: readonly string[]; files: readonly string[] }): string {
  const doc = new Document(consensus.data);
  const unplaced: string[] = [];
  for (const item of consensus.contested) {
    const pair = item.kept === undefined ? undefined : placeOf(doc, consensus, item);
    const key = pair?.key as Node | undefined;
    if (!key) {
      unplaced.push(contestedText(item));
      continue;
    }
    key.commentBefore = [key.commentBefore, ` ${contestedText(item)}`].filter((line) => line !== undefined).join('\n');
  }
  const header = [
    ` Consensus of ${options.coders.length} coders (${options.coders.join(', ')}) by summit-score merge --policy ${options.policy}.`,
    ` From: ${options.files.join(', ')}.`,
    ` ${consensus.contested.length} contested facts, each marked "contested" with every coder's value.`,
    ...(unplaced.length > 0 ? [' Not stated here, because contested:', ...unplaced.map((line) => `   ${line}`)] : []),
  ];
  doc.commentBefore = header.join('\n');
  // One value, one line: a long or multi-line value is never folded onto a line of its own, where
  // its text would start a line a CI log reads as a command (`::error`).
  return doc.toString({ lineWidth: 0, blockQuote: false, doubleQuotedAsJSON: true });
}
