// A document checked against its JSON Schema: ajv's errors as diagnostics, each with its place in
// the document and, for a typo, a suggestion. Here in load/, beside the document type and the
// paths it reads; the schemas and their validators stay in schema/, below it.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic, ErrorCode } from '../diagnostics.js';
import { precompiledValidators, runtimeValidator, type SchemaName } from '../schema/validate.js';
import { closestMatch, didYouMean } from '../suggest.js';
import { formatPath, pointerToPath } from './data-path.js';
import type { ParsedDocument } from './yaml-document.js';

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
