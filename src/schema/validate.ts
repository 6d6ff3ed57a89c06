import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { ValidateFunction } from 'ajv';
import { readSchema } from './schema-files.js';

/** The schemas input is checked with. */
export const INPUT_SCHEMAS = ['matrix', 'record', 'tests', 'bibliography'] as const;
export type SchemaName = (typeof INPUT_SCHEMAS)[number];

const schemas = new Map<SchemaName, Record<string, unknown>>();

/** An input schema, read on first use: the precompiled validators of a built tool do not need them. */
export function inputSchema(name: SchemaName): Record<string, unknown> {
  let schema = schemas.get(name);
  if (!schema) schemas.set(name, (schema = readSchema(name)));
  return schema;
}

/** The ajv options of every validator: the runtime ones here, and the precompiled ones (scripts/build-validators.mjs). */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const;

const require = createRequire(import.meta.url);
const runtimeValidators = new Map<SchemaName, ValidateFunction>();

/** Compiles the schemas with ajv in this process: slow (a tenth of a second), done once, on first use. */
export function runtimeValidator(name: SchemaName): ValidateFunction {
  let validate = runtimeValidators.get(name);
  if (!validate) {
    // Loaded here, not at the top: a built tool uses the precompiled validators and never loads ajv's compiler.
    const { Ajv } = require('ajv') as typeof AjvModule;
    const ajv = new Ajv(AJV_OPTIONS);
    // The schemas refer to each other by file name (test cases to record events, tests files to test cases).
    for (const schemaName of INPUT_SCHEMAS) ajv.addSchema(inputSchema(schemaName), `${schemaName}.schema.json`);
    validate = ajv.getSchema(`${name}.schema.json`)!;
    runtimeValidators.set(name, validate);
  }
  return validate;
}

let precompiled: Readonly<Record<SchemaName, ValidateFunction>> | null | undefined;

/**
 * The validators generated at build time with ajv's standalone code (dist/schema/validators.cjs),
 * or null where there are none (running from src/, as the tests do).
 */
export function precompiledValidators(): Readonly<Record<SchemaName, ValidateFunction>> | null {
  if (precompiled === undefined) {
    try {
      precompiled = require('../schema/validators.cjs') as Record<SchemaName, ValidateFunction>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
      precompiled = null;
    }
  }
  return precompiled;
}
