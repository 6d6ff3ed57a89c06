// Builders for engine tests: records and conditions from plain data and YAML text, no files.
import { dayNumber, type CaseRecord, type Condition, type FieldValue, type LinkKind, type Matrix, type SummitEvent } from '../../src/engine/index.js';
import { loadMatrix } from '../../src/load/load-matrix.js';
import { loadRecord } from '../../src/load/load-record.js';
import { conditionParser } from '../../src/load/parse-condition.js';
import { parseYamlDocument } from '../../src/load/yaml-document.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';

export interface EventSpec {
  id: string;
  date?: string;
  type?: string;
  actors?: string[];
  fields?: Record<string, FieldValue>;
  links?: Partial<Record<LinkKind, string[]>>;
}

function makeEvent(spec: EventSpec): SummitEvent {
  const date = spec.date ?? '2015-09-25';
  return {
    id: spec.id,
    date,
    day: dayNumber(date)!,
    type: spec.type ?? 'statement',
    actors: spec.actors ?? [],
    fields: spec.fields ?? {},
    links: spec.links ?? {},
    sources: [{ url: 'https://example.org/source', verified: true }],
  };
}

export function makeRecord(events: EventSpec[], date = '2015-09-25'): CaseRecord {
  return { id: 'case', title: 'A case', date, day: dayNumber(date)!, parties: ['US', 'CN'], events: events.map(makeEvent) };
}

/**
 * A condition as a matrix author writes it, parsed at record level, or where `scope` says (an event
 * in scope, a per-party or forEach criterion). Throws on a bad condition.
 */
export function conditionFrom(yamlText: string, scope?: Parameters<ReturnType<typeof conditionParser>['parse']>[2]): Condition {
  const doc = parseYamlDocument('condition.yaml', yamlText);
  if (Array.isArray(doc)) throw new Error(doc.map((d) => d.message).join('\n'));
  const parser = conditionParser(doc);
  const condition = parser.parse(doc.data, [], scope);
  if (!condition) throw new Error(parser.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  return condition;
}

export function matrixFrom(yamlText: string): Matrix {
  return loadMatrix({ file: 'matrix.yaml', text: yamlText, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES }).matrix;
}

export function recordFrom(yamlText: string): CaseRecord {
  return loadRecord({ file: 'record.yaml', text: yamlText, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES }).record;
}
