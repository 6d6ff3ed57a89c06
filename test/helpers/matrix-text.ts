// The YAML text of a one-criterion test matrix (id m, criterion c, bands good and bad) around the
// field declarations and levels a test is about, so that the loaders' tests write only those. The
// text is what it looks like, line for line (the head is five lines, then `fields:`), so a test
// may name positions in it.
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input-limit.js';
import { loadMatrix, type LoadedMatrix } from '../../src/load/load-matrix.js';

/** `fields` and `levels` as they stand in the file, indented, without a last newline. */
export function matrixText(parts: { readonly fields?: string; readonly levels: string }): string {
  return [
    'id: m',
    'title: M',
    'version: "1"',
    'source: {author: T}',
    'aggregation: weighted-mean',
    ...(parts.fields === undefined ? [] : ['fields:', parts.fields]),
    'criteria:',
    '  - id: c',
    '    title: C',
    '    weight: 1',
    '    levels:',
    parts.levels,
    'verdicts:',
    '  - {label: good, min: 50}',
    '  - {label: bad, min: 0}',
    '',
  ].join('\n');
}

/** A matrix's text loaded as the file m.yaml; throws the InputError the loader throws. */
export function loadMatrixText(text: string): LoadedMatrix {
  return loadMatrix({ file: 'm.yaml', text, sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES });
}
