import { Argument, type Command } from 'commander';
import { readSchema } from '../schema/schema-files.js';
import { INPUT_SCHEMAS, inputSchema } from '../schema/validate.js';
import type { CommandContext } from './context.js';
import { helpExamples } from './output-options.js';

/** The schemas the loader checks input with (the same objects, not copies), and those the JSON outputs follow. */
const OUTPUT_SCHEMAS = ['evaluation', 'agreement', 'compare', 'timeline', 'sensitivity', 'diff', 'validate', 'test', 'list', 'errors'] as const;
const PRINTED_SCHEMAS = Object.fromEntries([
  ...INPUT_SCHEMAS.map((name) => [name, inputSchema(name)]),
  ...OUTPUT_SCHEMAS.map((name) => [name, readSchema(name)]),
]) as Record<(typeof INPUT_SCHEMAS)[number] | (typeof OUTPUT_SCHEMAS)[number], Record<string, unknown>>;
type PrintedSchemaName = keyof typeof PRINTED_SCHEMAS;

export function registerSchema(program: Command, context: CommandContext): void {
  program
    .command('schema')
    .description(
      'print a JSON Schema: matrix, record, tests (a <matrix>.tests.yaml file), or the JSON a command prints: evaluation (evaluate -f json), ' +
        'agreement, compare, timeline, sensitivity, diff, validate, test (test -f json, not to be confused with tests), list, errors (any -f json run that cannot go on)',
    )
    .addHelpText('after', helpExamples(['schema matrix > matrix.schema.json', 'schema evaluation']))
    .addArgument(new Argument('<name>', 'which schema').choices(Object.keys(PRINTED_SCHEMAS)))
    .action((name: PrintedSchemaName) => {
      context.io.stdout(`${JSON.stringify(PRINTED_SCHEMAS[name], null, 2)}\n`);
    });
}
