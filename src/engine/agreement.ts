// Several coders' records of the same cases, scored against one matrix: each criterion cell (per
// case, per party, per forEach subject) is a unit, each coder's level a coding of it. The
// statistics come from agreement-alpha, agreement-kappa and agreement-bootstrap; the differences
// in the records that explain a disagreement are found here.

import { krippendorffAlpha, type Codings, type Metric } from './agreement-alpha.js';
import { bootstrapAlpha, DEFAULT_BOOTSTRAP, type BootstrapInterval, type BootstrapOptions } from './agreement-bootstrap.js';
import { cohenKappa, contingency, fleissKappa, percentAgreement } from './agreement-kappa.js';
import type { CompiledMatrix } from './compiled-matrix.js';
import { evaluateRecord } from './evaluate.js';
import type { Cell, Evidence, Explanation, LevelRange, LevelRef, PartyCell } from './results.js';
import type { CaseRecord, Criterion, FieldValue, SourceLocation, SummitEvent } from './types.js';

/** One coder's record of one case. */
interface Coding {
  readonly coder: string;
  readonly record: CaseRecord;
}

/** The codings of one case (one record id), in coder order. */
export interface CodedCase {
  readonly id: string;
  readonly codings: readonly Coding[];
}

export interface AgreementOptions {
  readonly asOf?: string;
  /** A metric for every criterion instead of the one each criterion's scale implies. */
  readonly metric?: Metric;
  readonly bootstrap?: BootstrapOptions;
}

/** What one coder's record earned for one unit. */
export interface UnitCoding {
  readonly coder: string;
  /** False when the coder's record has no such unit (a forEach subject it does not have). */
  readonly coded: boolean;
  /** `unknown` when whether the criterion applies rests on a fact the coder's record does not settle. */
  readonly applicable: boolean | 'unknown';
  /** False when the record leaves the level unknown: a missing coding for the statistics, not the lowest level. */
  readonly known: boolean;
  /** A cell under assessment that nobody assessed (as against one whose facts the record leaves open). */
  readonly notAssessed: boolean;
  readonly level: LevelRef | null;
  /** For a coding that is not known: the levels it may lie between (null when nothing is known of it). */
  readonly levelRange: LevelRange | null;
  readonly evidence: readonly Evidence[];
  readonly explanation: Explanation | null;
}

/** A fact of an event that the coders' records state differently (or one of them not at all). */
export interface FactDifference {
  readonly event: string;
  /** `event` (the event itself), `date`, `type`, `actors`, `fields.NAME` or `links.KIND`. */
  readonly fact: string;
  readonly values: readonly { readonly coder: string; readonly value: FieldValue | undefined; readonly location?: SourceLocation }[];
  /**
   * Whether this fact alone decides the disagreement: one coder's record, given another coder's
   * value of this fact and nothing else, earns that coder's level for the unit.
   */
  readonly decisive: boolean;
}

export interface AgreementUnit {
  readonly case: string;
  /** The criterion result's id: the criterion, or `criterion/event` for a forEach subject. */
  readonly id: string;
  readonly criterion: string;
  readonly party: string | null;
  readonly metric: Metric;
  readonly codings: readonly UnitCoding[];
  readonly agree: boolean;
  /** For a disagreement: the record facts behind it (empty when the coders agree). */
  readonly differences: readonly FactDifference[];
}

interface KappaSummary {
  readonly unweighted: number | null;
  readonly linear: number | null;
  readonly quadratic: number | null;
  readonly units: number;
}

export interface AgreementStatistics {
  readonly metric: Metric;
  readonly units: number;
  readonly pairableUnits: number;
  readonly agreeingUnits: number;
  readonly percentAgreement: number | null;
  readonly alpha: number | null;
  readonly interval: BootstrapInterval;
  /** Two coders only: over the units both coded. */
  readonly cohen: KappaSummary | null;
  /** Over the units every coder coded. */
  readonly fleiss: { readonly kappa: number | null; readonly units: number } | null;
}

interface CriterionAgreement {
  readonly criterion: string;
  readonly title: string;
  readonly statistics: AgreementStatistics;
}

export interface Agreement {
  readonly coders: readonly string[];
  readonly cases: readonly string[];
  readonly units: readonly AgreementUnit[];
  /** One entry per metric the units use, over all of them. */
  readonly overall: readonly AgreementStatistics[];
  readonly criteria: readonly CriterionAgreement[];
  readonly bootstrap: BootstrapOptions;
}

/**
 * The metric a criterion's scale implies: the -1/0/+1 compliance scale is a scale of equal steps
 * (interval); any other list of levels is an order, best first (ordinal).
 */
export function metricOf(criterion: Criterion): Metric {
  const scores = new Set(criterion.levels.map((level) => level.score));
  const compliance = scores.has(-1) && scores.has(1) && [...scores].every((score) => score === -1 || score === 0 || score === 1);
  return compliance ? 'interval' : 'ordinal';
}

/** Scores every coding of every case and measures how far the coders agree, unit by unit and overall. */
export function measureAgreement(compiled: CompiledMatrix, cases: readonly CodedCase[], options: AgreementOptions = {}): Agreement {
  const coders = [...new Set(cases.flatMap((c) => c.codings.map((coding) => coding.coder)))];
  const bootstrap = options.bootstrap ?? DEFAULT_BOOTSTRAP;
  const criteria = new Map(compiled.matrix.criteria.map((criterion) => [criterion.id, criterion]));
  const units: AgreementUnit[] = [];
  for (const coded of cases) {
    const evaluations = new Map(
      coded.codings.map((coding) => [coding.coder, evaluateRecord(compiled, coding.record, options.asOf === undefined ? {} : { asOf: options.asOf })]),
    );
    // Units in the order of the first coder who has them: criteria, then their parties.
    const cells = new Map<string, { id: string; criterion: string; party: string | null; byCoder: Map<string, Cell> }>();
    for (const coder of coders) {
      const result = evaluations.get(coder);
      if (!result) continue;
      for (const criterion of result.criteria) {
        const parts: [string | null, Cell][] = criterion.parties ? criterion.parties.map((cell) => [cell.party, cell]) : [[null, criterion]];
        for (const [party, cell] of parts) {
          const key = `${criterion.id}\u0000${party ?? ''}`;
          let unit = cells.get(key);
          if (!unit) cells.set(key, (unit = { id: criterion.id, criterion: criterion.criterion, party, byCoder: new Map() }));
          unit.byCoder.set(coder, cell);
        }
      }
    }
    const records = new Map(coded.codings.map((coding) => [coding.coder, coding.record]));
    for (const unit of cells.values()) {
      const criterion = criteria.get(unit.criterion)!;
      const codings: UnitCoding[] = coders.map((coder) => {
        const cell = unit.byCoder.get(coder);
        if (!cell)
          return { coder, coded: false, applicable: false, known: false, notAssessed: false, level: null, levelRange: null, evidence: [], explanation: null };
        // A cell whose level or applicability the coder's record does not settle is not a known coding.
        const notAssessed = (cell as PartyCell).notAssessed === true;
        const settled = cell.levelRange === null || cell.levelRange.low?.label === cell.levelRange.high?.label;
        const known = !notAssessed && cell.applicable !== 'unknown' && settled;
        return {
          coder,
          coded: true,
          applicable: cell.applicable,
          known,
          notAssessed,
          level: known ? cell.level : null,
          levelRange: known ? null : cell.levelRange,
          evidence: cell.evidence,
          explanation: cell.explanation,
        };
      });
      const present = codings.filter((coding) => records.has(coding.coder));
      const agree = present.every((coding) => sameCoding(coding, present[0]!));
      units.push({
        case: coded.id,
        id: unit.id,
        criterion: unit.criterion,
        party: unit.party,
        metric: options.metric ?? metricOf(criterion),
        codings,
        agree,
        differences: agree ? [] : differencesBehind({ compiled, records, unit, present, options }),
      });
    }
  }
  const metrics = [...new Set(units.map((unit) => unit.metric))];
  return {
    coders,
    cases: cases.map((c) => c.id),
    units,
    overall: metrics.map((metric) =>
      statistics(
        units.filter((unit) => unit.metric === metric),
        coders,
        metric,
        bootstrap,
        criteria,
      ),
    ),
    criteria: compiled.matrix.criteria.map((criterion) => {
      const own = units.filter((unit) => unit.criterion === criterion.id);
      return {
        criterion: criterion.id,
        title: criterion.title,
        statistics: statistics(own, coders, options.metric ?? metricOf(criterion), bootstrap, criteria),
      };
    }),
    bootstrap,
  };
}

function sameCoding(a: UnitCoding, b: UnitCoding): boolean {
  return a.coded === b.coded && a.applicable === b.applicable && a.known === b.known && a.level?.label === b.level?.label;
}

/**
 * A coding as the statistics read it, or missing when the coder gave the unit no level. On an
 * interval or ratio scale it is the level's score; on an order it is the level's rank from the
 * bottom (0 for the lowest level), because a matrix may give two levels the same score (a
 * weight-0 criterion scores every level 0) and they are still different levels.
 */
function valueOf(coding: UnitCoding, criterion: Criterion, place: number, metric: Metric): number | null {
  if (!coding.coded || coding.applicable !== true || !coding.known || !coding.level) return null;
  if (metric === 'interval' || metric === 'ratio') return coding.level.score;
  const label = coding.level.label;
  const rank = criterion.levels.length - 1 - criterion.levels.findIndex((level) => level.label === label);
  // Nominal categories are a criterion's levels: `committed` of one criterion is not `initiated` of another.
  return metric === 'nominal' ? place * LEVELS_PER_CRITERION + rank : rank;
}

/** Room for each criterion's levels in the nominal code space (a matrix has far fewer levels per criterion). */
const LEVELS_PER_CRITERION = 1_000_000;

function statistics(
  units: readonly AgreementUnit[],
  coders: readonly string[],
  metric: Metric,
  bootstrap: BootstrapOptions,
  criteria: ReadonlyMap<string, Criterion>,
): AgreementStatistics {
  const places = new Map([...criteria.keys()].map((id, i) => [id, i]));
  const table: Codings[] = units.map((unit) =>
    unit.codings.map((coding) => valueOf(coding, criteria.get(unit.criterion)!, places.get(unit.criterion)!, metric)),
  );
  const alpha = krippendorffAlpha(table, metric);
  const categories = [...new Set(table.flat().filter((v): v is number => v !== null))].sort((a, b) => a - b);
  const position = (value: number | null) => (value === null ? null : categories.indexOf(value));
  let cohen: KappaSummary | null = null;
  if (coders.length === 2) {
    const cross = contingency(
      table.map((unit) => position(unit[0]!)),
      table.map((unit) => position(unit[1]!)),
      categories.length,
    );
    const measured = cohenKappa(cross);
    cohen = { unweighted: measured.kappa, linear: cohenKappa(cross, 'linear').kappa, quadratic: cohenKappa(cross, 'quadratic').kappa, units: measured.units };
  }
  const complete = table.filter((unit) => unit.every((value) => value !== null));
  const fleiss =
    coders.length >= 2
      ? {
          kappa: complete.length === 0 ? null : fleissKappa(complete.map((unit) => categories.map((c) => unit.filter((v) => v === c).length))).kappa,
          units: complete.length,
        }
      : null;
  return {
    metric,
    units: units.length,
    pairableUnits: alpha.pairableUnits,
    agreeingUnits: units.filter((unit) => unit.agree).length,
    percentAgreement: percentAgreement(table).agreement,
    alpha: alpha.alpha,
    interval: bootstrapAlpha(table, metric, bootstrap),
    cohen,
    fleiss,
  };
}

/**
 * The facts behind a disagreement: every event fact the coders' records state differently, tried
 * one by one (see decide). Kept are the decisive ones and those of the events that earned a
 * coder's level or decided why a level was missed; when none is either, all of them.
 */
function differencesBehind(trial: Trial): FactDifference[] {
  const involved = new Set<string>();
  for (const coding of trial.present) {
    for (const item of coding.evidence) involved.add(item.event);
    const event = coding.explanation?.failure.event;
    if (event !== undefined) involved.add(event);
  }
  const all = decide(
    recordDifferences(
      trial.present.map((coding) => coding.coder),
      trial.records,
    ),
    trial,
  );
  const kept = all.filter((difference) => difference.decisive || involved.has(difference.event));
  return kept.length > 0 ? kept : all;
}

interface Trial {
  readonly compiled: CompiledMatrix;
  readonly records: ReadonlyMap<string, CaseRecord>;
  readonly unit: { readonly id: string; readonly party: string | null };
  readonly present: readonly UnitCoding[];
  readonly options: AgreementOptions;
}

/**
 * Marks the differences that decide a disagreement, by trying each one: for every two coders
 * whose codings differ, the second's record takes the first's value of the fact (and only that),
 * is scored again, and the fact is decisive when the unit then gets the first coder's level.
 * Decisive facts come first.
 */
function decide(differences: readonly FactDifference[], trial: Trial): FactDifference[] {
  const decided = differences.map((difference) => {
    for (const from of trial.present) {
      for (const to of trial.present) {
        if (from === to || sameCoding(from, to)) continue;
        const record = withFact(trial.records.get(to.coder)!, trial.records.get(from.coder)!, difference);
        const result = evaluateRecord(trial.compiled, record, { ...(trial.options.asOf !== undefined && { asOf: trial.options.asOf }), explain: false });
        const criterion = result.criteria.find((c) => c.id === trial.unit.id);
        const cell = criterion && (trial.unit.party === null ? criterion : criterion.parties?.find((p) => p.party === trial.unit.party));
        if (cell && cell.applicable === from.applicable && !(cell as PartyCell).notAssessed === from.known && cell.level?.label === from.level?.label)
          return { ...difference, decisive: true };
      }
    }
    return difference;
  });
  return [...decided.filter((d) => d.decisive), ...decided.filter((d) => !d.decisive)];
}

/** `record` with one fact of one event as `donor` states it. */
function withFact(record: CaseRecord, donor: CaseRecord, difference: FactDifference): CaseRecord {
  const theirs = donor.events.find((event) => event.id === difference.event);
  const ours = record.events.find((event) => event.id === difference.event);
  let events: readonly SummitEvent[];
  if (difference.fact === 'event') events = theirs ? [...record.events, theirs] : record.events.filter((event) => event !== ours);
  else if (!ours || !theirs) events = record.events;
  else events = record.events.map((event) => (event === ours ? changed(ours, theirs, difference.fact) : event));
  return { ...record, events };
}

function changed(ours: SummitEvent, theirs: SummitEvent, fact: string): SummitEvent {
  if (fact === 'date') return { ...ours, date: theirs.date, day: theirs.day };
  if (fact === 'type') return { ...ours, type: theirs.type };
  if (fact === 'actors') return { ...ours, actors: theirs.actors };
  if (fact === 'assessment') {
    const { assessment: _ours, ...rest } = ours;
    return theirs.assessment ? { ...rest, assessment: theirs.assessment } : rest;
  }
  const [part, name] = [fact.slice(0, fact.indexOf('.')), fact.slice(fact.indexOf('.') + 1)];
  if (part === 'fields') {
    const fields: Record<string, FieldValue> = { ...ours.fields };
    if (Object.hasOwn(theirs.fields, name)) fields[name] = theirs.fields[name]!;
    else delete fields[name];
    return { ...ours, fields };
  }
  const links: Record<string, readonly string[]> = { ...ours.links };
  const theirLinks = theirs.links[name as keyof SummitEvent['links']];
  if (theirLinks) links[name] = theirLinks;
  else delete links[name];
  return { ...ours, links };
}

// An assessment is one fact: the cell it states, scored as a whole (src/engine/assessments.ts).
const FACTS = ['date', 'type', 'actors', 'assessment'] as const;

/** Every event fact the engine reads that the coders' records state differently, in record order. */
function recordDifferences(coders: readonly string[], records: ReadonlyMap<string, CaseRecord>): FactDifference[] {
  const byCoder = coders.map((coder) => ({ coder, events: new Map((records.get(coder)?.events ?? []).map((event) => [event.id, event])) }));
  const ids = [...new Set(coders.flatMap((coder) => (records.get(coder)?.events ?? []).map((event) => event.id)))];
  const differences: FactDifference[] = [];
  for (const id of ids) {
    const events = byCoder.map(({ coder, events }) => ({ coder, event: events.get(id) }));
    const located = (event: SummitEvent | undefined) => (event?.location ? { location: event.location } : {});
    if (events.some(({ event }) => event === undefined)) {
      differences.push({
        event: id,
        fact: 'event',
        values: events.map(({ coder, event }) => ({ coder, value: event ? id : undefined, ...located(event) })),
        decisive: false,
      });
      continue;
    }
    const facts: [string, (event: SummitEvent) => FieldValue | undefined][] = [
      ...FACTS.map((fact): [string, (event: SummitEvent) => FieldValue | undefined] => [fact, (event) => event[fact] as FieldValue | undefined]),
      ...[...new Set(events.flatMap(({ event }) => Object.keys(event!.fields)))].map((name): [string, (event: SummitEvent) => FieldValue | undefined] => [
        `fields.${name}`,
        (event) => (Object.hasOwn(event.fields, name) ? event.fields[name] : undefined),
      ]),
      ...[...new Set(events.flatMap(({ event }) => Object.keys(event!.links)))].map((kind): [string, (event: SummitEvent) => FieldValue | undefined] => [
        `links.${kind}`,
        (event) => event.links[kind as keyof SummitEvent['links']],
      ]),
    ];
    for (const [fact, read] of facts) {
      const values = events.map(({ coder, event }) => ({ coder, value: read(event!), ...located(event) }));
      const first = canonical(values[0]!.value);
      if (values.some(({ value }) => canonical(value) !== first)) differences.push({ event: id, fact, values, decisive: false });
    }
  }
  return differences;
}

/** A value's identity for comparison: the same data gives the same text whatever its key order. */
export function canonical(value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: FieldValue) => canonical(item)).join(',')}]`;
  const map = value as Readonly<Record<string, FieldValue>>;
  return `{${Object.keys(map)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(map[key])}`)
    .join(',')}}`;
}
