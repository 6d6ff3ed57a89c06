// The reference semantics of conditions under three truth values: a plain recursive interpreter,
// written from the words (Kleene logic) without any of the compiled engine's planning,
// caching or specialisation. The compiled tests (src/engine/compile.ts) must agree with it on
// every condition and record the property tests generate. Test-only: production never imports it.
import { dateTruth, firstDay } from '../../../src/engine/anchors.js';
import { deadlineState, fieldMeaning, fieldReader, fieldTruth, partyTruth, passesFieldTest } from '../../../src/engine/fields.js';
import { linkSources, linkTargets, type RecordIndex } from '../../../src/engine/record-index.js';
import { compareRange, FAILS, HOLDS, UNKNOWN, type Truth } from '../../../src/engine/truth.js';
import type { Condition, Matrix, SummitEvent } from '../../../src/engine/types.js';

const min = (values: Truth[]): Truth => values.reduce<Truth>((a, b) => (b < a ? b : a), HOLDS);
const max = (values: Truth[]): Truth => values.reduce<Truth>((a, b) => (b > a ? b : a), FAILS);
const count = (values: Truth[]) => ({ surely: values.filter((v) => v === HOLDS).length, maybe: values.filter((v) => v !== FAILS).length });

export function referenceTruth(condition: Condition, index: RecordIndex, event: SummitEvent | undefined, fields?: Matrix['fields']): Truth {
  const truth = (c: Condition, e: SummitEvent | undefined) => referenceTruth(c, index, e, fields);
  switch (condition.op) {
    case 'all':
      return min(condition.conditions.map((c) => truth(c, event)));
    case 'any':
      return max(condition.conditions.map((c) => truth(c, event)));
    case 'not':
      return (HOLDS - truth(condition.condition, event)) as Truth;
    case 'atLeast': {
      const { surely, maybe } = count(condition.conditions.map((c) => truth(c, event)));
      return surely >= condition.count ? HOLDS : maybe >= condition.count ? UNKNOWN : FAILS;
    }
    case 'some':
      return max(index.events.map((e) => truth(condition.where, e)));
    case 'none':
      return (HOLDS - max(index.events.map((e) => truth(condition.where, e)))) as Truth;
    case 'count': {
      const { surely, maybe } = count(index.events.map((e) => truth(condition.where, e)));
      return compareRange(surely, maybe, condition.comparison, condition.value);
    }
    case 'field':
      return fieldTruth(fieldReader(condition.field)(event!), condition.check, fieldMeaning(fields, condition.field), (actual) =>
        passesFieldTest(actual, condition.check),
      );
    case 'before':
    case 'after':
    case 'within': {
      const days = condition.op === 'within' ? condition.days : 0;
      const anchors: [number, number][] =
        condition.anchor.kind === 'date'
          ? [[condition.anchor.day, condition.anchor.day]]
          : condition.anchor.kind === 'summit'
            ? [[index.summitDay - (condition.anchor.daysBefore ?? 0), index.summitDay - (condition.anchor.daysBefore ?? 0)]]
            : condition.anchor.kind === 'asOf'
              ? [[index.asOfDay - (condition.anchor.daysBefore ?? 0), index.asOfDay - (condition.anchor.daysBefore ?? 0)]]
              : linkTargets(index, event!, condition.anchor.link).map((target) => [firstDay(target), target.day]);
      return max(anchors.map(([from, to]) => dateTruth(condition.op as 'before', firstDay(event!), event!.day, from, to, days)));
    }
    case 'deadline': {
      const state = deadlineState(index, event!);
      if (state === undefined) return fieldMeaning(fields, 'deadline').absent.kind === 'false' ? FAILS : UNKNOWN;
      return condition.states.includes(state) ? HOLDS : FAILS;
    }
    case 'link': {
      const targets = linkTargets(index, event!, condition.kind);
      if (!condition.to) return targets.length > 0 ? HOLDS : FAILS;
      return max(targets.map((target) => truth(condition.to!, target)));
    }
    case 'linkedBy': {
      const sources = linkSources(index, event!, condition.kind);
      const { surely, maybe } = count(sources.map((source) => (condition.where ? truth(condition.where, source) : HOLDS)));
      return surely >= condition.min && sources.length > 0 ? HOLDS : maybe >= condition.min && sources.length > 0 ? UNKNOWN : FAILS;
    }
    case 'partyIn':
      return partyTruth(fieldReader(condition.field)(event!), index.party, fieldMeaning(fields, condition.field));
    case 'isSubject':
      return (index.subject !== undefined && index.subject.id === event!.id) === condition.value ? HOLDS : FAILS;
  }
}
