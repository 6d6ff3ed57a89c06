// Runs the golden cases (`tests:`) of every bundled matrix through the engine, and checks that
// together they reach every level of every criterion. Stands in for `summit-score test` on the
// bundled content, and keeps the bundled matrices and records honest with each other.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileMatrix, evaluateRecord, type CaseResult, type CaseRecord, type CompiledMatrix } from '../../../src/engine/index.js';
import { loadMatrix } from '../../../src/load/load-matrix.js';
import { loadRecord } from '../../../src/load/load-record.js';
import { readInputFile } from '../../../src/load/read-input.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../../src/input-limit.js';
import { PACKAGE_FILES } from '../../../src/load/read-input.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MATRICES = join(ROOT, 'matrices');
const FIXTURES = join(ROOT, 'fixtures');
const NO_STDIN = PACKAGE_FILES;
const BUNDLED_ID = /^[a-z0-9][a-z0-9-]*$/;

interface Expectation {
  levels?: Record<string, string | { low: string; high: string }>;
  verdict?: string;
  verdicts?: string[];
  undetermined?: boolean;
  score?: number | { min?: number; max?: number };
  scoreRange?: { low: number; high: number };
}
interface GoldenCase {
  name: string;
  description?: string;
  record?: string;
  date?: string;
  parties?: string[];
  events?: { actors?: string[] }[];
  asOf?: string;
  expect: Expectation;
}

const matrixFiles = readdirSync(MATRICES)
  .filter((name) => name.endsWith('.yaml') && !name.endsWith('.tests.yaml'))
  .sort()
  .map((name) => join(MATRICES, name));

/** The record a case names: a bundled id, a path relative to the matrix, or inline events. */
function caseRecord(matrixFile: string, golden: GoldenCase): CaseRecord {
  if (golden.record !== undefined) {
    const bundled = join(FIXTURES, `${golden.record}.yaml`);
    const file = BUNDLED_ID.test(golden.record) && existsSync(bundled) ? bundled : resolve(dirname(matrixFile), golden.record);
    return loadRecord(readInputFile(file, NO_STDIN)).record;
  }
  if (golden.events === undefined || golden.date === undefined) {
    throw new Error(`${matrixFile}: case "${golden.name}" has neither a record nor a date and events`);
  }
  const actors = [...new Set(golden.events.flatMap((event) => event.actors ?? []))];
  const record = { id: 'test', title: golden.name, date: golden.date, parties: golden.parties ?? actors, events: golden.events };
  return loadRecord({ file: `${matrixFile} (${golden.name})`, text: JSON.stringify(record), sha256: '', maxBytes: DEFAULT_MAX_INPUT_BYTES }).record;
}

// Read loosely: the engine's per-party and per-subject results (parties, criterion) are recent.
interface LooseCell {
  readonly applicable: boolean | 'unknown';
  readonly level: { readonly label: string } | null;
  readonly levelRange?: { readonly low: { readonly label: string } | null; readonly high: { readonly label: string } | null } | null;
}
interface LooseResult extends LooseCell {
  readonly id: string;
  readonly criterion?: string;
  readonly parties?: readonly LooseCell[] | null;
}

function resultsOf(result: CaseResult): readonly LooseResult[] {
  return result.criteria;
}

/** The level label of a criterion (or `criterion/subject`), `n/a` when it does not apply. */
function levelOf(result: CaseResult, criterion: string): string | undefined {
  const all = resultsOf(result);
  const found = all.find((c) => c.id === criterion) ?? all.find((c) => c.criterion === criterion);
  if (!found) return undefined;
  if (!found.applicable) return 'n/a';
  if (found.level) return found.level.label;
  // A cell the record leaves open: `low..high`, low `n/a` when whether it applies is open too.
  const range = found.levelRange;
  if (!range) return 'none matched';
  return `${found.applicable === 'unknown' ? 'n/a' : (range.low?.label ?? 'none matched')}..${range.high?.label ?? 'none matched'}`;
}

/** Every level a result reached: the criterion's own, and each party's on per-party criteria. */
function reachedLevels(result: CaseResult): [criterion: string, label: string][] {
  return resultsOf(result).flatMap((c) => {
    const criterion = c.criterion ?? c.id;
    const cells = [c, ...(c.parties ?? [])];
    return cells.filter((cell) => cell.applicable === true && cell.level).map((cell): [string, string] => [criterion, cell.level!.label]);
  });
}

function scoreMatches(actual: number | null, expected: NonNullable<Expectation['score']>): boolean {
  if (actual === null) return false;
  if (typeof expected === 'number') return Math.abs(actual - expected) < 0.005;
  return (expected.min === undefined || actual >= expected.min) && (expected.max === undefined || actual <= expected.max);
}

/** The golden cases of a matrix: its own `tests:` and those of the `<matrix>.tests.yaml` beside it. */
function goldenCases(matrixFile: string): GoldenCase[] {
  const own = (parse(readFileSync(matrixFile, 'utf8')) as { tests?: GoldenCase[] }).tests ?? [];
  const beside = matrixFile.replace(/\.yaml$/, '.tests.yaml');
  const more = existsSync(beside) ? ((parse(readFileSync(beside, 'utf8')) as { tests: GoldenCase[] }).tests ?? []) : [];
  return [...own, ...more];
}

function compiledMatrix(file: string): CompiledMatrix {
  return compileMatrix(loadMatrix(readInputFile(file, NO_STDIN)).matrix);
}

function runCase(compiled: CompiledMatrix, matrixFile: string, golden: GoldenCase): CaseResult {
  return evaluateRecord(compiled, caseRecord(matrixFile, golden), golden.asOf === undefined ? {} : { asOf: golden.asOf });
}

/** Where a result departs from a case's expectation; empty when it meets it. */
function mismatches(result: CaseResult, expectation: Expectation): string[] {
  const { levels, verdict, score } = expectation;
  const found: string[] = [];
  for (const [criterion, label] of Object.entries(levels ?? {})) {
    // undefined when the matrix has no such criterion, so a misspelt id fails too.
    const actual = levelOf(result, criterion);
    const wanted = typeof label === 'string' ? label : `${label.low}..${label.high}`;
    if (actual !== wanted) found.push(`level of ${criterion}: ${actual}, expected ${wanted}`);
  }
  if (verdict !== undefined && result.verdict !== verdict) found.push(`verdict: ${result.verdict}, expected ${verdict}`);
  if (expectation.verdicts !== undefined && [...result.verdicts].sort().join() !== [...expectation.verdicts].sort().join())
    found.push(`verdicts: ${result.verdicts.join()}, expected ${expectation.verdicts.join()}`);
  if (expectation.undetermined !== undefined && result.undetermined !== expectation.undetermined) found.push(`undetermined: ${result.undetermined}`);
  if (score !== undefined && !scoreMatches(result.score, score)) found.push(`score ${result.score}, expected ${JSON.stringify(score)}`);
  const range = expectation.scoreRange;
  if (
    range !== undefined &&
    !(result.scoreRange && Math.abs(result.scoreRange.low - range.low) < 0.005 && Math.abs(result.scoreRange.high - range.high) < 0.005)
  ) {
    found.push(`score range ${JSON.stringify(result.scoreRange)}, expected ${JSON.stringify(range)}`);
  }
  return found;
}

/**
 * A value made when a test first asks for it, not as the file is collected: a run of a few of these
 * tests (`-t`, or the mutation tester's, test by test) then loads and compiles only their matrices.
 */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

describe.each(matrixFiles.map((file) => [file.slice(ROOT.length + 1), file]))('golden cases of %s', (_shown, file) => {
  const loaded = once(() => loadMatrix(readInputFile(file, NO_STDIN)));
  const compiled = once((): CompiledMatrix => compileMatrix(loaded().matrix));
  const cases = goldenCases(file);
  const run = (golden: GoldenCase): CaseResult => runCase(compiled(), file, golden);

  it('has golden cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((golden) => [golden.name, golden] as const))('%s', (_name, golden) => {
    expect(mismatches(run(golden), golden.expect)).toEqual([]);
  });

  it('reaches every level of every criterion', () => {
    // Levels as the engine decided them, not as the cases claim.
    const reached = new Map<string, Set<string>>(loaded().matrix.criteria.map((c) => [c.id, new Set<string>()]));
    for (const golden of cases) {
      for (const [criterion, label] of reachedLevels(run(golden))) reached.get(criterion)?.add(label);
    }
    const missing = loaded().matrix.criteria.flatMap((c) =>
      c.levels.filter((level) => !reached.get(c.id)!.has(level.label)).map((level) => `${c.id}: ${level.label}`),
    );
    expect(missing, 'levels no golden case reaches').toEqual([]);
  });
});

describe('lewis-2015 on the 2015 record, whatever its tests: list says', () => {
  const file = join(MATRICES, 'lewis-2015.yaml');
  const compiled = once(() => compileMatrix(loadMatrix(readInputFile(file, NO_STDIN)).matrix));
  const record = once(() => loadRecord(readInputFile(join(FIXTURES, 'us-china-2015-09.yaml'), NO_STDIN)).record);

  it('as of 2015-09-25: negotiation defined, verdict promise', () => {
    const result = evaluateRecord(compiled(), record(), { asOf: '2015-09-25' });
    expect(levelOf(result, 'negotiation')).toBe('defined');
    expect(result.verdict).toBe('promise');
  });

  it('as of 2015-12-02: negotiation initiated, verdict progress', () => {
    const result = evaluateRecord(compiled(), record(), { asOf: '2015-12-02' });
    expect(levelOf(result, 'negotiation')).toBe('initiated');
    expect(result.verdict).toBe('progress');
  });
});

// Version 2.0 of lewis-2015 changed five rules (its changelog). Each rule has golden cases named
// "rule N - ...", which must hold under 2.0 and fail under 1.0, kept as lewis-2015-v1: otherwise
// the case does not show the change it stands for.
describe('lewis-2015 2.0: each changed rule is a golden case that 1.0 fails', () => {
  const file = join(MATRICES, 'lewis-2015.yaml');
  const current = once(() => compiledMatrix(file));
  const previous = once(() => compiledMatrix(join(MATRICES, 'lewis-2015-v1.yaml')));
  const ruleCases = goldenCases(file).filter((golden) => /^rule [1-5] - /.test(golden.name));

  it("has at least one case for each of the five rules, each described in the source's words", () => {
    const rules = new Set(ruleCases.map((golden) => golden.name.slice(0, 'rule N'.length)));
    expect([...rules].sort()).toEqual(['rule 1', 'rule 2', 'rule 3', 'rule 4', 'rule 5']);
    for (const golden of ruleCases) expect(golden.description ?? '', golden.name).toMatch(/".+"/);
  });

  it.each(ruleCases.map((golden) => [golden.name, golden] as const))('%s', (_name, golden) => {
    expect(mismatches(runCase(current(), file, golden), golden.expect), 'under 2.0').toEqual([]);
    expect(mismatches(runCase(previous(), file, golden), golden.expect), 'under 1.0').not.toEqual([]);
  });
});
