// Reruns every `$ summit-score ...` example in README.md and docs/*.md and writes its real output
// back under it (npm run readme-outputs, after npm run build). The tests that compare the shown
// output with the tool's (test/*/readme*.test.ts) stay the judges: this only saves retyping when
// a layout changes. A block that ends in `...` keeps as many lines as it showed; a command that
// fails is left as it is and named.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../dist/cli.js';

async function run(argv) {
  let stdout = '';
  const io = { stdout: (text) => void (stdout += text), stderr: () => {}, readStdin: () => Buffer.from(''), isTTY: false, stderrIsTTY: false, env: {} };
  const exitCode = await main(argv, io);
  return { exitCode, stdout };
}

// The compliance examples score the record that the README's import writes (test/cli/compliance/readme.test.ts).
const GRID_IMPORT = ['import', 'grid', 'examples/compliance-grid.csv', '--mapping', 'examples/compliance-grid.mapping.yaml', '-o', 'grid.yaml'];

async function outputOf(shown) {
  const dir = mkdtempSync(join(tmpdir(), 'summit-readme-'));
  const commands = shown[0][0] !== 'import' && shown.flat().includes('grid.yaml') ? [GRID_IMPORT, ...shown] : shown;
  const written = new Set();
  try {
    let stdout = '';
    for (const argv of commands) {
      // Files named in an example go to a scratch folder, as the README tests do.
      const inDir = argv.map((arg, i) => {
        if (argv[i - 1] === '-o') written.add(arg);
        return argv[i - 1] === '-o' || written.has(arg) || (argv[0] === 'diff' && arg.endsWith('.json')) ? join(dir, arg) : arg;
      });
      const result = await run(inDir);
      if (result.exitCode !== 0) return undefined;
      stdout = result.stdout.split(`${dir}/`).join('');
    }
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function rewrite(file) {
  const text = readFileSync(file, 'utf8');
  const pattern = /^( *)```text\n([\s\S]*?)^\1```$/gm;
  let out = '';
  let last = 0;
  let changed = 0;
  for (const match of text.matchAll(pattern)) {
    const indent = match[1];
    const lines = match[2].split('\n').map((line) => line.slice(indent.length));
    if (!lines[0].startsWith('$ summit-score ')) continue;
    const commands = [];
    const shown = [...lines];
    while (shown[0]?.startsWith('$ summit-score ')) commands.push(shown.shift().slice('$ summit-score '.length).split(' '));
    // A block that shows several commands each with its output is kept by hand (its test reruns each).
    if (shown.some((line) => line.startsWith('$ summit-score '))) continue;
    const old = shown.join('\n').replace(/\n$/, '');
    const partial = old.endsWith('\n...') || old === '...';
    const stdout = await outputOf(commands);
    if (stdout === undefined) {
      console.log(`${file}: left as it is (the command failed): ${commands.map((c) => c.join(' ')).join(' && ')}`);
      continue;
    }
    let body = stdout.replace(/\n$/, '');
    if (partial)
      body = `${body
        .split('\n')
        .slice(0, Math.max(1, old.split('\n').length - 1))
        .join('\n')}\n...`;
    const block = [...commands.map((c) => `$ summit-score ${c.join(' ')}`), ...body.split('\n')].map((line) => (line === '' ? '' : indent + line)).join('\n');
    const replacement = `${indent}\`\`\`text\n${block}\n${indent}\`\`\``;
    if (replacement !== match[0]) changed++;
    out += text.slice(last, match.index) + replacement;
    last = match.index + match[0].length;
  }
  out += text.slice(last);
  if (changed > 0) writeFileSync(file, out);
  console.log(`${file}: ${changed} example${changed === 1 ? '' : 's'} rewritten`);
}

const files = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name)),
];
for (const file of files) await rewrite(file);
