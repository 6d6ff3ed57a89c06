import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { bundledIds, resolveInput } from '../load/bundled.js';
import { loadMatrix } from '../load/load-matrix.js';
import { loadRecord } from '../load/load-record.js';
import { inputReader, readInputFile } from '../load/read-input.js';
import type { CommandContext } from './context.js';
import { fitTable } from '../format/fit-table.js';
import { helpExamples } from './output-options.js';
import { TOOL } from '../package-info.js';

interface Listing {
  readonly matrices: { id: string; title: string; version: string; source: string; criteria: number; file: string }[];
  readonly records: { id: string; title: string; date: string; parties: readonly string[]; events: number; unverifiedSources: number; file: string }[];
}

export function registerList(program: Command, context: CommandContext): void {
  program
    .command('list')
    .description('list the bundled matrices and records')
    .addHelpText('after', helpExamples(['list', 'list -f json']))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--color', 'colour even when stdout is not a terminal (also: FORCE_COLOR=1)')
    .option('--no-color', 'no colour (also: NO_COLOR or FORCE_COLOR=0; the default when stdout is not a terminal)')
    .action((options: { format: 'table' | 'json'; color?: boolean }) => {
      context.setJsonErrors(options.format === 'json');
      const listing = listBundled(context.io);
      const style = { width: context.outputWidth(true), color: context.useColor(options.color) };
      context.io.stdout(options.format === 'json' ? listingJson(listing) : listingTable(listing, style));
    });
}

/** `list -f json`: summit-score/list@1 (src/schema/list.schema.json). */
function listingJson(listing: Listing): string {
  return `${JSON.stringify({ schema: 'summit-score/list@1', tool: { name: TOOL.name, version: TOOL.version }, ...listing }, null, 2)}\n`;
}

function listBundled(io: Io): Listing {
  const read = (kind: 'matrix' | 'record', id: string) => readInputFile(resolveInput(kind, id), inputReader(io));
  return {
    matrices: bundledIds('matrix').map((id) => {
      const { matrix, file } = loadMatrix(read('matrix', id));
      return { id: matrix.id, title: matrix.title, version: matrix.version, source: matrix.source.author, criteria: matrix.criteria.length, file };
    }),
    records: bundledIds('record').map((id) => {
      const { record, file } = loadRecord(read('record', id));
      const unverifiedSources = record.events.flatMap((event) => event.sources).filter((source) => !source.verified).length;
      return { id: record.id, title: record.title, date: record.date, parties: record.parties, events: record.events.length, unverifiedSources, file };
    }),
  };
}

function listingTable(listing: Listing, style: { readonly width: number; readonly color: boolean }): string {
  const matrices = fitTable(
    ['Matrix', 'Title', 'Source', 'Criteria'],
    listing.matrices.map((m) => [`${m.id} ${m.version}`, m.title, m.source, String(m.criteria)]),
    style,
  );
  const records = fitTable(
    ['Record', 'Title', 'Date', 'Events'],
    listing.records.map((r) => [
      r.id,
      r.title,
      r.date,
      `${r.events}${r.unverifiedSources > 0 ? ` (${r.unverifiedSources} unverified source${r.unverifiedSources === 1 ? '' : 's'})` : ''}`,
    ]),
    style,
  );
  return `${matrices}\n${records}\n`;
}
