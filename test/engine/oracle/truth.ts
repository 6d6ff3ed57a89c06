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
/**
 * An event that may not have happened (an unverified event, `index.uncertain`) cannot make
 * anything surely hold: where it would hold, it is unknown. The rule applies to every event a
 * condition reaches (a quantifier's events, a link's targets and sources, a linked date anchor).
 */
const ifItHappened = (index: RecordIndex, event: SummitEvent, truth: Truth): Truth => (truth === HOLDS && index.uncertain?.has(event) ? UNKNOWN : truth);

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
      return max(index.events.map((e) => ifItHappened(index, e, truth(condition.where, e))));
    case 'none':
      return (HOLDS - max(index.events.map((e) => ifItHappened(index, e, truth(condition.where, e))))) as Truth;
    case 'count': {
      const { surely, maybe } = count(index.events.map((e) => ifItHappened(index, e, truth(condition.where, e))));
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
      const anchors: [number, number, SummitEvent?][] =
        condition.anchor.kind === 'date'
          ? [[condition.anchor.day, condition.anchor.day]]
          : condition.anchor.kind === 'summit'
            ? [[index.summitDay - (condition.anchor.daysBefore ?? 0), index.summitDay - (condition.anchor.daysBefore ?? 0)]]
            : condition.anchor.kind === 'asOf'
              ? [[index.asOfDay - (condition.anchor.daysBefore ?? 0), index.asOfDay - (condition.anchor.daysBefore ?? 0)]]
              : linkTargets(index, event!, condition.anchor.link).map((target) => [firstDay(target), target.day, target]);
      return max(
        anchors.map(([from, to, target]) => {
          const date = dateTruth(condition.op, firstDay(event!), event!.day, from, to, days);
          return target ? ifItHappened(index, target, date) : date;
        }),
      );
    }
    case 'deadline': {
      const state = deadlineState(index, event!);
      if (state === undefined) return fieldMeaning(fields, 'deadline').absent.kind === 'false' ? FAILS : UNKNOWN;
      return condition.states.includes(state) ? HOLDS : FAILS;
    }
    case 'link': {
      const targets = linkTargets(index, event!, condition.kind);
      return max(targets.map((target) => ifItHappened(index, target, condition.to ? truth(condition.to, target) : HOLDS)));
    }
    case 'linkedBy': {
      const sources = linkSources(index, event!, condition.kind);
      const { surely, maybe } = count(sources.map((source) => ifItHappened(index, source, condition.where ? truth(condition.where, source) : HOLDS)));
      return surely >= condition.min && sources.length > 0 ? HOLDS : maybe >= condition.min && sources.length > 0 ? UNKNOWN : FAILS;
    }
    case 'partyIn':
      return partyTruth(fieldReader(condition.field)(event!), index.party, fieldMeaning(fields, condition.field));
    case 'isSubject':
      return (index.subject !== undefined && index.subject.id === event!.id) === condition.value ? HOLDS : FAILS;
  }
}
