import type { Command } from 'commander';
import { formatCodebook } from '../format/codebook.js';
import { DEFAULT_MATRIX } from '../load/bundled.js';
import type { CommandContext } from './context.js';
import { loadInputs } from './load-inputs.js';
import { addOutputOptions, helpExamples, writeOutputs } from './output-options.js';
import { itemAt } from '../checked-index.js';

export function registerCodebook(program: Command, context: CommandContext): void {
  const command = program
    .command('codebook')
    .description(
      "write a matrix as a Markdown codebook for a paper's appendix: criteria, levels and their conditions in plain words, weights, gates, bands, sources",
    )
    .addHelpText('after', helpExamples(['codebook -m lewis-2015 -o codebook.md', 'codebook -m my-matrix.yaml']))
    .option('-m, --matrix <file|id>', 'matrix file or bundled matrix id (none: the bundled lewis-2015, as an example, and it says so)');
  const outputs = addOutputOptions(command, ['markdown'] as const, 'markdown');
  command.action((options: { matrix?: string }) => {
    const targets = outputs();
    // A bare `codebook` shows the bundled example, as a bare `evaluate` does, and says so on stderr.
    if (options.matrix === undefined)
      context.notice(`Writing the codebook of the bundled example matrix ${DEFAULT_MATRIX}. Name your own with: summit-score codebook -m MATRIX`);
    const { matrices } = loadInputs(context.io, [options.matrix ?? DEFAULT_MATRIX], []);
    writeOutputs(targets, () => formatCodebook(itemAt(matrices, 0)), context, false);
  });
}
