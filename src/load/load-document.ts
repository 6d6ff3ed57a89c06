import { InputError, type Diagnostic, type ErrorCode } from '../diagnostics.js';
import { checkSchema, type SchemaName } from '../schema/validate.js';
import { formatPath } from './data-path.js';
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

/** Parses a file and checks it against its schema; throws an InputError listing every problem. */
export function parseAndCheck(input: InputText, schema: SchemaName): ParsedDocument {
  const parsed = parseYamlDocument(input.file, input.text);
  if (Array.isArray(parsed)) throw new InputError(parsed);
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError([
      { severity: 'error', code: 'NOT_A_MAPPING', file: input.file, line: 1, col: 1, message: `a ${schema} must be a mapping of keys to values` },
    ]);
  }
  const problems = checkSchema(schema, parsed);
  if (problems.length > 0) throw new InputError(problems);
  return parsed;
}
