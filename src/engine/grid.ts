import { fromNumber, meanOf, ratio, ratioText, roundScaled, scaledDigits, subtract, toNumber, type Ratio } from './decimal.js';
import type { CellAssessment, CriterionResult, PartyCell } from './results.js';
import { DEFAULT_GRID_RULES, type AssessedScore, type CaseRecord, type GridOverall, type GridRules, type Matrix } from './types.js';

export type GridCellStatus = 'scored' | 'not-assessed' | 'not-applicable';

export interface GridCell {
  readonly status: GridCellStatus;
  /** The level's score on the matrix's scale; null unless scored. */
  readonly score: number | null;
  readonly level: string | null;
  /** As printed: `+1`, `−1`, `0`, `n/a`, `not assessed`. */
  readonly text: string;
  /** The assessment that stated the cell; null when the matrix derived it from events. */
  readonly assessment: CellAssessment | null;
}

export interface GridMember {
  readonly id: string;
  /** The record's name for the party (`partyNames`), or its id. */
  readonly name: string;
}

export interface GridCommitment {
  /** The result id, `criterion/event`. */
  readonly id: string;
  readonly criterion: string;
  readonly subject: string | null;
  /** The commitment event's title, or its id. */
  readonly title: string;
  /** The report window in which the commitment was first assessed, when that is not the first window (added for the final report). */
  readonly addedIn: string | null;
  /** The commitment's issue area (`fields.area` of its event), for tables across summits. */
  readonly area: string | null;
}

export interface GridRange {
  readonly low: number;
  readonly high: number;
  readonly text: string;
  readonly percentLow: number;
  readonly percentHigh: number;
  readonly percentText: string;
}

/** Averages of a row, a column or the whole grid, over the cells that apply. */
export interface GridAverage {
  /** Scored cells. */
  readonly cells: number;
  /** Cells left out as not applicable. */
  readonly notApplicable: number;
  /** Applicable cells nobody assessed: while there are any, the average is a range. */
  readonly notAssessed: number;
  /** The exact mean of the scores, unrounded; null when a cell is unknown or none is scored. */
  readonly average: number | null;
  /** The same mean as an exact fraction (`3/40`). */
  readonly fraction: string | null;
  /** The mean as the matrix says to print it (`+0.08`). */
  readonly averageText: string | null;
  /** 100 x the exact mean of the cells' normalised scores, rounded as the matrix says. */
  readonly percent: number | null;
  readonly percentText: string | null;
  /** With unknown cells: the lowest and highest the figures can be, every unknown cell at the bottom or the top of the scale. */
  readonly range: GridRange | null;
}

export interface WindowFigures {
  readonly window: string;
  readonly title: string;
  readonly to: string;
  /** Commitments assessed in this window. */
  readonly commitments: readonly string[];
  readonly byParty: readonly ({ readonly party: string } & GridAverage)[];
  readonly overall: GridAverage;
}

/** The figures of each report window side by side, and each member's change from the first to the last. */
export interface WindowComparison {
  readonly windows: readonly WindowFigures[];
  readonly change: readonly { readonly party: string; readonly average: string | null; readonly percentPoints: string | null }[];
  readonly overallChange: { readonly average: string | null; readonly percentPoints: string | null };
}

export interface Grid {
  readonly rules: GridRules;
  /** How the overall figure is formed. */
  readonly overallMethod: GridOverall;
  readonly members: readonly GridMember[];
  readonly commitments: readonly GridCommitment[];
  /** `cells[c][m]`: commitment c, member m. */
  readonly cells: readonly (readonly GridCell[])[];
  /** Party ids, in record order. */
  readonly parties: readonly string[];
  /** Result ids of the per-party criteria, in matrix order. */
  readonly criteria: readonly string[];
  readonly byParty: readonly ({ readonly party: string } & GridAverage)[];
  readonly byCriterion: readonly ({ readonly criterion: string } & GridAverage)[];
  readonly overall: GridAverage;
  /** Null unless assessments fall in two or more of the record's windows. */
  readonly windows: WindowComparison | null;
}

export const OVERALL_METHODS: Record<GridOverall, string> = {
  cells: 'the mean of all scored cells',
  members: 'the mean of the member averages',
  commitments: 'the mean of the commitment averages',
};

/** Exact sums of one row, column or grid: scores as integers over a common scale, so no rounding before the end. */
class Tally {
  scored = 0;
  notApplicable = 0;
  notAssessed = 0;
  sum = 0;
  normalised = 0;
  lowSum = 0;
  highSum = 0;
}

/** Integer arithmetic for the grid's scores: each score x `scale`, each normalised score over `unit`. */
interface Scale {
  readonly scale: number;
  readonly unit: number;
  readonly byCriterion: ReadonlyMap<string, { readonly low: number; readonly high: number; readonly factor: number }>;
}

/** The party x criterion grid with averages by party, by criterion and overall (G7/G20 Research Group style). Linear in the cells. */
export function buildGrid(matrix: Matrix, results: readonly CriterionResult[], record?: CaseRecord): Grid | null {
  const perParty = results.filter((result) => result.parties !== null);
  if (perParty.length === 0) return null;
  const rules = matrix.grid ?? DEFAULT_GRID_RULES;
  const overallMethod = rules.overall ?? (matrix.aggregation === 'cell-mean' ? 'cells' : 'commitments');
  const scale = scaleOf(matrix);

  const partyIndex = new Map<string, number>();
  for (const result of perParty) for (const cell of result.parties!) if (!partyIndex.has(cell.party)) partyIndex.set(cell.party, partyIndex.size);
  const parties = [...partyIndex.keys()];
  const memberTallies = parties.map(() => new Tally());
  const total = new Tally();
  const cells: GridCell[][] = [];
  const commitmentTallies: Tally[] = [];
  const texts = new Map<number, string>();
  for (const result of perParty) {
    const criterion = scale.byCriterion.get(result.criterion)!;
    const tally = new Tally();
    const row: GridCell[] = new Array<GridCell>(parties.length).fill(missingCell);
    for (const cell of result.parties!) {
      const m = partyIndex.get(cell.party)!;
      const gridCell = toGridCell(cell, criterion.low / scale.scale, rules, texts);
      row[m] = gridCell;
      count(tally, gridCell, criterion, scale);
      count(memberTallies[m]!, gridCell, criterion, scale);
      count(total, gridCell, criterion, scale);
    }
    cells.push(row);
    commitmentTallies.push(tally);
  }

  const averages = averagesOf(matrix);
  const byParty = parties.map((party, m) => ({ party, ...tallyAverage(memberTallies[m]!, scale, rules, averages) }));
  const byCriterion = perParty.map((result, c) => ({ criterion: result.id, ...tallyAverage(commitmentTallies[c]!, scale, rules, averages) }));
  const overall =
    overallMethod === 'cells'
      ? tallyAverage(total, scale, rules, averages)
      : meanAverage(overallMethod === 'members' ? memberTallies : commitmentTallies, total, scale, rules, averages);
  const windows = compareWindows(matrix, record, perParty, cells, parties, scale, rules, overallMethod);
  const firstWindow = windows?.windows[0]?.window;
  const titles = new Map<string, string>();
  const areas = new Map<string, string>();
  if (record) {
    for (const event of record.events) {
      if (event.title !== undefined) titles.set(event.id, event.title);
      const area = event.fields['area'];
      if (typeof area === 'string') areas.set(event.id, area);
    }
  }
  return {
    rules,
    overallMethod,
    members: parties.map((id) => ({ id, name: record?.partyNames?.[id] ?? id })),
    commitments: perParty.map((result) => {
      const first = windows?.windows.find((w) => w.commitments.includes(result.id))?.window ?? null;
      return {
        id: result.id,
        criterion: result.criterion,
        subject: result.subject,
        title: (result.subject !== null && titles.get(result.subject)) || result.subject || result.title,
        addedIn: first !== null && first !== firstWindow ? first : null,
        area: (result.subject !== null && areas.get(result.subject)) || null,
      };
    }),
    cells,
    parties,
    criteria: perParty.map((result) => result.id),
    byParty,
    byCriterion,
    overall,
    windows,
  };
}

/** The pooled average of any set of cells (each with the criterion it was scored for), exact and rounded as the matrix says. */
export function averageCells(matrix: Matrix, cells: Iterable<{ readonly cell: GridCell; readonly criterion: string }>): GridAverage {
  const scale = scaleOf(matrix);
  const tally = new Tally();
  for (const { cell, criterion } of cells) count(tally, cell, scale.byCriterion.get(criterion)!, scale);
  return averageOf(figureOf(tally, scale), matrix.grid ?? DEFAULT_GRID_RULES);
}

const missingCell: GridCell = { status: 'not-applicable', score: null, level: null, text: 'n/a', assessment: null };

function toGridCell(cell: PartyCell, lowest: number, rules: GridRules, texts: Map<number, string>): GridCell {
  const assessment = cell.assessment ?? null;
  if (!cell.applicable) return { status: 'not-applicable', score: null, level: null, text: 'n/a', assessment };
  if (cell.notAssessed) return { status: 'not-assessed', score: null, level: null, text: 'not assessed', assessment };
  // A derived cell whose level (or applicability) the record does not settle counts as the unassessed do: anywhere on the scale.
  if (cell.applicable === 'unknown' || (cell.level === null && cell.normalised === null))
    return { status: 'not-assessed', score: null, level: null, text: 'unknown', assessment };
  // A derived cell that met no level and has no default counts as the lowest level, as the total does.
  const score = cell.level?.score ?? lowest;
  // A scale has a few scores: each one's text is worked out once per grid, not once per cell.
  let text = texts.get(score);
  if (text === undefined) texts.set(score, (text = signedText(fromNumber(score), 0, rules)));
  return { status: 'scored', score, level: cell.level?.label ?? null, text, assessment };
}

const scales = new WeakMap<Matrix, Scale>();

/** The matrix's integer scale, worked out once per matrix (every record of a run shares it). */
function scaleOf(matrix: Matrix): Scale {
  let found = scales.get(matrix);
  if (!found) scales.set(matrix, (found = computeScale(matrix)));
  return found;
}

function computeScale(matrix: Matrix): Scale {
  let decimals = 0;
  for (const criterion of matrix.criteria) {
    for (const level of criterion.levels) decimals = Math.max(decimals, (String(level.score).split('.')[1] ?? '').length);
  }
  const scale = 10 ** Math.min(decimals, 6);
  const spans = new Map<string, { low: number; high: number; span: number }>();
  for (const criterion of matrix.criteria) {
    const scores = criterion.levels.map((l) => Math.round(l.score * scale));
    const low = Math.min(...scores);
    const high = Math.max(...scores);
    spans.set(criterion.id, { low, high, span: high - low });
  }
  let unit = 1;
  for (const { span } of spans.values()) if (span > 0) unit = lcm(unit, span);
  const byCriterion = new Map([...spans].map(([id, { low, high, span }]) => [id, { low, high, factor: span > 0 ? unit / span : 0 }]));
  return { scale, unit, byCriterion };
}

function lcm(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}

function count(tally: Tally, cell: GridCell, criterion: { low: number; high: number; factor: number }, scale: Scale): void {
  if (cell.status === 'not-applicable') tally.notApplicable++;
  else if (cell.status === 'not-assessed') {
    tally.notAssessed++;
    tally.lowSum += criterion.low;
    tally.highSum += criterion.high;
  } else {
    const scaled = Math.round(cell.score! * scale.scale);
    tally.scored++;
    tally.sum += scaled;
    tally.normalised += (scaled - criterion.low) * criterion.factor;
  }
}

const averageCaches = new WeakMap<Matrix, Map<string, GridAverage>>();
/** Averages remembered per matrix at most: past it the cache starts again, so a stream of records cannot grow it without end. */
const CACHED_AVERAGES = 1 << 14;

/** The averages worked out for a matrix's grids: the records of a run share them, as they share the scale and the rules. */
function averagesOf(matrix: Matrix): Map<string, GridAverage> {
  let averages = averageCaches.get(matrix);
  if (!averages || averages.size > CACHED_AVERAGES) averageCaches.set(matrix, (averages = new Map<string, GridAverage>()));
  return averages;
}

const tallyKey = (tally: Tally) =>
  `${tally.scored} ${tally.notApplicable} ${tally.notAssessed} ${tally.sum} ${tally.normalised} ${tally.lowSum} ${tally.highSum}`;

/**
 * A row's average from its tally. Rows with the same counts and sums have the same figures, and a
 * scale of a few scores gives few distinct rows: each is worked out (in exact fractions) once per
 * matrix, for every grid of the run.
 */
function tallyAverage(tally: Tally, scale: Scale, rules: GridRules, averages: Map<string, GridAverage>): GridAverage {
  const key = tallyKey(tally);
  let average = averages.get(key);
  if (!average) averages.set(key, (average = averageOf(figureOf(tally, scale), rules)));
  return average;
}

/** The overall average as the mean of row averages (members or commitments): the same rows give the same figure, worked out once. */
function meanAverage(rows: readonly Tally[], total: Tally, scale: Scale, rules: GridRules, averages: Map<string, GridAverage>): GridAverage {
  const key = `mean ${tallyKey(total)}: ${rows.map(tallyKey).join(', ')}`;
  let average = averages.get(key);
  if (!average)
    averages.set(
      key,
      (average = averageOf(
        meanFigure(
          rows.map((t) => figureOf(t, scale)),
          total,
        ),
        rules,
      )),
    );
  return average;
}

/** A row's exact figures: the average and the percentage, each as a range (equal ends when every cell is known). */
interface Figure {
  readonly scored: number;
  readonly notApplicable: number;
  readonly notAssessed: number;
  readonly average: { readonly low: Ratio; readonly high: Ratio } | null;
  readonly percent: { readonly low: Ratio; readonly high: Ratio } | null;
}

function figureOf(tally: Tally, scale: Scale): Figure {
  const { scored, notApplicable, notAssessed } = tally;
  const n = scored + notAssessed;
  if (n === 0 || (scored === 0 && notAssessed === 0)) return { scored, notApplicable, notAssessed, average: null, percent: null };
  const over = (value: number, by: number) => ratio(BigInt(value), BigInt(by));
  return {
    scored,
    notApplicable,
    notAssessed,
    average: { low: over(tally.sum + tally.lowSum, n * scale.scale), high: over(tally.sum + tally.highSum, n * scale.scale) },
    percent: { low: over(100 * tally.normalised, n * scale.unit), high: over(100 * (tally.normalised + notAssessed * scale.unit), n * scale.unit) },
  };
}

/** The mean of row figures (members or commitments that have any applicable cell), the counts from the whole grid. */
function meanFigure(figures: readonly Figure[], total: Tally): Figure {
  const counted = figures.filter((figure) => figure.average !== null);
  const base = { scored: total.scored, notApplicable: total.notApplicable, notAssessed: total.notAssessed };
  if (counted.length === 0) return { ...base, average: null, percent: null };
  const mean = (pick: (f: Figure) => Ratio) => meanOf(counted.map(pick));
  return {
    ...base,
    average: { low: mean((f) => f.average!.low), high: mean((f) => f.average!.high) },
    percent: { low: mean((f) => f.percent!.low), high: mean((f) => f.percent!.high) },
  };
}

function averageOf(figure: Figure, rules: GridRules): GridAverage {
  const counts = { cells: figure.scored, notApplicable: figure.notApplicable, notAssessed: figure.notAssessed };
  if (!figure.average || !figure.percent) {
    return { ...counts, average: null, fraction: null, averageText: null, percent: null, percentText: null, range: null };
  }
  const { average, percent } = figure;
  if (figure.notAssessed > 0) {
    const range: GridRange = {
      low: toNumber(average.low),
      high: toNumber(average.high),
      text: `${signedText(average.low, rules.averageDecimals, rules)} to ${signedText(average.high, rules.averageDecimals, rules)}`,
      percentLow: roundedNumber(percent.low, rules.percentDecimals, rules),
      percentHigh: roundedNumber(percent.high, rules.percentDecimals, rules),
      percentText: `${percentText(percent.low, rules)} to ${percentText(percent.high, rules)}`,
    };
    return { ...counts, average: null, fraction: null, averageText: null, percent: null, percentText: null, range };
  }
  return {
    ...counts,
    average: toNumber(average.low),
    fraction: ratioText(average.low),
    averageText: signedText(average.low, rules.averageDecimals, rules),
    // From the exact mean: rounding the average first gives wrong figures (53 % for a printed 52 %).
    percent: roundedNumber(percent.low, rules.percentDecimals, rules),
    percentText: percentText(percent.low, rules),
    range: null,
  };
}

/** A value with the sign and minus the matrix declares, rounded on its exact value: 3/40 -> `+0.08`. */
export function signedText(value: Ratio, decimals: number, rules: GridRules): string {
  const scaled = roundScaled(value, decimals, rules.rounding);
  const digits = scaledDigits(scaled, decimals);
  if (scaled === 0n) return digits;
  if (scaled < 0n) return `${rules.minus}${digits}`;
  return rules.averageSign === 'always' ? `+${digits}` : digits;
}

/** An average as the matrix says to print it; a number is read as the decimal it is written as. */
export function formatAverage(value: number | Ratio, rules: GridRules): string {
  return signedText(typeof value === 'number' ? fromNumber(value) : value, rules.averageDecimals, rules);
}

function percentText(value: Ratio, rules: GridRules): string {
  const scaled = roundScaled(value, rules.percentDecimals, rules.rounding);
  return `${scaled < 0n ? rules.minus : ''}${scaledDigits(scaled, rules.percentDecimals)}%`;
}

function roundedNumber(value: Ratio, decimals: number, rules: GridRules): number {
  return Number(scaledDigits(roundScaled(value, decimals, rules.rounding), decimals)) * (value.num < 0n ? -1 : 1);
}

function compareWindows(
  matrix: Matrix,
  record: CaseRecord | undefined,
  perParty: readonly CriterionResult[],
  cells: readonly (readonly GridCell[])[],
  parties: readonly string[],
  scale: Scale,
  rules: GridRules,
  overallMethod: GridOverall,
): WindowComparison | null {
  const declared = record?.windows ?? [];
  if (declared.length < 2) return null;
  // A window's score off the criterion's scale counts as not assessed there, as the cell it states does in the grid.
  const onScale = new Map(matrix.criteria.map((criterion) => [criterion.id, new Set(criterion.levels.map((level) => level.score))]));
  const figures: WindowFigures[] = [];
  const exact: { byParty: Figure[]; overall: Figure }[] = [];
  for (const window of declared) {
    const tallies = parties.map(() => new Tally());
    const commitmentTallies: Tally[] = [];
    const total = new Tally();
    const commitments: string[] = [];
    perParty.forEach((result, c) => {
      const row = cells[c]!;
      if (!row.some((cell) => cell.assessment?.byWindow[window.id] !== undefined)) return;
      commitments.push(result.id);
      const criterion = scale.byCriterion.get(result.criterion)!;
      const tally = new Tally();
      row.forEach((cell, m) => {
        const inWindow = windowCell(cell.assessment?.byWindow[window.id], onScale.get(result.criterion)!, rules);
        count(tally, inWindow, criterion, scale);
        count(tallies[m]!, inWindow, criterion, scale);
        count(total, inWindow, criterion, scale);
      });
      commitmentTallies.push(tally);
    });
    if (commitments.length === 0) continue;
    const byParty = tallies.map((t) => figureOf(t, scale));
    const overall =
      overallMethod === 'cells'
        ? figureOf(total, scale)
        : meanFigure(
            (overallMethod === 'members' ? tallies : commitmentTallies).map((t) => figureOf(t, scale)),
            total,
          );
    exact.push({ byParty, overall });
    figures.push({
      window: window.id,
      title: window.title ?? window.id,
      to: window.to,
      commitments,
      byParty: parties.map((party, m) => ({ party, ...averageOf(byParty[m]!, rules) })),
      overall: averageOf(overall, rules),
    });
  }
  if (figures.length < 2) return null;
  const first = exact[0]!;
  const last = exact[exact.length - 1]!;
  return {
    windows: figures,
    change: parties.map((party, m) => ({ party, ...changeOf(first.byParty[m]!, last.byParty[m]!, rules) })),
    overallChange: changeOf(first.overall, last.overall, rules),
  };
}

function windowCell(score: AssessedScore | undefined, scale: ReadonlySet<number>, rules: GridRules): GridCell {
  if (score === 'not-applicable') return missingCell;
  if (score === undefined || score === 'not-assessed' || !scale.has(score))
    return { status: 'not-assessed', score: null, level: null, text: 'not assessed', assessment: null };
  return { status: 'scored', score, level: null, text: signedText(fromNumber(score), 0, rules), assessment: null };
}

/** The change of a member's average and percentage from one window to another, from the exact figures; null while either is a range. */
function changeOf(from: Figure, to: Figure, rules: GridRules): { average: string | null; percentPoints: string | null } {
  const known = (f: Figure) => f.average !== null && f.notAssessed === 0;
  if (!known(from) || !known(to)) return { average: null, percentPoints: null };
  const alwaysSigned = { ...rules, averageSign: 'always' as const };
  return {
    average: signedText(subtract(to.average!.low, from.average!.low), rules.averageDecimals, alwaysSigned),
    percentPoints: signedText(subtract(to.percent!.low, from.percent!.low), rules.percentDecimals, alwaysSigned),
  };
}
