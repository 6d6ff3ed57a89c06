import { dayNumber, daysFromCivil, daysInMonth, formatDay } from './dates.js';
import type { CompiledMatrix } from './compiled-matrix.js';
import { evaluateRecord, type CaseResult } from './evaluate.js';
import type { Cell } from './results.js';
import type { CaseRecord, Condition, Matrix, SummitEvent } from './types.js';

// A case scored at a series of dates, and what changed between them: which criterion moved,
// which newly arrived event moved it, and what became of the verdict.

/** An ISO 8601 duration of whole years, months, weeks and days (P1M, P2W, P1Y6M). */
export interface Duration {
  readonly months: number;
  readonly days: number;
}

const DURATION = /^P(?:(\d{1,4})Y)?(?:(\d{1,5})M)?(?:(\d{1,5})W)?(?:(\d{1,6})D)?$/;

export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P') return undefined;
  const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  const duration = { months: 12 * years + months, days: 7 * weeks + days };
  return duration.months === 0 && duration.days === 0 ? undefined : duration;
}

/**
 * `start` plus `times` durations, counted from the start each time so months do not drift: from
 * 31 January, P1M gives the last day of February, then 31 March.
 */
export function addDuration(start: number, duration: Duration, times: number): number {
  const date = formatDay(start);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + duration.months * times;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  // Not Date.UTC, which reads the years 0-99 as 1900-1999.
  const lastDay = daysInMonth(targetYear, targetMonth + 1);
  return daysFromCivil(targetYear, targetMonth + 1, Math.min(day, lastDay)) + duration.days * times;
}

/** Dates from `from` to `to` every `step`, `to` included; undefined past `limit` dates. */
export function stepDates(from: string, to: string, step: Duration, limit: number): string[] | undefined {
  const first = dayNumber(from)!;
  const last = dayNumber(to)!;
  const days: number[] = [];
  for (let k = 0; ; k++) {
    const day = addDuration(first, step, k);
    if (day > last) break;
    if (days.length >= limit) return undefined;
    days.push(day);
  }
  if (days[days.length - 1] !== last) days.push(last);
  return days.length > limit ? undefined : days.map(formatDay);
}

/** The summit's date and every date on which an event happened (a month-only date: its last day), in order. */
export function eventDates(record: CaseRecord): string[] {
  const days = new Set([record.day, ...record.events.map((event) => event.day)]);
  return [...days].sort((a, b) => a - b).map(formatDay);
}

/**
 * The days on which an event leaves a window the matrix measures back from the as-of date
 * (`after: {daysBefore: N, of: asOf}` holds for an event of day d until d + N): a level can move
 * on such a day with no event arriving, as a negotiation lapses a year after its last session.
 */
export function windowDates(matrix: Matrix, record: CaseRecord): string[] {
  const widths = new Set<number>();
  const visit = (condition: Condition | undefined): void => {
    if (condition === undefined) return;
    switch (condition.op) {
      case 'all':
      case 'any':
      case 'atLeast':
        return condition.conditions.forEach(visit);
      case 'not':
        return visit(condition.condition);
      case 'some':
      case 'none':
      case 'count':
        return visit(condition.where);
      case 'link':
        return visit(condition.to);
      case 'linkedBy':
        return visit(condition.where);
      case 'before':
      case 'after':
      case 'within':
        if (condition.anchor.kind === 'asOf' && condition.anchor.daysBefore) widths.add(condition.anchor.daysBefore);
        return;
      default:
        return;
    }
  };
  for (const criterion of matrix.criteria) {
    visit(criterion.appliesWhen);
    visit(criterion.forEach);
    for (const level of criterion.levels) visit(level.when);
  }
  const days = new Set<number>();
  for (const width of widths) for (const event of record.events) days.add(event.day + width);
  return [...days].sort((a, b) => a - b).map(formatDay);
}

/**
 * A cell at one date. One the record leaves open has no `level` but the range it may lie in; its
 * rank is that of the level that surely holds. `mayNotApply` when whether it applies is open, with
 * its level settled or not.
 */
export type CellState =
  | { readonly applicable: false }
  | {
      readonly applicable: true;
      readonly level: string | null;
      readonly rank: number;
      readonly range?: { readonly low: string | null; readonly high: string | null };
      readonly mayNotApply?: true;
    };

/** Why a criterion moved between two dates. */
type ChangeCause =
  /** Newly arrived events earned the new level (or are named in why the old one no longer holds). */
  | 'events'
  /** No event arrived: time passed (a deadline, a date window). */
  | 'time'
  /** Events arrived, but none is named by the criterion. */
  | 'unattributed';

export interface CriterionChange {
  readonly result: string;
  readonly criterion: string;
  readonly party: string | null;
  readonly from: CellState | null;
  readonly to: CellState | null;
  /** `up` and `down` follow the matrix's order of levels; `other` is a move in or out of n/a. */
  readonly direction: 'up' | 'down' | 'other';
  readonly cause: ChangeCause;
  /** The arrived events that moved it. */
  readonly events: readonly string[];
}

export interface TimelinePoint {
  readonly date: string;
  readonly result: CaseResult;
  /** Events dated after the previous point, up to and including this date. */
  readonly arrived: readonly SummitEvent[];
  readonly changes: readonly CriterionChange[];
  /** Null at the first point, and when the verdict did not change. */
  readonly verdictChange: {
    readonly from: string | null;
    readonly to: string | null;
    readonly fromVerdicts: readonly string[];
    readonly toVerdicts: readonly string[];
  } | null;
}

/** Scores the record at each date (ascending). O(dates x the cost of one evaluation). */
export function evaluateTimeline(compiled: CompiledMatrix, record: CaseRecord, dates: readonly string[]): TimelinePoint[] {
  const points: TimelinePoint[] = [];
  let previous: { day: number; result: CaseResult } | undefined;
  for (const date of dates) {
    const day = dayNumber(date)!;
    const result = evaluateRecord(compiled, record, { asOf: date });
    const arrived = record.events.filter((event) => event.day <= day && (previous === undefined || event.day > previous.day));
    const changes = previous ? changesBetween(compiled, previous.result, result, arrived) : [];
    const verdictChange =
      previous && verdictsDiffer(previous.result, result)
        ? { from: previous.result.verdict, to: result.verdict, fromVerdicts: previous.result.verdicts, toVerdicts: result.verdicts }
        : null;
    points.push({ date: formatDay(day), result, arrived, changes, verdictChange });
    previous = { day, result };
  }
  return points;
}

/** Whether the verdict moved: its one band, the bands an interval allows, or its being withheld. */
function verdictsDiffer(a: CaseResult, b: CaseResult): boolean {
  return a.verdict !== b.verdict || a.undetermined !== b.undetermined || a.verdicts.join('\u0000') !== b.verdicts.join('\u0000');
}

function cellsOf(
  compiled: CompiledMatrix,
  result: CaseResult,
): Map<string, { result: string; criterion: string; party: string | null; cell: Cell; state: CellState }> {
  const cells = new Map<string, { result: string; criterion: string; party: string | null; cell: Cell; state: CellState }>();
  for (const criterionResult of result.criteria) {
    const levels = compiled.matrix.criteria.find((c) => c.id === criterionResult.criterion)!.levels;
    const stateOf = (cell: Cell): CellState => {
      if (!cell.applicable) return { applicable: false };
      const rankOf = (label: string | undefined) => (label === undefined ? levels.length : levels.findIndex((level) => level.label === label));
      const range = cell.levelRange;
      const open = cell.level === null && range !== null && (cell.applicable === 'unknown' || range.low?.label !== range.high?.label);
      if (!open)
        return {
          applicable: true,
          level: cell.level?.label ?? null,
          rank: rankOf(cell.level?.label),
          ...(cell.applicable === 'unknown' && { mayNotApply: true as const }),
        };
      return {
        applicable: true,
        level: null,
        rank: rankOf(range.low?.label),
        range: { low: range.low?.label ?? null, high: range.high?.label ?? null },
        ...(cell.applicable === 'unknown' && { mayNotApply: true as const }),
      };
    };
    const entries = criterionResult.parties
      ? criterionResult.parties.map((cell) => ({ party: cell.party, cell }))
      : [{ party: null, cell: criterionResult as Cell }];
    for (const { party, cell } of entries) {
      cells.set(`${criterionResult.id}\u0000${party ?? ''}`, {
        result: criterionResult.id,
        criterion: criterionResult.criterion,
        party,
        cell,
        state: stateOf(cell),
      });
    }
  }
  return cells;
}

function sameState(a: CellState | null, b: CellState | null): boolean {
  if (a === null || b === null) return a === b;
  if (!a.applicable || !b.applicable) return a.applicable === b.applicable;
  return a.level === b.level && a.range?.low === b.range?.low && a.range?.high === b.range?.high && a.mayNotApply === b.mayNotApply;
}

function changesBetween(compiled: CompiledMatrix, before: CaseResult, after: CaseResult, arrived: readonly SummitEvent[]): CriterionChange[] {
  const old = cellsOf(compiled, before);
  const now = cellsOf(compiled, after);
  const keys = [...now.keys(), ...[...old.keys()].filter((key) => !now.has(key))];
  const changes: CriterionChange[] = [];
  for (const key of keys) {
    const from = old.get(key);
    const to = now.get(key);
    const fromState = from?.state ?? null;
    const toState = to?.state ?? null;
    if (sameState(fromState, toState)) continue;
    const entry = (to ?? from)!;
    const direction =
      fromState?.applicable && toState?.applicable && toState.rank !== fromState.rank ? (toState.rank < fromState.rank ? 'up' : 'down') : 'other';
    const events = movers(to?.cell, from?.cell, arrived);
    changes.push({
      result: entry.result,
      criterion: entry.criterion,
      party: entry.party,
      from: fromState,
      to: toState,
      direction,
      cause: events.length > 0 ? 'events' : arrived.length === 0 ? 'time' : 'unattributed',
      events,
    });
  }
  return changes;
}

/**
 * Arrived events the criterion names: as evidence, or in why it is not at the level above. When
 * none is named, arrived events that link to its evidence (a meeting that fulfils the commitment
 * it cites).
 */
function movers(now: Cell | undefined, before: Cell | undefined, arrived: readonly SummitEvent[]): string[] {
  const named = new Set<string>();
  for (const cell of [now, before]) {
    if (!cell) continue;
    for (const item of cell.evidence) named.add(item.event);
    // An event whose unstated fact opened the cell moved it too.
    for (const fact of cell.unknown) named.add(fact.event);
    for (const event of cell.explanation?.failure.events ?? []) named.add(event);
  }
  const direct = arrived.filter((event) => named.has(event.id));
  if (direct.length > 0 || !now) return direct.map((event) => event.id);
  const cited = new Set(now.evidence.map((item) => item.event));
  const links = (event: SummitEvent) => Object.values(event.links).some((targets) => (targets ?? []).some((target) => cited.has(target)));
  return arrived.filter(links).map((event) => event.id);
}
