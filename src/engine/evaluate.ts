import { assessedCells } from './assessments.js';
import { compileCondition, compileConditionIn } from './compile.js';
import type { CompiledCriterion, CompiledMatrix, LevelOutcome } from './compiled-matrix.js';
import { dayNumber, formatDay } from './dates.js';
import { compileExplainer } from './explainer.js';
import { buildGrid, type Grid } from './grid.js';
import { eventOrder, indexRecord, type RecordIndex } from './record-index.js';
import type { Cell, CriterionResult, Evidence, LevelRef, PartyCell } from './results.js';
import { bandIndexOf, criterionUnits, meanInterval, normalise, roundScore, type Interval, type MeanPart } from './score.js';
import { FAILS, HOLDS, UNKNOWN, type Truth } from './truth.js';
import type { CaseRecord, Criterion, Matrix, SummitEvent } from './types.js';
import { settlements, type Settlement } from './settle.js';
import { subjectFacts, unknownFacts, type UnknownFact } from './unknowns.js';

export function compileMatrix(matrix: Matrix): CompiledMatrix {
  const { fields } = matrix;
  return {
    matrix,
    criteria: matrix.criteria.map((criterion) => {
      const scores = criterion.levels.map((level) => level.score);
      const lowestScore = Math.min(...scores);
      const highestScore = Math.max(...scores);
      const maxPoints = highestScore - lowestScore;
      const refs = criterion.levels.map((level): LevelRef => ({ label: level.label, score: level.score }));
      const outcome = (reached: number): LevelOutcome => {
        const level = reached >= 0 ? refs[reached] : undefined;
        const points = level ? level.score - lowestScore : 0;
        const normalised = normalise(points, maxPoints);
        // The next level up: every level above the one reached failed, so it has a failure to report.
        const targetIndex = reached === -1 ? refs.length - 1 : reached - 1;
        return {
          level: level ?? null,
          levelRange: { low: level ?? null, high: level ?? null },
          points,
          normalised,
          normalisedRange: { low: normalised, high: normalised },
          target: refs[targetIndex] ?? null,
          targetIndex,
        };
      };
      return {
        criterion,
        fields,
        outcomes: refs.map((_, i) => outcome(i)),
        noLevel: outcome(-1),
        rank: levelRanks(criterion),
        levelTests: criterion.levels.map((level) => (level.when ? compileCondition(level.when, fields) : undefined)),
        // Every entry has the same shape, set or not, so scoring reads them fast.
        appliesWhen: criterion.appliesWhen && compileCondition(criterion.appliesWhen, fields),
        // forEach picks events one at a time: an event test, as inside a quantifier.
        forEach: criterion.forEach && compileConditionIn(criterion.forEach, true, fields),
        lowestScore,
        highestScore,
        levelExplainers: criterion.levels.map((level) => (level.when ? compileExplainer(level.when, fields) : undefined)),
        appliesWhenExplainer: criterion.appliesWhen && compileExplainer(criterion.appliesWhen, fields),
      };
    }),
  };
}

/** Each level's place by its label (the first, should two share one). */
function levelRanks(criterion: Criterion): ReadonlyMap<string, number> {
  const rank = new Map<string, number>();
  criterion.levels.forEach((level, i) => {
    if (!rank.has(level.label)) rank.set(level.label, i);
  });
  return rank;
}

export type GateStatus = 'passed' | 'failed' | 'unknown' | 'not-applicable';

export interface GateResult {
  readonly criterion: string;
  readonly above: string;
  readonly requires: string;
  readonly level: string | null;
  readonly status: GateStatus;
}

/** What of a record's score rests on facts the record does not settle. */
export interface UnknownSummary {
  /** Share (0–1) of the counted weight whose cells are not determined. */
  readonly share: number;
  /** Result ids of the criteria with an undetermined cell. */
  readonly criteria: readonly string[];
}

export interface CaseResult {
  readonly record: { readonly id: string; readonly title: string; readonly date: string };
  readonly asOf: string;
  /** 0–100, or null when no criterion with a weight applies, or when the score is not determined. */
  readonly score: number | null;
  /** The interval the score lies in (low === high when determined); null when no criterion applies. */
  readonly scoreRange: Interval | null;
  /** The band the score alone earns (null when the score is not determined). */
  readonly band: string | null;
  /** The band after gates, when exactly one is possible and the missing-data rule allows a verdict. */
  readonly verdict: string | null;
  /** Every band the score interval and the gates allow, best first; empty when undetermined. */
  readonly verdicts: readonly string[];
  /** True when the matrix's missing-data rule withholds the verdict: too much of the weight is unknown. */
  readonly undetermined: boolean;
  readonly unknown: UnknownSummary;
  /** With the `settle` option: what each declared value of each open fact would make of its result. */
  readonly settlements?: readonly Settlement[];
  readonly gates: readonly GateResult[];
  readonly criteria: readonly CriterionResult[];
  /** The party x criterion grid, when the matrix has per-party criteria. */
  readonly grid: Grid | null;
}

export interface EvaluateOptions {
  /** `YYYY-MM-DD`; defaults to the later of the summit date and the last event's date. */
  readonly asOf?: string;
  /**
   * false: decide levels, points, the total, gates and the verdict only; every cell's evidence is
   * empty and its explanation null. For throughput runs whose output shows neither. Default true.
   */
  readonly explain?: boolean;
  /**
   * Events whose every source is marked `verified: false`: `include` (the default) takes them as
   * given, `unknown` as events that may or may not have happened, `exclude` as absent.
   */
  readonly unverified?: UnverifiedMode;
  /**
   * For `--explain`: try each declared value of each fact that leaves a result open, and say what
   * each would make of it (src/engine/settle.ts). One evaluation per value tried.
   */
  readonly settle?: boolean;
}

export const UNVERIFIED_MODES = ['include', 'unknown', 'exclude'] as const;
export type UnverifiedMode = (typeof UNVERIFIED_MODES)[number];

/** An event every source of which is marked unverified (an event citing nothing is not marked so). */
export function isUnverified(event: SummitEvent): boolean {
  return event.sources.length > 0 && event.sources.every((source) => !source.verified);
}

function withUnverified(record: CaseRecord, mode: UnverifiedMode): { record: CaseRecord; uncertain?: ReadonlySet<SummitEvent> } {
  if (mode === 'include' || !record.events.some(isUnverified)) return { record };
  if (mode === 'exclude') return { record: { ...record, events: record.events.filter((event) => !isUnverified(event)) } };
  return { record, uncertain: new Set(record.events.filter(isUnverified)) };
}

/** Scores one record against a compiled matrix. Pure: the same inputs give the same result. */
export function evaluateRecord(compiled: CompiledMatrix, record: CaseRecord, options: EvaluateOptions = {}): CaseResult {
  const result = scoreRecord(compiled, record, options);
  if (!options.settle || result.unknown.criteria.length === 0) return result;
  return Object.assign(result, { settlements: settlements(compiled, record, result, { ...options, settle: false }, scoreRecord) });
}

function scoreRecord(compiled: CompiledMatrix, record: CaseRecord, options: EvaluateOptions): CaseResult {
  const asOfDay = options.asOf === undefined ? defaultAsOfDay(record) : dayNumber(options.asOf);
  if (asOfDay === undefined) throw new RangeError(`asOf is not a calendar date: ${options.asOf}`);
  const chosen = withUnverified(record, options.unverified ?? 'include');
  // The default as-of date is the last event's: every event exists by it.
  const index = indexRecord(chosen.record, asOfDay, chosen.uncertain, options.asOf === undefined);
  const { matrix } = compiled;
  const explain = options.explain ?? true;

  const scored: Scored[] = [];
  const gates: GateResult[] = [];
  for (const entry of compiled.criteria) {
    const first = scored.length;
    scoreCriterion(entry, index, explain, scored);
    if (entry.criterion.gates.length > 0) for (let i = first; i < scored.length; i++) gateResults(entry, scored[i] as Scored, gates);
  }
  const byCell = matrix.aggregation === 'cell-mean';
  let determined = true;
  for (const s of scored) if (!isScoredDetermined(s)) determined = false;
  const recordHeading = { id: record.id, title: record.title, date: record.date };
  const criteria: CriterionResult[] = [];
  // The grid's exact averages cost more than the scoring itself and most outputs never read
  // them: built when first read, once.
  let grid: Grid | null | undefined;
  const gridOf = () => (grid === undefined ? (grid = buildGrid(matrix, criteria, record)) : grid);
  if (determined) {
    // Nothing unknown: the arithmetic of every earlier version, so the numbers are the same to the bit.
    let weightTotal = 0;
    for (const s of scored) if (s.cell.applicable) weightTotal += s.heading.weight * units(s, byCell);
    let total = 0;
    for (const s of scored) {
      const { weight } = s.heading;
      const contribution = weightTotal > 0 && s.cell.normalised !== null ? (100 * weight * units(s, byCell) * s.cell.normalised) / weightTotal : 0;
      criteria.push(criterionResult(s, contribution, { low: contribution, high: contribution }));
      total += contribution;
    }
    const score = weightTotal > 0 ? roundScore(total) : null;
    const bands = matrix.verdicts;
    const bandIndex = score === null ? -1 : bandIndexOf(bands, score);
    let verdictIndex = bandIndex;
    for (const gate of gates) {
      if (gate.status !== 'failed') continue;
      verdictIndex = Math.max(
        verdictIndex,
        bands.findIndex((band) => band.label === gate.above),
      );
    }
    const verdict = verdictIndex >= 0 && score !== null ? bands[verdictIndex]!.label : null;
    return {
      record: recordHeading,
      asOf: formatDay(asOfDay),
      score,
      scoreRange: score === null ? null : { low: score, high: score },
      band: bandIndex >= 0 ? bands[bandIndex]!.label : null,
      verdict,
      verdicts: verdict === null ? [] : [verdict],
      undetermined: false,
      unknown: { share: 0, criteria: [] },
      gates,
      criteria,
      get grid() {
        return gridOf();
      },
    };
  }
  return withIntervals(matrix, recordHeading, formatDay(asOfDay), scored, criteria, gates, gridOf, byCell);
}

/**
 * A result as scored, before its share of the total is known: the result object is made once,
 * with its contribution, since a field written after the object is made (a number where the
 * literal held 0) cost V8 a change of the objects' layout: 8% of explain-off (callgrind).
 */
interface Scored {
  readonly heading: Heading;
  readonly cell: Cell;
  readonly parties: readonly PartyCell[] | null;
}

/** A cell that is determined: its applicability known and its level a single one. */
function isDetermined(cell: Cell): boolean {
  return cell.applicable !== 'unknown' && (!cell.applicable || cell.normalised !== null);
}

/** A result whose cells are all determined (a per-party result: each of its parties'). */
function isScoredDetermined({ cell, parties }: Scored): boolean {
  return cell.applicable !== 'unknown' && (parties ? parties.every(isDetermined) : isDetermined(cell));
}

/** The weighted-mean parts of a result: itself, or (cell-mean) each of its party cells. */
function meanParts(scored: Scored, byCell: boolean): MeanPart[] {
  const cells: readonly Cell[] = byCell && scored.parties ? scored.parties : [scored.cell];
  const parts: MeanPart[] = [];
  for (const cell of cells) {
    if (cell.applicable === false || cell.normalisedRange === null) continue;
    parts.push({ weight: scored.heading.weight, low: cell.normalisedRange.low, high: cell.normalisedRange.high, certain: cell.applicable === true });
  }
  return parts;
}

function withIntervals(
  matrix: Matrix,
  record: CaseResult['record'],
  asOf: string,
  scored: readonly Scored[],
  criteria: CriterionResult[],
  gates: readonly GateResult[],
  gridOf: () => Grid | null,
  byCell: boolean,
): CaseResult {
  const partsOf = scored.map((s) => meanParts(s, byCell));
  const all = partsOf.flat();
  const mean = meanInterval(all);
  const scoreRange = mean && { low: roundScore(100 * mean.low), high: roundScore(100 * mean.high) };
  // Bounds of each contribution: its own value at each end over the smallest and largest denominator.
  let sureWeight = 0;
  let maybeWeight = 0;
  for (const part of all) {
    if (part.certain) sureWeight += part.weight;
    maybeWeight += part.weight;
  }
  let unknownWeight = 0;
  const unknownCriteria: string[] = [];
  scored.forEach((s, i) => {
    const parts = partsOf[i]!;
    let low = 0;
    let high = 0;
    for (const part of parts) {
      low += part.certain && maybeWeight > 0 ? (100 * part.weight * part.low) / maybeWeight : 0;
      high += part.weight > 0 ? (100 * part.weight * part.high) / Math.max(part.weight, sureWeight) : 0;
    }
    // Determined parts of an undetermined total are not a share of a known total either.
    const result = criterionResult(s, null, { low, high });
    criteria.push(result);
    if (!isScoredDetermined(s)) {
      unknownCriteria.push(result.id);
      for (const part of parts) unknownWeight += part.weight;
    }
  });
  const share = maybeWeight > 0 ? unknownWeight / maybeWeight : 0;
  const bands = matrix.verdicts;
  const labelIndex = (label: string) => bands.findIndex((band) => band.label === label);
  let best = scoreRange ? bandIndexOf(bands, scoreRange.high) : -1;
  let worst = scoreRange ? bandIndexOf(bands, scoreRange.low) : -1;
  for (const gate of gates) {
    if (gate.status === 'failed') best = Math.max(best, labelIndex(gate.above));
    if (gate.status === 'failed' || gate.status === 'unknown') worst = Math.max(worst, labelIndex(gate.above));
  }
  const limit = matrix.missingData?.maxUnknownShare;
  const undetermined = limit !== undefined && share > limit;
  const verdicts = scoreRange && !undetermined && best >= 0 ? bands.slice(best, worst + 1).map((band) => band.label) : [];
  const score = scoreRange && scoreRange.low === scoreRange.high ? scoreRange.low : null;
  const band = score === null ? -1 : bandIndexOf(bands, score);
  return {
    record,
    asOf,
    score,
    scoreRange,
    band: band >= 0 ? bands[band]!.label : null,
    verdict: verdicts.length === 1 ? verdicts[0]! : null,
    verdicts,
    undetermined,
    unknown: { share, criteria: unknownCriteria },
    gates,
    criteria,
    get grid() {
      return gridOf();
    },
  };
}

/** Under weighted-mean a criterion weighs its weight; under cell-mean each of its applicable cells does. */
function units(scored: Scored, byCell: boolean): number {
  if (!byCell || !scored.parties) return 1;
  let count = 0;
  for (const cell of scored.parties) if (cell.applicable && !cell.notAssessed) count++;
  return criterionUnits(byCell, count);
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function defaultAsOfDay(record: CaseRecord): number {
  let latest = record.day;
  for (const event of record.events) if (event.day > latest) latest = event.day;
  return latest;
}

/** A scope of the index: the same record and date, for one party and/or one forEach subject. */
function scopeOf(index: RecordIndex, party: string | undefined, subject: SummitEvent | undefined): RecordIndex {
  return {
    record: index.record,
    summitDay: index.summitDay,
    asOfDay: index.asOfDay,
    events: index.events,
    byId: index.byId,
    linkedBy: index.linkedBy,
    cache: index.cache,
    party: party ?? index.party,
    subject: subject ?? index.subject,
    uncertain: index.uncertain,
  };
}

/** One result per criterion, or per subject of a forEach criterion; per-party ones carry their cells. */
function scoreCriterion(entry: CompiledCriterion, index: RecordIndex, explain: boolean, out: Scored[]): void {
  const { criterion } = entry;
  const maxPoints = entry.highestScore - entry.lowestScore;
  const forEach = entry.forEach;
  const events = index.events;
  for (let i = forEach ? 0 : -1; i < (forEach ? events.length : 0); i++) {
    const subject = i >= 0 ? events[i]! : undefined;
    // A subject that may or may not be one (unknown) is scored, with its applicability unknown.
    let chosen: Truth = subject ? forEach!(index, subject) : HOLDS;
    if (chosen === HOLDS && subject && index.uncertain?.has(subject)) chosen = UNKNOWN;
    if (chosen === FAILS) continue;
    const scope = subject ? scopeOf(index, undefined, subject) : index;
    const heading: Heading = {
      id: subject ? `${criterion.id}/${subject.id}` : criterion.id,
      criterion: criterion.id,
      title: subject ? `${criterion.title}: ${subject.title ?? subject.id}` : criterion.title,
      subject: subject?.id ?? null,
      weight: criterion.weight,
      maxPoints,
    };
    if (!criterion.perParty) {
      out.push({ heading, cell: scoreCell(entry, scope, explain, chosen), parties: null });
      continue;
    }
    const parties = criterion.perParty === true ? index.record.parties : criterion.perParty;
    const cells =
      assessedCells(entry, scope, parties) ??
      parties.map((party): PartyCell => partyCell(party, scoreCell(entry, scopeOf(scope, party, undefined), explain, chosen)));
    out.push({ heading, cell: meanOfParties(cells), parties: cells });
  }
}

/** A per-party criterion's own cell: the mean of its parties' cells. */
function meanOfParties(cells: readonly PartyCell[]): Cell {
  if (cells.every(isDetermined)) {
    const applicable = cells.filter((cell) => cell.applicable);
    const normalised = applicable.length > 0 ? mean(applicable.map((cell) => cell.normalised!)) : null;
    return {
      applicable: applicable.length > 0,
      level: null,
      levelRange: null,
      points: applicable.length > 0 ? mean(applicable.map((cell) => cell.points!)) : null,
      normalised,
      normalisedRange: normalised === null ? null : { low: normalised, high: normalised },
      evidence: [],
      explanation: null,
      unknown: [],
    };
  }
  const range = meanInterval(
    cells.flatMap((cell) =>
      cell.applicable === false || !cell.normalisedRange ? [] : [{ weight: 1, ...cell.normalisedRange, certain: cell.applicable === true }],
    ),
  );
  const surely = cells.some((cell) => cell.applicable === true);
  return {
    applicable: surely ? true : range ? 'unknown' : false,
    level: null,
    levelRange: null,
    points: null,
    normalised: null,
    normalisedRange: range && { low: range.low, high: range.high },
    evidence: [],
    explanation: null,
    unknown: [],
  };
}

type Heading = Pick<CriterionResult, 'id' | 'criterion' | 'title' | 'subject' | 'weight' | 'maxPoints'>;

// Object literals, not spreads: a spread of two objects costs V8 a dictionary-mode copy per result
// (3-7x slower on the whole evaluation, measured in bench/bench.mjs), and every result keeps one shape.
function criterionResult({ heading, cell, parties }: Scored, contribution: number | null, contributionRange: Interval): CriterionResult {
  return {
    id: heading.id,
    criterion: heading.criterion,
    title: heading.title,
    subject: heading.subject,
    weight: heading.weight,
    maxPoints: heading.maxPoints,
    applicable: cell.applicable,
    level: cell.level,
    levelRange: cell.levelRange,
    points: cell.points,
    normalised: cell.normalised,
    normalisedRange: cell.normalisedRange,
    evidence: cell.evidence,
    explanation: cell.explanation,
    unknown: cell.unknown,
    parties,
    contribution,
    contributionRange,
  };
}

const NO_FACTS: readonly UnknownFact[] = [];
const NO_EVIDENCE: readonly Evidence[] = [];

function partyCell(party: string, cell: Cell): PartyCell {
  return {
    party,
    applicable: cell.applicable,
    level: cell.level,
    levelRange: cell.levelRange,
    points: cell.points,
    normalised: cell.normalised,
    normalisedRange: cell.normalisedRange,
    evidence: cell.evidence,
    explanation: cell.explanation,
    unknown: cell.unknown,
  };
}

/** `chosen`: whether the forEach subject is one (HOLDS, or UNKNOWN); HOLDS without forEach. */
function scoreCell(entry: CompiledCriterion, index: RecordIndex, explain: boolean, chosen: Truth): Cell {
  const applies: Truth = entry.appliesWhen ? (Math.min(chosen, entry.appliesWhen(index, undefined)) as Truth) : chosen;
  if (applies === FAILS) {
    const failure = explain ? entry.appliesWhenExplainer!.failure(index, undefined) : undefined;
    return {
      applicable: false,
      level: null,
      levelRange: null,
      points: null,
      normalised: null,
      normalisedRange: null,
      evidence: [],
      explanation: failure ? { failure } : null,
      unknown: NO_FACTS,
    };
  }

  const tests = entry.levelTests;
  let reached = -1;
  let maybe = -1;
  for (let i = 0; i < tests.length; i++) {
    const test = tests[i];
    const truth = test === undefined ? HOLDS : test(index, undefined);
    if (truth === HOLDS) {
      reached = i;
      break;
    }
    if (truth === UNKNOWN && maybe < 0) maybe = i;
  }
  if (maybe >= 0 || applies === UNKNOWN) return undeterminedCell(entry, index, explain, applies, reached, maybe);
  const outcome = reached >= 0 ? entry.outcomes[reached]! : entry.noLevel;
  const { level, levelRange, points, normalised, normalisedRange, target } = outcome;
  if (!explain)
    return { applicable: true, level, levelRange, points, normalised, normalisedRange, evidence: NO_EVIDENCE, explanation: null, unknown: NO_FACTS };

  const evidence = evidenceOf(entry, index, reached);
  const targetExplainer = target ? entry.levelExplainers[outcome.targetIndex] : undefined;
  const failure = targetExplainer?.failure(index, undefined);
  return {
    applicable: true,
    level,
    levelRange,
    points,
    normalised,
    normalisedRange,
    evidence,
    explanation: target && failure ? { level: target, failure } : null,
    unknown: NO_FACTS,
  };
}

/**
 * The evidence of the level reached: each event that made its condition hold, once, in the order
 * the record lists them. Each event's entry is made once per index, however many criteria cite it.
 */
function evidenceOf(entry: CompiledCriterion, index: RecordIndex, reached: number): readonly Evidence[] {
  const explainer = reached >= 0 ? entry.levelExplainers[reached] : undefined;
  if (!explainer) return NO_EVIDENCE;
  const witnesses: SummitEvent[] = [];
  explainer.witnesses(index, undefined, witnesses);
  if (witnesses.length === 0) return NO_EVIDENCE;
  let made = evidenceMade.get(index.cache);
  if (!made) evidenceMade.set(index.cache, (made = new Map<SummitEvent, Evidence>()));
  const evidence: Evidence[] = [];
  // Most levels' witnesses are one quantifier's candidates, already distinct and in record order.
  if (explainer.ordered) {
    for (const witness of witnesses) evidence.push(evidenceEntry(made, witness));
    return evidence;
  }
  const order = eventOrder(index);
  // Positions in the record: sorted (and so without repeats) unless links reached back.
  let room = index.cache.positions;
  if (room === undefined || room.length < witnesses.length) index.cache.positions = room = new Int32Array(Math.max(64, 2 * witnesses.length));
  const positions = room.subarray(0, witnesses.length);
  let sorted = true;
  for (let i = 0; i < witnesses.length; i++) {
    positions[i] = order.get(witnesses[i] as SummitEvent) ?? 0;
    if (i > 0 && (positions[i] as number) <= (positions[i - 1] as number)) sorted = false;
  }
  if (!sorted) positions.sort();
  const all = index.record.events;
  for (let i = 0; i < positions.length; i++) {
    const at = positions[i] as number;
    if (i > 0 && at === positions[i - 1]) continue;
    evidence.push(evidenceEntry(made, all[at] as SummitEvent));
  }
  return evidence;
}

/** Each event's evidence entry, made once per index however many criteria cite it. */
const evidenceMade = new WeakMap<RecordIndex['cache'], Map<SummitEvent, Evidence>>();

function evidenceEntry(made: Map<SummitEvent, Evidence>, event: SummitEvent): Evidence {
  let entry = made.get(event);
  if (entry === undefined) made.set(event, (entry = toEvidence(event)));
  return entry;
}

/**
 * A cell whose level (or applicability) rests on unknown facts: the range runs from the best
 * level that surely holds (`reached`) to the best that may (`maybe`); its points are the lowest
 * and highest of the levels in between that may hold. The facts named are those of the unknown
 * tests in that range, and of appliesWhen when that is unknown: settling them settles the cell.
 */
function undeterminedCell(entry: CompiledCriterion, index: RecordIndex, explain: boolean, applies: Truth, reached: number, maybe: number): Cell {
  const { criterion, lowestScore, highestScore } = entry;
  const maxPoints = highestScore - lowestScore;
  const levels = criterion.levels;
  // Index levels.length stands for no level at all (0 points), where no level is reached and none need be.
  const ref = (i: number): LevelRef | null => (i >= 0 && i < levels.length ? { label: levels[i]!.label, score: levels[i]!.score } : null);
  const end = reached >= 0 ? reached : levels.length;
  const top = maybe >= 0 ? maybe : end;
  let low = Infinity;
  let high = -Infinity;
  const facts: UnknownFact[] = [];
  const { fields } = entry;
  for (let i = top; i >= 0 && i <= end; i++) {
    const points = i < levels.length ? levels[i]!.score - lowestScore : 0;
    const test = entry.levelTests[i];
    const truth = i === reached || i === levels.length ? HOLDS : test === undefined ? HOLDS : test(index, undefined);
    if (truth === FAILS) continue;
    low = Math.min(low, points);
    high = Math.max(high, points);
    if (truth === UNKNOWN && levels[i]!.when) unknownFacts(levels[i]!.when!, fields, index, facts);
  }
  if (applies === UNKNOWN && criterion.appliesWhen) unknownFacts(criterion.appliesWhen, fields, index, facts);
  if (applies === UNKNOWN && criterion.forEach && index.subject) subjectFacts(criterion.forEach, fields, index, index.subject, facts);
  const determined = low === high;
  const levelRef = determined && reached === top ? ref(reached) : null;
  const named = new Set<string>();
  const unique = facts.filter((fact) => {
    const key = `${fact.event}\u0000${fact.field}\u0000${fact.reason}`;
    return !named.has(key) && named.add(key) !== undefined;
  });
  const points = determined && applies === HOLDS ? low : null;
  const levelRange = { low: ref(reached), high: ref(top) };
  return {
    applicable: applies === HOLDS ? true : 'unknown',
    level: levelRef,
    levelRange,
    points,
    normalised: points === null ? null : normalise(points, maxPoints),
    normalisedRange: { low: normalise(low, maxPoints), high: normalise(high, maxPoints) },
    evidence: explain ? evidenceOf(entry, index, reached) : [],
    explanation: null,
    unknown: unique,
  };
}

function toEvidence(event: SummitEvent): Evidence {
  const { id, date, type, title, location, sources } = event;
  if (title !== undefined) return location ? { event: id, date, type, title, location, sources } : { event: id, date, type, title, sources };
  return location ? { event: id, date, type, location, sources } : { event: id, date, type, sources };
}

/**
 * A per-party criterion passes a gate only when every party it applies to does. With a level
 * range the gate is decided at both ends: passed when even the lowest level is good enough,
 * failed when even the highest is not, unknown in between.
 */
function gateResults(entry: CompiledCriterion, { heading, cell, parties }: Scored, out: GateResult[]): void {
  const { rank } = entry;
  const rankOf = (level: LevelRef | null | undefined) => (level ? (rank.get(level.label) ?? -1) : Infinity);
  const cells: readonly Cell[] = parties ?? [cell];
  const counted = cells.filter((cell) => cell.applicable !== false);
  const anyUnknownApplicability = counted.some((cell) => cell.applicable === 'unknown');
  const allUnsure = counted.every((cell) => cell.applicable === 'unknown');
  const level = cell.level?.label ?? null;
  for (const gate of entry.criterion.gates) {
    const required = rank.get(gate.requires) ?? -1;
    let status: GateStatus;
    if (counted.length === 0) status = 'not-applicable';
    else {
      const surely = counted.every((cell) => cell.applicable !== true || rankOf(cell.levelRange?.low) <= required);
      const possibly = counted.every((cell) => cell.applicable !== true || rankOf(cell.levelRange?.high) <= required);
      // A cell that may not apply can make the gate fail only if it applies: its failure is unknown.
      const maybeFails = counted.some((cell) => cell.applicable === 'unknown' && rankOf(cell.levelRange?.low) > required);
      status = !possibly ? 'failed' : surely && !maybeFails ? (allUnsure && anyUnknownApplicability ? 'unknown' : 'passed') : 'unknown';
    }
    // One literal per gate, keys in the order the JSON output lists them (no spread: see criterionResult).
    out.push({ criterion: heading.id, above: gate.above, requires: gate.requires, level, status });
  }
}

export const AGGREGATION_METHODS = {
  'weighted-mean':
    "the weighted mean of each applicable criterion's score, normalised to 0-1 between its lowest and highest level, times 100; a per-party criterion " +
    'scores the mean of its parties; criteria that do not apply leave the denominator, and failed gates cap the verdict',
  'cell-mean':
    'the weighted mean over every applicable cell (each party of a per-party criterion is a cell, as in the G7/G20 Research Group method), normalised ' +
    'to 0-1, times 100; cells that do not apply leave the denominator, and failed gates cap the verdict',
} as const satisfies Record<Matrix['aggregation'], string>;
