// NDJSON records (one JSON record per line, read as a stream) must score exactly as the same
// records given as YAML files; a bad line is reported at its own line with the code and column a
// one-line JSON file would get; and the reader holds one line at a time: checked by structure
// (what has been read when a record comes out), never by timing.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../../src/cli.js';
import type { Io } from '../../../src/io.js';
import { readNdjsonRecords } from '../../../src/load/ndjson.js';
import { bundledRecord, RECORDS } from '../../research/helpers.js';
import { run } from '../../helpers/fake-io.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../../src/input-limit.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-ndjson-'));
const fixture = (id: string) => `fixtures/${id}.yaml`;
const asJsonLine = (id: string) => JSON.stringify(parse(readFileSync(fixture(id), 'utf8')));
const write = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const allRecords = write('all.ndjson', `${RECORDS.map(asJsonLine).join('\n')}\n`);

type Json = Record<string, unknown>;
/** A result with what names its input taken out: the file, the hash, and where each event stands. */
function withoutProvenance(result: Json): Json {
  const copy = structuredClone(result) as Json & { record: Json; criteria: Json[] };
  delete copy.record['file'];
  delete copy.record['sha256'];
  const cells = copy.criteria.flatMap((c) => [c, ...((c['parties'] as Json[] | null) ?? [])]);
  for (const cell of cells)
    for (const item of cell['evidence'] as Json[]) {
      delete item['file'];
      delete item['line'];
    }
  return copy;
}
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Json);
/** Vocabulary warnings place a YAML record's problem in its file, a streamed one's at its event: compare them without the place. */
const unplaced = (text: string) => text.replace(/^(warning [A-Z_]+) \S+:\d+:\d+ /gm, '$1 ');

/** An Io whose stdin is a stream the test controls, recording what is written. */
function streamIo(chunks: () => AsyncIterable<Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: () => Buffer.alloc(0),
    readStdinStream: chunks,
    isTTY: false,
    env: {},
  };
  return { io, out, err };
}

describe('NDJSON records', () => {
  it.each(['lewis-2015', 'summit-deliverables', 'g20-compliance', 'critics-2015'])('score as the same records in YAML files do (matrix %s)', async (matrix) => {
    for (const asOf of [[], ['--as-of', '2016-06-30']]) {
      const streamed = await run(['evaluate', allRecords, '-m', matrix, '-f', 'ndjson', ...asOf]);
      const yaml = await run(['evaluate', ...RECORDS.map(fixture), '-m', matrix, '-f', 'ndjson', ...asOf]);
      expect(streamed.exitCode).toBe(0);
      // Records whose summit comes after --as-of are warned about, the same way in both.
      expect(streamed.stderr).not.toMatch(/^error/m);
      expect(unplaced(streamed.stderr)).toBe(unplaced(yaml.stderr));
      expect(lines(streamed.stdout).map(withoutProvenance)).toEqual(lines(yaml.stdout).map(withoutProvenance));
    }
  });

  it('name each record by file and line, hash its line, and place its events on that line', async () => {
    const { stdout } = await run(['evaluate', '-m', 'lewis-2015', allRecords, '-f', 'ndjson']);
    const [first, second] = lines(stdout) as (Json & { record: Json; criteria: { evidence: Json[] }[] })[];
    expect(first!.record).toMatchObject({ id: RECORDS[0], file: `${allRecords}:1`, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(second!.record['file']).toBe(`${allRecords}:2`);
    const evidence = second!.criteria.flatMap((c) => c.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) expect(item).toMatchObject({ file: allRecords, line: 2 });
  });

  it('give the other formats the same results as YAML files (gathered first)', async () => {
    const streamed = await run(['evaluate', '-m', 'lewis-2015', allRecords, '-f', 'json']);
    const yaml = await run(['evaluate', '-m', 'lewis-2015', ...RECORDS.map(fixture), '-f', 'json']);
    const results = (text: string) => (JSON.parse(text) as { results: Json[] }).results.map(withoutProvenance);
    expect(results(streamed.stdout)).toEqual(results(yaml.stdout));
    const table = await run(['evaluate', '-m', 'lewis-2015', allRecords, '-f', 'csv']);
    expect(table.stdout.split('\n').length).toBe(RECORDS.length + 2);
  });

  it('are read from stdin with --input-format ndjson, and from .jsonl files', async () => {
    const text = readFileSync(allRecords, 'utf8');
    const piped = await run(['evaluate', '-m', 'lewis-2015', '-', '--input-format', 'ndjson', '-f', 'ndjson'], { stdin: text });
    expect(lines(piped.stdout).map((r) => (r['record'] as Json)['id'])).toEqual(RECORDS);
    expect((lines(piped.stdout)[0]!['record'] as Json)['file']).toBe('<stdin>:1');
    const jsonl = write('all.jsonl', text);
    expect(lines((await run(['evaluate', '-m', 'lewis-2015', jsonl, '-f', 'ndjson'])).stdout)).toHaveLength(RECORDS.length);
  });

  it('skip blank lines and take CRLF line ends and a byte-order mark', async () => {
    const [a, b] = [asJsonLine(RECORDS[0]!), asJsonLine(RECORDS[1]!)];
    const file = write('crlf.ndjson', `\uFEFF${a}\r\n\r\n   \n${b}`);
    const { exitCode, stdout } = await run(['evaluate', '-m', 'lewis-2015', file, '-f', 'ndjson']);
    expect(exitCode).toBe(0);
    expect(lines(stdout).map((r) => (r['record'] as Json)['file'])).toEqual([`${file}:1`, `${file}:4`]);
  });
});

describe('a bad NDJSON line', () => {
  const good = asJsonLine('us-china-2015-09');
  const record = JSON.parse(good) as Json & { events: Json[] };
  const bad = {
    syntax: '{"id": "x",',
    notJson: "{id: 'x'}",
    schema: JSON.stringify({ ...record, events: [{ ...record.events[0], wieght: 1 }] }),
    date: JSON.stringify({ ...record, date: '2015-02-30' }),
    duplicate: good.replace('{"id":', '{"title":"twice","id":'),
    forbidden: good.replace('{"id":', '{"__proto__":{"x":1},"id":'),
    infinite: good.replace('"events":', '"x":1e999,"events":'),
    list: '[1, 2]',
  };

  /** What the same text gives as a one-line .json file: the diagnostics NDJSON must repeat, at its line. */
  async function asJsonFile(name: string, text: string) {
    const { stderr } = await run(['evaluate', '-m', 'lewis-2015', write(`${name}.json`, text), '-f', 'ndjson']);
    return stderr.replaceAll(`${dir}/${name}.json:1:`, '@');
  }

  it.each(Object.entries(bad).filter(([name]) => name !== 'notJson'))('(%s) gets the diagnostics of a one-line JSON file, at its line', async (name, text) => {
    const file = write(`${name}.ndjson`, `${good}\n${good}\n${text}\n${good}\n`);
    const { exitCode, stdout, stderr } = await run(['evaluate', '-m', 'lewis-2015', file, '-f', 'ndjson']);
    expect(exitCode).toBe(2);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr.replaceAll(`${file}:3:`, '@')).toBe(await asJsonFile(name, text));
    expect(stderr).toMatch(new RegExp(`^error [A-Z_]+ ${file.replaceAll('.', '\\.')}:3:\\d+ `));
    // The lines before it were scored and written; none after it.
    expect(lines(stdout)).toHaveLength(2);
  });

  it('that YAML would read but JSON does not is still an error, at the line', async () => {
    const file = write('yamlish.ndjson', `${good}\n${bad.notJson}\n`);
    const { exitCode, stderr } = await run(['evaluate', '-m', 'lewis-2015', file, '-f', 'ndjson']);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(new RegExp(`^error YAML_SYNTAX ${file.replaceAll('.', '\\.')}:2:\\d+ line 2 is not JSON`));
  });

  it('is reported with every other bad line in one run, and leaves an -o file untouched', async () => {
    const out = write('kept.ndjson', 'the last good output\n');
    const file = write('many.ndjson', Buffer.concat([Buffer.from(`${bad.syntax}\n${good}\n${bad.date}\n`), Buffer.from([0x7b, 0xff, 0x7d, 0x0a])]));
    const { exitCode, stderr } = await run(['evaluate', '-m', 'lewis-2015', file, '-f', 'ndjson', '-o', out]);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(3);
    expect(stderr).toMatch(new RegExp(`error YAML_SYNTAX ${file.replaceAll('.', '\\.')}:1:`));
    expect(stderr).toMatch(new RegExp(`error BAD_DATE ${file.replaceAll('.', '\\.')}:3:`));
    expect(stderr).toMatch(new RegExp(`error NOT_UTF8 ${file.replaceAll('.', '\\.')}:4:1 line 4 is not UTF-8 text`));
    expect(readFileSync(out, 'utf8')).toBe('the last good output\n');
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });

  it('longer than the input limit is reported without being read into memory', async () => {
    const file = write('long.ndjson', `${good}\n${'x'.repeat(2 * 1024 * 1024)}\n${good}\n`);
    const { exitCode, stderr, stdout } = await run(['evaluate', '-m', 'lewis-2015', file, '-f', 'ndjson'], { env: { SUMMIT_SCORE_MAX_INPUT_MB: '1' } });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(new RegExp(`^error FILE_TOO_LARGE ${file.replaceAll('.', '\\.')}:2:1 line 2 is longer than the limit of 1 MiB for one record`));
    expect(lines(stdout)).toHaveLength(1);
  });
});

describe('the NDJSON reader', () => {
  const good = asJsonLine('us-china-2015-09');

  it('hands out each record as soon as its line is complete, before reading further', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        // Each line arrives in two pieces.
        yield Buffer.from(good.slice(0, 100));
        yield Buffer.from(`${good.slice(100)}\n`);
      }
    }
    const seen: number[] = [];
    for await (const item of readNdjsonRecords('s.ndjson', source(), DEFAULT_MAX_INPUT_BYTES)) {
      expect(item.record).toBeDefined();
      // When line n comes out, the source has been asked for line n and nothing after it.
      seen.push(pulled - item.line);
    }
    expect(seen).toHaveLength(50);
    expect(new Set(seen)).toEqual(new Set([0]));
  });

  it('holds at most the limit of a line too long, then skips to its end', async () => {
    const limit = 1024 * 1024;
    let bytesPulled = 0;
    let reportedAt = -1;
    async function* source() {
      for (let i = 0; i < 64; i++) {
        bytesPulled += 64 * 1024;
        yield Buffer.alloc(64 * 1024, 0x78);
      }
      yield Buffer.from(`\n${good}\n`);
    }
    const items = [];
    for await (const item of readNdjsonRecords('s.ndjson', source(), 1024 * 1024)) {
      if (item.diagnostics && reportedAt < 0) reportedAt = bytesPulled;
      items.push(item);
    }
    // Reported as soon as the line passed the limit, not when the 4 MiB line ended.
    expect(reportedAt).toBeGreaterThan(limit);
    expect(reportedAt).toBeLessThanOrEqual(limit + 64 * 1024);
    expect(items.map((item) => [item.line, item.record ? 'record' : item.diagnostics[0]!.code])).toEqual([
      [1, 'FILE_TOO_LARGE'],
      [2, 'record'],
    ]);
  });

  it('lets evaluate write results while the input is still being read', async () => {
    const total = 400;
    let writesAtHalf = -1;
    const { io, out } = streamIo(() =>
      (async function* () {
        for (let i = 0; i < total; i++) {
          if (i === total / 2) writesAtHalf = out.length;
          yield Buffer.from(`${good}\n`);
        }
      })(),
    );
    const exitCode = await main(['evaluate', '-m', 'lewis-2015', '-', '--input-format', 'ndjson', '-f', 'ndjson'], io);
    expect(exitCode).toBe(0);
    expect(out.join('').trim().split('\n')).toHaveLength(total);
    // Output went out in blocks as records were scored, not all at the end.
    // Half-way through the input some results are out, and more follow: blocks, not one write at the end.
    expect(writesAtHalf).toBeGreaterThan(0);
    expect(out.length).toBeGreaterThan(writesAtHalf);
  });

  it('reads the bundled records from a file with the same results as loading them one by one', async () => {
    const records = [];
    for await (const item of readNdjsonRecords(allRecords, [readFileSync(allRecords)], DEFAULT_MAX_INPUT_BYTES)) records.push(item.record!.record);
    expect(records.map((r) => r.id)).toEqual(RECORDS);
    records.forEach((record, i) => {
      const yaml = bundledRecord(RECORDS[i]!);
      const strip = (r: typeof record) => ({ ...r, events: r.events.map(({ location: _, ...event }) => event) });
      expect(strip(record)).toEqual(strip(yaml));
    });
  });
});

describe('the NDJSON output', () => {
  it('is, line for line, the JSON output of each result (as it was made by parsing the JSON output back)', async () => {
    const { formatEvaluationNdjson } = await import('../../../src/format/csv.js');
    const { formatJson } = await import('../../../src/format/json.js');
    const { compileMatrix, evaluateRecord } = await import('../../../src/engine/index.js');
    const { bundledMatrix } = await import('../../research/helpers.js');
    for (const matrixId of ['lewis-2015', 'g20-compliance', 'summit-deliverables']) {
      const loaded = bundledMatrix(matrixId);
      const compiled = compileMatrix(loaded.matrix);
      const report = {
        tool: { name: 'summit-score', version: '0.0.0' },
        matrix: { definition: loaded.matrix, file: loaded.file, sha256: loaded.sha256 },
        asOf: null,
        bundledDefault: false,
        results: RECORDS.map((id) => ({ file: `${id}.yaml`, sha256: 'ab', result: evaluateRecord(compiled, bundledRecord(id)) })),
      };
      const context = { color: false, explain: false };
      const document = JSON.parse(formatJson(report, context)) as { tool: unknown; matrix: Json; results: Json[] };
      const matrix = { id: document.matrix['id'], version: document.matrix['version'], file: document.matrix['file'], sha256: document.matrix['sha256'] };
      const before = document.results
        .map((result) => `${JSON.stringify({ schema: 'summit-score/evaluation-result@2', tool: document.tool, matrix, ...result })}\n`)
        .join('');
      expect(formatEvaluationNdjson(report, context)).toBe(before);
    }
  });
});

describe('NDJSON records with --fail-below and --require-sources', () => {
  it('exit 1 naming the records below the threshold, as YAML records do', async () => {
    const streamed = await run(['evaluate', '-m', 'lewis-2015', allRecords, '-f', 'ndjson', '--fail-below', '60']);
    const yaml = await run(['evaluate', '-m', 'lewis-2015', ...RECORDS.map(fixture), '-f', 'ndjson', '--fail-below', '60']);
    expect(streamed.exitCode).toBe(yaml.exitCode);
    expect(unplaced(streamed.stderr)).toBe(unplaced(yaml.stderr));
    expect(streamed.stderr).toMatch(/^below --fail-below 60: /m);
  });

  it('report evidence without sources at the event, on its line', async () => {
    const record = JSON.parse(asJsonLine('us-china-2015-09')) as { events: Json[] };
    record.events = record.events.map(({ sources: _, ...event }) => event);
    const file = write('unsourced.ndjson', `${asJsonLine('us-china-2015-09')}\n${JSON.stringify(record)}\n`);
    const { exitCode, stdout, stderr } = await run(['evaluate', '-m', 'lewis-2015', file, '-f', 'ndjson', '--require-sources']);
    expect(exitCode).toBe(2);
    expect(lines(stdout)).toHaveLength(1);
    const first = stderr.split('\n')[0]!;
    const col = Number(/:2:(\d+) /.exec(first)?.[1]);
    expect(first).toMatch(new RegExp(`^error UNSOURCED_EVIDENCE ${file.replaceAll('.', '\\.')}:2:\\d+ event [a-z0-9-]+ earned a level but cites no source`));
    // The column is where that event's object starts on the line.
    const event = /event ([a-z0-9-]+) earned/.exec(first)![1]!;
    const text = readFileSync(file, 'utf8').split('\n')[1]!;
    expect(text.slice(col - 1)).toMatch(new RegExp(`^\\{"id":"${event}"`));
  });
});
