import type { Command } from 'commander';
import { collectProblems, InputError } from '../diagnostics.js';
import { compileMatrix, evaluateRecord, verdictSources } from '../engine/index.js';
import type { Citation } from '../engine/types.js';
import { BIBLIOGRAPHY_FORMATS, formatBibliography, type BibliographyFormat } from '../format/bibliography.js';
import { resolveInput } from '../load/bundled.js';
import { citableBibliography, citedKeys, withBibliography, type Bibliography, type Source } from '../load/load-bibliography.js';
import { DiagnosticSink, parseOrThrow } from '../load/load-document.js';
import { recordBibliography } from '../load/record-bibliography.js';
import { inputReader, readInputFile, type InputReader } from '../load/read-input.js';
import type { CommandContext } from './context.js';
import { BIBLIOGRAPHY_OPTION, checkDate, collect, loadInputs } from './load-inputs.js';
import { addOutputOptions, helpExamples, writeOutputs, type OutputTarget } from './output-options.js';

interface SourcesOptions {
  readonly matrix?: string[];
  readonly asOf?: string;
  readonly cited?: boolean;
  readonly all?: boolean;
  readonly bibliography?: string;
}

export function registerSources(program: Command, context: CommandContext): void {
  const command = program
    .command('sources')
    .description(
      "print the bibliography the bundled matrices and records cite by key, for a paper's reference list: with -m and records, only what the verdicts rest on (the sources of the evidence that decided each criterion's level, and the matrices' own); with records alone, what they cite; with nothing named (or --all), all of it",
    )
    .addHelpText(
      'after',
      helpExamples(['sources -m lewis-2015 us-china-2015-09 -f bibtex -o refs.bib', 'sources -m lewis-2015 us-china-2015-09 --cited', 'sources --all']),
    )
    .argument('[records...]', 'record files or bundled record ids: with -m, print the sources their verdicts rest on; alone, the sources they cite')
    .option('-m, --matrix <file|id>', 'a matrix to score the records against, whose own sources are printed too (repeatable)', collect)
    .option('--as-of <date>', 'the verdicts as of this date (YYYY-MM-DD), as evaluate --as-of')
    .option('--cited', 'every source the named matrices and records cite, not only what the verdicts rest on')
    .option('--all', 'the whole bibliography, whatever is named')
    .option('--bibliography <file>', BIBLIOGRAPHY_OPTION);
  const outputs = addOutputOptions(command, BIBLIOGRAPHY_FORMATS, 'markdown');
  command.action((records: string[], options: SourcesOptions) =>
    withBibliography(options.bibliography, inputReader(context.io), () => printSources(records, options, context, outputs)),
  );
}

function printSources(records: string[], options: SourcesOptions, context: CommandContext, outputs: () => OutputTarget<BibliographyFormat>[]): void {
  const targets = outputs();
  checkDate('--as-of', options.asOf);
  const matrices = options.matrix ?? [];
  const named = [...matrices, ...records].join(', ');
  // Stdin (-) is read once, for loading, for the keys and for the verdicts.
  let stdinBytes: Buffer | undefined;
  const io = { ...context.io, readStdin: (maxBytes: number) => (stdinBytes ??= context.io.readStdin(maxBytes)) };
  const reader = inputReader(io);
  // Loading checks every file (an unknown key among them is an error with its place).
  const loaded = named === '' ? undefined : loadInputs(io, matrices, records);
  const bibliography = loaded === undefined ? citableBibliography() : namedBibliography(records, reader);
  let sources: readonly Source[] = bibliography.sources;
  let heading = 'Sources';
  if (!options.all && loaded !== undefined) {
    const cited = citedBy(bibliography, matrices, records, reader);
    const verdicts = matrices.length > 0 && records.length > 0 && !options.cited;
    sources = verdicts ? restingOn(bibliography, cited, loaded, options.asOf) : cited.all;
    heading = verdicts ? `Sources the verdicts rest on: ${named}${options.asOf === undefined ? '' : `, as of ${options.asOf}`}` : `Sources cited by ${named}`;
  }
  writeOutputs(targets, (format) => formatBibliography(sources, format, heading), context, false);
}

/**
 * The bibliography the named records cite in: the entries of their own bibliography files
 * (`bibliography:`), in the order named, then the bundled ones no such file shadows.
 */
function namedBibliography(records: readonly string[], stdin: InputReader): Bibliography {
  const bundled = citableBibliography();
  const own = new Map<string, Source>();
  for (const arg of records) {
    const doc = parseOrThrow(readInputFile(resolveInput('record', arg), stdin));
    const file = (doc.data as { bibliography?: unknown }).bibliography;
    if (typeof file !== 'string') continue;
    // Its problems were reported when the record was loaded.
    const theirs = recordBibliography(doc, file, ['bibliography'], new DiagnosticSink(doc), stdin.maxBytes);
    for (const source of theirs.sources)
      if (!own.has(source.key) && theirs.byKey.get(source.key) !== bundled.byKey.get(source.key)) own.set(source.key, source);
  }
  if (own.size === 0) return bundled;
  const sources = [...own.values(), ...bundled.sources.filter((source) => !own.has(source.key))];
  return { file: bundled.file, sources, byKey: new Map(sources.map((source) => [source.key, source])) };
}

/** The bibliography's sources that the files cite by key, in the bibliography's order: all, and the matrices' own. */
function citedBy(
  bibliography: Bibliography,
  matrices: readonly string[],
  records: readonly string[],
  stdin: InputReader,
): { all: Source[]; matrices: Set<string> } {
  const { problems, attempt } = collectProblems();
  const keys = new Set<string>();
  const matrixKeys = new Set<string>();
  for (const [kind, args] of [
    ['matrix', matrices],
    ['record', records],
  ] as const) {
    for (const arg of args) {
      attempt(() => {
        for (const key of citedKeys(parseOrThrow(readInputFile(resolveInput(kind, arg), stdin)).data)) {
          keys.add(key);
          if (kind === 'matrix') matrixKeys.add(key);
        }
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { all: bibliography.sources.filter((source) => keys.has(source.key)), matrices: matrixKeys };
}

/**
 * The sources the verdicts rest on: the matrices' own, and those that the evidence deciding each
 * criterion's level cites, for every record under every matrix, in the bibliography's order.
 * A citation names its source by the address (or, without one, title and publisher) the
 * bibliography gave it; one cited inline, outside the bibliography, is not an entry to print.
 */
function restingOn(
  bibliography: Bibliography,
  cited: { all: Source[]; matrices: Set<string> },
  loaded: ReturnType<typeof loadInputs>,
  asOf: string | undefined,
): Source[] {
  const keys = new Set(cited.matrices);
  const candidates = cited.all;
  for (const matrix of loaded.matrices) {
    const compiled = compileMatrix(matrix.definition);
    for (const record of loaded.records) {
      // Explained, as evaluate explains: the evidence of a level is part of its explanation.
      const result = evaluateRecord(compiled, record.record, asOf === undefined ? {} : { asOf });
      for (const { citation } of verdictSources(result)) {
        const source = candidates.find((entry) => sameSource(entry, citation));
        if (source !== undefined) keys.add(source.key);
      }
    }
  }
  return bibliography.sources.filter((source) => keys.has(source.key));
}

function sameSource(source: Source, citation: Citation): boolean {
  if (source.url !== undefined || citation.url !== undefined) return source.url === citation.url;
  return source.title === citation.title && source.publisher === citation.publisher;
}
