import { InputError } from '../diagnostics.js';
import { confinedFile } from './confined-file.js';
import { citableBibliography, loadBibliography, type Bibliography, type Source } from './load-bibliography.js';
import type { DiagnosticSink } from './load-document.js';
import { filesOnly, readInputFile } from './read-input.js';
import type { DataPath, ParsedDocument } from './yaml-document.js';

/**
 * The bibliography a record's keys resolve in: the bundled one (after --bibliography's entries), or, when the record names a file
 * of its own (`bibliography: refs.yaml`), that file's entries first and the bundled ones after
 * them (a key of its own shadows a bundled one). The file is found as `extends:` finds a matrix:
 * relative to the record's folder and inside it, symlinks resolved (confined-file.ts), so an
 * untrusted record cannot make the tool read any file the user can. A problem with the file is
 * reported at the record's `bibliography` key, and the bundled bibliography stands in.
 */
export function recordBibliography(doc: ParsedDocument, named: string | undefined, at: DataPath, sink: DiagnosticSink, maxBytes: number): Bibliography {
  const bundled = citableBibliography();
  if (named === undefined) return bundled;
  if (doc.file === '<stdin>') {
    sink.error('NOT_ALLOWED', at, `bibliography \`${named}\`: a record read on stdin has no folder to find it in`, 'give the record as a file');
    return bundled;
  }
  const found = confinedFile(named, doc.file);
  if (found.kind !== 'file') {
    if (found.kind === 'missing')
      sink.error(
        'FILE_NOT_FOUND',
        at,
        `bibliography \`${named}\`: no such file beside the record`,
        "name a bibliography file in the record's folder or below it",
      );
    else
      sink.error(
        'NOT_ALLOWED',
        at,
        `bibliography \`${named}\` is ${found.kind === 'outside' ? "outside the record's folder" : 'not a regular file'}`,
        "name a bibliography file in the record's folder or below it",
      );
    return bundled;
  }
  let own: Bibliography;
  try {
    own = loadBibliography(readInputFile(found.path, filesOnly(maxBytes)));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The file's own problems, at their own places, and one at the key that names it.
    sink.diagnostics.push(...error.diagnostics);
    sink.error('NOT_ALLOWED', at, `bibliography \`${named}\` has problems (above)`, 'fix the bibliography file');
    return bundled;
  }
  const sources: Source[] = [...own.sources, ...bundled.sources.filter((source) => !own.byKey.has(source.key))];
  return { file: own.file, sources, byKey: new Map(sources.map((source) => [source.key, source])) };
}
