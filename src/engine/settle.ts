import type { UnknownFact } from './unknowns.js';
import type { CaseRecord, FieldValue, Matrix } from './types.js';

// The parts of a scored case this module reads, so that it needs nothing of evaluate.ts (which
// calls it, passing its own scoring function).
interface LevelName {
  readonly label: string;
}
interface ScoredCase {
  readonly verdict: string | null;
  readonly verdicts: readonly string[];
  readonly criteria: readonly {
    readonly id: string;
    readonly applicable: boolean | 'unknown';
    readonly level: LevelName | null;
    readonly levelRange: { readonly low: LevelName | null; readonly high: LevelName | null } | null;
    readonly unknown: readonly UnknownFact[];
  }[];
}

/** What a criterion and the verdict would be if one unknown fact took some of its declared values. */
export interface SettlementOutcome {
  readonly values: readonly FieldValue[];
  /** The criterion's level then; null when it is still open (other facts unknown) or does not apply. */
  readonly level: string | null;
  readonly levelRange: { readonly low: string | null; readonly high: string | null } | null;
  readonly verdict: string | null;
  readonly verdicts: readonly string[];
}

/** For one fact that leaves a criterion open: each outcome its declared values lead to, best first. */
export interface Settlement {
  readonly criterion: string;
  readonly fact: UnknownFact;
  readonly outcomes: readonly SettlementOutcome[];
}

/** At most this many facts are tried per record: each costs one evaluation per declared value. */
const MAX_TRIED = 24;

/**
 * The facts that would settle an open result, tried one at a time: the event states each value
 * the matrix declares for the field, the record is scored again, and values that lead to the same
 * level and verdict are grouped. Only facts of a field with declared values can be tried; a month
 * dated event or an unverified source has no values to try. Pure: the record is copied, not changed.
 */
export function settlements<Compiled extends { readonly matrix: Matrix }, Options extends { readonly explain?: boolean }>(
  compiled: Compiled,
  record: CaseRecord,
  result: ScoredCase,
  options: Options,
  evaluate: (compiled: Compiled, record: CaseRecord, options: Options) => ScoredCase,
): Settlement[] {
  const found: Settlement[] = [];
  const fields = compiled.matrix.fields ?? {};
  const tried = new Set<string>();
  for (const criterion of result.criteria) {
    for (const fact of criterion.unknown) {
      if (fact.reason !== 'not-recorded' && fact.reason !== 'undeclared-value') continue;
      const declaration = Object.hasOwn(fields, fact.field) ? fields[fact.field] : undefined;
      if (!declaration?.values || declaration.type === 'list') continue;
      const key = `${criterion.id}\u0000${fact.event}\u0000${fact.field}`;
      if (tried.has(key) || tried.size >= MAX_TRIED) continue;
      tried.add(key);
      const outcomes: SettlementOutcome[] = [];
      for (const { value } of declaration.values) {
        const events = record.events.map((event) => (event.id === fact.event ? { ...event, fields: { ...event.fields, [fact.field]: value } } : event));
        const again = evaluate(compiled, { ...record, events }, { ...options, explain: false });
        const cell = again.criteria.find((c) => c.id === criterion.id);
        const outcome = {
          level: cell?.applicable === true ? (cell.level?.label ?? null) : null,
          levelRange: cell?.levelRange ? { low: cell.levelRange.low?.label ?? null, high: cell.levelRange.high?.label ?? null } : null,
          verdict: again.verdict,
          verdicts: again.verdicts,
        };
        const same = outcomes.find(
          (o) =>
            o.level === outcome.level &&
            o.levelRange?.low === outcome.levelRange?.low &&
            o.levelRange?.high === outcome.levelRange?.high &&
            o.verdicts.join() === outcome.verdicts.join(),
        );
        if (same) (same.values as FieldValue[]).push(value);
        else outcomes.push({ values: [value], ...outcome });
      }
      found.push({ criterion: criterion.id, fact, outcomes });
    }
  }
  return found;
}
