import { InputError, type Diagnostic, type ErrorCode } from '../diagnostics.js';
import type { SchemaName } from '../schema/validate.js';
import { checkSchema } from './check-schema.js';
import { formatPath } from './data-path.js';
import { looksLikeJson, parseJsonDocument } from './json-document.js';
import { precompiledDocument } from './precompiled.js';
import type { InputText } from './read-input.js';
import { parseYamlDocument, type DataPath, type ParsedDocument } from './yaml-document.js';

/** Collects diagnostics for one document, each placed at a data path. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly doc: ParsedDocument) {}

  error(code: ErrorCode, path: DataPath, message: string, hint?: string, key = false): void {
    this.add('error', code, path, message, hint, key);
  }

  warning(code: ErrorCode, path: DataPath, message: string, hint?: string, key = false): void {
    this.add('warning', code, path, message, hint, key);
  }

  private add(severity: Diagnostic['severity'], code: ErrorCode, path: DataPath, message: string, hint: string | undefined, key: boolean): void {
    this.diagnostics.push({
      severity,
      code,
      file: this.doc.file,
      ...this.doc.locate(path, { key }),
      path: formatPath(path),
      message,
      ...(hint && { hint }),
    });
  }
}

/** What checking an input gives: every problem found, and the value when none is an error. */
export interface Checked<T> {
  readonly value?: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** The value of a check, or an InputError carrying all its problems. */
export function orThrow<T>(checked: Checked<T>): T {
  if (checked.value === undefined) throw new InputError(checked.diagnostics);
  return checked.value;
}

/** Parses a file as YAML, or as JSON at JSON.parse's speed; throws an InputError listing every syntax problem. */
export function parseOrThrow(input: InputText): ParsedDocument {
  const parsed = parseInput(input);
  if (Array.isArray(parsed)) throw new InputError(parsed);
  return parsed;
}

/**
 * A file parsed: a bundled file as the build stored it, a file that opens like JSON as JSON (with
 * the same checks and diagnostics as the YAML reader's), anything else by the YAML reader.
 */
export function parseInput(input: InputText): ParsedDocument | Diagnostic[] {
  return precompiledDocument(input) ?? (looksLikeJson(input.text) ? parseJsonDocument(input.file, input.text) : parseYamlDocument(input.file, input.text));
}

/** The problems that keep a parsed document from being a `schema`: not a mapping, or off-schema. */
export function checkDocument(doc: ParsedDocument, schema: SchemaName): Diagnostic[] {
  const data = doc.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const what = Array.isArray(data) ? 'a list' : data === null ? 'empty' : `a ${typeof data}`;
    return [
      {
        severity: 'error',
        code: 'NOT_A_MAPPING',
        file: doc.file,
        ...doc.locate([]),
        message: `a ${schema === 'tests' ? 'tests file' : schema} must be a mapping of keys to values, not ${what}`,
      },
    ];
  }
  return checkSchema(schema, doc);
}
