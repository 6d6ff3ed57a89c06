import { compileCondition, type Test } from './compile.js';
import { dayNumber, formatDay } from './dates.js';
import { explainCondition, type Failure } from './explain.js';
import { indexRecord, type RecordIndex } from './record-index.js';
import type { CaseRecord, Citation, Criterion, Matrix, SourceLocation } from './types.js';

export interface CompiledCriterion {
  readonly criterion: Criterion;
  /** One per level, best first; undefined for a default level without a condition. */
  readonly levelTests: readonly (Test | undefined)[];
  readonly appliesWhen?: Test;
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

export interface CriterionResult {
  readonly id: string;
  readonly title: string;
  readonly weight: number;
  readonly applicable: boolean;
  /** Null when the criterion does not apply, or when no level matched and none is the default. */
  readonly level: LevelRef | null;
  /** The level's score above the criterion's lowest level; null when not applicable. */
  readonly points: number | null;
  readonly maxPoints: number;
  /** Share of the total, 0–100; all contributions add up to the score. */
  readonly contribution: number;
  readonly evidence: readonly Evidence[];
  /** Why not the next level up (or, when not applicable, why not). Null at the top level. */
  readonly explanation: Explanation | null;
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

  const scored = compiled.criteria.map((entry) => scoreCriterion(entry, index, order));
  const weightTotal = scored.reduce((sum, s) => sum + (s.applicable ? s.criterion.weight : 0), 0);
  const criteria = scored.map((s) => ({
    ...s.result,
    contribution: weightTotal > 0 && s.normalised !== null ? (100 * s.criterion.weight * s.normalised) / weightTotal : 0,
  }));
  const score = weightTotal > 0 ? roundScore(criteria.reduce((sum, c) => sum + c.contribution, 0)) : null;

  const bands = compiled.matrix.verdicts;
  const bandIndex = score === null ? -1 : bands.findIndex((band) => score >= band.min);
  const gates = scored.flatMap((s) => gateResults(s.criterion, s.result));
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
  };
}

function defaultAsOfDay(record: CaseRecord): number {
  return record.events.reduce((latest, event) => Math.max(latest, event.day), record.day);
}

// Totals are sums of floating-point shares; rounding keeps 70 from arriving as 69.99999999 at a band edge.
function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

interface ScoredCriterion {
  readonly criterion: Criterion;
  readonly applicable: boolean;
  /** 0–1 on the criterion's own scale; null when not applicable. */
  readonly normalised: number | null;
  readonly result: Omit<CriterionResult, 'contribution'>;
}

function scoreCriterion(entry: CompiledCriterion, index: RecordIndex, order: ReadonlyMap<string, number>): ScoredCriterion {
  const { criterion, lowestScore, highestScore } = entry;
  const base = { id: criterion.id, title: criterion.title, weight: criterion.weight, maxPoints: highestScore - lowestScore };

  if (entry.appliesWhen && !entry.appliesWhen(index, undefined)) {
    const { failure } = explainCondition(criterion.appliesWhen!, index);
    return {
      criterion,
      applicable: false,
      normalised: null,
      result: { ...base, applicable: false, level: null, points: null, evidence: [], explanation: failure ? { failure } : null },
    };
  }

  const reached = entry.levelTests.findIndex((test) => test === undefined || test(index, undefined));
  const level = reached >= 0 ? criterion.levels[reached]! : undefined;
  const points = level ? level.score - lowestScore : 0;
  const normalised = base.maxPoints > 0 ? points / base.maxPoints : 0;

  const witnesses = level?.when ? explainCondition(level.when, index).witnesses : [];
  const evidence = [...witnesses]
    .sort((a, b) => order.get(a)! - order.get(b)!)
    .map((id) => toEvidence(index, id));

  const nextUp = reached === -1 ? criterion.levels.length - 1 : reached - 1;
  const target = nextUp >= 0 ? criterion.levels[nextUp]! : undefined;
  const failure = target?.when ? explainCondition(target.when, index).failure : undefined;

  return {
    criterion,
    applicable: true,
    normalised,
    result: {
      ...base,
      applicable: true,
      level: level ? { label: level.label, score: level.score } : null,
      points,
      evidence,
      explanation: target && failure ? { level: { label: target.label, score: target.score }, failure } : null,
    },
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

function gateResults(criterion: Criterion, result: Omit<CriterionResult, 'contribution'>): GateResult[] {
  return criterion.gates.map((gate) => {
    const common = { criterion: criterion.id, above: gate.above, requires: gate.requires, level: result.level?.label ?? null };
    if (!result.applicable) return { ...common, status: 'not-applicable' };
    const required = criterion.levels.findIndex((level) => level.label === gate.requires);
    const reached = result.level ? criterion.levels.findIndex((level) => level.label === result.level!.label) : Infinity;
    return { ...common, status: reached <= required ? 'passed' : 'failed' };
  });
}

export const AGGREGATION_METHODS = {
  'weighted-mean':
    "the weighted mean of each applicable criterion's score, normalised to 0-1 between its lowest and highest level, times 100; criteria that do not apply leave the denominator, and failed gates cap the verdict",
} as const satisfies Record<Matrix['aggregation'], string>;
