import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/fake-io.js';

// Shell completion against what the commands themselves say in --help: every command, each
// command's long options, the formats -f takes, the bundled ids. Bash runs the script for real.

const dir = mkdtempSync(join(tmpdir(), 'summit-completion-'));
let script = '';

/** What bash completes for a command line whose last word is being typed. */
function complete(...line: string[]): string[] {
  const words = ['summit-score', ...line].map((word) => `'${word}'`).join(' ');
  const result = spawnSync(
    'bash',
    ['-c', `source '${script}'; COMP_WORDS=(${words}); COMP_CWORD=${line.length}; _summit_score; printf '%s\\n' "\${COMPREPLY[@]}"`],
    { cwd: dir, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter(Boolean);
}

async function help(argv: string[]): Promise<string> {
  const { stdout, exitCode } = await run([...argv, '--help']);
  expect(exitCode).toBe(0);
  return stdout;
}

const longOptions = (text: string) => [...text.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]!);

describe('summit-score completion', () => {
  beforeAll(async () => {
    const { stdout, exitCode } = await run(['completion', 'bash']);
    expect(exitCode).toBe(0);
    script = join(dir, 'summit-score.bash');
    writeFileSync(script, stdout);
  });

  it('completes the commands --help lists', async () => {
    const listed = [...(await help([])).split('Commands:')[1]!.matchAll(/^ {2}([a-z]+)\b/gm)].map((match) => match[1]!).filter((name) => name !== 'help');
    expect(listed.length).toBeGreaterThan(10);
    expect(complete('').sort()).toEqual(listed.sort());
    expect(complete('ev')).toEqual(['evaluate']);
    expect(complete('se')).toEqual(['sensitivity']);
  });

  it.each(['evaluate', 'compare', 'timeline', 'sensitivity', 'validate', 'test', 'agree'])(
    'completes the long options of %s that its --help shows',
    async (command) => {
      const shown = longOptions(await help([command]));
      expect(shown.length).toBeGreaterThan(2);
      const completed = complete(command, '--');
      expect(shown.filter((option) => !completed.includes(option))).toEqual([]);
      expect(completed).toContain('--width');
    },
  );

  it('completes the formats -f takes, as --help names them', async () => {
    for (const command of ['evaluate', 'timeline', 'validate']) {
      const text = (await help([command])).replace(/\s+/g, ' ');
      // Commander's own choices ("a", "b", default: "a") or ours (output format: a, b (default: a)).
      const named = /output format \(choices: ([^)]*?), default:/.exec(text)?.[1] ?? /output format: ([a-z, -]+?) \(default/.exec(text)?.[1];
      expect(named, command).toBeDefined();
      const formats = named!.split(', ').map((f) => f.replace(/"/g, ''));
      expect(complete(command, '-f', '').sort()).toEqual([...formats].sort());
    }
  });

  it('completes bundled matrix ids after -m and bundled record ids as records, files as well', async () => {
    const listing = JSON.parse((await run(['list', '-f', 'json'])).stdout) as { matrices: { id: string }[]; records: { id: string }[] };
    writeFileSync(join(dir, 'my-matrix.yaml'), '');
    const matrices = complete('compare', 'us-china-2015-09', '-m', '');
    for (const { id } of listing.matrices) expect(matrices).toContain(id);
    expect(complete('compare', 'us-china-2015-09', '-m', 'my')).toEqual(['my-matrix.yaml']);
    const records = complete('timeline', '');
    for (const { id } of listing.records) expect(records).toContain(id);
    expect(complete('evaluate', 'us-china-2015-09', '--matrix', 'lewis')).toEqual(['lewis-2015', 'lewis-2015-v1']);
  });

  it('completes subcommands and choices: import grid --layout, schema names, completion shells', () => {
    expect(complete('import', '')).toEqual(['grid']);
    expect(complete('import', 'grid', '--layout', '').sort()).toEqual(['long', 'wide']);
    expect(complete('schema', '')).toContain('sensitivity');
    expect(complete('completion', '').sort()).toEqual(['bash', 'fish', 'zsh']);
  });

  it('writes zsh (through bashcompinit) and fish completion from the same tree', async () => {
    const zsh = (await run(['completion', 'zsh'])).stdout;
    expect(zsh).toContain('bashcompinit');
    expect(zsh).toContain((await run(['completion', 'bash'])).stdout.split('\n').slice(1).join('\n'));
    const fish = (await run(['completion', 'fish'])).stdout;
    for (const option of longOptions(await help(['timeline']))) {
      expect(fish).toMatch(new RegExp(`-n '__fish_seen_subcommand_from timeline'[^\\n]* -l ${option.slice(2)}\\b`));
    }
    expect(fish).toMatch(/-n '__fish_seen_subcommand_from import; and __fish_seen_subcommand_from grid' -l layout -x -a 'wide long'/);
    for (const shell of ['zsh', 'fish']) {
      const found = spawnSync(shell, ['-c', 'exit 0']).status === 0;
      if (!found) console.warn(`test/cli/completion.test.ts: ${shell} is not installed here; its script is checked by its text only`);
      else expect(spawnSync(shell, ['-n'], { input: (await run(['completion', shell])).stdout }).status).toBe(0);
    }
  });
});
