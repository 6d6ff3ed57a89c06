import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';

// The table commands in a real pseudo-terminal (util-linux `script`), as people see them: colour
// on a terminal and only there unless asked, never a colour code shown as text, the terminal's
// own width. These run the built command (npm test builds it first).

const BIN = join(process.cwd(), 'bin/summit-score.js');
const SIX = ['us-china-2015-09', 'us-china-2017-04', 'uk-china-2015-10', 'us-china-2013-06', 'us-china-2023-11', 'us-russia-2021-06'];
const dir = mkdtempSync(join(tmpdir(), 'summit-pty-'));
const SGR = /\u001b\[[0-9;]*m/g;

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') === true;
if (!hasScript) console.warn('test/built/cli/pty.test.ts: skipped, it needs `script` from util-linux');

/** Environment without the colour switches of whoever runs the tests, nor TERM. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  // CI runs without TERM: colour must follow the tool's rule (a terminal), not what a library
  // reads from TERM.
  delete env['TERM'];
  return { ...env, ...extra };
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Runs the command on a terminal `columns` wide; what the terminal received, with \r\n as \n. */
function inTerminal(argv: readonly string[], options: { env?: Record<string, string>; columns?: number } = {}): string {
  const line = `stty cols ${options.columns ?? 100}; exec node ${[BIN, ...argv].map(quote).join(' ')}`;
  const out = execFileSync('script', ['-qec', line, '/dev/null'], { env: cleanEnv(options.env), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.replace(/\r\n/g, '\n');
}

function throughPipe(argv: readonly string[], env: Record<string, string> = {}): string {
  return execFileSync('node', [BIN, ...argv], { env: cleanEnv(env), encoding: 'utf8' });
}

const COMMANDS: Record<string, readonly string[]> = {
  evaluate: ['evaluate', '--quiet'],
  compare: ['compare', ...SIX, '-m', 'lewis-2015'],
  timeline: ['timeline', 'us-china-2015-09', '-m', 'lewis-2015'],
  // --quiet: the progress line on stderr (which the terminal shows too) is not what is tested here.
  sensitivity: ['sensitivity', 'us-china-2015-09', 'us-china-2013-06', '-m', 'lewis-2015', '--samples', '100', '--quiet'],
  diff: ['diff', join(dir, 'a.json'), join(dir, 'b.json')],
  list: ['list'],
  agree: ['agree', '-m', 'lewis-2015-v1', 'fixtures/coders/a', 'fixtures/coders/b'],
  test: ['test', '--bundled'],
};

describe.skipIf(!hasScript)('the table commands on a real terminal', () => {
  beforeAll(() => {
    throughPipe(['evaluate', ...SIX, '-m', 'lewis-2015', '-f', 'json', '-o', join(dir, 'a.json')]);
    throughPipe(['evaluate', ...SIX, '-m', 'critics-2015', '-f', 'json', '-o', join(dir, 'b.json')]);
  });

  it.each(Object.entries(COMMANDS))('%s: colour on a terminal, none with --no-color, never a colour code as text', (name, argv) => {
    const coloured = inTerminal(argv);
    expect(coloured).toMatch(SGR);
    // The bug this guards: the tool's own colour escaped as input text (`\u001b[32m` printed).
    expect(coloured).not.toMatch(/\\u001b|\\x1b|\\e\[/);
    // Every SGR sequence is whole: no ESC left once they are taken out.
    expect(coloured.replace(SGR, '')).not.toContain('\u001b');
    const plain = inTerminal([...argv, '--no-color']);
    expect(plain).not.toContain('\u001b');
    // Colour changes nothing but colour.
    expect(coloured.replace(SGR, '')).toBe(plain);
    if (name !== 'test') expect(plain.split('\n').filter((line) => stringWidth(line) > 100)).toEqual([]);
  });

  it('takes the width of the terminal, 60 or 140 columns', () => {
    for (const columns of [60, 140]) {
      const text = inTerminal(COMMANDS['compare']!, { columns, env: { NO_COLOR: '1' } });
      const widest = Math.max(...text.split('\n').map((line) => stringWidth(line)));
      expect(widest).toBeLessThanOrEqual(columns);
      expect(widest).toBeGreaterThan(columns - 20);
    }
  });

  it('FORCE_COLOR=0 takes colour off a terminal; FORCE_COLOR=1 and --color put it on a pipe (for less -R)', () => {
    expect(inTerminal(COMMANDS['timeline']!, { env: { FORCE_COLOR: '0' } })).not.toContain('\u001b');
    expect(inTerminal(COMMANDS['timeline']!, { env: { NO_COLOR: '1' } })).not.toContain('\u001b');
    expect(throughPipe(COMMANDS['timeline']!)).not.toContain('\u001b');
    expect(throughPipe(COMMANDS['timeline']!, { FORCE_COLOR: '1' })).toMatch(SGR);
    expect(throughPipe([...COMMANDS['timeline']!, '--color'])).toMatch(SGR);
    expect(throughPipe([...COMMANDS['timeline']!, '--color'], { NO_COLOR: '1' })).toMatch(SGR);
  });

  it('paints promise and gesture in different colours', () => {
    const text = inTerminal(COMMANDS['timeline']!, { columns: 200 });
    // The colour codes just before each verdict word, as the verdict column prints it.
    const colourOf = (verdict: string) => {
      const match = new RegExp(`((?:\\u001b\\[[0-9;]*m)+)${verdict}\\u001b`).exec(text);
      expect(match, `${verdict} is painted`).not.toBeNull();
      return match![1]!.match(/\u001b\[(3\d|9\d)m/)?.[1];
    };
    const promise = colourOf('promise');
    const gesture = colourOf('gesture');
    expect(promise).toBeDefined();
    expect(gesture).toBeDefined();
    expect(promise).not.toBe(gesture);
  });
});
