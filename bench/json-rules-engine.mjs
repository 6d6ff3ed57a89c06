// The bench matrix in json-rules-engine (the best-known JavaScript rules engine), as faithfully as
// it allows, written the way its users write such rules:
//
// - each level of each criterion is a rule whose event names the criterion and the level; the
//   best level whose rule fires wins (json-rules-engine runs every rule and reports those that
//   fired: it has no notion of ordered levels, so the choice is made in JavaScript afterwards);
// - all / any / not map to its own `all`, `any` and `not`; `atLeast: k of [...]` has no
//   counterpart and becomes `any` of every k-combination of `all`;
// - it cannot quantify over a list of events, nor test one event of a list: as its users do, the
//   event list is a fact and custom operators (`someEvent`, `countEvents`) take a JSON description
//   of the event test as their value and apply it with a small hand-written matcher (field
//   tests, dates, deadlines, links, parties, subjects: none of which it has);
// - links, deadlines and the as-of date need an index of the record: built in JavaScript and
//   passed as a fact, as a user would;
// - per-party and per-commitment criteria: the engine is run once per party and once per subject
//   (it has no way to iterate), and which events are subjects is decided in JavaScript;
// - weights, the total, bands and gates are computed in JavaScript: it has no aggregation;
// - it gives no evidence and no explanation of a near miss.
//
// The rules are derived from the matrix's YAML (the same file the engine loads), so both evaluate
// the same conditions; bench/bench.mjs checks that they reach the same levels on every record.
import { createRequire } from 'node:module';

/** What json-rules-engine cannot express of the bench matrix, printed by bench/bench.mjs. */
export const LIMITS =
  'a condition on one event of a list (some/none/count: custom operators with a hand-written matcher), links, dates, deadlines, parties ' +
  '(the matcher again), atLeast k of n (any of every k-combination), per-party and per-commitment criteria (one run per party and per ' +
  'commitment), ordered levels, weights, bands and gates (JavaScript around it), evidence and explanations (none)';

const require = createRequire(import.meta.url);
const { Engine } = require('json-rules-engine');

const MS_PER_DAY = 86_400_000;
const dayOf = (text) => {
  const day = text.length === 7 ? null : Number(text.slice(8, 10));
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  return Date.UTC(year, month - 1, day ?? new Date(Date.UTC(year, month, 0)).getUTCDate()) / MS_PER_DAY;
};
const own = (map, key) => (map !== null && typeof map === 'object' && !Array.isArray(map) && Object.hasOwn(map, key) ? map[key] : undefined);
const CORE = new Set(['id', 'type', 'date', 'title', 'actors']);
function read(event, name) {
  if (CORE.has(name)) return event[name];
  let value = event.fields;
  for (const key of name.split('.')) value = own(value, key);
  return value;
}
const same = (a, b) => a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i])));
const holdsParty = (value, party) => (Array.isArray(value) ? value.includes(party) : value === party);

/** The record as the operators need it: events as of the date, links by id, deadlines. */
export function buildScope(record) {
  let asOfDay = record.day;
  for (const event of record.events) if (event.day > asOfDay) asOfDay = event.day;
  const events = record.events.filter((event) => event.day <= asOfDay);
  const byId = new Map(events.map((event) => [event.id, event]));
  const linkedBy = { of: new Map(), fulfils: new Map(), breaches: new Map(), supersedes: new Map() };
  for (const event of events) {
    for (const kind in event.links) {
      for (const target of event.links[kind]) {
        const list = linkedBy[kind].get(target);
        if (list) list.push(event);
        else linkedBy[kind].set(target, [event]);
      }
    }
  }
  return { record, events, byId, linkedBy, asOfDay, summitDay: record.day, party: undefined, subject: undefined };
}

function anchorDays(scope, event, anchor) {
  if (anchor === 'summit') return [scope.summitDay];
  if (anchor === 'asOf') return [scope.asOfDay];
  if (typeof anchor === 'object')
    return (event.links[anchor.linked] ?? [])
      .map((id) => scope.byId.get(id))
      .filter(Boolean)
      .map((t) => t.day);
  return [dayOf(String(anchor))];
}

function deadlineState(scope, event) {
  const due = own(event.fields, 'deadline');
  if (typeof due !== 'string') return undefined;
  const dueDay = dayOf(due);
  let first = Infinity;
  for (const fulfilment of scope.linkedBy.fulfils.get(event.id) ?? []) first = Math.min(first, fulfilment.day);
  return first <= dueDay ? 'met' : first !== Infinity ? 'met-late' : scope.asOfDay > dueDay ? 'missed' : 'pending';
}

const COMPARE = { equals: (a, b) => a === b, gt: (a, b) => a > b, gte: (a, b) => a >= b, lt: (a, b) => a < b, lte: (a, b) => a <= b };

/** The hand-written matcher the custom operators use: one event against a JSON event test. */
function matches(scope, event, test) {
  if (test.all) return test.all.every((part) => matches(scope, event, part));
  if (test.any) return test.any.some((part) => matches(scope, event, part));
  if (test.not) return !matches(scope, event, test.not);
  if (test.atLeast !== undefined) return test.of.filter((part) => matches(scope, event, part)).length >= test.atLeast;
  if (test.some) return scope.events.some((other) => matches(scope, other, test.some));
  if (test.none) return !scope.events.some((other) => matches(scope, other, test.none));
  if (test.type !== undefined) return Array.isArray(test.type) ? test.type.includes(event.type) : event.type === test.type;
  if (test.field !== undefined) {
    const value = read(event, test.field);
    if ('equals' in test) return same(value, test.equals);
    if ('in' in test) return test.in.some((item) => same(value, item));
    if ('contains' in test)
      return Array.isArray(value) ? value.some((item) => same(item, test.contains)) : typeof value === 'string' && value.includes(test.contains);
    if ('exists' in test) return (value !== undefined && value !== null) === test.exists;
    for (const op of ['gt', 'gte', 'lt', 'lte']) if (op in test) return typeof value === typeof test[op] && COMPARE[op](value, test[op]);
  }
  if (test.before !== undefined) return anchorDays(scope, event, test.before).some((day) => event.day < day);
  if (test.after !== undefined) return anchorDays(scope, event, test.after).some((day) => event.day > day);
  if (test.within !== undefined) return anchorDays(scope, event, test.within.of).some((day) => event.day >= day && event.day - day <= test.within.days);
  if (test.deadline !== undefined) {
    const state = deadlineState(scope, event);
    return state !== undefined && [test.deadline].flat().includes(state);
  }
  if (test.link !== undefined) {
    return (event.links[test.link] ?? []).some((id) => {
      const target = scope.byId.get(id);
      return target !== undefined && (!test.to || matches(scope, target, test.to));
    });
  }
  if (test.linkedBy !== undefined) {
    const sources = (scope.linkedBy[test.linkedBy].get(event.id) ?? []).filter((source) => !test.where || matches(scope, source, test.where));
    return sources.length >= (test.min ?? 1);
  }
  if (test.partyIn !== undefined) return holdsParty(read(event, test.partyIn), scope.party);
  if (test.isSubject !== undefined) return (scope.subject !== undefined && scope.subject.id === event.id) === test.isSubject;
  throw new Error(`the matcher does not know ${JSON.stringify(test)}`);
}

function combinations(items, k) {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [head, ...rest] = items;
  return [...combinations(rest, k - 1).map((c) => [head, ...c]), ...combinations(rest, k)];
}

/** A record-level condition of the matrix as json-rules-engine conditions. */
function toRuleCondition(condition) {
  if (condition.all) return { all: condition.all.map(toRuleCondition) };
  if (condition.any) return { any: condition.any.map(toRuleCondition) };
  if (condition.not) return { not: toRuleCondition(condition.not) };
  if (condition.atLeast !== undefined) {
    return { any: combinations(condition.of, condition.atLeast).map((combination) => ({ all: combination.map(toRuleCondition) })) };
  }
  if (condition.some) return { fact: 'scope', operator: 'someEvent', value: condition.some };
  if (condition.none) return { not: { fact: 'scope', operator: 'someEvent', value: condition.none } };
  if (condition.count) {
    const comparison = ['equals', 'gt', 'gte', 'lt', 'lte'].find((op) => op in condition);
    return { fact: 'scope', operator: 'countEvents', value: { where: condition.count, comparison, value: condition[comparison] } };
  }
  throw new Error(`not a record-level condition: ${JSON.stringify(condition)}`);
}

/** json-rules-engine wants `all` or `any` at the top of a rule. */
const top = (condition) => (condition.all || condition.any ? condition : { all: [condition] });

function engineFor(criteria) {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addOperator('someEvent', (scope, test) => scope.events.some((event) => matches(scope, event, test)));
  engine.addOperator('countEvents', (scope, { where, comparison, value }) =>
    COMPARE[comparison](scope.events.filter((event) => matches(scope, event, where)).length, value),
  );
  for (const criterion of criteria) {
    criterion.levels.forEach((level, i) => {
      if (level.when === undefined) return;
      engine.addRule({
        name: `${criterion.id}#${i}`,
        conditions: top(toRuleCondition(level.when)),
        event: { type: 'level', params: { criterion: criterion.id, level: i } },
      });
    });
    if (criterion.appliesWhen) {
      engine.addRule({
        name: `${criterion.id}#applies`,
        conditions: top(toRuleCondition(criterion.appliesWhen)),
        event: { type: 'applies', params: { criterion: criterion.id } },
      });
    }
  }
  return engine;
}

/** Levels from the events that fired: the best level whose rule fired, else the default (last) level. */
function levelsFrom(criteria, events) {
  const out = new Map();
  for (const criterion of criteria) {
    const fired = events.filter((e) => e.type === 'level' && e.params.criterion === criterion.id).map((e) => e.params.level);
    const applies = !criterion.appliesWhen || events.some((e) => e.type === 'applies' && e.params.criterion === criterion.id);
    const defaultLevel = criterion.levels.at(-1).when === undefined ? criterion.levels.length - 1 : -1;
    out.set(criterion.id, { applicable: applies, level: fired.length > 0 ? Math.min(...fired) : defaultLevel });
  }
  return out;
}

/**
 * A scorer for the matrix (its YAML, parsed): returns an async function from a loaded record to
 * the same signature as bench/handwritten.mjs's engineSignature.
 */
export function jsonRulesEngineScorer(matrix) {
  const plain = matrix.criteria.filter((c) => !c.perParty && !c.forEach);
  const perParty = matrix.criteria.filter((c) => c.perParty && !c.forEach);
  const forEach = matrix.criteria.filter((c) => c.forEach);
  const plainEngine = engineFor(plain);
  const partyEngine = engineFor(perParty);
  const subjectEngines = new Map(forEach.map((c) => [c.id, engineFor([c])]));
  const normalised = (criterion, level) => {
    const scores = criterion.levels.map((l) => l.score);
    const lowest = Math.min(...scores);
    const max = Math.max(...scores) - lowest;
    return max > 0 ? ((level >= 0 ? criterion.levels[level].score : lowest) - lowest) / max : 0;
  };

  return async (record) => {
    const scope = buildScope(record);
    const plainLevels = levelsFrom(plain, (await plainEngine.run({ scope })).events);
    const partyLevels = new Map();
    for (const party of record.parties) partyLevels.set(party, levelsFrom(perParty, (await partyEngine.run({ scope: { ...scope, party } })).events));
    const subjectLevels = [];
    for (const criterion of forEach) {
      for (const subject of scope.events.filter((event) => matches(scope, event, criterion.forEach))) {
        const levels = levelsFrom([criterion], (await subjectEngines.get(criterion.id).run({ scope: { ...scope, subject } })).events);
        subjectLevels.push({ criterion, subject, cell: levels.get(criterion.id) });
      }
    }

    // The results in the engine's order, then the weighted mean, bands and gates, in JavaScript.
    const results = [];
    for (const criterion of matrix.criteria) {
      if (plain.includes(criterion)) {
        const cell = plainLevels.get(criterion.id);
        results.push({
          id: criterion.id,
          criterion,
          weight: criterion.weight,
          applicable: cell.applicable,
          cell,
          normalised: normalised(criterion, cell.level),
        });
      } else if (perParty.includes(criterion)) {
        const cells = record.parties.map((party) => ({ party, ...partyLevels.get(party).get(criterion.id) }));
        const applicable = cells.filter((cell) => cell.applicable);
        const mean = applicable.reduce((sum, cell) => sum + normalised(criterion, cell.level), 0) / applicable.length;
        results.push({ id: criterion.id, criterion, weight: criterion.weight, applicable: applicable.length > 0, cells, normalised: mean });
      } else {
        for (const { subject, cell } of subjectLevels.filter((s) => s.criterion === criterion)) {
          results.push({
            id: `${criterion.id}/${subject.id}`,
            criterion,
            weight: criterion.weight,
            applicable: cell.applicable,
            cell,
            normalised: normalised(criterion, cell.level),
          });
        }
      }
    }
    let weightTotal = 0;
    for (const result of results) if (result.applicable) weightTotal += result.weight;
    let total = 0;
    for (const result of results) if (result.applicable && weightTotal > 0) total += (100 * result.weight * result.normalised) / weightTotal;
    const score = weightTotal > 0 ? Math.round(total * 1e6) / 1e6 : null;
    const bands = matrix.verdicts;
    const bandIndex = score === null ? -1 : bands.findIndex((band) => score >= band.min);
    let verdictIndex = bandIndex;
    for (const result of results) {
      for (const gate of result.criterion.gates ?? []) {
        const required = result.criterion.levels.findIndex((level) => level.label === gate.requires);
        const cells = (result.cells ?? [result.cell]).filter((cell) => cell.applicable);
        const rank = (cell) => (cell.level >= 0 ? cell.level : Infinity);
        if (cells.length > 0 && !cells.every((cell) => rank(cell) <= required))
          verdictIndex = Math.max(
            verdictIndex,
            bands.findIndex((band) => band.label === gate.above),
          );
      }
    }
    const label = (criterion, cell) => (cell.applicable ? (cell.level >= 0 ? criterion.levels[cell.level].label : 'none') : 'n/a');
    const parts = results.map((result) =>
      result.cells
        ? result.cells.map((cell) => `${result.id}@${cell.party}=${label(result.criterion, cell)}`).join(' ')
        : `${result.id}=${label(result.criterion, result.cell)}`,
    );
    return `${parts.join(' ')} score=${score} verdict=${score === null ? null : bands[verdictIndex].label}`;
  };
}
