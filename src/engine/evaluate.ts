import { assessedCell, type CellAssessment } from './assessments.js';
import { compileCondition, compileConditionIn, type Test } from './compile.js';
import { reaches } from './band-edge.js';
import { dayNumber, formatDay } from './dates.js';
import type { Failure } from './explain.js';
import { compileExplainer, type Explainer } from './explainer.js';
import { buildGrid, type Grid } from './grid.js';
import { eventOrder, indexRecord, type RecordIndex } from './record-index.js';
import type { CaseRecord, Citation, Criterion, Matrix, SourceLocation, SummitEvent } from './types.js';

export interface CompiledCriterion {
  readonly criterion: Criterion;
  /** One per level, best first; undefined for a default level without a condition. */
  readonly levelTests: readonly (Test | undefined)[];
  readonly appliesWhen?: Test;
  readonly forEach?: Test;
  readonly lowestScore: number;
  readonly highestScore: number;
  /** The explaining evaluators of the levels (evidence and near misses) and of appliesWhen. */
  readonly levelExplainers: readonly (Explainer | undefined)[];
  readonly appliesWhenExplainer?: Explainer;
}

export interface CompiledMatrix {
  readonly matrix: Matrix;
  readonly criteria: readonly CompiledCriterion[];
}

export function compileMatrix(matrix: Matrix): CompiledMatrix {
  return {
    matrix,
    criteria: matrix.criteria.map((criterion) => {
      const scores = criterion.levels.map((level) => level.score);
      return {
        criterion,
        levelTests: criterion.levels.map((level) => (level.when ? compileCondition(level.when) : undefined)),
        ...(criterion.appliesWhen && { appliesWhen: compileCondition(criterion.appliesWhen) }),
        // forEach picks events one at a time: an event test, as inside a quantifier.
        ...(criterion.forEach && { forEach: compileConditionIn(criterion.forEach, true) }),
        lowestScore: Math.min(...scores),
        highestScore: Math.max(...scores),
        levelExplainers: criterion.levels.map((level) => (level.when ? compileExplainer(level.when) : undefined)),
        ...(criterion.appliesWhen && { appliesWhenExplainer: compileExplainer(criterion.appliesWhen) }),
      };
    }),
  };
}

export interface LevelRef {
  readonly label: string;
  readonly score: number;
}

export interface Evidence {
  readonly event: string;
  readonly date: string;
  readonly type: string;
  readonly title?: string;
  readonly location?: SourceLocation;
  readonly sources: readonly Citation[];
}

export interface Explanation {
  /** The level the criterion did not reach, or undefined when explaining why it does not apply. */
  readonly level?: LevelRef;
  readonly failure: Failure;
}

/** One criterion scored once: for the whole record, or for one party. */
export interface Cell {
  readonly applicable: boolean;
  /** Null when the criterion does not apply, or when no level matched and none is the default. */
  readonly level: LevelRef | null;
  /** The level's score above the criterion's lowest level; null when not applicable. */
  readonly points: number | null;
  /** points / maxPoints, 0–1; null when not applicable. */
  readonly normalised: number | null;
  readonly evidence: readonly Evidence[];
  /** Why not the next level up (or, when not applicable, why not). Null at the top level. */
  readonly explanation: Explanation | null;
}

export interface PartyCell extends Cell {
  readonly party: string;
  /** The assessment the cell was stated by (src/engine/assessments.ts); absent when derived from events. */
  readonly assessment?: CellAssessment | null;
  /** An applicable cell nobody has assessed (by the as-of date): unknown, not the lowest level. */
  readonly notAssessed?: true;
}

export interface CriterionResult extends Cell {
  /** The criterion's id; `criterion/event` for each subject of a forEach criterion. */
  readonly id: string;
  readonly criterion: string;
  readonly title: string;
  /** The event a forEach criterion was scored about. */
  readonly subject: string | null;
  readonly weight: number;
  readonly maxPoints: number;
  /** Share of the total, 0–100; all contributions add up to the score. */
  readonly contribution: number;
  /** Per-party criteria: one cell per party, and the criterion's own cell holds their mean. */
  readonly parties: readonly PartyCell[] | null;
}

export type GateStatus = 'passed' | 'failed' | 'not-applicable';

export interface GateResult {
  readonly criterion: string;
  readonly above: string;
  readonly requires: string;
  readonly level: string | null;
  readonly status: GateStatus;
}

export interface CaseResult {
  readonly record: { readonly id: string; readonly title: string; readonly date: string };
  readonly asOf: string;
  /** 0–100, or null when no criterion with a weight applies. */
  readonly score: number | null;
  /** The band the score alone earns. */
  readonly band: string | null;
  /** The band after gates. */
  readonly verdict: string | null;
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
}

/** Scores one record against a compiled matrix. Pure: the same inputs give the same result. */
export function evaluateRecord(compiled: CompiledMatrix, record: CaseRecord, options: EvaluateOptions = {}): CaseResult {
  const asOfDay = options.asOf === undefined ? defaultAsOfDay(record) : dayNumber(options.asOf);
  if (asOfDay === undefined) throw new RangeError(`asOf is not a calendar date: ${options.asOf}`);
  const index = indexRecord(record, asOfDay);
  const { matrix } = compiled;
  const explain = options.explain ?? true;

  const criteria: Mutable<CriterionResult>[] = [];
  for (const entry of compiled.criteria) scoreCriterion(entry, index, explain, criteria);
  const byCell = matrix.aggregation === 'cell-mean';
  let weightTotal = 0;
  for (const s of criteria) if (s.applicable) weightTotal += s.weight * units(s, byCell);
  let total = 0;
  for (const s of criteria) {
    s.contribution = weightTotal > 0 && s.normalised !== null ? (100 * s.weight * units(s, byCell) * s.normalised) / weightTotal : 0;
    total += s.contribution;
  }
  const score = weightTotal > 0 ? roundScore(total) : null;

  const bands = matrix.verdicts;
  const bandIndex = score === null ? -1 : bands.findIndex((band) => reaches(score, band.min));
  const gates = criteria.flatMap((result) => gateResults(compiled, result));
  let verdictIndex = bandIndex;
  for (const gate of gates) {
    if (gate.status !== 'failed') continue;
    verdictIndex = Math.max(verdictIndex, bands.findIndex((band) => band.label === gate.above));
  }

  return {
    record: { id: record.id, title: record.title, date: record.date },
    asOf: formatDay(asOfDay),
    score,
    band: bandIndex >= 0 ? bands[bandIndex]!.label : null,
    verdict: verdictIndex >= 0 && score !== null ? bands[verdictIndex]!.label : null,
    gates,
    criteria,
    grid: buildGrid(matrix, criteria, record),
  };
}

/** Under weighted-mean a criterion weighs its weight; under cell-mean each of its applicable cells does. */
function units(result: CriterionResult, byCell: boolean): number {
  if (!byCell || !result.parties) return 1;
  let count = 0;
  for (const cell of result.parties) if (cell.applicable && !cell.notAssessed) count++;
  return count;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function defaultAsOfDay(record: CaseRecord): number {
  return record.events.reduce((latest, event) => Math.max(latest, event.day), record.day);
}

// Totals are sums of floating-point shares; rounding keeps 70 from arriving as 69.99999999 at a band edge.
function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
  };
}

/** One result per criterion, or per subject of a forEach criterion; per-party ones carry their cells. */
function scoreCriterion(entry: CompiledCriterion, index: RecordIndex, explain: boolean, out: Mutable<CriterionResult>[]): void {
  const { criterion } = entry;
  const maxPoints = entry.highestScore - entry.lowestScore;
  const forEach = entry.forEach;
  const events = index.events;
  for (let i = forEach ? 0 : -1; i < (forEach ? events.length : 0); i++) {
    const subject = i >= 0 ? events[i]! : undefined;
    if (subject && !forEach!(index, subject)) continue;
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
      out.push(criterionResult(heading, scoreCell(entry, scope, explain), null));
      continue;
    }
    const parties = criterion.perParty === true ? index.record.parties : criterion.perParty;
    const cells = parties.map((party): PartyCell => assessedCell(entry, scope, party) ?? partyCell(party, scoreCell(entry, scopeOf(scope, party, undefined), explain)));
    // An unknown cell has no points to average (the grid shows its range).
    const applicable = cells.filter((cell) => cell.applicable && !cell.notAssessed);
    const mixed: Cell = {
      applicable: applicable.length > 0,
      level: null,
      points: applicable.length > 0 ? mean(applicable.map((cell) => cell.points!)) : null,
      normalised: applicable.length > 0 ? mean(applicable.map((cell) => cell.normalised!)) : null,
      evidence: [],
      explanation: null,
    };
    out.push(criterionResult(heading, mixed, cells));
  }
}

type Heading = Pick<CriterionResult, 'id' | 'criterion' | 'title' | 'subject' | 'weight' | 'maxPoints'>;

// Object literals, not spreads: a spread of two objects costs V8 a dictionary-mode copy per result
// (3-7x slower on the whole evaluation, measured in bench/bench.mjs), and every result keeps one shape.
function criterionResult(heading: Heading, cell: Cell, parties: readonly PartyCell[] | null): Mutable<CriterionResult> {
  return {
    id: heading.id,
    criterion: heading.criterion,
    title: heading.title,
    subject: heading.subject,
    weight: heading.weight,
    maxPoints: heading.maxPoints,
    applicable: cell.applicable,
    level: cell.level,
    points: cell.points,
    normalised: cell.normalised,
    evidence: cell.evidence,
    explanation: cell.explanation,
    parties,
    contribution: 0,
  };
}

function partyCell(party: string, cell: Cell): PartyCell {
  return { party, applicable: cell.applicable, level: cell.level, points: cell.points, normalised: cell.normalised, evidence: cell.evidence, explanation: cell.explanation };
}

function scoreCell(entry: CompiledCriterion, index: RecordIndex, explain: boolean): Cell {
  const { criterion, lowestScore, highestScore } = entry;
  const maxPoints = highestScore - lowestScore;

  if (entry.appliesWhen && !entry.appliesWhen(index, undefined)) {
    const failure = explain ? entry.appliesWhenExplainer!.failure(index, undefined) : undefined;
    return { applicable: false, level: null, points: null, normalised: null, evidence: [], explanation: failure ? { failure } : null };
  }

  const tests = entry.levelTests;
  let reached = -1;
  for (let i = 0; i < tests.length; i++) {
    const test = tests[i];
    if (test === undefined || test(index, undefined)) {
      reached = i;
      break;
    }
  }
  const level = reached >= 0 ? criterion.levels[reached]! : undefined;
  const points = level ? level.score - lowestScore : 0;
  const nextUp = reached === -1 ? criterion.levels.length - 1 : reached - 1;
  const target = nextUp >= 0 ? criterion.levels[nextUp]! : undefined;
  const levelRef = level ? { label: level.label, score: level.score } : null;
  const normalised = maxPoints > 0 ? points / maxPoints : 0;
  if (!explain) return { applicable: true, level: levelRef, points, normalised, evidence: [], explanation: null };

  const explainer = reached >= 0 ? entry.levelExplainers[reached] : undefined;
  let evidence: Evidence[] = [];
  if (explainer) {
    const witnesses: SummitEvent[] = [];
    explainer.witnesses(index, undefined, witnesses);
    const entries = (index.cache.evidence ??= new Map()) as Map<SummitEvent, Evidence>;
    evidence = inRecordOrder(index, witnesses).map((event) => {
      let entry = entries.get(event);
      if (!entry) entries.set(event, (entry = toEvidence(event)));
      return entry;
    });
  }
  // Every level above the one reached failed, so the next one up has a failure to report.
  const failure = target?.when ? entry.levelExplainers[nextUp]!.failure(index, undefined) : undefined;
  return {
    applicable: true,
    level: levelRef,
    points,
    normalised,
    evidence,
    explanation: target && failure ? { level: { label: target.label, score: target.score }, failure } : null,
  };
}

/** Each event once, in the order the record lists them. */
function inRecordOrder(index: RecordIndex, events: SummitEvent[]): readonly SummitEvent[] {
  if (events.length <= 1) return events;
  const order = eventOrder(index);
  const positions = new Int32Array(events.length);
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    positions[i] = order.get(events[i]!)!;
    if (i > 0 && positions[i]! <= positions[i - 1]!) sorted = false;
  }
  if (sorted) return events;
  positions.sort();
  const all = index.record.events;
  const unique: SummitEvent[] = [];
  for (let i = 0; i < positions.length; i++) if (i === 0 || positions[i] !== positions[i - 1]) unique.push(all[positions[i]!]!);
  return unique;
}

function toEvidence(event: SummitEvent): Evidence {
  const { id, date, type, title, location, sources } = event;
  if (title !== undefined) return location ? { event: id, date, type, title, location, sources } : { event: id, date, type, title, sources };
  return location ? { event: id, date, type, location, sources } : { event: id, date, type, sources };
}

/** A per-party criterion passes a gate only when every party it applies to does. */
function gateResults(compiled: CompiledMatrix, result: CriterionResult): GateResult[] {
  const criterion = compiled.matrix.criteria.find((c) => c.id === result.criterion)!;
  const rank = (level: LevelRef | null) => (level ? criterion.levels.findIndex((l) => l.label === level.label) : Infinity);
  const cells: readonly Cell[] = result.parties ?? [result];
  const applicable = cells.filter((cell) => cell.applicable);
  return criterion.gates.map((gate) => {
    const common = { criterion: result.id, above: gate.above, requires: gate.requires, level: result.level?.label ?? null };
    if (applicable.length === 0) return { ...common, status: 'not-applicable' };
    const required = criterion.levels.findIndex((level) => level.label === gate.requires);
    return { ...common, status: applicable.every((cell) => rank(cell.level) <= required) ? 'passed' : 'failed' };
  });
}

export const AGGREGATION_METHODS = {
  'weighted-mean':
    "the weighted mean of each applicable criterion's score, normalised to 0-1 between its lowest and highest level, times 100; a per-party criterion scores the mean of its parties; criteria that do not apply leave the denominator, and failed gates cap the verdict",
  'cell-mean':
    'the weighted mean over every applicable cell (each party of a per-party criterion is a cell, as in the G7/G20 Research Group method), normalised to 0-1, times 100; cells that do not apply leave the denominator, and failed gates cap the verdict',
} as const satisfies Record<Matrix['aggregation'], string>;
