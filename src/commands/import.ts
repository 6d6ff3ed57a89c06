import { Option, type Command } from 'commander';
import { importGrid, type GridLayoutName } from '../load/import-grid.js';
import { inputReader, readInputFile } from '../load/read-input.js';
import { writeOutputs } from '../write-output.js';
import type { CommandContext } from './context.js';
import { helpExamples } from './output-options.js';

export function registerImport(program: Command, context: CommandContext): void {
  const command = program
    .command('import')
    .description('turn data held elsewhere into a record: `import grid` reads a coded compliance grid (CSV)')
    .addHelpText(
      'after',
      helpExamples([
        'import grid examples/compliance-grid.csv --mapping examples/compliance-grid.mapping.yaml',
        'import grid my-grid.csv --mapping my-mapping.yaml -o my-record.yaml',
      ]),
    );
  command
    .command('grid')
    .description('write a record of assessments from a CSV grid: wide (a row per commitment, a column per member) or long (a row per cell)')
    .argument('<file>', 'the CSV file, or - for stdin')
    .requiredOption(
      '--mapping <file>',
      'YAML mapping: the record (id, title, date), the assessment (date, assessor, window), sources, and the ids and names of members and commitments',
    )
    .addOption(new Option('--layout <layout>', 'the grid layout (default: long when the header has member and score columns)').choices(['wide', 'long']))
    .option('-o, --output <file>', 'write the record to this file (default: stdout)')
    .addHelpText(
      'after',
      helpExamples([
        'import grid examples/compliance-grid.csv --mapping examples/compliance-grid.mapping.yaml',
        'import grid my-grid.csv --mapping my-mapping.yaml --layout wide -o record.yaml',
      ]),
    )
    .action((file: string, options: { mapping: string; layout?: GridLayoutName; output?: string }) => {
      const stdin = inputReader(context.io);
      const text = importGrid(readInputFile(file, stdin), readInputFile(options.mapping, stdin), options.layout);
      writeOutputs([options.output === undefined ? { text } : { file: options.output, text }], context.io.stdout);
    });
}
