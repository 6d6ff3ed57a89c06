import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostic, ErrorCode } from '../diagnostics.js';
import { formatPath, pointerToPath } from '../load/data-path.js';
import type { ParsedDocument } from '../load/yaml-document.js';
import { closestMatch, didYouMean } from '../suggest.js';
import matrixSchema from './matrix.schema.json' with { type: 'json' };
import recordSchema from './record.schema.json' with { type: 'json' };

export const SCHEMAS = { matrix: matrixSchema, record: recordSchema } as const;
export type SchemaName = keyof typeof SCHEMAS;

const validators = new Map<SchemaName, ValidateFunction>();

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    // The matrix schema refers to record events (in inline test cases) by this file name.
    ajv.addSchema(recordSchema, 'record.schema.json');
    validate = name === 'record' ? ajv.getSchema('record.schema.json')! : ajv.compile(SCHEMAS[name]);
    validators.set(name, validate);
  }
  return validate;
}

/**
 * Checks a document against its JSON Schema. The schemas avoid oneOf/anyOf, so each ajv error is
 * one root cause; this turns each into one diagnostic with a position and, for typos, a suggestion.
 */
export function checkSchema(name: SchemaName, doc: ParsedDocument): Diagnostic[] {
  const validate = validatorFor(name);
  if (validate(doc.data)) return [];
  const errors = withoutTypoEchoes(validate.errors ?? []);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const diagnostic = toDiagnostic(error, doc);
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
 * allowed key is the missing one.
 */
function withoutTypoEchoes(errors: readonly ErrorObject[]): ErrorObject[] {
  const typos = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const meant = closestMatch(String((error.params as { additionalProperty: unknown }).additionalProperty), allowed);
    if (meant !== undefined) typos.add(`${error.instancePath}/${meant}`);
  }
  return errors.filter(
    (error) => error.keyword !== 'required' || !typos.has(`${error.instancePath}/${String((error.params as { missingProperty: unknown }).missingProperty)}`),
  );
}

function toDiagnostic(error: ErrorObject, doc: ParsedDocument): Diagnostic {
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
      const hint = didYouMean(key, allowed) ?? `allowed here: ${allowed.join(', ')}`;
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
    case 'pattern':
      return at('BAD_FORMAT', `${where} is ${JSON.stringify(error.data)}: ${schema.description ?? `it must match ${String(params['pattern'])}`}`);
    case 'uniqueItems':
      return at('DUPLICATE_ID', `${where} lists the same value twice (items ${String(params['j'])} and ${String(params['i'])})`);
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
