import type { Command } from 'commander';
import { formatCodebook } from '../format/codebook.js';
import { DEFAULT_MATRIX } from '../load/bundled.js';
import type { CommandContext } from './context.js';
import { loadInputs } from './load-inputs.js';
import { addOutputOptions, helpExamples, writeOutputs } from './output-options.js';

export function registerCodebook(program: Command, context: CommandContext): void {
  const command = program
    .command('codebook')
    .description("write a matrix as a Markdown codebook for a paper's appendix: criteria, levels and their conditions in plain words, weights, gates, bands, sources")
    .addHelpText('after', helpExamples(['codebook -m lewis-2015 -o codebook.md', 'codebook -m my-matrix.yaml']))
    .option('-m, --matrix <file|id>', 'matrix file or bundled matrix id (default: lewis-2015)');
  const outputs = addOutputOptions(command, ['markdown'] as const, 'markdown');
  command.action((options: { matrix?: string }) => {
    const targets = outputs();
    const { matrices } = loadInputs(context.io, [options.matrix ?? DEFAULT_MATRIX], []);
    writeOutputs(targets, () => formatCodebook(matrices[0]!), context, false);
  });
}
