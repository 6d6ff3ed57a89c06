// NDJSON records read as a stream: lines split anywhere between chunks, blank lines, a line too
// long or with no end, bytes that are not UTF-8 or not JSON, a read that fails half-way, and
// the source of the bytes. Each expected line number is counted in the input beside it.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import type { Io } from '../../src/io.js';
import { isNdjsonPath, ndjsonSource, readNdjsonRecords, readsAsNdjson, type NdjsonItem } from '../../src/load/ndjson.js';

const record = (id: string, date = '2015-09-25') =>
  JSON.stringify({ id, title: `Record ${id}`, date, parties: ['US'], events: [{ id: 'e', date, type: 'meeting' }] });

async function read(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, limit = 1 << 20, path = 'p.ndjson'): Promise<NdjsonItem[]> {
  const items: NdjsonItem[] = [];
  for await (const item of readNdjsonRecords(path, chunks, limit)) items.push(item);
  return items;
}

const bytes = (...texts: string[]) => texts.map((text) => Buffer.from(text));
/** Each item as its line and what it is: a record's id, or its diagnostics' codes. */
const summary = (items: NdjsonItem[]) => items.map((item) => [item.line, item.record ? item.record.record.id : item.diagnostics.map((d) => d.code).join(' ')]);

describe('which inputs are NDJSON', () => {
  it('goes by the extension, .ndjson or .jsonl in any case, at the end of the name', () => {
    expect(['a.ndjson', 'b.JSONL', 'c.jsonl'].map(isNdjsonPath)).toEqual([true, true, true]);
    expect(['a.json', 'ndjson', 'a.ndjson.bak', 'a.yaml'].map(isNdjsonPath)).toEqual([false, false, false, false]);
  });

  it('takes --input-format before the extension', () => {
    expect(readsAsNdjson('a.yaml', 'ndjson')).toBe(true);
    expect(readsAsNdjson('a.ndjson', 'yaml')).toBe(false);
    expect(readsAsNdjson('a.ndjson', 'auto')).toBe(true);
    expect(readsAsNdjson('a.ndjson', undefined)).toBe(true);
    expect(readsAsNdjson('a.yaml', undefined)).toBe(false);
  });
});

describe('readNdjsonRecords', () => {
  it('reads one record a line, skipping blank lines, each named by its file and line with the sha-256 of its bytes', async () => {
    const items = await read(bytes(`${record('a')}\n\n  \n${record('b')}\n`));
    expect(summary(items)).toEqual([
      [1, 'a'],
      [4, 'b'],
    ]);
    const loaded = items[1]!.record!;
    expect(loaded.file).toBe('p.ndjson:4');
    expect(loaded.sha256).toBe(createHash('sha256').update(record('b')).digest('hex'));
    // An event without sources: scoring reports no warnings, so none are made.
    expect(loaded.warnings).toEqual([]);
  });

  it('reads a line split across chunks, and a last line without a newline', async () => {
    const text = `${record('a')}\n${record('b')}`;
    const pieces = [text.slice(0, 10), text.slice(10, 11), text.slice(11, text.indexOf('\n') + 5), text.slice(text.indexOf('\n') + 5)];
    expect(summary(await read(bytes(...pieces)))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('reads CRLF line ends, a byte-order mark on the first line, and Uint8Arrays that are not Buffers', async () => {
    const text = `\uFEFF${record('a')}\r\n${record('b')}\r\n`;
    const view = new Uint8Array(Buffer.from(text));
    expect(summary(await read([view]))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('names stdin <stdin>', async () => {
    const [item] = await read(bytes(`${record('a')}\n`), 1 << 20, '-');
    expect(item!.record!.file).toBe('<stdin>:1');
  });

  it('reports an input of nothing but blank lines, or of nothing, as empty', async () => {
    const empty = {
      line: 1,
      diagnostics: [{ severity: 'error', code: 'EMPTY_FILE', file: 'p.ndjson', line: 1, col: 1, message: 'holds no record (no line of JSON)' }],
    };
    expect(await read(bytes('\n \n\r\n'))).toEqual([empty]);
    expect(await read([])).toEqual([empty]);
  });

  it('reports a line longer than the limit and goes on with the next, whether the line ends in its chunk or not', async () => {
    const limit = 2 ** 18; // 0.25 MiB
    const long = 'x'.repeat(limit + 1);
    const tooLong = (line: number) => ({
      line,
      diagnostics: [
        {
          severity: 'error',
          code: 'FILE_TOO_LARGE',
          file: 'p.ndjson',
          line,
          col: 1,
          message: `line ${line} is longer than the limit of 0.25 MiB for one record`,
          hint: 'raise it with SUMMIT_SCORE_MAX_INPUT_MB',
        },
      ],
    });
    const inOne = await read(bytes(`${record('a')}\n${long}\n${record('b')}\n`), limit);
    expect(inOne[1]).toEqual(tooLong(2));
    expect(summary(inOne)).toEqual([
      [1, 'a'],
      [2, 'FILE_TOO_LARGE'],
      [3, 'b'],
    ]);
    // The long line arrives in pieces, none with its end, then ends in the next chunk.
    const pieces = await read(bytes(`${record('a')}\n${long.slice(0, 100)}`, long.slice(100), `${long}tail\n${record('b')}\n`), limit);
    expect(pieces[1]).toEqual(tooLong(2));
    expect(summary(pieces)).toEqual([
      [1, 'a'],
      [2, 'FILE_TOO_LARGE'],
      [3, 'b'],
    ]);
  });

  it('says only that a line is too long when that is all the input holds', async () => {
    const limit = 2 ** 18;
    const long = 'x'.repeat(limit + 1);
    expect(summary(await read(bytes(`${long}\n`), limit))).toEqual([[1, 'FILE_TOO_LARGE']]);
    expect(summary(await read(bytes(long.slice(0, 100), long.slice(100)), limit))).toEqual([[1, 'FILE_TOO_LARGE']]);
  });

  it('takes blank space after the last newline for a blank line', async () => {
    expect(summary(await read(bytes(`${record('a')}\n   `)))).toEqual([[1, 'a']]);
  });

  it('counts only the bytes of the line that goes on into the next chunk', async () => {
    // a and b are as long as the limit; the chunk that ends a also starts b.
    const [a, b] = [record('a'), record('b')];
    expect(summary(await read(bytes(`${a}\n${b.slice(0, 5)}`, `${b.slice(5)}\n`), b.length))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('reads a line exactly as long as the limit', async () => {
    const line = record('a');
    expect(summary(await read(bytes(`${line}\n`), line.length))).toEqual([[1, 'a']]);
    expect(summary(await read(bytes(line.slice(0, 5), `${line.slice(5)}\n`), line.length))).toEqual([[1, 'a']]);
    expect(summary(await read(bytes(line.slice(0, 5), line.slice(5)), line.length))).toEqual([[1, 'a']]);
  });

  it('stops reading a line with no end in sight, 8 limits on', async () => {
    const limit = 2 ** 18;
    const chunk = 'x'.repeat(limit);
    // 0.25 MiB a chunk: the first ten pass the limit, then 8 limits, then one more byte.
    const chunks = bytes(...Array.from({ length: 10 }, () => chunk), 'x', `\n${record('a')}\n`);
    expect(await read(chunks, limit)).toEqual([
      expect.objectContaining({ line: 1 }),
      {
        line: 1,
        diagnostics: [
          {
            severity: 'error',
            code: 'FILE_TOO_LARGE',
            file: 'p.ndjson',
            line: 1,
            col: 1,
            message: 'line 1 has no end within 2 MiB: the rest of the input is not read',
            hint: 'NDJSON holds one JSON record per line',
          },
        ],
      },
    ]);
    // Exactly 8 limits skipped after the two chunks that passed the limit: the line still ends.
    const ends = bytes(...Array.from({ length: 10 }, () => chunk), `\n${record('a')}\n`);
    expect(summary(await read(ends, limit))).toEqual([
      [1, 'FILE_TOO_LARGE'],
      [2, 'a'],
    ]);
  });

  it('reports a line that is not UTF-8, not JSON, not a record, or not a valid record, with its line', async () => {
    const input = [
      Buffer.from(`${record('a')}\n`),
      Buffer.from([0xff, 0xfe, 0x0a]),
      Buffer.from('not json\n{"id": "r"}\n'),
      Buffer.from(`${record('b', '2015-02-30')}\n`),
    ];
    const items = await read(input);
    expect(summary(items).map(([line]) => line)).toEqual([1, 2, 3, 4, 5]);
    expect(items[1]).toEqual({
      line: 2,
      diagnostics: [{ severity: 'error', code: 'NOT_UTF8', file: 'p.ndjson', line: 2, col: 1, message: 'line 2 is not UTF-8 text', hint: 'save it as UTF-8' }],
    });
    expect(items[2]!.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'YAML_SYNTAX',
        file: 'p.ndjson',
        line: 3,
        message: expect.stringMatching(/^line 3 is not JSON: /),
        hint: 'each line of an NDJSON file is one JSON record',
      }),
    ]);
    expect(items[3]!.diagnostics!.every((d) => d.line === 4 && d.file === 'p.ndjson')).toBe(true);
    expect(items[3]!.diagnostics!.map((d) => d.code)).toContain('MISSING_KEY');
    // The record and its one event both have the date that is not one.
    expect(items[4]!.diagnostics!.map(({ code, line, path, message }) => ({ code, line, path, message }))).toEqual([
      { code: 'BAD_DATE', line: 5, path: 'date', message: '2015-02-30 is not a calendar date' },
      { code: 'BAD_DATE', line: 5, path: 'events[0].date', message: '2015-02-30 is not a calendar date' },
    ]);
  });

  it("gives JSON.parse's message and the column of the position it names", async () => {
    // The stray `}` after the comma is at index 12 of the line: column 13.
    const text = '{"id": "r", }';
    let parsed = '';
    try {
      JSON.parse(text);
    } catch (error) {
      parsed = (error as Error).message.split('\n')[0]!;
    }
    expect(parsed).toContain('at position 12');
    const [item] = await read(bytes(`${text}\n`));
    expect(item!.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'YAML_SYNTAX',
        file: 'p.ndjson',
        line: 1,
        col: 13,
        message: `line 1 is not JSON: ${parsed}`,
        hint: 'each line of an NDJSON file is one JSON record',
      },
    ]);
  });

  it('leaves the CR of a CRLF line end out of what it quotes from JSON.parse', async () => {
    let parsed = '';
    try {
      JSON.parse('not json');
    } catch (error) {
      parsed = (error as Error).message.split('\n')[0]!;
    }
    const [item] = await read(bytes('not json\r\n'));
    expect(item!.diagnostics!.map((d) => d.message)).toEqual([`line 1 is not JSON: ${parsed}`]);
  });

  it('reports a read that fails half-way at the next line, and stops', async () => {
    async function* failing(code: string | undefined) {
      yield Buffer.from(`${record('a')}\n${record('b')}\n`);
      throw Object.assign(new Error('the device is gone'), code === undefined ? {} : { code });
    }
    expect(await read(failing('EIO'))).toEqual([
      expect.objectContaining({ line: 1 }),
      expect.objectContaining({ line: 2 }),
      {
        line: 3,
        diagnostics: [{ severity: 'error', code: 'FILE_UNREADABLE', file: 'p.ndjson', line: 3, col: 1, message: 'cannot be read: the device is gone' }],
      },
    ]);
    // Not an error of the input (no system error code): thrown as it is.
    await expect(read(failing(undefined))).rejects.toThrow('the device is gone');
    await expect(read(failing('ERR_STREAM'))).rejects.toThrow('the device is gone');
  });
});

describe('ndjsonSource', () => {
  const io = (stream: boolean): Io =>
    ({
      readStdin: (maxBytes: number) => Buffer.from(`read at once under ${maxBytes}`),
      ...(stream && { readStdinStream: () => ['streamed'] as unknown as AsyncIterable<Uint8Array> }),
    }) as unknown as Io;

  it('reads stdin as a stream when it can, else at once', () => {
    expect(ndjsonSource('-', io(true), 10)).toEqual(['streamed']);
    expect(ndjsonSource('-', io(false), 10)).toEqual([Buffer.from('read at once under 10')]);
  });

  it('reads a file, and refuses a folder or a file that is not there at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndjson-'));
    const file = join(dir, 'r.ndjson');
    writeFileSync(file, `${record('a')}\n`);
    expect(summary(await read(ndjsonSource(file, io(false), 1 << 20)))).toEqual([[1, 'a']]);
    const refused = (path: string) => {
      try {
        ndjsonSource(path, io(false), 1 << 20);
      } catch (error) {
        if (error instanceof InputError) return error.diagnostics.map(({ code, file: at, message }) => ({ code, file: at, message }));
        throw error;
      }
      return [];
    };
    expect(refused(dir)).toEqual([{ code: 'FILE_UNREADABLE', file: dir, message: 'is a directory, not a file' }]);
    expect(refused(join(dir, 'none.ndjson'))).toEqual([{ code: 'FILE_NOT_FOUND', file: join(dir, 'none.ndjson'), message: 'no such file' }]);
  });
});
