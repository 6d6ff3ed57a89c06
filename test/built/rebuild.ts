// Vitest's global setup for the tests of the built tool (test/built/): dist/ is rebuilt first when
// any input of the build is newer than it, so `npx vitest` never tests stale code. After
// `npm run build` (as `npm test` runs it) nothing is newer, and nothing is rebuilt.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'matrices', 'fixtures', 'scripts', 'bin', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
/** What the build writes last (scripts/build-cli.mjs), and what the other steps write. */
const OUTPUTS = ['dist/cli.js', 'dist/schema/validators.cjs', 'dist/bundled', 'dist/cli-bundle/cli.cjs'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export default function rebuildIfStale(): void {
  const missing = OUTPUTS.some((path) => !existsSync(path));
  const built = missing ? 0 : Math.min(...OUTPUTS.map((path) => statSync(path).mtimeMs));
  const changed = Math.max(...INPUTS.filter((path) => existsSync(path)).map(newest));
  if (!missing && changed <= built) return;
  process.stderr.write('test/built: dist/ is older than its sources; npm run build\n');
  execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
