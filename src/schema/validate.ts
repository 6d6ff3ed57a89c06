import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic, ErrorCode } from '../diagnostics.js';
import { formatPath, pointerToPath } from '../load/data-path.js';
import type { ParsedDocument } from '../load/yaml-document.js';
import { closestMatch, didYouMean } from '../suggest.js';
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

function validatorFor(name: SchemaName): ValidateFunction {
  return precompiledValidators()?.[name] ?? runtimeValidator(name);
}

/**
 * Checks a document against its JSON Schema. The schemas avoid oneOf/anyOf, so each ajv error is
 * one root cause; this turns each into one diagnostic with a position and, for typos, a suggestion.
 */
export function checkSchema(name: SchemaName, doc: ParsedDocument, validate: ValidateFunction = validatorFor(name)): Diagnostic[] {
  if (validate(doc.data)) return [];
  const { errors, renames } = withoutTypoEchoes(validate.errors ?? []);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const diagnostic = toDiagnostic(error, doc, renames);
    const key = `${diagnostic.line}:${diagnostic.col}:${diagnostic.code}:${diagnostic.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}

/**
 * A misspelt required key (`wieght`) makes ajv report two things: an unknown key and a missing
 * one. They are one mistake, so the missing-key error goes when the unknown key's nearest
 * allowed key is the missing one, or when a mapping has exactly one unknown key and one missing
 * key (`name:` written for `label:`): then the unknown key is taken for a rename of the missing one.
 */
function withoutTypoEchoes(errors: readonly ErrorObject[]): { errors: ErrorObject[]; renames: Map<string, string> } {
  const typos = new Set<string>();
  const unknown = new Map<string, ErrorObject[]>();
  const missing = new Map<string, ErrorObject[]>();
  const group = (map: Map<string, ErrorObject[]>, error: ErrorObject) => map.set(error.instancePath, [...(map.get(error.instancePath) ?? []), error]);
  for (const error of errors) {
    if (error.keyword === 'required') group(missing, error);
    if (error.keyword !== 'additionalProperties') continue;
    group(unknown, error);
    const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const meant = closestMatch(String((error.params as { additionalProperty: unknown }).additionalProperty), allowed);
    if (meant !== undefined) typos.add(`${error.instancePath}/${meant}`);
  }
  const missingKey = (error: ErrorObject) => String((error.params as { missingProperty: unknown }).missingProperty);
  const renames = new Map<string, string>();
  for (const [instancePath, [extra, ...moreExtra]] of unknown) {
    const [required, ...moreRequired] = missing.get(instancePath) ?? [];
    if (!extra || !required || moreExtra.length > 0 || moreRequired.length > 0) continue;
    const extraKey = String((extra.params as { additionalProperty: unknown }).additionalProperty);
    renames.set(`${instancePath}/${extraKey}`, missingKey(required));
    typos.add(`${instancePath}/${missingKey(required)}`);
  }
  return { errors: errors.filter((error) => error.keyword !== 'required' || !typos.has(`${error.instancePath}/${missingKey(error)}`)), renames };
}

function toDiagnostic(error: ErrorObject, doc: ParsedDocument, renames: ReadonlyMap<string, string>): Diagnostic {
  const path = pointerToPath(error.instancePath, doc.data);
  const where = formatPath(path);
  const at = (code: ErrorCode, message: string, hint?: string, keyPath = path, key = false): Diagnostic => ({
    severity: 'error',
    code,
    file: doc.file,
    ...doc.locate(keyPath, { key }),
    path: formatPath(keyPath),
    message,
    ...(hint && { hint }),
  });
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as { properties?: Record<string, unknown>; description?: string };

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys(schema.properties ?? {});
      const renamed = renames.get(`${error.instancePath}/${key}`);
      const hint = didYouMean(key, allowed) ?? (renamed && `\`${renamed}\` is missing here: is this it?`) ?? `allowed here: ${allowed.join(', ')}`;
      return at('UNKNOWN_KEY', `unknown key \`${key}\` in ${where}`, hint, [...path, key], true);
    }
    case 'required':
      return at('MISSING_KEY', `${where} needs \`${String(params['missingProperty'])}\``);
    case 'type':
      return at('WRONG_TYPE', `${where} must be ${article(String(params['type']))}, not ${typeName(error.data)}`, typeHint(error));
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined;
      return at('NOT_ALLOWED', `${where} is ${JSON.stringify(error.data)}; allowed: ${allowed.join(', ')}`, hint);
    }
    case 'pattern': {
      // A pattern that is a list of words (`^(pending|met|missed)$`) is an enum that also takes lists.
      const words = /^\^\(([\w-]+(?:\|[\w-]+)+)\)\$$/.exec(String(params['pattern']))?.[1]?.split('|');
      if (words && typeof error.data === 'string') {
        return at('NOT_ALLOWED', `${where} is ${JSON.stringify(error.data)}; allowed: ${words.join(', ')}`, didYouMean(error.data, words));
      }
      return at('BAD_FORMAT', `${where} is ${JSON.stringify(error.data)}: ${schema.description ?? `it must match ${String(params['pattern'])}`}`);
    }
    case 'uniqueItems':
      return at('DUPLICATE_ID', `${where} lists the same value twice (items ${String(params['j'])} and ${String(params['i'])})`, undefined, [
        ...path,
        Number(params['i']),
      ]);
    default:
      return at('OUT_OF_RANGE', `${where} ${error.message ?? 'is out of range'}`);
  }
}

function article(type: string): string {
  const names = type.split(',').map((t) => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : `a ${t}`));
  return names.join(' or ');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function typeHint(error: ErrorObject): string | undefined {
  const expected = String((error.params as { type?: unknown }).type);
  if (expected === 'string' && typeof error.data === 'number') return 'quote it to make it a string';
  return undefined;
}
