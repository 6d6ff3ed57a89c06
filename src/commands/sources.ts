import type { Command } from 'commander';
import { collectProblems, InputError } from '../diagnostics.js';
import { BIBLIOGRAPHY_FORMATS, formatBibliography } from '../format/bibliography.js';
import { resolveInput } from '../load/bundled.js';
import { bundledBibliography, citedKeys, type Bibliography } from '../load/load-bibliography.js';
import { parseOrThrow } from '../load/load-document.js';
import { readInputFile } from '../load/read-input.js';
import type { CommandContext } from './context.js';
import { collect, loadInputs } from './load-inputs.js';
import { addOutputOptions, helpExamples, writeOutputs } from './output-options.js';

export function registerSources(program: Command, context: CommandContext): void {
  const command = program
    .command('sources')
    .description(
      "print the bibliography the bundled matrices and records cite by key, for a paper's reference list: all of it, or only the sources the records and matrices named cite",
    )
    .addHelpText('after', helpExamples(['sources', 'sources -m lewis-2015 us-china-2015-09 -f bibtex -o refs.bib', 'sources my-record.yaml -f csl-json']))
    .argument('[records...]', 'record files or bundled record ids: print only the sources they (and the -m matrices) cite')
    .option('-m, --matrix <file|id>', 'a matrix whose cited sources to print (repeatable)', collect);
  const outputs = addOutputOptions(command, BIBLIOGRAPHY_FORMATS, 'markdown');
  command.action((records: string[], options: { matrix?: string[] }) => {
    const targets = outputs();
    const matrices = options.matrix ?? [];
    const bibliography = bundledBibliography();
    const named = matrices.length + records.length > 0;
    const sources = named ? citedBy(bibliography, matrices, records, context) : bibliography.sources;
    const heading = named ? `Sources cited by ${[...matrices, ...records].join(', ')}` : 'Sources';
    writeOutputs(targets, (format) => formatBibliography(sources, format, heading), context, false);
  });
}

/** The bibliography's sources that the files cite by key, in the bibliography's order. */
function citedBy(bibliography: Bibliography, matrices: readonly string[], records: readonly string[], context: CommandContext) {
  // Stdin (-) is read once, for loading and for the keys.
  let stdinBytes: Buffer | undefined;
  const stdin = () => (stdinBytes ??= context.io.readStdin());
  // Loading checks every file (an unknown key among them is an error with its place).
  loadInputs({ ...context.io, readStdin: stdin }, matrices, records);
  const { problems, attempt } = collectProblems();
  const keys = new Set<string>();
  for (const [kind, args] of [
    ['matrix', matrices],
    ['record', records],
  ] as const) {
    for (const arg of args) {
      attempt(() => {
        for (const key of citedKeys(parseOrThrow(readInputFile(resolveInput(kind, arg), stdin)).data)) keys.add(key);
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return bibliography.sources.filter((source) => keys.has(source.key));
}
