import type { ChalkInstance } from 'chalk';
import type { CaseResult, SummitEvent } from '../engine/index.js';
import type { CellState, CriterionChange, TimelinePoint } from '../engine/timeline.js';
import { paintVerdict, sparkline } from './charts.js';
import { toCsv } from './csv.js';
import { fitTable, fitText } from './fit-table.js';
import type { CsvValue } from './csv-table.js';
import { CASE_COLUMNS, caseCells, CELL_COLUMNS, cellRows, levelRangeWord, resultIds, scoreOf, wideCells, wideColumns } from './evaluation-rows.js';
import { openLevelText, totalText, verdictWords } from './interval.js';
import { hundredths, round2 } from './numbers.js';
import { mdTable, mdText } from './markdown-text.js';
import { chalkFor } from './colour.js';
import { jsonText, matrixLine, matrixMarkdown, ndjsonText, projectMatrix, projectRecord, type MatrixInput, type RecordInput, type Tool } from './research.js';
import { safeText } from '../terminal-text.js';
import type { FormatContext, Formats } from './formatter.js';
import { itemAt } from '../checked-index.js';

const TIMELINE_SCHEMA_ID = 'summit-score/timeline@2';
const TIMELINE_POINT_SCHEMA_ID = 'summit-score/timeline-point@2';

export interface TimelineReport {
  readonly tool: Tool;
  readonly matrix: MatrixInput;
  readonly record: RecordInput;
  /** `events`: at the summit and at each event's date; `step`: every `step` from `from` to `to`. */
  readonly dates: { readonly method: 'events' | 'step'; readonly step: string | null; readonly from: string; readonly to: string };
  readonly points: readonly TimelinePoint[];
}

function stateText(state: CellState | null): string {
  if (state === null) return '(absent)';
  if (!state.applicable) return 'n/a';
  if (state.range) return openLevelText(state.range.low, state.range.high, state.mayNotApply);
  if (state.mayNotApply) return openLevelText(null, state.level, true);
  return state.level ?? '(no level)';
}

function changeText(change: CriterionChange): string {
  const who = change.party === null ? change.result : `${change.result} (${change.party})`;
  const why =
    change.cause === 'events'
      ? `moved by ${change.events.join(', ')}`
      : change.cause === 'time'
        ? 'no new event: time passed (a deadline or a date window)'
        : 'new events arrived, none named by the criterion';
  return `${who}: ${stateText(change.from)} -> ${stateText(change.to)} (${change.direction}), ${why}`;
}

function eventText(event: SummitEvent): string {
  const links = Object.entries(event.links).flatMap(([kind, targets]) => (targets ?? []).map((target) => `${kind} ${target}`));
  return `${event.id} (${event.date}, ${[event.type, ...links].join(', ')})${event.title ? `: ${event.title}` : ''}`;
}

/** Per point: the verdict change, each arrived event (the first point lists only a count), each criterion moved. */
function story(report: TimelineReport): { date: string; headline: string; verdictChanged: boolean; events: string[]; changes: string[] }[] {
  return report.points.slice(1).flatMap((point, k) => {
    if (point.arrived.length === 0 && point.changes.length === 0) return [];
    const before = itemAt(report.points, k).result;
    const score = scoreChange(before, point.result);
    const verdict = point.verdictChange ? `verdict ${verdictWords(before)} -> ${verdictWords(point.result)}` : `verdict ${verdictWords(point.result)} holds`;
    const headline = point.changes.length === 0 ? `nothing moved; ${verdict}` : `${score}, ${verdict}`;
    return [
      {
        date: point.date,
        headline,
        verdictChanged: point.verdictChange !== null,
        events: point.arrived.map(eventText),
        changes: point.changes.map(changeText),
      },
    ];
  });
}

function scoreChange(before: CaseResult, after: CaseResult): string {
  const text = (result: CaseResult) => (result.scoreRange === null ? 'none' : totalText(result));
  return text(before) === text(after) ? `score ${text(after)}` : `score ${text(before)} -> ${text(after)}`;
}

function datesText(report: TimelineReport): string {
  // A later point where no event arrived is a day a date window closed (see windowDates).
  const windows = report.points.slice(1).some((point) => point.arrived.length === 0) ? ', and each day a date window closed and moved a level' : '';
  return report.dates.method === 'events'
    ? `dates: the summit and each event${windows} (${report.points.length} dates, ${report.dates.from} to ${report.dates.to})`
    : `dates: every ${report.dates.step} from ${report.dates.from} to ${report.dates.to} (${report.points.length} dates)`;
}

/** A criterion at a point, marked with an arrow when it moved there. */
function cellAt(point: TimelinePoint, id: string, chalk?: ChalkInstance): string {
  const results = point.result.criteria.filter((c) => c.id === id);
  const criterion = results[0];
  let text: string;
  if (!criterion) text = '-';
  else if (criterion.parties) text = criterion.applicable && criterion.normalised !== null ? `${Math.round(100 * criterion.normalised)}%` : 'n/a';
  else text = safeText(levelRangeWord(criterion) ?? '(none)');
  const moves = point.changes.filter((change) => change.result === id);
  const up = moves.some((m) => m.direction === 'up');
  const down = moves.some((m) => m.direction === 'down');
  const arrow = up && !down ? ' ↑' : down && !up ? ' ↓' : up && down ? ' ↕' : moves.length > 0 ? ' •' : '';
  if (!chalk || arrow === '') return text + arrow;
  return (up && !down ? chalk.green : down && !up ? chalk.red : chalk.yellow)(text + arrow);
}

const LEGEND = "A level marked ↑ or ↓ moved up or down the matrix's levels on that date; • marks a criterion that began or stopped applying.";

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ids(report: TimelineReport): string[] {
  return resultIds(
    report.matrix.definition,
    report.points.map((point) => point.result),
  );
}

function formatTable(report: TimelineReport, context: FormatContext): string {
  const chalk = chalkFor(context);
  const matrix = report.matrix.definition;
  const columns = ids(report);
  const rows = report.points.map((point, k) => {
    const arrived =
      k === 0 ? `${point.arrived.length} event${point.arrived.length === 1 ? '' : 's'}` : point.arrived.map((event) => safeText(event.id)).join('\n');
    return [
      point.date,
      totalText(point.result),
      point.result.verdict === null && point.result.verdicts.length + Number(point.result.undetermined) > 0
        ? safeText(verdictWords(point.result))
        : paintVerdict(chalk, matrix, point.result.verdict),
      ...columns.map((id) => cellAt(point, id, chalk)),
      arrived,
    ];
  });
  const lines = [
    chalk.bold(`${safeText(report.record.record.title)} (${report.record.record.id})`),
    matrixLine(report.matrix, chalk),
    chalk.dim(datesText(report)),
    fitTable(['Date', 'Score', 'Verdict', ...columns.map(safeText), 'New events'], rows, context),
    `Score ${sparkline(report.points.map((point) => point.result.score))}  (0-100, one mark per date)`,
    chalk.dim(LEGEND),
  ];
  const told = story(report);
  if (told.length > 0) {
    lines.push(chalk.bold('What changed:'));
    for (const entry of told) {
      lines.push(`  ${entry.date}  ${entry.verdictChanged ? chalk.bold(entry.headline) : entry.headline}`);
      for (const event of entry.events) lines.push(`    + ${safeText(event)}`);
      for (const change of entry.changes) lines.push(`    ${safeText(change)}`);
    }
  }
  return `${fitText(lines.join('\n'), context.width)}\n`;
}

function formatMarkdown(report: TimelineReport): string {
  const columns = ids(report);
  const rows = report.points.map((point, k) => [
    point.date,
    totalText(point.result, ''),
    mdText(verdictWords(point.result)),
    ...columns.map((id) => mdText(cellAt(point, id))),
    k === 0 ? `${point.arrived.length} events` : point.arrived.map((event) => `\`${event.id}\``).join(', '),
  ]);
  const blocks = [
    `## ${mdText(report.record.record.title)} (\`${report.record.record.id}\`) over time`,
    `${matrixMarkdown(report.matrix)} ${mdText(capitalised(datesText(report)))}.`,
    mdTable(['Date', 'Score', 'Verdict', ...columns.map(mdText), 'New events'], rows, [1]),
    mdText(LEGEND),
  ];
  const told = story(report);
  if (told.length > 0) {
    const items = told.map((entry) =>
      [
        `- **${entry.date}**: ${mdText(entry.headline)}`,
        ...entry.events.map((e) => `  - new: ${mdText(e)}`),
        ...entry.changes.map((c) => `  - ${mdText(c)}`),
      ].join('\n'),
    );
    blocks.push(['### What changed', '', ...items].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function projectState(state: CellState | null) {
  if (state === null) return null;
  if (!state.applicable) return { applicable: false, level: null };
  return { applicable: state.mayNotApply ? 'unknown' : true, level: state.level, ...(state.range && { levelRange: state.range }) };
}

function projectPoint(point: TimelinePoint) {
  const result = point.result;
  return {
    date: point.date,
    score: scoreOf(result),
    scoreRange: result.scoreRange && { low: hundredths(result.scoreRange.low), high: hundredths(result.scoreRange.high) },
    band: result.band,
    verdict: result.verdict,
    verdicts: result.verdicts,
    undetermined: result.undetermined,
    unknownShare: round2(result.unknown.share * 100) / 100,
    verdictChange: point.verdictChange,
    criteria: result.criteria.map((criterion) => ({
      id: criterion.id,
      criterion: criterion.criterion,
      applicable: criterion.applicable,
      level: criterion.level?.label ?? null,
      levelRange: criterion.levelRange && { low: criterion.levelRange.low?.label ?? null, high: criterion.levelRange.high?.label ?? null },
      points: criterion.points === null ? null : round2(criterion.points),
      maxPoints: criterion.maxPoints,
      contribution: criterion.contribution === null ? null : round2(criterion.contribution),
      parties: criterion.parties && criterion.parties.map((cell) => ({ party: cell.party, applicable: cell.applicable, level: cell.level?.label ?? null })),
    })),
    arrived: point.arrived.map((event) => ({ id: event.id, date: event.date, type: event.type, title: event.title ?? null, links: event.links })),
    changes: point.changes.map((change) => ({
      criterion: change.result,
      party: change.party,
      from: projectState(change.from),
      to: projectState(change.to),
      direction: change.direction,
      cause: change.cause,
      events: change.events,
    })),
  };
}

function document(report: TimelineReport) {
  return {
    schema: TIMELINE_SCHEMA_ID,
    tool: { name: report.tool.name, version: report.tool.version },
    matrix: projectMatrix(report.matrix),
    record: projectRecord(report.record),
    dates: report.dates,
    points: report.points.map(projectPoint),
  };
}

function formatLong(report: TimelineReport): string {
  const matrix = report.matrix.definition;
  const columns = ['matrix', 'record', 'date', ...CELL_COLUMNS, 'changed', 'moved_by', ...CASE_COLUMNS];
  const rows: CsvValue[][] = [];
  for (const point of report.points) {
    const result = point.result;
    cellRows(result).forEach((cells) => {
      const [criterion, , party] = cells;
      const change = point.changes.find((c) => c.result === criterion && c.party === party);
      rows.push([matrix.id, result.record.id, point.date, ...cells, change !== undefined, change ? change.events.join(' ') : null, ...caseCells(result)]);
    });
  }
  return toCsv({ columns, rows });
}

function formatCsv(report: TimelineReport): string {
  const columns = ids(report);
  const header = ['matrix', 'record', 'date', ...CASE_COLUMNS, 'verdict_changed', 'new_events', ...columns.flatMap(wideColumns)];
  const rows = report.points.map((point, k): CsvValue[] => {
    const byId = new Map(point.result.criteria.map((c) => [c.id, c]));
    return [
      report.matrix.definition.id,
      report.record.record.id,
      point.date,
      ...caseCells(point.result),
      k > 0 && point.verdictChange !== null,
      point.arrived.map((event) => event.id).join(' '),
      ...columns.flatMap((id) => wideCells(byId.get(id))),
    ];
  });
  return toCsv({ columns: header, rows });
}

export const timelineFormats: Formats<TimelineReport> = {
  table: formatTable,
  json: (report) => jsonText(document(report)),
  markdown: formatMarkdown,
  csv: formatCsv,
  long: formatLong,
  ndjson: (report) =>
    ndjsonText(
      report.points.map((point) => ({
        schema: TIMELINE_POINT_SCHEMA_ID,
        matrix: { id: report.matrix.definition.id, version: report.matrix.definition.version, sha256: report.matrix.sha256 },
        record: report.record.record.id,
        ...projectPoint(point),
      })),
    ),
};
