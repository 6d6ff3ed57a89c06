import { createHash } from 'node:crypto';
import { createReadStream, openSync, statSync } from 'node:fs';
import { InputError, inputError, type Diagnostic } from '../diagnostics.js';
import { itemAt } from '../checked-index.js';
import { noteInputFile } from '../input-files.js';
import type { Io } from '../io.js';
import { collectEagerly } from './eager-collection.js';
import { parseCarefully, readJson, readsCarefully } from './json-document.js';
import { checkDocument } from './load-document.js';
import { recordFromData, type LoadedRecord } from './load-record.js';
import type * as RecordSchema from './schema-types/record.js';

// NDJSON records: one JSON record per line, read as a stream, so that memory holds one line (one
// record) at a time however large the file. Each line is checked as a one-line JSON file would
// be, with the same codes and messages; its diagnostics carry the file, the line's number and the
// column within it.

/** How `evaluate` reads record files: YAML (or JSON) one record per file, NDJSON, or by extension. */
export const INPUT_FORMATS = ['auto', 'yaml', 'ndjson'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** `.ndjson` and `.jsonl` files are read as NDJSON unless --input-format says otherwise. */
export function isNdjsonPath(path: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(path);
}

/** Whether a record argument is read as NDJSON: by --input-format, or (auto) by its extension. */
export function readsAsNdjson(arg: string, format: InputFormat | undefined): boolean {
  return format === 'ndjson' || ((format ?? 'auto') === 'auto' && isNdjsonPath(arg));
}

/** One line of an NDJSON input: a record, or what is wrong with the line. */
export type NdjsonItem =
  | { readonly line: number; readonly record: LoadedRecord; readonly diagnostics?: undefined }
  | { readonly line: number; readonly record?: undefined; readonly diagnostics: readonly Diagnostic[] };

const STDIN_NAME = '<stdin>';
const NEWLINE = 0x0a;
/** A line too long is skipped to its end, but for at most this many times the limit more. */
const SKIP_AT_MOST = 8;

/**
 * The bytes of `path` (or stdin for `-`) as they arrive. A file that cannot be opened is an
 * InputError thrown at once, with the same codes as for any other input.
 */
export function ndjsonSource(path: string, io: Io, maxBytes: number): AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  if (path === '-') return io.readStdinStream?.() ?? [io.readStdin(maxBytes)];
  let fd: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw inputError('FILE_UNREADABLE', path, 'is a directory, not a file');
    noteInputFile(path, stats);
    fd = openSync(path, 'r');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError('FILE_NOT_FOUND', path, 'no such file');
    if (code === 'EACCES' || code === 'EPERM') throw inputError('FILE_UNREADABLE', path, 'cannot be read: permission denied');
    throw inputError('FILE_UNREADABLE', path, `cannot be read: ${(error as Error).message}`);
  }
  return createReadStream('', { fd, highWaterMark: 1 << 20 });
}

/**
 * Reads NDJSON records one line at a time. Blank lines are skipped. A line longer than the input
 * size limit (SUMMIT_SCORE_MAX_INPUT_MB, for one record) is reported and skipped without being
 * held in memory; one that has not ended 8 limits later (/dev/zero) ends the reading of that input.
 */
export async function* readNdjsonRecords(path: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, limit: number): AsyncGenerator<NdjsonItem> {
  const file = path === '-' ? STDIN_NAME : path;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let skipped = 0;
  let line = 0;
  /** Whether the input held anything but blank lines. */
  let anything = false;
  const endless = (): NdjsonItem => ({
    line: line + 1,
    diagnostics: [
      {
        severity: 'error',
        code: 'FILE_TOO_LARGE',
        file,
        line: line + 1,
        col: 1,
        message: `line ${line + 1} has no end within ${(SKIP_AT_MOST * limit) / 2 ** 20} MiB: the rest of the input is not read`,
        hint: 'NDJSON holds one JSON record per line',
      },
    ],
  });
  const tooLong = (): NdjsonItem => ({
    line,
    diagnostics: [
      {
        severity: 'error',
        code: 'FILE_TOO_LARGE',
        file,
        line,
        col: 1,
        message: `line ${line} is longer than the limit of ${limit / 2 ** 20} MiB for one record`,
        hint: 'raise it with SUMMIT_SCORE_MAX_INPUT_MB',
      },
    ],
  });
  try {
    for await (const chunk of chunks) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      let start = 0;
      while (start < bytes.length) {
        const end = bytes.indexOf(NEWLINE, start);
        if (end === -1) {
          if (skipping) {
            skipped += bytes.length - start;
            // A line with no end in sight (/dev/zero): the rest of this input is not read.
            if (skipped > SKIP_AT_MOST * limit) {
              yield endless();
              return;
            }
          } else {
            pending.push(bytes.subarray(start));
            pendingBytes += bytes.length - start;
            if (pendingBytes > limit) {
              line++;
              anything = true;
              yield tooLong();
              line--;
              pending = [];
              pendingBytes = 0;
              skipping = true;
              skipped = 0;
            }
          }
          break;
        }
        line++;
        if (skipping) skipping = false;
        else if (pendingBytes + end - start > limit) {
          anything = true;
          yield tooLong();
        } else {
          const whole = pending.length === 0 ? bytes.subarray(start, end) : Buffer.concat([...pending, bytes.subarray(start, end)]);
          const item = ndjsonLine(file, line, whole, limit);
          if (item) {
            anything = true;
            yield item;
          }
        }
        pending = [];
        pendingBytes = 0;
        start = end + 1;
      }
    }
  } catch (error) {
    // A read that fails half-way (EIO, a device gone) is the input's problem, as on the YAML path.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
    const at = line + 1;
    yield {
      line: at,
      diagnostics: [{ severity: 'error', code: 'FILE_UNREADABLE', file, line: at, col: 1, message: `cannot be read: ${(error as Error).message}` }],
    };
    return;
  }
  if (!skipping && pendingBytes > 0) {
    line++;
    const item = ndjsonLine(file, line, pending.length === 1 ? pending[0]! : Buffer.concat(pending), limit);
    if (item) {
      anything = true;
      yield item;
    }
  }
  // Nothing but blank lines, or nothing at all (an empty pipe): empty, as an empty YAML file is.
  if (!anything)
    yield { line: 1, diagnostics: [{ severity: 'error', code: 'EMPTY_FILE', file, line: 1, col: 1, message: 'holds no record (no line of JSON)' }] };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * From a line this long, the collector works in small steps (src/load/eager-collection.ts): one
 * line of a compliance record of 2,000 commitments x 21 members (11.2 MiB) peaked at 211 MiB
 * scored, against a bound of 212 (docs/trust.md), and at 170 MiB so.
 */
const EAGER_COLLECTION_FROM_BYTES = 1 << 20;

/** One line: a record, its diagnostics, or undefined for a blank line. */
export function ndjsonLine(file: string, line: number, bytes: Buffer, maxBytes: number): NdjsonItem | undefined {
  if (bytes.length > EAGER_COLLECTION_FROM_BYTES) collectEagerly();
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return {
      line,
      diagnostics: [{ severity: 'error', code: 'NOT_UTF8', file, line, col: 1, message: `line ${line} is not UTF-8 text`, hint: 'save it as UTF-8' }],
    };
  }
  if (line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (text.trim() === '') return undefined;
  const read = readJson(file, text, line);
  if (read.syntax) return { line, diagnostics: notJson(file, line, text, read.syntax) };
  if (Array.isArray(read.result)) return { line, diagnostics: read.result };
  const doc = read.result;
  const schemaProblems = checkDocument(doc, 'record');
  if (schemaProblems.length > 0) return { line, diagnostics: schemaProblems };
  // Warnings (an event without sources) are for validate; scoring reports none, so none are worked out.
  const built = recordFromData(doc, doc.data as RecordSchema.RecordDocument, { requireSources: false, maxBytes });
  if (!built.value) return { line, diagnostics: built.diagnostics };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { line, record: { record: built.value, file: `${file}:${line}`, sha256, warnings: [] } };
}

/** A line JSON.parse refused: the YAML reader's diagnostics when it finds any, else JSON.parse's. */
function notJson(file: string, line: number, text: string, error: Error): Diagnostic[] {
  const careful = readsCarefully(text) ? parseCarefully(file, text, line) : undefined;
  if (Array.isArray(careful)) return careful;
  const position = /at position (\d+)/.exec(error.message);
  const col = position ? Number(position[1]) + 1 : 1;
  const message = itemAt(error.message.split('\n'), 0);
  return [
    {
      severity: 'error',
      code: 'YAML_SYNTAX',
      file,
      line,
      col,
      message: `line ${line} is not JSON: ${message}`,
      hint: 'each line of an NDJSON file is one JSON record',
    },
  ];
}
