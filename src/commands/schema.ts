import { Argument, type Command } from 'commander';
import { readSchema } from '../schema/schema-files.js';
import { SCHEMAS } from '../schema/validate.js';
import type { CommandContext } from './context.js';
import { helpExamples } from './output-options.js';

/** The schemas the loader checks input with (the same objects, not copies), and the one evaluate's JSON output follows. */
const PRINTED_SCHEMAS = { ...SCHEMAS, evaluation: readSchema('evaluation'), agreement: readSchema('agreement') } as const;
type PrintedSchemaName = keyof typeof PRINTED_SCHEMAS;

export function registerSchema(program: Command, context: CommandContext): void {
  program
    .command('schema')
    .description('print a JSON Schema: matrix, record, tests (a <matrix>.tests.yaml file), evaluation (evaluate -f json), or agreement (agree -f json)')
    .addHelpText('after', helpExamples(['schema matrix > matrix.schema.json', 'schema evaluation']))
    .addArgument(new Argument('<name>', 'which schema').choices(Object.keys(PRINTED_SCHEMAS)))
    .action((name: PrintedSchemaName) => {
      context.io.stdout(`${JSON.stringify(PRINTED_SCHEMAS[name], null, 2)}\n`);
    });
}
