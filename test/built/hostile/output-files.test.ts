// What -o may touch: the file it names (through symlinks, keeping its mode), written whole or not
// at all; never an input of the same run, never one file twice under two spellings, never a
// device or pipe turned into a regular file, and no temporary file left by a full disk or a signal.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../helpers/fake-io.js';
// @ts-expect-error: the bench is plain JavaScript without types
import * as generateModule from '../../../bench/generate.mjs';

const dir = mkdtempSync(join(tmpdir(), 'summit-output-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fresh = (name: string) => mkdtempSync(join(dir, `${name}-`));
const RECORD = 'us-china-2015-09';
const recordYaml = readFileSync(`fixtures/${RECORD}.yaml`, 'utf8');
const posix = process.platform !== 'win32';
const { makeComplianceRecord, seeded } = generateModule as {
  makeComplianceRecord: (random: () => number, commitments: number, members: number) => unknown;
  seeded: (seed: number) => () => number;
};
const hasMkfifo =
  posix &&
  (() => {
    try {
      execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

/** The CLI as a child process: for what blocks (a FIFO) or ends the process (a signal). */
function spawnCli(args: string[]) {
  return spawn(process.execPath, ['bin/summit-score.js', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
}
const exited = (child: ReturnType<typeof spawnCli>) =>
  new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));

describe('-o and what is already there', () => {
  it('follows a symlink: the link stays a link and its target gets the report', async () => {
    const folder = fresh('link');
    writeFileSync(join(folder, 'real.json'), 'old\n');
    symlinkSync('real.json', join(folder, 'link.json'));
    const result = await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '-o', join(folder, 'link.json')]);
    expect(result.exitCode).toBe(0);
    expect(lstatSync(join(folder, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(folder, 'link.json'))).toBe('real.json');
    expect(JSON.parse(readFileSync(join(folder, 'real.json'), 'utf8')).schema).toBe('summit-score/evaluation@2');
    expect(readdirSync(folder).sort()).toEqual(['link.json', 'real.json']);
  });

  it('creates the target of a dangling symlink', async () => {
    const folder = fresh('dangling');
    symlinkSync('made.json', join(folder, 'link.json'));
    expect((await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '-o', join(folder, 'link.json')])).exitCode).toBe(0);
    expect(lstatSync(join(folder, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(folder, 'made.json'), 'utf8')).schema).toBe('summit-score/evaluation@2');
  });

  it.skipIf(!posix)('keeps the mode of the file it replaces: a 0600 file stays 0600', async () => {
    const folder = fresh('mode');
    const out = join(folder, 'private.md');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o600);
    expect((await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'markdown', '-o', out])).exitCode).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toContain('Total');
    chmodSync(out, 0o640);
    expect((await run(['validate', `fixtures/${RECORD}.yaml`, '-o', out])).exitCode).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it.skipIf(!posix)('writes /dev/null directly: it stays a device', async () => {
    const result = await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '-o', '/dev/null']);
    expect(result.exitCode).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.skipIf(!posix)('writes /dev/stdout directly: the report arrives on stdout', async () => {
    const child = spawnCli(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '-o', '/dev/stdout']);
    child.stdin.end();
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    const [code] = await exited(child);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).schema).toBe('summit-score/evaluation@2');
  });

  it.skipIf(!hasMkfifo)('writes a FIFO directly: the reader gets the report, the FIFO stays a FIFO', async () => {
    const fifo = join(fresh('fifo'), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const child = spawnCli(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'csv', '-o', fifo]);
    child.stdin.end();
    const { createReadStream } = await import('node:fs');
    let text = '';
    for await (const chunk of createReadStream(fifo)) text += (chunk as Buffer).toString();
    const [code] = await exited(child);
    expect(code).toBe(0);
    expect(text.split('\n')[0]).toMatch(/^matrix,.*record/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it.skipIf(!posix || !existsSync('/dev/full'))('a full disk is OUTPUT_FAILED for that file, nothing else replaced', async () => {
    const folder = fresh('full');
    writeFileSync(join(folder, 'ok.json'), 'previous\n');
    const result = await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '-o', join(folder, 'ok.json'), '-f', 'csv', '-o', '/dev/full']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error OUTPUT_FAILED \/dev\/full:1:1 cannot write the output: the disk is full \(ENOSPC\)\n$/);
    expect(readFileSync(join(folder, 'ok.json'), 'utf8')).toBe('previous\n');
    expect(readdirSync(folder)).toEqual(['ok.json']);
  });
});

describe('-o never destroys an input of the same run', () => {
  it.each([
    ['the record, by the same name', (f: string) => ['evaluate', '-m', 'lewis-2015', join(f, 'rec.yaml'), '-o', join(f, 'rec.yaml')]],
    [
      'the record, by another spelling',
      (f: string) => ['evaluate', '-m', 'lewis-2015', join(f, 'rec.yaml'), '-f', 'json', '-o', join(f, '.', 'sub', '..', 'rec.yaml')],
    ],
    ['the record, through a symlink', (f: string) => ['evaluate', '-m', 'lewis-2015', join(f, 'rec.yaml'), '-f', 'json', '-o', join(f, 'alias.yaml')]],
    ['the matrix', (f: string) => ['evaluate', join(f, 'rec.yaml'), '-m', join(f, 'matrix.yaml'), '-f', 'markdown', '-o', join(f, 'matrix.yaml')]],
    ['a record of compare', (f: string) => ['compare', join(f, 'rec.yaml'), RECORD, '-m', 'lewis-2015', '-o', join(f, 'rec.yaml')]],
    ['a file validate checks', (f: string) => ['validate', join(f, 'rec.yaml'), '-o', join(f, 'rec.yaml')]],
    ['an NDJSON input while streaming', (f: string) => ['evaluate', '-m', 'lewis-2015', join(f, 'recs.ndjson'), '-f', 'ndjson', '-o', join(f, 'recs.ndjson')]],
  ])('%s: OUTPUT_IS_INPUT, the input as it was', async (_, argv) => {
    const folder = fresh('input');
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'rec.yaml'), recordYaml);
    writeFileSync(join(folder, 'matrix.yaml'), readFileSync('matrices/lewis-2015.yaml'));
    symlinkSync('rec.yaml', join(folder, 'alias.yaml'));
    const ndjson = `${JSON.stringify({ id: 'a', title: 'A', date: '2015-09-25', parties: ['US'], events: [] })}\n`;
    writeFileSync(join(folder, 'recs.ndjson'), ndjson);
    const before = readdirSync(folder).sort();
    const result = await run(argv(folder));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error OUTPUT_IS_INPUT .*:1:1 is (an input|the input .*) of this run/m);
    expect(readFileSync(join(folder, 'rec.yaml'), 'utf8')).toBe(recordYaml);
    expect(readFileSync(join(folder, 'recs.ndjson'), 'utf8')).toBe(ndjson);
    expect(readFileSync(join(folder, 'matrix.yaml'), 'utf8')).toBe(readFileSync('matrices/lewis-2015.yaml', 'utf8'));
    expect(readdirSync(folder).sort()).toEqual(before);
  });
});

describe('-o never replaces the file stdin was redirected from', () => {
  const line = `${JSON.stringify({ id: 'a', title: 'A', date: '2015-09-25', parties: ['US'], events: [] })}\n`;
  it.skipIf(!posix).each([
    ['a YAML record, -o /dev/stdin', 'rec.yaml', recordYaml, ['evaluate', '-', '-m', 'lewis-2015', '-o', '/dev/stdin']],
    ['validate, -o /proc/self/fd/0', 'rec.yaml', recordYaml, ['validate', '-', '-o', '/proc/self/fd/0']],
    [
      'NDJSON while streaming, -o /dev/stdin',
      'recs.ndjson',
      line,
      ['evaluate', '-', '--input-format', 'ndjson', '-m', 'lewis-2015', '-f', 'ndjson', '-o', '/dev/stdin'],
    ],
  ])('%s: OUTPUT_IS_INPUT, the file as it was', (_, name, text, argv) => {
    const input = join(fresh('stdin'), name);
    writeFileSync(input, text);
    const stdin = openSync(input, 'r');
    try {
      const child = spawnSync(process.execPath, ['bin/summit-score.js', ...argv], { stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(child.status).toBe(2);
      expect(child.stderr).toMatch(/^error OUTPUT_IS_INPUT \/(dev\/stdin|proc\/self\/fd\/0):1:1 is the input <stdin> of this run/);
    } finally {
      closeSync(stdin);
    }
    expect(readFileSync(input, 'utf8')).toBe(text);
    expect(readdirSync(join(input, '..'))).toEqual([name]);
  });
});

describe('several -o in one run', () => {
  it('finds one file named twice (-o x -o ./x): a usage error, nothing written', async () => {
    const folder = fresh('twice');
    const result = await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '-o', join(folder, 'x'), '-f', 'csv', '-o', `${folder}/./x`]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error USAGE -o .*x and -o .*x are the same file/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('blames the output that failed and replaces none (-o ok.json -o isdir)', async () => {
    const folder = fresh('blame');
    writeFileSync(join(folder, 'ok.json'), 'previous\n');
    mkdirSync(join(folder, 'isdir'));
    const result = await run(['evaluate', '-m', 'lewis-2015', RECORD, '-f', 'json', '-o', join(folder, 'ok.json'), '-f', 'csv', '-o', join(folder, 'isdir')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`error OUTPUT_FAILED ${join(folder, 'isdir')}:1:1 cannot write the output: it is a directory\n`);
    expect(readFileSync(join(folder, 'ok.json'), 'utf8')).toBe('previous\n');
    expect(readdirSync(folder).sort()).toEqual(['isdir', 'ok.json']);
  });
});

describe('the streaming (NDJSON) writer', () => {
  const line = JSON.stringify({ id: 'a', title: 'A', date: '2015-09-25', parties: ['US'], events: [] });

  it('follows no planted symlink: its temporary file is created exclusively under a name nobody can guess', async () => {
    const folder = fresh('planted');
    const victim = join(folder, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    // The names the writer used to take: the output's name and the process id.
    for (const pid of [process.pid, process.ppid]) symlinkSync(victim, join(folder, `.out.ndjson.${pid}.tmp`));
    const input = join(folder, 'in.ndjson');
    writeFileSync(input, `${line}\n`);
    const result = await run(['evaluate', '-m', 'lewis-2015', input, '-f', 'ndjson', '-o', join(folder, 'out.ndjson')]);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(JSON.parse(readFileSync(join(folder, 'out.ndjson'), 'utf8')).record.id).toBe('a');
  });

  it.skipIf(!posix || !existsSync('/dev/full'))('a full disk while streaming is a clean OUTPUT_FAILED', async () => {
    const folder = fresh('stream-full');
    const input = join(folder, 'in.ndjson');
    writeFileSync(input, `${line}\n`.repeat(2000));
    const result = await run(['evaluate', '-m', 'lewis-2015', input, '-f', 'ndjson', '-o', '/dev/full']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error OUTPUT_FAILED /dev/full:1:1 cannot write the output: the disk is full (ENOSPC)\n');
  });

  it.skipIf(!posix).each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s while streaming leaves no temporary file and the old output as it was',
    async (signal) => {
      const folder = fresh(`signal-${signal}`);
      const out = join(folder, 'out.ndjson');
      writeFileSync(out, 'previous\n');
      const child = spawnCli(['evaluate', '-m', 'lewis-2015', '-', '--input-format', 'ndjson', '-f', 'ndjson', '-o', out]);
      child.stdin.on('error', () => undefined); // the child ends before it has read all of it
      child.stdin.write(`${line}\n`.repeat(5000));
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      const temporary = () => readdirSync(folder).filter((name) => name.endsWith('.tmp'));
      const deadline = Date.now() + 20_000;
      while (temporary().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(temporary()).toHaveLength(1);
      // Once the writer is under way (a signal in the first moment of a run can find node not yet listening).
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill(signal);
      const [, killedBy] = await exited(child);
      expect(killedBy).toBe(signal);
      expect(readdirSync(folder), `${stderr} ${JSON.stringify(readdirSync(folder))}`).toEqual(['out.ndjson']);
      expect(readFileSync(out, 'utf8')).toBe('previous\n');
    },
  );
});

describe('the whole-output writer (-o of any format not streamed)', () => {
  // A whole output is written in one synchronous run of blocks: a signal that comes meanwhile
  // waits for the event loop, when the file is in place. Without the writer's listeners it would
  // end the process at once, with the temporary file half written.
  it.skipIf(!posix).each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s while a whole output is written leaves no temporary file, and the output whole or as it was',
    async (signal) => {
      const folder = fresh(`whole-${signal}`);
      const input = join(folder, 'compliance.json');
      writeFileSync(input, JSON.stringify(makeComplianceRecord(seeded(3), 400, 21)));
      const out = join(folder, 'out.json');
      writeFileSync(out, 'previous\n');
      const child = spawnCli(['evaluate', '-m', 'g20-compliance', input, '-f', 'json', '-o', out]);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      const ended = exited(child);
      let running = true;
      void ended.then(() => (running = false));
      const temporary = () => readdirSync(folder).filter((name) => name.endsWith('.tmp'));
      let seen = false;
      while (running && !seen) {
        seen = temporary().length > 0;
        if (!seen) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      if (seen) child.kill(signal);
      const [code, killedBy] = await ended;
      expect(seen, 'the temporary file was never seen: the write was too quick to catch').toBe(true);
      expect(readdirSync(folder).sort()).toEqual(['compliance.json', 'out.json']);
      const text = readFileSync(out, 'utf8');
      // Ended by the signal, the old output is there or the whole new one; a run the signal came
      // too late to stop (it was read after the last write) ends 0 with the whole new one.
      if (killedBy === null) expect(code, stderr).toBe(0);
      else expect(killedBy).toBe(signal);
      if (text !== 'previous\n' || killedBy === null) expect((JSON.parse(text) as { schema: string }).schema).toBe('summit-score/evaluation@2');
    },
    60_000,
  );
});
