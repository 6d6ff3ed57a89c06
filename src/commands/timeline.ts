import type { Command } from 'commander';
import { inputError } from '../diagnostics.js';
import { compileMatrix, dayNumber } from '../engine/index.js';
import { evaluateTimeline, eventDates, parseDuration, stepDates, windowDates, type TimelinePoint } from '../engine/timeline.js';
import { FORMAT_NAMES } from '../format/formatter.js';
import { timelineFormats, type TimelineReport } from '../format/timeline.js';
import { TOOL } from '../package-info.js';
import { renderVisuals } from './visual-outputs.js';
import { VISUAL_FORMATS, isVisualFormat } from '../format/visual-formats.js';
import type { CommandContext } from './context.js';
import { checkDate, loadInputsFound, matricesNamed } from './load-inputs.js';
import { addOutputOptions, helpExamples, jsonOnStdout, writeOutputs } from './output-options.js';
import type { TimelineDocument } from '../format/html/research.js';
import { itemAt } from '../checked-index.js';

/** More dates than this is a mistake (P1D over a century), not a timeline anyone reads. */
export const MAX_DATES = 5000;

interface TimelineOptions {
  readonly matrix?: string;
  readonly from?: string;
  readonly to?: string;
  readonly step?: string;
  readonly atEvents?: boolean;
  readonly color?: boolean;
}

export function registerTimeline(program: Command, context: CommandContext): void {
  const command = program
    .command('timeline')
    .description("score a record at a series of dates and show when and why its verdict changed (default: at the summit and at each event's date)")
    .addHelpText('after', helpExamples(['timeline us-china-2015-09 -m lewis-2015', 'timeline us-china-2015-09 -m lewis-2015 --step P1M --to 2016-09-25']))
    .argument('<record>', 'record file (YAML or JSON), an NDJSON file of one record, a folder or glob that holds one, a bundled record id, or - for stdin')
    .option('-m, --matrix <file|id>', 'matrix file or bundled matrix id (needed)')
    .option('--at-events', "score at the summit date and at each event's date (the default)")
    .option('--step <duration>', 'score every P1M, P2W, P10D, P1Y, ... (ISO 8601) from --from to --to instead')
    .option('--from <date>', 'first date (default: the summit date)')
    .option('--to <date>', "last date (default: the last event's date)")
    .option('--color', 'colour even when stdout is not a terminal (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR or FORCE_COLOR=0; the default when stdout is not a terminal)');
  const outputs = addOutputOptions(command, [...FORMAT_NAMES, ...VISUAL_FORMATS], 'table');
  command.action(async (recordArg: string, options: TimelineOptions) => {
    const targets = outputs();
    context.setJsonErrors(jsonOnStdout(targets));
    checkDate('--from', options.from);
    checkDate('--to', options.to);
    if (options.step !== undefined && options.atEvents)
      throw inputError('USAGE', undefined, '--step and --at-events ask for different dates', 'give one of them');
    const step = options.step === undefined ? undefined : parseDuration(options.step);
    if (options.step !== undefined && step === undefined)
      throw inputError('USAGE', undefined, `--step ${options.step} is not a duration`, 'use P1M, P2W, P10D, P1Y or a combination such as P1Y6M');

    const { matrices, records } = await loadInputsFound(
      context.io,
      matricesNamed('timeline', options.matrix === undefined ? undefined : [options.matrix], [recordArg]),
      [recordArg],
    );
    if (records.length > 1) {
      throw inputError(
        'USAGE',
        recordArg,
        `a timeline follows one record, and this names ${records.length} (${records
          .slice(0, 3)
          .map((r) => r.file)
          .join(', ')}${records.length > 3 ? ', ...' : ''})`,
        "name one record file, bundled id or NDJSON line's file; compare puts several side by side",
      );
    }
    const matrix = itemAt(matrices, 0);
    const record = itemAt(records, 0);
    const atEvents = eventDates(record.record);
    const from = options.from ?? (step ? record.record.date : itemAt(atEvents, 0));
    const to = options.to ?? itemAt(atEvents, atEvents.length - 1);
    if (dayNumber(from)! > dayNumber(to)!) throw inputError('USAGE', undefined, `--from ${from} is after --to ${to}`);
    const eventsOnly = step ? undefined : atEvents.filter((date) => date >= from && date <= to);
    // Without --step, also the days a date window closes, kept below only where something moved.
    const windows = step ? [] : windowDates(matrix.definition, record.record).filter((date) => date > from && date < to && !eventsOnly!.includes(date));
    const dates = step ? stepDates(from, to, step, MAX_DATES) : [...eventsOnly!, ...windows].sort();
    if (dates === undefined)
      throw inputError('USAGE', undefined, `more than ${MAX_DATES} dates from ${from} to ${to} every ${options.step}`, 'use a longer --step or a shorter span');
    if (dates.length === 0) throw inputError('USAGE', undefined, `no event falls between ${from} and ${to}`, 'widen --from/--to, or use --step');

    const report: TimelineReport = {
      tool: TOOL,
      matrix,
      record,
      dates: { method: step ? 'step' : 'events', step: step ? options.step! : null, from: itemAt(dates, 0), to: itemAt(dates, dates.length - 1) },
      points: evaluateTimeline(compileMatrix(matrix.definition), record.record, dates).filter(
        (point: TimelinePoint) => !windows.includes(point.date) || point.changes.length > 0 || point.verdictChange !== null,
      ),
    };
    const visuals = await renderVisuals(targets, () => ({
      kind: 'timeline',
      doc: JSON.parse(timelineFormats.json(report, { color: false })) as TimelineDocument,
    }));
    writeOutputs(targets, (format, style) => (isVisualFormat(format) ? visuals.get(format)! : timelineFormats[format](report, style)), context, options.color);
  });
}
