import { existsSync } from 'node:fs';
import { hasErrors, InputError, type Diagnostic } from '../diagnostics.js';
import type { CaseRecord, Matrix } from '../engine/types.js';
import { detectKind, matrixFilesFor, type FileKind } from './detect-kind.js';
import type { FoundFile } from './expand-paths.js';
import { withBase } from './extends.js';
import { checkDocument, parseInput } from './load-document.js';
import { checkBibliography } from './load-bibliography.js';
import { checkMatrix, matrixFromData } from './load-matrix.js';
import { recordFromData } from './load-record.js';
import type * as RecordSchema from './schema-types/record.js';
import { readTestCases } from './load-tests.js';
import { lintMatrix, lintVocabulary } from './lint-matrix.js';
import { lintRecord } from './lint-record.js';
import { ndjsonLine, isNdjsonPath } from './ndjson.js';
import { filesOnly, readInputFile, type InputReader } from './read-input.js';
import type { ParsedDocument } from './yaml-document.js';

/** What validate found in one file. */
export interface FileCheck {
  readonly file: string;
  /** Undefined when the file could not be read or parsed, or its kind could not be told. */
  readonly kind?: FileKind;
  /** Found in a folder or by a glob, and neither a matrix, a record nor a tests file: not checked. */
  readonly skipped: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly doc?: ParsedDocument;
  /** Present when the file is a matrix without errors. */
  readonly matrix?: Matrix;
  /** Present when the file is a record without errors. */
  readonly record?: CaseRecord;
}

/**
 * Every problem in one file: reading, YAML, schema, the loader's checks, and the mistakes only
 * validate looks for. Never throws for a problem with the file.
 */
export function checkFile(found: FoundFile, reader: InputReader): FileCheck {
  const file = found.path === '-' ? '<stdin>' : found.path;
  let input;
  try {
    input = readInputFile(found.path, reader);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { file, skipped: false, diagnostics: error.diagnostics };
  }
  if (isNdjsonPath(found.path)) return checkNdjson(file, input.text, reader.maxBytes);
  const doc = parseInput(input);
  if (Array.isArray(doc)) return { file, skipped: false, diagnostics: doc };
  const kind = detectKind(input.file, input.text, doc.data);
  if (kind === undefined) {
    if (!found.explicit) return { file, skipped: true, diagnostics: [] };
    const diagnostic: Diagnostic = {
      severity: 'error',
      code: 'UNKNOWN_KIND',
      file,
      line: 1,
      col: 1,
      message: 'cannot tell what this file is: a matrix has `criteria`, a record `events`, a tests file `tests`',
      hint: 'add the key, or a first line `# yaml-language-server: $schema=<path>/matrix.schema.json` (or record, tests)',
    };
    return { file, skipped: false, diagnostics: [diagnostic] };
  }
  if (kind === 'matrix') {
    // A matrix that `extends` another is checked as merged with it, as the loader does.
    const built = withBase(doc, reader.maxBytes, (merged) => {
      const schemaProblems = checkDocument(merged, 'matrix');
      if (schemaProblems.length > 0) return { diagnostics: schemaProblems };
      const loaded = matrixFromData(merged, input.sha256);
      const more = [
        ...lintMatrix(merged),
        ...(loaded.value ? lintVocabulary(loaded.value.matrix, merged) : []),
        ...readTestCases(merged, loaded.value?.matrix).diagnostics,
      ];
      return { ...loaded, diagnostics: [...loaded.diagnostics, ...more] };
    });
    const diagnostics = sortByPosition([...built.diagnostics]);
    const matrix = built.value?.matrix;
    return { file, kind, skipped: false, diagnostics, doc, ...(matrix && !hasErrors(diagnostics) && { matrix }) };
  }
  const schemaProblems = checkDocument(doc, kind);
  if (schemaProblems.length > 0) return { file, kind, skipped: false, diagnostics: schemaProblems, doc };

  switch (kind) {
    case 'record': {
      const raw = doc.data as RecordSchema.RecordDocument;
      const built = recordFromData(doc, raw, { maxBytes: reader.maxBytes });
      const diagnostics = sortByPosition([...built.diagnostics, ...(built.value ? lintRecord(doc, raw) : [])]);
      return { file, kind, skipped: false, diagnostics, doc, ...(built.value && !hasErrors(diagnostics) && { record: built.value }) };
    }
    case 'tests': {
      const candidates = matrixFilesFor(file);
      const matrixFile = candidates.find((candidate) => existsSync(candidate));
      const missing: Diagnostic[] = matrixFile
        ? []
        : [
            {
              severity: 'error',
              code: 'FILE_NOT_FOUND',
              file,
              line: 1,
              col: 1,
              message: `no matrix beside this tests file (looked for ${candidates.join(', ')})`,
              hint: 'name it after its matrix: <matrix>.tests.yaml',
            },
          ];
      const tests = readTestCases(doc, matrixFile === undefined ? undefined : siblingMatrix(matrixFile, reader.maxBytes));
      return { file, kind, skipped: false, diagnostics: [...missing, ...tests.diagnostics], doc };
    }
    case 'bibliography':
      return { file, kind, skipped: false, diagnostics: checkBibliography(doc).diagnostics, doc };
  }
}

/** The matrix beside a tests file, when it loads; its own problems are reported when it is validated. */
function siblingMatrix(path: string, maxBytes: number): Matrix | undefined {
  try {
    const input = readInputFile(path, filesOnly(maxBytes));
    const doc = parseInput(input);
    return Array.isArray(doc) ? undefined : checkMatrix(doc, input.sha256, maxBytes).value?.matrix;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

/** An NDJSON file holds one record per line: each is checked as evaluate reads it, at its line number. */
function checkNdjson(file: string, text: string, maxBytes: number): FileCheck {
  const diagnostics = text.split('\n').flatMap((line, i) => ndjsonLine(file, i + 1, Buffer.from(line, 'utf8'), maxBytes)?.diagnostics ?? []);
  return { file, kind: 'record', skipped: false, diagnostics };
}
