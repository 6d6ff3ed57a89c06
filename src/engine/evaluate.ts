import { compileCondition, type Test } from './compile.js';
import { dayNumber, formatDay } from './dates.js';
import { explainCondition, type Failure } from './explain.js';
import { buildGrid, type Grid } from './grid.js';
import { indexRecord, type RecordIndex } from './record-index.js';
import type { CaseRecord, Citation, Criterion, Matrix, SourceLocation, SummitEvent } from './types.js';

export interface CompiledCriterion {
  readonly criterion: Criterion;
  /** One per level, best first; undefined for a default level without a condition. */
  readonly levelTests: readonly (Test | undefined)[];
  readonly appliesWhen?: Test;
  readonly forEach?: Test;
  readonly lowestScore: number;
  readonly highestScore: number;
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
        ...(criterion.forEach && { forEach: compileCondition(criterion.forEach) }),
        lowestScore: Math.min(...scores),
        highestScore: Math.max(...scores),
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
}

/** Scores one record against a compiled matrix. Pure: the same inputs give the same result. */
export function evaluateRecord(compiled: CompiledMatrix, record: CaseRecord, options: EvaluateOptions = {}): CaseResult {
  const asOfDay = options.asOf === undefined ? defaultAsOfDay(record) : dayNumber(options.asOf);
  if (asOfDay === undefined) throw new RangeError(`asOf is not a calendar date: ${options.asOf}`);
  const index = indexRecord(record, asOfDay);
  const order = new Map(record.events.map((event, i) => [event.id, i]));
  const { matrix } = compiled;

  const scored = compiled.criteria.flatMap((entry) => scoreCriterion(entry, index, order));
  const byCell = matrix.aggregation === 'cell-mean';
  // Under weighted-mean a criterion weighs its weight; under cell-mean each of its cells does.
  const units = (s: Omit<CriterionResult, 'contribution'>) => (byCell && s.parties ? s.parties.filter((p) => p.applicable).length : 1);
  const weightTotal = scored.reduce((sum, s) => sum + (s.applicable ? s.weight * units(s) : 0), 0);
  const criteria: CriterionResult[] = scored.map((s) => ({
    ...s,
    contribution: weightTotal > 0 && s.normalised !== null ? (100 * s.weight * units(s) * s.normalised) / weightTotal : 0,
  }));
  const score = weightTotal > 0 ? roundScore(criteria.reduce((sum, c) => sum + c.contribution, 0)) : null;

  const bands = matrix.verdicts;
  const bandIndex = score === null ? -1 : bands.findIndex((band) => score >= band.min);
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
    grid: buildGrid(matrix, criteria),
  };
}

function defaultAsOfDay(record: CaseRecord): number {
  return record.events.reduce((latest, event) => Math.max(latest, event.day), record.day);
}

// Totals are sums of floating-point shares; rounding keeps 70 from arriving as 69.99999999 at a band edge.
function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/** One result per criterion, or per subject of a forEach criterion; per-party ones carry their cells. */
function scoreCriterion(entry: CompiledCriterion, index: RecordIndex, order: ReadonlyMap<string, number>): Omit<CriterionResult, 'contribution'>[] {
  const { criterion } = entry;
  const subjects: (SummitEvent | undefined)[] = entry.forEach ? index.events.filter((event) => entry.forEach!(index, event)) : [undefined];
  return subjects.map((subject) => {
    const scope: RecordIndex = subject ? { ...index, subject } : index;
    const base = {
      id: subject ? `${criterion.id}/${subject.id}` : criterion.id,
      criterion: criterion.id,
      title: subject ? `${criterion.title}: ${subject.title ?? subject.id}` : criterion.title,
      subject: subject?.id ?? null,
      weight: criterion.weight,
      maxPoints: entry.highestScore - entry.lowestScore,
    };
    if (!criterion.perParty) return { ...base, ...scoreCell(entry, scope, order), parties: null };

    const parties = criterion.perParty === true ? index.record.parties : criterion.perParty;
    const cells = parties.map((party): PartyCell => ({ party, ...scoreCell(entry, { ...scope, party }, order) }));
    const applicable = cells.filter((cell) => cell.applicable);
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    return {
      ...base,
      applicable: applicable.length > 0,
      level: null,
      points: applicable.length > 0 ? mean(applicable.map((cell) => cell.points!)) : null,
      normalised: applicable.length > 0 ? mean(applicable.map((cell) => cell.normalised!)) : null,
      evidence: [],
      explanation: null,
      parties: cells,
    };
  });
}

function scoreCell(entry: CompiledCriterion, index: RecordIndex, order: ReadonlyMap<string, number>): Cell {
  const { criterion, lowestScore, highestScore } = entry;
  const maxPoints = highestScore - lowestScore;

  if (entry.appliesWhen && !entry.appliesWhen(index, undefined)) {
    const { failure } = explainCondition(criterion.appliesWhen!, index);
    return { applicable: false, level: null, points: null, normalised: null, evidence: [], explanation: failure ? { failure } : null };
  }

  const reached = entry.levelTests.findIndex((test) => test === undefined || test(index, undefined));
  const level = reached >= 0 ? criterion.levels[reached]! : undefined;
  const points = level ? level.score - lowestScore : 0;

  const witnesses = level?.when ? explainCondition(level.when, index).witnesses : [];
  const evidence = [...witnesses].sort((a, b) => order.get(a)! - order.get(b)!).map((id) => toEvidence(index, id));

  const nextUp = reached === -1 ? criterion.levels.length - 1 : reached - 1;
  const target = nextUp >= 0 ? criterion.levels[nextUp]! : undefined;
  const failure = target?.when ? explainCondition(target.when, index).failure : undefined;

  return {
    applicable: true,
    level: level ? { label: level.label, score: level.score } : null,
    points,
    normalised: maxPoints > 0 ? points / maxPoints : 0,
    evidence,
    explanation: target && failure ? { level: { label: target.label, score: target.score }, failure } : null,
  };
}

function toEvidence(index: RecordIndex, id: string): Evidence {
  const event = index.byId.get(id)!;
  return {
    event: event.id,
    date: event.date,
    type: event.type,
    ...(event.title !== undefined && { title: event.title }),
    ...(event.location && { location: event.location }),
    sources: event.sources,
  };
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
